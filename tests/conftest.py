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
