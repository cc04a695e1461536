"""core.lessons.tanh_saturation on the names data, against the numbers the page showed before the
lessons layer (the old page's code path, same seed) and against the lecture."""

from __future__ import annotations

import functools
import inspect
import math

import pytest
import torch

import core.runtime
from core import activations as A
from core.activations import KEYS
from core.config import FIXED_TANH, KAIMING, NAIVE
from core.data import build_dataset, names_dataset
from core.lessons import direct, expected_init_loss
from core.lessons.tanh_saturation import (
    DEFAULTS,
    THRESHOLD_KINDS,
    VARIANTS,
    inactive_kind,
    kaiming_w1,
    presets,
    saturation,
)
from core.train import train_variants

core.runtime.configure()  # the app's torch settings (the page calls it too)


@functools.cache
def lesson(activation="tanh", w1=1.0, b1=1.0, threshold=0.99, steps=0):
    return saturation(activation, w1, b1, threshold, steps, data=names_dataset())


def pcts(les) -> dict[str, float]:
    return dict(zip(les.compare["variant"], les.compare["pct"]))


class Recorder:
    """A compute that runs the call and keeps its arguments."""

    def __init__(self):
        self.calls = []

    def __call__(self, fn, *args):
        self.calls.append((fn, args))
        return fn(*args)


def test_defaults_are_the_pages_default_view():
    sig = inspect.signature(saturation).parameters
    assert DEFAULTS == {"activation": "tanh", "w1": 1.0, "b1": 1.0, "threshold": 0.99, "steps": 0}
    assert sig["data"].default is None and sig["compute"].default is direct


def test_default_view_the_lecture_before_the_fix():
    les = lesson()
    s = les.summary
    # the old page: 64.8 %, 0 / 200, 0.139, 3.33e-05 (exact values of the same code path)
    assert s.pct_inactive == pytest.approx(64.78125, abs=1e-9)
    assert (s.dead_neurons, s.neurons) == (0, 200)
    assert s.mean_local == pytest.approx(0.1389866151, rel=1e-6)
    assert s.mean_abs_dx == pytest.approx(3.332950277e-05, rel=1e-5)
    assert s.pre_std == pytest.approx(5.7294550, rel=1e-6)  # the lecture's "std(x) about 5.7" before the fix
    assert les.kind == "tanh" and not les.diverged and not les.yours_diverged
    assert pcts(les) == pytest.approx({"yours": 64.78125, "before": 64.78125, "fix": 2.171875, "kaiming": 11.109375})
    assert list(les.compare["variant"]) == list(VARIANTS)
    assert list(les.compare["dead"]) == [0, 0, 0, 0]
    # one step at init: the batch loss at step 0 is near -ln(1/27) because W2 x 0.01
    first = les.loss[(les.loss["split"] == "batch") & (les.loss["step"] == 0)].set_index("variant")["loss"]
    assert first["yours"] == pytest.approx(3.2983422, rel=1e-6)
    assert abs(first["fix"] - expected_init_loss(27)) < 0.05


def test_the_lecture_presets_come_from_the_config():
    p = presets("tanh")
    assert p["before"] == (NAIVE.w1_scale, NAIVE.b1_scale) == (1.0, 1.0)
    assert p["fix"] == (FIXED_TANH.w1_scale, FIXED_TANH.b1_scale) == (0.2, 0.01)
    assert p["kaiming"] == (0.304, KAIMING.b1_scale)  # (5/3) / sqrt(30), rounded as the slider
    assert kaiming_w1("relu") == 0.258 and kaiming_w1("sigmoid") == 0.183
    les = lesson()
    assert les.settings.to_dict("list") == {
        "variant": list(VARIANTS),
        "w1": [1.0, 1.0, 0.2, 0.304],
        "b1": [1.0, 1.0, 0.01, 0.01],
    }
    assert les.kaiming_gain == pytest.approx(5 / 3) and les.fan_in == 30


def test_the_fix_shrinks_x_and_the_saturation():
    les = lesson(w1=0.2, b1=0.01)
    assert les.summary.pct_inactive == pytest.approx(2.171875)
    assert les.summary.pre_std == pytest.approx(1.1193871, rel=1e-6)  # the lecture: about 1.1
    assert les.summary.mean_local == pytest.approx(0.5665121, rel=1e-6)


def test_the_threshold_is_post_processing_only():
    rec97, rec99 = Recorder(), Recorder()
    a = saturation(threshold=0.97, compute=rec97)
    b = saturation(threshold=0.99, compute=rec99)
    # one heavy call each, with the same arguments: a cache keyed on them trains once
    assert [fn for fn, _ in rec97.calls] == [train_variants]
    assert rec97.calls[0][1][:2] == rec99.calls[0][1][:2]
    assert a.summary.pct_inactive == pytest.approx(71.59375)  # the lecture's 0.97
    assert pcts(a)["fix"] == pytest.approx(6.140625) and pcts(a)["kaiming"] == pytest.approx(21.234375)
    assert b.summary.pct_inactive == pytest.approx(64.78125)
    assert a.x_threshold == pytest.approx(math.atanh(0.97))
    assert a.pre_rules == pytest.approx((-math.atanh(0.97), math.atanh(0.97))) and a.h_rules == (-0.97, 0.97)


def test_relu_is_inactive_by_sign_and_ignores_the_threshold():
    les, low = lesson("relu"), lesson("relu", threshold=0.5)
    assert les.kind == "zero" and les.pre_rules == () and les.h_rules == ()
    assert les.summary.pct_inactive == pytest.approx(48.046875)
    assert low.summary == les.summary and low.compare.equals(les.compare)
    assert pcts(les) == pytest.approx({"yours": 48.046875, "before": 48.046875, "fix": 47.640625, "kaiming": 47.671875})
    assert les.summary.mean_local == pytest.approx(0.51953125)


def test_sigmoid_saturates_by_the_slope_rule():
    les, l97 = lesson("sigmoid"), lesson("sigmoid", threshold=0.97)
    assert les.kind == "saturating" and les.pre_rules == ()
    assert les.summary.pct_inactive == pytest.approx(35.609375)
    assert l97.summary.pct_inactive == pytest.approx(46.171875)
    assert pcts(l97)["fix"] == pytest.approx(0.046875)
    assert les.slope_fraction == pytest.approx(1 - 0.99**2)


@pytest.mark.parametrize("key", KEYS)
def test_the_kind_follows_the_registry(key):
    """zero = a slope of exactly 0 on the whole negative side (ReLU), leaky = a slope there too;
    only the saturating entries (and tanh) use the threshold."""
    kind = inactive_kind(key)
    a = A.get(key)
    assert (kind in THRESHOLD_KINDS) is a.saturating
    if kind in ("zero", "leaky"):
        slope = A.derivative(key, torch.linspace(-6.0, -0.05, 200))
        assert bool((slope == 0).all()) is (kind == "zero")


@pytest.mark.parametrize("key", ["elu", "gelu", "leaky_relu"])
def test_leaky_activations_lose_no_unit_at_the_lectures_scales(key):
    les = lesson(key)
    assert les.kind == "leaky" and les.pre_rules == () and les.h_rules == ()
    # the slope is 0 (almost) nowhere: GELU's underflows to 0 in float32 below x ~ -13, which the
    # wide pre-activations before the fix reach for ~1 % of the pairs
    assert max(pcts(les).values()) < 2.0 and min(pcts(les).values()) == 0.0


def test_maxout_is_never_inactive():
    les = lesson("maxout")
    assert les.kind == "never" and inactive_kind("maxout") == "never"
    assert les.summary.pct_inactive == 0.0 and les.summary.mean_local == 1.0
    assert les.summary.pre_std == pytest.approx(4.5415387, rel=1e-6)


def test_after_training_the_snapshot_is_of_that_step():
    les = lesson(threshold=0.97, steps=200)
    s = les.summary
    assert s.pct_inactive == pytest.approx(70.078125) and s.dead_neurons == 1
    assert s.mean_local == pytest.approx(0.1439336713, rel=1e-6)
    assert pcts(les) == pytest.approx({"yours": 70.078125, "before": 70.078125, "fix": 5.0625, "kaiming": 20.203125})
    batch = les.loss[les.loss["split"] == "batch"]
    last = batch[batch["step"] == 200].set_index("variant")["loss"]
    assert last.to_dict() == pytest.approx(
        {"yours": 2.3028944, "before": 2.3028944, "fix": 2.3534818, "kaiming": 2.3620417}, rel=1e-6
    )
    # the curve the page draws: ids, steps 0..200 in windows of 2 steps (as before)
    assert set(les.loss_curve["variant"]) == set(VARIANTS)
    assert les.loss_curve.groupby("variant").size().tolist() == [101, 101, 101, 101]


def test_ids_not_core_names_in_every_frame():
    les = lesson()
    for frame in (les.snapshot, les.compare, les.loss, les.loss_curve, les.settings):
        assert set(frame["variant"]) <= set(VARIANTS)
    assert set(les.snapshot["variant"]) == set(VARIANTS)
    assert list(les.yours.columns) == ["example", "neuron", "pre", "h", "grad", "local", "dx", "inactive"]
    assert len(les.yours) == 32 * 200


def test_histograms_are_the_pages_bins():
    les = lesson()
    for value, bins in (("pre", 50), ("h", 50), ("local", 40)):
        h = les.hist_of(value)
        assert h["count"].sum() == 32 * 200
        assert h.groupby("inactive").size().tolist() == [bins, bins]
    h = les.hist_of("h")
    assert h["bin_start"].min() == -1.0 and h["bin_end"].max() == 1.0  # tanh's output range
    inactive = les.hist_of("pre").groupby("inactive")["count"].sum()
    assert inactive[True] == 4146  # 64.78125 % of 6400
    assert les.local_rules == (les.summary.mean_local,)


def test_a_divergence_is_reported_by_id_and_step():
    les = lesson("identity", 3.0, 3.0, steps=100)
    assert les.diverged == {"yours": 16} and les.yours_diverged
    assert les.summary is None and les.hist.empty and les.yours.empty
    assert list(les.compare["variant"]) == ["before", "fix", "kaiming"] and not les.compare_complete
    assert les.loss_curve[les.loss_curve["variant"] == "yours"]["window"].max() < 16
    late = lesson("identity", 3.0, 3.0, steps=10)  # before it diverges: the snapshot is there
    assert not late.yours_diverged and late.summary.pre_std == pytest.approx(136.58409, rel=1e-5)


def test_the_data_sets_the_vocabulary():
    words = ("abba", "baab", "abab", "bbaa", "aabb", "baba", "abbb", "baaa", "aaab", "bbba")
    data = build_dataset(words)
    rec = Recorder()
    les = saturation(data=data, compute=rec)
    cfgs = rec.calls[0][1][0]
    assert {c.vocab_size for c in cfgs} == {data.vocab.size} and data.vocab.size < 27
    assert rec.calls[0][1][2] is data  # positional, as the app's compute needs
    assert les.summary.neurons == 200
