"""Warm start: once the server has seen its first visitor, every page's default view is
computed in the background, so the next student's page needs no training."""
import time

import pytest

from bench.load import DeepLink, free_port, run_sessions, server_log, start_server, stop_server
from ui.pages import PAGES

TRAINING_PAGES = [p.url_path for p in PAGES if p.url_path != "Activation_gallery"]


@pytest.fixture(scope="module")
def server():
    port = free_port()
    proc = start_server(port)
    yield proc, f"http://127.0.0.1:{port}"
    stop_server(proc)


def test_pages_are_warm_after_the_first_visit(server):
    proc, base = server
    home = run_sessions(base, 1, links=[DeepLink("")])  # the first visitor only opens the home page
    assert home[0].ok, home[0].errors
    deadline = time.monotonic() + 300
    while "warm-up: done" not in server_log(proc):
        assert time.monotonic() < deadline, "warm-up did not finish:\n" + server_log(proc)[-2000:]
        assert proc.poll() is None, server_log(proc)[-2000:]
        time.sleep(1)
    assert "failed" not in server_log(proc).split("warm-up: done", 1)[1].splitlines()[0]
    # A student now opens each training page with default settings: no training, no progress bar.
    results = run_sessions(base, len(TRAINING_PAGES), links=[DeepLink(p) for p in TRAINING_PAGES])
    for r in results:
        assert r.ok, (r.link, r.errors)
        assert r.charts > 0
        assert r.progress_bars == 0, f"{r.link} trained again: the warm-up missed its default view"
