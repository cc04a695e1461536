"""Every control of a page lives in the URL, as a stable, language-free token.

A page declares its controls once, as a tuple of `Control`s. `read_url(controls)` runs
before any widget: it checks the page's query params, keeps each valid value as the widget's
starting state, and returns notices for the bad ones (one notice for all unknown params).
The widget helpers below then draw each control from its session state and write its value
back into the URL after every run (`_sync`), so the address bar always reproduces the view.

Widgets are deliberately *not* bound with ``bind="query-params"``: a bound select writes the
option it shows (a translated or display name) into the URL. Here the URL holds the option's
token (``s_act=relu``, ``n_ph=after``) whatever the language, and old links that spelled a
display name keep working through `Control.aliases`.

All session keys of this module are listed at the top. Shared settings (language, presenter
mode, predict first, the class's room code) are controls too; they also live in `SHARED_MEMORY`,
because a page switch empties the URL and drops the widgets of the page left behind. The
teacher's secret token rides along the menu's links the same way, but never in a shared link.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import streamlit as st

# -- session keys (all of this module's) --------------------------------------------------------
VIEW_CONTROLS = "_view_controls"  # the controls of the page being run (for links and file names)
SHARED_MEMORY = "_shared_settings"  # {"lang": "it", "present": True, ...}: survives a page switch
PAGE_ID = "_page_id"  # the page being run, e.g. "saturation" (file names of exports)

MAX_NOTICE_KEYS = 10  # unknown params named in the notice at most

# Where a widget is drawn: a column or container (a DeltaGenerator), or the `st` module itself
# for the current container (Streamlit's public API offers no typed name for the latter).
Where = Any
V = TypeVar("V")  # a widget's value, handed back by _sync


@dataclass(frozen=True)
class Control:
    """One URL-backed control: key (the query param), its kind, default and allowed values."""

    key: str
    kind: str  # "float" | "int" | "bool" | "choice" | "multi" | "text"
    default: Any
    min: float | None = None
    max: float | None = None
    options: tuple[str, ...] = ()  # stable tokens ("choice", "multi"): what the URL holds
    max_items: int | None = None  # for "multi"
    aliases: Mapping[str, str] = field(default_factory=dict)  # old URL spellings -> token
    pattern: str = ""  # "text": the regular expression a value must match in full

    def to_url(self, value: Any) -> list[str]:
        """The URL strings of a value: the inverse of `parse` (a list: "multi" repeats the key)."""
        if self.kind == "multi":
            return [str(v) for v in value] or [""]  # `key=`: an empty selection, not the default
        if self.kind in ("choice", "text"):
            return [str(value)]
        if self.kind == "bool":
            return ["true" if value else "false"]
        if self.kind == "int":
            return [str(int(value))]
        return [format(float(value), "g")]

    def bounds(self) -> tuple[float, float]:
        """(min, max) of a number control; both must be set for "int" and "float"."""
        if self.min is None or self.max is None:
            raise AssertionError(f"{self.key}: a number needs min and max")
        return self.min, self.max

    def _token(self, v: str) -> str:
        token = v if v in self.options else self.aliases.get(v)
        if token is None:
            raise ValueError(v)
        return token

    def parse(self, raw: Sequence[str]) -> Any:
        """The value a list of URL strings stands for; raises ValueError when it is invalid."""
        raw = list(raw)
        if self.kind == "multi":
            if raw == [""]:
                return []  # a cleared multiselect
            values = [self._token(v) for v in raw]
            if not values or len(set(values)) != len(values) or (self.max_items and len(values) > self.max_items):
                raise ValueError(raw)
            return values
        if len(raw) != 1:
            raise ValueError(raw)  # repeated keys for a single value
        v = raw[0]
        if self.kind == "choice":
            return self._token(v)
        if self.kind == "text":
            if not re.fullmatch(self.pattern, v):
                raise ValueError(v)
            return v
        if self.kind == "bool":
            if v.lower() not in ("true", "false"):
                raise ValueError(v)
            return v.lower() == "true"
        num = float(v)  # ValueError on junk
        lo, hi = self.bounds()
        if not math.isfinite(num) or not (lo <= num <= hi):
            raise ValueError(v)
        if self.kind == "int":
            if num != int(num):
                raise ValueError(v)
            return int(num)
        return num

    def is_default(self, value: Any) -> bool:
        if self.kind == "multi":
            return list(value) == list(self.default)
        if self.kind == "float":
            return abs(float(value) - float(self.default)) < 1e-9
        return bool(value == self.default)

    def valid(self, value: Any) -> bool:
        try:
            return self.parse(self.to_url(value)) is not None
        except (ValueError, TypeError, OverflowError):
            return False


def safe_text(value: object, limit: int = 40) -> str:
    """User text made harmless for a markdown notice: short, no markup characters."""
    s = re.sub(r"[^\w .,:+\-=]", "?", str(value))
    return s[:limit] + ("..." if len(s) > limit else "")


# -- the shared settings -----------------------------------------------------------------------
LANG = Control("lang", "choice", "en", options=("en", "it"))
PRESENT = Control("present", "bool", False)
PREDICT = Control("predict", "bool", False)
# Class mode (ui/classroom.py): the room's code, in students' links too, and the teacher's token,
# only in the teacher's own address. Loose patterns here (safe characters, bounded length): the
# store checks a code for real and ui/classroom says what is wrong with it ("not a room code").
ROOM = Control("room", "text", "", pattern="[A-Za-z0-9]{1,16}")
TEACHER = Control("teacher", "text", "", pattern="[A-Za-z0-9_-]{1,64}")
SHARED = (LANG, PRESENT, PREDICT, ROOM)  # in every link, the "link to this view" included
PRIVATE = (TEACHER,)  # the menu's links carry it (the teacher moves on), a shared link never
REMEMBERED = (*SHARED, *PRIVATE)  # kept across page switches in SHARED_MEMORY
# The uploaded word list a view was made with (its fingerprint; ui/wordlist.py writes and checks
# it): after a server restart the URL is the one thing that still knows which data the tab used.
DATA = Control("data", "text", "", pattern="[0-9a-f]{16}")


def shared_params() -> dict[str, str]:
    """The shared settings not at their default, as query params: for links to other pages
    (the menu, the home cards), since a page switch starts from an empty URL. This session's
    own links: the teacher's token is among them, so they are never shown as a link to share."""
    return {c.key: c.to_url(v)[0] for c in REMEMBERED if not c.is_default(v := value_of(c))}


def remember(c: Control, value: Any) -> None:
    """Set a shared setting that has no widget (the class's room code, the teacher's token):
    in the URL and in the session's memory, so it survives page switches."""
    _sync(c, value)


# -- reading the URL ---------------------------------------------------------------------------
def read_url(controls: Sequence[Control], page: bool = True) -> list[str]:
    """Validate the URL before the page's widgets are drawn; the notices to show.

    A bad value is dropped from the URL with a notice naming it (its widget then starts from
    the default); unknown params are dropped with one notice listing them. Valid values stay:
    each widget starts from its URL value (see `initial`). With `page`, the controls are
    recorded for the view link and export file names.
    """
    from ui.text import t  # late import: text depends on the language read here

    if page:
        st.session_state[VIEW_CONTROLS] = tuple(controls)
    notices, unknown = [], []
    by_key = {c.key: c for c in (*controls, *REMEMBERED, DATA)}
    for key in list(st.query_params.keys()):
        c = by_key.get(key)
        if c is None:
            unknown.append(key)
            del st.query_params[key]
            continue
        raw = st.query_params.get_all(key)
        try:
            c.parse(raw)
        except (ValueError, TypeError, OverflowError):
            notices.append(t("common.notice.bad_param", key=safe_text(key), value=safe_text(",".join(raw))))
            del st.query_params[key]
    if unknown:
        notices.append(
            t("common.notice.unknown_param", key=safe_text(unknown[0]))
            if len(unknown) == 1
            else t("common.notice.unknown_params", n=len(unknown), keys=_some_keys(unknown))
        )
    return notices


def _some_keys(keys: Sequence[str]) -> str:
    """The first keys as code spans, then how many more (a link may hold a thousand)."""
    shown = [f"`{safe_text(k, 20)}`" for k in keys[:MAX_NOTICE_KEYS]]
    if len(keys) > MAX_NOTICE_KEYS:
        from ui.text import t

        shown.append(t("common.notice.more", n=len(keys) - MAX_NOTICE_KEYS))
    return ", ".join(shown)


def show_notices(notices: Sequence[str]) -> None:
    for n in notices:
        st.warning(n, icon="⚠️")


def initial(c: Control) -> Any:
    """The value a widget starts from when it has no state yet: the URL's, else (a shared
    setting) what the session last had, else the default.

    It is passed as the widget's default (`value=`, `index=`), never written into session
    state: a widget's own state wins over it. That matters when a session reconnects to a
    restarted or another replica: the browser sends the widgets' states with its first rerun,
    and the URL it still shows may be one change behind them.
    """
    if c.key in st.query_params:
        try:
            return c.parse(st.query_params.get_all(c.key))
        except (ValueError, TypeError, OverflowError):
            pass
    if c in REMEMBERED:
        return st.session_state.get(SHARED_MEMORY, {}).get(c.key, c.default)
    return list(c.default) if c.kind == "multi" else c.default


def _sync(c: Control, value: V) -> V:
    """Write a control's value into the URL (a default is left out: links stay short)."""
    want = [] if c.is_default(value) else c.to_url(value)
    if st.query_params.get_all(c.key) != want:
        if want:
            st.query_params[c.key] = want if c.kind == "multi" else want[0]
        else:
            del st.query_params[c.key]
    if c in REMEMBERED:
        st.session_state.setdefault(SHARED_MEMORY, {})[c.key] = value
    return value


def value_of(c: Control) -> Any:
    """A control's value in this run before its widget is drawn (a lesson call at the top of
    a page needs a slider drawn further down): the widget's state, the URL's, or the default."""
    v = st.session_state.get(c.key)
    return v if v is not None and c.valid(v) else initial(c)


def refresh_choices() -> None:
    """After a language change (the picker's callback): hand every choice widget its value
    again. The browser keeps a select's *shown* text and sends it back on the next rerun; once
    the labels are in the new language that text matches no option and Streamlit falls back
    to the first one. Set anew, the value goes back to the browser in the new language."""
    for c in st.session_state.get(VIEW_CONTROLS, ()):
        if c.kind in ("choice", "multi") and c.key in st.session_state:
            v = st.session_state[c.key]
            st.session_state[c.key] = list(v) if c.kind == "multi" else v


def set_value(c: Control, value: Any) -> None:
    """For button callbacks (presets): the widget shows `value` on the next run, and the URL follows."""
    st.session_state[c.key] = list(value) if c.kind == "multi" else value


# -- widgets -----------------------------------------------------------------------------------
def slider(
    c: Control,
    label: str,
    step: float,
    help: str | None = None,
    fmt: str | None = None,
    where: Where = st,
    **kw: Any,
) -> Any:
    lo, hi = c.bounds()
    if c.kind != "float":
        lo, hi = int(lo), int(hi)
    return _sync(
        c,
        where.slider(
            label, min_value=lo, max_value=hi, value=initial(c), step=step, key=c.key, help=help, format=fmt, **kw
        ),
    )


def select(
    c: Control,
    label: str,
    format_func: Callable[[str], str] = str,
    help: str | None = None,
    where: Where = st,
    **kw: Any,
) -> Any:
    return _sync(
        c,
        where.selectbox(
            label, c.options, index=c.options.index(initial(c)), key=c.key, format_func=format_func, help=help, **kw
        ),
    )


def select_slider(
    c: Control,
    label: str,
    format_func: Callable[[str], str] = str,
    help: str | None = None,
    where: Where = st,
    **kw: Any,
) -> Any:
    return _sync(
        c,
        where.select_slider(
            label, options=c.options, value=initial(c), key=c.key, format_func=format_func, help=help, **kw
        ),
    )


def segmented(
    c: Control,
    label: str,
    format_func: Callable[[str], str] = str,
    help: str | None = None,
    where: Where = st,
    **kw: Any,
) -> Any:
    value = where.segmented_control(
        label, c.options, default=initial(c), key=c.key, format_func=format_func, help=help, required=True, **kw
    )
    return _sync(c, c.default if value is None else value)


def multiselect(
    c: Control,
    label: str,
    format_func: Callable[[str], str] = str,
    help: str | None = None,
    where: Where = st,
    **kw: Any,
) -> list[str]:
    return _sync(
        c,
        where.multiselect(
            label,
            c.options,
            default=initial(c),
            key=c.key,
            format_func=format_func,
            help=help,
            max_selections=c.max_items,
            **{"wrap": True, **kw},  # chosen tags wrap to new lines: on a phone a row scrolled sideways
        ),
    )


def toggle(c: Control, label: str, help: str | None = None, where: Where = st, **kw: Any) -> bool:
    on: bool = where.toggle(label, value=bool(initial(c)), key=c.key, help=help, **kw)
    return _sync(c, on)


def activation_control(
    key: str,
    default: str | Sequence[str],
    multi: bool = False,
    exclude: tuple[str, ...] = (),
    max_items: int | None = None,
) -> Control:
    """A selector over the activation registry: keys in the URL (``relu``); the display names
    of older links (``ReLU``) still work."""
    from core.activations import REGISTRY

    keys = tuple(k for k in REGISTRY if k not in exclude)
    return Control(
        key,
        "multi" if multi else "choice",
        tuple(default) if multi else default,
        options=keys,
        max_items=max_items,
        aliases={REGISTRY[k].name: k for k in keys},
    )


# -- the view as a value -----------------------------------------------------------------------
def view_params(extra: Sequence[Control] = ()) -> list[tuple[str, str]]:
    """(key, URL value) of every recorded control that is not at its default: its widget's
    state, or for a widget further down the page not drawn yet in this run, its start value."""
    params: list[tuple[str, str]] = []
    for c in (*st.session_state.get(VIEW_CONTROLS, ()), *extra):
        value = value_of(c)
        if value is None or not c.valid(value) or c.is_default(value):
            continue
        params.extend((c.key, v) for v in c.to_url(value))
    return params
