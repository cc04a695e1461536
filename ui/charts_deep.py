"""Charts of the "Deep network health" page: tidy DataFrame in, alt.Chart out. No Streamlit here.

Every builder takes its (translated) title (wrapped to lines a phone holds: Vega cuts a long
title instead of wrapping it), axis titles and legend/tooltip titles as
arguments, and the lesson's frames with their ids (layer numbers, weight names, gain labels)
plus `labels`: id -> the series label the page made (e.g. "layer 1: std 0.76"), so a legend can
carry the numbers that matter. Rows whose id has no label are not drawn.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import altair as alt
import numpy as np
import pandas as pd

from core.lessons.deep_network import AMBER, GREEN, GUIDE  # the update:data zones (log10 ratio)
from ui.charts import as_layer, variant_scale, wrap_title
from ui.text import num

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


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
PLAIN = (-2, 4)  # exponents whose numbers a tick prints plainly: 0.01 to 99,999
TIP_FORMAT = ",.3~r"  # 3 significant digits, never an exponent (d3's "r")
LOG_DECADES = 3  # on a log density axis a line is drawn down to this many powers of ten below its peak


def pow10(e: int) -> str:
    """10 to the power `e` as a reader writes it: "10⁻⁴"."""
    return "10" + str(e).translate(SUPERSCRIPT)


# The page's number formats, here (not in ui/deep_view.py) because a notebook uses them too and
# must not import Streamlit: `lang` None is the Streamlit session's language (the page's case).
PLAIN_SIG = (-3, 5)  # exponents of the numbers `sig` writes out in full: 0.001 to 999,999


def sig(x: float, n: int = 2, lang: str | None = None) -> str:
    """`x` to `n` significant digits written out in `lang` (0.0042, 36, 2,431), not as
    "2.4e+03"; beyond that range as "2.4×10⁻⁵"."""
    if x == 0 or not math.isfinite(x):
        return num(x, "g", lang)
    e = math.floor(math.log10(abs(x)))
    if PLAIN_SIG[0] <= e <= PLAIN_SIG[1]:
        return num(x, f",.{max(0, n - 1 - e)}f", lang)
    return num(x / 10.0**e, f".{n - 1}f", lang) + "×" + pow10(e)


def gain_text(label: str, lang: str | None = None) -> str:
    """A gain label of the lesson (language-free: "5/3", "1.41") as the student reads it: the
    lecture's fractions as written, decimals in `lang` ("1,41")."""
    return label if "/" in label else num(float(label), "g", lang)


def axis_exponent(values: Sequence[float] | np.ndarray) -> int:
    """The power of ten an axis over `values` is drawn in, so that its ticks read -1, 0.5 or 20
    (with "×10⁻⁴" in its title) instead of "-1.0e-4" or "0k": 0 when the largest |value| prints
    plainly (PLAIN), else its exponent."""
    v = np.abs(np.asarray(values, dtype=float))
    v = v[np.isfinite(v)]
    top = float(v.max()) if len(v) else 0.0
    if top == 0:
        return 0
    e = math.floor(math.log10(top))
    return 0 if PLAIN[0] <= e <= PLAIN[1] else e


def scaled_title(title: str, e: int, note: str = "") -> str:
    """An axis title with the power of ten its ticks are in: "gradient dL/dh (×10⁻⁴)"."""
    return " ".join(part for part in (title, f"(×{pow10(e)})" if e else "", note) if part)


def densities(hist: pd.DataFrame, x_exponent: int = 0) -> pd.DataFrame:
    """Pre-binned histogram (bin_start, bin_end, fraction, ...) -> plus x (bin centre, in units of
    10**x_exponent) and density (per such unit).

    Each group may have its own bins, so groups compare by density = fraction / bin width.
    """
    hist = hist.astype({"bin_start": float, "bin_end": float, "fraction": float})  # an empty part may be object
    unit = 10.0**x_exponent
    width = ((hist["bin_end"] - hist["bin_start"]) / unit).where(lambda w: w > 0)
    x = (hist["bin_start"] + hist["bin_end"]) / 2 / unit
    out = hist.assign(x=x, density=hist["fraction"] / width)
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
    x_note: str = "",
    x_domain: tuple[float, float] | None = None,
    log_y: bool = False,
    height: int = 240,
) -> alt.Chart:
    """One density line per labelled `key` (the lecture's overlaid per-layer histograms).

    `hist` columns: <key>, bin_start, bin_end, fraction (any bins per series). `x_domain`
    zooms on the bulk of heavy-tailed values (the far tails are cut off at its edges); x is
    drawn in a power of ten that keeps its ticks plain (named in the title before `x_note`).
    `log_y` draws the density on a log scale (empty bins left out): for series of very
    different widths, whose widest would lie flat on a linear axis.
    """
    series = "series"
    e = axis_exponent(list(x_domain) if x_domain else hist[["bin_start", "bin_end"]].to_numpy().ravel())
    d = densities(labelled(hist, key, labels), e)
    dom = [v / 10.0**e for v in x_domain] if x_domain else None
    if dom is not None:
        d = d[(d["x"] >= dom[0]) & (d["x"] <= dom[1])]
    if log_y and len(d):  # empty bins have no log; each line's sparse far tail would be noise over many decades
        d = d[d["density"] >= d.groupby(series)["density"].transform("max") * 10.0**-LOG_DECADES]
    domain = list(dict.fromkeys(d[series])) if len(d) else []
    xt = scaled_title(x_title, e, x_note)
    chart: alt.Chart = (  # mark_* is untyped in Altair (use_signature): Any
        alt.Chart(d, title=wrap_title(title), height=height)
        .mark_line(strokeWidth=2, interpolate="monotone")
        .encode(
            x=alt.X(
                "x:Q",
                title=xt,
                axis=alt.Axis(labelOverlap=True, tickCount=6),  # d3 picks the decimals from the tick step
                scale=alt.Scale(domain=dom, nice=False) if dom else alt.Undefined,
            ),
            y=alt.Y("density:Q", title=y_title, scale=alt.Scale(type="log") if log_y else alt.Undefined),
            color=alt.Color(f"{series}:N", scale=variant_scale(domain), legend=_legend(series_title)),
            tooltip=[
                alt.Tooltip(f"{series}:N", title=series_title),
                alt.Tooltip("x:Q", title=xt, format=TIP_FORMAT),
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
    # the guide's words go in a legend under the plot: text inside it would run over the y
    # ticks or the lines on a narrow screen (its width in pixels does not shrink with the plot)
    guide = alt.Chart(pd.DataFrame({"y": [GUIDE], "label": [guide_label]}))
    rule = guide.mark_rule(color="#343a40", strokeWidth=1.5).encode(
        y=alt.Y("y:Q", scale=y_scale),
        strokeDash=alt.StrokeDash(
            "label:N",
            scale=alt.Scale(domain=[guide_label], range=[[6, 4]]),
            legend=alt.Legend(title=None, orient="bottom", labelLimit=0, symbolType="stroke", symbolStrokeWidth=1.5),
        ),
        tooltip=[alt.Tooltip("label:N", title=zone_title)],
    )
    domain = list(dict.fromkeys(df["param"])) if len(df) else []
    lines = (
        alt.Chart(df)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("step:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),  # integer ticks, d3's own format
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
    layers = as_layer(alt.layer(zone, rule, lines, title=wrap_title(title), height=height))
    chart: alt.LayerChart = layers.resolve_scale(color="independent", strokeDash="independent")
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
    y_format: str = TIP_FORMAT,
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
                axis=alt.Axis(tickMinStep=1),  # layers 1..L: integer ticks
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
    return as_layer(alt.layer(others, yours, title=wrap_title(title), height=height)).properties(autosize=FIT_X)
