"""The lecture's loss log (core.lessons.loss_log): the five stages in the lecture's order."""

from __future__ import annotations

import math

import pytest

from core import lessons
from core.data import names_dataset
from core.lessons import loss_log as LL

STEPS = 6000  # what a test can afford (the lecture: 200,000); the order already shows


@pytest.fixture(scope="module")
def les():
    return lessons.lecture_stages(names_dataset(), steps=STEPS)


def test_the_stages_fall_in_the_lecture_s_order(les):
    val = les.table.set_index("stage")["final_val"]
    assert list(les.table["stage"]) == [s for s, _ in LL.STAGES]
    assert val["original"] == val.max()  # the original init is the worst
    band = 0.01
    assert val["fix_softmax"] < val["original"] - 0.05  # the softmax fix is the big one
    assert val["fix_tanh"] <= val["fix_softmax"] + band
    assert val["kaiming"] <= val["fix_tanh"] + band
    assert abs(val["batchnorm"] - val["kaiming"]) < 0.05
    assert not les.diverged


def test_step_0_losses_tell_the_lecture_s_story(les):
    init = les.table.set_index("stage")["init_loss"]
    assert init["original"] > 15  # confidently wrong (the lecture: 27.9)
    for s in ("fix_softmax", "fix_tanh", "kaiming", "batchnorm"):
        assert abs(init[s] - math.log(27)) < 0.1, s
    assert les.expected_init == pytest.approx(3.2958, abs=1e-4)


def test_the_table_shows_the_change_and_the_lecture_s_figures(les):
    t = les.table.set_index("stage")
    assert math.isnan(t.loc["original", "change_val"])
    want = t.loc["kaiming", "final_val"] - t.loc["fix_tanh", "final_val"]
    assert t.loc["kaiming", "change_val"] == pytest.approx(want)
    assert t.loc["fix_tanh", "lecture_val"] == 2.1027 and t.loc["batchnorm", "lecture_train"] == 2.0668


def test_curves_are_log10_loss_over_windows_of_1000_steps(les):
    c = les.curves
    assert set(c["stage"]) == {s for s, _ in LL.STAGES}
    assert sorted(set(c["step"])) == list(range(0, STEPS, LL.WINDOW))
    first = c[(c["stage"] == "original") & (c["step"] == 0)]["log10_loss"].iloc[0]
    last = c[(c["stage"] == "original") & (c["step"] == STEPS - LL.WINDOW)]["log10_loss"].iloc[0]
    assert first > last > math.log10(2.0)  # the hockey stick, then a loss above 2


def test_each_stage_makes_up_20_names_with_the_fixed_seed(les):
    s = les.samples
    assert s.groupby("stage").size().to_dict() == {st: LL.N_NAMES for st, _ in LL.STAGES}
    assert s["name"].str.endswith(".").all()
    again = lessons.lecture_stages(names_dataset(), steps=50).samples
    assert again.equals(lessons.lecture_stages(names_dataset(), steps=50).samples)


def test_a_run_too_short_for_the_schedule_is_refused():
    with pytest.raises(ValueError, match="at least 2 steps"):
        lessons.lecture_stages(names_dataset(), steps=1)
