"""Trainer processes: the board's training runs in child processes, not in server threads.

Training is thousands of tiny torch ops, each a few microseconds of Python holding the GIL.
Two training threads in the server process ran no faster than one (measured: 1.09x for two
stacked K = 8 runs at once) and slowed every page render, which needs the same GIL. A child
process per board worker trains on a core of its own; the server's threads only schedule,
render and wait.

Each board worker thread owns one `TrainerProcess`. A job is ``(fn, args, items)``: a
module-level function (picklable by name) called as ``fn(*args, items, progress)`` in the
child, whose results come back pickled (the board stores pickles anyway) and whose progress
comes back as messages every few tenths of a second. A child that dies (out of memory, a
crash) fails its job with a message and is started again for the next one.

The child imports no Streamlit: this module and the functions it runs are plain Python.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing as mp
import pickle
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

PROGRESS_EVERY = 0.25  # seconds between two progress messages from a child


class TrainerDied(RuntimeError):
    """The child process stopped in the middle of a job."""


class TrainerProcess:
    """One child process that runs jobs one at a time for one board worker thread."""

    def __init__(self, name: str = "trainer"):
        self._ctx = mp.get_context("spawn")  # never fork a threaded server
        self._name = name
        self._start()

    def _start(self) -> None:
        self._conn, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_serve, args=(child,), name=self._name, daemon=True)
        self._proc.start()
        child.close()

    @property
    def pid(self) -> int | None:
        return self._proc.pid

    def run(
        self, fn: Callable[..., list[Any]], args: Sequence[Any], items: list[Any], progress: Callable[[int, int], None]
    ) -> list[bytes]:
        """``fn(*args, items, progress)`` in the child: one pickled result per item."""
        if not self._proc.is_alive():
            self._start()
        try:
            self._conn.send((fn, tuple(args), items))
            while True:
                kind, *rest = self._conn.recv()
                if kind == "progress":
                    progress(*rest)
                elif kind == "done":
                    return list(rest[0])
                else:  # "error"
                    raise rest[0]
        except (EOFError, OSError):
            self._proc.join(5)  # the pipe closes a moment before the exit code is known
            code = self._proc.exitcode
            self.close()
            self._start()
            raise TrainerDied(f"the trainer process stopped (exit code {code})") from None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._conn.send(None)
        self._proc.join(2)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(2)
        self._conn.close()


def _serve(conn: Connection) -> None:
    """The child's loop: jobs in, progress and pickled results out, until None or EOF."""
    import core.runtime

    core.runtime.configure()  # the app's torch settings: the child's numbers are the app's
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args, items = job
        try:
            results = fn(*args, items, _Reporter(conn))
            conn.send(("done", [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results]))
        except Exception as e:  # sent back whole when it pickles, else as its text
            try:
                conn.send(("error", e))
            except Exception:
                conn.send(("error", RuntimeError(f"{type(e).__name__}: {e}")))


class _Reporter:
    """A job's progress(done, total) in the child: sent to the parent at most every
    PROGRESS_EVERY s (and at the end)."""

    def __init__(self, conn: Connection):
        self._conn, self._last = conn, 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY or done >= total:
            self._last = now
            self._conn.send(("progress", done, total))


# -- what the children run: the stacked trainings of ui/cache.py's plans ----------------------
@functools.lru_cache(maxsize=4)
def dataset(data_key: Any, words: tuple[str, ...] | None) -> Any:
    """The dataset of a DataConfig (the bundled names, or an uploaded word list's words), built
    once per process: a child gets the words, never the tensors, through its pipe."""
    from core.data import build_dataset, names_dataset

    if words is None:
        return names_dataset(block_size=data_key.block_size, seed=data_key.split_seed)
    return build_dataset(words, block_size=data_key.block_size, seed=data_key.split_seed)


def train_parts(
    tcfg: Any, data_key: Any, words: tuple[str, ...] | None, items: list[Any], progress: Callable[[int, int], None]
) -> list[Any]:
    """Networks (MLPConfigs) of several requests trained stacked: each one's own part."""
    from core import stacking
    from core.train import train_variants, variant_names

    res = train_variants(items, tcfg, dataset(data_key, words), progress=progress)
    return [stacking.part(res, n) for n in variant_names(items)]


def train_deep_parts(
    tcfg: Any, data_key: Any, words: tuple[str, ...] | None, items: list[Any], progress: Callable[[int, int], None]
) -> list[Any]:
    """Deep networks (DeepConfigs of one shape) trained stacked: one DeepResult each."""
    from core import deep

    return list(deep.train_deep_many(items, tcfg, dataset(data_key, words), progress=progress))
