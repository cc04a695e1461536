"""Trainer processes (ui/workers.py): the board's trainings run in child processes with the
app's numbers, report progress, and survive a child that dies."""

from __future__ import annotations

import os
import pickle
import threading
import time

import pytest

from bench.load import processes_running
from core.config import FIXED_SOFTMAX, DataConfig, TrainConfig
from core.data import names_dataset
from core.stacking import FRAMES
from core.train import train_variants
from ui import jobs, workers
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


def niceness(items, progress):  # module level: runs in the child
    return [os.nice(0) for _ in items]


def test_the_background_lanes_trainer_runs_niced_only_while_it_has_work():
    board = Board(workers=1, processes=True)
    main = Work(("m",), niceness, (), portable=True)
    back = Work(("b",), niceness, (), portable=True, lane="background")
    assert board.get_many(main, [1]) == [os.nice(0)]
    assert board.get_many(back, [1]) == [os.nice(0) + jobs.BACKGROUND_NICE]
    deadline = time.monotonic() + 30  # bounded: a loaded machine takes seconds to end a process
    while background_trainers() and time.monotonic() < deadline:  # it closes when its lane is idle
        time.sleep(0.1)
    assert not background_trainers()
    board.close()


def background_trainers() -> list[int]:
    """This process's own background trainer children (python -m ui.workers trainer-background).
    Direct children only: a server another test started has trainers of its own."""
    return [p.pid for p in processes_running(os.getpid(), b"trainer-background") if p.ppid == os.getpid()]


def test_a_longer_deep_run_continues_in_the_child_from_a_shorter_one(proc):
    """The Deep page's steps slider moved up: the child continues its earlier run (its progress
    counts only the new steps), and the result is the full run's, bit for bit."""
    import dataclasses

    import pandas as pd

    from core.deep import DeepConfig, DeepTrain, train_deep

    cfg, short = DeepConfig(gain=0.9), DeepTrain(steps=120, probe_examples=200)
    longer = dataclasses.replace(short, steps=300)
    seen = []
    proc.run(workers.train_deep_parts, (short, DataConfig(), None), [cfg], lambda d, t: seen.append(t))
    assert seen[-1] == 120
    seen.clear()
    blobs = proc.run(workers.train_deep_parts, (longer, DataConfig(), None), [cfg], lambda d, t: seen.append(t))
    assert set(seen) == {180}  # 300 - 120 steps taken: continued, not trained again
    got, want = pickle.loads(blobs[0]), train_deep(cfg, longer, names_dataset())
    for f in ("layer_stats", "layer_hist", "weight_stats", "weight_hist", "updates", "loss"):
        pd.testing.assert_frame_equal(getattr(got, f), getattr(want, f), check_exact=True, obj=f)


def test_checkpoints_are_bounded_by_bytes_and_pick_the_longest_run_that_fits():
    from core.deep import DeepConfig, DeepTrain, train_deep_runs

    cfg, data = DeepConfig(), names_dataset()
    runs = {n: train_deep_runs([cfg], DeepTrain(steps=n, probe_examples=50), data)[0][1] for n in (10, 30, 60)}
    memo = workers.Checkpoints(max_bytes=2 * runs[60].nbytes + 1)
    key = memo.key(cfg, DeepTrain(steps=999, probe_examples=50), DataConfig())
    for n in (10, 30, 60):
        memo.put(key, runs[n])
    assert len(memo) == 2  # the oldest (10 steps) went out
    assert memo.best(key, 45) is runs[30] and memo.best(key, 100) is runs[60] and memo.best(key, 20) is None
    other = memo.key(cfg, DeepTrain(steps=999, probe_examples=50, lr=0.2), DataConfig())
    assert memo.best(other, 100) is None  # another learning rate: another run
