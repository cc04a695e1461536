"""The app's `compute` for lessons (ui/cache.py) on the server's board: what a page's lesson
asks of the trainer, with real lessons on the names data (no Streamlit server needed)."""

from __future__ import annotations

import threading

from core import lessons
from core.config import DataConfig
from ui import cache, jobs


def compute():
    return cache.compute(DataConfig(source=cache.NAMES), bar=False)


def test_the_deep_lesson_waits_for_the_trainer_once():
    """Its depth profile (0.05 s at init) runs in the session's thread: it never queues again
    behind the whole class after the training (every Deep session finished last before)."""
    b = jobs.board()
    before = b.stats()
    les = lessons.deep("tanh", gain=1.234, steps=60, data=cache.dataset_for(DataConfig()), compute=compute())
    after = b.stats()
    assert after["batches"] - before["batches"] == 1  # train_deep, on a worker
    assert after["inline_runs"] - before["inline_runs"] == 1  # depth_profile, here
    assert len(les.profile) and "after" in les.phases


def test_students_on_one_page_share_the_lectures_settings_and_train_stacked():
    """Four students, four W1 scales: each request is 4 nets (yours and the lecture's three),
    the three are the same for all, so 4 + 3 nets train, not 16, and in few runs."""
    b, out = jobs.board(), {}
    before = b.stats()
    data = cache.dataset_for(DataConfig())

    def student(w1):
        out[w1] = lessons.saturation("tanh", w1, 0.5, 0.99, 120, data=data, compute=compute())

    threads = [threading.Thread(target=student, args=(w,)) for w in (0.11, 0.22, 0.33, 0.44)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    after = b.stats()
    assert after["computed"] - before["computed"] == 4 + 3
    assert after["batches"] - before["batches"] <= 3  # most of them stacked together
    alone = lessons.saturation("tanh", 0.33, 0.5, 0.99, 120, data=data)  # no board at all
    assert out[0.33].summary == alone.summary  # a student's numbers do not depend on the others
    import pandas as pd

    pd.testing.assert_frame_equal(out[0.33].loss, alone.loss, check_exact=True)
