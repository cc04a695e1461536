"""Shared test setup: the repo root on sys.path, so `core`, `ui` and `bench` import under a
bare `pytest` as well as `python -m pytest`."""
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
