"""AppTest helpers shared by the page tests."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


def run_page(page: str, timeout: float = 120, **params) -> AppTest:
    """Run a page script (path relative to the repo root) with query params; no exception allowed."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=timeout)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
