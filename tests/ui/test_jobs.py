"""The server's job board (ui/jobs.py): one computation per distinct request, bounded
workers with an honest queue, a bounded store, and copies that no session can share."""

from __future__ import annotations

import threading
import time

import pytest

from ui.jobs import Board, Busy, Closed, Work


def slow(value, seconds=0.05, calls=None):
    def work(progress):
        if calls is not None:
            calls.append(value)
        for i in range(5):
            progress(i + 1, 5)
            time.sleep(seconds / 5)
        return {"value": value, "rows": [value] * 3}

    return work


def test_identical_requests_compute_once_and_each_caller_gets_its_own_copy():
    board, calls, results = Board(workers=2), [], []

    def ask():
        results.append(board.get("k", slow(1, calls=calls)))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert calls == [1] and board.computed == 1
    assert all(r == {"value": 1, "rows": [1, 1, 1]} for r in results)
    results[0]["rows"].append("changed by one session")
    assert board.get("k", slow(2)) == {"value": 1, "rows": [1, 1, 1]}  # the store is untouched
    assert len({id(r) for r in results}) == len(results)


def test_at_most_the_workers_run_at_once_and_the_queue_says_each_place():
    board, running, peak, lock = Board(workers=2), [0], [0], threading.Lock()
    places: dict[int, set[int]] = {}

    def work(i):
        def fn(progress):
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            time.sleep(0.1)
            with lock:
                running[0] -= 1
            return i

        return fn

    def ask(i):
        def seen(s):
            if s.queued:
                places.setdefault(i, set()).add(s.place)

        assert board.get(i, work(i), on_status=seen, poll=0.01) == i

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(6)]
    for th in threads:
        th.start()
        time.sleep(0.005)  # submitted in order
    for th in threads:
        th.join()
    assert peak[0] == 2
    assert places, "queued requests never said so"
    assert all(min(p) >= 1 for p in places.values())
    assert max(max(p) for p in places.values()) >= 3  # the last ones were third or fourth in line


def test_a_session_joining_a_running_job_sees_its_progress():
    board, seen = Board(workers=1), []
    first = threading.Thread(target=board.get, args=("k", slow(1, seconds=0.3)))
    first.start()
    time.sleep(0.05)
    board.get("k", slow(2), on_status=seen.append, poll=0.02)
    first.join()
    fractions = [s.fraction for s in seen if not s.queued]
    assert fractions and max(fractions) > 0 and fractions == sorted(fractions)


def test_the_store_is_bounded_by_entries_and_bytes_and_expires():
    board = Board(workers=1, max_entries=3)
    for i in range(5):
        board.get(i, slow(i, seconds=0))
    assert board.stats()["entries"] == 3 and board.cached(0) is None and board.cached(4) is not None
    small = Board(workers=1, max_bytes=600)
    for i in range(4):
        small.get(i, lambda p, i=i: "x" * 250 + str(i))
    assert small.stats()["bytes"] <= 600 and small.stats()["entries"] == 2
    old = Board(workers=1, ttl=0.05)
    old.get("k", slow(1, seconds=0))
    time.sleep(0.08)
    assert old.cached("k") is None


def test_a_failed_job_reaches_every_waiter_and_the_next_request_tries_again():
    board = Board(workers=1)

    def boom(progress):
        raise RuntimeError("diverged")

    with pytest.raises(RuntimeError, match="diverged"):
        board.get("k", boom)
    assert board.get("k", slow(3, seconds=0)) == {"value": 3, "rows": [3, 3, 3]}


def test_a_full_queue_refuses_new_work():
    board = Board(workers=1, max_queued=1)
    gate = threading.Event()
    board.submit("running", lambda p: gate.wait(5))
    time.sleep(0.05)
    board.submit("queued", lambda p: 1)
    with pytest.raises(Busy):
        board.submit("one too many", lambda p: 2)
    gate.set()


def test_workers_train_with_the_apps_torch_settings():
    """Denormal flushing is per thread: the workers set it themselves (a saturated tanh net
    otherwise gives other numbers, and runs ~10x slower)."""
    import torch

    import core.runtime
    from ui.jobs import board

    def tiny(progress):
        return (torch.tensor([1e-39], dtype=torch.float32) * 1.0).item()

    assert Board(workers=1, initializer=core.runtime.configure).get("denormal", tiny) == 0.0
    assert board().get(("test", "denormal"), tiny) == 0.0  # the app's own board


def test_a_board_that_is_shutting_down_says_so():
    board = Board(workers=1)
    board.close()  # what the server does at exit
    with pytest.raises(Closed):
        board.submit("late", lambda p: 1)
    assert board.stats()["jobs"] == 0


# -- stacking units of one group --------------------------------------------------------------
def stacked(log, seconds=0.2, steps=100):
    """A Work whose run records each batch it is given and squares the items."""
    from ui.jobs import Work

    def run(items, progress):
        log.append(list(items))
        for i in range(5):
            progress((i + 1) * steps // 5, steps)
            time.sleep(seconds / 5)
        return [x * x for x in items]

    return Work(group=("g", steps), run=run, steps=steps, kind="test")


def test_units_that_sessions_queue_together_train_in_one_stacked_run():
    board, log, out = Board(workers=1), [], {}
    gate = threading.Event()
    board.submit("busy", lambda p: gate.wait(5))  # the one worker is busy meanwhile
    time.sleep(0.05)
    work = stacked(log)

    def ask(name, items):
        out[name] = board.get_many(work, items)

    threads = [threading.Thread(target=ask, args=(n, its)) for n, its in (("a", [1, 2, 3]), ("b", [3, 4]), ("c", [4]))]
    for th in threads:
        th.start()
    time.sleep(0.1)
    gate.set()
    for th in threads:
        th.join()
    assert out == {"a": [1, 4, 9], "b": [9, 16], "c": [16]}
    assert log == [[1, 2, 3, 4]]  # shared units (3, 4) trained once, all four in one run
    assert board.get_many(work, [2, 4]) == [4, 16] and log == [[1, 2, 3, 4]]  # now stored


def test_every_session_on_a_running_unit_sees_the_same_progress():
    board, log = Board(workers=1), []
    work = stacked(log, seconds=0.5)
    seen: dict[int, list] = {0: [], 1: [], 2: []}
    threads = [
        threading.Thread(target=board.get_many, args=(work, [7]), kwargs={"on_status": seen[i].append, "poll": 0.02})
        for i in range(3)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert log == [[7]]
    for statuses in seen.values():
        running = [s for s in statuses if not s.queued]
        assert running and max(s.fraction for s in running) >= 0.6, statuses
        assert all(s.nets == 1 and s.total == 100 for s in running)


def test_a_queued_session_sees_its_place_and_an_estimate_from_measured_rates():
    board, log = Board(workers=1), []
    board.get_many(stacked(log, seconds=0.2, steps=200), [1])  # measures the rate: ~1 ms a unit-step
    rate = board.stats()["rates"]["test"]
    assert 0.5e-3 < rate < 5e-3
    gate = threading.Event()
    board.submit("busy", lambda p: gate.wait(5))
    time.sleep(0.05)
    statuses = []
    others = [threading.Thread(target=board.get_many, args=(stacked(log, 0.05, steps=100 + i), [i])) for i in range(3)]
    for th in others:
        th.start()
        time.sleep(0.02)
    mine = threading.Thread(
        target=board.get_many, args=(stacked(log, 0.05, steps=400), [9]), kwargs={"on_status": statuses.append}
    )
    mine.start()
    time.sleep(0.3)
    gate.set()
    for th in [*others, mine]:
        th.join()
    queued = [s for s in statuses if s.queued]
    assert queued and queued[0].place == 4  # three groups ahead
    # the estimate: three runs of ~100 steps ahead, then its own 400, at the measured rate
    assert queued[0].eta_s == pytest.approx(rate * (100 + 101 + 102 + 400), rel=0.5)


def test_short_work_jumps_ahead_of_long_work_but_long_waits_rise():
    board, log = Board(workers=1), []
    board.get_many(stacked(log, 0.02, steps=1000), [0])  # a rate for "test"
    log.clear()
    gate = threading.Event()
    board.submit("busy", lambda p: gate.wait(5))
    time.sleep(0.05)
    long_, short = stacked(log, 0.02, steps=50_000), stacked(log, 0.02, steps=100)
    ts = [threading.Thread(target=board.get_many, args=(long_, [1]))]
    ts[0].start()
    time.sleep(0.05)
    ts.append(threading.Thread(target=board.get_many, args=(short, [2])))
    ts[1].start()
    time.sleep(0.05)
    gate.set()
    for th in ts:
        th.join()
    assert log == [[2], [1]]  # the short one first, though asked for later


def test_a_queued_unit_that_nobody_waits_for_leaves_the_queue():
    board, log = Board(workers=1), []
    gate = threading.Event()
    board.submit("busy", lambda p: gate.wait(5))
    time.sleep(0.05)

    class Moved(Exception):  # what Streamlit raises in a script run whose slider moved
        pass

    def impatient(status):
        raise Moved

    with pytest.raises(Moved):
        board.get_many(stacked(log), [5], on_status=impatient)
    assert board.stats()["queued"] == 0
    gate.set()
    time.sleep(0.1)
    assert log == []  # never trained


def test_inline_work_runs_at_once_in_the_callers_thread_while_the_workers_are_busy():
    board, log = Board(workers=1), []
    gate = threading.Event()
    board.submit("busy", lambda p: gate.wait(5))
    time.sleep(0.05)
    t0 = time.perf_counter()
    assert board.get_many(stacked(log, 0.0, steps=1), [3], inline=True) == [9]
    assert time.perf_counter() - t0 < 1 and log == [[3]]
    gate.set()


def test_a_full_queue_says_when_to_try_again():
    board = Board(workers=1, max_queued=2)
    gate = threading.Event()
    board.submit("running", lambda p: gate.wait(5))
    time.sleep(0.05)
    board.submit("a", lambda p: 1)
    board.submit("b", lambda p: 1)
    with pytest.raises(Busy) as e:
        board.submit("c", lambda p: 1)
    assert e.value.retry_s > 0
    gate.set()


def test_background_work_runs_beside_the_students_work_and_a_student_joins_it():
    """Warm start's long runs take the background lane: a student's request is served by the
    main worker meanwhile, and a student asking for the background result shares its run."""
    from dataclasses import replace

    board, log, seen, gate = Board(workers=1), [], [], threading.Event()

    def run(items, progress):  # the background run: holds until the test lets it finish
        log.append(list(items))
        progress(50, 100)
        assert gate.wait(30)
        return [x * x for x in items]

    long = Work(group=("g",), run=run, steps=100, kind="test", lane="background")
    warm = threading.Thread(target=board.get_many, args=(long, [5]))
    warm.start()
    deadline = time.monotonic() + 30  # bounded: the background worker takes it at once
    while not log and time.monotonic() < deadline:
        time.sleep(0.01)
    assert log, "the background worker never took the run"
    assert board.get("student", slow(1, seconds=0.05)) == {"value": 1, "rows": [1, 1, 1]}
    assert not gate.is_set() and warm.is_alive()  # served while the background run holds
    joined = threading.Thread(
        target=lambda: seen.append(board.get_many(replace(long, lane="main"), [5], on_status=seen.append, poll=0.02))
    )
    joined.start()
    time.sleep(0.2)
    gate.set()
    joined.join(30)
    warm.join(30)
    assert seen[-1] == [25]
    seen.pop()
    assert log == [[5]]  # one run, shared by warm start and the student
    assert any(not s.queued and s.fraction > 0 for s in seen)  # the student saw its progress


def test_a_board_without_a_background_lane_refuses_its_work():
    from dataclasses import replace

    board = Board(workers=1, background=False)
    with pytest.raises(ValueError, match="background"):
        board.get_many(replace(stacked([]), lane="background"), [1])
