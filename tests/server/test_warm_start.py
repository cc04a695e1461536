"""Warm start, from exactly the files the Docker image gets: once the server has seen its first
visitor, every page's default view is computed in the background, so the next student's page
needs no training; and the image's files hold everything the app imports (no bench/, no tests/)."""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from bench.load import DeepLink, free_port, processes_running, run_sessions, server_log, start_server, stop_server
from ui.pages import PAGES

ROOT = Path(__file__).resolve().parents[2]
TRAINING_PAGES = [p.url_path for p in PAGES if p.url_path != "Activation_gallery"]


def dockerignored(path: str, patterns: list[str]) -> bool:
    """Is `path` (or a folder above it) matched by a .dockerignore pattern? (fnmatch's `*`
    also crosses '/', so this leaves out a little more than Docker would: stricter.)"""
    parts = path.split("/")
    for i in range(1, len(parts) + 1):
        prefix = "/".join(parts[:i])
        for p in patterns:
            if fnmatch.fnmatch(prefix, p) or (p.startswith("**/") and fnmatch.fnmatch(prefix, p[3:])):
                return True
    return False


def image_tree(dest: Path) -> list[str]:
    """Copy the files `docker build` would send (git's files less .dockerignore) into `dest`."""
    patterns = [
        ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines() if ln.strip() and not ln.startswith("#")
    ]
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    kept = [f for f in files if (ROOT / f).is_file() and not dockerignored(f, patterns)]
    for f in kept:
        (dest / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / f, dest / f)
    return kept


def test_the_image_tree_leaves_out_what_it_should():
    patterns = ["tests", "bench", "**/__pycache__", "*.md"]
    assert dockerignored("tests/test_x.py", patterns) and dockerignored("bench/load.py", patterns)
    assert dockerignored("ui/__pycache__/a.pyc", patterns) and dockerignored("README.md", patterns)
    assert not dockerignored("ui/warm.py", patterns) and not dockerignored("assets/names.txt", patterns)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tree = tmp_path_factory.mktemp("image")
    kept = image_tree(tree)
    assert "streamlit_app.py" in kept and not any(f.startswith(("bench/", "tests/")) for f in kept)
    port = free_port()
    proc = start_server(port, cwd=tree, warmup=True)
    yield proc, f"http://127.0.0.1:{port}"
    stop_server(proc)


def first_visit_and_warm_up(proc, base: str) -> str:
    """The first visitor only opens the home page; then warm start runs. Its server log once
    warm-up is done (either test may run first: each makes sure of it)."""
    if "warm-up: done" not in server_log(proc):
        home = run_sessions(base, 1, links=[DeepLink("")])
        assert home[0].ok, home[0].errors
    deadline = time.monotonic() + 300
    while "warm-up: done" not in server_log(proc):
        assert time.monotonic() < deadline, "warm-up did not finish:\n" + server_log(proc)[-2000:]
        assert proc.poll() is None, server_log(proc)[-2000:]
        time.sleep(1)
    return server_log(proc)


def test_pages_are_warm_after_the_first_visit(server):
    proc, base = server
    log = first_visit_and_warm_up(proc, base)
    assert "failed" not in log.split("warm-up: done", 1)[1].splitlines()[0], log[-3000:]
    assert "Traceback" not in log and "ModuleNotFoundError" not in log, log[-3000:]
    # A student now opens each training page with default settings: no training, no progress bar.
    results = run_sessions(base, len(TRAINING_PAGES), links=[DeepLink(p) for p in TRAINING_PAGES])
    for r in results:
        assert r.ok, (r.link, r.errors)
        assert r.charts > 0
        assert r.progress_bars == 0, f"{r.link} trained again: the warm-up missed its default view"


def background_trainers(proc) -> list[tuple[int, int]]:
    """(pid, niceness) of the server's background trainer processes (python -m ui.workers
    trainer-background)."""
    return [(p.pid, p.nice) for p in processes_running(proc.pid, b"trainer-background")]


def test_the_lectures_200k_loss_log_trains_in_the_background_without_holding_the_students(server):
    """After the default views, warm start trains the 200,000-step loss log on a niced trainer
    of its own (minutes of CPU); meanwhile a student's new setting is trained and drawn."""
    proc, base = server
    first_visit_and_warm_up(proc, base)
    deadline = time.monotonic() + 60
    while not background_trainers(proc):
        assert time.monotonic() < deadline, "no background trainer:\n" + server_log(proc)[-2000:]
        time.sleep(0.5)
    assert all(nice >= 10 for _, nice in background_trainers(proc))
    new = DeepLink("Tanh_saturation", "s_act=elu&s_w1=0.37")  # no cache holds it
    (r,) = run_sessions(base, 1, links=[new])
    assert r.ok and r.charts > 0, r.errors
    assert "background loss_log" not in server_log(proc)  # the 200k run was still going meanwhile
    assert background_trainers(proc)
