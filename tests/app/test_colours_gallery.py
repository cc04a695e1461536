"""The gallery's series styles, read from the Vega-Lite specs the page emits (AppTest): every
activation of a max-size selection is drawn distinctly (colour, then dash / shape past the eight
Okabe-Ito colours) and alike in every chart; the signal chart's legend names its dashed line, and
its log axes tick at round values."""

from __future__ import annotations

import math

import pytest
from streamlit.testing.v1 import AppTest

from core.activations import KEYS, REGISTRY
from tests.apptest import charts_by_title, run_page
from ui.charts import PALETTE
from ui.i18n.en.gallery import TEXT

PAGE = "pages/1_Activation_gallery.py"
# Okabe & Ito (2008), written out here rather than read from ui.charts, so a palette swapped back
# to one with look-alike greens fails
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


def max_selection() -> list[str]:
    """As many activations as the page's multiselect accepts (read from the widget itself)."""
    at = run_page(PAGE)
    widget = at.multiselect(key="g_act")
    most = widget.proto.max_selections or len(widget.options)
    return list(KEYS)[:most]


def series_styles(spec: dict) -> dict[str, dict[str, object]]:
    """name -> {channel: value} from every layer that styles its marks by activation name."""
    out: dict[str, dict[str, object]] = {}
    for layer in spec["layer"]:
        enc = layer.get("encoding", {})
        for channel in ("color", "strokeDash", "shape"):
            ch = enc.get(channel, {})
            if ch.get("field") != "name":
                continue
            scale = ch["scale"]
            for name, value in zip(scale["domain"], scale["range"]):
                out.setdefault(name, {})[channel] = tuple(value) if isinstance(value, list) else value
    return out


@pytest.fixture(scope="module")
def everything() -> tuple[list[str], AppTest]:
    keys = max_selection()
    return keys, run_page(PAGE, g_act=keys)


def test_the_selection_can_hold_the_whole_registry(everything):
    keys, at = everything
    assert at.multiselect(key="g_act").value == keys
    assert len(keys) == len(KEYS)  # nothing of the registry is out of reach of one comparison


def test_every_series_is_distinct_and_colour_blind_safe_in_every_chart(everything):
    keys, at = everything
    names = [REGISTRY[k].name for k in keys]
    shown = charts_by_title(at)
    charts = [TEXT["gallery.f.title"], TEXT["gallery.df.title"], TEXT["gallery.signal.title"]]
    per_chart = {title: series_styles(shown[title][0]) for title in charts}
    for title, styles in per_chart.items():
        assert list(styles) == names, title  # every selected activation, in the order picked
        drawn = [tuple(sorted(s.items())) for s in styles.values()]
        assert len(set(drawn)) == len(names), title  # no two series look alike
        colours = [s["color"] for s in styles.values()]
        assert set(colours) <= OKABE_ITO, title
        # the first eight differ by colour alone; the dash (lines) or shape (points) tells the rest
        assert len(set(colours[: len(PALETTE)])) == min(len(PALETTE), len(names))
    # one activation, one look: the same colour in every chart, the same dash in both line charts
    first = per_chart[charts[0]]
    for title, styles in per_chart.items():
        assert {n: s["color"] for n, s in styles.items()} == {n: s["color"] for n, s in first.items()}, title
    assert per_chart[charts[1]] == first
    # the timeline's selected dots: the same colours and the signal chart's shapes
    spec, data = shown[TEXT["gallery.timeline.title"]]
    dots = next(d for d in data.values() if "color" in d and "shape" in d)
    picked = dots[dots["selected"]].set_index("name")
    signal = per_chart[TEXT["gallery.signal.title"]]
    for n in names:
        assert picked.loc[n, "color"] == signal[n]["color"]
        assert picked.loc[n, "shape"] == signal[n]["shape"]


def test_the_issues_selection_gets_three_distinct_colours():
    at = run_page(PAGE, g_act=["relu", "silu", "tanh"])
    styles = series_styles(charts_by_title(at)[TEXT["gallery.f.title"]][0])
    assert len({s["color"] for s in styles.values()}) == 3
    assert {s["strokeDash"] for s in styles.values()} == {(1, 0)}  # all solid: colour suffices


def test_signal_legend_names_the_dashed_line_and_ticks_are_round(everything):
    _, at = everything
    spec, _ = charts_by_title(at)[TEXT["gallery.signal.title"]]
    reference = [layer for layer in spec["layer"] if layer["encoding"].get("color", {}).get("field") == "label"]
    assert len(reference) == 1
    enc = reference[0]["encoding"]
    assert enc["color"]["scale"]["domain"] == [TEXT["gallery.signal.identity"]]
    legend = enc["color"]["legend"]
    assert legend is not None and legend["symbolDash"] and legend["labelLimit"] > 160  # not cut at the default
    assert enc["strokeDash"]["scale"]["range"][0][1] > 0  # the line itself is dashed
    for axis in ("x", "y"):
        values = enc[axis]["axis"]["values"]
        mantissas = {round(v / 10 ** math.floor(math.log10(v)), 6) for v in values}
        assert mantissas <= {1.0, 2.0, 5.0}, (axis, values)  # 1-2-5 or whole decades, never 0.03
