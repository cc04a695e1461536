"""The server-wide cap on trainings running at once (ui.cache.training_slots)."""
from __future__ import annotations

import threading
import time

from ui import cache


def test_at_most_two_trainings_run_at_once_and_the_rest_wait_their_turn():
    running, peak, lock = [0], [0], threading.Lock()
    progress_calls = []

    def fake_training(i: int) -> None:
        with cache.training_slot(lambda done, total: progress_calls.append((i, done, total))):
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            time.sleep(0.05)
            with lock:
                running[0] -= 1

    threads = [threading.Thread(target=fake_training, args=(i,)) for i in range(6)]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert peak[0] == 2  # never more than the two slots, and both were used
    assert time.perf_counter() - t0 >= 3 * 0.05  # six jobs through two slots: three rounds
    # the four that had to wait said so on their bar; the first two started at once
    assert len(progress_calls) == 4 and all(done == cache.QUEUED for _, done, _ in progress_calls)
    assert cache.training_slots().acquire(blocking=False)  # all slots given back
    cache.training_slots().release()
