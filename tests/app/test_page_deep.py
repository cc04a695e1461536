"""AppTest of the "Deep network health" page: renders, reacts, restores from a link (tokens:
n_act=relu, n_ph=init|after|both; old links with display names still work), survives bad links.

Most tests deep-link a short run (n_steps=200) to stay fast; the default render trains the
page's real budget (1000 steps) once, and the cache serves it to the later tests.
"""

import json
import math
import re

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import run_page
from ui.text import catalogue

PAGE = "pages/5_Deep_network_health.py"


def run(**params) -> AppTest:
    return run_page(PAGE, **params)


def metric(at: AppTest, start: str):
    return next(m for m in at.metric if m.label.startswith(start))


def url(at: AppTest, key: str) -> list[str]:
    """The URL's values of `key` (none when it is left out)."""
    v = at.query_params.get(key, [])
    return [v] if isinstance(v, str) else list(v)


def numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", text)]


def std_first_last(at: AppTest) -> tuple[float, float]:
    """The "Std of h, layer 1 → 5" metric at init: (layer 1, layer 5)."""
    a, *_, b = numbers(metric(at, "Std of h").value)
    return a, b


def title_lines(spec: dict) -> list[str]:
    """A Vega-Lite title's lines (a string, a list of lines, or {"text": either})."""
    title = spec.get("title", "")
    text = title.get("text", "") if isinstance(title, dict) else title
    return [text] if isinstance(text, str) else list(text)


def chart_titles(at: AppTest) -> list[str]:
    """Each chart's title as one line of text."""
    return [" ".join(title_lines(json.loads(c.proto.spec))) for c in at.get("vega_lite_chart")]


def chart_payload(at: AppTest, i: int) -> str:
    c = at.get("vega_lite_chart")[i].proto
    return c.spec + "".join(str(d.data.data) for d in c.datasets)


def test_default_render():
    at = run()
    assert not at.warning and not at.error
    titles = chart_titles(at)
    # activations, gradients, weight gradients side by side (x2), update:data, std and saturation per gain
    assert len(titles) == 9, titles
    assert any("at init" in x for x in titles) and any("after 1000 steps" in x for x in titles)
    a, b = std_first_last(at)
    assert 0.6 < a < 0.9 and 0.55 < b < 0.8  # the lecture: gain 5/3, 0.75 -> 0.66
    assert 10 <= numbers(metric(at, "Layer 1 saturated").value)[0] <= 30  # the lecture: ~20%
    assert at.segmented_control(key="n_ph").value == "both"
    phases = [o.content for o in at.get("button_group")[0].proto.options]
    assert phases == ["side by side", "at init", "after training"]  # tokens shown translated
    assert len(at.caption) >= 9  # a "what to notice" under each chart, and more
    assert "−ln(1/27) = 3.30" in metric(at, "Loss, end of run").proto.help  # the data's own V
    assert dict(at.query_params) == {}  # the default view: a short link


def test_batchnorm_toggle_changes_the_statistics():
    at = run(n_steps="200")
    before = std_first_last(at), chart_payload(at, 0)
    at.toggle(key="n_bn").set_value(True).run()
    assert not at.exception
    (a, b), payload = std_first_last(at), chart_payload(at, 0)
    assert (a, b) != before[0] and payload != before[1]
    assert 0.55 < a < 0.75 and 0.55 < b < 0.75  # the lecture: BN keeps std ~0.63-0.65
    assert numbers(metric(at, "Layer 1 saturated").value)[0] < 5


def test_gain_changes_the_statistics():
    at = run(n_steps="200")
    sat_before = numbers(metric(at, "Layer 1 saturated").value)[0]
    at.slider(key="n_gain").set_value(0.5).run()
    assert not at.exception
    a, b = std_first_last(at)
    assert b < 0.2 * a  # gain 0.5 vanishes: the lecture's 0.41 -> 0.02
    at.button(key="n_btn_3").click().run()  # the "gain 3" preset
    assert not at.exception
    assert at.slider(key="n_gain").value == pytest.approx(3.0)
    sat = numbers(metric(at, "Layer 1 saturated").value)[0]
    assert sat > 35 and sat != sat_before  # the lecture: 40-48% saturated


def test_deep_link_restores_state():
    at = run(n_act="relu", n_gain="1.41", n_bn="true", n_lr="0.01", n_steps="200", n_ph="init", n_cmp="false")
    assert not at.warning
    assert at.selectbox(key="n_act").value == "relu"  # the key; the screen shows "ReLU"
    assert at.slider(key="n_gain").value == pytest.approx(1.41)
    assert at.toggle(key="n_bn").value is True
    assert at.select_slider(key="n_lr").value == "0.01"
    assert at.slider(key="n_steps").value == 200
    assert at.segmented_control(key="n_ph").value == "init"
    assert at.toggle(key="n_cmp").value is False
    titles = chart_titles(at)
    # one phase only; ReLU has no saturation chart: activations, gradients, weights, update, std per gain
    assert len(titles) == 5, titles
    assert "ReLU" in titles[0] and "at init" in titles[0]
    assert "lr 0.01" in titles[3]
    assert metric(at, "Layer 1 saturated").value == "—"
    a, b = std_first_last(at)
    assert 0.4 < a < 1.0 and 0.4 < b < 1.0  # BatchNorm + ReLU: steady


@pytest.mark.parametrize(
    "old,token",
    [
        ("at init", "init"),
        ("addestrata", "after"),
        ("dopo l'addestramento", "after"),
        ("trained", "after"),
        ("fianco a fianco", "both"),
    ],
)
def test_old_phase_links_still_work(old, token):
    """Links made before the tokens spelled the phase as its label, in either language."""
    at = run(n_ph=old, n_act="ReLU", n_steps="100")  # and the activation as its display name
    assert not at.warning
    assert at.segmented_control(key="n_ph").value == token and at.selectbox(key="n_act").value == "relu"
    assert url(at, "n_ph") == ([] if token == "both" else [token])  # rewritten as the token (the default: left out)
    assert url(at, "n_act") == ["relu"]


def test_italian_page_keeps_the_tokens():
    at = run(lang="it", n_ph="after", n_act="relu", n_steps="100")
    assert not at.warning and not at.exception
    assert at.segmented_control(key="n_ph").value == "after"
    assert [o.content for o in at.get("button_group")[0].proto.options] == ["affiancate", "all'inizio", "addestrata"]
    titles = chart_titles(at)
    assert len(titles) == 5 and all("dopo 100 passi" in x for x in titles[:3]), titles  # one phase: after
    assert url(at, "n_ph") == ["after"]


@pytest.mark.parametrize(
    "key,bad",
    [
        ("n_gain", "abc"),
        ("n_gain", "1e9"),
        ("n_steps", "nan"),
        ("n_act", "Maxout"),
        ("n_lr", "0.3"),
        ("n_ph", "sideways"),
        ("n_zzz", "1"),
    ],
)
def test_bad_param_shows_notice_and_uses_default(key, bad):
    at = run(**{key: bad, **({} if key == "n_steps" else {"n_steps": "200"})})
    assert len(at.warning) == 1 and key in at.warning[0].value
    defaults = {
        "n_gain": ("slider", 5 / 3),
        "n_steps": ("slider", 1000),
        "n_act": ("selectbox", "tanh"),
        "n_lr": ("select_slider", "0.1"),
        "n_ph": ("segmented_control", "both"),
    }
    if key in defaults:
        kind, value = defaults[key]
        got = getattr(at, kind)(key=key).value
        assert got == (pytest.approx(value) if isinstance(value, float) else value)


def test_divergence_is_reported_and_not_drawn():
    at = run(n_act="relu", n_gain="3", n_lr="10", n_steps="200")
    assert any("Your net (ReLU, gain 3, lr 10) diverged at step 2" in e.value for e in at.error)
    assert any("only the net at init" in i.value for i in at.info)
    for i in range(len(at.get("vega_lite_chart"))):
        payload = chart_payload(at, i)
        assert "NaN" not in payload and "Infinity" not in payload


@pytest.mark.parametrize("lang,word", [("en", "diverged at step 4"), ("it", "divergita al passo 4")])
def test_a_diverged_run_shows_no_end_of_run_number(lang, word):
    """ReLU at gain 3 blows up at step 4 (the issue: "Loss, end of run 2.61e+10" under "diverged
    at step 4"): where a trained or end-of-run number would be, the metric names the divergence."""
    at = run(n_act="relu", n_gain="3", lang=lang)
    assert any("4" in e.value for e in at.error)
    by_label = {m.label: m for m in at.metric}
    assert len(by_label) == 5
    for m in list(by_label.values())[3:]:  # update:data and the loss exist only at the end of a run
        assert m.value == "—" and m.proto.delta == word, (m.label, m.value)
    for m in list(by_label.values())[:3]:  # the numbers at init stand; "after training" is the divergence
        assert m.value != "—" or m.proto.delta == ""
        assert m.proto.delta in (word, "")
    assert sum(m.proto.delta == word for m in at.metric) == 4  # ReLU has no saturation metric
    assert not any(re.search(r"e\+\d", m.value) for m in at.metric)  # no 2.61e+10
    opening = catalogue(lang)["deep.upd.notice.diverged"].split("{")[0]  # "The run diverged at step "
    (upd,) = [c.value for c in at.caption if opening in c.value]  # in place of the end-of-run ratio's verdict
    assert f"{opening}4 " in upd


def test_linear_layers_only_explode_and_vanish():
    at = run(n_lin="true", n_steps="200")
    assert at.selectbox(key="n_act").disabled
    a, b = std_first_last(at)
    assert b > 4 * a  # gain 5/3 with no squashing explodes: the lecture's 1.65 -> 12.8
    at.button(key="n_btn_0").click().run()  # gain 0.5
    a, b = std_first_last(at)
    assert b < 0.2 * a and math.isfinite(b)  # vanishes: 0.49 -> 0.03


def test_zero_steps_shows_init_only():
    at = run(n_steps="0")
    assert any("only the net at init" in i.value for i in at.info)
    titles = chart_titles(at)
    assert not any("after" in x for x in titles)


# What fits the metric columns at 1400 px, measured in Chromium on the Italian page: the first
# column (218 px, it holds two numbers) fits the value "0,30 → 0,0024" and the delta "addestrata:
# 0,30 → 0,0025"; the others (165 px) fit the label "Std grad., strato 1 ÷ 5" (23 characters; a
# 31-character one was cut at 175 px: "Std del gradiente, strato..."), a 24-character delta (a
# 27-character one was cut: "dopo l'addestramento: 22,1%") and a 7-character value.
LABEL_MAX = 24
VALUE_MAX, DELTA_MAX = (13, 10, 10, 10, 10), (26, 24, 24, 24, 24)
# views whose numbers are long: the default, a diverged run, an exploding and a vanishing stack
LONG_VIEWS = [
    {"n_steps": "200"},
    {"n_act": "relu", "n_gain": "3", "n_steps": "200"},
    {"n_lin": "true", "n_gain": "3", "n_steps": "200"},
    {"n_gain": "0.5", "n_steps": "200"},
    {"n_lin": "true", "n_gain": "0.3", "n_steps": "200"},
]


@pytest.mark.parametrize("lang", ["en", "it"])
@pytest.mark.parametrize("view", LONG_VIEWS, ids=lambda v: "-".join(f"{k}={x}" for k, x in v.items()))
def test_metrics_fit_their_columns(lang, view):
    """Issue #15 defect 7: at 1400 px the Italian metrics were cut ("Loss a fine addestrame...")."""
    at = run(lang=lang, **view)
    assert len(at.metric) == 5
    for m, value_max, delta_max in zip(at.metric, VALUE_MAX, DELTA_MAX):
        assert len(m.label) <= LABEL_MAX, m.label
        assert len(m.value) <= value_max, m.value
        assert len(m.proto.delta) <= delta_max, m.proto.delta


def _walk(node, data=None):
    """(encoding, data name) of every view in a Vega-Lite spec, layers included."""
    if isinstance(node, dict):
        data = node.get("data", {}).get("name", data) if isinstance(node.get("data"), dict) else data
        if "encoding" in node:
            yield node["encoding"], data
        for v in node.values():
            yield from _walk(v, data)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v, data)


def _frames(chart) -> dict[str, pd.DataFrame]:
    return {d.name: pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets}


@pytest.mark.parametrize("view", LONG_VIEWS[:3], ids=["default", "relu-gain-3", "linear-gain-3"])
def test_axes_print_plain_numbers(view):
    """Issue #15 defect 9: ticks such as "0k", "0.0e+0", "-6.0e-5". No axis asks for an SI, exponent
    or general format, and every linear axis spans numbers a tick prints plainly (0.01 to
    99,999): tiny or huge values are drawn in a power of ten that the axis title names."""
    at = run(**view)
    for chart in at.get("vega_lite_chart"):
        spec, frames = json.loads(chart.proto.spec), _frames(chart)
        for enc, data in _walk(spec):
            for ch in ("x", "y"):
                e = enc.get(ch)
                if not isinstance(e, dict) or e.get("type") != "quantitative":
                    continue
                fmt = (e.get("axis") or {}).get("format")
                assert fmt is None or not re.search(r"[eEsSgGr]$", fmt), (spec.get("title"), ch, fmt)
                scale = e.get("scale") or {}
                if scale.get("type") == "log":
                    continue
                values = scale.get("domain") or frames.get(data, pd.DataFrame()).get(e.get("field"))
                if values is None or not len(values):
                    continue
                top = max(abs(float(v)) for v in values)
                assert top == 0 or 1e-2 <= top < 1e5, (spec.get("title"), ch, e.get("title"), top)


def test_relu_gain_3_draws_its_spread_on_log_axes_and_says_why():
    """Issue #15 defect 9: ReLU at gain 3 drew flat lines on a 0-200 axis (layer 5 is 21x as wide
    as layer 1); the gradients come in units of 10^-3."""
    at = run(n_act="relu", n_gain="3", n_steps="200")
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    act, grad = specs[0]["encoding"], specs[1]["encoding"]
    assert act["y"]["scale"]["type"] == "log" and grad["y"]["scale"]["type"] == "log"
    assert "(×10⁻³)" in grad["x"]["title"] and max(map(abs, grad["x"]["scale"]["domain"])) < 2
    why = [c.value for c in at.caption if c.value.startswith("The density axis is logarithmic")]
    assert len(why) == 3 and "21×" in why[0]  # activations, gradients, weight gradients
    default = json.loads(run(n_steps="200").get("vega_lite_chart")[0].proto.spec)["encoding"]
    assert "scale" not in default["y"]  # tanh at 5/3: the layers alike, a linear density axis


def test_update_ratio_guide_is_a_legend_not_text_over_the_ticks():
    """Issue #15 defect 9: at 390 px the guide's words ran over the y ticks: no text mark."""
    at = run(n_steps="200")
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    (upd,) = [x for x in specs if title_lines(x)[0].startswith("Update:data")]
    marks = [(x.get("mark") or {}) for x in upd["layer"]]
    assert not any((m if isinstance(m, str) else m.get("type")) == "text" for m in marks)
    rule = next(x for x in upd["layer"] if (x.get("mark") or {}).get("type") == "rule")
    assert rule["encoding"]["strokeDash"]["legend"]["orient"] == "bottom"


# views whose texts carry the page's own numbers: the gain buttons and legend ("0.5", ReLU's
# "1.41"), the learning rate in titles and notices, a custom gain, a diverged run's banner
NUMBER_VIEWS = [
    {"n_steps": "200"},
    {"n_act": "relu", "n_gain": "1.41", "n_lr": "0.01", "n_steps": "200", "n_cmp": "true"},
    {"n_gain": "2.37", "n_lr": "0.002", "n_steps": "200"},
    {"n_act": "relu", "n_gain": "3", "n_lr": "10", "n_steps": "200"},
]


@pytest.mark.parametrize("view", NUMBER_VIEWS, ids=["default", "relu-1.41", "custom-gain", "diverged"])
def test_italian_page_writes_every_number_the_italian_way(view):
    """Issue #15 defect 6: the Italian page printed "guadagno 0.5", "lr 0.1" and the lecture's
    "0.75 → 0.66" next to "0,66": prose, buttons, notices, chart titles and legends, and the
    learning-rate slider's stops use the decimal comma."""
    from tests.app.test_i18n import english_numbers, shown_text

    at = run(lang="it", **view)
    texts = shown_text(at) + [str(e.value) for e in at.error] + [b.label for b in at.button] + chart_titles(at)
    for c in at.get("vega_lite_chart"):  # the legends' labels (series names) travel in the datasets
        texts += [str(v) for d in _frames(c).values() if "series" in d for v in d["series"].unique()]
    found = sorted({n for x in texts for n in english_numbers(x)})
    assert not found, found
    lr = at.select_slider(key="n_lr")
    assert "0,1" in lr.options and "0.1" not in lr.options
    assert any("guadagno 0,5" in b.label for b in at.button)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_chart_titles_fit_a_phone(lang):
    """Issue #15 (phone): at 390 px Vega cut "Update:data ratio of each weight matrix ove…": every
    title line holds at most what a phone's chart shows."""
    from ui.charts import TITLE_CHARS

    at = run(lang=lang, n_act="relu", n_gain="1.41", n_steps="200")
    for c in at.get("vega_lite_chart"):
        lines = title_lines(json.loads(c.proto.spec))
        assert lines and all(len(x) <= TITLE_CHARS for x in lines), lines


GUIDE_CHARS = 45  # the update:data guide's legend line that a 390 px chart holds (EN's 45 fit, IT's 48 were cut)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_update_ratio_guide_label_fits_a_phone(lang):
    """Vega never wraps a legend label: at 390 px the Italian guide was cut ("... dei pes")."""
    assert len(catalogue(lang)["deep.upd.guide"]) <= GUIDE_CHARS
