"""The pieces every view's notebook is made of: code written from values, the view's context
(its language, settings and text), and the cells shared by every page.

A page's spec (ui/notebooks/<page>.py) writes the cells only it has: its headline numbers and
its charts. Code is written as text with `call` (one argument per line once it is long) and
`lit` (a value as Python source); `Code` marks text that is already source.
"""

from __future__ import annotations

import importlib.metadata as md
import inspect
import json
import re
import string
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ui.text import DEFAULT_LANG, catalogue, fill
from ui.views import View

ROOT = Path(__file__).resolve().parents[2]  # the project's folder: pyproject.toml, requirements.txt
WIDTH = 100  # characters of a call on one line before its arguments go one per line
LESSON_VAR = "les"  # the page's lesson result in the notebook


class Code(str):
    """Python source, written into a cell as it is (not a value to quote)."""


def lit(value: Any) -> str:
    """A value as Python source: strings in double quotes, floats exact (repr), containers inside out."""
    if isinstance(value, Code):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a Python string
    if isinstance(value, list):
        return "[" + ", ".join(lit(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(lit(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{lit(k)}: {lit(v)}" for k, v in value.items()) + "}"
    return repr(value)


def nest(code: str, by: int = 4) -> str:
    """Code placed `by` columns in: its continuation lines move with it."""
    return code.replace("\n", "\n" + " " * by)


def indent(code: str, by: int = 4) -> str:
    """A statement (of one or more lines) inside a block `by` columns deep."""
    return " " * by + nest(code, by)


def call(fn: str, *args: Any, splat: str = "", **kwargs: Any) -> Code:
    """`fn(arg, ..., key=value, ..., **splat)` as source; one argument per line when it is long."""
    parts = [lit(a) for a in args] + [f"{k}={lit(v)}" for k, v in kwargs.items()] + ([f"**{splat}"] if splat else [])
    one = f"{fn}({', '.join(parts)})"
    if len(one) <= WIDTH and "\n" not in one:
        return Code(one)
    return Code(f"{fn}(\n" + "".join(f"    {nest(p)},\n" for p in parts) + ")")


def mapping(entries: Mapping[Any, Any]) -> Code:
    """A dict literal, one entry per line once it is long."""
    one = lit(dict(entries))
    if len(one) <= WIDTH:
        return Code(one)
    return Code("{\n" + "".join(f"    {lit(k)}: {nest(lit(v))},\n" for k, v in entries.items()) + "}")


@dataclass(frozen=True)
class Data:
    """The word list a view was made with, when it is not the bundled names: an upload is not
    embedded in the notebook (it is the student's file), so the notebook names it and reads it."""

    name: str  # the file's name, as uploaded
    fingerprint: str  # core.data.words_fingerprint of its words (the app's cache key)
    words: int  # how many words the app used


@dataclass(frozen=True)
class Ctx:
    """One view, as its notebook is written: the language, the settings and their text."""

    view: View
    lang: str
    values: Mapping[str, Any]  # control key -> value
    params: tuple[tuple[str, str], ...]  # the link's (key, token) pairs, the page's own keys only
    raw: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # every key of the link (l_v: the page's)

    @property
    def kwargs(self) -> dict[str, Any]:
        """The page's lesson arguments."""
        return self.view.kwargs(self.values)

    def t(self, key: str, /, **fmt: Any) -> str:
        """The catalogue's text of `key` in this language (English where it has none), filled."""
        text = catalogue(self.lang).get(key) or catalogue(DEFAULT_LANG)[key]
        return fill(text, self.lang, **fmt) if fmt else text

    def s(self, key: str, /, **fmt: Any) -> Code:
        """The text of `key` as a string literal (every field known now)."""
        return Code(lit(self.t(key, **fmt)))

    def f(self, key: str, /, **fields: Any) -> Code:
        """The text of `key` as source: a literal, or `fill(template, LANG, ...)` when a field
        is only known when the notebook runs (a `Code` value: e.g. a number of the lesson)."""
        used = {name for _, name, _, _ in string.Formatter().parse(self.t(key)) if name}
        fields = {k: v for k, v in fields.items() if k in used}
        if not any(isinstance(v, Code) for v in fields.values()):
            return self.s(key, **fields)
        return call("fill", self.t(key), Code("LANG"), **fields)


@dataclass(frozen=True)
class Spec:
    """What one page's notebook has of its own (the rest is the same for every page)."""

    page: str
    imports: str  # the chart builders it draws with, e.g. "from ui import charts_dead as CD"
    intro: Callable[[Ctx], str]  # markdown: what the view shows (the page's opener)
    labels: Mapping[str, str]  # lesson argument -> catalogue key of its control's label
    headlines: Callable[[Ctx], str]  # code printing the page's headline numbers, as it shows them
    charts: Callable[[Ctx], Sequence[str]]  # code of each chart cell (its last line is the chart)
    tries: Callable[[Ctx], Sequence[str]]  # markdown: one or two things to try next
    results: Mapping[str, str] = field(default_factory=dict)  # lesson function -> its variable (default: les)


def say(label: str, value: str, at: int = 0) -> str:
    """A headline line, `at` columns deep: `print("label:", value)`, read as "label: value" (as
    the page shows a metric)."""
    if label.startswith(("'", '"')):
        line = f"print({label[:-1]}:{label[-1]}, {value})"
    else:
        line = f'print({label} + ":", {value})'
    return indent(line, at) if at else line


def say4(label: str, value: str) -> str:
    """`say` inside an if/else block."""
    return say(label, value, 4)


# -- the shared cells ------------------------------------------------------------------------------
def requirement_names() -> list[str]:
    """The packages the app pins (requirements.txt), in its order."""
    names = []
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.append(re.split(r"[=<>\[ ;]", line, maxsplit=1)[0])
    return names


def versions() -> dict[str, str]:
    """package -> the version this app runs with (importlib.metadata; the pin where not installed)."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        m = re.match(r"\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s#;]+)", line)
        if m:
            pins[m.group(1)] = m.group(2)
    out = {}
    for name in requirement_names():
        try:
            out[name] = md.version(name).split("+")[0]  # "2.13.0+cpu" is torch 2.13.0
        except md.PackageNotFoundError:
            out[name] = pins.get(name, "")
    return {k: v for k, v in out.items() if v}


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def takes_data(fn: str) -> bool:
    """Does `core.lessons.<fn>` train on a dataset (every page's lesson; not softmax_by_hand)?"""
    from core import lessons

    return "data" in inspect.signature(getattr(lessons, fn)).parameters


def settings_code(ctx: Ctx, spec: Spec) -> str:
    """The view's settings as keyword arguments, one per line with its control's label, then
    each lesson call."""
    lines = []
    for fn in ctx.view.calls:
        var = spec.results.get(fn, LESSON_VAR)
        name = "settings" if var == LESSON_VAR else f"{var}_settings"
        kwargs = ctx.view.kwargs(ctx.values, fn)
        lines.append(f"{name} = dict(")
        for k, v in kwargs.items():
            # the control's label as a comment, without its "(log scale)"
            label = f"  # {ctx.t(spec.labels[k]).split(' (')[0]}" if k in spec.labels else ""
            lines.append(f"    {k}={lit(v)},{label}")
        lines.append(")")
        args = f"**{name}, data=data" if takes_data(fn) else f"**{name}"
        lines.append(f"{var} = lessons.{fn}({args})")
    return "\n".join(lines)


def table_lines(
    ctx: Ctx, names: Mapping[str, str], columns: Mapping[str, tuple[str, str]], frame: str, index: str
) -> str:
    """Code printing a page's table cell by cell, "row · column: number", as the page writes
    them: `names` row id -> its name (the table's first column), `columns` frame column ->
    (header, number format), `frame` the lesson's frame with an `index` column of row ids."""
    return "\n".join(
        [
            f"names = {mapping(names)}",
            f"columns = {mapping(columns)}  # {ctx.t('notebook.code.table')}",
            f"table = {frame}.set_index({lit(index)})",
            "for key, name in names.items():",
            "    for col, (header, spec) in columns.items():",
            "        x = table.loc[key, col]",
            '        print(f"{name} · {header}:", "—" if pd.isna(x) else num(x, spec, LANG))'
            + f"  # {ctx.t('notebook.code.dash')}",
        ]
    )
