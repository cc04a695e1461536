"""#18 in a real browser: "Open as notebook" under a training page's controls downloads the view
as an .ipynb named like the other exports (page, "notebook", the settings) that nbformat reads
and validates, with the view's settings in its code; the .py beside it is one Python file."""

from __future__ import annotations

import ast

import nbformat

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_browser import no_errors, open_page


def test_open_as_notebook_downloads_the_view_as_a_valid_notebook(server, browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = ctx.new_page()
    try:
        open_page(page, server, "Tanh_saturation", "s_act=relu&s_w1=0.2")
        page.get_by_text("Open as notebook").first.click()
        got = {}
        for label in ("Notebook (.ipynb)", "Script (.py)"):
            button = page.get_by_role("button", name=label)
            with page.expect_download(timeout=60_000) as info:
                button.click()
            path = ARTIFACTS / info.value.suggested_filename
            info.value.save_as(path)
            got[label] = (info.value.suggested_filename, path.read_text(encoding="utf-8"))

        name, text = got["Notebook (.ipynb)"]
        assert name == "tanh-saturation_notebook_s_act-relu_s_w1-0.2.ipynb"
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert 'activation="relu"' in code and "w1=0.2," in code  # the view on screen
        assert f"{server}/Tanh_saturation?" in nb.cells[0].source  # the link that reopens it

        name, script = got["Script (.py)"]
        assert name == "tanh-saturation_notebook_s_act-relu_s_w1-0.2.py"
        ast.parse(script)
        assert script.count("# %%") == len(nb.cells)  # the same cells
        no_errors(page)
    finally:
        ctx.close()
