"""Home page: what the app teaches, a card per concept, how to share a view, the data."""

import streamlit as st

from core.data import load_names
from ui import state as S
from ui.layout import page_setup
from ui.pages import PAGES
from ui.text import t

page_setup("home", t("home.title"), icon="🧠")  # no settings of its own: any other param is flagged

st.title(t("home.title"))
st.markdown(t("home.intro"))

cols = st.columns(2)
links_params = S.shared_params()
for i, page in enumerate(PAGES):
    with cols[i % 2].container(border=True):
        st.subheader(f"{page.icon} {t(f'home.card.{page.key}.title')}")
        st.markdown(t(f"home.card.{page.key}.body"))
        st.page_link(
            page.path, label=t("home.open", page=t(f"home.card.{page.key}.title")), icon="➡️", query_params=links_params
        )

st.header(t("home.share.title"))
st.markdown(t("home.share.body"))

st.header(t("home.data.title"))
st.markdown(t("home.data.body", names=len(load_names())))  # the bundled list, counted
