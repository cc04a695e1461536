"""English and Italian: `lang=it` renders Italian on every page, the sidebar switch writes
`lang` into the URL, and an unknown language falls back to English."""
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.text import catalogue

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = {"home": "streamlit_app.py", "gallery": "pages/1_Activation_gallery.py",
           "saturation": "pages/2_Tanh_saturation.py", "dead": "pages/3_Dead_neurons.py",
           "loss": "pages/4_Loss_at_init.py", "deep": "pages/5_Deep_network_health.py"}


def run(script: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / script), default_timeout=180)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def shown_text(at: AppTest) -> str:
    parts = [e.value for e in at.title] + [e.value for e in at.markdown] + [e.value for e in at.info] \
        + [e.value for e in at.caption]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", SCRIPTS)
def test_lang_it_renders_italian(page):
    at = run(SCRIPTS[page], lang="it")
    assert not at.exception
    it, en = catalogue("it"), catalogue("en")
    assert at.title[0].value == it[f"{page}.title"] != en[f"{page}.title"]
    assert it["common.sidebar_about"] in shown_text(at)
    assert not at.warning  # `lang` is a known setting everywhere


def test_italian_uses_the_classroom_terms():
    words = " ".join(catalogue("it").values()).lower()
    for term in ("neuroni morti", "saturazione", "funzion"):
        assert term in words
    assert re.search(r"funzion[ei] di attivazione", words)


def test_switch_writes_lang_into_the_url():
    at = run("streamlit_app.py")
    assert at.title[0].value == catalogue("en")["home.title"]
    at.sidebar.selectbox(key="_lang_pick").set_value("it").run()
    assert at.query_params["lang"] in ("it", ["it"])
    assert at.title[0].value == catalogue("it")["home.title"]


def test_unknown_language_falls_back_to_english():
    at = run("streamlit_app.py", lang="xx")
    assert not at.exception
    assert at.title[0].value == catalogue("en")["home.title"]


@pytest.mark.parametrize("picked", ["it", "en"])
def test_the_language_survives_a_page_switch_that_empties_the_url(picked):
    """Streamlit clears the query params when the menu switches page (AppTest does not, so the
    test empties them): the next page still speaks the session's language, from the text it
    reads before page_setup (the Deep page's phase options) to its title, and puts `lang`
    back; a student who went back to English stays in English."""
    text = catalogue(picked)
    at = run("streamlit_app.py", lang="it")
    if picked == "en":  # the sidebar picker, back to English
        at.sidebar.selectbox(key="_lang_pick").set_value("en").run()
    at.query_params.clear()
    at.switch_page("pages/5_Deep_network_health.py").run()
    assert not at.exception and not at.warning
    assert at.title[0].value == text["deep.title"]
    phases = [o.content for o in at.get("button_group")[0].proto.options]
    assert phases == [text[f"deep.phase.{p}"] for p in ("both", "init", "trained")]
    assert at.query_params.get("lang") == ("it" if picked == "it" else None)


def test_switching_language_keeps_a_translated_choice():
    """The Deep page's phase switch is bound to the URL by its shown label: after a language
    change it shows the same phase in the new language, with no bad-link notice."""
    en, it = catalogue("en"), catalogue("it")
    at = run("pages/5_Deep_network_health.py", n_ph=en["deep.phase.init"], n_steps="100")
    assert at.button_group[0].value == en["deep.phase.init"]
    at.sidebar.selectbox(key="_lang_pick").set_value("it").run()
    assert not at.exception and not at.warning, [w.value for w in at.warning]
    assert at.button_group[0].value == it["deep.phase.init"]
    assert at.title[0].value == it["deep.title"]
