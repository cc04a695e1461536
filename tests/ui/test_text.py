"""Text hygiene: every key a page uses exists, pages use no literal user-facing strings,
and no user text can reach raw HTML."""

import ast
import re
from pathlib import Path

import pytest

from ui.text import LANGUAGES, catalogue

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
