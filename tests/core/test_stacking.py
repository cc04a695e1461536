"""A request answered from parts of a bigger stacked run equals the request trained alone,
frame for frame, bit for bit: a student's numbers do not depend on who else was training."""

from __future__ import annotations

import pandas as pd
import pytest

from core.config import FIXED_SOFTMAX, TrainConfig
from core.data import names_dataset
from core.stacking import FRAMES, combine, part
from core.train import train_variants, variant_names

TCFG = TrainConfig(
    steps=120, lr=0.1, snapshot_steps=(60,), activity_every=40, activity_examples=2000, eval_examples=1000
)


@pytest.fixture(scope="module")
def names_data():
    return names_dataset()


def cfg(act, w1=1.0, **kw):
    return FIXED_SOFTMAX.with_(activation=act, w1_scale=w1, **kw)


def assert_same(a, b):
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True, obj=name)


@pytest.mark.parametrize("batchnorm", [False, True])
def test_a_request_from_a_stacked_run_equals_the_request_alone(names_data, batchnorm):
    mine = [
        cfg("tanh", 0.37, batchnorm=batchnorm),
        cfg("relu", 0.2, batchnorm=batchnorm),
        cfg("tanh", 1.0, batchnorm=batchnorm),
    ]
    others = [
        cfg(a, w, batchnorm=batchnorm)
        for a, w in (("gelu", 0.5), ("relu", 0.9), ("elu", 0.3), ("silu", 0.4), ("tanh", 0.2))
    ]
    big = others[:2] + [mine[1]] + others[2:] + [mine[0], mine[2]]  # mine scattered among others
    run = train_variants(big, TCFG, names_data)
    parts = dict(zip(big, (part(run, n) for n in variant_names(big))))
    assert_same(combine([parts[c] for c in mine], variant_names(mine)), train_variants(mine, TCFG, names_data))


def test_a_diverged_variant_keeps_only_its_rows_in_its_part(names_data):
    wild = FIXED_SOFTMAX.with_(activation="relu", w1_scale=3.0, b1_scale=3.0)
    tcfg = TrainConfig(steps=100, lr=50.0, activity_every=50, activity_examples=500, eval_examples=500)
    big = [cfg("tanh", 0.2), wild]
    run = train_variants(big, tcfg, names_data)
    alone = train_variants([wild], tcfg, names_data)
    assert alone.diverged()  # the case this test is about
    assert_same(combine([part(run, "relu")], ["relu"]), alone)
