"""#18 "Open as notebook", run for real: for every training page, the default view's notebook and
one other view's are executed with nbclient on one ipykernel (a fresh working directory, the
project on PYTHONPATH, the `%pip` cell left out: the project is installed here). No cell fails;
the numbers the headline cell prints are the ones the page shows for the same link (AppTest:
its metrics and tables, "label: value" and "row · column: value"); every chart cell returns a
Vega-Lite chart. The `.py` of one view runs with `python` and prints the same lines.

Cost: the kernel trains what the page trains, so the notebooks run on a thread of their own
while the AppTests run here (one core each; `runtime.configure` keeps torch on one thread).
The file sorts after the page tests, so in a full run the default views are on the app's board.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import itertools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl

import nbformat
import pytest
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbformat import NotebookNode
from streamlit.testing.v1 import AppTest

from core.lessons.tanh_saturation import inactive_kind
from tests.apptest import ROOT, run_page
from ui.notebooks.build import Data, build, script_text
from ui.pages import SCRIPTS
from ui.text import catalogue

FILES = SCRIPTS  # page id -> its script
Params = tuple[tuple[str, str], ...]


def italian_names() -> list[str]:
    """250 made-up Italian names (with accents): the word list of the loss log's upload."""
    starts = ["ma", "lu", "gio", "fra", "ni", "ro", "sa", "te", "vi", "be"]
    return ["".join(p) for p in itertools.product(starts, ["r", "ll", "cc", "nn", "s"], ["ò", "è", "ia", "io", "ina"])]


UPLOAD = "nomi_italiani.txt"
WORDS = italian_names()

# view id -> (page, the link's (key, token) pairs, language, uploaded word list or None)
CASES: dict[str, tuple[str, Params, str, str | None]] = {
    case: (page, tuple(parse_qsl(query)), lang, up)
    for case, page, query, lang, up in [
        ("saturation", "saturation", "", "en", None),
        ("saturation-relu-it", "saturation", "s_act=relu&s_w1=0.2&s_b1=0.01&s_steps=300", "it", None),
        ("saturation-diverged", "saturation", "s_act=identity&s_w1=3.0&s_b1=3.0&s_steps=100", "en", None),
        ("dead", "dead", "", "en", None),
        ("dead-bn", "dead", "d_acts=relu&d_acts=gelu&d_lr=2&d_steps=200&d_bn=true", "en", None),
        ("loss", "loss", "", "en", None),
        ("loss-relu", "loss", "l_act=relu&l_w2=0.1&l_b2=false&l_z0=2.5&l_tgt=2&l_n=200", "en", None),
        ("deep", "deep", "", "en", None),
        ("deep-relu-it", "deep", "n_act=relu&n_gain=1.0&n_lr=0.5&n_steps=100&n_bn=true", "it", None),
        ("loss_log", "loss_log", "", "en", None),
        ("loss_log-upload", "loss_log", "", "en", UPLOAD),
        ("batchnorm", "batchnorm", "", "en", None),
        ("batchnorm-relu", "batchnorm", "b_act=relu&b_steps=200&b_mom=0.01&b_bs=8", "en", None),
    ]
}
SCRIPT_CASE = "saturation-relu-it"  # the view whose .py is run too


# -- the kernel: one for the module, on a thread of its own ----------------------------------------
class Kernel:
    """One ipykernel (cwd: a fresh temp dir) that executes notebooks in order on its own thread:
    `submit(nb)` returns a future of the executed notebook (or of the error a cell raised)."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.jobs: list[tuple[NotebookNode, cf.Future[NotebookNode]]] = []
        self.ready = threading.Condition()
        self.closed = False
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)
        self.thread.start()

    def submit(self, nb: NotebookNode) -> cf.Future[NotebookNode]:
        done: cf.Future[NotebookNode] = cf.Future()
        with self.ready:
            self.jobs.append((nb, done))
            self.ready.notify()
        return done

    def close(self) -> None:
        """Stop after the notebook running now (the ones still queued are dropped)."""
        with self.ready:
            self.closed = True
            for _, done in self.jobs:
                done.cancel()
            self.jobs.clear()
            self.ready.notify()
        self.thread.join(timeout=900)

    def _next(self) -> tuple[NotebookNode, cf.Future[NotebookNode]] | None:
        with self.ready:
            self.ready.wait_for(lambda: self.jobs or self.closed)
            return self.jobs.pop(0) if self.jobs else None

    async def _run(self) -> None:
        km = AsyncKernelManager(kernel_name="python3")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        await km.start_kernel(cwd=str(self.cwd), env=env)
        try:
            while (job := await asyncio.to_thread(self._next)) is not None:
                nb, done = job
                # a clean namespace per notebook (imported modules stay: that is the saving)
                run = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("%reset -f"), *nb.cells])
                try:
                    await NotebookClient(run, km=km, timeout=900).async_execute()
                    nb.cells = run.cells[1:]
                    done.set_result(nb)
                except Exception as e:  # a cell's error: the test that waits for it reports it
                    done.set_exception(e)
        finally:
            await km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory) -> Iterator[Kernel]:
    k = Kernel(tmp_path_factory.mktemp("kernel-cwd"))
    yield k
    k.close()


@pytest.fixture(scope="module")
def upload_data() -> Data:
    """The upload as the app keeps it (ui.wordlist.check: the same words, name and fingerprint)."""
    from ui import wordlist

    wl = wordlist.check(UPLOAD, ("\n".join(WORDS) + "\n").encode())
    assert isinstance(wl, wordlist.WordList)
    return Data(name=wl.name, fingerprint=wl.source, words=len(wl.words))


@pytest.fixture(scope="module")
def executed(kernel, upload_data, request) -> dict[str, cf.Future[NotebookNode]]:
    """The notebook of every case this run tests, queued on the kernel at once (they run while
    the pages are tested); the upload is written where the notebook looks for it: the kernel's
    working directory."""
    (kernel.cwd / UPLOAD).write_text("\n".join(WORDS) + "\n", encoding="utf-8")
    mine = [item for item in request.session.items if item.path == request.path]  # this module's tests
    selected = {item.callspec.params.get("case") for item in mine if hasattr(item, "callspec")}
    if any(item.name == test_the_script_runs_with_python_and_prints_the_same_lines.__name__ for item in mine):
        selected.add(SCRIPT_CASE)
    return {
        case: kernel.submit(build(page, params, lang, data=upload_data if up else None, install=False))
        for case, (page, params, lang, up) in CASES.items()
        if case in selected
    }


# -- reading the two sides -------------------------------------------------------------------------
def cells(nb: NotebookNode, tag: str) -> list[NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code" and tag in c.metadata.get("tags", [])]


def stdout(cell: NotebookNode) -> list[str]:
    text = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
    return text.splitlines()


def page_lines(at: AppTest) -> list[str]:
    """What the page shows as numbers: each metric "label: value" (its delta in parentheses: the
    deep page's "trained: ..."), each table cell "row · column: value"."""
    lines = [f"{m.label}: {m.value}" + (f" ({m.delta})" if m.delta else "") for m in at.metric]
    for df in (d.value for d in at.dataframe):
        first = df.columns[0]
        for _, row in df.iterrows():
            lines += [f"{row[first]} · {col}: {row[col]}" for col in df.columns[1:]]
    return lines


def page_of(case: str, upload_data: Data) -> AppTest:
    page, params, lang, up = CASES[case]
    query: dict[str, str | list[str]] = {}
    for k, v in params:
        query.setdefault(k, []).append(v)  # type: ignore[union-attr]
    at = run_page(FILES[page], timeout=900, lang=lang, **{k: v[0] if len(v) == 1 else v for k, v in query.items()})
    if up:
        at.sidebar.file_uploader[0].upload(UPLOAD, ("\n".join(WORDS) + "\n").encode(), "text/plain")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert at.session_state["wordlist_active"].source == upload_data.fingerprint  # the page trains on it
    return at


# -- the tests -------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", CASES)
def test_the_notebook_runs_and_prints_the_page_s_numbers(case, executed, upload_data):
    page, _, lang, up = CASES[case]
    at = page_of(case, upload_data)  # the page while the kernel trains the same view
    nb = executed[case].result(timeout=1800)  # a failing cell raises here, with its traceback

    for cell in nb.cells:  # nothing on stderr: no warning, no Streamlit outside a script run
        assert not [o.text for o in cell.get("outputs", []) if o.get("name") == "stderr"], cell.source
    (headline,) = cells(nb, "headline")
    printed, shown = stdout(headline), page_lines(at)
    assert printed, headline.source
    if case == "saturation-diverged":  # no snapshot: the page's message, in the numbers and the charts
        assert len(printed) == 1 and printed[0] in [i.value for i in at.info]
        msg = printed
        *snapshot, loss = cells(nb, "chart")
        assert all(stdout(c) == msg and not _vega(c) for c in snapshot), [stdout(c) for c in snapshot]
        assert _vega(loss)  # the loss up to the divergence, as the page draws it
        return
    missing = [line for line in printed if line not in shown]
    assert not missing, (missing, shown)
    metrics = [line for line in shown if " · " not in line]  # every metric of the page is printed
    assert set(metrics) <= set(printed), set(metrics) - set(printed)

    charts = cells(nb, "chart")
    assert charts and all(_vega(c) or _table(c) for c in charts), [c.source for c in charts]
    if up:  # the data cell found the student's file, the same words as in the app
        data = next(c for c in nb.cells if c.cell_type == "code" and "WORDS_FILE" in c.source)
        assert stdout(data)[0] == catalogue(lang)["notebook.data.same"].format(path=UPLOAD)
        assert f"{len(WORDS)}" in stdout(data)[1]


def _vega(cell: NotebookNode) -> bool:
    """The cell's result is a Vega-Lite chart (and its HTML for front ends without the renderer)."""
    out = [o for o in cell.outputs if o.output_type == "execute_result"]
    return len(out) == 1 and "application/vnd.vegalite.v6+json" in out[0].data and "text/html" in out[0].data


def _table(cell: NotebookNode) -> bool:
    """The loss log's names table: a data frame (its HTML)."""
    out = [o for o in cell.outputs if o.output_type == "execute_result"]
    return len(out) == 1 and "<table" in out[0].data.get("text/html", "")


def test_the_script_runs_with_python_and_prints_the_same_lines(executed, tmp_path):
    """The .py as the page hands it over (its `%pip` line commented out), in a fresh folder."""
    page, params, lang, _ = CASES[SCRIPT_CASE]
    (tmp_path / "view.py").write_text(script_text(build(page, params, lang)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "view.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900
    )
    assert out.returncode == 0, out.stderr[-3000:]
    (headline,) = cells(executed[SCRIPT_CASE].result(timeout=1800), "headline")
    printed = stdout(headline)
    lines = out.stdout.splitlines()
    assert printed and printed == [line for line in lines if line in printed]  # all of them, in order
    assert printed[0].startswith(catalogue("it")[f"saturation.metric.pct.{inactive_kind('relu')}"])  # Italian
