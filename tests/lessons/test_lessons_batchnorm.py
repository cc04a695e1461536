"""The BatchNorm lesson (core.lessons.batchnorm, core.batchnorm): the lecture's claims, measured."""

from __future__ import annotations

import math

import pytest

from core import lessons
from core.batchnorm import JITTER_SIZES, BNSetup, bn_probe
from core.data import names_dataset


@pytest.fixture(scope="module")
def data():
    return names_dataset()


@pytest.fixture(scope="module")
def les(data):
    return lessons.batchnorm("tanh", steps=3000, data=data)


def test_at_init_bn_makes_the_pre_activations_exactly_unit_gaussian(les):
    s = les.probe.neuron_stats
    init = s[s["phase"] == "init"]
    assert init["after_mean"].abs().max() < 1e-5 and (init["after_std"] - 1).abs().max() < 1e-3
    assert init["before_std"].mean() > 1.2  # Kaiming's pre-activations are wider than 1
    trained = s[s["phase"] == "trained"]
    # then bngain and bnbias learn: the outputs are no longer exactly 0 / 1
    assert (trained["after_std"] - 1).abs().max() > 1e-3 and trained["after_mean"].abs().max() > 1e-3
    pre = les.probe.pre
    assert set(pre["phase"]) == {"init", "trained"} and set(pre["where"]) == {"before", "after"}


def test_the_bias_before_bn_gets_no_gradient(les):
    assert les.b1_wasted
    assert les.b1_grad < 1e-5 * les.bnbias_grad and les.bnbias_grad > 1e-3


def test_running_statistics_approach_the_calibrated_ones(data, les):
    short = bn_probe(BNSetup(steps=300, vocab_size=data.vocab.size, block_size=data.block_size), data)
    assert les.probe.gap_mean < 0.2 * short.gap_mean and les.probe.gap_std < 0.2 * short.gap_std
    loss = les.probe.losses.set_index(["split", "stats"])["loss"]
    assert abs(loss["val", "running"] - loss["val", "calibrated"]) < 0.01
    assert abs(loss["val", "batch"] - loss["val", "calibrated"]) < 0.05


def test_one_example_alone_has_no_batch_statistics(les):
    assert not les.probe.single_batch_finite  # variance of one example: 0 / 0


def test_smaller_batches_jitter_more(les):
    js = les.probe.jitter_summary.sort_values("batch_size")
    assert list(js["batch_size"]) == list(JITTER_SIZES)
    assert js["out_std"].is_monotonic_decreasing and js["out_std"].iloc[0] > 3 * js["out_std"].iloc[-1]
    assert js["loss_std"].iloc[0] > js["loss_std"].iloc[-1]
    assert les.jitter_at.name == 32


def test_bn_makes_the_final_loss_less_sensitive_to_the_init_gain(les):
    sw = les.sweep
    assert len(sw) == 12 and set(sw["batchnorm"]) == {False, True}
    assert les.sweep_spread[True] < les.sweep_spread[False]
    with_bn = sw[sw["batchnorm"]].set_index("gain")["update_ratio"]
    assert with_bn.notna().all() and math.isfinite(with_bn.iloc[0])
    # the gain still changes the update:data ratio with BN (the lecture's remark)
    assert with_bn.iloc[0] - with_bn.iloc[-1] > 0.5


def test_bad_settings_are_refused(data):
    with pytest.raises(ValueError, match="batch_size"):
        lessons.batchnorm(batch_size=33, data=data)
    with pytest.raises(ValueError, match="momentum"):
        bn_probe(BNSetup(momentum=0.0), data)
