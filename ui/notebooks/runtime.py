"""What a generated notebook calls in its setup cell: charts in the student's language.

No Streamlit here: a notebook imports this, `core` and the chart builders (ui/charts_*.py), none
of which needs a Streamlit script run.
"""

from __future__ import annotations

from typing import Any

import altair as alt
from altair.vegalite.v6.display import html_renderer

from ui.text import vega_locale

WIDTH, HEIGHT = 640, 300  # px of a chart that sets no size (on the page, charts fill their column)


# Altair 6 names its MIME type "application/vnd.vegalite.v6.json", which the notebook format
# reads as text (only "...+json" types hold JSON) and nbformat rejects: ours is the JSON one.
VEGALITE_MIME = "application/vnd.vegalite.v6+json"


def _both(spec: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    """A chart as Vega-Lite (JupyterLab, VS Code and nbviewer draw it) and as HTML with vega-embed
    (Colab and the classic notebook): each front end shows the one it knows."""
    html: dict[str, Any] = html_renderer(spec, **metadata)
    return {**html, VEGALITE_MIME: spec, "text/plain": "<Vega-Lite chart>"}


def chart_language(lang: str) -> None:
    """Charts from here on write numbers in `lang` (2.000 and 0,01 in Italian: Vega-Lite's
    `config.locale`, as on the page) and are drawn WIDTH px wide."""
    name = f"activations-{lang}"

    @alt.theme.register(name, enable=True)
    def _theme() -> alt.theme.ThemeConfig:
        return alt.theme.ThemeConfig(
            config={"locale": vega_locale(lang), "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT}}  # type: ignore[typeddict-item]
        )

    alt.renderers.register("activations", _both)
    alt.renderers.enable("activations")
    # the page's saturation map is 32 x 200 cells; the app hands Vega its data without this check
    alt.data_transformers.disable_max_rows()
