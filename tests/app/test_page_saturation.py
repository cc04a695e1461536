"""AppTest of the Tanh saturation page: renders, reacts, restores from links, rejects bad ones.

Every run here trains at most a few hundred steps, and st.cache_data is shared by the runs of
this process, so the file takes well under a minute.
"""

from __future__ import annotations

import math

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import run_page

PAGE = "pages/2_Tanh_saturation.py"


def run(**params) -> AppTest:
    return run_page(PAGE, **params)


def pct_inactive(at: AppTest) -> float:
    """The first metric: '64.8 %' (or '64,8 %' in Italian) -> 64.8."""
    return float(at.metric[0].value.split()[0].replace(",", "."))


def chart_frames(at: AppTest, i: int):
    """The datasets (as DataFrames) a chart ships to the browser."""
    chart = at.get("vega_lite_chart")[i]
    return [pa.ipc.open_stream(ds.data.data).read_pandas() for ds in chart.proto.datasets]


def chart_data(at: AppTest, i: int) -> tuple[str, list[str]]:
    chart = at.get("vega_lite_chart")[i]
    return chart.proto.spec, [df.to_csv() for df in chart_frames(at, i)]


def test_default_renders_the_lecture_before_the_fix():
    at = run()
    assert at.selectbox(key="s_act").value == "tanh"
    assert at.slider(key="s_w1").value == 1.0 and at.slider(key="s_b1").value == 1.0
    assert not at.warning and not at.error
    # metrics, the two histograms, the map, the comparison, the local gradient; no loss curve at init
    assert len(at.metric) == 4
    assert len(at.get("vega_lite_chart")) == 5
    assert 50 < pct_inactive(at) < 80  # the lecture's map is mostly white
    # the map ships one row per (example, neuron) pair of the minibatch: 32 x 200
    sat_map = next(df for df in chart_frames(at, 2) if "neuron" in df)
    assert len(sat_map) == 32 * 200
    # the numbers the page showed before the lessons layer (same seed, same numbers)
    assert [m.value for m in at.metric] == ["64.8 %", "0 / 200", "0.139", "3.33e-05"]
    assert at.metric[0].label == "Saturated"


def test_deep_link_w1_restores_and_shows_the_lecture_ratio():
    before = run(s_w1="1.0")
    fixed = run(s_w1="0.2")
    assert fixed.slider(key="s_w1").value == pytest.approx(0.2)
    assert not fixed.warning
    # the lecture: lots of white at W1 x 1.0, almost none at W1 x 0.2
    assert pct_inactive(before) >= 5 * pct_inactive(fixed)
    assert chart_data(before, 0) != chart_data(fixed, 0)


def test_activation_deep_link_uses_the_registry_key():
    at = run(s_act="relu")
    assert at.selectbox(key="s_act").value == "relu" and not at.warning
    assert at.query_params["s_act"] in ("relu", ["relu"])  # the URL keeps the key, never the shown name
    old = run(s_act="ReLU")  # a link of the old form (the display name) still opens the same view
    assert old.selectbox(key="s_act").value == "relu" and not old.warning
    assert pct_inactive(old) == pytest.approx(pct_inactive(at))


def test_a_link_opens_the_same_view_in_italian():
    en = run(s_act="sigmoid", s_w1="0.5", s_thr="0.97")
    it = run(s_act="sigmoid", s_w1="0.5", s_thr="0.97", lang="it")
    assert not it.warning and it.selectbox(key="s_act").value == "sigmoid"
    # the same numbers, written the Italian way (0,114 and 2,75e-05)
    assert [m.value for m in it.metric][2:] == [m.value.replace(".", ",") for m in en.metric][2:]
    assert pct_inactive(it) == pytest.approx(pct_inactive(en))
    assert chart_data(it, 2)[1] != chart_data(en, 2)[1]  # the map's labels are translated ...
    assert chart_frames(it, 2)[0]["inactive"].equals(chart_frames(en, 2)[0]["inactive"])  # ... not its cells


def test_changing_the_activation_to_relu_changes_the_charts():
    at = run()
    tanh_hist, tanh_map = chart_data(at, 1), chart_data(at, 2)
    tanh_label = at.metric[0].label
    at.selectbox(key="s_act").select("relu").run()
    assert not at.exception
    assert chart_data(at, 1) != tanh_hist and chart_data(at, 2) != tanh_map
    assert at.metric[0].label != tanh_label  # "Inactive (zero gradient)", not "Saturated"
    assert at.query_params["s_act"] in ("relu", ["relu"])
    # ReLU: about half the inputs are negative, whatever the scale
    assert 35 < pct_inactive(at) < 65


def test_the_threshold_changes_a_saturating_view_only():
    tanh = run(s_thr="0.97")
    assert pct_inactive(tanh) == pytest.approx(71.6)  # the lecture's percentage threshold
    assert pct_inactive(run(s_act="relu", s_thr="0.5")) == pytest.approx(pct_inactive(run(s_act="relu")))


def test_preset_buttons_set_the_sliders():
    at = run()
    at.button(key="s_btn_fix").click().run()
    assert at.slider(key="s_w1").value == pytest.approx(0.2)
    assert at.slider(key="s_b1").value == pytest.approx(0.01)
    assert pct_inactive(at) < 5  # the lecture's fix: almost no white
    at.button(key="s_btn_kaiming").click().run()
    assert at.slider(key="s_w1").value == pytest.approx((5 / 3) / math.sqrt(30), abs=1e-3)
    at.button(key="s_btn_before").click().run()
    assert at.slider(key="s_w1").value == 1.0 and at.slider(key="s_b1").value == 1.0


def test_steps_deep_link_trains_and_labels_the_snapshot():
    at = run(s_steps="200", s_thr="0.97")
    assert at.slider(key="s_steps").value == 200
    assert at.slider(key="s_thr").value == pytest.approx(0.97)
    assert any("200" in c.value and "step" in c.value for c in at.caption)
    assert len(at.get("vega_lite_chart")) == 6  # + the loss curve


@pytest.mark.parametrize(
    "key,bad", [("s_w1", "abc"), ("s_b1", "1e9"), ("s_thr", "nan"), ("s_act", "softmax"), ("s_steps", "-100")]
)
def test_bad_param_warns_and_uses_the_default(key, bad):
    at = run(**{key: bad})
    assert len(at.warning) == 1 and key in at.warning[0].value
    assert pct_inactive(at) == pytest.approx(pct_inactive(run()))  # the default view


def test_diverged_run_says_where_and_draws_no_nan():
    at = run(s_act="identity", s_w1="3", s_b1="3", s_steps="100")
    assert at.selectbox(key="s_act").value == "identity"
    assert at.error and "diverged at step 16" in at.error[0].value and "Your setting" in at.error[0].value
    assert not at.metric  # no snapshot to show: the loss curve only
    assert at.get("vega_lite_chart")  # the loss up to the divergence
    for i in range(len(at.get("vega_lite_chart"))):
        for df in chart_frames(at, i):
            num = df.select_dtypes("number")
            assert num.notna().all().all() and not num.isin([math.inf, -math.inf]).any().any()
