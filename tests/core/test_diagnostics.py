"""Diagnostics: binning, dead flags, softmax loss — small frames with known answers."""

import math

import numpy as np
import pandas as pd
import pytest

from core import diagnostics as D


def test_histogram_is_prebinned_with_shared_edges():
    rng = np.random.default_rng(0)
    df = pd.DataFrame(
        {"variant": ["a"] * 1000 + ["b"] * 500, "v": np.r_[rng.normal(0, 1, 1000), rng.normal(3, 1, 500)]}
    )
    h = D.histogram(df, "v", bins=20)
    assert len(h) == 40  # 20 bins per group, not 1500 raw points
    assert h.groupby("variant")["count"].sum().to_dict() == {"a": 1000, "b": 500}
    edges = h.groupby("variant")["bin_start"].apply(tuple)
    assert edges["a"] == edges["b"]
    assert h.groupby("variant")["fraction"].sum().round(6).eq(1).all()


def test_histogram_drops_non_finite_and_handles_constants():
    df = pd.DataFrame({"variant": "a", "v": [1.0, 1.0, math.nan, math.inf]})
    h = D.histogram(df, "v", bins=4)
    assert h["count"].sum() == 2


def test_neuron_flags_and_summary():
    m = pd.DataFrame(
        {"example": [0, 1, 0, 1], "neuron": [0, 0, 1, 1], "h": [1, 1, 0, 1.0], "inactive": [True, True, False, True]}
    )
    flags = D.neuron_flags(m)
    assert flags["dead"].tolist() == [True, False]
    s = D.saturation_summary(m)
    assert s == {"pct_inactive": 75.0, "dead_neurons": 1, "neurons": 2}


def test_dead_over_time_counts_fully_inactive_units():
    act = pd.DataFrame(
        {"step": [0, 0, 10, 10], "variant": "relu", "neuron": [0, 1, 0, 1], "inactive_frac": [0.5, 1.0, 1.0, 1.0]}
    )
    d = D.dead_over_time(act)
    assert d["dead"].tolist() == [1, 2]
    assert d["dead_frac"].tolist() == [0.5, 1.0]


def test_softmax_confidently_wrong():
    t = D.softmax_table([-12, 4, 9, 16], target=1)
    assert t["prob"].sum() == pytest.approx(1.0)
    assert t["loss"].iloc[0] > 10  # the target got a small logit: huge loss
    even = D.softmax_table([0, 0, 0, 0], target=2)
    assert even["loss"].iloc[0] == pytest.approx(math.log(4))


def test_expected_init_loss():
    assert D.expected_init_loss(27) == pytest.approx(3.2958, abs=1e-4)


def test_update_ratio_summary_averages_the_last_steps():
    u = pd.DataFrame(
        {
            "step": [0, 1, 2, 3] * 2,
            "variant": "tanh",
            "param": ["W1"] * 4 + ["W2"] * 4,
            "ratio": [-1.0, -1.0, -3.0, -3.0, -2.0, -2.0, -4.0, -4.0],
        }
    )
    s = D.update_ratio_summary(u, last=2).set_index("param")["ratio"]
    assert s.to_dict() == {"W1": -3.0, "W2": -4.0}
