"""Accessibility and phones, in the real browser: axe-core finds no serious or critical
violation on any page in either language, nothing scrolls sideways at 390 px, the sidebar,
controls and download buttons work by keyboard, and the link popover says what its box does.

axe-core comes from the npm registry (package.json; `.ci/run` runs `npm ci` when node_modules
is missing) and is injected into each page with Playwright."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import ARTIFACTS, ROOT
from tests.e2e.test_browser import CHART, URL_NAMES, no_errors, settle
from ui.text import catalogue

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", *URL_NAMES]  # "" is the home page
PHONE = {"width": 390, "height": 2600}  # tall: Streamlit scrolls inside its own container
DESKTOP = {"width": 1400, "height": 2000}
BAD = ("serious", "critical")

# Violations whose fix lies in a file no test here owns: an expected failure while they are the
# only ones, named with the element and what would fix them. Take an entry out once it is fixed.
AXE_PENDING: dict[str, str] = {}  # rule -> what is owed, by whom (none: the theme's colours fixed contrast)
OVERFLOW_PENDING: dict[str, str] = {}  # page -> what overflows, owed by whom (none left)

# An element that scrolls sideways inside the main container, or a chart drawn past its box.
# Data grids scroll inside themselves by design; KaTeX's MathML copy is visually hidden.
OVERFLOW_JS = """() => {
  const doc = document.scrollingElement, out = [];
  if (doc.scrollWidth > doc.clientWidth + 1) out.push(['page', doc.scrollWidth, doc.clientWidth]);
  const main = document.querySelector('[data-testid="stMain"]');
  const name = el => (el.closest('[data-testid]') || el).getAttribute('data-testid') + ' ' + el.tagName;
  for (const el of main.querySelectorAll('*')) {
    if (el.closest('[data-testid="stDataFrame"], .katex-mathml')) continue;
    const cs = getComputedStyle(el);
    // KaTeX's aligned blocks overhang their box by 2 px (the last column's vlist): no visible scroll
    const slack = el.closest('.katex-display') ? 2 : 1;
    if (el.scrollWidth > el.clientWidth + slack && ['auto', 'scroll'].includes(cs.overflowX))
      out.push(['scrolls', name(el), el.scrollWidth, el.clientWidth, (el.innerText || '').slice(0, 40)]);
  }
  for (const box of main.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const b = box.getBoundingClientRect(), svg = box.querySelector('svg');
    if (svg && svg.getBoundingClientRect().right > b.right + 1)
      out.push(['chart cut', svg.getAttribute('aria-label') || '', svg.getBoundingClientRect().right, b.right]);
  }
  return out;
}"""


def axe_violations(page) -> list[str]:
    """Serious and critical axe-core findings: rule, impact and the first elements."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (.ci/run does)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['id']} ({v['impact']}): " + " | ".join(n["html"][:120] for n in v["nodes"][:3])
        for v in found
        if v["impact"] in BAD
    ]


def axe_owner(violations: list[str]) -> str | None:
    """Who is due to fix these violations, when every one of them is a pending rule's."""
    rules = {v.split(" ")[0] for v in violations}
    return "; ".join(AXE_PENDING[r] for r in rules) if rules and rules <= set(AXE_PENDING) else None


def pending(found: list[str], waiting: str | None, what: str) -> None:
    if found and waiting:
        pytest.xfail(f"{what}: {waiting}: {found[:3]}")
    assert not found, (what, found[:5])


def open_at(browser, server, name: str, lang: str, viewport: dict):
    ctx = browser.new_context(viewport=viewport, accept_downloads=True)
    page = ctx.new_page()
    page.goto(f"{server}/{name}" + ("?lang=it" if lang == "it" else ""))
    settle(page)
    if name:
        page.wait_for_selector(CHART, timeout=120_000)
    page.wait_for_timeout(1000)  # Vega lays charts out to the column's width
    no_errors(page)
    return ctx, page


@pytest.mark.parametrize("lang", ["en", "it"])
@pytest.mark.parametrize("name", PAGES, ids=lambda n: n or "home")
def test_phone_page_has_no_sideways_scroll_and_no_serious_axe_violation(server, browser, name, lang):
    ctx, page = open_at(browser, server, name, lang, PHONE)
    try:
        page.screenshot(path=str(ARTIFACTS / f"phone_{name or 'home'}_{lang}.png"))
        overflow = [str(o) for o in page.evaluate(OVERFLOW_JS)]
        violations = axe_violations(page)
    finally:
        ctx.close()
    owed = [why for why in (axe_owner(violations), OVERFLOW_PENDING.get(name) if overflow else None) if why]
    pending(violations + overflow, "; ".join(owed) if len(owed) == bool(violations) + bool(overflow) else None, name)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_desktop_sidebar_and_home_have_no_serious_axe_violation(server, browser, lang):
    """The sidebar (menu, language, switches, word list) is open at desktop width."""
    ctx, page = open_at(browser, server, "", lang, DESKTOP)
    try:
        assert page.locator('[data-testid="stSidebar"]').is_visible()
        violations = axe_violations(page)
    finally:
        ctx.close()
    pending(violations, axe_owner(violations), f"axe home {lang}")


def focused(page) -> str:
    """What has the keyboard focus: "sidebar"/"main", then the test ids of its boxes, innermost first."""
    return page.evaluate(
        """() => { const el = document.activeElement, ids = [];
        for (let e = el; e; e = e.parentElement) { const id = e.getAttribute('data-testid'); if (id) ids.push(id); }
        return (el.closest('[data-testid="stSidebar"]') ? 'sidebar ' : 'main ') + ids.join(' '); }"""
    )


def test_sidebar_controls_and_downloads_are_reached_and_used_by_keyboard(server, browser):
    ctx, page = open_at(browser, server, "Tanh_saturation", "en", DESKTOP)
    try:
        page.evaluate("() => document.activeElement && document.activeElement.blur()")  # Tab from the top
        seen = []
        for _ in range(200):
            page.keyboard.press("Tab")
            seen.append(focused(page))
            if " stDownloadButton " in seen[-1]:
                break
        text = "\n".join(seen)
        for where, testid in (
            ("sidebar", "stPageLink"),
            ("sidebar", "stSelectbox"),  # the language
            ("sidebar", "stCheckbox"),  # presenter mode and predict first (toggles)
            ("main", "stSelectbox"),
            ("main", "stSlider"),
            ("main", "stButton"),  # a preset
            ("main", "stDownloadButton"),
        ):
            assert any(line.startswith(where) and f" {testid} " in line for line in seen), (where, testid, text)
        with page.expect_download(timeout=60_000) as info:
            page.keyboard.press("Enter")  # the focused download button
        assert info.value.suggested_filename.startswith("tanh-saturation_")
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", ["en", "it"])
def test_link_popover_says_what_its_box_does(server, browser, lang):
    """The text promises a link to select and a copy icon that shows when the box is pointed at."""
    text = catalogue(lang)
    ctx, page = open_at(browser, server, "Tanh_saturation", lang, DESKTOP)
    try:
        page.get_by_role("button", name=text["common.share.button"]).click()
        body = page.locator('[data-testid="stPopoverBody"]')
        code = body.locator('[data-testid="stCode"]')
        code.wait_for(timeout=20_000)
        assert text["common.share.body"] in body.inner_text()
        copy = code.locator("button")
        assert not copy.is_visible()  # hidden (visibility: hidden) until the box is pointed at
        code.hover()
        copy.wait_for(state="visible", timeout=5_000)
        # and the link itself can be selected as text
        assert code.inner_text().strip().startswith(server)
    finally:
        ctx.close()
