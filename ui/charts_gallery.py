"""Altair builders for the activation gallery: tidy DataFrame in, alt.Chart out; and the cards'
formula layout (LaTeX in, LaTeX and its CSS out). No Streamlit.

Series styles are passed in as ``styles`` (display name -> ui.charts.Style, the page builds it
once with ui.charts.styles), so one activation keeps one colour, dash and point shape in every
chart of the page whatever the chart's own rows are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import altair as alt
import pandas as pd

from ui.charts import LEGEND_ROW_PX, Style, as_layer, log_ticks, wide_legend, wrap_title

OTHER = "#ced4da"  # unselected entries of the timeline
REFERENCE = "#6c757d"  # the dashed out = in line: a grey no series uses


def _scale(styles: Mapping[str, Style], attr: str) -> alt.Scale:
    """An explicit name -> colour / dash / shape scale (the same mapping in every chart)."""
    values = [getattr(s, attr) for s in styles.values()]
    return alt.Scale(domain=list(styles), range=[list(v) if isinstance(v, tuple) else v for v in values])


def legend_height(styles: Mapping[str, Style], height: int, row_px: int = LEGEND_ROW_PX) -> int:
    """The chart height that keeps the plot `height` tall once the legend takes its rows (two
    columns on a phone: two rows of 4 names fit in the base height, more add a row each)."""
    return height + row_px * max(0, math.ceil(len(styles) / 2) - 2)


def series_encodings(styles: Mapping[str, Style], title: str, points: bool = False) -> dict[str, alt.FieldChannelMixin]:
    """Colour and dash (and point shape) by activation name, one merged legend on top."""
    legend = wide_legend(title, symbol_size=100 if points else 300)
    enc: dict[str, alt.FieldChannelMixin] = {
        "color": alt.Color("name:N", title=title, scale=_scale(styles, "colour"), legend=legend),
        # with points, the legend shows the point shapes (a dashed outline of a square reads as noise)
        "strokeDash": alt.StrokeDash(
            "name:N", title=title, scale=_scale(styles, "dash"), legend=None if points else legend
        ),
    }
    if points:
        enc["shape"] = alt.Shape("name:N", title=title, scale=_scale(styles, "shape"), legend=legend)
    return enc


def _axes_at_zero() -> alt.LayerChart:
    """Light rules at x = 0 and y = 0, so the origin (and zero-centring) is visible."""
    zero = alt.Chart(pd.DataFrame({"v": [0.0]}))
    return as_layer(
        zero.mark_rule(color="#adb5bd", strokeWidth=1).encode(x="v:Q")
        + zero.mark_rule(color="#adb5bd", strokeWidth=1).encode(y="v:Q")
    )


def curve(
    df: pd.DataFrame,
    styles: Mapping[str, Style],
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    height: int = 420,
) -> alt.LayerChart:
    """One line per activation: columns name, x, value (one ``kind`` of core.curves)."""
    lines = (
        alt.Chart(df)
        .mark_line(strokeWidth=2.5, clip=True)
        .encode(
            x=alt.X("x:Q", title=x_title, scale=alt.Scale(nice=False)),
            y=alt.Y("value:Q", title=y_title),
            **series_encodings(styles, legend_title),
            tooltip=[
                alt.Tooltip("name:N", title=legend_title),
                alt.Tooltip("x:Q", title=x_title, format=".3f"),
                alt.Tooltip("value:Q", title=y_title, format=".4f"),
            ],
        )
    )
    return as_layer(alt.layer(_axes_at_zero(), lines, title=wrap_title(title), height=legend_height(styles, height)))


def signal(
    df: pd.DataFrame,
    styles: Mapping[str, Style],
    title: str,
    x_title: str,
    y_title: str,
    legend_title: str,
    identity_label: str,
    mean_title: str,
    msd_title: str,
    height: int = 420,
) -> alt.LayerChart:
    """Output std against input std, log-log, with the dashed reference line out = in (its own
    legend entry, so the dashes are explained). Round 1-2-5 ticks on both axes.

    Columns: name, input_std, out_std, out_mean, mean_sq_deriv (core.signal_propagation).
    """
    d = df[df["out_std"] > 0]  # a zero output std cannot go on a log axis
    stds = sorted(df["input_std"].unique()) if len(df) else [1.0]
    ys = list(d["out_std"]) + stds
    ticks = log_ticks(min(ys), max(ys))
    axis_x = alt.Axis(values=log_ticks(min(stds), max(stds)), format="~g")
    axis_y = alt.Axis(values=ticks, format="~g")
    x = alt.X("input_std:Q", title=x_title, scale=alt.Scale(type="log"), axis=axis_x)
    # from the decade below the data to just above it (a nice log domain would add a whole empty decade)
    y_domain = [ticks[0], max(ys) * 1.25] if ticks else alt.Undefined
    y = alt.Y("out_std:Q", title=y_title, scale=alt.Scale(type="log", domain=y_domain, nice=False), axis=axis_y)
    ref = pd.DataFrame({"input_std": stds, "out_std": stds, "label": identity_label})
    diagonal = (
        alt.Chart(ref)
        .mark_line(strokeWidth=1.5)
        .encode(
            x=x,
            y=y,
            # a legend of its own, inside the empty top-left corner (scales resolved apart below)
            color=alt.Color(
                "label:N",
                scale=alt.Scale(domain=[identity_label], range=[REFERENCE]),
                legend=alt.Legend(
                    title=None,
                    orient="top-left",
                    symbolDash=[6, 4],
                    symbolStrokeWidth=1.5,
                    symbolSize=600,
                    labelLimit=320,  # Vega's 160 px cut "std dell'output = std dell'..."
                    fillColor="#ffffff",
                ),
            ),
            strokeDash=alt.StrokeDash("label:N", scale=alt.Scale(domain=[identity_label], range=[[6, 4]]), legend=None),
            tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("input_std:Q", title=x_title, format=".3g")],
        )
    )
    lines = (
        alt.Chart(d)
        .mark_line(point=True, strokeWidth=2.5)
        .encode(
            x=x,
            y=y,
            **series_encodings(styles, legend_title, points=True),
            tooltip=[
                alt.Tooltip("name:N", title=legend_title),
                alt.Tooltip("input_std:Q", title=x_title, format=".3g"),
                alt.Tooltip("out_std:Q", title=y_title, format=".4f"),
                alt.Tooltip("out_mean:Q", title=mean_title, format=".4f"),
                alt.Tooltip("mean_sq_deriv:Q", title=msd_title, format=".4f"),
            ],
        )
    )
    tall = legend_height(styles, height, row_px=31)  # point symbols make taller legend rows
    chart: alt.LayerChart = as_layer(alt.layer(lines, diagonal, title=wrap_title(title), height=tall)).resolve_scale(
        color="independent", strokeDash="independent", shape="independent"
    )
    return chart


def timeline(
    df: pd.DataFrame,
    styles: Mapping[str, Style],
    title: str,
    x_title: str,
    name_title: str,
    ref_title: str,
    selected_title: str,
    yes: str,
    no: str,
) -> alt.LayerChart:
    """One row per activation, a dot at its year, named next to it (no y axis: the names are
    the labels); selected ones in their colour and shape, the others grey. Labels sit on the
    side with room (right of the early years, left of the late ones), so none runs off a phone.

    Columns: name, year, reference, selected (bool).
    """
    lo, hi = int(df["year"].min()), int(df["year"].max())
    middle = (lo + hi) / 2
    grey = Style(OTHER, (1, 0), "circle")
    d = df.assign(
        color=[styles.get(n, grey).colour if s else OTHER for n, s in zip(df["name"], df["selected"])],
        shape=[styles.get(n, grey).shape if s else "circle" for n, s in zip(df["name"], df["selected"])],
        is_selected=df["selected"].map({True: yes, False: no}),
        label=[f"{n} ({y})" for n, y in zip(df["name"], df["year"])],
        left=df["year"] > middle,
    )
    order = list(d.sort_values(["year", "name"])["name"])  # oldest on top
    base = alt.Chart(d).encode(
        x=alt.X(
            "year:Q",
            title=x_title,
            scale=alt.Scale(domain=[lo - 4, hi + 4], nice=False),
            axis=alt.Axis(format="d", values=list(range(lo - lo % 10, hi + 10, 10))),
        ),
        y=alt.Y("name:N", sort=order, axis=None),
        tooltip=[
            alt.Tooltip("name:N", title=name_title),
            alt.Tooltip("year:Q", title=x_title, format="d"),
            alt.Tooltip("reference:N", title=ref_title),
            alt.Tooltip("is_selected:N", title=selected_title),
        ],
    )
    chosen = "datum.selected"
    dots = base.mark_point(filled=True, opacity=1).encode(
        color=alt.Color("color:N", scale=None),  # the hex colours themselves
        shape=alt.Shape("shape:N", scale=None),
        size=alt.condition(chosen, alt.value(220), alt.value(70)),
    )
    labels = [
        base.transform_filter(f"({chosen} == {str(bold).lower()}) && (datum.left == {str(left).lower()})")
        .mark_text(
            align="right" if left else "left",
            dx=-10 if left else 10,
            fontSize=12,
            fontWeight="bold" if bold else "normal",
            color="#212529" if bold else "#6c757d",
        )
        .encode(text="label:N")
        for bold in (True, False)
        for left in (True, False)
    ]
    return as_layer(alt.layer(dots, *labels, title=wrap_title(title), height=max(200, 22 * len(d))))


# ---- formulas of the cards -------------------------------------------------------------------
# A display formula never wraps (KaTeX draws it as one line, cut or scrolled at the column's
# edge), so a long one is laid out here over lines: "f(x) &= A \\ &= B" at its top-level "=",
# its "where ..." clauses (",\quad s = ...") on lines of their own, and a line still too long
# broken before a top-level "+". A formula with no such break (GELU's tanh form) stays whole:
# on a phone its card scrolls it.
LINE_CHARS = 64  # LaTeX source characters of a line before it is split
_CLAUSE = re.compile(r",?\s*\\quad\s*|,\s*\\\s+")  # ",\quad", "\quad", ",\ ": a clause starts after it
_OPEN, _CLOSE = "{([", "})]"


def _top_level(latex: str) -> list[bool]:
    """For each character: is it outside every group ({}, (), [], \\left..\\right, \\begin..\\end)?"""
    out, depth, i = [], 0, 0
    while i < len(latex):
        # \left( ... \right) and \begin{..} ... \end{..}: one level, whatever their delimiter
        group = re.match(r"\\(left|right)(\\[a-zA-Z]+|\\.|.)|\\(begin|end)\{\w+\*?\}", latex[i:])
        if group:
            opens = group.group(1) == "left" or group.group(3) == "begin"
            depth += 1 if opens else 0
            out += [False] * group.end()
            i += group.end()
            depth -= 0 if opens else 1
            continue
        c = latex[i]
        if latex[i - 1 : i] == "\\" and c in _OPEN + _CLOSE:  # an escaped brace is a symbol
            out.append(depth == 0)
        elif c in _OPEN:
            depth += 1
            out.append(False)
        elif c in _CLOSE:
            depth -= 1
            out.append(False)
        else:
            out.append(depth == 0)
        i += 1
    return out


def _split(latex: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """`latex` cut at the top-level matches of `pattern`: [(separator before, piece), ...]."""
    top = _top_level(latex)
    cuts = [m for m in pattern.finditer(latex) if all(top[m.start() : m.end()])]
    pieces, start, sep = [], 0, ""
    for m in cuts:
        pieces.append((sep, latex[start : m.start()]))
        start, sep = m.end(), m.group()
    pieces.append((sep, latex[start:]))
    return [(s, p.strip()) for s, p in pieces if p.strip()]


def _sum_lines(expr: str, budget: int) -> list[str]:
    """`expr` broken before top-level "+" signs into lines of about `budget` characters."""
    lines: list[str] = []
    for sep, term in _split(expr, re.compile(r"\+")):
        if lines and len(lines[-1]) + len(term) + 3 > budget:
            lines.append(f"+ {term}")
        else:
            lines[-1:] = [(lines[-1] + f" {sep} " if lines else "") + term]
    return lines


def _decimals(latex: str, decimal: str) -> str:
    """Decimal numbers of `latex` ("1.0507") with the student's decimal mark ("1{,}0507": KaTeX
    spaces a bare comma as punctuation)."""
    return re.sub(r"(?<=\d)\.(?=\d)", "{,}" if decimal == "," else decimal, latex)


def formula(latex: str, decimal: str = ".", budget: int = LINE_CHARS) -> str:
    """A display formula laid out to fit a card: unchanged when short, else an aligned block
    with one "=" step, "where" clause or long sum's continuation per line; its decimal numbers
    written with `decimal`."""
    if len(latex) <= budget:
        return _decimals(latex, decimal)
    (_, main), *clauses = _split(latex, _CLAUSE)
    lhs, *steps = [p for _, p in _split(main, re.compile(r"="))]
    rows = []
    for k, step in enumerate(steps or [lhs]):
        head = (lhs + " &= ") if k == 0 and steps else "&= " if steps else "& "
        first, *more = _sum_lines(step, budget)
        rows += [head + first] + [r"&\quad " + x for x in more]
    where = ""
    for sep, clause in clauses:  # "where" clauses share a line while they fit
        comma = "," if sep.startswith(",") else ""
        if where and len(where) + len(clause) + 4 <= budget:
            where += comma + r"\ " + clause
        else:
            if where:
                rows.append(r"&\quad " + where)
            rows[-1] += comma  # the separator's comma ends the line before it: "\end{cases},"
            where = clause
    if where:
        rows.append(r"&\quad " + where)
    # one row per source line, so the block reads as it is drawn
    laid = latex if len(rows) == 1 else "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"
    return _decimals(laid, decimal)
