"""AppTest of the BatchNorm page: the default view in English and Italian (the lecture's numbers
on screen, never NaN), a control changes a chart's data and the URL, a link restores the view,
bad links fall back with a notice, and the predict question hides its answer.

Most tests open a short run (b_steps=300); the gain sweep is the same for every tanh view, so
the server-wide cache trains it once for the whole file. The lesson's numbers:
tests/lessons/test_lessons_batchnorm.py."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from tests.app.test_i18n import english_fragments, english_numbers
from tests.app.test_predict import feedback, lock_in, rendered
from tests.apptest import chart, frames, run_page
from ui.text import catalogue

PAGE = "pages/7_BatchNorm.py"
QUICK = "300"
EN, IT = catalogue("en"), catalogue("it")


def run(**params) -> AppTest:
    return run_page(PAGE, timeout=600, **params)


def lines(c):
    """A layered chart's main data: its largest dataset (the rules over it hold a row per line)."""
    return max(frames(c), key=len)


def metric_value(at: AppTest, key: str) -> float:
    label = catalogue("en")[key]
    return float(next(m.value for m in at.metric if m.label == label))


def test_default_view_shows_the_lecture_claims_in_numbers():
    at = run()
    assert at.selectbox(key="b_act").value == "tanh" and at.slider(key="b_steps").value == 2000
    assert at.segmented_control(key="b_mom").value == "0.001" and at.select_slider(key="b_bs").value == "32"
    assert len(at.get("vega_lite_chart")) == 11 and not at.error
    # one example alone: a clear message, not NaN
    assert not at.warning and EN["batchnorm.run.single.nan"] in [i.value for i in at.info]
    # b1's gradient is rounding noise next to bnbias's
    b1, bb = metric_value(at, "batchnorm.grad.metric_b1"), metric_value(at, "batchnorm.grad.metric_bb")
    assert b1 < 1e-6 * bb and bb > 1e-3
    # which statistics inference uses is said, and marked in the loss table
    assert any(m.value == EN["batchnorm.run.inference"] for m in at.markdown)
    table = at.dataframe[0].value
    assert list(table.iloc[:, 0]) == ["train", "val"]
    assert [c for c in table.columns if c.endswith("★")] == ["loss with running statistics ★"]
    cells = table.iloc[:, 1:].to_numpy().ravel()
    assert all(re.fullmatch(r"\d\.\d{4}", v) for v in cells), cells
    assert 2.0 < float(table.iloc[1, 2]) < 2.8  # val loss with the running statistics
    # at init BN makes every neuron exactly mean 0 / std 1; the histogram's "after" line is there
    notes = " ".join(c.value for c in at.caption)
    assert "std 1 (1.0000 to 1.0000)" in notes
    hist = frames(chart(at, "Pre-activations at init"))[0]
    assert set(hist["series"]) == {"before BN (x @ W1 + b1)", "after BN", "unit Gaussian N(0, 1)"}
    for c in at.get("vega_lite_chart"):
        for df in frames(c):
            assert not df.select_dtypes("number").isna().any().any()
    assert not re.search(r"\bnan\b", notes, re.IGNORECASE)  # no NaN among the numbers


def test_italian_default_view_reads_italian_with_italian_numbers():
    at = run(lang="it")
    assert at.title[0].value == IT["batchnorm.title"] != EN["batchnorm.title"]
    kinds = ("header", "markdown", "caption", "info", "warning", "success")
    text = "\n".join([str(e.value) for k in kinds for e in getattr(at, k)] + [m.value for m in at.metric])
    leaked = sorted(f for f in english_fragments() if f in text)
    assert not leaked, leaked[:5]
    assert not english_numbers(text), english_numbers(text)[:8]
    assert re.fullmatch(r"\d,\de-\d\d", at.metric[0].value)  # 9,3e-09
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["addestramento", "validazione"]
    assert all("," in v for v in at.dataframe[0].value.iloc[:, 1])  # 2,3546


def test_the_batch_size_control_moves_the_highlight_and_the_url():
    at = run(b_steps=QUICK)

    def chosen_sizes() -> set[int]:
        df = frames(chart(at, "loss in 40 random batches"))[0]
        return set(df.loc[df["series"].str.startswith("batch size "), "batch_size"])

    assert chosen_sizes() == {32}
    at.select_slider(key="b_bs").set_value("8").run()
    assert not at.exception
    assert chosen_sizes() == {8} and at.query_params["b_bs"] in ("8", ["8"])
    assert "at batch size 8 " in " ".join(c.value for c in at.caption)


def test_the_momentum_control_changes_the_running_statistics():
    at = run(b_steps=QUICK)
    slow = lines(chart(at, "Running mean of"))
    at.segmented_control(key="b_mom").set_value("0.1").run()
    assert not at.exception and at.query_params["b_mom"] in ("0.1", ["0.1"])
    fast = lines(chart(at, "Running mean of"))
    assert "momentum 0.1" in chart(at, "Running mean of").proto.spec

    def gap(df) -> float:  # |running - calibrated| at the last step, mean over the tracked neurons
        end = df[df["step"] == df["step"].max()]
        return float((end["running"] - end["calibrated"]).abs().mean())

    assert gap(fast) < 0.5 * gap(slow)  # a larger momentum forgets the start (mean 0) sooner


def test_a_link_restores_the_view():
    at = run(b_steps=QUICK, b_mom="0.1", b_bs="8")
    assert at.slider(key="b_steps").value == 300
    assert at.segmented_control(key="b_mom").value == "0.1" and at.select_slider(key="b_bs").value == "8"
    assert not at.warning
    assert "momentum 0.1" in chart(at, "Running std of").proto.spec
    assert "300 steps" in chart(at, "Gradients of the two biases").proto.spec


def test_bad_links_fall_back_to_the_defaults_with_a_notice():
    at = run(b_act="maxout", b_bs="33", b_steps=QUICK)  # maxout is not offered: its layer is twice as wide
    notices = " ".join(w.value for w in at.warning)
    assert "b_act" in notices and "b_bs" in notices
    assert at.selectbox(key="b_act").value == "tanh" and at.select_slider(key="b_bs").value == "32"


def test_the_question_hides_b1s_gradient_until_the_guess():
    at = run(predict="true", b_steps=QUICK)
    before = rendered(at)
    assert not at.get("vega_lite_chart") and not at.metric and not at.dataframe
    assert "b1" in " ".join(m.value for m in at.markdown)  # the question is on screen
    for token in (EN["batchnorm.grad.header"], EN["batchnorm.grad.metric_b1"], "e-0", "wasted"):
        assert token not in before, token
    lock_in(at, "same")  # a wrong guess: the answer is zero
    said = feedback(at)
    assert EN["batchnorm.predict.opt.zero"] in said and "e-0" in said
    assert at.metric and len(at.get("vega_lite_chart")) == 11
