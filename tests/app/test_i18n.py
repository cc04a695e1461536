"""English and Italian: `lang=it` renders Italian on every page and no English prose; the
sidebar switch writes `lang` into the URL; links hold language-free tokens, so a link made in
one language opens the same view in the other; a page opened in both languages trains once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.pages import SCRIPTS
from ui.text import catalogue

ROOT = Path(__file__).resolve().parents[2]
# a view that is not the default, in tokens (the same link in every language)
VIEWS = {
    "gallery": {"g_act": ["relu", "silu"], "g_xmax": "8"},
    "saturation": {"s_act": "relu", "s_w1": "0.2", "s_steps": "100"},
    "dead": {"d_acts": ["relu", "gelu"], "d_steps": "200"},
    "loss": {"l_act": "relu", "l_w2": "0.1", "l_n": "200"},
    "deep": {"n_act": "relu", "n_ph": "init", "n_steps": "100"},
    "batchnorm": {"b_act": "relu", "b_steps": "300", "b_bs": "8"},
}  # the loss log's only other view is the lecture's 200,000 steps: too long for a test


# Pages and catalogue areas whose numbers still wait for their owners to use ui.text.num or a
# catalogue field (issue #15, defect 6): a hit there is an expected failure, not a pass; take an
# entry out once its page reads clean, so it stays clean.
NUMBERS_PENDING_PAGES: set[str] = set()
NUMBERS_PENDING_AREAS: set[str] = set()
NUMBER_RE = re.compile(r"\d[\d.,]*\d|\d")
ITALIAN_THOUSANDS = re.compile(r"[1-9]\d{0,2}(\.\d{3})+(,\d+)?")
# English thousands: "29,910" or "1,234,567" (an Italian "1,000" is one with three decimals: not flagged)
ENGLISH_THOUSANDS = re.compile(r"[1-9]\d{1,2}(,\d{3})+|[1-9]\d{0,2}(,\d{3}){2,}")
NOT_PROSE = re.compile(r"`[^`]*`|\$[^$]*\$|\{[^}]*\}|https?://\S+")  # code, LaTeX, fields, links


def english_numbers(text: str) -> list[str]:
    """Numbers written the English way ("0.01", "3.2958", "29,910") in Italian text; "29.910"
    (Italian thousands) passes, and "1.000" cannot be told from it (1.0 to three decimals)."""
    prose = NOT_PROSE.sub(" ", text)
    return [
        n
        for n in NUMBER_RE.findall(prose)
        if ("." in n and not ITALIAN_THOUSANDS.fullmatch(n)) or ENGLISH_THOUSANDS.fullmatch(n)
    ]


def pending(found: list[str], waiting: bool, what: str) -> None:
    """Assert nothing was found, or mark the test an expected failure while its owner is due."""
    if found and waiting:
        pytest.xfail(f"{what}: numbers still formatted by hand (owner to switch): {found[:8]}")
    assert not found, (what, found[:8])


def run(script: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / script), default_timeout=180)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def shown_text(at: AppTest) -> list[str]:
    """Every piece of text the page shows (headings, prose, notices, labels, metrics)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    for kind in ("button", "slider", "selectbox", "multiselect", "toggle", "select_slider", "expander"):
        parts += [str(getattr(w, "label", "")) for w in at.get(kind)]
    return parts


def english_fragments() -> set[str]:
    """Pieces of English text (25+ characters, between placeholders) that no Italian string
    contains: one of them on an Italian page is English prose that leaked through."""
    en, it = catalogue("en"), catalogue("it")
    italian = "\n".join(it.values())
    out = set()
    for key, value in en.items():
        if it.get(key) == value:
            continue  # the same in both (a formula, a name)
        for piece in re.split(r"\{[^}]*\}|[*_`\[\]()#>|]|\n", value):
            piece = piece.strip(" .,:;-")
            if len(piece) >= 25 and piece not in italian:
                out.add(piece)
    return out


@pytest.mark.parametrize("page", SCRIPTS)
def test_lang_it_renders_italian_and_no_english_prose(page):
    at = run(SCRIPTS[page], lang="it", **VIEWS.get(page, {}))
    assert not at.exception, [e.value for e in at.exception]
    it, en = catalogue("it"), catalogue("en")
    assert at.title[0].value == it[f"{page}.title"] != en[f"{page}.title"]
    text = "\n".join(shown_text(at))
    assert it["common.sidebar_about"] in text
    assert not at.warning  # `lang` and the view's tokens are known settings everywhere
    leaked = sorted(f for f in english_fragments() if f in text)
    assert not leaked, leaked[:5]
    pending(english_numbers(text), page in NUMBERS_PENDING_PAGES, page)


def test_english_numbers_are_recognised():
    assert english_numbers("std 0.75 → 0,66, 29.910 nomi, 1.234.567,5 e `lr=0.1` e $0.5$") == ["0.75"]
    assert english_numbers("W1 × 0.2, ±0.990, 2.61e+10") == ["0.2", "0.990", "2.61"]
    assert english_numbers("29,910 nomi, 1,234,567 e 0,990 e 2,61e+10") == ["29,910", "1,234,567"]


@pytest.mark.parametrize("area", sorted({key.split(".")[0] for key in catalogue("it")}))
def test_italian_catalogue_writes_literal_numbers_the_italian_way(area):
    """Numbers typed into Italian prose use the decimal comma (3,2958), as formatted ones do."""
    found = [
        f"{key}: {n}"
        for key, value in catalogue("it").items()
        if key.startswith(area + ".")
        for n in english_numbers(value)
    ]
    pending(found, area in NUMBERS_PENDING_AREAS, area)


def test_italian_uses_the_classroom_terms():
    words = " ".join(catalogue("it").values()).lower()
    for term in ("neuroni morti", "saturazione", "funzion"):
        assert term in words
    assert re.search(r"funzion[ei] di attivazione", words)


def test_switch_writes_lang_into_the_url():
    at = run("streamlit_app.py")
    assert at.title[0].value == catalogue("en")["home.title"]
    at.sidebar.selectbox(key="lang").set_value("it").run()
    assert at.query_params["lang"] in ("it", ["it"])
    assert at.title[0].value == catalogue("it")["home.title"]


def test_unknown_language_falls_back_to_english_with_a_notice():
    at = run("streamlit_app.py", lang="xx")
    assert not at.exception
    assert at.title[0].value == catalogue("en")["home.title"]
    assert len(at.warning) == 1 and "lang=xx" in at.warning[0].value


@pytest.mark.parametrize("picked", ["it", "en"])
def test_the_language_survives_a_page_switch_that_empties_the_url(picked):
    """Streamlit clears the query params when the menu switches page (AppTest does not, so the
    test empties them): the next page still speaks the session's language and puts `lang`
    back; a student who went back to English stays in English."""
    text = catalogue(picked)
    at = run("streamlit_app.py", lang="it")
    if picked == "en":  # the sidebar picker, back to English
        at.sidebar.selectbox(key="lang").set_value("en").run()
    at.query_params.clear()
    at.switch_page("pages/5_Deep_network_health.py").run()
    assert not at.exception and not at.warning
    assert at.title[0].value == text["deep.title"]
    assert at.query_params.get("lang") == ("it" if picked == "it" else None)


@pytest.mark.parametrize("page", VIEWS)
def test_a_link_made_in_one_language_opens_the_same_view_in_the_other(page):
    view = VIEWS[page]
    shown = {}
    for lang in ("en", "it"):
        at = run(SCRIPTS[page], lang=lang, **view)
        assert not at.exception and not at.warning, [w.value for w in at.warning]
        shown[lang] = {k: at.session_state[k] for k in view}
        for k, v in view.items():  # the URL still holds the same tokens, whatever the language
            want = v if isinstance(v, list) else [v]
            got = at.query_params[k] if isinstance(at.query_params[k], list) else [at.query_params[k]]
            assert [str(x) for x in got] == want, (k, got)
    assert shown["en"] == shown["it"]


def test_switching_language_keeps_the_view_and_its_tokens():
    at = run(SCRIPTS["deep"], n_ph="init", n_steps="100")
    before = {k: at.session_state[k] for k in ("n_ph", "n_steps")}
    at.sidebar.selectbox(key="lang").set_value("it").run()
    assert not at.exception and not at.warning, [w.value for w in at.warning]
    assert {k: at.session_state[k] for k in ("n_ph", "n_steps")} == before
    assert at.query_params["n_ph"] in ("init", ["init"])
    assert at.title[0].value == catalogue("it")["deep.title"]


def test_old_links_with_display_names_still_work():
    at = run(SCRIPTS["saturation"], s_act="Sigmoid (logistic)")
    assert not at.exception and not at.warning
    assert at.session_state["s_act"] == "sigmoid"
    assert at.query_params["s_act"] in ("sigmoid", ["sigmoid"])  # rewritten as the token


def test_opening_a_page_in_english_then_italian_trains_once():
    from ui import jobs

    board = jobs.board()  # the pages' board (st.cache_resource: one per process)
    before = board.stats()["batches"]  # trainer runs; the preview at init runs inline, not counted
    view = {"s_act": "elu", "s_w1": "0.37", "s_steps": "150"}  # a setting no other test uses
    run(SCRIPTS["saturation"], **view)
    assert board.stats()["batches"] - before == 1  # the four variants train together, once
    run(SCRIPTS["saturation"], lang="it", **view)
    assert board.stats()["batches"] - before == 1  # the Italian page reuses the English page's training


def test_home_counts_the_bundled_names_in_the_students_language():
    from core.data import load_names

    n = len(load_names())
    for lang, shown in (("en", f"{n:,}"), ("it", f"{n:,}".replace(",", "."))):
        text = "\n".join(shown_text(run("streamlit_app.py", lang=lang)))
        assert f"**{shown} " in text, lang
