"""The layers import one way (pages -> ui -> core), core is science only, pages stay thin,
and the app never imports what the Docker image leaves out (bench/, tests/)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = sorted((ROOT / "core").rglob("*.py"))
UI = sorted((ROOT / "ui").rglob("*.py"))
PAGES = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py"))]
CLASSROOM = sorted((ROOT / "classroom").rglob("*.py"))
# "about 150 lines": counted in statements, which the formatter's line wrapping does not change
# (a 150-line page is ~100 statements; the Deep page had 237 before the lessons layer)
MAX_PAGE_STATEMENTS = 120


def imported(path: Path) -> set[str]:
    """The top-level package of every import in a file (also those inside functions)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_is_science_only(path):
    assert not imported(path) & {"streamlit", "altair", "ui", "pages", "bench", "tests", "vl_convert"}


@pytest.mark.parametrize("path", CLASSROOM, ids=lambda p: str(p.relative_to(ROOT)))
def test_classroom_is_storage_only(path):
    """Class mode's store runs in any process (a replica, a benchmark, a notebook): no Streamlit."""
    assert not imported(path) & {"streamlit", "altair", "ui", "pages", "bench", "tests"}


@pytest.mark.parametrize("path", UI + PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_app_never_imports_bench_or_tests(path):
    assert not imported(path) & {"bench", "tests", "pages"}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_pages_are_thin(path):
    n = sum(isinstance(node, ast.stmt) for node in ast.walk(ast.parse(path.read_text())))
    assert n <= MAX_PAGE_STATEMENTS, f"{path.name} has {n} statements: move what is not drawing to core/lessons or ui/"


def test_no_page_trains_by_itself():
    """Pages call their lesson; only core.lessons runs the trainers (through `compute`), and
    the trainer processes (ui/workers.py) run what `compute` hands them."""
    for path in PAGES + [p for p in UI if p.name != "workers.py"]:
        text = path.read_text()
        assert "train_variants(" not in text and "train_deep(" not in text.replace("D.train_deep:", ""), path.name


def test_the_lessons_package_imports_no_lesson_while_it_loads():
    """Two server threads importing at once, one through `core.lessons` and one straight through
    a lesson module, deadlock if the package imports its lessons while it loads (seen under
    load: `_DeadlockError ... _ModuleLock('core.lessons')`). It loads them on first use."""
    code = """
import sys, threading
import core.lessons
assert not [m for m in sys.modules if m.startswith("core.lessons.") and m != "core.lessons"]
errors = []
def through_package():
    try:
        import core.lessons as L
        L.deep, L.saturation
    except Exception as e:
        errors.append(e)
def straight():
    try:
        import core.lessons.deep_network, core.lessons.tanh_saturation
    except Exception as e:
        errors.append(e)
threads = [threading.Thread(target=f) for f in (through_package, straight) * 4]
[t.start() for t in threads]
[t.join() for t in threads]
assert not errors, errors
assert callable(core.lessons.saturation) and len(core.lessons.pages()) == 7
"""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_every_test_has_one_layer_marker():
    """The markers of CONTRIBUTING.md: each test file sits in the folder of its kind."""
    folders = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and not p.name.startswith((".", "__"))}
    assert folders == {"core", "ui", "lessons", "app", "server", "e2e", "classroom"}
    assert not [p for p in (ROOT / "tests" / "core").glob("*.py") if "AppTest" in p.read_text()]
