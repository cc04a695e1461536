"""Every chart with its downloads: the data as CSV, the chart as SVG and PNG.

`show(chart, name, alt)` is how pages draw an Altair chart. Under it sit three download
buttons whose files are made only when clicked (deferred callables), so a render costs
nothing extra. SVG and PNG come from vl-convert, the converter Altair itself uses for
`chart.save`. File names say what they hold: page, chart, and the settings of the view,
e.g. `tanh-saturation_h-histogram_s_act-ReLU_s_w1-0.2.csv`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import altair as alt
import pandas as pd
import streamlit as st
import vl_convert as vlc
from altair.typing import ChartType
from streamlit.delta_generator import DeltaGenerator

from ui import present
from ui import state as S
from ui.text import t, vega_locale

EXPORT_WIDTH = 720  # px: charts are drawn to the container's width on screen; files need one
PNG_SCALE = 2  # crisp on a projector and in slides
MAX_STEM = 150  # characters of a file name before the extension
VALIDATE = os.environ.get("ACTIVATIONS_VALIDATE_CHARTS") == "1"  # schema-check every chart (tests)
ALTAIR_DEFAULT_VIEW = {"continuousWidth": 300, "continuousHeight": 300}

Spec = dict[str, Any]  # a Vega-Lite spec, as Altair's to_dict gives it
C = TypeVar("C", bound=alt.SchemaBase)  # a chart or one of its parts

if not VALIDATE:
    # Altair's debug mode re-validates every channel as a chart is built (a fifth of building
    # one); off in the app, on in the tests, which also validate every finished spec.
    alt.utils.schemapi.disable_debug_mode()


def slug(text: str) -> str:
    """File-name safe: letters, digits, '.', '-' and '_' only."""
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", text.strip()).strip("-.")
    return s or "x"


def file_stem(page: str, name: str, params: Sequence[tuple[str, str]]) -> str:
    """page_chart_key-value_...: the page, the chart and the settings (not at default) that made it."""
    parts = [slug(page), slug(name)] + [f"{slug(k)}-{slug(v)}" for k, v in params]
    return "_".join(parts)[:MAX_STEM]


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8")


def _detach(chart: C, names: dict[int, str], found: dict[str, pd.DataFrame]) -> C:
    """A shallow copy of the chart whose DataFrames are replaced by named references."""
    c = chart.copy(deep=False)
    data = getattr(c, "data", alt.Undefined)
    if isinstance(data, pd.DataFrame):
        name = names.setdefault(id(data), f"df_{len(names)}")  # not "data_N": Vega names its own sources so
        found[name] = data
        c.data = alt.NamedData(name=name)
    for part in ("layer", "hconcat", "vconcat", "concat"):
        subs = getattr(c, part, alt.Undefined)
        if isinstance(subs, list):
            setattr(c, part, [_detach(sub, names, found) for sub in subs])
    spec = getattr(c, "spec", alt.Undefined)
    if isinstance(spec, alt.SchemaBase):
        c.spec = _detach(spec, names, found)
    return c


def vega_lite(chart: ChartType, inline: bool = False) -> Spec:
    """The chart as a Vega-Lite dict, its DataFrames under top-level "datasets".

    Built without Altair's data transformer (a process-wide setting that Streamlit guards with
    a lock every session queues on) and without JSON-schema validation, a third of a cached
    render; the test suite turns validation on (ACTIVATIONS_VALIDATE_CHARTS=1). The datasets
    stay DataFrames for Streamlit, which ships them as Arrow, or become JSON records `inline`.
    """
    found: dict[str, pd.DataFrame] = {}
    spec = _detach(chart, {}, found).to_dict(validate=VALIDATE)
    config = spec.get("config", {})
    if config.get("view") == ALTAIR_DEFAULT_VIEW:  # Altair's default theme; Streamlit sizes charts itself
        del config["view"]
        if not config:
            del spec["config"]
    spec["datasets"] = {k: json.loads(df.to_json(orient="records")) for k, df in found.items()} if inline else found
    return spec


def spec_data(spec: Spec) -> pd.DataFrame:
    """A spec's underlying data: its largest dataset (the others are reference lines)."""
    found = [d for d in spec.get("datasets", {}).values() if isinstance(d, pd.DataFrame)]
    return max(found, key=len) if found else pd.DataFrame()


def _for_files(spec: Spec) -> Spec:
    """The spec with its data inline, at a fixed width, for the converters."""
    out = dict(spec)
    if not any(k in out for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        out["width"] = EXPORT_WIDTH  # compound charts size their parts themselves
    out["datasets"] = {
        k: json.loads(df.to_json(orient="records")) if isinstance(df, pd.DataFrame) else df
        for k, df in spec.get("datasets", {}).items()
    }
    return out


def _spec(chart: ChartType | Spec) -> Spec:
    return chart if isinstance(chart, dict) else vega_lite(chart)


def svg_text(chart: ChartType | Spec) -> str:
    return vlc.vegalite_to_svg(_for_files(_spec(chart)))


def png_bytes(chart: ChartType | Spec) -> bytes:
    return vlc.vegalite_to_png(_for_files(_spec(chart)), scale=PNG_SCALE)


def page_name() -> str:
    """This page's name for file names, e.g. "tanh-saturation" (from its url; page_setup
    records which page is running)."""
    from ui.pages import PAGES

    page = next((p for p in PAGES if p.key == st.session_state.get(S.PAGE_ID)), None)
    return page.url_path.replace("_", "-").lower() if page else "home"


def localised(spec: Spec) -> Spec:
    """A copy of the spec whose axes, legends and tooltips write numbers in the student's
    language (Vega-Lite's `config.locale`: 2.000 and 0,01 in Italian)."""
    return {**spec, "config": {**spec.get("config", {}), "locale": vega_locale()}}


def show(
    chart: ChartType | Spec, name: str, alt_text: str, where: DeltaGenerator | None = None, buttons: bool = True
) -> None:
    """Draw a chart full width (an Altair chart or its Vega-Lite dict), with CSV / SVG / PNG
    downloads of it underneath (not with `buttons=False`: a preview that the view replaces).

    `name` is a short, stable, file-name-safe id of the chart on its page (also the buttons'
    key, so it must be unique on the page). Presenter mode draws it larger, without buttons.
    """
    where = where or st.container()
    spec = localised(_spec(chart))  # the downloads too: a file is in the language it was made in
    if present.presenting():
        where.vega_lite_chart(present.enlarge(spec), width="stretch", alt=alt_text)
        return
    where.vega_lite_chart(dict(spec), width="stretch", alt=alt_text)  # a copy: Streamlit pops its datasets
    if not buttons:
        return
    stem = file_stem(page_name(), name, S.view_params())
    row = where.container(horizontal=True, gap="small")
    data = spec_data(spec)
    files: list[tuple[str, Callable[[], bytes | str], str, str]] = [  # (kind, made on click, mime, help)
        ("csv", lambda: csv_bytes(data), "text/csv", t("common.export.csv_help", rows=len(data))),
        ("svg", lambda: svg_text(spec), "image/svg+xml", t("common.export.svg_help")),
        ("png", lambda: png_bytes(spec), "image/png", t("common.export.png_help")),
    ]
    shown = [(t(f"common.export.{k}"), f"{stem}.{k}", make, mime, tip) for k, make, mime, tip in files]
    downloads(row, shown, name, type="tertiary")


def downloads(
    where: DeltaGenerator,
    files: Sequence[tuple[str, str, Callable[[], bytes | str], str, str]],
    key: str,
    **style: Any,
) -> None:
    """Download buttons for `files` (label, file name, made on click, mime, help): each file is
    built only when its button is clicked, and a click does not rerun the page. `style`: the
    buttons' type/width (the charts' row is "tertiary", the notebook's popover full width)."""
    for label, file_name, make, mime, tip in files:
        where.download_button(
            label,
            data=make,
            file_name=file_name,
            mime=mime,
            key=f"dl_{key}_{file_name.rsplit('.', 1)[1]}",
            on_click="ignore",
            icon=":material/download:",
            help=tip,
            **style,
        )
