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
import dataclasses
import functools
import inspect
import os
import pickle
import shutil
import subprocess
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:  # the child imports torch only when a job needs it
    from core.config import DataConfig
    from core.data import Dataset
    from core.deep import DeepCheckpoint

PROGRESS_EVERY = 0.25  # seconds between two progress messages from a child
MEMO_BYTES = 32 * 2**20  # a trainer's checkpoints: ~0.8 MB for a 5,000-step deep run


class TrainerDied(RuntimeError):
    """The child process stopped in the middle of a job."""


NICE = shutil.which("nice")  # coreutils' nice(1)


class TrainerProcess:
    """One child process (``python -m ui.workers``) that runs jobs one at a time for one board
    worker thread. Not multiprocessing: its spawn re-imports the parent's __main__, which in a
    Streamlit server is the app's script, so each child would run the app."""

    def __init__(self, name: str = "trainer", nice: int = 0):
        self._name = name
        self._nice = nice  # the child runs at this niceness: lower priority than the server
        self._start()

    def _start(self) -> None:
        root = str(Path(__file__).resolve().parents[1])
        # the parent's import path (as multiprocessing's spawn passes it): the job's function
        # is pickled by module name, and must import in the child
        path = [root, *(p for p in sys.path if p and Path(p).is_dir())]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(path))}
        self._proc = subprocess.Popen(
            # started through nice(1) when niced: low priority from its first instruction (its
            # imports take seconds of CPU too); else the child calls os.nice itself
            [*([str(NICE), "-n", str(self._nice)] if self._nice and NICE else []), sys.executable, "-m", "ui.workers"]
            + [self._name, str(0 if NICE else self._nice)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=root,
            env=env,
        )

    @property
    def pid(self) -> int | None:
        return self._proc.pid

    def run(
        self, fn: Callable[..., list[Any]], args: Sequence[Any], items: list[Any], progress: Callable[[int, int], None]
    ) -> list[bytes]:
        """``fn(*args, items, progress)`` in the child: one pickled result per item."""
        if self._proc.poll() is not None:
            self._start()
        stdin, stdout = self._proc.stdin, self._proc.stdout
        assert stdin is not None and stdout is not None
        try:
            pickle.dump((fn, tuple(args), items), stdin, protocol=pickle.HIGHEST_PROTOCOL)
            stdin.flush()
            while True:
                kind, *rest = pickle.load(stdout)
                if kind == "progress":
                    progress(*rest)
                elif kind == "done":
                    return list(rest[0])
                else:  # "error"
                    raise rest[0]
        except (EOFError, OSError, pickle.UnpicklingError):
            code = self._proc.wait(5)
            self._start()
            raise TrainerDied(f"the trainer process stopped (exit code {code})") from None

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            if self._proc.stdin is not None:
                self._proc.stdin.close()  # EOF: the child's loop ends
        try:
            self._proc.wait(2)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(2)


def _serve(inp: BinaryIO, out: BinaryIO) -> None:
    """The child's loop: jobs in, progress and pickled results out, until EOF."""
    import core.runtime

    core.runtime.configure()  # the app's torch settings: the child's numbers are the app's

    def send(msg: tuple[Any, ...]) -> None:
        pickle.dump(msg, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    memo = Checkpoints()  # this child's, for the jobs that continue runs

    while True:
        try:
            fn, args, items = pickle.load(inp)
        except EOFError:
            return
        except Exception as e:  # a job that does not unpickle here: say so, and start afresh
            send(("error", RuntimeError(f"the trainer could not read its job: {type(e).__name__}: {e}")))
            return
        try:
            extra = {"memo": memo} if _takes_memo(fn) else {}
            results = fn(*args, items, _Reporter(send), **extra)
            send(("done", [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results]))
        except Exception as e:  # sent back whole when it pickles, else as its text
            try:
                send(("error", e))
            except Exception:
                send(("error", RuntimeError(f"{type(e).__name__}: {e}")))


@functools.cache
def _takes_memo(fn: Callable[..., Any]) -> bool:
    return "memo" in inspect.signature(fn).parameters


class Checkpoints:
    """Where a trainer process's deep runs ended, bounded by bytes (least recently used out).

    A student who moves the steps slider from 1,000 to 2,000 asks for a run whose first 1,000
    steps this process has taken: it continues from there (core.deep.train_deep_runs), with
    the bits of a run from the start. Kept in the child that trained them, so only a request
    that reaches the same process continues (one trainer on 2 cores: all of them).
    """

    def __init__(self, max_bytes: int = MEMO_BYTES):
        self.max_bytes = max_bytes
        self._runs: OrderedDict[tuple[Hashable, int], DeepCheckpoint] = OrderedDict()
        self._bytes = 0

    @staticmethod
    def key(cfg: Any, tcfg: Any, data_key: Any) -> Hashable:
        """What two runs must share to continue one from the other: all but the steps."""
        return (cfg, dataclasses.replace(tcfg, steps=0), data_key)

    def best(self, key: Hashable, steps: int) -> DeepCheckpoint | None:
        """The longest run of `key` of at most `steps` steps, if any."""
        held = [n for k, n in self._runs if k == key and n <= steps]
        if not held:
            return None
        self._runs.move_to_end((key, max(held)))
        return self._runs[(key, max(held))]

    def put(self, key: Hashable, ckpt: DeepCheckpoint) -> None:
        old = self._runs.pop((key, ckpt.steps), None)
        self._bytes -= 0 if old is None else old.nbytes
        if ckpt.nbytes > self.max_bytes:
            return
        self._runs[(key, ckpt.steps)] = ckpt
        self._bytes += ckpt.nbytes
        while self._bytes > self.max_bytes:
            _, out = self._runs.popitem(last=False)
            self._bytes -= out.nbytes

    def __len__(self) -> int:
        return len(self._runs)


class _Reporter:
    """A job's progress(done, total) in the child: sent to the parent at most every
    PROGRESS_EVERY s (and at the end)."""

    def __init__(self, send: Callable[[tuple[Any, ...]], None]):
        self._send, self._last = send, 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY or done >= total:
            self._last = now
            self._send(("progress", done, total))


# -- what the children run: the stacked trainings of ui/cache.py's plans ----------------------
def build(data_key: DataConfig, words: tuple[str, ...] | None) -> Dataset:
    """The dataset of a DataConfig: the bundled names (source "names"), or an uploaded list's
    words. The one place that decides which; ui/cache.py's shared copy builds with it too."""
    from core.data import build_dataset, names_dataset

    if data_key.source == "names":
        return names_dataset(block_size=data_key.block_size, seed=data_key.split_seed)
    if words is None:
        raise ValueError(f"the words of data source {data_key.source!r} were not given")
    return build_dataset(words, block_size=data_key.block_size, seed=data_key.split_seed)


@functools.lru_cache(maxsize=4)
def dataset(data_key: DataConfig, words: tuple[str, ...] | None) -> Dataset:
    """`build`, once per trainer process: a child gets the words, never the tensors, through
    its pipe."""
    return build(data_key, words)


def train_parts(
    tcfg: Any, data_key: Any, words: tuple[str, ...] | None, items: list[Any], progress: Callable[[int, int], None]
) -> list[Any]:
    """Networks (MLPConfigs) of several requests trained stacked: each one's own part."""
    from core import stacking
    from core.train import train_variants, variant_names

    res = train_variants(items, tcfg, dataset(data_key, words), progress=progress)
    return [stacking.part(res, n) for n in variant_names(items)]


def train_deep_parts(
    tcfg: Any,
    data_key: Any,
    words: tuple[str, ...] | None,
    items: list[Any],
    progress: Callable[[int, int], None],
    memo: Checkpoints | None = None,
) -> list[Any]:
    """Deep networks (DeepConfigs of one shape) trained stacked: one DeepResult each. With a
    memo, each net continues from its longest earlier run in it (nets that start at the same
    step stack), and progress counts the steps still to take, per net."""
    from core import deep

    data = dataset(data_key, words)
    if memo is None:
        return list(deep.train_deep_many(items, tcfg, data, progress=progress))
    keys = [memo.key(cfg, tcfg, data_key) for cfg in items]
    starts = [memo.best(k, tcfg.steps) for k in keys]
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(starts):
        groups.setdefault(0 if c is None else c.steps, []).append(i)
    n = len(items)
    total = sum(len(ix) * (tcfg.steps - m) for m, ix in groups.items())
    results: list[Any] = [None] * n
    before = 0  # net-steps of the groups already trained
    for m, ix in groups.items():
        start = None if m == 0 else [c for c in (starts[i] for i in ix) if c is not None]

        def part(done: int, _total: int, before: int = before, k: int = len(ix)) -> None:
            if total:
                progress((before + k * done) // n, total // n)

        runs = deep.train_deep_runs([items[i] for i in ix], tcfg, data, progress=part, start=start)
        for i, (res, ckpt) in zip(ix, runs):
            results[i] = res
            memo.put(keys[i], ckpt)
        before += len(ix) * (tcfg.steps - m)
    return results


def bn_probe_parts(
    data_key: Any, words: tuple[str, ...] | None, items: list[Any], progress: Callable[[int, int], None]
) -> list[Any]:
    """The BatchNorm page's runs (core.batchnorm.BNSetup), one after the other."""
    from core.batchnorm import bn_probe

    data = dataset(data_key, words)
    return [bn_probe(setup, data, progress=progress) for setup in items]


if __name__ == "__main__":  # python -m ui.workers NAME [NICE]: a board worker's child
    if len(sys.argv) > 2 and int(sys.argv[2]):
        os.nice(int(sys.argv[2]))  # a background trainer: the students' work comes first
    # the pipe to the parent is the real stdout; anything printed goes to stderr instead
    results_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    try:
        _serve(sys.stdin.buffer, results_out)
    except (BrokenPipeError, KeyboardInterrupt):  # the parent left mid-job: nobody to tell,
        os._exit(0)  # and no buffered bytes to flush into the broken pipe at exit
