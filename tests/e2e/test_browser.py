"""End to end in a real browser: every page loads clean, toggles redraw, deep links restore,
the sidebar navigates. Screenshots go to test-artifacts/ (the README shows some)."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import ARTIFACTS
from ui.pages import PAGES

URL_NAMES = [p.path.split("/")[-1].removesuffix(".py").split("_", 1)[1] for p in PAGES]
CHART = '[data-testid="stVegaLiteChart"]'


def settle(page, timeout_ms: int = 120_000) -> None:
    """Wait until the script run has finished (Streamlit marks its state on the app root)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const s = document.querySelector('[data-testid="stApp"]').getAttribute('data-test-script-state');
            window.__idle = (s === 'notRunning') ? (window.__idle || 0) + 1 : 0;
            return window.__idle > 3;  // finished, and still finished a moment later
        }""", polling=250, timeout=timeout_ms)


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
        assert page.locator(CHART).count() >= 2, name
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
    assert "s_act=ReLU" in page.url
    assert chart_png(page, 0) != before


def test_deep_link_restores_state(server, page):
    open_page(page, server, "Tanh_saturation", "s_act=ReLU&s_w1=0.2")
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
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{target}"]').click()
    page.wait_for_url(f"**/{target}*")
    settle(page)
    page.wait_for_selector(CHART, timeout=120_000)
    no_errors(page)
