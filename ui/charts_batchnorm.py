"""Charts of the BatchNorm page: tidy DataFrame in, alt.Chart out. No Streamlit here.

Each builder takes the lesson's frames with their ids ("before" / "after", "b1" / "bnbias",
batch sizes, gains) and `labels`: id -> the series label the page made in the student's
language; titles and axis titles come translated too. Rows whose id has no label are not drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from core.lessons.deep_network import GUIDE  # the lecture's log10 update:data ratio (-3)
from ui.charts import as_layer, dash_scale, variant_scale, wrap_title

FIT_X = alt.AutoSizeParams(type="fit-x", contains="padding")  # `height` is the plot's own height
TIP = ".3~g"  # tooltips: 3 significant digits


def _legend(title: str, lines: bool = False) -> alt.Legend:
    """`lines`: symbols drawn as strokes, so a legend shows each series' dash."""
    return alt.Legend(
        title=title,
        orient="bottom",
        direction="vertical",
        labelLimit=0,
        symbolStrokeWidth=3,
        symbolType="stroke" if lines else alt.Undefined,
    )


def _series(df: pd.DataFrame, key: str, labels: Mapping[Any, str]) -> tuple[pd.DataFrame, list[str]]:
    """The rows of `df` whose `key` has a label, with it as `series`; the labels in `labels`' order."""
    d = df[df[key].isin(list(labels))]
    return d.assign(series=d[key].map(labels)), [labels[k] for k in labels if k in set(d[key])]


def pre_hist(
    hist: pd.DataFrame,
    labels: Mapping[str, str],
    gauss_label: str,
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    height: int = 260,
) -> alt.Chart:
    """Share of the pre-activations per bin, one line per `where` (before / after BN), and a unit
    Gaussian's share of the same bins dotted. `hist`: one phase of the lesson's `hist`."""
    d, domain = _series(hist, "where", labels)
    ref = hist.drop_duplicates(["bin_start"]).assign(series=gauss_label, fraction=lambda h: h["gauss"])
    d = pd.concat([d, ref], ignore_index=True).assign(x=lambda f: (f["bin_start"] + f["bin_end"]) / 2)
    domain = [*domain, gauss_label]
    chart: alt.Chart = (  # mark_* is untyped in Altair (use_signature): Any
        alt.Chart(d, title=wrap_title(title), height=height)
        .mark_line(strokeWidth=2, interpolate="monotone")
        .encode(
            x=alt.X("x:Q", title=x_title, axis=alt.Axis(tickCount=8)),
            y=alt.Y("fraction:Q", title=y_title, axis=alt.Axis(format="%")),
            color=alt.Color("series:N", scale=variant_scale(domain), legend=_legend(legend_title)),
            strokeDash=alt.StrokeDash("series:N", scale=_dashes(domain, dotted_last=True), legend=None),
            tooltip=[
                alt.Tooltip("series:N", title=legend_title),
                alt.Tooltip("x:Q", title=x_title, format=TIP),
                alt.Tooltip("fraction:Q", title=y_title, format=".2%"),
            ],
        )
        .properties(autosize=FIT_X)
    )
    return chart


def _dashes(domain: Sequence[str], dotted_last: bool = False) -> alt.Scale:
    """Solid lines, the last one dotted (a reference curve), or each series' own dash."""
    if not dotted_last:
        return dash_scale(domain)
    return alt.Scale(domain=list(domain), range=[[1, 0]] * (len(domain) - 1) + [[2, 3]])


def neuron_stats(
    stats: pd.DataFrame,
    labels: Mapping[str, str],
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    height: int = 260,
) -> alt.Chart:
    """Each neuron's batch mean (x) and std (y), before and after BN. `stats`: one phase of
    the probe's neuron_stats (neuron, before_mean, before_std, after_mean, after_std)."""
    long = pd.concat(
        [
            stats[["neuron", f"{w}_mean", f"{w}_std"]]
            .rename(columns={f"{w}_mean": "mean", f"{w}_std": "std"})
            .assign(where=w)
            for w in labels
        ],
        ignore_index=True,
    )
    d, domain = _series(long, "where", labels)
    chart: alt.Chart = (
        alt.Chart(d, title=wrap_title(title), height=height)
        .mark_point(filled=True, size=36, opacity=0.7)
        .encode(
            x=alt.X("mean:Q", title=x_title),
            y=alt.Y("std:Q", title=y_title, scale=alt.Scale(zero=True)),
            color=alt.Color("series:N", scale=variant_scale(domain), legend=_legend(legend_title)),
            shape=alt.Shape("series:N", scale=alt.Scale(domain=domain), legend=None),
            tooltip=[
                alt.Tooltip("series:N", title=legend_title),
                alt.Tooltip("neuron:Q"),
                alt.Tooltip("mean:Q", title=x_title, format=TIP),
                alt.Tooltip("std:Q", title=y_title, format=TIP),
            ],
        )
        .properties(autosize=FIT_X)
    )
    return chart


def _size_axis(sizes: Sequence[int], title: str) -> alt.X:
    return alt.X(
        "batch_size:Q",
        title=title,
        scale=alt.Scale(type="log", base=2, domain=[min(sizes), max(sizes)], nice=False),
        axis=alt.Axis(values=list(sizes), format="d"),
    )


def jitter_draws(
    jitter: pd.DataFrame,
    chosen: int,
    labels: tuple[str, str],
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    height: int = 280,
) -> alt.Chart:
    """The fixed example's loss in each random batch (one dot per draw) against the batch size;
    the `chosen` size's dots in the first colour. `labels`: (chosen size, other sizes)."""
    d = jitter.assign(series=np.where(jitter["batch_size"] == chosen, labels[0], labels[1]))
    sizes = sorted(set(int(s) for s in jitter["batch_size"]))
    chart: alt.Chart = (
        alt.Chart(d, title=wrap_title(title), height=height)
        .mark_circle(size=40, opacity=0.55)
        .encode(
            x=_size_axis(sizes, x_title),
            y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(zero=False)),
            color=alt.Color(
                "series:N",
                scale=alt.Scale(domain=list(labels), range=[variant_scale(labels).range[0], "#adb5bd"]),
                legend=_legend(legend_title),
            ),
            tooltip=[
                alt.Tooltip("batch_size:Q", title=x_title),
                alt.Tooltip("draw:Q"),
                alt.Tooltip("loss:Q", title=y_title, format=TIP),
            ],
        )
        .properties(autosize=FIT_X)
    )
    return chart


def jitter_spread(
    summary: pd.DataFrame,
    labels: Mapping[str, str],
    chosen: int,
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    chosen_label: str,
    height: int = 280,
) -> alt.LayerChart:
    """The spread over the draws against the batch size, one line per measure (`labels`:
    loss_std / out_std -> label), with a rule at the `chosen` size."""
    long = summary.melt(id_vars=["batch_size"], value_vars=list(labels), var_name="measure", value_name="spread")
    d, domain = _series(long, "measure", labels)
    sizes = sorted(set(int(s) for s in summary["batch_size"]))
    lines = (
        alt.Chart(d)
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=_size_axis(sizes, x_title),
            y=alt.Y("spread:Q", title=y_title, scale=alt.Scale(zero=True)),
            color=alt.Color("series:N", scale=variant_scale(domain), legend=_legend(legend_title)),
            tooltip=[
                alt.Tooltip("series:N", title=legend_title),
                alt.Tooltip("batch_size:Q", title=x_title),
                alt.Tooltip("spread:Q", title=y_title, format=TIP),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"batch_size": [chosen], "label": [chosen_label]}))
        .mark_rule(color="#343a40", strokeDash=[4, 3])
        .encode(x=_size_axis(sizes, x_title), tooltip=[alt.Tooltip("label:N", title=x_title)])
    )
    return as_layer(alt.layer(rule, lines, title=wrap_title(title), height=height)).properties(autosize=FIT_X)


def running_stats(
    running: pd.DataFrame,
    stat: str,
    neuron_label: str,
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    calibrated_title: str,
    height: int = 260,
) -> alt.LayerChart:
    """The tracked neurons' running `stat` ("mean" | "std") over the steps (solid), each with its
    calibrated value as a dashed rule in the same colour. `neuron_label`: "neuron {n}"."""
    d = running[running["stat"] == stat]
    d = d.assign(series=[neuron_label.format(n=int(n)) for n in d["neuron"]])
    domain = list(dict.fromkeys(d["series"]))
    colour = alt.Color("series:N", scale=variant_scale(domain), legend=_legend(legend_title))
    lines = (
        alt.Chart(d)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("step:Q", title=x_title),
            y=alt.Y("running:Q", title=y_title, scale=alt.Scale(zero=False)),
            color=colour,
            tooltip=[
                alt.Tooltip("series:N", title=legend_title),
                alt.Tooltip("step:Q", title=x_title),
                alt.Tooltip("running:Q", title=y_title, format=TIP),
                alt.Tooltip("calibrated:Q", title=calibrated_title, format=TIP),
            ],
        )
    )
    ends = d.drop_duplicates("series")
    rules = (
        alt.Chart(ends)
        .mark_rule(strokeDash=[6, 4], strokeWidth=1.5)
        .encode(
            y=alt.Y("calibrated:Q", title=y_title),
            color=colour,
            tooltip=[
                alt.Tooltip("series:N", title=legend_title),
                alt.Tooltip("calibrated:Q", title=calibrated_title, format=TIP),
            ],
        )
    )
    return as_layer(alt.layer(rules, lines, title=wrap_title(title), height=height)).properties(autosize=FIT_X)


def grads(
    df: pd.DataFrame,
    labels: Mapping[str, str],
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    height: int = 260,
) -> alt.Chart:
    """The largest |gradient| of each parameter over the steps, log y (an exact 0 has no log:
    left out). `df`: step, param, grad_abs_max."""
    d, domain = _series(df[df["grad_abs_max"] > 0], "param", labels)
    chart: alt.Chart = (
        alt.Chart(d, title=wrap_title(title), height=height)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("step:Q", title=x_title),
            y=alt.Y("grad_abs_max:Q", title=y_title, scale=alt.Scale(type="log"), axis=alt.Axis(format=".0e")),
            color=alt.Color("series:N", scale=variant_scale(domain), legend=_legend(legend_title)),
            tooltip=[
                alt.Tooltip("series:N", title=legend_title),
                alt.Tooltip("step:Q", title=x_title),
                alt.Tooltip("grad_abs_max:Q", title=y_title, format=".2e"),
            ],
        )
        .properties(autosize=FIT_X)
    )
    return chart


def _gain_axis(gains: Sequence[float], title: str) -> alt.X:
    return alt.X(
        "gain:Q",
        title=title,
        scale=alt.Scale(type="log", domain=[min(gains), max(gains)], nice=False),
        axis=alt.Axis(values=list(gains), format=".3~g"),
    )


def sweep_loss(
    sweep: pd.DataFrame,
    labels: Mapping[tuple[bool, str], str],
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    height: int = 300,
) -> alt.Chart:
    """Final loss against the init gain (log x), one line per (batchnorm, split) of `labels`:
    colour by BN, dashed for train. Diverged nets (no final loss) are left out."""
    long = sweep.melt(id_vars=["gain", "batchnorm"], value_vars=["final_train", "final_val"], var_name="split")
    long = long.assign(split=long["split"].str.removeprefix("final_"), loss=long["value"].astype(float))
    long = long[np.isfinite(long["loss"])]
    key = pd.Series(list(zip(long["batchnorm"], long["split"])), index=long.index)
    d = long[key.isin(list(labels))].assign(series=key.map(labels))
    domain = [labels[k] for k in labels]
    chart: alt.Chart = (
        alt.Chart(d, title=wrap_title(title), height=height)
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=_gain_axis(sorted(set(sweep["gain"])), x_title),
            y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", scale=_paired(domain), legend=_legend(legend_title, lines=True)),
            strokeDash=alt.StrokeDash(
                "series:N",
                scale=alt.Scale(domain=domain, range=[[6, 3], [1, 0]] * (len(domain) // 2)),
                legend=_legend(legend_title, lines=True),  # the same legend as the colour's: merged
            ),
            tooltip=[
                alt.Tooltip("series:N", title=legend_title),
                alt.Tooltip("gain:Q", title=x_title, format=".3~g"),
                alt.Tooltip("loss:Q", title=y_title, format=".4f"),
            ],
        )
        .properties(autosize=FIT_X)
    )
    return chart


def _paired(domain: Sequence[str]) -> alt.Scale:
    """Two series per colour (train and val of one net kind): colours by pairs."""
    base = variant_scale([str(i) for i in range((len(domain) + 1) // 2)]).range
    return alt.Scale(domain=list(domain), range=[base[i // 2] for i in range(len(domain))])


def sweep_ratio(
    sweep: pd.DataFrame,
    labels: Mapping[bool, str],
    guide_label: str,
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    height: int = 300,
) -> alt.LayerChart:
    """log10 update:data ratio of W1 against the init gain, with and without BN, and the
    lecture's -3 as a dashed rule."""
    drawn = sweep.loc[np.isfinite(sweep["update_ratio"].astype(float)), ["gain", "batchnorm", "update_ratio"]]
    d, domain = _series(drawn, "batchnorm", labels)
    lines = (
        alt.Chart(d)
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=_gain_axis(sorted(set(sweep["gain"])), x_title),
            y=alt.Y("update_ratio:Q", title=y_title, scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", scale=variant_scale(domain), legend=_legend(legend_title)),
            tooltip=[
                alt.Tooltip("series:N", title=legend_title),
                alt.Tooltip("gain:Q", title=x_title, format=".3~g"),
                alt.Tooltip("update_ratio:Q", title=y_title, format=".2f"),
            ],
        )
    )
    guide = (
        alt.Chart(pd.DataFrame({"y": [GUIDE], "label": [guide_label]}))
        .mark_rule(color="#343a40", strokeWidth=1.5)
        .encode(
            y=alt.Y("y:Q", title=y_title),
            # the guide named in a legend entry of its own: text in the plot would run over the lines
            strokeDash=alt.StrokeDash(
                "label:N",
                scale=alt.Scale(domain=[guide_label], range=[[6, 4]]),
                legend=alt.Legend(title=None, orient="bottom", labelLimit=0, symbolType="stroke"),
            ),
            tooltip=[alt.Tooltip("label:N", title=y_title)],
        )
    )
    layers = alt.layer(guide, lines, title=wrap_title(title), height=height)
    # resolve_scale is untyped in Altair (use_signature): Any
    chart: alt.LayerChart = as_layer(layers).resolve_scale(color="independent", strokeDash="independent")
    return chart.properties(autosize=FIT_X)
