"""What every page does first: page config and the shared sidebar."""
from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from ui import predict as predict_mode
from ui import present, warm, wordlist
from ui.pages import PAGES
from ui.state import carry_shared_settings, shared_params, translate_choices
from ui.text import CHOSEN_LANG, DEFAULT_LANG, LANGUAGES, current_lang, t


def page_setup(title: str, icon: str, word_list: bool = False, vocab_keys: tuple[str, ...] = (),
               predict: bool = False) -> None:
    """Page config and the shared sidebar. `word_list`: the page trains on the names data, so
    the sidebar offers to upload another word list; `vocab_keys`: widgets holding the
    vocabulary size V, set to the new V when the list changes; `predict`: the page asks for
    predictions, so the sidebar has the "Predict first" switch."""
    carry_shared_settings()  # a page switch empties the URL: language and switches stay as they were
    key = present.PRESENT.key  # the toggle is drawn below; on a page's first run only the URL knows
    projecting = st.session_state.get(key, st.query_params.get(key) == "true")
    st.set_page_config(page_title=f"{title} · {t('common.app_title')}", page_icon=icon, layout="wide",
                       initial_sidebar_state="collapsed" if projecting else "auto")
    menu()
    language_switch()
    present.toggle()
    if predict:
        predict_mode.toggle()
    st.sidebar.caption(t("common.sidebar_about"))
    if word_list:
        wordlist.sidebar(vocab_keys=vocab_keys)
    warm.start_once()


def menu() -> None:
    """The sidebar menu: the home page and each concept page under its name in the student's
    language (Streamlit's own menu, hidden in .streamlit/config.toml, names them after their
    files: "streamlit app", English only). Its links carry the shared settings."""
    links = [("streamlit_app.py", t("home.nav"), "🧠"), *((p.path, t(f"home.card.{p.key}.title"), p.icon) for p in PAGES)]
    params = shared_params()
    try:
        for path, label, icon in links:
            st.sidebar.page_link(path, label=label, icon=icon, query_params=params, width="stretch")
    except StreamlitPageNotFoundError:  # a page file run on its own (AppTest): no app to link to
        return
    st.sidebar.divider()


def language_switch() -> None:
    """Sidebar language picker that keeps `lang=it` in the URL (not widget-bound: a bound
    select would write its shown name, "Italiano", into the link)."""
    langs = list(LANGUAGES)

    def changed() -> None:
        choice = st.session_state["_lang_pick"]
        translate_choices(current_lang(), choice)
        st.session_state[CHOSEN_LANG] = choice  # carried to the next page (state.carry_shared_settings)
        if choice == DEFAULT_LANG:
            st.query_params.pop("lang", None)
        else:
            st.query_params["lang"] = choice

    st.sidebar.selectbox("🌐", langs, index=langs.index(current_lang()), key="_lang_pick",
                         format_func=LANGUAGES.get, on_change=changed, label_visibility="collapsed")


def what_you_will_see(text: str) -> None:
    """The two-line opener of every concept page."""
    st.info(text, icon="👀")


def notice(text: str) -> None:
    """The "what to notice" sentence under a chart."""
    st.caption(f"**{t('common.what_to_notice')}:** {text}")
