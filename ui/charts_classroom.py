"""Charts of class mode: the class's answers to a question. Tidy DataFrame in, alt.Chart out.

Before Reveal the class's answers are drawn in one colour; after it the truth is drawn on top:
a rule at the true value of a number, the right choice (and the sound reasons) in green.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from ui.charts import PALETTE, as_layer, wrap_title

ANSWERS = PALETTE[0]  # blue: the class's answers, before the truth is known
TRUTH = PALETTE[4]  # vermillion: the true value's rule
RIGHT = PALETTE[2]  # bluish green: the right choice, a sound reason
OTHER = "#9e9e9e"  # grey: the other choices, the misconceptions
ROW_PX = 46  # one option of a choice chart: its text over its bar
BAR_THICK = 16


def number_histogram(
    bins: pd.DataFrame,
    title: str,
    x_title: str,
    y_title: str,
    truth: float | None = None,
    truth_label: str = "",
    height: int = 260,
) -> alt.LayerChart:
    """The class's numeric guesses, pre-binned (columns lo, hi, count); with `truth`, a rule at
    the true value labelled `truth_label` (the number already in the student's language)."""
    base = alt.Chart(bins).encode(
        x=alt.X("lo:Q", bin="binned", title=x_title),
        x2="hi:Q",
        y=alt.Y("count:Q", title=y_title, axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[
            alt.Tooltip("lo:Q", title="≥"),
            alt.Tooltip("hi:Q", title="<"),
            alt.Tooltip("count:Q", title=y_title),
        ],
    )
    layers: list[alt.Chart] = [base.mark_bar(color=ANSWERS, opacity=0.85, binSpacing=1)]
    if truth is not None:
        rule = alt.Chart(pd.DataFrame({"x": [truth], "label": [truth_label]}))
        layers.append(rule.mark_rule(color=TRUTH, strokeWidth=3).encode(x="x:Q"))
        # the label on the side of the rule with more room, on a white halo where it crosses a bar
        right_half = len(bins) > 0 and truth > (bins["lo"].min() + bins["hi"].max()) / 2
        align, dx = ("right", -6) if right_half else ("left", 6)
        text: dict[str, Any] = {"align": align, "dx": dx, "baseline": "top", "dy": 4, "fontWeight": "bold"}
        label = {"x": "x:Q", "y": alt.value(0), "text": "label:N"}
        halo = rule.mark_text(stroke="white", strokeWidth=4, strokeJoin="round", fontSize=13, **text)
        layers += [halo.encode(**label), rule.mark_text(color=TRUTH, fontSize=13, **text).encode(**label)]
    return as_layer(alt.layer(*layers)).properties(title=wrap_title(title), height=height)


def choice_bars(
    df: pd.DataFrame,
    title: str,
    x_title: str,
    right_label: str | None = None,
    other_label: str | None = None,
) -> alt.LayerChart:
    """How many picked each option (columns label, count, right), one row per option in order:
    the option's text over its bar (a phone has no room for long axis labels beside the bars).
    With `right_label` and `other_label` (after Reveal) the right options are green, the others
    grey, and a legend says which is which."""
    revealed = right_label is not None and other_label is not None
    d = df.assign(
        row=range(len(df)),
        kind=[str((right_label if r else other_label) if revealed else "") for r in df["right"]],
    )
    colour = (
        alt.Color(
            "kind:N",
            scale=alt.Scale(domain=[right_label, other_label], range=[RIGHT, OTHER]),
            legend=alt.Legend(title=None, orient="bottom", labelLimit=320),
        )
        if revealed
        else alt.value(ANSWERS)
    )
    y = alt.Y("row:O", axis=None, title=None)
    top = max(int(d["count"].max()) if len(d) else 0, 1)
    base = alt.Chart(d).encode(
        y=y,
        tooltip=[alt.Tooltip("label:N", title=title), alt.Tooltip("count:Q", title=x_title)],
    )
    bars = base.mark_bar(height=BAR_THICK, yOffset=BAR_THICK / 2 + 1).encode(
        x=alt.X(
            "count:Q",
            title=x_title,
            scale=alt.Scale(domain=[0, top * 1.15]),  # room for the count at the end of the bar
            axis=alt.Axis(tickMinStep=1, format="d"),
        ),
        color=colour,
    )
    counts = base.mark_text(align="left", dx=4, yOffset=BAR_THICK / 2 + 1, fontSize=13, fontWeight="bold").encode(
        x="count:Q", text="count:Q"
    )
    names = base.mark_text(align="left", baseline="bottom", yOffset=-1, fontSize=13, limit=600).encode(
        x=alt.value(0), text="label:N"
    )
    return as_layer(alt.layer(bars, counts, names)).properties(title=wrap_title(title), height=alt.Step(ROW_PX))
