"""Chart downloads: CSV of the chart's data, SVG and PNG, with file names that say what they hold."""

from __future__ import annotations

import io
import json
import re

import altair as alt
import pandas as pd
import pyarrow as pa
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from tests.apptest import chart_downloads, run_page
from ui import export

PAGE = "pages/2_Tanh_saturation.py"


def test_chart_data_is_the_largest_frame_of_a_layered_chart():
    big = pd.DataFrame({"x": range(50), "y": range(50)})
    rule = pd.DataFrame({"x": [3.0]})
    chart = alt.layer(alt.Chart(big).mark_line().encode(x="x:Q", y="y:Q"), alt.Chart(rule).mark_rule().encode(x="x:Q"))

    def chart_data(c):
        return export.spec_data(export.vega_lite(c))

    assert chart_data(chart) is big
    assert chart_data(alt.Chart(rule).mark_rule().encode(x="x:Q")) is rule
    assert chart_data(alt.hconcat(alt.Chart(rule).mark_rule(), alt.Chart(big).mark_point())) is big


def test_file_stem_is_safe_and_says_what_it_holds():
    stem = export.file_stem(
        "tanh-saturation", "h-histogram", [("s_act", "Leaky ReLU"), ("s_w1", "0.2"), ("x", "../../etc/passwd")]
    )
    assert stem == "tanh-saturation_h-histogram_s_act-Leaky-ReLU_s_w1-0.2_x-etc-passwd"
    assert len(export.file_stem("p", "c", [("k", "v" * 500)])) <= export.MAX_STEM


def test_svg_and_png_render_the_chart():
    df = pd.DataFrame({"x": range(6000), "y": range(6000)})  # over Altair's default 5000-row limit
    chart = alt.Chart(df, title="Zèta title").mark_line().encode(x="x:Q", y="y:Q")
    svg = export.svg_text(chart)
    assert svg.lstrip().startswith("<svg") and "Zèta title" in svg
    png = export.png_bytes(chart)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
    width = int.from_bytes(png[16:20], "big")  # the IHDR chunk: a fixed width, however many points
    assert export.EXPORT_WIDTH * export.PNG_SCALE <= width < 1.3 * export.EXPORT_WIDTH * export.PNG_SCALE


@pytest.fixture
def downloads(monkeypatch):
    """file name -> the deferred callable a download button registered (AppTest can't click it)."""
    found: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        found[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return found


def chart_datasets(at, i):
    chart = at.get("vega_lite_chart")[i]
    return [pa.ipc.open_stream(ds.data.data).read_pandas() for ds in chart.proto.datasets]


def test_every_chart_has_csv_svg_png_downloads_carrying_its_data(downloads):
    at = run_page(PAGE, s_act="ReLU", s_w1="0.2")
    charts = at.get("vega_lite_chart")
    buttons = chart_downloads(at)
    assert len(buttons) == 3 * len(charts)
    names = sorted(n for n in downloads if "_notebook" not in n)  # the view's notebook: tests/e2e
    # meaningful names: page, chart, and the settings that differ from the defaults
    assert "tanh-saturation_saturation-map_s_act-relu_s_w1-0.2.csv" in names
    assert {n.rsplit(".", 1)[1] for n in names} == {"csv", "svg", "png"}
    # the map's CSV is the map's data: 32 examples x 200 neurons, the same values the chart draws
    csv = pd.read_csv(io.BytesIO(downloads["tanh-saturation_saturation-map_s_act-relu_s_w1-0.2.csv"]()))
    drawn = max(chart_datasets(at, 2), key=len)
    assert len(csv) == 32 * 200 == len(drawn)
    assert csv["h"].to_numpy() == pytest.approx(drawn["h"].to_numpy(), abs=1e-6)
    assert set(csv["state"]) == set(drawn["state"])
    svg = downloads["tanh-saturation_saturation-map_s_act-relu_s_w1-0.2.svg"]()
    assert svg.lstrip().startswith("<svg")


def test_toggling_the_activation_changes_the_downloaded_data(downloads):
    at = run_page(PAGE)
    before = downloads["tanh-saturation_h-histogram.csv"]()
    at.selectbox(key="s_act").select("relu").run()
    after = downloads["tanh-saturation_h-histogram_s_act-relu.csv"]()
    assert before != after
    assert "ReLU" not in before.decode() and len(pd.read_csv(io.BytesIO(after)))


def tick_labels(svg: str) -> list[str]:
    return re.findall(r">([^<>]*\d[^<>]*)</text>", svg)


@pytest.mark.parametrize(("lang", "decimal", "tick"), [("en", ".", "0.8"), ("it", ",", "0,8")])
def test_charts_and_their_files_write_numbers_in_the_students_language(downloads, lang, decimal, tick):
    """Every chart carries its language's Vega locale (Chromium honours it: Italian ticks read
    2.000 and 0,8); the downloaded SVG, made by vl-convert, has the same tick labels."""
    at = run_page(PAGE, lang=lang)
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert specs and all(s["config"]["locale"]["number"]["decimal"] == decimal for s in specs)
    ticks = tick_labels(downloads["tanh-saturation_h-histogram.svg"]())  # h in [-1, 1]: ticks 0.2 apart
    assert tick in ticks, ticks


def test_presenter_mode_keeps_the_language_of_numbers():
    at = run_page(PAGE, lang="it", present="true")
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert specs and all(s["config"]["locale"]["number"]["thousands"] == "." for s in specs)
