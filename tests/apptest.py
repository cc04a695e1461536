"""AppTest helpers shared by the page tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


def run_page(page: str, timeout: float = 120, **params) -> AppTest:
    """Run a page script (path relative to the repo root) with query params; no exception allowed."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=timeout)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart(at: AppTest, title_part: str) -> Any:
    """The one Vega-Lite chart whose spec mentions `title_part`."""
    found = [
        c for c in at.get("vega_lite_chart") if title_part in json.dumps(json.loads(c.proto.spec), ensure_ascii=False)
    ]
    assert len(found) == 1, f"{len(found)} charts mention {title_part!r}"
    return found[0]


def frames(c: Any) -> list[pd.DataFrame]:
    """A chart's datasets as DataFrames (Streamlit sends them as Arrow streams)."""
    return [pa.ipc.open_stream(d.data.data).read_pandas() for d in c.proto.datasets]


def charts_by_title(at: AppTest) -> dict[str, tuple[dict[str, Any], dict[str, pd.DataFrame]]]:
    """Each chart's title -> (its Vega-Lite spec, {dataset name: DataFrame})."""
    out = {}
    for c in at.get("vega_lite_chart"):
        spec = json.loads(c.proto.spec)
        out[spec["title"]] = (spec, {d.name: pa.ipc.open_stream(d.data.data).read_pandas() for d in c.proto.datasets})
    return out


def chart_downloads(at: AppTest) -> list[Any]:
    """The charts' download buttons (CSV, SVG, PNG), without the view's "Open as notebook" ones."""
    return [b for b in at.get("download_button") if not str(b.key or "").startswith("dl_notebook")]
