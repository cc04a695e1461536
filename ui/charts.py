"""Altair chart builders: tidy DataFrame in, alt.Chart out. No Streamlit here.

Every builder gives a title, labelled axes and tooltips; pages add the `alt=` text and the
"what to notice" sentence. Colours of variants stay stable across charts via `variant_scale`.
"""
from __future__ import annotations

from typing import Sequence

import altair as alt
import pandas as pd

PALETTE = ("#d6336c", "#1c7ed6", "#37b24d", "#f59f00", "#7048e8", "#0ca678", "#e8590c", "#495057",
           "#ae3ec9", "#1098ad", "#74b816", "#c2255c", "#3b5bdb", "#f08c00", "#5f3dc4", "#2b8a3e", "#868e96")


def variant_scale(domain: Sequence[str]) -> alt.Scale:
    return alt.Scale(domain=list(domain), range=list(PALETTE[: max(1, len(domain))]))


def line(df: pd.DataFrame, x: str, y: str, color: str, title: str, x_title: str, y_title: str,
         color_title: str, x_log: bool = False, y_zero: bool = True, height: int = 300,
         tooltip_fmt: str = ".3f") -> alt.Chart:
    """One line per value of `color`."""
    domain = list(dict.fromkeys(df[color])) if len(df) else []
    return (
        alt.Chart(df, title=title, height=height)
        .mark_line(point=len(df) <= 60)
        .encode(
            x=alt.X(f"{x}:Q", title=x_title, scale=alt.Scale(type="log") if x_log else alt.Undefined),
            y=alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(zero=y_zero)),
            color=alt.Color(f"{color}:N", title=color_title, scale=variant_scale(domain)),
            tooltip=[alt.Tooltip(f"{color}:N", title=color_title), alt.Tooltip(f"{x}:Q", title=x_title),
                     alt.Tooltip(f"{y}:Q", title=y_title, format=tooltip_fmt)],
        )
    )


def hist(df: pd.DataFrame, title: str, x_title: str, color: str | None = None, color_title: str = "",
         y: str = "count", y_title: str = "count", height: int = 260, opacity: float = 0.55) -> alt.Chart:
    """Bars of a pre-binned histogram (columns bin_start, bin_end, count/fraction [, color])."""
    enc = dict(
        x=alt.X("bin_start:Q", title=x_title, bin="binned"),
        x2="bin_end:Q",
        y=alt.Y(f"{y}:Q", title=y_title, stack=None),
        tooltip=[alt.Tooltip("bin_start:Q", title="from", format=".3f"),
                 alt.Tooltip("bin_end:Q", title="to", format=".3f"),
                 alt.Tooltip(f"{y}:Q", title=y_title, format=".3~f")],
    )
    if color:
        domain = list(dict.fromkeys(df[color])) if len(df) else []
        enc["color"] = alt.Color(f"{color}:N", title=color_title, scale=variant_scale(domain))
        enc["tooltip"] = [alt.Tooltip(f"{color}:N", title=color_title), *enc["tooltip"]]
    return alt.Chart(df, title=title, height=height).mark_bar(opacity=opacity, binSpacing=0).encode(**enc)


def binary_map(df: pd.DataFrame, title: str, x_title: str, y_title: str, on_label: str, off_label: str,
               value: str = "inactive", height: int = 220) -> alt.Chart:
    """The lecture's imshow: white where `value` is True, black elsewhere (examples x neurons)."""
    d = df.assign(state=df[value].map({True: on_label, False: off_label}))
    return (
        alt.Chart(d, title=title, height=height)
        .mark_rect()
        .encode(
            x=alt.X("neuron:O", title=x_title, axis=alt.Axis(values=list(range(0, 1000, 25)), labelAngle=0)),
            y=alt.Y("example:O", title=y_title, axis=alt.Axis(values=list(range(0, 1000, 8)))),
            color=alt.Color("state:N", title="", scale=alt.Scale(domain=[on_label, off_label], range=["#ffffff", "#212529"]),
                            legend=alt.Legend(orient="top", symbolStrokeColor="#868e96", symbolStrokeWidth=1)),
            tooltip=[alt.Tooltip("example:O", title=y_title), alt.Tooltip("neuron:O", title=x_title),
                     alt.Tooltip("h:Q", title="h", format=".4f"), alt.Tooltip("state:N", title="")],
        )
    )


def rule_y(value: float, label: str, color: str = "#495057") -> alt.LayerChart:
    """A dashed horizontal reference line with a label, to layer on a chart."""
    base = alt.Chart(pd.DataFrame({"y": [value], "label": [label]}))
    return base.mark_rule(strokeDash=[6, 4], color=color).encode(y="y:Q", tooltip=["label:N", alt.Tooltip("y:Q", format=".4f")]) + \
        base.mark_text(align="left", dx=4, dy=-6, color=color).encode(y="y:Q", text="label:N", x=alt.value(0))


def bars(df: pd.DataFrame, x: str, y: str, title: str, x_title: str, y_title: str, color: str | None = None,
         height: int = 260, fmt: str = ".3f") -> alt.Chart:
    enc = dict(x=alt.X(f"{x}:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=0)),
               y=alt.Y(f"{y}:Q", title=y_title),
               tooltip=[alt.Tooltip(f"{x}:N", title=x_title), alt.Tooltip(f"{y}:Q", title=y_title, format=fmt)])
    if color:
        enc["color"] = alt.Color(f"{color}:N", legend=None, scale=variant_scale(list(dict.fromkeys(df[color]))))
    return alt.Chart(df, title=title, height=height).mark_bar().encode(**enc)
