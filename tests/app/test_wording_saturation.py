"""The Tanh saturation page speaks of the activation it shows: for EVERY registry activation, no
text, tooltip, legend or axis title says "tanh" unless the registry calls that activation
saturating (tanh-like); the threshold slider is greyed out, and says why, where it changes
nothing; every activation-dependent text exists for every kind in every language; and no chart
title line is longer than a phone holds."""

from __future__ import annotations

import json
import re
from typing import Any

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from core.activations import KEYS, REGISTRY
from core.lessons.tanh_saturation import KINDS, THRESHOLD_KINDS, inactive_kind
from tests.apptest import run_page
from ui.charts import TITLE_CHARS
from ui.text import LANGUAGES, catalogue

PAGE = "pages/2_Tanh_saturation.py"
STEPS = "50"  # a few steps, so the loss curve and its notice are on the page too


def spec_words(node: Any) -> list[str]:
    """Every title, text and label string of a Vega-Lite spec (axes, legends, tooltips, marks)."""
    if isinstance(node, dict):
        out = []
        for key, value in node.items():
            if key in ("title", "text", "label") and isinstance(value, str):
                out.append(value)
            elif key == "title" and isinstance(value, list):
                out += [v for v in value if isinstance(v, str)]
            else:
                out += spec_words(value)
        return out
    if isinstance(node, list):
        return [w for item in node for w in spec_words(item)]
    return []


def page_text(at: AppTest) -> list[str]:
    """What a student can read on the page, but its title (the page's name, as in the menu)."""
    parts: list[str] = []
    for kind in ("header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "latex"):
        parts += [str(e.value) for e in at.main.get(kind)]
    for m in at.main.get("metric"):
        parts += [m.label, str(m.value), m.proto.help]
    for kind in ("button", "slider", "selectbox", "number_input", "toggle"):
        parts += [w.label for w in at.main.get(kind)] + [w.proto.help for w in at.main.get(kind)]
    for chart in at.main.get("vega_lite_chart"):
        parts += spec_words(json.loads(chart.proto.spec)) + [chart.proto.alt]
        for ds in chart.proto.datasets:
            df = pa.ipc.open_stream(ds.data.data).read_pandas()
            parts += [str(v) for c in df.select_dtypes(["object", "string"]) for v in df[c].unique()]
    return parts


def own_words(key: str, lang: str) -> list[str]:
    """The activation's own name and formulas, which may say tanh (GELU's tanh approximation)."""
    a = REGISTRY[key]
    return [catalogue(lang)[f"act.{key}.name"], a.name, a.latex, a.deriv_latex]


def tanh_mentions(at: AppTest, key: str, lang: str) -> list[str]:
    found = []
    for text in page_text(at):
        for own in own_words(key, lang):
            text = text.replace(own, "")
        if "tanh" in text.lower():
            found.append(text)
    return found


def tanh_like(key: str) -> bool:
    """From the registry: only a saturating activation may be compared with (or be) tanh."""
    return REGISTRY[key].saturating


@pytest.mark.parametrize("key", KEYS)
def test_no_tanh_wording_unless_the_activation_is_tanh_like(key):
    at = run_page(PAGE, s_act=key, s_steps=STEPS)
    assert at.selectbox(key="s_act").value == key
    if not tanh_like(key):
        assert tanh_mentions(at, key, "en") == []
    # whatever the activation: the notices of the histograms and of the map name the rule in use
    assert any(REGISTRY[key].name in t or catalogue("en")[f"act.{key}.name"] in t for t in page_text(at))
    # every chart title fits a phone (lines of at most TITLE_CHARS characters)
    for chart in at.main.get("vega_lite_chart"):
        title = json.loads(chart.proto.spec)["title"]
        lines = title if isinstance(title, list) else [title]
        assert all(len(line) <= TITLE_CHARS for line in lines), lines


def one_per_kind() -> list[str]:
    """The first registry activation of each kind that is not tanh-like (from the registry)."""
    first: dict[str, str] = {}
    for k in KEYS:
        if not tanh_like(k):
            first.setdefault(inactive_kind(k), k)
    return list(first.values())


@pytest.mark.parametrize("key", one_per_kind())
def test_no_tanh_wording_in_italian_either(key):
    at = run_page(PAGE, s_act=key, s_steps=STEPS, lang="it")
    assert tanh_mentions(at, key, "it") == []


@pytest.mark.parametrize("key", ["tanh", "relu", "gelu", "maxout", "sigmoid"])
def test_the_threshold_slider_says_when_it_does_not_apply(key):
    at = run_page(PAGE, s_act=key)
    slider = at.slider(key="s_thr")
    applies = inactive_kind(key) in THRESHOLD_KINDS
    assert slider.proto.disabled is (not applies)
    captions = [c.value for c in at.main.caption]
    why = catalogue("en")[f"saturation.thr.help.{inactive_kind(key)}"].format(act=catalogue("en")[f"act.{key}.name"])
    assert (why in captions) is (not applies)


def test_switching_activation_changes_every_tanh_specific_text():
    at = run_page(PAGE)
    tanh_text = set(page_text(at))
    assert any("tanh" in t.lower() for t in tanh_text)  # the lecture's wording is there for tanh
    at.selectbox(key="s_act").select("relu").run()
    assert not at.exception
    assert tanh_mentions(at, "relu", "en") == []
    assert at.slider(key="s_thr").proto.disabled


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_activation_dependent_text_has_every_kind(lang):
    """A key ending in a kind (saturation.what.tanh) needs its siblings for all KINDS."""
    text = catalogue(lang)
    families = {m.group(1) for k in text if (m := re.fullmatch(rf"(saturation\..+)\.({'|'.join(KINDS)})", k))}
    assert families
    missing = sorted(f"{f}.{k}" for f in families for k in KINDS if f"{f}.{k}" not in text)
    assert missing == []
    # and every registry activation has a kind those families cover
    assert {inactive_kind(k) for k in KEYS} <= set(KINDS)
