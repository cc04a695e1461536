"""Open a view as a notebook: a runnable .ipynb (and the same cells as a .py) that reproduces
what the page shows, built from the view's value (page id, its link's tokens, the language, the
data) with nbformat, never from the page script; no Streamlit call inside.

    nb = build("saturation", [("s_act", "relu"), ("s_w1", "0.2")], "it")
    ipynb_text(nb), script_text(nb)

The cells: what the view shows and its link; setup (pip install of the project, the versions it
was made with, imports); the data; the settings as keyword arguments and the `core.lessons`
call (ui/views.py: the same mapping the page uses); the page's headline numbers printed as it
shows them (a cell tagged "headline"); its main charts with the app's chart builders (tagged
"chart"); things to try. One spec per page (ui/notebooks/<page>.py) writes the cells it alone has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

import nbformat
from nbformat import NotebookNode
from nbformat import v4 as nbf

from ui.notebooks import batchnorm, dead, deep, loss, loss_log, saturation
from ui.notebooks.base import (
    LESSON_VAR,
    Code,
    Ctx,
    Data,
    Spec,
    call,
    lit,
    mapping,
    nest,
    project_version,
    settings_code,
    versions,
)
from ui.views import VIEWS

__all__ = ["SPECS", "Data", "build", "ipynb_text", "script_text"]

# page id -> its spec: the training pages (ui/views.py); the gallery trains nothing
SPECS: Mapping[str, Spec] = {
    s.page: s for s in (saturation.SPEC, dead.SPEC, loss.SPEC, deep.SPEC, loss_log.SPEC, batchnorm.SPEC)
}
CHECKED = ("torch", "numpy", "pandas", "altair")  # the packages whose version the numbers and charts depend on
PROJECT = "activations-explainer"  # where the student keeps the project, until they set it


def _intro(ctx: Ctx, spec: Spec, data: Data | None, link: str) -> str:
    from core.data import load_names

    query = "&".join(f"{k}={v}" for k, v in ctx.params)
    if link:
        where = ctx.t("notebook.intro.link", link=f"<{link}>")
    else:  # the link's settings, or (none) the page as it opens
        where = ctx.t("notebook.intro.no_link", query=query) if query else ctx.t("notebook.intro.defaults")
    used = (
        ctx.t("notebook.intro.data_upload", name=data.name, words=data.words)
        if data
        else ctx.t("notebook.intro.data_names", words=len(load_names()))
    )
    parts = [f"# {ctx.t(f'{ctx.view.page}.title')}", ctx.t("notebook.intro.app"), spec.intro(ctx), where, used]
    return "\n\n".join([*parts, ctx.t("notebook.intro.cells")])


def _setup_md(ctx: Ctx) -> str:
    made = ", ".join(f"`{k}=={v}`" for k, v in versions().items())
    made = f"`activations-explainer {project_version()}`, " + made
    return ctx.t("notebook.setup.header") + "\n\n" + ctx.t("notebook.setup.body", versions=made)


def _pip(ctx: Ctx) -> str:
    return f'PROJECT = {lit(PROJECT)}  # {ctx.t("notebook.setup.project")}\n%pip install -q -e "{{PROJECT}}"'


def _imports(ctx: Ctx, spec: Spec) -> str:
    made = {k: v for k, v in versions().items() if k in CHECKED}
    differs = call(
        "fill", ctx.t("notebook.setup.differs"), Code("LANG"), pkg=Code("pkg"), have=Code("have"), want=Code("want")
    )
    return "\n".join(
        [
            "import importlib.metadata as md",
            "",
            "import pandas as pd",
            "",
            "from core import lessons, runtime",
            *spec.imports.splitlines(),
            "from ui.notebooks.runtime import chart_language",
            "from ui.text import fill, num",
            "",
            f"LANG = {lit(ctx.lang)}  # {ctx.t('notebook.setup.lang')}",
            f"runtime.configure()  # {ctx.t('notebook.setup.configure')}",
            "chart_language(LANG)",
            "",
            f"# {ctx.t('notebook.setup.made_with')}",
            f"MADE_WITH = {mapping(made)}",
            "for pkg, want in MADE_WITH.items():",
            '    have = md.version(pkg).split("+")[0]',
            "    if have != want:",
            f"        print({nest(differs, 8)})",
        ]
    )


def _data(ctx: Ctx, data: Data | None) -> str:
    caption = call(
        "fill",
        ctx.t("common.data_caption"),
        Code("LANG"),
        words=Code("data.n_words"),
        examples=Code("len(data.Ytr)"),
        vocab=Code("data.vocab.size"),
    )
    if data is None:
        return "\n".join(
            [
                "from core.data import names_dataset",
                "",
                f"data = names_dataset()  # {ctx.t('notebook.data.names_comment')}",
                f"print({caption})",
            ]
        )
    from pathlib import PurePath

    from ui.wordlist import MAX_BYTES, MIN_WORDS  # the app's checks of an upload, so the same words

    said = {
        k: call("fill", ctx.t(f"notebook.data.{k}"), Code("LANG"), path=Code("WORDS_FILE"))
        for k in ("same", "other", "missing")
    }
    read = call(
        "read_word_list", Code("WORDS_FILE.read_bytes()"), min_words=MIN_WORDS, max_bytes=MAX_BYTES, drop_bad=True
    )
    yours = call(  # the page's caption of an upload, without its "change it in the sidebar"
        "fill",
        ctx.t("notebook.data.caption_file"),
        Code("LANG"),
        path=Code("WORDS_FILE"),
        words=Code("data.n_words"),
        examples=Code("len(data.Ytr)"),
        vocab=Code("data.vocab.size"),
    )
    return "\n".join(
        [
            "from pathlib import Path",
            "",
            "from core.data import build_dataset, names_dataset, read_word_list, words_fingerprint",
            "",
            f"WORDS_FILE = Path({lit(PurePath(data.name).name)})  # {ctx.t('notebook.data.file_comment')}",
            "if WORDS_FILE.exists():",
            f"    words = {nest(read)}.words",
            "    data = build_dataset(words)",
            f"    same = words_fingerprint(words) == {lit(data.fingerprint)}",
            f"    print({nest(said['same'])} if same else {nest(said['other'])})",
            f"    print({nest(yours)})",
            "else:",
            "    data = names_dataset()",
            f"    print({nest(said['missing'])})",
            f"    print({nest(caption)})",
        ]
    )


def _tries(ctx: Ctx, spec: Spec) -> str:
    items = "\n".join(f"- {item}" for item in spec.tries(ctx))
    return f"{ctx.t('notebook.try.header')}\n\n{items}\n\n{ctx.t('notebook.try.rerun')}"


def _md(source: str) -> NotebookNode:
    return cast(NotebookNode, nbf.new_markdown_cell(source))  # type: ignore[no-untyped-call]  # nbformat is untyped


def _code(source: str, tag: str = "") -> NotebookNode:
    """A code cell; `tag` names what it holds ("headline", "chart", "pip") for readers and tests."""
    meta: dict[str, Any] = {"tags": [tag]} if tag else {}
    return cast(NotebookNode, nbf.new_code_cell(source, metadata=meta))  # type: ignore[no-untyped-call]


def build(
    page: str,
    params: Iterable[tuple[str, str]],
    lang: str,
    data: Data | None = None,
    link: str = "",
    install: bool = True,
) -> NotebookNode:
    """The notebook of one view: `params` are its link's (key, token) pairs (unknown keys and
    invalid values are left out, as the page drops them), `data` the uploaded word list it was
    made with (None: the bundled names), `link` the URL that reopens it. `install=False` leaves
    out the pip cell (the tests run on the installed project). Validated against nbformat v4."""
    spec, view = SPECS[page], VIEWS[page]
    pairs = tuple((str(k), str(v)) for k, v in params)
    own = {c.key for c in view.controls}
    raw: dict[str, tuple[str, ...]] = {}
    for k, v in pairs:
        raw[k] = (*raw.get(k, ()), v)
    ctx = Ctx(view, lang, view.values(pairs), tuple(p for p in pairs if p[0] in own), raw)
    var = spec.results.get(view.lesson, LESSON_VAR)
    cells = [
        _md(_intro(ctx, spec, data, link)),
        _md(_setup_md(ctx)),
        *([_code(_pip(ctx), "pip")] if install else []),
        _code(_imports(ctx, spec)),
        _md(ctx.t("notebook.data.header")),
        _code(_data(ctx, data)),
        _md(ctx.t("notebook.settings.header") + "\n\n" + ctx.t("notebook.settings.body", fn=view.lesson)),
        _code(settings_code(ctx, spec)),
        _md(ctx.t("notebook.numbers.header") + "\n\n" + ctx.t("notebook.numbers.body")),
        _code(spec.headlines(ctx), "headline"),
        _md(ctx.t("notebook.charts.header") + "\n\n" + ctx.t("notebook.charts.body", var=var)),
        *(_code(code, "chart") for code in spec.charts(ctx)),
        _md(_tries(ctx, spec)),
    ]
    nb = nbf.new_notebook(  # type: ignore[no-untyped-call]
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(nb)
    return cast(NotebookNode, nb)


def ipynb_text(nb: NotebookNode) -> str:
    """The .ipynb file's text (JSON)."""
    return str(nbformat.writes(nb))  # type: ignore[no-untyped-call]


def script_text(nb: NotebookNode) -> str:
    """The same cells as a Python script with `# %%` cells (VS Code, PyCharm and Jupytext read
    them as a notebook): markdown as comments, IPython's `%` lines commented out."""
    out = []
    for cell in nb.cells:
        src = cell.source
        if cell.cell_type == "markdown":
            out.append("# %% [markdown]\n" + "\n".join(f"# {line}".rstrip() for line in src.splitlines()))
        else:
            out.append("# %%\n" + "\n".join(f"# {line}" if line.startswith("%") else line for line in src.splitlines()))
    return "\n\n".join(out) + "\n"
