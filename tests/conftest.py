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

# The app's torch settings (threads, denormals, oneDNN), so tests see the app's numbers:
# importing core changes none of them.
from core import runtime  # noqa: E402

runtime.configure()
