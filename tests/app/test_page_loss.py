"""AppTest of the "Loss at init" page: numbers, interactions, deep links, bad links."""

import json
import math

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import chart, frames, run_page

PAGE = "pages/4_Loss_at_init.py"
EXPECTED = math.log(27)  # 3.2958
QUICK = "200"  # hockey-stick steps for tests that are not about it


def run(**params) -> AppTest:
    return run_page(PAGE, **params)


def metric(at: AppTest, label_start: str) -> str:
    found = [m.value for m in at.metric if m.label.startswith(label_start)]
    assert found, f"no metric starting with {label_start!r}: {[m.label for m in at.metric]}"
    return found[0]


def sweep_losses(at: AppTest) -> dict[float, float]:
    df = next(f for f in frames(chart(at, "against the scale of W2")) if "scale" in f and len(f) == 13)
    return dict(zip(df["scale"], df["loss"]))


def test_default_view_naive_loss_far_above_uniform_guess():
    at = run()  # the default view, hockey stick at its default 1000 steps
    assert len(at.get("vega_lite_chart")) == 5
    assert not at.warning and not at.error
    assert at.select_slider(key="l_w2").value == "1"
    assert float(metric(at, "Expected loss")) == pytest.approx(EXPECTED, abs=1e-4)
    assert float(metric(at, "Loss at W2×1")) > 15
    assert float(metric(at, "Batch loss")) > 15  # the lecture: ~27 on its batch
    losses = sweep_losses(at)
    assert losses[1.0] > 15
    assert abs(losses[0.01] - EXPECTED) < 0.05
    assert min(losses.values()) > EXPECTED - 0.01  # nothing beats the uniform guess at step 0
    # hockey stick: the naive run starts far above the fixed one and ends above it too
    naive0 = float(metric(at, "Naive: step 0"))
    fixed0 = float(metric(at, "Fixed: step 0"))
    assert naive0 > 15 and abs(fixed0 - EXPECTED) < 0.1
    assert float(metric(at, "Fixed: last 100")) < float(metric(at, "Naive: last 100"))
    hockey = frames(chart(at, "Minibatch loss during the first 1000 steps"))[0]
    assert set(hockey["step"]) == set(range(1000)) and hockey["smooth"].notna().all()


def test_deep_link_restores_the_fixed_init_view():
    at = run(l_w2="0.01", l_v="4", l_tgt="3", l_b2="false", l_n=QUICK)
    assert at.select_slider(key="l_w2").value == "0.01"
    assert at.slider(key="l_v").value == 4
    assert at.selectbox(key="l_tgt").value == "3"
    assert at.slider(key="l_n").value == 200
    assert not at.warning
    assert float(metric(at, "Expected loss")) == pytest.approx(math.log(4), abs=1e-4)
    assert abs(float(metric(at, "Loss at W2×0.01")) - EXPECTED) < 0.05
    assert abs(float(metric(at, "Batch loss")) - 3.32) < 0.1  # the lecture: ~3.32
    # target = class 3, the largest logit (16): the network is confidently right
    assert float(metric(at, "Loss −ln p[target]")) < 0.01


def test_moving_the_w2_slider_shrinks_the_logits():
    at = run(l_n=QUICK)
    before = frames(chart(at, "Logits of the first minibatch"))[0]
    at.select_slider(key="l_w2").set_value("0.01").run()
    assert not at.exception
    after = frames(chart(at, "Logits of the first minibatch, W2×0.01"))[0]
    assert after["bin_end"].max() - after["bin_start"].min() < 0.2 * (
        before["bin_end"].max() - before["bin_start"].min()
    )
    assert abs(float(metric(at, "Batch loss")) - 3.32) < 0.1


def test_b2_toggle_lifts_the_floor_of_the_sweep():
    at = run(l_n=QUICK)
    at.toggle(key="l_b2").set_value(True).run()
    assert not at.exception
    losses = sweep_losses(at)
    assert losses[0.001] > EXPECTED + 0.2  # a random b2 alone makes the guess non-uniform


def test_logit_sliders_change_the_softmax_chart():
    at = run(l_n=QUICK)
    title = "Softmax probabilities of the four classes"
    before = frames(chart(at, title))[0]
    loss_before = float(metric(at, "Loss −ln p[target]"))
    assert loss_before > 20  # defaults: the target (class 0) has the smallest logit
    at.slider(key="l_z0").set_value(16.0).run()
    after = frames(chart(at, title))[0]
    assert not before["prob"].equals(after["prob"])
    assert float(metric(at, "Loss −ln p[target]")) < loss_before
    at.button[0].click().run()  # all logits equal
    assert [at.slider(key=f"l_z{i}").value for i in range(4)] == [0.0] * 4
    assert float(metric(at, "Loss −ln p[target]")) == pytest.approx(math.log(4), abs=1e-4)
    assert frames(chart(at, title))[0]["prob"].tolist() == pytest.approx([0.25] * 4)


def test_bad_params_warn_and_fall_back_to_defaults():
    at = run(l_v="abc", l_w2="0.5", l_z1="1e9", l_n="nan", l_act="softmaxx", l_tgt="7", l_qq="1")
    assert len(at.warning) == 7
    assert at.slider(key="l_v").value == 27
    assert at.select_slider(key="l_w2").value == "1"
    assert at.slider(key="l_z1").value == 4.0
    assert at.slider(key="l_n").value == 1000
    assert at.selectbox(key="l_act").value == "tanh"
    assert at.selectbox(key="l_tgt").value == "0"


def param(at: AppTest, key: str):
    v = at.query_params.get(key)
    return v[0] if isinstance(v, list) and len(v) == 1 else v


def test_the_url_holds_the_activation_key_and_old_names_still_work():
    at = run(l_act="relu", l_n=QUICK)
    assert not at.warning and at.selectbox(key="l_act").value == "relu" and param(at, "l_act") == "relu"
    assert "ReLU" in at.selectbox(key="l_act").options  # the registry's name on screen, the key in the URL
    old = run(l_act="ReLU", l_n=QUICK)  # a link made before the URLs held keys
    assert not old.warning and old.selectbox(key="l_act").value == "relu"
    assert param(old, "l_act") == "relu"  # rewritten as the token
    old.selectbox(key="l_act").set_value("gelu").run()
    old.select_slider(key="l_w2").set_value("0.1").run()
    assert param(old, "l_act") == "gelu" and param(old, "l_w2") == "0.1"


def test_switching_language_keeps_the_view_and_its_numbers():
    view = {"l_act": "relu", "l_w2": "0.01", "l_n": QUICK, "l_tgt": "2"}
    at = run(**view)
    before = {k: at.session_state[k] for k in view}
    numbers = [m.value for m in at.metric]
    at.sidebar.selectbox(key="lang").set_value("it").run()
    assert not at.exception and not at.warning
    assert {k: at.session_state[k] for k in view} == before
    assert {k: str(param(at, k)) for k in view} == {k: str(v) for k, v in view.items()}
    assert [m.value.replace(",", ".") for m in at.metric] == numbers  # the same numbers, Italian marks
    assert metric(at, "Loss attesa") == "3,2958"
    assert at.metric[0].label.startswith("Loss attesa")


def test_a_diverged_run_is_named_and_has_no_end_number():
    at = run(l_act="prelu", l_n=QUICK)  # PReLU with the naive init blows up at step 8
    assert [e.value for e in at.error] == [
        "naive (W2×1, b2×1) diverged at step 8: its loss became NaN/inf. Charts stop at that step."
    ]
    assert metric(at, "Naive: last 100") == "—" and metric(at, "Fixed: last 100") != "—"
    hockey = frames(chart(at, "Minibatch loss during the first 200 steps"))[0]
    assert hockey.loc[hockey["variant"] == "naive (W2×1, b2×1)", "step"].max() == 7


def test_the_data_caption_is_at_the_top_as_on_the_other_pages():
    at = run(l_n=QUICK)
    assert at.caption[0].value.startswith("Data: ")
    assert sum(c.value.startswith("Data: ") for c in at.caption) == 1


@pytest.mark.parametrize("b2", ["false", "true"])
def test_the_three_step0_losses_are_told_apart(b2):
    """Section 2's loss at W2x1 (4,000 examples), section 3's batch loss (its first minibatch) and
    the naive net's step 0 (that minibatch, and a random b2): one caption says which is which,
    with the numbers the metrics show."""
    at = run(l_b2=b2, l_n=QUICK)
    note = next(c.value for c in at.caption if "step-0" in c.value or "for W2×1" in c.value)
    sweep, batch, naive = (float(metric(at, k)) for k in ("Loss at W2×1", "Batch loss", "Naive: step 0"))
    for x in (sweep, batch, naive):
        assert f"{x:.2f}" in note, (x, note)
    assert "4,000" in note
    if b2 == "true":  # the same net on the same minibatch: the same number
        assert batch == pytest.approx(naive, abs=1e-3)
        assert "same net" in note
    else:
        assert abs(batch - naive) > 0.01 and "random b2" in note and "**Random b2**" in note


def test_the_softmax_bars_are_labelled_in_one_format():
    at = run(l_n=QUICK)
    spec = json.loads(chart(at, "Softmax probabilities").proto.spec)
    marks = {
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]: layer for layer in spec["layer"]
    }
    assert marks["text"]["encoding"]["text"]["format"] == ".2e"  # 6.91e-13 and 9.99e-1, never 0.00000614
    tip = {t["field"]: t.get("format") for t in marks["bar"]["encoding"]["tooltip"]}
    assert tip["prob"] == ".2e"
    assert marks["bar"]["encoding"]["color"]["legend"]["orient"] == "top"  # the bars keep a phone's width
