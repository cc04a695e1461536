"""Text hygiene: every key a page uses exists, pages use no literal user-facing strings,
and no user text can reach raw HTML."""

import ast
import re
import string
from pathlib import Path

import numpy as np
import pytest

from ui.text import LANGUAGES, NUMBERS, catalogue, fill, num, vega_locale

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py"))]
UI = sorted((ROOT / "ui").glob("*.py"))

# Streamlit calls whose first argument (or label=) is shown to the user.
SHOWN = {
    "title",
    "header",
    "subheader",
    "markdown",
    "write",
    "caption",
    "text",
    "info",
    "warning",
    "error",
    "success",
    "metric",
    "button",
    "slider",
    "select_slider",
    "selectbox",
    "multiselect",
    "toggle",
    "checkbox",
    "radio",
    "number_input",
    "text_input",
    "expander",
    "tabs",
    "page_link",
    "download_button",
    "file_uploader",
    "latex_caption",
    "progress",
    "spinner",
    "popover",
    "segmented_control",
}
KEY_RE = re.compile(r"""\bt\(\s*f?["']([a-z_]+\.[A-Za-z0-9_.{}]+)["']""")


def literal_text(node) -> str | None:
    """The visible words of a literal argument (ignoring pure punctuation/emoji/format fields)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        s = node.value
    elif isinstance(node, ast.JoinedStr):
        s = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    return s if re.search(r"[A-Za-z]{3,}", s) else None


@pytest.mark.parametrize("path", SCRIPTS + UI, ids=lambda p: p.name)
def test_no_literal_user_facing_strings(path):
    tree = ast.parse(path.read_text())
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SHOWN:
            args = node.args[:1] + [
                k.value for k in node.keywords if k.arg in ("label", "body", "help", "text", "placeholder", "caption")
            ]
            bad += [f"line {node.lineno}: {literal_text(a)!r}" for a in args if literal_text(a)]
    assert not bad, f"{path.name} shows literal text; put it in ui/i18n: {bad}"


def test_every_used_key_exists_in_english():
    keys = set(catalogue("en"))
    missing = []
    for path in SCRIPTS + UI:
        for key in KEY_RE.findall(path.read_text()):
            if "{" not in key and key not in keys:
                missing.append(f"{path.name}: {key}")
    assert not missing


def test_every_language_has_every_key():
    en = set(catalogue("en"))
    for lang in LANGUAGES:
        assert set(catalogue(lang)) == en, lang


@pytest.mark.parametrize("path", SCRIPTS + UI, ids=lambda p: p.name)
def test_no_raw_html(path):
    assert "unsafe_allow_html" not in path.read_text()
    assert "st.html(" not in path.read_text()


# -- numbers in the student's language -----------------------------------------------------------
@pytest.mark.parametrize(
    ("x", "spec", "en", "it"),
    [
        (29910, ",d", "29,910", "29.910"),
        (1000, ",", "1,000", "1.000"),
        (0.01, "", "0.01", "0,01"),
        (0.01, ".2f", "0.01", "0,01"),
        (-1234567.891, ",.2f", "-1,234,567.89", "-1.234.567,89"),
        (1e-5, ".1e", "1.0e-05", "1,0e-05"),
        (2.61e10, ".3g", "2.61e+10", "2,61e+10"),
        (0.1234, ".1%", "12.3%", "12,3%"),
        (float("nan"), ".2f", "nan", "nan"),
        (float("-inf"), ",", "-inf", "-inf"),
        (12, "", "12", "12"),
    ],
)
def test_num_uses_the_languages_separators(x, spec, en, it):
    assert num(x, spec, lang="en") == en
    assert num(x, spec, lang="it") == it


def test_num_takes_numpy_scalars():
    assert num(np.float32(0.5), ".3g", lang="it") == "0,5"
    assert num(np.int64(12345), ",", lang="it") == "12.345"


def test_catalogue_fields_localise_numbers_and_leave_words_alone():
    template = "{n:,} nomi, lr {lr}, {share:.1%} di {name}, {flag}"
    out = fill(template, "it", n=29910, lr=0.01, share=0.5, name="a.b,c", flag=True)
    assert out == "29.910 nomi, lr 0,01, 50,0% di a.b,c, True"
    assert fill(template, "en", n=29910, lr=0.01, share=0.5, name="a.b,c", flag=True) == (
        "29,910 nomi, lr 0.01, 50.0% di a.b,c, True"
    )


def test_every_catalogue_string_formats_with_numbers_in_both_languages():
    """Each numeric field of every string takes a number, and Italian output has no English
    thousands/decimal marks from those fields (a field such as "{n:,}" written for a string
    would raise here)."""
    fields = string.Formatter()
    for lang in LANGUAGES:
        for key, text in catalogue(lang).items():
            specs = {name: spec for _, name, spec, _ in fields.parse(text) if name and spec}
            if not specs:
                continue
            sample = {name: 1234.5 if spec[-1:] not in "d" else 1234 for name, spec in specs.items()}
            values = {name: sample.get(name, "w") for _, name, _, _ in fields.parse(text) if name}
            out = fill(text, lang, **values)
            if lang == "it":
                assert "1,234" not in out and "1234.5" not in out, (key, out)


def test_number_styles_cover_every_language_and_make_a_vega_locale():
    assert set(NUMBERS) == set(LANGUAGES)
    it = vega_locale("it")["number"]
    assert it == {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]}
    assert vega_locale("en")["number"]["decimal"] == "."
