"""Predict, then reveal: the result stays hidden until a guess is locked in, then the guess is scored."""

from __future__ import annotations

import re

import pyarrow as pa
import pytest
from google.protobuf import text_format

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
    assert "Not quite" in text and "too low" in text and "Why" in text and re.search("1 [-−] t²", text)
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
    calm = run_page(DEAD, predict="true", d_lr="0.1")  # the lecture's learning rate: nothing dies
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


# -- nothing on screen before the guess gives the answer away -------------------------------------


def rendered(at) -> str:
    """Every text the main area holds: each element's proto (bodies, labels, help, chart specs)
    and each chart's data as a table."""
    parts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(text_format.MessageToString(proto, as_utf8=True))
            for d in getattr(proto, "datasets", ()):
                parts.append(pa.ipc.open_stream(d.data.data).read_pandas().to_string())
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    return "\n".join(parts)


def shown_text(at) -> str:
    """The prose on screen: bodies of text elements and metrics (no chart data, no protos)."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "latex")
    texts = [e.value for k in kinds for e in getattr(at, k)]
    texts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(texts)


def writes(m: str, actual: float, dec: int) -> bool:
    """Whether the number `m` (as written) is `actual` (known to `dec` decimals) at m's own
    precision: "26" and "26.1" write 26.07, "26.0663" too; one-digit numbers ("3") are too common."""
    d = len(m.split(".")[1]) if "." in m else 0
    if len(m.replace(".", "").lstrip("0")) < 2:
        return False
    if d >= dec:
        return abs(round(float(m), dec) - actual) < 1e-9
    return format(actual, f".{d}f") == m


def assert_hidden(shown: str, everything: str, after_feedback: str) -> None:
    """The feedback's true value was not on screen before the guess: no number in the prose
    writes it at any precision, and no element or chart data holds it as the page formats it."""
    found = re.search(r"is \*\*([0-9.]+)", after_feedback).group(1)
    actual, dec = float(found), len(found.split(".")[1]) if "." in found else 0
    leaked = [m for m in re.findall(r"\d+(?:\.\d+)?", shown) if writes(m, actual, dec)]
    assert not leaked, (found, leaked)
    assert found not in everything, found


def question_text(at) -> str:
    return " ".join(m.value for m in at.markdown if "**" in m.value and "?" in m.value)


@pytest.mark.parametrize(
    ("page", "params", "guess"),
    [
        (LOSS, {}, 3.3),  # the naive init: the lecture's "about 27"
        (LOSS, {"l_w2": "0.01"}, 10.0),
        (SAT, {}, 50.0),
    ],
)
def test_a_number_question_shows_nothing_of_its_answer_first(page, params, guess):
    at = run_page(page, predict="true", **params)
    assert question_text(at)
    shown, everything = shown_text(at), rendered(at)
    lock_in(at, guess)
    assert_hidden(shown, everything, feedback(at))
    assert len(rendered(at)) > len(everything)  # the result is there now


@pytest.mark.parametrize(
    "params",
    [
        {},  # the default view: ReLU loses units
        {"d_lr": "10", "d_steps": "200"},  # "Huge learning rate": three runs diverge at step 5
    ],
)
def test_the_dead_question_shows_no_count_and_no_divergence_first(params):
    at = run_page(DEAD, predict="true", **params)
    before = rendered(at)
    assert not at.get("vega_lite_chart") and not at.dataframe and not at.error  # no preview either
    lock_in(at, "Tanh")
    after = rendered(at)
    answer = re.search(r"the answer is \*\*(.+?)\*\*", feedback(at)).group(1)  # "ReLU (11 of 200 dead)"
    counts = re.findall(r"· \d+ dead", after)  # the map's rows: "ReLU · 11 dead"
    diverged = re.findall(r"diverged at step \d+", after)
    assert counts and (diverged or not params)  # the tokens are real: the result shows them
    for token in (answer.split(" (")[-1], *counts, *diverged, "diverged"):
        assert token not in before, token
