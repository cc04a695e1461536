"""End to end in a real browser: every page loads clean, toggles redraw, deep links restore,
the sidebar navigates. Screenshots go to test-artifacts/ (the README shows some)."""

from __future__ import annotations

import math

import pytest

from tests.e2e.conftest import ARTIFACTS
from ui.pages import PAGES

URL_NAMES = [p.url_path for p in PAGES]
MIN_CHARTS = {"Loss_log": 1}  # its table and its names are data frames: one chart, the curves
CHART = '[data-testid="stVegaLiteChart"]'
MENU = '[data-testid="stSidebar"] [data-testid="stPageLink"]'  # ui/layout.menu


def settle(page, timeout_ms: int = 120_000) -> None:
    """Wait until the script run has finished (Streamlit marks its state on the app root)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const s = document.querySelector('[data-testid="stApp"]').getAttribute('data-test-script-state');
            window.__idle = (s === 'notRunning') ? (window.__idle || 0) + 1 : 0;
            return window.__idle > 3;  // finished, and still finished a moment later
        }""",
        polling=250,
        timeout=timeout_ms,
    )


def open_page(page, base: str, name: str, query: str = "") -> None:
    page.goto(f"{base}/{name}{'?' + query if query else ''}")
    settle(page)


def shoot(page, name: str) -> None:
    """A tall screenshot: Streamlit scrolls inside its own container, so full_page alone stops at the fold."""
    page.set_viewport_size({"width": 1400, "height": 3200})
    page.wait_for_timeout(1500)  # charts re-layout to the new size
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})


def no_errors(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


def test_home_and_every_page_load_clean(server, page):
    open_page(page, server, "")
    no_errors(page)
    shoot(page, "home")
    for name in URL_NAMES:
        open_page(page, server, name)
        page.wait_for_selector(CHART, timeout=120_000)
        no_errors(page)
        assert page.locator(CHART).count() >= MIN_CHARTS.get(name, 2), name
        shoot(page, name)


def chart_png(page, index: int) -> bytes:
    chart = page.locator(CHART).nth(index)
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(800)  # let Vega finish drawing
    return chart.screenshot()


def choose(page, select_index: int, option: str) -> None:
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').nth(select_index).click()
    page.get_by_role("option", name=option, exact=True).click()
    settle(page)


def test_toggling_the_activation_redraws_with_new_data(server, page):
    open_page(page, server, "Tanh_saturation")
    page.wait_for_selector(CHART)
    before = chart_png(page, 0)
    choose(page, 0, "ReLU")
    no_errors(page)
    assert "s_act=relu" in page.url
    assert chart_png(page, 0) != before


def test_deep_link_restores_state(server, page):
    open_page(page, server, "Tanh_saturation", "s_act=relu&s_w1=0.2")
    page.wait_for_selector(CHART)
    no_errors(page)
    assert page.locator('[data-testid="stMain"] [data-testid="stSelectbox"] input').first.input_value() == "ReLU"
    w1 = page.locator('[data-testid="stMain"] [data-testid="stSlider"] [data-testid="stSliderThumbValue"]').first
    assert float(w1.inner_text()) == pytest.approx(0.2)
    assert page.locator('[data-testid="stAlertContentWarning"]').count() == 0


def test_bad_link_shows_notice_not_traceback(server, page):
    open_page(page, server, "Tanh_saturation", "s_w1=nan&s_steps=1e99&bogus=%3Cscript%3E")
    no_errors(page)
    assert page.locator('[data-testid="stAlertContentWarning"]').count() >= 3


@pytest.mark.parametrize("target", URL_NAMES)
def test_sidebar_links_navigate(server, page, target):
    open_page(page, server, "")
    page.locator(f'{MENU} a[href*="{target}"]').click()
    page.wait_for_url(f"**/{target}*")
    settle(page)
    page.wait_for_selector(CHART, timeout=120_000)
    no_errors(page)


def test_menu_names_the_pages_in_the_students_language(server, page):
    """The sidebar menu (ui/layout.menu): "Home" rather than the entry file's name, every page
    under its translated title, and Streamlit's own file-named menu hidden."""
    from ui.text import catalogue

    for lang in ("en", "it"):
        text = catalogue(lang)
        open_page(page, server, "", "" if lang == "en" else f"lang={lang}")
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0
        shown = " | ".join(page.locator(MENU).all_inner_texts())
        assert "streamlit app" not in shown.lower()
        for key in ("home.nav", *(f"home.card.{p.key}.title" for p in PAGES)):
            assert text[key] in shown, (lang, key, shown)
    shoot(page, "menu_it")


def test_language_and_predict_follow_the_student_through_the_menu(server, page):
    """A page switch clears the URL's query params; the pages put the shared settings back,
    and a setting the student turned off stays off."""
    from ui.text import catalogue

    it, en = catalogue("it"), catalogue("en")

    def go(url_path):
        page.locator(f'{MENU} a[href*="{url_path}"]').click()
        page.wait_for_url(f"**/{url_path}*")
        settle(page)

    def predict_switch(text):
        return page.locator(f'[data-testid="stSidebar"] label:has-text("{text["predict.toggle"]}")')

    open_page(page, server, "", "lang=it&predict=true")
    go("Loss_at_init")
    assert page.locator("h1").first.inner_text().startswith(it["loss.title"].split(":")[0])
    assert predict_switch(it).locator("input").is_checked()
    assert "lang=it" in page.url and "predict=true" in page.url
    predict_switch(it).click()
    settle(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="English").click()
    settle(page)
    go("Dead_neurons")
    assert page.locator("h1").first.inner_text().startswith(en["dead.title"].split(":")[0])
    assert not predict_switch(en).locator("input").is_checked()
    assert "lang=" not in page.url and "predict" not in page.url
    no_errors(page)


def test_a_choice_survives_a_language_switch_and_the_next_click(server, page):
    """The browser keeps a select's shown text; after a language switch it would send back a
    text that matches no option, and the next rerun fell back to the first activation. The
    view keeps its activation and its token through the switch and the click after it."""
    from ui.text import catalogue

    it = catalogue("it")
    open_page(page, server, "Tanh_saturation", "s_steps=100")
    choose(page, 0, "Sigmoid (logistic)")  # picked in the browser: it now holds the English text
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="Italiano").click()
    settle(page)
    page.get_by_role("button", name=it["saturation.preset.fix"]).click()  # any rerun after the switch
    page.wait_for_url("**s_w1=0.2*", timeout=60_000)
    settle(page)
    assert "s_act=sigmoid" in page.url and "s_w1=0.2" in page.url and "lang=it" in page.url, page.url
    shown = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"] input').first.input_value()
    assert shown == it["act.sigmoid.name"]
    no_errors(page)
    # the same for a multiselect whose options are translated names (the gallery)
    open_page(page, server, "Activation_gallery", "lang=en")
    box = page.locator('[data-testid="stMain"] [data-testid="stMultiSelect"] input').first
    box.click()
    box.fill("Softsign")
    page.locator('[role="option"]').filter(has_text="Softsign").first.click()
    page.wait_for_url("**g_act=softsign*", timeout=60_000)
    page.keyboard.press("Escape")
    settle(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="Italiano").click()
    settle(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"], [data-testid="stSidebar"] label').filter(
        has_text=it["common.present.toggle"]
    ).first.click()  # any rerun after the switch
    page.wait_for_url("**present=true*", timeout=60_000)
    settle(page)
    for key in ("sigmoid", "tanh", "relu", "gelu", "softsign"):
        assert f"g_act={key}" in page.url, page.url


# -- classroom features, in the real browser ------------------------------------------------------
def test_chart_downloads_are_real_files_named_after_the_view(server, browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = ctx.new_page()
    try:
        open_page(page, server, "Tanh_saturation", "s_act=relu")
        page.wait_for_selector(CHART)
        got = {}
        for label in ("Data (CSV)", "SVG", "PNG"):
            button = page.get_by_role("button", name=label, exact=True).nth(2)  # the saturation map's
            button.scroll_into_view_if_needed()
            with page.expect_download(timeout=60_000) as info:
                button.click()
            path = ARTIFACTS / info.value.suggested_filename
            info.value.save_as(path)
            got[label] = (info.value.suggested_filename, path.read_bytes())
        name, csv = got["Data (CSV)"]
        assert name == "tanh-saturation_saturation-map_s_act-relu.csv"
        lines = csv.decode().splitlines()
        assert lines[0].startswith("example,neuron,") and len(lines) == 1 + 32 * 200
        assert got["SVG"][1].lstrip().startswith(b"<svg") and got["PNG"][1][:4] == b"\x89PNG"
        no_errors(page)
    finally:
        ctx.close()


def test_view_link_follows_the_widgets(server, page):
    open_page(page, server, "Tanh_saturation")
    choose(page, 0, "ReLU")
    page.get_by_text("Link to this view").first.click()
    link = page.locator('[data-testid="stCode"]').first.inner_text().strip()
    assert link == f"{server}/Tanh_saturation?s_act=relu"
    page.goto(link)
    settle(page)
    assert page.locator('[data-testid="stMain"] [data-testid="stSelectbox"] input').first.input_value() == "ReLU"


def test_presenter_mode_and_predict_first(server, page):
    open_page(page, server, "Tanh_saturation", "present=true&predict=true")
    no_errors(page)
    assert page.locator(CHART).count() == 0  # hidden until the guess
    page.locator('[data-testid="stNumberInput"] input').first.fill("60")
    page.get_by_role("button", name="Lock in my guess and show the result").click()
    settle(page)
    page.wait_for_selector(CHART)
    no_errors(page)
    assert "You guessed 60.0 %" in page.locator('[data-testid="stMain"]').inner_text()
    assert page.get_by_role("button", name="Data (CSV)").count() == 0  # presenter mode: no buttons
    assert page.locator('[data-testid="stExpander"]').filter(has_text="Controls").count() == 1
    shoot(page, "presenter_predict")


def test_uploading_a_word_list_changes_v(server, page, tmp_path):
    words = [f"{a}{b}{c}a" for a in "bcdfg" for b in "aeiou" for c in "lmnr"]  # 100 made-up names
    path = tmp_path / "nomi.txt"
    path.write_text("\n".join(words + ["niccolò", "mattia"]), encoding="utf-8")
    open_page(page, server, "Loss_at_init")
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(path))
    # the upload goes over HTTP first, then the rerun starts: wait for the page to name the file
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stMain"]').innerText.includes('nomi.txt')""",
        polling=250,
        timeout=60_000,
    )
    settle(page)
    shoot(page, "word_list_upload")
    no_errors(page)
    v = len(set("".join(words + ["niccolò", "mattia"]))) + 1  # '.' + the letters
    metrics = page.locator('[data-testid="stMain"] [data-testid="stMetricValue"]').all_inner_texts()
    assert f"{math.log(v):.4f}" in metrics and f"{math.log(27):.4f}" not in metrics
