"""Every control of a page lives in the URL: specs, validation, and bound widgets.

A page declares its controls once as a tuple of `Control`s. `read_url(controls)` runs before
any widget: it checks the page's query params, shows a notice for each bad one and drops it,
so the widget falls back to its default. The widget helpers below then bind each control to
its query param (Streamlit's `bind="query-params"`), so the URL always carries the state.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Sequence

import streamlit as st

# Params read outside the page controls (sidebar settings shared by every page).
GLOBAL_KEYS = ("lang", "present", "predict", "embed", "embed_options")


@dataclass(frozen=True)
class Control:
    """One URL-backed control: key (the query param), its kind, default and allowed values."""

    key: str
    kind: str  # "float" | "int" | "bool" | "choice" | "multi"
    default: Any
    min: float | None = None
    max: float | None = None
    options: tuple[str, ...] = ()
    max_items: int | None = None  # for "multi"
    # Shown names of the options. A bound select/multiselect writes the *shown* name into the
    # URL, so these must not depend on the language (activation names are the same in all).
    labels: tuple[str, ...] = ()
    # Text keys of translated options (in option order): when the language changes, the bound
    # widget's value moves to the same option in the new language (see translate_choices).
    option_keys: tuple[str, ...] = ()

    def label_of(self, option: str) -> str:
        return self.labels[self.options.index(option)] if self.labels else str(option)

    def _url_values(self) -> tuple[str, ...]:
        return self.labels or self.options

    def to_url(self, value: Any) -> list[str]:
        """The URL strings of a value: the inverse of `parse` (a list: "multi" repeats the key)."""
        if self.kind == "multi":
            return [self.label_of(v) for v in value]
        if self.kind == "choice":
            return [self.label_of(value)]
        if self.kind == "bool":
            return ["true" if value else "false"]
        if self.kind == "int":
            return [str(int(value))]
        return [format(float(value), "g")]

    def parse(self, raw: list[str]) -> Any:
        """The value a list of URL strings stands for; raises ValueError when it is invalid."""
        if self.kind == "multi":
            if raw == [""]:
                return []  # Streamlit writes a cleared multiselect as `key=`
            if not raw or any(v not in self._url_values() for v in raw):
                raise ValueError
            if len(set(raw)) != len(raw) or (self.max_items and len(raw) > self.max_items):
                raise ValueError
            return [self.options[self._url_values().index(v)] for v in raw]
        if len(raw) != 1:
            raise ValueError  # repeated keys for a single value
        v = raw[0]
        if self.kind == "choice":
            if v not in self._url_values():
                raise ValueError
            return self.options[self._url_values().index(v)]
        if self.kind == "bool":
            if v.lower() not in ("true", "false"):
                raise ValueError
            return v.lower() == "true"
        num = float(v)  # ValueError on junk
        if not math.isfinite(num) or not (self.min <= num <= self.max):
            raise ValueError
        if self.kind == "int":
            if num != int(num):
                raise ValueError
            return int(num)
        return num


def safe_text(value: object, limit: int = 40) -> str:
    """User text made harmless for a markdown notice: short, no markup characters."""
    s = re.sub(r"[^\w .,:+\-=]", "?", str(value))
    return s[:limit] + ("..." if len(s) > limit else "")


VIEW_CONTROLS = "_view_controls"  # session key: the controls of the page being run


def read_url(controls: Sequence[Control], all_keys: Sequence[str] = (), page: bool = True) -> list[str]:
    """Validate this page's query params before its widgets bind them.

    Bad values and unknown keys are removed from the URL (so widgets use their defaults) and
    returned as notices; the page shows them with `show_notices`. `all_keys` are params of
    other pages that may linger in the URL after a page switch; they are left alone.
    With `page` (the page's own controls), the controls are also recorded for this run, so the
    share link and the export file names can spell out the view (see `view_params`).
    """
    from ui.text import t  # late import: text depends on the language in the URL

    if page:
        st.session_state[VIEW_CONTROLS] = tuple(controls)
    notices = []
    by_key = {c.key: c for c in controls}
    for key in list(st.query_params.keys()):
        raw = st.query_params.get_all(key)
        if key in by_key:
            if _widget_holds(by_key[key]):
                continue  # the bound widget owns the param; the server's copy of the URL may lag it
            try:
                by_key[key].parse(raw)
            except (ValueError, TypeError, OverflowError):
                notices.append(t("common.notice.bad_param", key=safe_text(key), value=safe_text(",".join(raw))))
                _drop(key)
        elif key not in GLOBAL_KEYS and key not in all_keys:
            notices.append(t("common.notice.unknown_param", key=safe_text(key)))
            _drop(key)
    return notices


def _widget_holds(c: Control) -> bool:
    """Has this session's widget for `c` a valid value? (e.g. after translate_choices moved a
    choice to the new language, while the URL the server saw still has the old label)."""
    if c.key not in st.session_state:
        return False
    try:
        c.parse(c.to_url(st.session_state[c.key]))
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def view_params(extra: Sequence[Control] = ()) -> list[tuple[str, str]]:
    """(key, URL value) of every recorded control that is not at its default, from the widgets'
    state (the server's copy of the URL is not refreshed when a bound widget changes)."""
    params: list[tuple[str, str]] = []
    for c in (*st.session_state.get(VIEW_CONTROLS, ()), *extra):
        value = st.session_state.get(c.key)
        if value is None and c.key in st.query_params:  # a widget further down, not drawn yet
            try:
                value = c.parse(st.query_params.get_all(c.key))
            except (ValueError, TypeError, OverflowError):
                continue
        if value is None or _is_default(c, value):
            continue
        params.extend((c.key, v) for v in c.to_url(value))
    return params


def _is_default(c: Control, value: Any) -> bool:
    if c.kind == "multi":
        return list(value) == list(c.default)
    if c.kind == "float":
        return abs(float(value) - float(c.default)) < 1e-9
    return value == c.default


def _drop(key: str) -> None:
    """Remove a param from the URL and from what bound widgets seed themselves with.

    Deleting from st.query_params alone is not enough: a bound widget seeds from the query
    string as it was when the page loaded, so `s_n=2.5` would still reach an int slider as 2
    while we said "default". Streamlit (pinned at 1.67) has no public call for that, hence
    the private attribute; if it ever moves, the widget's own validation still applies.
    """
    try:
        del st.query_params[key]
    except Exception:  # a param already bound to a widget is owned by it; it drops bad values itself
        return
    try:
        from streamlit.runtime.state.session_state_proxy import get_session_state

        with get_session_state().query_params() as qp:
            qp._initial_query_params.pop(key, None)
    except Exception:
        pass


def show_notices(notices: Sequence[str]) -> None:
    for n in notices:
        st.warning(n, icon="⚠️")


# -- bound widgets -------------------------------------------------------------------------
def slider(c: Control, label: str, step: float, help: str | None = None, fmt: str | None = None, where=st):
    return where.slider(label, min_value=c.min if c.kind == "float" else int(c.min),
                        max_value=c.max if c.kind == "float" else int(c.max),
                        value=c.default, step=step, key=c.key, bind="query-params", help=help, format=fmt)


def select(c: Control, label: str, help: str | None = None, where=st, disabled: bool = False):
    """A bound selectbox; it shows (and writes into the URL) c.labels when given."""
    return where.selectbox(label, c.options, index=c.options.index(c.default), key=c.key,
                           bind="query-params", format_func=c.label_of, help=help, disabled=disabled)


def multiselect(c: Control, label: str, help: str | None = None, where=st):
    return where.multiselect(label, c.options, default=list(c.default), key=c.key, bind="query-params",
                             format_func=c.label_of, help=help, max_selections=c.max_items)


def activation_control(key: str, default, multi: bool = False, exclude: tuple[str, ...] = (),
                       max_items: int | None = None) -> Control:
    """A selector over the activation registry: keys inside, display names on screen and in the URL."""
    from core.activations import REGISTRY

    keys = tuple(k for k in REGISTRY if k not in exclude)
    return Control(key, "multi" if multi else "choice", default, options=keys,
                   labels=tuple(REGISTRY[k].name for k in keys), max_items=max_items)


def global_toggle(c: Control, label: str, help: str) -> None:
    """A sidebar switch for a setting every page shares (e.g. `present`): its URL value is
    validated like a page control's, then bound."""
    show_notices(read_url((c,), all_keys=tuple(st.query_params.keys()), page=False))
    toggle(c, label, help=help, where=st.sidebar)


def toggle(c: Control, label: str, help: str | None = None, where=st):
    return where.toggle(label, value=bool(c.default), key=c.key, bind="query-params", help=help)


# -- settings that follow the student from page to page ---------------------------------------
_SWITCHES = "_switches_on"  # {"present": bool, "predict": bool}, as last seen


def carry_shared_settings() -> None:
    """Put the shared settings (language, presenter mode, predict first) back into the URL when
    a page switch has dropped them: Streamlit clears the query params when the sidebar menu or
    a page link switches page, which would drop a student back to English mid-lesson.

    Called by page_setup on every run, before the sidebar. A link's own value wins. The
    language is remembered by ui.text (the URL's, or the picker's choice); a switch by its
    widget's state (the server's copy of the URL lags a bound widget), or by the URL on a page
    without the switch.
    """
    from ui.text import CHOSEN_LANG, DEFAULT_LANG, LANGUAGES

    lang = st.query_params.get("lang")
    if lang in LANGUAGES:
        st.session_state[CHOSEN_LANG] = lang
    elif lang is None and st.session_state.get(CHOSEN_LANG, DEFAULT_LANG) != DEFAULT_LANG:
        st.query_params["lang"] = st.session_state[CHOSEN_LANG]
    on = st.session_state.setdefault(_SWITCHES, {})
    for key in ("present", "predict"):  # ui/present.PRESENT, ui/predict.PREDICT
        widget = st.session_state.get(key)
        if isinstance(widget, bool):
            on[key] = widget
        elif key in st.query_params:
            on[key] = st.query_params[key] == "true"
        if on.get(key) and widget is None:  # not drawn since the switch: its bound widget would
            st.session_state[key] = True  # read the emptied URL (and it writes the URL itself)


def shared_params() -> dict[str, str]:
    """The shared settings as query params, for links to other pages (the menu, the home
    cards): a page switch starts from an empty URL, so a link carries them itself."""
    from ui.text import DEFAULT_LANG, current_lang

    lang = current_lang()
    params = {} if lang == DEFAULT_LANG else {"lang": lang}
    for key, on in st.session_state.get(_SWITCHES, {}).items():
        if on:
            params[key] = "true"
    return params


def translate_choices(old_lang: str, new_lang: str) -> None:
    """Move the page's translated choices (Control.option_keys) to the same option in the new
    language. For the language picker's callback: a bound widget keeps its shown label, which
    the next run, in the new language, would reject as a bad link value."""
    from ui.text import catalogue

    old, new = catalogue(old_lang), catalogue(new_lang)
    for c in st.session_state.get(VIEW_CONTROLS, ()):
        value = st.session_state.get(c.key)
        shown = [old.get(k) for k in c.option_keys]
        if value in shown:
            st.session_state[c.key] = new.get(c.option_keys[shown.index(value)])
