"""Shared Altair pieces: the palette, stable variant colours and the saturation map.

Each page's own builders live in `ui/charts_<page>.py` (tidy DataFrame in, alt.Chart out, no
Streamlit). Every builder gives a title, labelled axes and tooltips; pages add the `alt=` text
and the "what to notice" sentence. `variant_scale` keeps a variant's colour stable across charts.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

PALETTE = (
    "#d6336c",
    "#1c7ed6",
    "#37b24d",
    "#f59f00",
    "#7048e8",
    "#0ca678",
    "#e8590c",
    "#495057",
    "#ae3ec9",
    "#1098ad",
    "#74b816",
    "#c2255c",
    "#3b5bdb",
    "#f08c00",
    "#5f3dc4",
    "#2b8a3e",
    "#868e96",
)


def as_layer(chart: alt.LayerChart | alt.FacetChart) -> alt.LayerChart:
    """The LayerChart that `alt.layer(...)` or `a + b` built.

    Altair types both as LayerChart | FacetChart: a FacetChart only when every layer shares a
    row/column/facet encoding, which no chart of this app has.
    """
    assert isinstance(chart, alt.LayerChart), type(chart)
    return chart


def variant_scale(domain: Sequence[str]) -> alt.Scale:
    return alt.Scale(domain=list(domain), range=list(PALETTE[: max(1, len(domain))]))


def binary_map(
    df: pd.DataFrame,
    title: str,
    x_title: str,
    y_title: str,
    on_label: str,
    off_label: str,
    value: str = "inactive",
    height: int = 220,
) -> alt.Chart:
    """The lecture's imshow: white where `value` is True, black elsewhere (examples x neurons)."""
    d = df.assign(state=df[value].map({True: on_label, False: off_label}))
    chart: alt.Chart = (  # mark_* is untyped in Altair (use_signature): Any
        alt.Chart(d, title=title, height=height)
        .mark_rect()
        .encode(
            x=alt.X("neuron:O", title=x_title, axis=alt.Axis(values=list(range(0, 1000, 25)), labelAngle=0)),
            y=alt.Y("example:O", title=y_title, axis=alt.Axis(values=list(range(0, 1000, 8)))),
            color=alt.Color(
                "state:N",
                title="",
                scale=alt.Scale(domain=[on_label, off_label], range=["#ffffff", "#212529"]),
                legend=alt.Legend(orient="top", symbolStrokeColor="#868e96", symbolStrokeWidth=1),
            ),
            tooltip=[
                alt.Tooltip("example:O", title=y_title),
                alt.Tooltip("neuron:O", title=x_title),
                alt.Tooltip("h:Q", title="h", format=".4f"),
                alt.Tooltip("state:N", title=""),
            ],
        )
    )
    return chart
