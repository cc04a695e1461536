"""The server's heavy work: one bounded board of training units shared by every session.

A training is seconds of thousands of small torch ops, and its cost hardly grows with the
number of networks stacked into it (core.train trains K nets in one batched computation). So
the board schedules *units* (one network each) rather than requests:

- a request (one lesson's call, e.g. four variants) is split into units; a unit that is
  stored, queued or running for someone else is shared, never trained twice (the lecture's
  three reference settings are the same for every student of a page);
- units of one *group* (same training settings and data) that are queued together train
  together in one stacked run: a class exploring twenty learning rates costs a few runs;
- a worker picks the next group by highest response ratio ((wait + work) / work): short
  work goes first, and a long wait still rises to the top, so nobody starves;
- every waiting session sees its place in line and an estimate from the step rates measured
  on this machine; a session on a running unit sees that run's progress;
- when nobody waits for a queued unit any longer (the student moved a slider: that script
  run stopped) it leaves the queue, so one session's work at once is bounded by its current
  request. A *running* unit always finishes and is stored: nothing computed is lost;
- work of the `background` lane (warm start's long runs, such as the lecture's 200,000-step loss
  log) runs on a worker of its own, in a lowered-priority process started only while it has
  work: it never holds the slot that students' settings wait for, and a student who asks for
  the same result joins it and sees its progress;
- results are stored pickled (a fresh copy per caller: no session can change another's
  frames) in a store bounded by entries, bytes and age.

Tiny work (the views at init) can run `inline`, in the asking session's own thread: it must not
wait behind a queue of long trainings, and its result is stored and shared all the same.

Nothing here imports Streamlit's script-run machinery: `Board` is plain Python (tested
without a server); `board()` holds the one instance in `st.cache_resource`.
"""

from __future__ import annotations

import atexit
import os
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future, wait
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

TTL = 6 * 3600  # seconds a result is kept: a lesson's worth
MAX_ENTRIES = 1024  # unit results kept at most ...
MAX_BYTES = 256 * 2**20  # ... and at most this many pickled bytes in all
MAX_QUEUED = 160  # units waiting for a worker at most; beyond that a request is refused
MAX_BATCH = 16  # units stacked into one run at most
INLINE_AT_ONCE = 2  # inline runs at once: each holds ~60 MB of eval tensors, and they share one GIL
POLICIES = ("hrrn", "fifo")  # highest response ratio next (the default), first come first served
DEFAULT_RATE = 2e-4  # seconds per unit-step before anything of a kind was measured
MAIN, BACKGROUND = "main", "background"  # lanes: students' requests; warm start's long runs
BACKGROUND_NICE = 10  # the background trainer's niceness: the OS serves the students' first

Progress = Callable[[int, int], None]


class Busy(RuntimeError):
    """The queue is full. `retry_s`: about when it will have room again."""

    def __init__(self, message: str, retry_s: float):
        super().__init__(message)
        self.retry_s = retry_s


class Closed(RuntimeError):
    """The server is shutting down: its workers take no new work."""


@dataclass(frozen=True)
class Work:
    """How the units of one group are computed: ``run(*args, items, progress)`` returns one
    result per item, in order, for any subset of the group's items (so the board can stack units that
    different sessions asked for). ``steps`` measures one unit's cost; ``kind`` names the step
    rate it is estimated with."""

    group: Hashable  # None: every item is a group of its own, stored under the item itself
    run: Callable[..., list[Any]]  # run(*args, items, progress); module-level to run in a process
    args: tuple[Any, ...] = ()
    steps: int = 1
    kind: str = ""
    max_batch: int = MAX_BATCH
    portable: bool = False  # `run` and `args` pickle (module level): a board with processes runs it in one
    lane: str = MAIN  # BACKGROUND: taken only by the background worker (see the module's notes)


@dataclass(eq=False)
class _Unit:
    key: Hashable  # (group, item), or the item for work of no group
    item: Any
    work: Work
    queued_at: float
    waiters: int = 0  # callers waiting for it now
    batch: _Batch | None = None  # set when a worker (or an inline caller) takes it
    future: Future[Any] = field(default_factory=Future)

    @property
    def group(self) -> Hashable:
        return ("unit", self.key) if self.work.group is None else self.work.group


@dataclass(eq=False)
class _Batch:
    """Units running together, and the run's progress."""

    units: list[_Unit]
    kind: str
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    total: int = 0

    def left_s(self, rate: float) -> float:
        """Seconds left: from this run's own pace once it has one, else from the measured rate."""
        if self.done and self.total:
            return (time.monotonic() - self.started) / self.done * (self.total - self.done)
        steps = self.units[0].work.steps
        return rate * steps * len(self.units)


@dataclass(frozen=True)
class Status:
    """What a waiting session shows: queued (its place, 1 = next) or running (done of total
    steps, stacked with `nets` networks), and an estimate of the seconds left (None: unknown)."""

    queued: bool
    place: int
    done: int
    total: int
    eta_s: float | None = None
    nets: int = 0

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0


class Board:
    """Deduplicated, batched, queued computation with a bounded result store."""

    def __init__(
        self,
        workers: int = 2,
        max_entries: int = MAX_ENTRIES,
        max_bytes: int = MAX_BYTES,
        ttl: float = TTL,
        max_queued: int = MAX_QUEUED,
        initializer: Callable[[], None] | None = None,
        policy: str = "hrrn",
        processes: bool = False,
        background: bool = True,
    ):
        # `initializer` runs once in each worker thread: torch's denormal flushing is a setting
        # of the calling thread, so workers must set it themselves (core.runtime.configure).
        self._cv = threading.Condition()
        self._store: OrderedDict[Hashable, tuple[float, bytes]] = OrderedDict()  # key -> (time, pickle)
        self._bytes = 0
        self._units: dict[Hashable, _Unit] = {}  # queued or running, in submission order
        self._running: list[_Batch] = []
        self._rates: dict[str, float] = {}  # kind -> measured seconds per unit-step (EWMA)
        self.max_entries, self.max_bytes, self.ttl, self.max_queued = max_entries, max_bytes, ttl, max_queued
        self.workers = workers
        self.computed = 0  # units computed (for tests and metrics)
        self.batches = 0  # runs that computed them, in workers ...
        self.inline_runs = 0  # ... and in the asking sessions' threads
        self.closed = False
        self._initializer = initializer
        self._inline_gate = threading.BoundedSemaphore(INLINE_AT_ONCE)
        self.processes = processes  # each worker trains in a child process (ui/workers.py)
        if policy not in POLICIES:
            raise ValueError(f"policy {policy!r} is not one of {POLICIES}")
        self.policy = policy
        for i in range(workers):
            threading.Thread(target=self._worker, name=f"trainer-{i}", daemon=True).start()
        self.lanes = (MAIN, BACKGROUND) if background else (MAIN,)
        if background:
            threading.Thread(target=self._worker, args=(BACKGROUND,), name="trainer-background", daemon=True).start()

    # -- the store ------------------------------------------------------------------------
    def cached(self, key: Hashable) -> Any | None:
        """The stored result (a fresh copy), or None."""
        blob = self._blob(key)
        return None if blob is None else pickle.loads(blob)

    def _blob(self, key: Hashable) -> bytes | None:
        with self._cv:
            item = self._store.get(key)
            if item is None:
                return None
            if time.monotonic() - item[0] > self.ttl:
                self._evict(key)
                return None
            self._store.move_to_end(key)
            return item[1]

    def _put(self, key: Hashable, blob: bytes) -> None:
        # under self._cv
        if key in self._store:
            self._evict(key)
        self._store[key] = (time.monotonic(), blob)
        self._bytes += len(blob)
        while self._store and (len(self._store) > self.max_entries or self._bytes > self.max_bytes):
            self._evict(next(iter(self._store)))

    def _evict(self, key: Hashable) -> None:
        _, blob = self._store.pop(key)
        self._bytes -= len(blob)

    def stats(self) -> dict[str, Any]:
        with self._cv:
            return {
                "entries": len(self._store),
                "bytes": self._bytes,
                "jobs": len(self._units),
                "queued": sum(u.batch is None for u in self._units.values()),
                "computed": self.computed,
                "batches": self.batches,
                "inline_runs": self.inline_runs,
                "rates": dict(self._rates),
            }

    def close(self) -> None:
        """Take no new work; the workers stop when idle (a server shutting down)."""
        with self._cv:
            self.closed = True
            self._cv.notify_all()

    # -- asking ---------------------------------------------------------------------------
    def stored(self, work: Work, items: Sequence[Hashable]) -> bool:
        """Whether every item's result is in the store (asking for them would not wait)."""
        with self._cv:
            keys = (it if work.group is None else (work.group, it) for it in items)
            return all(k in self._store for k in keys)

    def get_many(
        self,
        work: Work,
        items: Sequence[Hashable],
        on_status: Callable[[Status], None] | None = None,
        poll: float = 0.2,
        inline: bool = False,
    ) -> list[Any]:
        """The results of `items` of `work`'s group, in order: stored, or computed (queued for
        the workers, or here with `inline`) while `on_status` is called every `poll` s."""
        keys = [it if work.group is None else (work.group, it) for it in items]
        blobs: dict[Hashable, bytes] = {}
        for k in dict.fromkeys(keys):
            b = self._blob(k)
            if b is not None:
                blobs[k] = b
        missing = [(k, it) for k, it in dict.fromkeys(zip(keys, items)) if k not in blobs]
        if missing:
            units, mine = self._join(work, missing, inline)
            try:
                if mine is not None:
                    self._compute(mine, inline=True)
                pending = [u for u in units if not u.future.done()]
                while pending:
                    if on_status is not None:
                        on_status(self.status(pending))
                    wait([u.future for u in pending], timeout=poll)
                    pending = [u for u in pending if not u.future.done()]
            finally:
                self._leave(units)
            for u in units:
                err = u.future.exception()
                if err is not None:
                    raise err
                blobs[u.key] = u.future.result()
        return [pickle.loads(blobs[k]) for k in keys]

    def get(
        self,
        key: Hashable,
        fn: Callable[[Progress], Any],
        on_status: Callable[[Status], None] | None = None,
        poll: float = 0.2,
        inline: bool = False,
    ) -> Any:
        """The result for `key` alone: `fn(progress)` computed once, in a group of its own."""
        work = Work(group=None, run=lambda items, progress: [fn(progress)], max_batch=1)
        return self.get_many(work, [key], on_status, poll, inline)[0]

    def submit(self, key: Hashable, fn: Callable[[Progress], Any]) -> Future[Any]:
        """Queue `fn(progress)` under `key` without waiting (its future holds the pickled result)."""
        work = Work(group=None, run=lambda items, progress: [fn(progress)], max_batch=1)
        (unit,), _ = self._join(work, [(key, key)], inline=False)
        return unit.future

    def _join(self, work: Work, missing: list[tuple[Hashable, Any]], inline: bool) -> tuple[list[_Unit], _Batch | None]:
        """The units of `missing`: joined if queued or running, else new: queued for the
        workers, or (inline) taken by the caller at once, before any worker can see them."""
        with self._cv:
            if self.closed:
                raise Closed("the server is shutting down")
            if work.lane not in self.lanes:
                raise ValueError(f"this board has no {work.lane!r} lane")
            new = [k for k, _ in missing if k not in self._units]
            queued = sum(u.batch is None for u in self._units.values())
            if new and not inline and queued + len(new) > self.max_queued:
                raise Busy(f"{queued} units already waiting", retry_s=self._backlog_s())
            units = []
            now = time.monotonic()
            for k, it in missing:
                u = self._units.get(k)
                if u is None:
                    u = self._units[k] = _Unit(k, it, work, now)
                u.waiters += 1
                units.append(u)
            if not inline:
                self._cv.notify_all()
                return units, None
            mine = [u for u in units if u.batch is None]  # ours, unless a worker or caller has it
            batch = _Batch(mine, work.kind)
            for u in mine:
                u.batch = batch
            return units, batch if mine else None

    def _leave(self, units: list[_Unit]) -> None:
        """The caller stops waiting (done, or its script run was stopped): a queued unit that
        nobody waits for any more leaves the queue."""
        with self._cv:
            for u in units:
                u.waiters -= 1
                if u.waiters <= 0 and u.batch is None and not u.future.done():
                    self._units.pop(u.key, None)
                    u.future.cancel()

    # -- status and estimates ---------------------------------------------------------------
    def _rate(self, kind: str) -> float:
        return self._rates.get(kind, DEFAULT_RATE)

    def _backlog_s(self) -> float:
        """Seconds until the queue has drained, at the measured rates (under the lock)."""
        work = sum(b.left_s(self._rate(b.kind)) for b in self._running)
        work += sum(self._rate(u.work.kind) * u.work.steps for u in self._units.values() if u.batch is None)
        return work / max(1, self.workers)

    def status(self, units: Sequence[_Unit]) -> Status:
        """Where these units stand: running (the slowest of their runs) or queued (place and
        estimate: the work ahead of their oldest unit in other groups, plus their own)."""
        with self._cv:
            waiting = [u for u in units if u.batch is None and not u.future.done()]
            if not waiting:
                runs = {id(u.batch): u.batch for u in units if u.batch is not None and not u.future.done()}
                if not runs:
                    return Status(False, 0, 1, 1, 0.0)
                b = min(runs.values(), key=lambda r: r.done / r.total if r.total else 0.0)
                return Status(False, 0, b.done, b.total, b.left_s(self._rate(b.kind)), len(b.units))
            mine = {u.group for u in waiting}
            lane = waiting[0].work.lane  # a lane's queue is served by its own workers only
            first = min(u.queued_at for u in waiting)
            ahead = [u for u in self._units.values() if u.batch is None and u.queued_at < first]
            ahead = [u for u in ahead if u.group not in mine and u.work.lane == lane]
            groups_ahead = len({u.group for u in ahead})
            running = sum(b.left_s(self._rate(b.kind)) for b in self._running if b.units[0].work.lane == lane)
            queued = sum(self._rate(u.work.kind) * u.work.steps for u in ahead)
            own = max(self._rate(u.work.kind) * u.work.steps * len(waiting) for u in waiting)
            # the running runs end first; the queue ahead is shared by the lane's workers; then ours
            eta = (running + queued) / max(1, self.workers if lane == MAIN else 1) + own
            return Status(True, groups_ahead + 1, 0, 0, eta)

    # -- the workers ----------------------------------------------------------------------
    def _next_batch(self, lane: str = MAIN) -> _Batch | None:
        """Under the lock: the queued group of `lane` with the highest response ratio, stacked
        up to its max_batch units (oldest first)."""
        groups: dict[Hashable, list[_Unit]] = {}
        for u in self._units.values():
            if u.batch is None and u.work.lane == lane:
                groups.setdefault(u.group, []).append(u)
        if not groups:
            return None
        now = time.monotonic()

        def ratio(us: list[_Unit]) -> float:
            w = us[0].work
            service = self._rate(w.kind) * w.steps * min(len(us), w.max_batch) + 0.05
            return (now - us[0].queued_at + service) / service

        # "fifo": the group of the oldest queued unit (for comparison: python -m bench.load
        # --distinct 60 with ACTIVATIONS_SCHEDULE=fifo)
        units = max(groups.values(), key=ratio) if self.policy == "hrrn" else next(iter(groups.values()))
        units = units[: units[0].work.max_batch]
        batch = _Batch(units, units[0].work.kind)
        for u in units:
            u.batch = batch
        return batch

    def _worker(self, lane: str = MAIN) -> None:
        """A worker of `lane`. The main lane's keeps its trainer process for good (students
        wait on it); the background lane's starts one, niced, for each spell of work and
        closes it when its lane is empty (its memory is the server's only while it works)."""
        if self._initializer is not None:
            self._initializer()
        name = threading.current_thread().name
        proc = None
        if self.processes and lane == MAIN:  # ready before the first student asks
            from ui.workers import TrainerProcess

            proc = TrainerProcess(name)
        try:
            while True:
                with self._cv:
                    batch = self._next_batch(lane)
                    idle = batch is None and lane == BACKGROUND
                if idle and proc is not None:  # closed outside the lock: a child's exit takes a while
                    proc.close()
                    proc = None
                with self._cv:
                    batch = batch or self._next_batch(lane)
                    while batch is None:
                        if self.closed:
                            return
                        self._cv.wait()
                        batch = self._next_batch(lane)
                if self.processes and proc is None:
                    from ui.workers import TrainerProcess

                    proc = TrainerProcess(name, nice=BACKGROUND_NICE if lane == BACKGROUND else 0)
                self._compute(batch, proc=proc)
        finally:
            if proc is not None:
                proc.close()

    def _compute(self, batch: _Batch, inline: bool = False, proc: Any = None) -> None:
        work = batch.units[0].work

        def progress(done: int, total: int) -> None:
            batch.done, batch.total = done, total

        with self._cv:
            self._running.append(batch)
        t0 = time.perf_counter()
        items = [u.item for u in batch.units]
        try:
            if proc is not None and work.portable:  # pickled in the child
                blobs = proc.run(work.run, work.args, items, progress)
            elif inline:
                with self._inline_gate:
                    results = work.run(*work.args, items, progress)
                blobs = [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results]
            else:
                results = work.run(*work.args, items, progress)
                blobs = [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results]
            error: BaseException | None = None
        except BaseException as e:  # every waiter sees it; the next request tries again
            error, blobs = e, []
        seconds = time.perf_counter() - t0
        if work.kind and not inline:  # the server log's record of what the trainer did
            waited = time.monotonic() - seconds - min(u.queued_at for u in batch.units)
            print(
                f"trainer: {work.kind} {len(items)} unit(s) x {work.steps} steps in {seconds:.1f} s"
                f" after {waited:.1f} s in line",
                flush=True,
            )
        with self._cv:
            self._running.remove(batch)
            if error is None:
                if inline:
                    self.inline_runs += 1
                else:
                    self.batches += 1
                self.computed += len(batch.units)
                # the steps the run reported taking: a continued run (ui/workers.py) takes fewer
                unit_steps = (batch.total or work.steps) * len(batch.units)
                if work.kind and unit_steps >= 100:  # the rate of real runs, not of 1-step ones
                    r = seconds / unit_steps
                    self._rates[work.kind] = (
                        r if work.kind not in self._rates else 0.7 * self._rates[work.kind] + 0.3 * r
                    )
                for u, blob in zip(batch.units, blobs):
                    self._put(u.key, blob)
            for u in batch.units:
                self._units.pop(u.key, None)
            self._cv.notify_all()
        for u, blob in zip(batch.units, blobs):
            u.future.set_result(blob)
        if error is not None:
            for u in batch.units:
                u.future.set_exception(error)


def workers() -> int:
    """ACTIVATIONS_TRAINING_SLOTS: trainer processes of one server. Default: one core left for
    the server itself, at most 2. Measured on 2 cores, 60 students each on a setting of their
    own (python -m bench.load --distinct 60): 1 trainer, first chart p95 24 s, whole view p95
    157 s, peak RSS 1.8 GB; 2 trainers, 59 s, 122 s and 2.4 GB (the renders lost their core)."""
    default = max(1, min(2, (os.cpu_count() or 2) - 1))
    slots = os.environ.get("ACTIVATIONS_TRAINING_SLOTS", "")
    return max(1, int(slots)) if slots.isdigit() else default


def use_processes() -> bool:
    """ACTIVATIONS_TRAINER (default "process"): train in child processes, or "thread"."""
    return os.environ.get("ACTIVATIONS_TRAINER", "process") != "thread"


def policy() -> str:
    """ACTIVATIONS_SCHEDULE: "hrrn" (default) or "fifo"."""
    chosen = os.environ.get("ACTIVATIONS_SCHEDULE", "hrrn")
    return chosen if chosen in POLICIES else "hrrn"


@st.cache_resource(show_spinner=False)
def board() -> Board:
    """The server's one board (cache_resource: one object shared by every session; it is
    thread-safe and sessions never mutate what it returns)."""
    import core.runtime

    b = Board(workers=workers(), initializer=core.runtime.configure, policy=policy(), processes=use_processes())
    atexit.register(b.close)  # a warm start still running at exit stops asking
    return b
