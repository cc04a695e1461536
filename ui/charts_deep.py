"""Charts of the "Deep network health" page: tidy DataFrame in, alt.Chart out. No Streamlit here.

Every builder takes its (translated) title, axis titles and legend/tooltip titles as
arguments, and the lesson's frames with their ids (layer numbers, weight names, gain labels)
plus `labels`: id -> the series label the page made (e.g. "layer 1: std 0.76"), so a legend can
carry the numbers that matter. Rows whose id has no label are not drawn.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

import altair as alt
import numpy as np
import pandas as pd

from core.lessons.deep_network import AMBER, GREEN, GUIDE  # the update:data zones (log10 ratio)
from ui.charts import as_layer, variant_scale

ZONE_FILL = {"green": "#b2f2bb", "amber": "#ffe8a1", "red": "#ffc9c9"}
# Streamlit's default autosize "fit" squeezes the plot to make room for a legend below it;
# "fit-x" fits the width only, so `height` is the plot's own height.
FIT_X = alt.AutoSizeParams(type="fit-x", contains="padding")


LegendOrient = Literal["left", "right", "top", "bottom"]


def _legend(
    title: str,
    orient: LegendOrient = "bottom",
    direction: Literal["horizontal", "vertical"] = "vertical",
    columns: int | None = None,
) -> alt.Legend:
    return alt.Legend(
        title=title,
        orient=orient,
        direction=direction,
        labelLimit=0,
        symbolStrokeWidth=3,
        columns=alt.Undefined if columns is None else columns,  # Undefined: left out of the spec
    )


def densities(hist: pd.DataFrame) -> pd.DataFrame:
    """Pre-binned histogram (bin_start, bin_end, fraction, ...) -> plus x (bin centre) and density.

    Each group may have its own bins, so groups compare by density = fraction / bin width.
    """
    hist = hist.astype({"bin_start": float, "bin_end": float, "fraction": float})  # an empty part may be object
    width = (hist["bin_end"] - hist["bin_start"]).where(lambda w: w > 0)
    out = hist.assign(x=(hist["bin_start"] + hist["bin_end"]) / 2, density=hist["fraction"] / width)
    finite: pd.Series[bool] = np.isfinite(out["x"]) & np.isfinite(out["density"])
    return out[finite]


def labelled(df: pd.DataFrame, key: str, labels: Mapping[Any, str]) -> pd.DataFrame:
    """The rows of `df` whose `key` has a label, with that label as their `series`."""
    d = df[df[key].isin(list(labels))]
    return d.assign(series=d[key].map(labels))


def dist_lines(
    hist: pd.DataFrame,
    key: str,
    labels: Mapping[Any, str],
    title: str,
    x_title: str,
    y_title: str,
    series_title: str,
    share_title: str,
    x_format: str = ".2f",
    x_domain: tuple[float, float] | None = None,
    height: int = 240,
) -> alt.Chart:
    """One density line per labelled `key` (the lecture's overlaid per-layer histograms).

    `hist` columns: <key>, bin_start, bin_end, fraction (any bins per series). `x_domain`
    zooms on the bulk of heavy-tailed values (the far tails are cut off at its edges).
    """
    series = "series"
    d = densities(labelled(hist, key, labels))
    if x_domain is not None:
        d = d[(d["x"] >= x_domain[0]) & (d["x"] <= x_domain[1])]
    domain = list(dict.fromkeys(d[series])) if len(d) else []
    chart: alt.Chart = (  # mark_* is untyped in Altair (use_signature): Any
        alt.Chart(d, title=title, height=height)
        .mark_line(strokeWidth=2, interpolate="monotone")
        .encode(
            x=alt.X(
                "x:Q",
                title=x_title,
                axis=alt.Axis(format=x_format, labelOverlap=True, tickCount=6),
                scale=alt.Scale(domain=list(x_domain), nice=False) if x_domain else alt.Undefined,
            ),
            y=alt.Y("density:Q", title=y_title, axis=alt.Axis(format="~s")),
            color=alt.Color(f"{series}:N", scale=variant_scale(domain), legend=_legend(series_title)),
            tooltip=[
                alt.Tooltip(f"{series}:N", title=series_title),
                alt.Tooltip("x:Q", title=x_title, format=x_format),
                alt.Tooltip("fraction:Q", title=share_title, format=".2%"),
            ],
        )
        .properties(autosize=FIT_X)
    )
    return chart


def smooth(df: pd.DataFrame, value: str, by: str, points: int = 200) -> tuple[pd.DataFrame, int, int]:
    """Trailing moving average of `value` per `by` group, then every k-th step kept.

    Returns (frame, window, every). The window is about 1/40 of the run; about `points` steps
    per line are kept (the last step always), so a chart is not thousands of jagged points.
    """
    finite = df[np.isfinite(df[value])]
    if finite.empty:
        return finite.copy(), 1, 1
    n = int(finite["step"].max()) + 1
    window = max(1, round(n / 40))
    every = max(1, math.ceil(n / points))
    parts = []
    for _, g in finite.sort_values("step", kind="stable").groupby(by, sort=False):
        g = g.assign(**{value: g[value].rolling(window, min_periods=1).mean()})
        last = g["step"].max()
        parts.append(g[(g["step"] % every == 0) | (g["step"] == last)])
    return pd.concat(parts, ignore_index=True), window, every


def update_ratio(
    df: pd.DataFrame,
    title: str,
    x_title: str,
    y_title: str,
    series_title: str,
    guide_label: str,
    zone_labels: dict[str, str],
    zone_title: str,
    height: int = 340,
) -> alt.LayerChart:
    """log10 update:data ratio over steps (columns step, param, ratio), one line per parameter.

    Shaded bands: green within a factor of ~3 of 1e-3, amber within ~30x, red beyond; a dashed
    line at the -3 guide.
    """
    lo = min(AMBER[0] - 0.5, float(df["ratio"].min()) - 0.2) if len(df) else AMBER[0] - 0.5
    hi = max(AMBER[1] + 0.5, float(df["ratio"].max()) + 0.2) if len(df) else AMBER[1] + 0.5
    x_max = float(df["step"].max()) if len(df) else 1.0
    bands = pd.DataFrame(
        [
            ("red", lo, AMBER[0]),
            ("amber", AMBER[0], GREEN[0]),
            ("green", GREEN[0], GREEN[1]),
            ("amber", GREEN[1], AMBER[1]),
            ("red", AMBER[1], hi),
        ],
        columns=["zone", "y", "y2"],
    )
    bands["label"] = bands["zone"].map(zone_labels)
    bands["fill"] = bands["zone"].map(ZONE_FILL)
    bands["x"], bands["x2"] = 0.0, x_max
    y_scale = alt.Scale(domain=[lo, hi], nice=False)
    zone = (
        alt.Chart(bands)
        .mark_rect(opacity=0.55)
        .encode(
            x=alt.X("x:Q", title=x_title, scale=alt.Scale(domain=[0, x_max], nice=False)),
            x2="x2:Q",
            y=alt.Y("y:Q", title=y_title, scale=y_scale),
            y2="y2:Q",
            color=alt.Color("fill:N", scale=None),
            tooltip=[alt.Tooltip("label:N", title=zone_title)],
        )
    )
    guide = alt.Chart(pd.DataFrame({"y": [GUIDE], "label": [guide_label]}))
    rule = guide.mark_rule(strokeDash=[6, 4], color="#343a40", strokeWidth=1.5).encode(
        y=alt.Y("y:Q", scale=y_scale), tooltip=[alt.Tooltip("label:N", title=zone_title)]
    )
    # the label sits at the right end, in the lower half of the green band, clear of the lines' start
    text = (
        guide.mark_text(align="right", baseline="middle", dx=-6, color="#343a40", fontWeight="bold")
        .encode(y=alt.Y("y_text:Q", scale=y_scale), x=alt.X("x:Q"), text="label:N")
        .transform_calculate(y_text=f"{(GUIDE + GREEN[0]) / 2}", x=f"{x_max}")
    )
    domain = list(dict.fromkeys(df["param"])) if len(df) else []
    lines = (
        alt.Chart(df)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("step:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("ratio:Q", title=y_title, scale=y_scale),
            color=alt.Color("param:N", scale=variant_scale(domain), legend=_legend(series_title, "right")),
            tooltip=[
                alt.Tooltip("param:N", title=series_title),
                alt.Tooltip("step:Q", title=x_title),
                alt.Tooltip("ratio:Q", title=y_title, format=".2f"),
            ],
        )
    )
    # resolve_scale is untyped in Altair (use_signature): Any
    chart: alt.LayerChart = as_layer(alt.layer(zone, rule, lines, text, title=title, height=height)).resolve_scale(
        color="independent"
    )
    return chart.properties(autosize=FIT_X)


def depth_lines(
    df: pd.DataFrame,
    y: str,
    labels: Mapping[str, str],
    title: str,
    x_title: str,
    y_title: str,
    series_title: str,
    log: bool = False,
    y_format: str = ".3f",
    height: int = 300,
) -> alt.LayerChart:
    """A value per hidden layer, one line per gain (columns label, layer, <y>, yours).

    The user's gain is drawn thick and on top (with BatchNorm all gains coincide), the others
    thin, so "yours vs the presets" reads at once.
    """
    d = labelled(df, "label", labels)
    d = d[np.isfinite(d[y].astype(float))]
    if log:
        d = d[d[y] > 0]
    domain = list(dict.fromkeys(d["series"])) if len(d) else []
    base = (
        alt.Chart(d)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "layer:Q",
                title=x_title,
                axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(domain=[1, int(d["layer"].max()) if len(d) else 1], nice=False),
            ),
            y=alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(type="log") if log else alt.Scale(zero=True)),
            color=alt.Color(
                "series:N", scale=variant_scale(domain), legend=_legend(series_title, "bottom", "horizontal", columns=2)
            ),
            tooltip=[
                alt.Tooltip("series:N", title=series_title),
                alt.Tooltip("layer:Q", title=x_title),
                alt.Tooltip(f"{y}:Q", title=y_title, format=y_format),
            ],
        )
    )
    others = base.transform_filter(alt.datum.yours == False).mark_line(point=True, strokeWidth=1.8)  # noqa: E712
    yours = base.transform_filter(alt.datum.yours == True).mark_line(point=True, strokeWidth=4.5)  # noqa: E712
    return as_layer(alt.layer(others, yours, title=title, height=height)).properties(autosize=FIT_X)
