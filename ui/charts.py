"""Shared Altair pieces: the palette, stable variant colours and the saturation map.

Each page's own builders live in `ui/charts_<page>.py` (tidy DataFrame in, alt.Chart out, no
Streamlit). Every builder gives a title, labelled axes and tooltips; pages add the `alt=` text
and the "what to notice" sentence. `variant_scale` keeps a variant's colour stable across charts.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

# Okabe & Ito's colour-blind-safe categorical palette (Wong, Nature Methods 2011): the eight
# colours stay apart under protanopia, deuteranopia and tritanopia. Ordered so the first few are
# the most distinct on white; yellow, the faintest on white, comes last.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
# Past eight series the colours come round again with another dash and point shape, so every
# series up to MAX_SERIES keeps a (colour, dash, shape) of its own.
DASHES: tuple[tuple[int, ...], ...] = ((1, 0), (7, 3), (2, 2))  # solid, dashed, dotted
SHAPES = ("circle", "square", "triangle-up")
MAX_SERIES = len(PALETTE) * len(DASHES)


@dataclass(frozen=True)
class Style:
    """How one series is drawn: its colour, the dash of its line and the shape of its points."""

    colour: str
    dash: tuple[int, ...]
    shape: str


def style(i: int) -> Style:
    """The style of the i-th series of a chart (0-based); distinct for i < MAX_SERIES."""
    turn = (i // len(PALETTE)) % len(DASHES)
    return Style(PALETTE[i % len(PALETTE)], DASHES[turn], SHAPES[turn])


def styles(names: Sequence[str]) -> dict[str, Style]:
    """One style per name, in order: a page builds this once and passes it to every chart, so a
    series keeps its colour whichever chart (and whichever subset of rows) it is drawn in."""
    return {n: style(i) for i, n in enumerate(dict.fromkeys(names))}


TITLE_CHARS = 46  # a chart title's characters per line: what a phone's ~360 px holds in 13 px bold


def wrap_title(text: str, width: int = TITLE_CHARS) -> str | list[str]:
    """A chart title as it fits a phone: one line if short, else lines of at most `width`
    characters (Vega draws a list as lines; it never wraps a title itself, it cuts it off)."""
    lines = textwrap.wrap(text, width) if len(text) > width else [text]
    return lines[0] if len(lines) == 1 else lines


def as_layer(chart: alt.LayerChart | alt.FacetChart) -> alt.LayerChart:
    """The LayerChart that `alt.layer(...)` or `a + b` built.

    Altair types both as LayerChart | FacetChart: a FacetChart only when every layer shares a
    row/column/facet encoding, which no chart of this app has.
    """
    assert isinstance(chart, alt.LayerChart), type(chart)
    return chart


def variant_scale(domain: Sequence[str]) -> alt.Scale:
    """Colours of `domain`, in order (the i-th name gets style(i)'s colour)."""
    names = list(domain)
    return alt.Scale(domain=names, range=[style(i).colour for i in range(max(1, len(names)))])


def dash_scale(domain: Sequence[str]) -> alt.Scale:
    """Line dashes of `domain`, in order: solid for the first eight (see `style`)."""
    names = list(domain)
    return alt.Scale(domain=names, range=[list(style(i).dash) for i in range(max(1, len(names)))])


def shape_scale(domain: Sequence[str]) -> alt.Scale:
    """Point shapes of `domain`, in order: circles for the first eight (see `style`)."""
    names = list(domain)
    return alt.Scale(domain=names, range=[style(i).shape for i in range(max(1, len(names)))])


def log_ticks(lo: float, hi: float) -> list[float]:
    """Round tick values for a log axis from `lo` to `hi` (Vega's own pick reads 0.03, 0.2, 3):
    1-2-5 steps (0.1, 0.2, 0.5, 1, ...) over at most two decades, whole decades over more."""
    if not (0 < lo <= hi and math.isfinite(hi)):
        return []
    first, last = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    steps = (1, 2, 5) if last - first <= 2 else (1,)
    values = [m * 10.0**e for e in range(first, last + 1) for m in steps]
    return [float(f"{v:.12g}") for v in values if v <= 10.0**last]


LEGEND_ROW_PX = 24  # height of one row of a legend with line symbols of size 300


def wide_legend(title: str, item_px: int = 140, symbol_size: int = 100) -> alt.Legend:
    """A legend on top that wraps to as many columns of `item_px` as the chart's width holds (at
    least two: a phone's chart is ~290 px wide), its labels as long as a column allows, instead
    of one long row cut off at the right edge ("G..."). A `symbol_size` of 300 draws a line
    symbol long enough (17 px) to show its dash."""
    cols = f"max(2, floor(width / {item_px}))"
    return alt.Legend(
        title=title,
        orient="top",
        columns=alt.ExprRef(cols),
        columnPadding=6,
        labelLimit=alt.ExprRef(f"floor(width / {cols}) - 30"),
        symbolSize=symbol_size,
    )


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
        alt.Chart(d, title=wrap_title(title), height=height)
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
