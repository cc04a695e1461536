"""Importing core changes no process-wide torch setting; core.runtime.configure() sets the app's.

Each check runs in a fresh interpreter: this test process has already been configured (conftest).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Prints the settings before and after importing all of core, then after configure() (twice: it
# must be idempotent). A denormal double reads back as 0 once denormals are flushed.
PROBE = """
import json, torch
def settings():
    return {"threads": torch.get_num_threads(), "mkldnn": torch.backends.mkldnn.enabled,
            "denormal_kept": torch.tensor([1e-323], dtype=torch.float64).item() != 0.0}
out = {"before": settings()}
import core, core.activations, core.config, core.data, core.model, core.train, core.deep, core.diagnostics
import core.lessons
for lesson in core.lessons.pages().values():  # every lesson module, loaded
    pass
out["imported"] = settings()
from core import runtime
runtime.configure()
runtime.configure()
out["configured"] = settings()
print(json.dumps(out))
"""


def probe(threads_env: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "ACTIVATIONS_TORCH_THREADS"}
    if threads_env is not None:
        env["ACTIVATIONS_TORCH_THREADS"] = threads_env
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def default_run():
    return probe(None)


def test_importing_core_changes_nothing(default_run):
    assert default_run["imported"] == default_run["before"]
    assert default_run["before"]["mkldnn"] is True  # torch's own default, so the next test means something


def test_configure_sets_the_apps_settings(default_run):
    assert default_run["configured"] == {"threads": 1, "mkldnn": False, "denormal_kept": False}


def test_configure_reads_the_thread_count_from_the_environment(monkeypatch):
    import torch

    from core import runtime

    try:
        monkeypatch.setenv("ACTIVATIONS_TORCH_THREADS", "3")
        runtime.configure()
        assert torch.get_num_threads() == 3
        monkeypatch.setenv("ACTIVATIONS_TORCH_THREADS", "0")
        runtime.configure()
        assert torch.get_num_threads() == 1  # at least one
    finally:
        monkeypatch.delenv("ACTIVATIONS_TORCH_THREADS")
        runtime.configure()
