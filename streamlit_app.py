"""Entry point: the sidebar menu, with page names in the student's language, then the page.

`streamlit run streamlit_app.py`. The pages live in pages/ (ui/pages.py lists them); their
urls are /Activation_gallery, /Tanh_saturation, ... and the home page is the root.
"""
import streamlit as st

from ui.pages import HOME, PAGES
from ui.state import carry_shared_settings
from ui.text import t

carry_shared_settings()  # a page switch clears the URL: keep the language (and the menu's titles) as they were
menu = [st.Page(HOME.path, title=t("home.nav"), icon=HOME.icon, default=True),
        *(st.Page(p.path, title=t(f"home.card.{p.key}.title"), icon=p.icon, url_path=p.url_path) for p in PAGES)]
st.navigation(menu).run()
