"""Charts of the lecture's loss log page: the stages' loss curves in the lecture's form."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import as_layer, variant_scale, wide_legend, wrap_title


def stage_curves(
    curves: pd.DataFrame,
    names: dict[str, str],
    decay_step: int,
    title: str,
    x_title: str,
    y_title: str,
    legend: str,
    decay_label: str,
) -> alt.LayerChart:
    """log10 of the batch loss, averaged over windows (curves: stage, step, log10_loss), one
    line per stage in the lecture's order, and a rule where the learning rate drops."""
    order = list(dict.fromkeys(curves["stage"]))
    df = curves.assign(name=curves["stage"].map(names))
    domain = [names[s] for s in order]
    lines = (
        alt.Chart(df)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("step:Q", title=x_title, axis=alt.Axis(format=",d")),
            y=alt.Y("log10_loss:Q", title=y_title, scale=alt.Scale(zero=False)),
            color=alt.Color(
                "name:N",
                title=legend,
                scale=variant_scale(domain),
                sort=domain,
                legend=wide_legend(legend),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=legend),
                alt.Tooltip("step:Q", title=x_title, format=","),
                alt.Tooltip("log10_loss:Q", title=y_title, format=".4f"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"step": [decay_step], "label": [decay_label]}))
        .mark_rule(strokeDash=[4, 4], color="#555")
        .encode(x="step:Q", tooltip=alt.Tooltip("label:N", title=" "))
    )
    text = (
        alt.Chart(pd.DataFrame({"step": [decay_step], "label": [decay_label]}))
        .mark_text(align="left", dx=4, dy=-6, baseline="bottom", color="#333")
        .encode(x="step:Q", y=alt.value(12), text="label:N")
    )
    return as_layer(alt.layer(lines, rule, text)).properties(title=wrap_title(title), height=340)
