"""What every page does first: page config and the shared sidebar."""
from __future__ import annotations

import streamlit as st

from ui.text import t


def page_setup(title: str, icon: str) -> None:
    st.set_page_config(page_title=f"{title} · {t('common.app_title')}", page_icon=icon, layout="wide")
    st.sidebar.caption(t("common.sidebar_about"))


def what_you_will_see(text: str) -> None:
    """The two-line opener of every concept page."""
    st.info(text, icon="👀")


def notice(text: str) -> None:
    """The "what to notice" sentence under a chart."""
    st.caption(f"**{t('common.what_to_notice')}:** {text}")
