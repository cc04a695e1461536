"""AppTest of the "Dead neurons" page: default view, deep links (activation keys), presets, bad
links, and the same view in both languages. The lesson's numbers: tests/test_lessons_dead.py."""

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
    found = [
        c for c in at.get("vega_lite_chart") if title_part in json.dumps(json.loads(c.proto.spec), ensure_ascii=False)
    ]
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
    # at the lecture's learning rate and a clean init nothing dies, and every run trains: the
    # numbers the page showed before the lessons layer (same seed, same numbers)
    rows = table(at)
    for row in rows.values():
        assert row["dead at the end"] == "0"
    assert [rows[n]["final val loss"] for n in DEFAULT_NAMES] == ["2.4197", "2.4199", "2.4436", "2.4626"]
    assert [rows[n]["% pairs without gradient (end)"] for n in DEFAULT_NAMES] == ["55.7", "0.0", "8.4", "0.0"]
    df = over_time(at)
    assert set(df["name"]) == set(DEFAULT_NAMES)
    assert set(df["activation"]) == {"relu", "leaky_relu", "tanh", "elu"}  # ids next to the names
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
    last = df[df["step"] == 300].set_index("name")["dead"]
    assert last["ReLU"] >= 5 and last["Leaky ReLU"] == 0
    assert (df[df["name"] == "Leaky ReLU"]["dead"] == 0).all()
    map_df = chart_data(chart(at, "Final state of each hidden unit"))
    relu_row = next(r for r in map_df["row"].unique() if r.startswith("ReLU"))
    assert map_df[map_df["row"] == relu_row]["dead"].sum() == last["ReLU"]
    # ELU blows up at this rate: said in an error, in the table, and its line stops
    assert any("ELU diverged at step" in e.value for e in at.error)
    assert rows["ELU"]["status"].startswith("diverged at step")
    assert rows["ELU"]["final val loss"] == "—"
    assert df[df["name"] == "ELU"]["step"].max() < 300
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
    assert set(before["name"]) == set(DEFAULT_NAMES)
    assert set(after["name"]) == {"ReLU", "Sigmoid (logistic)"}
    assert list(table(at)) == ["ReLU", "Sigmoid (logistic)"]
    assert at.query_params["d_acts"] == ["relu", "sigmoid"]  # the URL holds keys, not shown names
    # the same set from a shared link (keys), and from an older link that spelled the names
    for acts in (["relu", "sigmoid"], ["ReLU", "Sigmoid (logistic)"]):
        link = run(d_acts=acts, d_steps=QUICK)
        assert not link.warning
        assert link.multiselect(key="d_acts").value == ["relu", "sigmoid"]
        assert over_time(link).equals(after)


def test_presets_set_the_controls():
    at = run(d_steps=QUICK)
    at.button(key="d_preset_lr_high").click().run()
    assert not at.exception
    assert at.select_slider(key="d_lr").value == "1.5"
    assert at.query_params["d_lr"] == "1.5"  # a token in the URL
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


def test_a_link_opens_the_same_view_in_both_languages():
    """A link made in English opens the same view in Italian: the same controls and numbers,
    the names and headers translated."""
    params = dict(d_acts=["relu", "sigmoid", "elu"], d_lr="1.5", d_steps=QUICK)
    en, it = run(**params), run(lang="it", **params)
    for at in (en, it):
        assert at.multiselect(key="d_acts").value == ["relu", "sigmoid", "elu"]
        assert at.select_slider(key="d_lr").value == "1.5"
    assert list(it.dataframe[0].value.columns) != list(en.dataframe[0].value.columns)  # translated headers
    num = lambda at: at.dataframe[0].value.iloc[:, 1:6].to_numpy().tolist()  # noqa: E731
    assert num(en) == num(it)
    assert list(it.dataframe[0].value.iloc[:, 0]) == ["ReLU", "Sigmoide (logistica)", "ELU"]
    assert all(e.value.startswith("ELU") for e in (*it.error, *en.error)) and len(it.error) == len(en.error) == 1
    assert over_time(en)[["step", "activation", "dead"]].equals(
        chart_data(it.get("vega_lite_chart")[0])[["step", "activation", "dead"]]
    )
