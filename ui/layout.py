"""What every page does first: page config and the shared sidebar."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from ui import classroom, present, warm, wordlist
from ui import predict as predict_mode
from ui import state as S
from ui.pages import PAGES
from ui.text import LANGUAGES, t


def page_setup(
    page_id: str,
    title: str,
    icon: str,
    controls: Sequence[S.Control] = (),
    word_list: bool = False,
    vocab_keys: tuple[str, ...] = (),
    predict: bool = False,
) -> None:
    """Page config, the URL read into the page's `controls` (bad values named in a notice), and
    the shared sidebar. `page_id`: the page's stable id (export file names); `word_list`: the
    page trains on the names data, so the sidebar offers to upload another word list;
    `vocab_keys`: widgets holding the vocabulary size V, set to the new V when the list
    changes; `predict`: the page asks for predictions ("Predict first" switch)."""
    import core.runtime

    core.runtime.configure()  # torch threads and denormals: set where the program starts
    st.session_state[S.PAGE_ID] = page_id
    notices = S.read_url(controls)  # before any widget: bad values go, so widgets start from good ones
    notices += classroom.setup(page_id)  # the class this session is in; the teacher's view recorded
    st.set_page_config(
        page_title=f"{title} · {t('common.app_title')}",
        page_icon=icon,
        layout="wide",
        initial_sidebar_state="collapsed" if present.presenting() else "auto",
    )
    menu()
    language_switch()
    present.toggle()
    if predict:
        predict_mode.toggle()
    classroom.sidebar()  # start or join a class; a student follows the teacher from here
    st.sidebar.caption(t("common.sidebar_about"))
    if word_list:
        wordlist.sidebar(vocab_keys=vocab_keys)
    warm.start_once()
    S.show_notices(notices)


def menu() -> None:
    """The sidebar menu: the home page and each concept page under its name in the student's
    language (Streamlit's own menu, hidden in .streamlit/config.toml, names them after their
    files: "streamlit app", English only). Its links carry the shared settings."""
    links = [
        ("streamlit_app.py", t("home.nav"), "🧠"),
        *((p.path, t(f"home.card.{p.key}.title"), p.icon) for p in PAGES),
    ]
    params = S.shared_params()
    try:
        for path, label, icon in links:
            st.sidebar.page_link(path, label=label, icon=icon, query_params=params, width="stretch")
    except StreamlitPageNotFoundError:  # a page file run on its own (AppTest): no app to link to
        return
    st.sidebar.divider()


def language_switch() -> None:
    """The sidebar language picker; the URL keeps the code (`lang=it`), never the shown name."""
    S.select(
        S.LANG,
        "🌐",
        format_func=LANGUAGES.__getitem__,
        where=st.sidebar,
        label_visibility="collapsed",
        on_change=S.refresh_choices,
    )


def what_you_will_see(text: str) -> None:
    """The two-line opener of every concept page."""
    st.info(text, icon="👀")


def notice(text: str) -> None:
    """The "what to notice" sentence under a chart: a caption, or on a projector type about as
    much larger as the charts' (20 px, a level-5 heading: Markdown has no larger body text)."""
    if present.presenting():
        st.markdown(f"##### {t('common.what_to_notice')}: {' '.join(text.split())}")  # one line of Markdown
    else:
        st.caption(f"**{t('common.what_to_notice')}:** {text}")
