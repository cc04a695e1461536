"""The server's job board (ui/jobs.py): one computation per distinct request, bounded
workers with an honest queue, a bounded store, and copies that no session can share."""

from __future__ import annotations

import threading
import time

import pytest

from ui.jobs import Board, Busy, Closed


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
    board._pool.shutdown()  # what the interpreter does at exit
    with pytest.raises(Closed):
        board.submit("late", lambda p: 1)
    assert board.stats()["jobs"] == 0
