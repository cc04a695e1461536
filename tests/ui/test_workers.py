"""Trainer processes (ui/workers.py): the board's trainings run in child processes with the
app's numbers, report progress, and survive a child that dies."""

from __future__ import annotations

import os
import pickle
import threading

import pytest

from core.config import FIXED_SOFTMAX, DataConfig, TrainConfig
from core.data import names_dataset
from core.stacking import FRAMES
from core.train import train_variants
from ui import workers
from ui.jobs import Board, Work

TCFG = TrainConfig(steps=300, lr=0.1, snapshot_steps=(300,), eval_examples=500)
CFGS = [FIXED_SOFTMAX.with_(activation=a, w1_scale=w) for a, w in (("tanh", 0.3), ("relu", 0.7))]


def die(items, progress):  # module level: the child imports this file to run it
    os._exit(3)


@pytest.fixture(scope="module")
def proc():
    p = workers.TrainerProcess("test-trainer")
    yield p
    p.close()


def test_a_training_in_a_child_process_has_the_numbers_of_one_here_and_reports_progress(proc):
    seen = []
    blobs = proc.run(workers.train_parts, (TCFG, DataConfig(), None), CFGS, lambda d, t: seen.append((d, t)))
    here = train_variants(CFGS, TCFG, names_dataset())
    parts = [pickle.loads(b) for b in blobs]
    for part, name in zip(parts, ("tanh", "relu")):
        for f in FRAMES:
            mine = getattr(here, f)
            mine = mine[mine["variant"] == name].reset_index(drop=True) if len(mine) else mine
            assert getattr(part, f).equals(mine), (name, f)
    assert seen and seen[-1] == (300, 300) and proc.pid != os.getpid()


def test_a_child_that_dies_fails_its_job_and_the_next_job_runs(proc):
    with pytest.raises(workers.TrainerDied, match="exit code 3"):
        proc.run(die, (), [1], lambda d, t: None)
    blobs = proc.run(workers.train_parts, (TCFG, DataConfig(), None), CFGS[:1], lambda d, t: None)
    assert len(blobs) == 1


def test_a_board_with_processes_stacks_sessions_units_into_one_child_run():
    board, out = Board(workers=1, processes=True), {}
    work = Work(("t", TCFG), workers.train_parts, (TCFG, DataConfig(), None), steps=300, kind="t", portable=True)
    threads = [threading.Thread(target=lambda c=c: out.update({c: board.get_many(work, [c])[0]})) for c in CFGS]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert board.stats()["computed"] == 2 and set(out) == set(CFGS)
    board.close()
