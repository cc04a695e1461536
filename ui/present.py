"""Presenter mode: the page as a projector wants it, and the link that reproduces a view.

Presenter mode (a sidebar toggle, `present=true` in the URL) tucks every control block into a
closed expander, drops the long explanations, stacks side-by-side charts so each gets the full
width, and draws charts taller with larger type. Controls are folded away rather than removed:
a widget that is not rendered loses its state, so the view would change under the class's eyes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui import state as S
from ui.text import t

PRESENT = S.PRESENT
SCALE = 1.5  # chart height multiplier when presenting
FONT = {"label": 16, "title": 18, "chart_title": 22}  # font sizes (px) when presenting


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
    """A Vega-Lite spec with larger type and, when it sets a numeric height, a taller plot."""
    out = dict(spec)
    height = out.get("height")
    if isinstance(height, (int, float)) and not isinstance(height, bool):
        out["height"] = int(height * SCALE)
    config = dict(out.get("config", {}))
    for part, sizes in (
        ("axis", {"labelFontSize": FONT["label"], "titleFontSize": FONT["title"]}),
        ("legend", {"labelFontSize": FONT["label"], "titleFontSize": FONT["title"]}),
        ("title", {"fontSize": FONT["chart_title"]}),
    ):
        config[part] = {**config.get(part, {}), **sizes}
    out["config"] = config
    return out


def view_link() -> str:
    """The URL of this page with every control's current value: the link that reproduces the view.

    Values are the URL's stable tokens (activation keys, not names), the same in every
    language; defaults are left out so links stay short. The shared settings ride along.
    """
    params = S.view_params(extra=S.SHARED)
    base = st.context.url or ""
    return base + ("?" + urlencode(params) if params else "")


def share() -> None:
    """A "link to this view" popover with the full URL in a code block (it has a copy button)."""
    with st.popover(t("common.share.button"), icon="🔗"):
        st.caption(t("common.share.body"))
        st.code(view_link(), language=None, wrap_lines=True)
