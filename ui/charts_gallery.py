"""Altair builders for the activation gallery: tidy DataFrame in, alt.Chart out. No Streamlit.

Colours are passed in as ``colors`` (display name -> hex), so one activation keeps one colour
in every chart of the page whatever the chart's own rows are.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from ui.charts import as_layer

OTHER = "#ced4da"  # unselected entries of the timeline


def color_scale(colors: Mapping[str, str]) -> alt.Scale:
    """An explicit name -> colour scale (the same mapping in every chart)."""
    return alt.Scale(domain=list(colors), range=list(colors.values()))


def activation_color(colors: Mapping[str, str], title: str, columns: int) -> alt.Color:
    """Colour by activation name, from the page's one name -> colour mapping, legend on top."""
    return alt.Color("name:N", title=title, scale=color_scale(colors), legend=alt.Legend(orient="top", columns=columns))


def _axes_at_zero() -> alt.LayerChart:
    """Light rules at x = 0 and y = 0, so the origin (and zero-centring) is visible."""
    zero = alt.Chart(pd.DataFrame({"v": [0.0]}))
    return as_layer(
        zero.mark_rule(color="#adb5bd", strokeWidth=1).encode(x="v:Q")
        + zero.mark_rule(color="#adb5bd", strokeWidth=1).encode(y="v:Q")
    )


def curve(
    df: pd.DataFrame,
    colors: Mapping[str, str],
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    height: int = 420,
    legend_columns: int = 3,
) -> alt.LayerChart:
    """One line per activation: columns name, x, value (one ``kind`` of core.curves)."""
    lines = (
        alt.Chart(df)
        .mark_line(strokeWidth=2.5, clip=True)
        .encode(
            x=alt.X("x:Q", title=x_title, scale=alt.Scale(nice=False)),
            y=alt.Y("value:Q", title=y_title),
            color=activation_color(colors, legend_title, legend_columns),
            tooltip=[
                alt.Tooltip("name:N", title=legend_title),
                alt.Tooltip("x:Q", title=x_title, format=".3f"),
                alt.Tooltip("value:Q", title=y_title, format=".4f"),
            ],
        )
    )
    return as_layer(alt.layer(_axes_at_zero(), lines, title=title, height=height))


def signal(
    df: pd.DataFrame,
    colors: Mapping[str, str],
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    identity_label: str,
    mean_title: str,
    msd_title: str,
    height: int = 420,
    legend_columns: int = 5,
) -> alt.LayerChart:
    """Output std against input std, log-log, with the dashed line out = in.

    Columns: name, input_std, out_std, out_mean, mean_sq_deriv (core.signal_propagation).
    """
    stds = sorted(df["input_std"].unique()) if len(df) else [1.0]
    ref = pd.DataFrame({"input_std": stds, "out_std": stds, "label": identity_label})
    x = alt.X("input_std:Q", title=x_title, scale=alt.Scale(type="log"))
    y = alt.Y("out_std:Q", title=y_title, scale=alt.Scale(type="log"))
    diagonal = (
        alt.Chart(ref)
        .mark_line(strokeDash=[6, 4], color="#495057")
        .encode(
            x=x,
            y=y,
            tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("input_std:Q", title=x_title, format=".3g")],
        )
    )
    # a zero output std (the step at tiny inputs never happens, but be safe) cannot go on a log axis
    lines = (
        alt.Chart(df[df["out_std"] > 0])
        .mark_line(point=True, strokeWidth=2.5)
        .encode(
            x=x,
            y=y,
            color=activation_color(colors, legend_title, legend_columns),
            tooltip=[
                alt.Tooltip("name:N", title=legend_title),
                alt.Tooltip("input_std:Q", title=x_title, format=".3g"),
                alt.Tooltip("out_std:Q", title=y_title, format=".4f"),
                alt.Tooltip("out_mean:Q", title=mean_title, format=".4f"),
                alt.Tooltip("mean_sq_deriv:Q", title=msd_title, format=".4f"),
            ],
        )
    )
    return as_layer(alt.layer(diagonal, lines, title=title, height=height))


def timeline(
    df: pd.DataFrame,
    colors: Mapping[str, str],
    title: str,
    x_title: str,
    y_title: str,
    ref_title: str,
    selected_title: str,
    yes: str,
    no: str,
) -> alt.LayerChart:
    """One row per activation, a dot at its year; selected ones in their colour, others grey.

    Columns: name, year, reference, selected (bool).
    """
    d = df.assign(
        color=[colors.get(n, OTHER) if s else OTHER for n, s in zip(df["name"], df["selected"])],
        is_selected=df["selected"].map({True: yes, False: no}),
        label=[f"{n} ({y})" for n, y in zip(df["name"], df["year"])],
    )
    order = list(d.sort_values(["year", "name"])["name"])  # oldest on top
    lo, hi = int(d["year"].min()), int(d["year"].max())
    base = alt.Chart(d).encode(
        x=alt.X(
            "year:Q",
            title=x_title,
            scale=alt.Scale(domain=[lo - 3, hi + 22], nice=False),
            axis=alt.Axis(format="d", values=list(range(lo - lo % 10, hi + 10, 10))),
        ),
        y=alt.Y("name:N", title=y_title, sort=order, axis=alt.Axis(labels=False, ticks=False)),
        tooltip=[
            alt.Tooltip("name:N", title=y_title),
            alt.Tooltip("year:Q", title=x_title, format="d"),
            alt.Tooltip("reference:N", title=ref_title),
            alt.Tooltip("is_selected:N", title=selected_title),
        ],
    )
    chosen = "datum.selected"
    dots = base.mark_circle(opacity=1).encode(
        color=alt.Color("color:N", scale=None),  # the hex colours themselves
        size=alt.condition(chosen, alt.value(220), alt.value(70)),
    )
    labels = [
        base.transform_filter(chosen if bold else f"!{chosen}")
        .mark_text(
            align="left",
            dx=9,
            fontSize=12,
            fontWeight="bold" if bold else "normal",
            color="#212529" if bold else "#868e96",
        )
        .encode(text="label:N")
        for bold in (True, False)
    ]
    return as_layer(alt.layer(dots, *labels, title=title, height=max(200, 22 * len(d))))
