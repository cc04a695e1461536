"""The server's heavy work: one bounded board of jobs shared by every session.

A training is seconds of thousands of small torch ops. The board runs each distinct request
once, in a small pool of worker threads (ACTIVATIONS_TRAINING_SLOTS, default 2: more trainings
at once only hand the GIL around), and keeps the results in a bounded LRU store:

- identical requests from a whole class compute once; a session that asks for a request
  already running waits for that job and sees its progress;
- a session whose request is queued is told its place in the queue;
- a student who changes a slider mid-training does not abort the job: it finishes in its
  worker and is stored, so nothing computed is lost;
- results are stored pickled and unpickled per call, so no session can change another's
  frames (what st.cache_data does too; its element replay is why it is not used here: a
  progress bar drawn from inside a cached function needs Streamlit's private API).

Nothing here imports Streamlit's script-run machinery: `Board` is plain Python (tested
without a server); `board()` holds the one instance in `st.cache_resource`.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

TTL = 6 * 3600  # seconds a result is kept: a lesson's worth
MAX_ENTRIES = 256  # results kept at most ...
MAX_BYTES = 512 * 2**20  # ... and at most this many pickled bytes in all
MAX_QUEUED = 200  # jobs waiting for a worker at most; beyond that a request is refused


class Busy(RuntimeError):
    """The queue is full: the server has more work waiting than it should accept."""


class Closed(RuntimeError):
    """The server is shutting down: its workers take no new work."""


@dataclass
class Job:
    """One request being computed: its progress as the worker reports it."""

    key: Hashable
    done: int = 0
    total: int = 0
    started: bool = False  # a worker has picked it up
    future: Future[Any] = field(default_factory=Future)


@dataclass(frozen=True)
class Status:
    """What a waiting session shows: queued (with its place) or running (done of total)."""

    queued: bool
    place: int  # 1 = next to start (queued only)
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0


class Board:
    """Deduplicated, bounded, queued computation with a bounded result store."""

    def __init__(
        self,
        workers: int = 2,
        max_entries: int = MAX_ENTRIES,
        max_bytes: int = MAX_BYTES,
        ttl: float = TTL,
        max_queued: int = MAX_QUEUED,
        initializer: Callable[[], None] | None = None,
    ):
        # `initializer` runs once in each worker thread: torch's denormal flushing is a setting
        # of the calling thread, so workers must set it themselves (core.runtime.configure).
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="trainer", initializer=initializer)
        self._lock = threading.Lock()
        self._store: OrderedDict[Hashable, tuple[float, bytes]] = OrderedDict()  # key -> (time, pickle)
        self._bytes = 0
        self._jobs: dict[Hashable, Job] = {}  # running or queued, in submission order
        self.max_entries, self.max_bytes, self.ttl, self.max_queued = max_entries, max_bytes, ttl, max_queued
        self.computed = 0  # jobs run to completion (for tests and metrics)

    # -- the store ------------------------------------------------------------------------
    def cached(self, key: Hashable) -> Any | None:
        """The stored result (a fresh copy), or None."""
        with self._lock:
            item = self._store.get(key)
            if item is None:
                return None
            if time.monotonic() - item[0] > self.ttl:
                self._evict(key)
                return None
            self._store.move_to_end(key)
            blob = item[1]
        return pickle.loads(blob)

    def _put(self, key: Hashable, blob: bytes) -> None:
        with self._lock:
            if key in self._store:
                self._evict(key)
            self._store[key] = (time.monotonic(), blob)
            self._bytes += len(blob)
            while self._store and (len(self._store) > self.max_entries or self._bytes > self.max_bytes):
                self._evict(next(iter(self._store)))

    def _evict(self, key: Hashable) -> None:
        _, blob = self._store.pop(key)
        self._bytes -= len(blob)

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {
                "entries": len(self._store),
                "bytes": self._bytes,
                "jobs": len(self._jobs),
                "computed": self.computed,
            }

    # -- jobs -----------------------------------------------------------------------------
    def submit(self, key: Hashable, fn: Callable[..., Any]) -> Job:
        """The job computing `key` (joining one already queued or running). `fn(progress)` is
        called in a worker; progress(done, total) may be called from it any number of times."""
        with self._lock:
            job = self._jobs.get(key)
            if job is not None:
                return job
            if sum(not j.started for j in self._jobs.values()) >= self.max_queued:
                raise Busy(f"{self.max_queued} jobs already waiting")
            job = Job(key)
            self._jobs[key] = job
        try:
            self._pool.submit(self._run, job, fn)
        except RuntimeError as e:  # the interpreter is exiting: the pool takes no new work
            with self._lock:
                self._jobs.pop(key, None)
            raise Closed(str(e)) from None
        return job

    def _run(self, job: Job, fn: Callable[..., Any]) -> None:
        job.started = True

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        try:
            result = fn(progress)
            self._put(job.key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            with self._lock:
                self.computed += 1
            job.future.set_result(result)
        except BaseException as e:  # the waiting sessions show it; the next request tries again
            job.future.set_exception(e)
        finally:
            with self._lock:
                self._jobs.pop(job.key, None)

    def status(self, job: Job) -> Status:
        with self._lock:
            if job.started:
                return Status(False, 0, job.done, job.total)
            waiting = [j for j in self._jobs.values() if not j.started]
            place = waiting.index(job) + 1 if job in waiting else 1
        return Status(True, place, 0, 0)

    def get(
        self,
        key: Hashable,
        fn: Callable[..., Any],
        on_status: Callable[[Status], None] | None = None,
        poll: float = 0.2,
    ) -> Any:
        """The result for `key`: stored, or computed by `fn(progress)` in a worker while
        `on_status` is called every `poll` seconds with the job's status."""
        hit = self.cached(key)
        if hit is not None:
            return hit
        job = self.submit(key, fn)
        while True:
            try:
                job.future.result(timeout=poll)
                break
            except TimeoutError:
                if on_status is not None:
                    on_status(self.status(job))
        stored = self.cached(key)  # a copy of our own: the job's object is shared by its waiters
        return stored if stored is not None else pickle.loads(pickle.dumps(job.future.result()))


def workers() -> int:
    """ACTIVATIONS_TRAINING_SLOTS (default 2): trainings run at once by one server."""
    slots = os.environ.get("ACTIVATIONS_TRAINING_SLOTS", "2")
    return max(1, int(slots)) if slots.isdigit() else 2


@st.cache_resource(show_spinner=False)
def board() -> Board:
    """The server's one board (cache_resource: one object shared by every session; it is
    thread-safe and sessions never mutate what it returns)."""
    import core.runtime

    return Board(workers=workers(), initializer=core.runtime.configure)
