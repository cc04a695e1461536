"""The home page: renders, links every concept page, flags a bad link."""
from streamlit.testing.v1 import AppTest

from ui.pages import PAGES


def run_home(**params):
    at = AppTest.from_file("../streamlit_app.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_home_renders_with_a_card_per_page():
    at = run_home()
    assert not at.exception
    links = at.get("page_link")
    assert sorted(link.proto.page for link in links) == sorted(p.url_path for p in PAGES)  # cards sit in two columns
    assert "29,910" in " ".join(m.value for m in at.markdown)


def test_unknown_param_on_home_shows_a_notice():
    at = run_home(bogus="<script>")
    assert not at.exception
    assert len(at.warning) == 1 and "bogus" in at.warning[0].value
    assert "<script>" not in at.warning[0].value  # user text is defanged before it is shown


def test_home_deep_link_restores_the_language():
    at = run_home(lang="it")
    assert not at.exception and not at.warning
    assert at.title[0].value != run_home().title[0].value
