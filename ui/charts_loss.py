"""Charts of the "Loss at init" page: tidy DataFrame in, alt.Chart out. No Streamlit here.

Every builder takes its (translated) title, axis titles and tooltip titles as arguments, and
the lesson's frames with their stable ids (W2 tokens, "naive"/"fixed", class numbers) plus a
mapping id -> shown text.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from ui.charts import as_layer, variant_scale

MARK = "#e8590c"  # the chosen value on a chart
TARGET, OTHER = "#37b24d", "#adb5bd"
# Softmax probabilities span 1 to 1e-13: one format for all of them, short enough for four bars
# side by side on a phone (".3g" mixed "6.91e-13" with "0.00000614").
PROB_FORMAT = ".2e"


def reference_line(value: float, label: str, below: bool = False, color: str = "#495057") -> alt.LayerChart:
    """A dashed horizontal line at `value`, labelled at the left, above it or below it."""
    base = alt.Chart(pd.DataFrame({"y": [value], "label": [label]}))
    tip = [alt.Tooltip("y:Q", title=label, format=".4f")]
    return as_layer(
        base.mark_rule(strokeDash=[6, 4], color=color).encode(y="y:Q", tooltip=tip)
        + base.mark_text(align="left", dx=4, dy=12 if below else -7, color=color).encode(
            y="y:Q", text="label:N", x=alt.value(0), tooltip=tip
        )
    )


def expected_curve(
    df: pd.DataFrame, v: int, title: str, x_title: str, y_title: str, point_label: str, height: int = 300
) -> alt.LayerChart:
    """ln V against V (columns V, loss), with the chosen V marked."""
    base = alt.Chart(df, title=title, height=height)
    tip = [alt.Tooltip("V:Q", title=x_title), alt.Tooltip("loss:Q", title=y_title, format=".4f")]
    curve = base.mark_line(color="#1c7ed6").encode(
        x=alt.X("V:Q", title=x_title, scale=alt.Scale(domain=[0, 100])), y=alt.Y("loss:Q", title=y_title), tooltip=tip
    )
    here = df[df["V"] == v].assign(label=point_label)
    point = (
        alt.Chart(here)
        .mark_point(size=140, filled=True, color=MARK)
        .encode(x="V:Q", y="loss:Q", tooltip=[alt.Tooltip("label:N", title=point_label), *tip])
    )
    text = (
        alt.Chart(here)
        .mark_text(align="left", dx=8, dy=10, color=MARK, fontWeight="bold")
        .encode(x="V:Q", y="loss:Q", text=alt.Text("loss:Q", format=".4f"))
    )
    return as_layer(curve + point + text)


def sweep(
    df: pd.DataFrame,
    labels: Mapping[str, str],
    chosen: str,
    expected: float,
    title: str,
    x_title: str,
    y_title: str,
    variant_title: str,
    chosen_label: str,
    rule_label: str,
    height: int = 400,
) -> alt.LayerChart:
    """Step-0 loss against the W2 scale on a log x-axis (the lesson's sweep: w2, scale, loss).

    A dashed line marks the uniform guess; a ring and a label mark the chosen scale (a w2 token);
    `labels`: w2 token -> the network's shown name.
    """
    df = df[["w2", "scale", "loss"]].assign(variant=df["w2"].map(labels))
    tip = [
        alt.Tooltip("variant:N", title=variant_title),
        alt.Tooltip("scale:Q", title=x_title, format="g"),
        alt.Tooltip("loss:Q", title=y_title, format=".4f"),
    ]
    x = alt.X(
        "scale:Q",
        title=x_title,
        scale=alt.Scale(type="log", domain=[0.001, 1]),
        axis=alt.Axis(values=[0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1], format="g"),
    )
    y = alt.Y("loss:Q", title=y_title, scale=alt.Scale(zero=True))
    base = alt.Chart(df, title=title, height=height)
    curve = base.mark_line(color="#1c7ed6").encode(x=x, y=y) + base.mark_point(
        filled=True, size=50, color="#1c7ed6"
    ).encode(x=x, y=y, tooltip=tip)
    here = df[df["w2"] == chosen].assign(label=chosen_label)
    ring = alt.Chart(here).mark_point(size=320, strokeWidth=3, color=MARK).encode(x="scale:Q", y="loss:Q", tooltip=tip)
    text = (
        alt.Chart(here)
        .mark_text(align="right", dx=-14, dy=-4, color=MARK, fontWeight="bold")
        .encode(x="scale:Q", y="loss:Q", text="label:N")
    )
    return as_layer(curve + ring + text + reference_line(expected, rule_label, below=True))


def logits_hist(
    binned: pd.DataFrame, title: str, x_title: str, y_title: str, from_title: str, to_title: str, height: int = 400
) -> alt.Chart:
    """Bars of a pre-binned histogram of logits (columns bin_start, bin_end, count)."""
    chart: alt.Chart = (  # mark_* is untyped in Altair (use_signature): Any
        alt.Chart(binned, title=title, height=height)
        .mark_bar(color="#7048e8", binSpacing=0)
        .encode(
            x=alt.X("bin_start:Q", title=x_title, bin="binned"),
            x2="bin_end:Q",
            y=alt.Y("count:Q", title=y_title),
            tooltip=[
                alt.Tooltip("bin_start:Q", title=from_title, format=".3f"),
                alt.Tooltip("bin_end:Q", title=to_title, format=".3f"),
                alt.Tooltip("count:Q", title=y_title),
            ],
        )
    )
    return chart


def softmax_bars(
    table: pd.DataFrame,
    names: Mapping[int, str],
    title: str,
    x_title: str,
    y_title: str,
    logit_title: str,
    role_title: str,
    target_label: str,
    other_label: str,
    height: int = 340,
) -> alt.LayerChart:
    """Probabilities of a few classes (columns cls, logit, prob, is_target), the target in green,
    each labelled in PROB_FORMAT; `names`: class number -> its shown name. The legend sits on
    top, so the bars keep the chart's width on a narrow screen."""
    df = table.assign(name=table["cls"].map(names), role=np.where(table["is_target"], target_label, other_label))
    x = alt.X("name:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("prob:Q", title=y_title, scale=alt.Scale(domain=[0, 1]))
    tip = [
        alt.Tooltip("name:N", title=x_title),
        alt.Tooltip("role:N", title=role_title),
        alt.Tooltip("logit:Q", title=logit_title, format=".2f"),
        alt.Tooltip("prob:Q", title=y_title, format=PROB_FORMAT),
    ]
    base = alt.Chart(df, title=title, height=height)
    bars = base.mark_bar().encode(
        x=x,
        y=y,
        tooltip=tip,
        color=alt.Color(
            "role:N",
            title=role_title,
            scale=alt.Scale(domain=[target_label, other_label], range=[TARGET, OTHER]),
            legend=alt.Legend(orient="top"),
        ),
    )
    text = base.mark_text(dy=-8, fontWeight="bold").encode(x=x, y=y, text=alt.Text("prob:Q", format=PROB_FORMAT))
    return as_layer(bars + text)


def hockey(
    df: pd.DataFrame,
    labels: Mapping[str, str],
    expected: float,
    title: str,
    x_title: str,
    y_title: str,
    variant_title: str,
    raw_title: str,
    smooth_title: str,
    rule_label: str,
    y_max: float | None = None,
    height: int = 480,
) -> alt.LayerChart:
    """Per-step minibatch loss (faint) and its rolling mean (bold) per variant.

    Columns: step, variant (an id of `labels`: id -> shown name), loss, smooth. With y_max, the
    y-axis stops there and higher values (a run blowing up before it diverges) are clamped to
    the top edge.
    """
    df = df[["step", "variant", "loss", "smooth"]].assign(variant=df["variant"].map(labels))
    domain = list(dict.fromkeys(df["variant"])) if len(df) else []
    color = alt.Color("variant:N", title=variant_title, scale=variant_scale(domain), legend=alt.Legend(orient="top"))
    x = alt.X("step:Q", title=x_title)
    base = alt.Chart(df, title=title, height=height)
    y_scale = alt.Scale(domain=[0, y_max], clamp=True) if y_max else alt.Undefined
    raw = base.mark_line(opacity=0.25, strokeWidth=1).encode(
        x=x, y=alt.Y("loss:Q", title=y_title, scale=y_scale), color=color
    )
    tip = [
        alt.Tooltip("variant:N", title=variant_title),
        alt.Tooltip("step:Q", title=x_title),
        alt.Tooltip("smooth:Q", title=smooth_title, format=".3f"),
        alt.Tooltip("loss:Q", title=raw_title, format=".3f"),
    ]
    smooth = base.mark_line(strokeWidth=2.5).encode(x=x, y="smooth:Q", color=color, tooltip=tip)
    return as_layer(raw + smooth + reference_line(expected, rule_label))
