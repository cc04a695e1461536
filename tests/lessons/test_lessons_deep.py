"""core.lessons.deep_network, called directly on the names data: the numbers the Deep network health
page showed before the lessons layer (recorded from its old code path, same seeds), the
lecture's, and the decisions moved out of the page (phases, trends, zones, gains, divergence).

Short runs (a few hundred steps); the lecture's numbers are for the net at init, which
training does not change.
"""

import dataclasses
import math

import numpy as np
import pytest

from core.data import build_dataset, names_dataset
from core.deep import DeepConfig, DeepTrain, depth_profile, train_deep
from core.lessons import expected_init_loss
from core.lessons.deep_network import (
    DEFAULTS,
    DeepLesson,
    deep,
    gain_presets,
    recommended_gain,
    saturation_applies,
    update_zone,
)

REL = 1e-4  # float noise across machines; the same machine gives the same bits


def approx(x):
    return pytest.approx(x, rel=REL, abs=1e-7)


@pytest.fixture(scope="module")
def ds():
    return names_dataset()


@pytest.fixture(scope="module")
def default300(ds) -> DeepLesson:
    return deep(steps=300, data=ds)


def stats(les: DeepLesson, phase: str, col: str) -> list[float]:
    return les.layer_stats.loc[les.layer_stats["phase"] == phase, col].tolist()


def test_tanh_5_3_matches_the_old_page_and_the_lecture(default300):
    les = default300
    assert les.phases == ("init", "after") and les.after_missing is None and les.diverged_at is None
    assert les.n_done == 300 and les.n_layers == 5 and les.sat_ok
    # the old page, 300 steps: std and % saturated per layer at init and after training
    assert stats(les, "init", "std") == approx([0.7566568, 0.6858239, 0.6748503, 0.6553997, 0.6570020])
    assert stats(les, "init", "saturated_pct") == approx([20.68, 8.628, 7.456, 5.391, 6.052])
    assert stats(les, "after", "std") == approx([0.7616099, 0.7038413, 0.7060779, 0.6986556, 0.7052253])
    init, after = les.phase["init"], les.phase["after"]
    assert init.grad_ratio == approx(1.3547606) and after.grad_ratio == approx(1.6734463)
    assert init.ratio_out == approx(0.9460263) and init.ratio_hidden == approx(0.0018677842)
    assert (init.act_trend, init.grad_trend, init.weight_kind) == ("steady", "steady", "out")
    assert init.out_param == "W6" and init.live_layers == (1, 2, 3, 4, 5)
    assert init.act_zoom is None and init.grad_zoom == approx((-6.549384e-05, 6.561983e-05))
    assert les.update_tail == approx(-2.4898497) and les.update_zone == "high"
    assert les.loss_tail == approx(2.6053453) and les.loss_tail_n == 30
    # the lecture: gain 5/3 -> std 0.75..0.66, ~20% saturated in layer 1 then 5-8%
    assert 0.7 < init.std_first < 0.8 and 0.6 < init.std_last < 0.7
    assert 18 < init.sat_first < 23 and all(4 < s < 9 for s in stats(les, "init", "saturated_pct")[2:])


def test_the_depth_profile_compares_the_lecture_gains(default300):
    prof = default300.profile
    assert list(dict.fromkeys(prof["label"])) == ["0.5", "1", "5/3", "3"]
    assert prof.loc[prof["yours"], "label"].unique().tolist() == ["5/3"]
    assert prof.loc[prof["recommended"], "label"].unique().tolist() == ["5/3"]
    by = {lab: g["std"].tolist() for lab, g in prof.groupby("label", sort=False)}
    assert by["0.5"] == approx([0.414743, 0.194987, 0.099478, 0.047738, 0.024282])  # lecture: 0.41 -> 0.02
    assert by["1"] == approx([0.625621, 0.477455, 0.411113, 0.350576, 0.321487])  # lecture: 0.62 -> 0.32
    d = default300.depth
    assert (d.std_first, d.std_last, d.trend) == (approx(0.756657), approx(0.657002), "steady")
    g3 = prof[prof["label"] == "3"]["saturated_pct"]
    assert (g3 > 35).all()  # the lecture: gain 3 saturates 40-48%


def test_expected_loss_and_ids_are_language_free(default300):
    les = default300
    assert les.vocab_size == 27 and les.expected_loss == pytest.approx(math.log(27)) == pytest.approx(3.2958, abs=1e-4)
    assert (
        set(les.layer_stats["phase"])
        == set(les.layer_hist["phase"])
        == set(les.weight_stats["phase"])
        == {"init", "after"}
    )
    assert set(les.updates["param"]) == {"C", "W1", "W2", "W3", "W4", "W5", "W6"}  # the 2-D parameters
    assert np.isfinite(les.updates["ratio"]).all()
    assert les.gain_label == "5/3" and les.diverged == {}


def test_the_defaults_are_the_page_default_view_and_go_through_compute(ds):
    assert dict(DEFAULTS) == {
        "activation": "tanh",
        "linear_only": False,
        "batchnorm": False,
        "gain": 5 / 3,
        "lr": 0.1,
        "steps": 1000,
        "compare_gains": True,
    }
    calls = []

    def compute(fn, *args):
        calls.append((fn, args))
        hash(args)  # the app's compute keys its cache by them
        if fn is train_deep:  # short run, same other args: the point is what was asked for
            return fn(args[0], dataclasses.replace(args[1], steps=20), args[2])
        return fn(*args)

    deep(data=ds, compute=compute)
    (f1, a1), (f2, a2) = calls
    assert f1 is train_deep and a1 == (DeepConfig(gain=5 / 3, vocab_size=27, block_size=3), DeepTrain(1000, lr=0.1), ds)
    assert a1[2] is ds and a2[2] is ds
    assert f2 is depth_profile and a2[:2] == (DeepConfig(gain=1.0), (0.5, 1.0, 1.666667, 3.0))


def test_divergence_is_reported_never_drawn(ds):
    les = deep("relu", gain=3.0, lr=10.0, steps=200, data=ds)
    assert les.diverged_at == 2 and les.diverged == {"yours": 2} and les.n_done == 2
    assert les.phases == ("init",) and les.after_missing == "diverged"
    assert les.shown("both") == les.shown("after") == les.shown("init") == ("init",)
    for df in (les.layer_stats, les.weight_stats, les.profile):
        assert np.isfinite(df.select_dtypes("number").to_numpy(dtype=float)).all()
    assert les.phase["init"].std_last == approx(36.026)  # the old page: 1.7 -> 36 at init
    # its last finite steps are the blow-up, not a result: no end-of-run numbers
    assert les.update_tail is None and les.update_zone is None and les.loss_tail is None
    assert len(les.updates) and len(les.loss) == 2  # the steps before it are still there to draw
    assert not les.sat_ok  # ReLU: no saturation
    # ReLU's recommended sqrt(2) joins the presets; yours is the preset 3
    prof = les.profile
    assert list(dict.fromkeys(prof["label"])) == ["0.5", "1", "5/3", "3", "1.41"]
    assert prof.loc[prof["recommended"], "label"].unique().tolist() == ["1.41"]
    assert prof.loc[prof["yours"], "label"].unique().tolist() == ["3"]


def test_linear_layers_explode_and_vanish_as_in_the_lecture(ds):
    grow = deep(linear_only=True, steps=200, data=ds)
    assert grow.diverged_at == 5 and grow.phases == ("init",)  # the old page: gain 5/3, lr 0.1
    assert grow.loss_tail is None and grow.update_tail is None
    g = grow.phase["init"]
    assert (g.std_first, g.std_last) == (
        approx(1.6645),
        approx(12.659),
    ) and g.act_trend == "grow"  # lecture: 1.65 -> 12.8
    vanish = deep(linear_only=True, gain=0.5, steps=200, data=ds)
    v = vanish.phase["init"]
    assert (v.std_first, v.std_last) == (approx(0.49934), approx(0.030761)) and v.act_trend == "shrink"  # 0.49 -> 0.03
    assert vanish.recommended_gain == 1.0 and not vanish.sat_ok
    assert vanish.update_tail == approx(-2.2636595) and vanish.loss_tail == approx(2.8045389)


def test_batchnorm_keeps_every_layer_alike(ds):
    les = deep(batchnorm=True, steps=200, data=ds)
    assert stats(les, "init", "std") == approx([0.63290, 0.63650, 0.63600, 0.63810, 0.63610])
    assert all(0.6 < s < 0.67 for s in stats(les, "init", "std"))  # the lecture: 0.63-0.65
    assert all(2 < s < 4 for s in stats(les, "init", "saturated_pct"))  # the lecture: 2-3%
    assert les.update_zone == "green" and les.loss_tail == approx(2.6988344)


@pytest.mark.parametrize(
    "gain,trend,zone,first,last",
    [
        (3.0, "saturated", "green", 0.8596, 0.8391),  # the lecture: 40-48% saturated
        (0.5, "shrink", "high", 0.4147, 0.0243),  # 0.41 -> 0.02
    ],
)
def test_gains_give_the_lecture_verdicts(ds, gain, trend, zone, first, last):
    les = deep(gain=gain, steps=200, data=ds)
    init = les.phase["init"]
    assert init.act_trend == trend and les.update_zone == zone
    assert (round(init.std_first, 4), round(init.std_last, 4)) == (first, last)


def test_zero_steps_shows_the_net_at_init_only(ds):
    les = deep(steps=0, data=ds)
    assert les.phases == ("init",) and les.after_missing == "no_steps" and les.shown("both") == ("init",)
    assert les.update_tail is None and les.update_zone is None and les.loss_tail is None and les.loss_tail_n == 0
    assert les.updates.empty and les.loss.empty


def test_the_step_function_passes_no_gradient(ds):
    les = deep("step", steps=100, data=ds)
    init = les.phase["init"]
    assert init.weight_kind == "zero" and init.live_params == ("W6",) and init.live_layers == (5,)
    assert init.grad_trend == "shrink" and init.grad_ratio == 0  # layer 5 gets a gradient, layer 1 none
    assert les.update_tail is None  # every hidden update is zero: log10(0) is not finite
    assert les.loss_tail == approx(2.8520601)


def test_compare_off_draws_your_gain_only(ds):
    les = deep("relu", batchnorm=True, gain=1.41, lr=0.01, steps=200, compare_gains=False, data=ds)
    assert les.profile["label"].unique().tolist() == ["1.41"] and les.profile["yours"].all()
    assert not les.profile["recommended"].any()  # the star is for the compared presets
    assert les.update_tail == approx(-3.8104849) and les.update_zone == "low"
    assert les.phase["init"].weight_kind == "even" and les.phase["init"].grad_trend == "grow"


def test_expected_loss_comes_from_the_data_vocabulary():
    small = build_dataset(["abba", "baab", "abab", "bbaa", "aabb"] * 40)  # '.' + a, b: V = 3
    seen = []

    def compute(fn, *args):
        seen.append(args[0])
        return fn(*args)

    les = deep(steps=20, data=small, compute=compute)
    assert les.vocab_size == 3 and les.expected_loss == pytest.approx(math.log(3))
    assert all(cfg.vocab_size == 3 for cfg in seen)
    assert expected_init_loss(3) == les.expected_loss


def test_shown_phases_follow_the_switch(default300):
    assert default300.shown("both") == ("init", "after")
    assert default300.shown("init") == ("init",) and default300.shown("after") == ("after",)


def test_presets_and_helpers():
    tanh = gain_presets("tanh")
    assert [(lab, r) for lab, _, r in tanh] == [("0.5", False), ("1", False), ("5/3", True), ("3", False)]
    relu = gain_presets("relu")
    assert len(relu) == 5 and relu[-1][0] == "1.41" and relu[-1][1] == pytest.approx(math.sqrt(2)) and relu[-1][2]
    assert [r for *_, r in gain_presets("tanh", linear_only=True)] == [False, True, False, False]
    assert recommended_gain("tanh") == pytest.approx(5 / 3) and recommended_gain("relu", True) == 1.0
    assert saturation_applies("tanh") and saturation_applies("hardtanh")
    assert not saturation_applies("sigmoid") and not saturation_applies("tanh", linear_only=True)
    assert [update_zone(v) for v in (-3.0, -2.5, -3.5, -4.0, -5.0, -2.0, -1.0)] == [
        "green",
        "green",
        "green",
        "low",
        "red_low",
        "high",
        "red_high",
    ]


def test_series_of_very_different_widths_get_a_log_density_axis(ds, default300):
    """ReLU at gain 3: layer 5's outputs spread 21x as wide as layer 1's (and its gradients 23x
    narrower), so on a linear density axis the wide lines lie flat; tanh at 5/3 keeps them alike."""
    relu = deep("relu", gain=3.0, steps=0, data=ds)
    assert relu.phase["init"].spreads["act"] == approx(21.242836)  # widest / narrowest layer
    assert relu.log_density("act") and relu.spread("grad") > 20 and relu.log_density("grad")
    tanh = default300
    assert tanh.spread("act") < 1.3 and not tanh.log_density("act") and not tanh.log_density("grad")
    # the output layer's gradient is ~30x as wide as the hidden ones' at init: the weight charts
    # of both phases are drawn on a log axis, so side by side they read alike
    assert tanh.phase["init"].spreads["w"] > 20 and tanh.log_density("w")
