"""Shared test setup: the repo root on sys.path, so `core`, `ui` and `bench` import under a
bare `pytest` as well as `python -m pytest`."""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

# Pages build chart specs without schema validation (it is a third of a render); tests turn it on
# so every chart a test draws is checked against the Vega-Lite schema.
import os  # noqa: E402

os.environ.setdefault("ACTIVATIONS_VALIDATE_CHARTS", "1")

# Warm start trains every page's default view in the background; AppTests would compete with
# it for the CPU. tests/test_warm_start.py turns it back on for its own server.
os.environ.setdefault("ACTIVATIONS_WARMUP", "0")

# Class mode's default SQLite file goes to a temp folder, never into the checkout's data/.
import tempfile  # noqa: E402

os.environ.setdefault("ACTIVATIONS_DATA_DIR", tempfile.mkdtemp(prefix="activations-data-"))

# The app's torch settings (threads, denormals, oneDNN), so tests see the app's numbers:
# importing core changes none of them.
from core import runtime  # noqa: E402

runtime.configure()


# -- markers by folder: `python -m pytest -m unit` runs the fast part alone -------------------------
import pytest  # noqa: E402

MARKERS = {
    "core": "unit",
    "ui": "unit",
    "lessons": "lesson",
    "app": "app",
    "server": "server",
    "e2e": "browser",
    "classroom": "store",
}


# With `-n 2` (pytest-xdist, as the README runs the suite), tests of one group run in one worker.
# Every test file is a group, so its module fixtures (a trained lesson, a database) are made
# once; each of these folders is one group: the browser tests share one session server.
SERIAL_FOLDERS = {"server", "e2e"}


def pytest_collection_modifyitems(items):
    """Each test gets its folder's marker (a file directly in tests/ is `unit`); the proxy
    test, which also drives a browser, carries `proxy` itself and is a `server` test too.
    And its xdist group (see SERIAL_FOLDERS)."""
    tests_dir = Path(__file__).resolve().parent
    for item in items:
        rel = Path(str(item.fspath)).resolve().relative_to(tests_dir)
        folder = rel.parts[0] if len(rel.parts) > 1 else ""
        item.add_marker(getattr(pytest.mark, MARKERS.get(folder, "unit")))
        group = folder if folder in SERIAL_FOLDERS else rel.as_posix()
        item.add_marker(pytest.mark.xdist_group(group))
