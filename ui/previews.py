"""What a training page draws at once while its training waits: the same view at init.

A view after N steps can wait for the trainer (queued behind other students' runs). What
needs no training, the student's own setting at step 0, is computed in the session's own
thread in a fraction of a second (cache.INLINE_STEPS) and drawn with a word of what is
still coming; the trained view replaces it when it is ready. A page passes the preview to
``cache.compute(preview=...)``, which starts it only if the training is not stored already.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from core.lessons.dead_neurons import dead
from core.lessons.deep_network import deep
from core.lessons.tanh_saturation import saturation
from ui import cache
from ui import charts as C
from ui import charts_dead as CD
from ui import charts_saturation as CS
from ui import deep_view as V
from ui.export import show
from ui.text import act_name, t


class Preview:
    """A slot on the page for the view at init; `start()` draws it (and returns where the
    progress bar goes: on top of it), `clear()` removes it once the trained view is drawn."""

    def __init__(self, draw: Callable[[], None], steps: int):
        self._slot = st.empty()
        self._draw, self._steps = draw, steps

    def start(self) -> DeltaGenerator:
        box = self._slot.container(border=True)
        bar = box.empty()
        with box:
            st.info(t("common.preview", steps=self._steps), icon="⏳")
            self._draw()
        return bar

    def clear(self) -> None:
        self._slot.empty()


def _now() -> Any:
    return cache.compute(bar=False)  # steps 0: inline, never queued


def saturation_at_init(act: str, w1: float, b1: float, thr: float, steps: int) -> Preview:
    def draw() -> None:
        les = saturation(act, w1, b1, thr, 0, data=cache.dataset(), compute=_now())
        if les.summary is None:
            return
        on = t(f"saturation.state.on.{les.kind}", thr=thr, frac=les.slope_fraction)
        chart = CS.state_hist(
            les.hist_of("h"),
            t("saturation.hist.h.title"),
            t("saturation.hist.h.x"),
            rules=les.h_rules,
            rule_label=t("saturation.hist.h.rule", thr=thr),
            y_title=t("saturation.hist.y"),
            state_title=t("saturation.state.title"),
            on_label=on,
            off_label=t("saturation.state.off"),
            from_title=t("saturation.hist.from"),
            to_title=t("saturation.hist.to"),
        )
        show(chart, "preview-h", t("saturation.hist.h.alt", pct=les.summary.pct_inactive), buttons=False)
        heat = C.binary_map(
            les.yours[["example", "neuron", "h", "inactive"]],
            t("saturation.map.title", white=on),
            t("saturation.map.x"),
            t("saturation.map.y"),
            on_label=on,
            off_label=t("saturation.state.off"),
            height=200,
        )
        show(
            heat,
            "preview-map",
            t("saturation.map.alt", pct=les.summary.pct_inactive, dead=les.summary.dead_neurons),
            buttons=False,
        )

    return Preview(draw, steps)


def dead_at_init(acts: Sequence[str], lr: float, w1: float, b1: float, steps: int, bn: bool) -> Preview:
    def draw() -> None:
        les = dead(tuple(acts), lr, w1, b1, 0, bn, data=cache.dataset(), compute=_now())
        dead0 = dict(zip(les.table["activation"], les.table["dead_start"]))
        rows = {k: t("dead.map.row", name=act_name(k), dead=int(dead0[k])) for k in les.activations}
        chart = CD.dead_map(
            les.final_map,
            rows,
            (t("dead.map.dead"), t("dead.map.alive")),
            t("dead.map.title", step=0),
            t("dead.map.subtitle", n=les.act_examples),
            t("dead.map.x"),
            t("dead.map.y"),
            t("dead.map.frac"),
            t("dead.map.state"),
        )
        show(chart, "preview-map", t("dead.map.alt", h=les.n_hidden, summary=", ".join(rows.values())), buttons=False)

    return Preview(draw, steps)


def deep_at_init(act: str, lin: bool, bn: bool, gain: float, lr: float, steps: int, name: str) -> Preview:
    def draw() -> None:
        les = deep(act, lin, bn, gain, lr, 0, False, data=cache.dataset(), compute=_now())
        if "init" in les.phases:
            V.per_phase(les, "act", ("init",), name, buttons=False)

    return Preview(draw, steps)
