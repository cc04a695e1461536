"""Fuzz every page's query params: junk, huge, NaN, inf, negative, unicode, repeated keys.

Every case must render without an exception element. A value the page cannot use shows a
notice (st.warning) and the page falls back to its default.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "pages").glob("*.py"))
NASTY = ["", "nan", "NaN", "inf", "-inf", "1e309", "-1", "-1e9", "1e9", "0", "2.5", "true", "ReLU",
         "relu", "é🙂", "<script>alert(1)</script>", "**bold**", "[x](javascript:1)", "9" * 400, "0x10", " 1 "]


def page_keys(path: Path) -> list[str]:
    """Query-param keys a page declares (Control("k", ...) and activation_control("k", ...))."""
    return sorted(set(re.findall(r"""(?:Control|activation_control)\(\s*["']([a-z]_[a-z0-9_]+)["']""", path.read_text())))


values = st.one_of(st.sampled_from(NASTY), st.text(max_size=30),
                   st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=False).map(repr))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_fuzzed_params_never_crash(path):
    keys = page_keys(path)
    assert keys, f"{path.name} declares no URL controls"
    params = st.dictionaries(st.sampled_from(keys + ["zz_unknown"]),
                             st.one_of(values, st.lists(values, min_size=2, max_size=3)), min_size=1, max_size=4)

    @settings(max_examples=6, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(params)
    def check(qp):
        at = AppTest.from_file(str(path), default_timeout=180)
        for k, v in qp.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, (qp, at.exception[0].message if at.exception else "")
        if "zz_unknown" in qp:
            assert at.warning, "an unknown param must show a notice"

    check()
