"""Altair charts of the Tanh saturation page. No Streamlit, no science here.

Each builder takes a frame of core.lessons.tanh_saturation (variant ids, `inactive` flags) plus the
words to show: `labels` maps a variant id to its translated name, `on_label` / `off_label` name
an inactive / active unit. Every chart gets a title, labelled axes and tooltips.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from ui.charts import as_layer, variant_scale, wide_legend, wrap_title

ACTIVE_COLOUR = "#4c6ef5"
INACTIVE_COLOUR = "#e8590c"


def state_hist(
    binned: pd.DataFrame,
    title: str,
    x_title: str,
    y_title: str,
    state_title: str,
    on_label: str,
    off_label: str,
    from_title: str,
    to_title: str,
    rules: Sequence[float] = (),
    rule_label: str = "",
    height: int = 300,
) -> alt.LayerChart:
    """Stacked bars of a pre-binned histogram (columns inactive, bin_start, bin_end, count),
    inactive on top, in orange, with optional dashed vertical rules (e.g. at +-threshold)."""
    binned = binned.assign(state=binned["inactive"].map({True: on_label, False: off_label}))
    bars = (
        alt.Chart(binned)
        .mark_bar(binSpacing=0)
        .encode(
            x=alt.X("bin_start:Q", title=x_title, bin="binned"),
            x2="bin_end:Q",
            y=alt.Y("count:Q", title=y_title, stack="zero"),
            color=alt.Color(
                "state:N",
                title=state_title,
                scale=alt.Scale(domain=[off_label, on_label], range=[ACTIVE_COLOUR, INACTIVE_COLOUR]),
                legend=alt.Legend(orient="top"),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("state:N", title=state_title),
                alt.Tooltip("bin_start:Q", title=from_title, format=".3f"),
                alt.Tooltip("bin_end:Q", title=to_title, format=".3f"),
                alt.Tooltip("count:Q", title=y_title),
            ],
        )
        .transform_calculate(order=f"datum.state == '{_js(on_label)}' ? 1 : 0")
    )
    layers = [bars]
    if rules:
        xs = [float(x) for x in rules]
        r = pd.DataFrame({"x": xs, "label": rule_label, "last": [x == max(xs) for x in xs]})
        rule = alt.Chart(r).encode(
            x="x:Q", tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("x:Q", title=x_title, format=".3f")]
        )
        layers.append(rule.mark_rule(strokeDash=[6, 4], color="#212529", size=1.5))
        # the label once, next to the last rule
        layers.append(
            rule.transform_filter("datum.last")
            .mark_text(align="right", dx=-4, dy=8, color="#212529")
            .encode(text="label:N", y=alt.value(0))
        )
    return as_layer(alt.layer(*layers)).properties(title=wrap_title(title), height=height)


def _js(s: str) -> str:
    return s.replace("\\", "\\\\").replace("'", "\\'")


def compare_bars(
    df: pd.DataFrame,
    labels: Mapping[str, str],
    title: str,
    x_title: str,
    y_title: str,
    w1_title: str,
    b1_title: str,
    dead_title: str,
    height: int = 260,
) -> alt.LayerChart:
    """% inactive per setting (columns variant (id), pct, w1, b1, dead), with its value as text."""
    df = df.assign(variant=df["variant"].map(labels))
    domain = list(df["variant"])
    base = alt.Chart(df).encode(
        x=alt.X("variant:N", title=x_title, sort=domain, axis=alt.Axis(labelAngle=0, labelLimit=220)),
        y=alt.Y("pct:Q", title=y_title, scale=alt.Scale(domain=[0, max(5.0, float(df["pct"].max()) * 1.15)])),
        tooltip=[
            alt.Tooltip("variant:N", title=x_title),
            alt.Tooltip("w1:Q", title=w1_title, format=".3f"),
            alt.Tooltip("b1:Q", title=b1_title, format=".3f"),
            alt.Tooltip("pct:Q", title=y_title, format=".1f"),
            alt.Tooltip("dead:Q", title=dead_title),
        ],
    )
    bars = base.mark_bar().encode(color=alt.Color("variant:N", legend=None, scale=variant_scale(domain)))
    text = base.mark_text(dy=-7).encode(text=alt.Text("pct:Q", format=".1f"))
    return as_layer(alt.layer(bars, text)).properties(title=wrap_title(title), height=height)


def loss_curve(
    curve: pd.DataFrame, labels: Mapping[str, str], title: str, x_title: str, y_title: str, color_title: str
) -> alt.Chart:
    """Minibatch loss per variant (columns variant (id), window, loss: the lesson's loss_curve).

    `labels` gives the legend's order and names, so each setting keeps its colour.
    """
    g = curve.assign(variant=curve["variant"].map(labels))
    domain = list(labels.values())
    # a run on its way to diverging reaches 1e30: a log axis keeps the healthy lines readable
    huge = len(g) > 0 and g["loss"].max() > 50 * max(g["loss"].min(), 1e-9)
    y_scale = alt.Scale(type="log") if huge else alt.Scale(zero=False)
    chart: alt.Chart = (  # mark_* is untyped in Altair (use_signature): Any
        alt.Chart(g, title=wrap_title(title), height=280)
        .mark_line()
        .encode(
            x=alt.X("window:Q", title=x_title),
            y=alt.Y("loss:Q", title=y_title, scale=y_scale, axis=alt.Axis(format=".0e" if huge else "~g")),
            # legend on top: on a phone a legend at the right halves the plot
            color=alt.Color(
                "variant:N", scale=variant_scale(domain), sort=domain, legend=wide_legend(color_title, symbol_size=300)
            ),
            tooltip=[
                alt.Tooltip("variant:N", title=color_title),
                alt.Tooltip("window:Q", title=x_title),
                alt.Tooltip("loss:Q", title=y_title, format=".3f"),
            ],
        )
    )
    return chart
