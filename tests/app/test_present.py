"""Presenter mode and the "link to this view": controls fold away, text goes, charts grow; the link
reproduces the view."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

from tests.apptest import chart_downloads, run_page
from ui.text import catalogue

PAGE = "pages/2_Tanh_saturation.py"


def heights(at) -> list:
    return [json.loads(c.proto.spec).get("height") for c in at.get("vega_lite_chart")]


def texts(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_presenter_mode_from_the_url_folds_controls_hides_text_and_enlarges_charts():
    normal = run_page(PAGE)
    shown = run_page(PAGE, present="true")
    assert shown.toggle(key="present").value is True
    # the controls are still there (the view keeps its state) but inside a closed expander
    box = shown.get("expander")[0]
    assert box.proto.expanded is False
    assert [s.value for s in box.slider if s.key == "s_w1"] == [1.0]
    assert not any(s.key == "s_w1" for e in normal.get("expander") for s in e.slider)
    # the long explanation is gone, the charts stay (same count, taller) and lose their buttons
    why = catalogue("en")["saturation.why.body"][:40]
    assert why in texts(normal) and why not in texts(shown)
    assert len(shown.get("vega_lite_chart")) == len(normal.get("vega_lite_chart"))
    assert not chart_downloads(shown) and chart_downloads(normal)
    map_normal, map_shown = heights(normal)[2], heights(shown)[2]
    assert map_shown > map_normal


def test_presenter_toggle_in_the_sidebar_switches_it_on_and_off():
    at = run_page(PAGE)
    assert at.sidebar.toggle(key="present").value is False
    at.sidebar.toggle(key="present").set_value(True).run()
    assert not chart_downloads(at)
    at.button(key="_present_exit").click().run()
    assert at.toggle(key="present").value is False and chart_downloads(at)


def test_bad_presenter_param_warns_and_uses_normal_mode():
    at = run_page(PAGE, present="maybe")
    assert any("present" in w.value for w in at.warning)
    assert chart_downloads(at)


def link(at) -> str:
    codes = [c.value for c in at.code]
    assert len(codes) == 1
    return codes[0]


def test_view_link_carries_the_full_state_and_restores_it():
    at = run_page(PAGE)
    assert link(at) == ""  # all defaults: the bare page
    at.selectbox(key="s_act").select("relu").run()
    at.slider(key="s_w1").set_value(0.2).run()
    at.slider(key="s_steps").set_value(100).run()
    url = link(at)
    params = parse_qsl(urlsplit(url).query)
    assert ("s_act", "relu") in params and ("s_w1", "0.2") in params and ("s_steps", "100") in params
    again = run_page(PAGE, **dict(params))
    assert again.selectbox(key="s_act").value == "relu"
    assert again.slider(key="s_w1").value == 0.2 and again.slider(key="s_steps").value == 100
    assert not again.warning
    assert [m.value for m in again.metric] == [m.value for m in at.metric]


def test_view_link_keeps_language_and_presenter_mode():
    at = run_page(PAGE, lang="it", present="true", s_act="ReLU")
    params = dict(parse_qsl(urlsplit(link(at)).query))
    assert params == {"lang": "it", "s_act": "relu", "present": "true"}  # stable tokens, any language


def test_enlarge_grows_the_charts_own_text_not_only_the_axes():
    import altair as alt
    import pandas as pd

    from ui import export, present

    df = pd.DataFrame({"x": ["a", "b"], "y": [1.0, 2.0]})
    bars = alt.Chart(df).mark_bar().encode(x=alt.X("x:N", axis=alt.Axis(labelFontSize=12)), y="y:Q")
    values = alt.Chart(df).mark_text(dy=-8, fontSize=12).encode(x="x:N", y="y:Q", text="y:Q")
    label = alt.Chart(df).mark_text(align="left", dx=4).encode(y="y:Q", text="x:N")  # a rule's label: no size set
    spec = export.vega_lite(alt.layer(bars, values, label).properties(height=200))
    big = present.enlarge(spec)
    marks = [layer["mark"] for layer in big["layer"]]
    assert marks[1]["fontSize"] == 18 and marks[1]["dy"] == -12  # explicit sizes and offsets grow
    assert marks[2]["dx"] == 6 and big["config"]["text"]["fontSize"] == present.FONT["mark"]  # defaults grow
    assert big["layer"][0]["encoding"]["x"]["axis"]["labelFontSize"] == 18
    assert big["config"]["axis"]["labelFontSize"] == present.FONT["label"] and big["height"] == 300
    assert big["config"]["legend"]["labelLimit"] > 160  # Vega's default limit would cut the larger labels
    assert big["datasets"] is spec["datasets"] or big["datasets"] == spec["datasets"]  # data untouched
    assert spec["layer"][1]["mark"]["fontSize"] == 12  # the cached spec is not changed


def test_presenter_mode_enlarges_bar_values_and_what_to_notice():
    normal, shown = run_page(PAGE), run_page(PAGE, present="true")
    label = catalogue("en")["common.what_to_notice"]
    # the lines under the charts: a small caption normally, a level-5 heading (20 px) when presenting
    assert any(label in c.value for c in normal.caption) and not any(label in m.value for m in normal.markdown)
    notices = [m.value for m in shown.markdown if label in m.value]
    assert notices and all(n.startswith("##### ") and "\n" not in n for n in notices)
    assert not any(label in c.value for c in shown.caption)
    # the comparison bars carry their values as text marks: larger type when presenting
    for spec in (json.loads(c.proto.spec) for c in shown.get("vega_lite_chart")):
        assert spec["config"]["text"]["fontSize"] == 16
