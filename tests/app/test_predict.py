"""Predict, then reveal: the result stays hidden until a guess is locked in, then the guess is scored."""

from __future__ import annotations

import re

import pytest

from tests.apptest import run_page
from ui.predict import score

SAT = "pages/2_Tanh_saturation.py"
DEAD = "pages/3_Dead_neurons.py"
LOSS = "pages/4_Loss_at_init.py"


def test_score_grades_by_absolute_or_relative_tolerance():
    assert score(64.0, 64.8, tol=5).grade == "spot_on"
    assert score(55.0, 64.8, tol=5).grade == "close"
    assert score(10.0, 64.8, tol=5).grade == "far"
    assert score(10.0, 64.8, tol=5).error == pytest.approx(-54.8)
    assert score(27.0, 26.1, tol=0.1, relative=True).grade == "spot_on"
    assert score(3.3, 26.1, tol=0.1, relative=True).grade == "far"


def lock_in(at, value):
    """Type a guess (number or option) into the form and press its button."""
    if at.number_input:
        at.number_input[0].set_value(value)
    else:
        at.radio[0].set_value(value)
    submit = next(b for b in at.button if "guess" in b.label.lower())
    submit.click().run()
    assert not at.exception
    return at


def feedback(at) -> str:
    return " ".join(e.value for e in (*at.success, *at.info, *at.warning))


def test_saturation_hides_the_result_until_the_guess_then_scores_it():
    at = run_page(SAT, predict="true")
    assert not at.get("vega_lite_chart") and not at.metric  # nothing to copy the answer from
    assert at.number_input and any("percentage" in m.value for m in at.markdown)
    lock_in(at, 65.0)
    assert at.get("vega_lite_chart") and at.metric
    actual = float(at.metric[0].value.split()[0])
    assert 50 < actual < 80
    assert at.success and "Spot on" in at.success[0].value and f"{actual:.1f} %" in at.success[0].value


def test_a_far_guess_says_how_far_and_why():
    at = lock_in(run_page(SAT, predict="true"), 10.0)
    text = feedback(at)
    assert "Not quite" in text and "too low" in text and "Why" in text and "1 - t²" in text
    # "Guess again" brings the question back
    at.button(key="predict_saturation_again").click().run()
    assert at.number_input and not at.get("vega_lite_chart")


def test_a_new_setting_asks_again():
    at = lock_in(run_page(SAT, predict="true"), 60.0)
    at.slider(key="s_w1").set_value(0.2).run()
    assert at.number_input and not at.get("vega_lite_chart")


def test_loss_guess_is_scored_against_the_real_step0_loss():
    at = run_page(LOSS, predict="true")
    assert not any("step0" in str(c.proto.spec) for c in at.get("vega_lite_chart"))
    lock_in(at, 3.3)  # the textbook answer; with W2 x 1 the net is confidently wrong
    text = feedback(at)
    actual = float(re.search(r"is \*\*([0-9.]+)\*\*", text).group(1))
    assert actual > 15 and "too low" in text and "confidently wrong" in text
    assert len(at.get("vega_lite_chart")) >= 4  # the sweep, the logits, the softmax, the hockey stick


def test_loss_guess_near_the_uniform_loss_is_right_after_the_fix():
    at = lock_in(run_page(LOSS, predict="true", l_w2="0.01"), 3.3)
    assert at.success and "Spot on" in at.success[0].value


def test_dead_neurons_question_is_scored_on_the_final_counts():
    calm = run_page(DEAD, predict="true")  # the defaults: nothing dies
    assert not at_charts(calm)
    assert lock_in(calm, "-").success  # "None: no dead neurons at all"
    broken = run_page(DEAD, predict="true", d_lr="1.5")  # the lecture's killer learning rate
    lock_in(broken, "ReLU")
    assert broken.success and "ReLU" in broken.success[0].value
    wrong = lock_in(run_page(DEAD, predict="true", d_lr="1.5"), "Leaky ReLU")
    assert wrong.warning and "ReLU (" in wrong.warning[-1].value


def at_charts(at):
    return at.get("vega_lite_chart")


def test_predict_mode_is_off_by_default_and_validated():
    assert not run_page(SAT).number_input
    bad = run_page(SAT, predict="sometimes")
    assert any("predict" in w.value for w in bad.warning) and bad.get("vega_lite_chart")
