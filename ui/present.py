"""Presenter mode: the page as a projector wants it, and the link that reproduces a view.

Presenter mode (a sidebar toggle, `present=true` in the URL) tucks every control block into a
closed expander, drops the long explanations, stacks side-by-side charts so each gets the full
width, and draws charts taller with larger type. Controls are folded away rather than removed:
a widget that is not rendered loses its state, so the view would change under the class's eyes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui import state as S
from ui.text import t

PRESENT = S.PRESENT
SCALE = 1.5  # chart height multiplier when presenting
FONT = {"label": 16, "title": 18, "chart_title": 22, "mark": 16}  # font sizes (px) when presenting
TEXT_SCALE = 1.5  # for sizes a chart sets itself: about what the axes grow by (10-11 px -> 16)
GROWS = {"fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize", "labelLimit", "titleLimit"}
OFFSETS = {"dx", "dy"}  # a text mark's distance from what it labels grows with its type
LEGEND_LIMITS = {"labelLimit": 320, "titleLimit": 480}  # px: Vega's 160/180 cut larger type ("attiva (il gr...")
NOT_SPEC = {"data", "datasets", "locale"}  # data and the number locale: nothing to scale


def presenting() -> bool:
    """Is this session in presenter mode? (the sidebar toggle, seeded from the URL)"""
    return bool(S.value_of(PRESENT))


def toggle() -> None:
    """The sidebar switch (bound to `present` in the URL). Call before any page content."""
    S.toggle(PRESENT, t("common.present.toggle"), help=t("common.present.help"), where=st.sidebar)
    if presenting():
        top = st.container(horizontal=True, vertical_alignment="center")
        top.caption(t("common.present.on"))
        top.button(t("common.present.exit"), key="_present_exit", on_click=_leave, type="tertiary")


def _leave() -> None:
    st.session_state[PRESENT.key] = False


def controls_box(label: str | None = None) -> DeltaGenerator:
    """The container of a block of controls: a bordered box, or a closed expander when presenting."""
    if presenting():
        return st.expander(label or t("common.present.controls"), expanded=False, icon="⚙️")
    return st.container(border=True)


def prose(text: str) -> None:
    """A paragraph of explanation; left out when presenting (the teacher says it)."""
    if not presenting():
        st.markdown(text)


def columns(spec: int | Sequence[float], **kwargs: Any) -> list[DeltaGenerator]:
    """st.columns, or full-width containers stacked when presenting (charts stay large)."""
    n = spec if isinstance(spec, int) else len(spec)
    if presenting():
        return [st.container() for _ in range(n)]
    return st.columns(spec, **kwargs)


def enlarge(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A Vega-Lite spec for a projector: a taller plot and every piece of type larger, the
    axes and legends as well as the chart's own text (bar values, rule labels, annotations).

    Sizes a chart sets itself (a mark's fontSize, an axis's labelFontSize, a legend's
    titleLimit, a text mark's dx/dy offset from what it labels) grow by TEXT_SCALE; the rest
    get the FONT sizes through the config. Data is never walked.
    """
    out: dict[str, Any] = _grow(spec)
    config = out.setdefault("config", {})
    for part, sizes in (
        ("axis", {"labelFontSize": FONT["label"], "titleFontSize": FONT["title"]}),
        ("legend", {"labelFontSize": FONT["label"], "titleFontSize": FONT["title"], **LEGEND_LIMITS}),
        ("header", {"labelFontSize": FONT["label"], "titleFontSize": FONT["title"]}),
        ("title", {"fontSize": FONT["chart_title"], "subtitleFontSize": FONT["label"]}),
        ("text", {"fontSize": FONT["mark"]}),  # text marks without a size of their own
    ):
        config[part] = {**sizes, **config.get(part, {})}
    return out


def _grow(node: Any) -> Any:
    """A copy of a spec's JSON tree with its explicit sizes scaled (see `enlarge`)."""
    if isinstance(node, list):
        return [_grow(v) for v in node]
    if not isinstance(node, Mapping):
        return node
    text_mark = node.get("type") == "text"  # a mark dict: its dx/dy place its text
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in NOT_SPEC:
            out[key] = value
        elif _is_number(value) and (key in GROWS or (key in OFFSETS and text_mark)):
            out[key] = round(value * TEXT_SCALE, 1)
        elif key == "height" and _is_number(value):
            out[key] = int(value * SCALE)
        else:
            out[key] = _grow(value)
    return out


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def view_link() -> str:
    """The URL of this page with every control's current value: the link that reproduces the view.

    Values are the URL's stable tokens (activation keys, not names), the same in every
    language; defaults are left out so links stay short. The shared settings ride along.
    """
    params = S.view_params(extra=S.SHARED)
    base = st.context.url or ""
    return base + ("?" + urlencode(params) if params else "")


def share() -> None:
    """Under a page's controls: the "link to this view" popover with the full URL in a code block
    (it has a copy button) and, on a page that trains, "Open as notebook" next to it."""
    row = st.container(horizontal=True, gap="small")
    with row.popover(t("common.share.button"), icon="🔗"):
        st.caption(t("common.share.body"))
        st.code(view_link(), language=None, wrap_lines=True)
    notebook(row)


def notebook(where: DeltaGenerator) -> None:
    """The view as a notebook: .ipynb and .py downloads, each built only when clicked, named like
    the chart exports (page and settings). Pages without a lesson to hand over (the gallery,
    the home page) have none."""
    from ui import wordlist
    from ui.export import downloads, file_stem, page_name
    from ui.notebooks.build import SPECS, Data, build, ipynb_text, script_text
    from ui.text import current_lang

    page = str(st.session_state.get(S.PAGE_ID, ""))
    if page not in SPECS:
        return
    wl = wordlist.active()
    data = None if wl is None else Data(name=wl.name, fingerprint=wl.source, words=len(wl.words))
    params = S.view_params()
    view = (page, params, current_lang(), data, view_link())  # the view as it is now, built on click
    stem = file_stem(page_name(), "notebook", params)
    files: list[tuple[str, Callable[[], str], str]] = [
        ("ipynb", lambda: ipynb_text(build(*view)), "application/x-ipynb+json"),
        ("py", lambda: script_text(build(*view)), "text/x-python"),
    ]
    with where.popover(t("notebook.share.button"), icon="📓"):
        st.caption(t("notebook.share.body"))
        if wl is not None:
            st.caption(t("notebook.share.upload", name=S.safe_text(wl.name)))
        shown = [
            (t(f"notebook.share.{k}"), f"{stem}.{k}", make, mime, t(f"notebook.share.{k}_help"))
            for k, make, mime in files
        ]
        downloads(st.container(), shown, "notebook", width="stretch")
