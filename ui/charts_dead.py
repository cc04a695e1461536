"""Charts of the "Dead neurons" page: tidy DataFrame in, alt.Chart out. No Streamlit here.

The frames name each variant by its activation key (`activation`); `labels` maps a key to
the text shown for it. Every builder takes its (translated) titles as arguments.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import altair as alt
import pandas as pd

from ui.charts import variant_scale

DEAD = "#e03131"  # a dead unit on the map
SUBTITLE_CHARS = 56  # the map's subtitle is wrapped to lines this long: one line cut off on a phone


def dead_over_time(
    df: pd.DataFrame,
    labels: Mapping[str, str],
    n_hidden: int,
    title: str,
    x_title: str,
    y_title: str,
    color_title: str,
    pct_title: str,
    height: int = 320,
) -> alt.Chart:
    """Dead units against the step, one line per activation (columns step, activation, dead, pct_inactive).

    `labels` (key -> name, in the page's order, diverged ones included) fixes each line's colour,
    so colours do not shift when a run diverges; a diverged run's label says so (its line stops
    at its last checkpoint before the divergence, so a legend entry never stands unexplained).
    The y-axis shows at least 0..10 so that lines at 0 read as "none", not as noise.
    """
    d = df.assign(name=df["activation"].map(labels))
    domain = list(labels.values())
    top = min(n_hidden, max(10, int(d["dead"].max()) if len(d) else 0))
    chart: alt.Chart = (  # mark_* is untyped in Altair (use_signature): Any
        alt.Chart(d, title=title, height=height)
        .mark_line(point=True, strokeWidth=2.5)
        .encode(
            x=alt.X("step:Q", title=x_title),
            y=alt.Y("dead:Q", title=y_title, scale=alt.Scale(domain=[0, top], nice=True)),
            color=alt.Color(
                "name:N",
                title=color_title,
                scale=variant_scale(domain),
                sort=domain,
                # on top, two columns: a phone keeps the plot's width, a "diverged at step N" label fits
                legend=alt.Legend(orient="top", columns=2, labelLimit=320, titleOrient="left"),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=color_title),
                alt.Tooltip("step:Q", title=x_title),
                alt.Tooltip("dead:Q", title=y_title),
                alt.Tooltip("pct_inactive:Q", title=pct_title, format=".1f"),
            ],
        )
    )
    return chart


def dead_map(
    df: pd.DataFrame,
    rows: Mapping[str, str],
    states: tuple[str, str],
    title: str,
    subtitle: str,
    x_title: str,
    y_title: str,
    frac_title: str,
    state_title: str,
    row_height: int = 28,
) -> alt.Chart:
    """Hidden units (x) by activation (y): grey by how often each unit has no gradient, red when dead.

    Columns: activation, neuron, inactive_frac (0..1), dead (bool). `rows`: key -> the row's
    label, in order; every row is drawn, so a key without data (a diverged run) is an empty row
    that its label explains. `states`: the shown text of (dead, alive). Each row gets
    `row_height` pixels (a Vega-Lite step), whatever the number of rows.
    """
    d = df.assign(row=df["activation"].map(rows), state=df["dead"].map({True: states[0], False: states[1]}))
    order = list(rows.values())
    n = int(d["neuron"].max()) + 1 if len(d) else 0
    chart: alt.Chart = (  # mark_* is untyped in Altair (use_signature): Any
        alt.Chart(
            d, title=alt.Title(title, subtitle=textwrap.wrap(subtitle, SUBTITLE_CHARS)), height=alt.Step(row_height)
        )
        .mark_rect(stroke="#dee2e6", strokeWidth=0.25)
        .encode(
            x=alt.X("neuron:O", title=x_title, axis=alt.Axis(values=list(range(0, n, 25)), labelAngle=0)),
            y=alt.Y("row:N", title=y_title, scale=alt.Scale(domain=order), axis=alt.Axis(labelLimit=260)),
            color=alt.condition(
                "datum.dead",
                alt.value(DEAD),
                alt.Color(
                    "inactive_frac:Q",
                    title=frac_title,
                    scale=alt.Scale(domain=[0, 1], range=["#ffffff", "#343a40"]),
                    legend=alt.Legend(orient="top", format="%", gradientLength=150, titleLimit=300),
                ),
            ),
            tooltip=[
                alt.Tooltip("row:N", title=y_title),
                alt.Tooltip("neuron:O", title=x_title),
                alt.Tooltip("inactive_frac:Q", title=frac_title, format=".1%"),
                alt.Tooltip("state:N", title=state_title),
            ],
        )
    )
    return chart
