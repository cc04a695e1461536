"""Drawing for the "Deep network health" page: the metrics row, the per-phase charts of sections
1-3 with their notices, and the table. Every number and verdict comes from the lesson
(core.lessons.deep_network); here its ids become translated labels and sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pandas as pd
import streamlit as st

from core.lessons.deep_network import ZOOM, DeepLesson, DeepPhase
from ui import charts_deep as C
from ui.charts_deep import gain_text, sig  # the page's number formats (a notebook's too)
from ui.export import show
from ui.layout import notice
from ui.present import columns
from ui.text import num, t

Zoom = tuple[float, float] | None
# section -> (its chart's file name, x axis title key, legend title key, its phase's zoom range)
DIST: dict[str, tuple[str, str, str, Callable[[DeepPhase], Zoom]]] = {
    "act": ("activations", "deep.act.x", "deep.act.legend", lambda ph: ph.act_zoom),
    "grad": ("gradients", "deep.grad.x", "deep.act.legend", lambda ph: ph.grad_zoom),
    "w": ("weight-gradients", "deep.w.x", "deep.w.legend", lambda ph: ph.weight_zoom),
}
FIRST_WIDTH = 1.3  # the metrics row's first column, relative to the others


def lr_text(token: str) -> str:
    """A learning-rate token of the URL ("0.1") as the student reads it ("0,1" in Italian)."""
    return num(float(token), "g")


def when(les: DeepLesson, p: str) -> str:
    """A phase id as a chart title says it: "at init", "after 1000 steps" (a run that diverged:
    "after 3 steps, before it diverged at step 4")."""
    if p == "init":
        return t("deep.at.init")
    if les.diverged_at is not None:
        return t("deep.at.before_div", n=les.n_done, step=les.diverged_at)
    return t("deep.at.after", n=les.n_done)


def _after(
    les: DeepLesson, key: str | None = None, of: Callable[[DeepPhase], dict[str, float | str]] = lambda ph: {}
) -> tuple[str | None, str]:
    """A metric's delta and its colour: the trained number (`key` filled with `of(after)`), or
    "diverged at step N" where a diverged run's number would have been (its last finite steps
    are the blow-up, no result)."""
    if les.diverged_at is not None:
        return t("deep.m.diverged", step=les.diverged_at), "red"
    after = les.phase.get("after")
    return (t(key, **of(after)) if key and after else None), "off"


def _end_of_run(value: float | None, spec: str) -> str:
    """An end-of-run number, or a dash where there is none (no step taken, or a diverged run)."""
    return t("deep.m.na") if value is None else num(value, spec)


def metrics(les: DeepLesson) -> None:
    """The five numbers at the top: at init, with "after training" (or the divergence) under them."""
    init, L, thr, na = les.phase["init"], les.n_layers, les.threshold, t("deep.m.na")
    rows = [  # (label, value, (delta, colour), help)
        (
            t("deep.m.std", L=L),
            t("deep.m.std_value", a=sig(init.std_first), b=sig(init.std_last)),  # it may explode: 2,431
            _after(les, "deep.m.std_after", lambda ph: dict(a=sig(ph.std_first), b=sig(ph.std_last))),
            t("deep.m.std_help", L=L),
        ),
        (
            t("deep.m.sat", thr=thr),
            t("deep.m.pct", v=init.sat_first) if les.sat_ok else na,
            _after(les, "deep.m.pct_after", lambda ph: dict(v=ph.sat_first)) if les.sat_ok else (None, "off"),
            t("deep.m.sat_help" if les.sat_ok else "deep.m.sat_na", thr=thr),
        ),
        (
            t("deep.m.grad", L=L),
            t("deep.m.x", v=sig(init.grad_ratio)),
            _after(les, "deep.m.x_after", lambda ph: dict(v=sig(ph.grad_ratio))),
            t("deep.m.grad_help", L=L),
        ),
        (t("deep.m.upd"), _end_of_run(les.update_tail, ".2f"), _after(les), t("deep.m.upd_help")),
        (
            t("deep.m.loss"),
            _end_of_run(les.loss_tail, ".4g"),
            _after(les),
            t("deep.m.loss_help", n=les.loss_tail_n, V=les.vocab_size, expected=les.expected_loss),
        ),
    ]
    # the first column holds two numbers ("0.41 → 0.024"): wider, so they fit at 1400 px
    for col, (label, value, (delta, colour), tip) in zip(st.columns([FIRST_WIDTH] + [1] * (len(rows) - 1)), rows):
        col.metric(label, value, delta=delta, help=tip, delta_color=colour, delta_arrow="off")  # type: ignore[arg-type]


def _draw(
    les: DeepLesson,
    p: str,
    section: str,
    hist: pd.DataFrame,
    key: str,
    labels: dict[Any, str],
    title: str,
    alt_text: str,
    buttons: bool,
) -> None:
    """One section's overlaid distributions for phase `p`; a log density axis (and why) when the
    lesson says its series differ too much in width for a linear one."""
    file, x_key, legend_key, zoom_of = DIST[section]
    dom = zoom_of(les.phase[p])
    log = les.log_density(section)
    chart = C.dist_lines(
        hist,
        key,
        labels,
        title,
        t(x_key),
        t("deep.density_log" if log else "deep.density"),
        t(legend_key),
        t("deep.share"),
        x_note=t("deep.zoomed", k=ZOOM) if dom else "",
        x_domain=dom,
        log_y=log,
    )
    show(chart, f"{file}-{p}", alt_text, buttons=buttons)
    if log:
        st.caption(t("deep.log_why", k=les.spread(section)))


def _act(les: DeepLesson, p: str, ph: DeepPhase, s: pd.DataFrame, name: str, buttons: bool = True) -> None:
    key = "deep.act.series" if les.sat_ok else "deep.act.series_nosat"
    labels = {
        i: t(key, layer=i, mean=round(r["mean"], 2) + 0.0, std=r["std"], sat=r["saturated_pct"])  # no "-0.00"
        for i, r in s.iterrows()
    }
    hist = les.layer_hist[(les.layer_hist["phase"] == p) & (les.layer_hist["kind"] == "activation")]
    alt_text = t("deep.act.alt", phase=when(les, p), a=ph.std_first, b=ph.std_last, L=les.n_layers)
    title = t("deep.act.title", name=name, phase=when(les, p))
    _draw(les, p, "act", hist, "layer", labels, title, alt_text, buttons)
    kind = ph.act_trend + ("_lin" if les.linear_only else "")  # the lecture's numbers for linear layers
    notice(
        t(f"deep.act.notice.{kind}", a=ph.std_first, b=ph.std_last, L=les.n_layers, sat=ph.sat_mean)
        + (" " + t("deep.act.notice.bn") if les.batchnorm else "")
    )


def _grad(les: DeepLesson, p: str, ph: DeepPhase, s: pd.DataFrame, name: str, buttons: bool = True) -> None:
    labels: dict[Any, str] = {i: t("deep.grad.series", layer=i, std=s.loc[i, "grad_std"]) for i in ph.live_layers}
    hist = les.layer_hist[(les.layer_hist["phase"] == p) & (les.layer_hist["kind"] == "gradient")]
    a, b, L = ph.grad_std_first, ph.grad_std_last, les.n_layers
    alt_text = t("deep.grad.alt", phase=when(les, p), a=a, b=b, L=L)
    title = t("deep.grad.title", phase=when(les, p))
    _draw(les, p, "grad", hist, "layer", labels, title, alt_text, buttons)
    notice(t(f"deep.grad.notice.{ph.grad_trend}", a=a, b=b, L=L, name=name))


def _weights(les: DeepLesson, p: str, ph: DeepPhase, s: pd.DataFrame, name: str, buttons: bool = True) -> None:
    ws = les.weight_stats[les.weight_stats["phase"] == p].set_index("param")
    labels: dict[Any, str] = {
        q: t("deep.w.series", param=q, shape=ws.loc[q, "shape"], r=ws.loc[q, "grad_data_ratio"]) for q in ph.live_params
    }
    r = dict(out=ph.out_param, r_out=ph.ratio_out, r_hid=ph.ratio_hidden)
    hist = les.weight_hist[les.weight_hist["phase"] == p]
    alt_text = t("deep.w.alt", phase=when(les, p), **r)
    title = t("deep.w.title", phase=when(les, p))
    _draw(les, p, "w", hist, "param", labels, title, alt_text, buttons)
    x = sig(ph.ratio_x)  # a ratio for a sentence: 2.3, 45, 2,930
    notice(t(f"deep.w.notice.{ph.weight_kind}", **r, x=x, name=name, lo=ph.ratio_lo, hi=ph.ratio_hi))


def update_alt(les: DeepLesson, lr: float) -> str:
    """The update:data chart's alt text: where the hidden weights end, or why there is no end."""
    if les.diverged_at is not None:
        return t("deep.upd.alt_diverged", n=les.n_done, step=les.diverged_at)
    if les.update_tail is None:
        return t("deep.upd.alt_no_hidden", lr=lr)
    return t("deep.upd.alt", v=les.update_tail, lr=lr)


def update_notice(les: DeepLesson, lr: float) -> None:
    """What to notice under the update:data chart: its zone at the end of the run, or the divergence."""
    if les.diverged_at is not None:
        last = les.n_done - 1
        notice(t("deep.upd.notice.diverged", step=les.diverged_at, last=last, lr=lr, rec=les.recommended_gain))
    elif les.update_tail is not None and les.update_zone:
        v = les.update_tail
        notice(t(f"deep.upd.notice.{les.update_zone}", v=v, lr=lr, ratio=10**v))


SECTIONS = {"act": _act, "grad": _grad, "w": _weights}  # sections 1-3: one chart per phase


def per_phase(les: DeepLesson, section: str, shown: tuple[str, ...], name: str, buttons: bool = True) -> None:
    """One section's chart and notice per shown phase: side by side for both (no download
    buttons with `buttons=False`: the preview at init)."""
    for col, p in zip(columns(len(shown)) if len(shown) > 1 else [st.container()], shown):
        with col:
            s = les.layer_stats[les.layer_stats["phase"] == p].set_index("layer")
            SECTIONS[section](les, p, les.phase[p], s, name, buttons)


def profile_labels(les: DeepLesson) -> dict[str, str]:
    """Gain label ("5/3") -> its legend entry ("gain 5/3 (yours) ★")."""
    return {
        cast(str, r.label): t("deep.prop.series", gain=gain_text(cast(str, r.label)))  # itertuples' fields are untyped
        + (t("deep.prop.yours") if r.yours else "")
        + (t("deep.prop.rec") if r.recommended else "")
        for r in les.profile.drop_duplicates("label").itertuples()
    }


def table(les: DeepLesson) -> None:
    """The numbers behind the charts, in an expander."""
    with st.expander(t("deep.table.title")):
        cols = {
            "phase": t("deep.table.phase"),
            "layer": t("deep.table.layer"),
            "mean": t("deep.table.mean"),
            "std": t("deep.table.std"),
            "saturated_pct": t("deep.table.sat", thr=les.threshold),
            "grad_std": t("deep.table.grad_std"),
        }
        stats = les.layer_stats
        st.dataframe(
            stats.assign(phase=[when(les, p) for p in stats["phase"]])[list(cols)].rename(columns=cols),
            hide_index=True,
            width="stretch",
        )
