"""A real server and a real browser: `streamlit run` on a free localhost port, driven by
Playwright through Debian's Chromium. In CI (CI=true) a missing browser is an error, not a skip."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bench.load import free_port, start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The machine has no network but localhost: keep Chromium from reaching out.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="session")  # one server (and one warm-up) for every browser test module
def server():
    ARTIFACTS.mkdir(exist_ok=True)
    port = free_port()
    proc = start_server(port, log_path=ARTIFACTS / "e2e-server.log")
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


@pytest.fixture(scope="module")  # closed before other modules start their own Playwright
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs it with apt")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    yield pg
    ctx.close()
