"""AppTest of the Activation gallery page: charts, cards, timeline, signal propagation, URL state."""

from __future__ import annotations

import json
import math
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.activations import KEYS, REGISTRY, SOFTMAX
from tests.apptest import charts_by_title
from ui.charts_gallery import LINE_CHARS, formula
from ui.i18n.en.gallery import TEXT
from ui.text import catalogue

PAGE = "../../pages/1_Activation_gallery.py"
DEFAULT_KEYS = ["sigmoid", "tanh", "relu", "gelu"]
DEFAULT_NAMES = [REGISTRY[k].name for k in DEFAULT_KEYS]  # what the widget shows and the URL holds


def run(**params) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def layer_with(spec: dict, field: str) -> dict:
    """The layer of a layered spec drawing one mark per activation (colour by name) with `field` on y."""
    for layer in spec.get("layer", []):
        enc = layer.get("encoding", {})
        if enc.get("y", {}).get("field") == field and enc.get("color", {}).get("field") == "name":
            return layer
        if "layer" in layer:
            try:
                return layer_with(layer, field)
            except LookupError:
                pass
    raise LookupError(field)


def layer_data(spec: dict, data: dict[str, pd.DataFrame], field: str) -> pd.DataFrame:
    return data[layer_with(spec, field)["data"]["name"]]


def latex(at: AppTest) -> list[str]:
    return [x.value.removeprefix("$$").removesuffix("$$").strip() for x in at.latex]


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


# ---------------------------------------------------------------- default view


def test_default_view_has_every_part():
    at = run()
    assert not at.warning
    assert at.multiselect(key="g_act").value == DEFAULT_KEYS
    assert TEXT["gallery.intro"] in [i.value for i in at.info]
    shown = charts_by_title(at)
    assert set(shown) == {
        TEXT["gallery.f.title"],
        TEXT["gallery.df.title"],
        TEXT["gallery.timeline.title"],
        TEXT["gallery.signal.title"],
    }
    # 4 cards x (f, f') + softmax (f, Jacobian)
    shown_latex = latex(at)
    assert len(shown_latex) == 4 * 2 + 2
    for key in ("sigmoid", "tanh", "relu", "gelu"):  # the registry's formulas, laid out to fit a card
        assert formula(REGISTRY[key].latex) in shown_latex and formula(REGISTRY[key].deriv_latex) in shown_latex
    # one "what to notice" per chart, plus the one on init gains
    assert sum("What to notice" in c.value for c in at.caption) == len(shown) + 1


def test_every_chart_has_title_axes_tooltips_and_alt():
    at = run()
    for c in at.get("vega_lite_chart"):
        assert c.proto.alt.strip()
        spec = json.loads(c.proto.spec)
        assert spec["title"]
        encoded = [
            layer["encoding"]
            for layer in spec["layer"]
            if "encoding" in layer and "x" in layer["encoding"] and "field" in layer["encoding"]["x"]
        ]
        assert encoded
        for enc in encoded:
            assert enc["x"].get("title") and enc["tooltip"]
            # a y axis has a title, or there is none at all (the timeline names its rows next to
            # the dots): never a title over an axis without ticks
            assert enc["y"].get("title") or enc["y"].get("axis", {}) is None
        if spec["title"] == TEXT["gallery.timeline.title"]:
            texts = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
            assert texts and all(layer["encoding"]["text"]["field"] == "label" for layer in texts)


def test_colours_are_the_same_in_every_chart():
    shown = charts_by_title(run())
    scales = []
    for title in (TEXT["gallery.f.title"], TEXT["gallery.df.title"], TEXT["gallery.signal.title"]):
        spec, _ = shown[title]
        layer = layer_with(spec, "value" if title != TEXT["gallery.signal.title"] else "out_std")
        scales.append(layer["encoding"]["color"]["scale"])
    assert scales[0]["domain"] == DEFAULT_NAMES
    assert all(s == scales[0] for s in scales)
    # the timeline colours the selected entries with the same colours
    spec, data = shown[TEXT["gallery.timeline.title"]]
    timeline = next(iter(d for d in data.values() if "color" in d))
    colour = dict(zip(timeline["name"], timeline["color"]))
    assert [colour[n] for n in DEFAULT_NAMES] == scales[0]["range"]


def test_curves_match_the_registry():
    spec, data = charts_by_title(run())[TEXT["gallery.f.title"]]
    df = layer_data(spec, data, "value")
    assert set(df["name"]) == set(DEFAULT_NAMES)
    assert df["x"].min() == pytest.approx(-5.0) and df["x"].max() == pytest.approx(5.0)
    tanh = df[df["name"] == "Tanh"]
    i = (tanh["x"] - 1.0).abs().idxmin()
    assert tanh.loc[i, "value"] == pytest.approx(math.tanh(tanh.loc[i, "x"]), abs=1e-9)
    spec, data = charts_by_title(run())[TEXT["gallery.df.title"]]
    slope = layer_data(spec, data, "value")
    sig = slope[slope["name"] == "Sigmoid (logistic)"]
    assert sig["value"].max() == pytest.approx(0.25, abs=1e-6)  # sigma' peaks at 1/4


# ---------------------------------------------------------------- interaction and URL state


def test_param_slider_changes_the_curve():
    at = run(g_act=["Leaky ReLU"])
    slider = at.slider(key="g_leaky_relu_alpha")
    assert slider.value == pytest.approx(0.01)

    def f_at_minus_2(at):
        spec, data = charts_by_title(at)[TEXT["gallery.f.title"]]
        df = layer_data(spec, data, "value")
        return df.loc[(df["x"] + 2.0).abs().idxmin(), "value"]

    assert f_at_minus_2(at) == pytest.approx(-0.02)
    slider.set_value(0.3).run()
    assert not at.exception
    assert f_at_minus_2(at) == pytest.approx(-0.6)
    # the card's gain follows the parameter: sqrt(2 / (1 + 0.3^2)) = 1.355
    assert "1.355" in markdown(at)


def test_deep_link_restores_selection_params_and_range():
    at = run(g_act=["Tanh", "ELU", "Maxout"], g_elu_alpha="2", g_maxout_k="4", g_xmax="3")
    assert not at.warning
    assert at.multiselect(key="g_act").value == ["tanh", "elu", "maxout"]
    assert at.slider(key="g_elu_alpha").value == pytest.approx(2.0)
    assert at.slider(key="g_maxout_k").value == 4
    assert at.slider(key="g_xmax").value == pytest.approx(3.0)
    spec, data = charts_by_title(at)[TEXT["gallery.f.title"]]
    df = layer_data(spec, data, "value")
    assert df["x"].min() == pytest.approx(-3.0) and df["x"].max() == pytest.approx(3.0)
    elu = df[df["name"] == "ELU"]
    assert elu["value"].min() == pytest.approx(2.0 * (math.exp(-3.0) - 1))  # ELU's floor is -alpha
    # ELU with alpha = 2 has a kink at 0: the measured "smooth" badge says so, and the card notes the
    # difference from the textbook entry
    text = markdown(at)
    assert f":gray-badge[✗ {TEXT['gallery.prop.smooth']}]" in text
    assert TEXT["gallery.card.differs"].format(props=TEXT["gallery.prop.smooth"]) in text


def test_the_url_holds_registry_keys_and_an_empty_selection():
    at = run(g_act=["relu", "silu"])
    assert at.multiselect(key="g_act").value == ["relu", "silu"] and not at.warning
    assert at.query_params["g_act"] == ["relu", "silu"]
    at.multiselect(key="g_act").set_value([]).run()
    assert at.query_params["g_act"] in ("", [""])  # empty, which is not the default selection
    reopened = run(g_act=at.query_params["g_act"])
    assert reopened.multiselect(key="g_act").value == []


def test_default_elu_is_measured_smooth():
    text = markdown(run(g_act=["ELU"]))
    assert f":green-badge[✓ {TEXT['gallery.prop.smooth']}]" in text
    assert "differs" not in text


@pytest.mark.parametrize(
    "key, value",
    [
        ("g_leaky_relu_alpha", "abc"),
        ("g_leaky_relu_alpha", "1e9"),
        ("g_leaky_relu_alpha", "nan"),
        ("g_maxout_k", "2.5"),
        ("g_xmax", "0"),
    ],
)
def test_bad_params_warn_and_use_defaults(key, value):
    at = run(g_act=["Leaky ReLU", "Maxout"], **{key: value})
    assert any(key in w.value for w in at.warning)
    control = at.slider(key=key)
    assert control.value == pytest.approx({"g_leaky_relu_alpha": 0.01, "g_maxout_k": 2, "g_xmax": 5.0}[key])


def test_unknown_activation_warns_and_uses_default_selection():
    at = run(g_act=["Softmax"], g_foo="1")
    assert any("g_act" in w.value for w in at.warning)
    assert any("g_foo" in w.value for w in at.warning)
    assert at.multiselect(key="g_act").value == DEFAULT_KEYS


def test_empty_selection_is_not_an_error():
    at = run(g_act="")
    assert not at.warning
    assert TEXT["gallery.none"] in [i.value for i in at.info]
    # the timeline (nothing highlighted) and softmax still show
    assert set(charts_by_title(at)) == {TEXT["gallery.timeline.title"]}
    assert SOFTMAX.latex in latex(at)


# ---------------------------------------------------------------- timeline, signal, softmax


def test_timeline_lists_every_registry_entry():
    at = run(g_act=["ReLU", "Mish"])
    spec, data = charts_by_title(at)[TEXT["gallery.timeline.title"]]
    df = next(iter(d for d in data.values() if "year" in d))
    assert sorted(df["name"]) == sorted(a.name for a in REGISTRY.values())
    assert dict(zip(df["name"], df["year"])) == {a.name: a.year for a in REGISTRY.values()}
    assert set(df.loc[df["selected"], "name"]) == {"ReLU", "Mish"}
    assert spec["layer"][0]["encoding"]["x"]["field"] == "year"


def test_signal_propagation_and_gain_table():
    at = run(g_act=["Tanh", "ReLU", "Sigmoid (logistic)"])
    spec, data = charts_by_title(at)[TEXT["gallery.signal.title"]]
    df = layer_data(spec, data, "out_std")
    tanh = df[(df["name"] == "Tanh") & (df["input_std"] == 1.0)]["out_std"].item()
    assert 0.60 < tanh < 0.66  # the lecture's ~0.63 for a unit-variance tanh layer
    shown = at.dataframe[0].value.set_index(TEXT["gallery.col.name"])
    table = shown.astype(float)  # numbers are shown as text
    assert list(table.index) == ["Tanh", "ReLU", "Sigmoid (logistic)"]
    rec, keep = TEXT["gallery.col.registry_gain"], TEXT["gallery.col.preserving_gain"]
    assert table.loc["Tanh", rec] == pytest.approx(5 / 3, abs=5e-4)  # shown to 3 decimals
    assert table.loc["ReLU", rec] == pytest.approx(math.sqrt(2), abs=5e-4)
    assert table.loc["ReLU", keep] == pytest.approx(math.sqrt(2), abs=0.01)
    assert table.loc["Tanh", keep] == pytest.approx(1.59, abs=0.01)
    # two gain columns fit a phone; a gain's source is on its card
    assert list(table.columns) == [rec, keep]
    assert catalogue("en")["act.tanh.gain_source"] in markdown(at)


def test_softmax_is_shown_apart():
    at = run()
    assert SOFTMAX.name not in at.multiselect(key="g_act").options
    assert set(at.multiselect(key="g_act").options) == {REGISTRY[k].name for k in KEYS}
    shown_latex = latex(at)
    assert SOFTMAX.latex in shown_latex and SOFTMAX.deriv_latex in shown_latex
    assert TEXT["gallery.softmax"] in [h.value for h in at.header]


def test_italian_gallery_writes_numbers_and_prose_in_italian():
    at = run(g_act=["tanh", "gelu"], lang="it")
    it = catalogue("it")
    table = at.dataframe[0].value.set_index(it["gallery.col.name"])
    assert table.loc["Tanh", it["gallery.col.registry_gain"]] == "1,667"  # not 1.667 (one thousand and more)
    text = markdown(at)
    assert "1,667 — calculate_gain('tanh')" in text  # the card's gain
    assert "−0,17" in text  # GELU's output range
    # the cards' "use when" / "note" bodies and the GELU gain source come from the Italian catalogue
    for key in ("act.gelu.use_when", "act.gelu.note", "act.gelu.gain_source", "act.tanh.note"):
        assert it[key] != catalogue("en")[key] and it[key] in text


# ---------------------------------------------------------------- formulas that fit a card


LAYOUT = re.compile(r"\\(begin|end)\{aligned\}|\\\\|&|\\quad|\\ |,|\s")  # what formula() adds or moves


def bare(latex: str) -> str:
    """The formula without its layout: line breaks, alignment marks, spaces, commas."""
    return LAYOUT.sub("", latex)


def _rows(laid: str) -> list[str]:
    """The rows of a laid-out formula (one per source line), without their line breaks."""
    return [r.removesuffix(r" \\") for r in laid.split("\n")[1:-1]]


@pytest.mark.parametrize("key", KEYS)
def test_long_formulas_are_laid_out_over_lines_that_fit_a_card(key):
    """Issue #15: SELU, GELU (tanh) and Mish ran past their cards at 1400 px and on a phone (a
    display formula never wraps). A long formula is an aligned block, one "=" step, sum or
    "where" clause per line; only a line with no top-level break point may stay longer."""
    for latex in (REGISTRY[key].latex, REGISTRY[key].deriv_latex):
        laid = formula(latex)
        if len(latex) <= LINE_CHARS or laid == latex:
            assert laid == latex  # short, or one indivisible expression (a phone's card may scroll it)
            continue
        rows = _rows(laid)
        assert laid.startswith(r"\begin{aligned}") and len(rows) > 1, laid
        assert laid.count("{") == laid.count("}") and rows[0].count("&=") == 1
        assert max(map(len, rows)) < len(latex) - 8, rows  # each line well under the one-line formula
        assert bare(laid) == bare(latex)  # nothing is lost: the same symbols in the same order


def test_the_long_formulas_of_the_issue_are_split():
    selu, mish = (_rows(formula(REGISTRY[k].latex)) for k in ("selu", "mish"))
    assert len(selu) == 2 and selu[1] == r"&\quad \lambda \approx 1.0507,\ \alpha \approx 1.6733"
    assert len(mish) == 2 and mish[1].startswith("&= x \\tanh")
    deriv = _rows(formula(REGISTRY["gelu_tanh"].deriv_latex))
    assert len(deriv) == 3 and deriv[1].startswith(r"&\quad + ") and deriv[2] == r"&\quad t = \tanh[\dots]"
    gelu_tanh = REGISTRY["gelu_tanh"].latex
    assert formula(gelu_tanh) == gelu_tanh  # no top-level break point: left whole


def test_italian_cards_write_the_formulas_decimals_with_a_comma():
    at = run(g_act=["selu", "gelu_tanh"], lang="it")
    shown = " ".join(latex(at))
    assert r"1{,}0507" in shown and r"0{,}044715" in shown and "1.0507" not in shown
    assert formula(REGISTRY["selu"].latex, ",") in latex(at)
