"""The home page: renders, links every concept page, flags a bad link."""

from streamlit.testing.v1 import AppTest

from ui.pages import PAGES


def run_home(**params):
    at = AppTest.from_file("../../streamlit_app.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_home_renders_with_a_card_per_page():
    at = run_home()
    assert not at.exception
    cards = [link for link in at.main.get("page_link")]
    assert sorted(link.proto.page for link in cards) == sorted(p.url_path for p in PAGES)  # cards sit in two columns
    menu = at.sidebar.get("page_link")  # ui/layout.menu: home first, then the pages in order
    assert [link.proto.page for link in menu] == ["", *(p.url_path for p in PAGES)]
    assert [link.proto.label for link in menu][:2] == ["Home", "Activation gallery"]
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


def test_menu_and_cards_carry_the_shared_settings():
    """A page switch starts from an empty URL: the links themselves carry lang and the switches."""
    at = run_home(lang="it", predict="true")
    links = at.get("page_link")
    assert links and all(link.proto.query_string == "lang=it&predict=true" for link in links), [
        link.proto.query_string for link in links
    ]
    assert at.sidebar.get("page_link")[0].proto.label == "Inizio"


def test_a_thousand_unknown_params_give_one_notice():
    at = run_home(**{f"junk{i}": "x" for i in range(1000)})
    assert not at.exception
    assert len(at.warning) == 1 and "1000" in at.warning[0].value and "junk0" in at.warning[0].value
    assert not dict(at.query_params)  # all dropped from the URL
