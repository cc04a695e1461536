"""The BatchNorm lesson (core.lessons.batchnorm, core.batchnorm): the lecture's claims, measured."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import lessons
from core.batchnorm import JITTER_SIZES, TRACKED, BNSetup, bn_probe
from core.data import names_dataset
from core.lessons.batch_norm import HIST_BINS, _b1_answer


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


def test_the_histograms_are_binned_on_shared_bins_and_after_bn_at_init_is_unit_gaussian(les):
    h = les.hist
    assert len(h) == 4 * HIST_BINS  # a few hundred rows for the browser, not every value
    assert np.allclose(h.groupby(["phase", "where"])["fraction"].sum(), 1)
    for _, g in h.groupby("phase"):
        before, after = (g[g["where"] == w]["bin_start"].to_numpy() for w in ("before", "after"))
        assert np.array_equal(before, after)  # before and after BN compare bin by bin

    def off_gaussian(phase: str, where: str) -> float:  # total variation from N(0, 1)
        g = h[(h["phase"] == phase) & (h["where"] == where)]
        return float(0.5 * (g["fraction"] - g["gauss"]).abs().sum())

    assert off_gaussian("init", "after") < 0.1 < off_gaussian("init", "before")


def test_phase_summary_running_frame_and_the_answer(les):
    ph = les.phases.set_index("phase")
    assert ph.loc["init", "after_mean_max"] < 1e-5 and abs(ph.loc["init", "after_std_min"] - 1) < 1e-3
    assert ph.loc["trained", "after_std_max"] - ph.loc["trained", "after_std_min"] > 0.01  # bngain learned
    r = les.running
    assert set(r["stat"]) == {"mean", "std"} and r["neuron"].nunique() == TRACKED
    cal = les.probe.calibrated.set_index("neuron")
    assert (r[r["stat"] == "std"].groupby("neuron")["calibrated"].first() == cal["std"].iloc[:TRACKED]).all()
    assert les.b1_answer == "zero" and les.running_close  # 3,000 steps at the lecture's momentum
    table = les.loss_table
    assert list(table.index) == ["train", "val"] and list(table.columns) == ["batch", "running", "calibrated"]
    assert table.loc["val", "running"] == les.loss["val", "running"]
    assert les.sweep_diverged == 0 and les.ratio_ends[0] > les.ratio_ends[1]  # larger gain, smaller steps


def test_the_answer_bands():
    assert _b1_answer(1e-9, 0.05) == "zero" and _b1_answer(0.0, 0.0) == "zero"
    assert _b1_answer(0.005, 0.05) == "tenth" and _b1_answer(0.05, 0.05) == "same"
    assert _b1_answer(1.0, 0.05) == _b1_answer(1.0, 0.0) == "larger"


def test_bad_settings_are_refused(data):
    with pytest.raises(ValueError, match="batch_size"):
        lessons.batchnorm(batch_size=33, data=data)
    with pytest.raises(ValueError, match="maxout"):  # its Linear is twice as wide as its BatchNorm
        lessons.batchnorm("maxout", data=data)
    with pytest.raises(ValueError, match="momentum"):
        bn_probe(BNSetup(momentum=0.0), data)
