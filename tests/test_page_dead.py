"""AppTest of the "Dead neurons" page: default view, deep links, presets, bad links."""
import json
import math

import pyarrow as pa
from streamlit.testing.v1 import AppTest

from tests.apptest import run_page

PAGE = "pages/3_Dead_neurons.py"
QUICK = "200"  # steps for the tests that are not about the default budget
DEFAULT_NAMES = ["ReLU", "Leaky ReLU", "Tanh", "ELU"]


def run(**params) -> AppTest:
    return run_page(PAGE, **params)


def chart(at: AppTest, title_part: str):
    """The Vega-Lite chart whose spec mentions `title_part`."""
    found = [c for c in at.get("vega_lite_chart") if title_part in json.dumps(json.loads(c.proto.spec), ensure_ascii=False)]
    assert len(found) == 1, f"{len(found)} charts mention {title_part!r}"
    return found[0]


def chart_data(c):
    """The chart's (single) dataset as a DataFrame."""
    frames = [pa.ipc.open_stream(d.data.data).read_pandas() for d in c.proto.datasets]
    assert len(frames) == 1
    return frames[0]


def over_time(at: AppTest):
    return chart_data(chart(at, "Dead hidden units during training"))


def table(at: AppTest) -> dict[str, dict[str, str]]:
    """The cost table as {activation: {column: shown text}}."""
    df = at.dataframe[0].value
    return {row["activation"]: row for row in df.to_dict("records")}


def no_nan_anywhere(at: AppTest) -> None:
    for c in at.get("vega_lite_chart"):
        df = chart_data(c)
        assert not df.select_dtypes("number").isna().any().any()
    for row in at.dataframe[0].value.to_dict("records"):
        assert not any("nan" in str(v).lower() for v in row.values()), row


def test_default_view():
    at = run()
    assert not at.warning and not at.error
    assert at.multiselect(key="d_acts").value == ["relu", "leaky_relu", "tanh", "elu"]
    assert at.select_slider(key="d_lr").value == "0.1"
    assert at.slider(key="d_steps").value == 1000
    assert len(at.get("vega_lite_chart")) == 2
    assert list(table(at)) == DEFAULT_NAMES
    assert at.info[0].value.count("\n") >= 1  # the two-line opener
    # at the lecture's learning rate and a clean init nothing dies, and every run trains
    for row in table(at).values():
        assert row["dead at the end"] == "0"
        assert 2.0 < float(row["final val loss"]) < 2.7
    df = over_time(at)
    assert set(df["variant"]) == set(DEFAULT_NAMES)
    assert sorted(df["step"].unique()) == list(range(0, 1001, 100))
    no_nan_anywhere(at)


def test_high_lr_deep_link_kills_relu_but_not_leaky_relu():
    at = run(d_lr="1.5", d_steps="300")
    assert at.select_slider(key="d_lr").value == "1.5"
    assert at.slider(key="d_steps").value == 300
    rows = table(at)
    assert rows["ReLU"]["dead at step 0"] == "0"  # alive at init: the learning rate killed them
    assert int(rows["ReLU"]["dead at the end"]) >= 5
    assert rows["Leaky ReLU"]["dead at the end"] == "0"
    assert rows["Leaky ReLU"]["status"] == "finished"
    # the same from the chart's data
    df = over_time(at)
    last = df[df["step"] == 300].set_index("variant")["dead"]
    assert last["ReLU"] >= 5 and last["Leaky ReLU"] == 0
    assert (df[df["variant"] == "Leaky ReLU"]["dead"] == 0).all()
    map_df = chart_data(chart(at, "Final state of each hidden unit"))
    relu_row = next(r for r in map_df["row"].unique() if r.startswith("ReLU"))
    assert map_df[map_df["row"] == relu_row]["dead"].sum() == last["ReLU"]
    # ELU blows up at this rate: said in an error, in the table, and its line stops
    assert any("ELU diverged at step" in e.value for e in at.error)
    assert rows["ELU"]["status"].startswith("diverged at step")
    assert rows["ELU"]["final val loss"] == "—"
    assert df[df["variant"] == "ELU"]["step"].max() < 300
    no_nan_anywhere(at)


def test_big_bias_deep_link_kills_units_at_init():
    at = run(d_b1="3.0", d_steps=QUICK)
    assert at.slider(key="d_b1").value == 3.0
    rows = table(at)
    assert int(rows["ReLU"]["dead at step 0"]) > 10
    assert int(rows["Tanh"]["dead at step 0"]) > 0  # saturated on every input
    assert rows["Leaky ReLU"]["dead at step 0"] == "0"
    assert rows["ELU"]["dead at step 0"] == "0"


def test_changing_the_activation_set_changes_the_charts():
    at = run(d_steps=QUICK)
    before = over_time(at)
    at.multiselect(key="d_acts").set_value(["relu", "sigmoid"]).run()
    assert not at.exception
    after = over_time(at)
    assert set(before["variant"]) == set(DEFAULT_NAMES)
    assert set(after["variant"]) == {"ReLU", "Sigmoid (logistic)"}
    assert list(table(at)) == ["ReLU", "Sigmoid (logistic)"]
    # the same set from a shared link: the URL carries the shown names
    at = run(d_acts=["ReLU", "Sigmoid (logistic)"], d_steps=QUICK)
    assert at.multiselect(key="d_acts").value == ["relu", "sigmoid"]
    assert over_time(at).equals(after)


def test_presets_set_the_controls():
    at = run(d_steps=QUICK)
    at.button(key="d_preset_lr_high").click().run()
    assert not at.exception
    assert at.select_slider(key="d_lr").value == "1.5"
    assert int(table(at)["ReLU"]["dead at the end"]) > 0
    dead_plain = int(table(at)["ReLU"]["dead at the end"])
    at.button(key="d_preset_bn").click().run()
    assert at.toggle(key="d_bn").value is True
    assert at.select_slider(key="d_lr").value == "1.5"
    assert int(table(at)["ReLU"]["dead at the end"]) < dead_plain  # BatchNorm saves units
    at.button(key="d_preset_lr_low").click().run()
    assert at.select_slider(key="d_lr").value == "0.1"
    assert at.toggle(key="d_bn").value is True  # a cure changes one thing only
    assert table(at)["ReLU"]["dead at the end"] == "0"
    at.button(key="d_preset_small_init").click().run()
    assert at.slider(key="d_w1").value == 0.2 and math.isclose(at.slider(key="d_b1").value, 0.01)
    at.button(key="d_preset_leaky").click().run()
    assert at.multiselect(key="d_acts").value == ["relu", "leaky_relu", "elu", "gelu"]
    assert list(table(at)) == ["ReLU", "Leaky ReLU", "ELU", "GELU"]
    at.button(key="d_preset_reset").click().run()
    assert at.select_slider(key="d_lr").value == "0.1" and at.toggle(key="d_bn").value is False
    assert at.multiselect(key="d_acts").value == ["relu", "leaky_relu", "tanh", "elu"]


def test_bad_params_warn_and_fall_back_to_defaults():
    at = run(d_lr="abc", d_w1="1e9", d_b1="nan", d_acts="bogus", d_zz="1", d_steps=QUICK)
    texts = " ".join(w.value for w in at.warning)
    assert len(at.warning) == 5, texts
    for key in ("d_lr", "d_w1", "d_b1", "d_acts", "d_zz"):
        assert key in texts
    assert at.select_slider(key="d_lr").value == "0.1"
    assert at.slider(key="d_w1").value == 0.2
    assert at.slider(key="d_b1").value == 1.0
    assert at.multiselect(key="d_acts").value == ["relu", "leaky_relu", "tanh", "elu"]
    assert at.slider(key="d_steps").value == 200  # the valid param is kept
    assert list(table(at)) == DEFAULT_NAMES
