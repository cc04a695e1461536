"""AppTest of the "Dead neurons" page: default view, deep links (activation keys), presets, bad
links, and the same view in both languages. The lesson's numbers: tests/test_lessons_dead.py."""

import json
import math
import re

import pyarrow as pa
from streamlit.testing.v1 import AppTest

from tests.apptest import chart, run_page

PAGE = "pages/3_Dead_neurons.py"
QUICK = "200"  # steps for the tests that are not about the default budget
DEFAULT_NAMES = ["ReLU", "Leaky ReLU", "Tanh", "ELU"]


def run(**params) -> AppTest:
    return run_page(PAGE, **params)


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


def test_default_view_shows_relu_dying_and_leaky_relu_not():
    """The page opens on the lesson (lr 1, ten times the lecture's): ReLU loses units during
    training, Leaky ReLU, tanh and ELU lose none, and none diverges."""
    at = run()
    assert not at.warning and not at.error
    assert at.multiselect(key="d_acts").value == ["relu", "leaky_relu", "tanh", "elu"]
    assert at.select_slider(key="d_lr").value == "1"
    assert at.slider(key="d_steps").value == 1000
    assert len(at.get("vega_lite_chart")) == 2
    assert list(table(at)) == DEFAULT_NAMES
    assert at.info[0].value.count("\n") >= 1  # the two-line opener
    rows = table(at)
    dead = {n: int(rows[n]["dead at the end"]) for n in DEFAULT_NAMES}
    assert dead["ReLU"] > dead["Leaky ReLU"] == 0 and dead["ReLU"] >= 5
    assert dead == {"ReLU": 11, "Leaky ReLU": 0, "Tanh": 0, "ELU": 0}
    assert {r["status"] for r in rows.values()} == {"finished"}
    assert [rows[n]["final val loss"] for n in DEFAULT_NAMES] == ["2.4332", "2.4061", "2.6113", "2.5540"]
    df = over_time(at)
    assert set(df["name"]) == set(DEFAULT_NAMES)
    assert set(df["activation"]) == {"relu", "leaky_relu", "tanh", "elu"}  # ids next to the names
    assert sorted(df["step"].unique()) == list(range(0, 1001, 100))
    relu = df[df["name"] == "ReLU"].set_index("step")["dead"]
    assert relu[0] == 0 and relu[1000] == 11  # alive at init: the learning rate killed them
    assert (df[df["name"] == "Leaky ReLU"]["dead"] == 0).all()
    # the map's notice names a column the map draws: red under ReLU, white under Leaky ReLU
    map_df = chart_data(chart(at, "Final state of each hidden unit"))
    notice = next(c.value for c in at.caption if "red under" in c.value)
    unit = int(re.search(r"unit (\d+) is red under ReLU and white under Leaky ReLU", notice).group(1))
    cell = map_df.set_index(["activation", "neuron"])
    assert cell.loc[("relu", unit), "dead"] and cell.loc[("leaky_relu", unit), "inactive_frac"] <= 0.05
    no_nan_anywhere(at)


def test_the_healthy_setting_is_one_click_away():
    at = run()
    at.button(key="d_preset_lr_low").click().run()
    assert at.select_slider(key="d_lr").value == "0.1" and at.query_params["d_lr"] == "0.1"
    rows = table(at)
    assert all(row["dead at the end"] == "0" for row in rows.values())
    # the numbers the page showed at the lecture's learning rate before the lessons layer
    assert [rows[n]["final val loss"] for n in DEFAULT_NAMES] == ["2.4197", "2.4199", "2.4436", "2.4626"]
    assert [rows[n]["% pairs without gradient (end)"] for n in DEFAULT_NAMES] == ["55.7", "0.0", "8.4", "0.0"]
    assert any("Nothing dies at these settings" in c.value for c in at.caption)
    assert not any("red under" in c.value for c in at.caption)  # no cell to point at


def test_a_diverged_run_is_named_as_diverged_wherever_it_would_appear():
    at = run(d_lr="1.5", d_steps="300")  # ELU diverges at step 11
    label = "ELU · diverged at step 11"
    line = json.loads(chart(at, "Dead hidden units during training").proto.spec)
    legend = line["encoding"]["color"]["scale"]["domain"]
    assert label in legend and "ELU" not in legend
    data = over_time(at)
    for name in legend:  # every entry that is not named diverged has a whole line
        if "diverged" not in name:
            assert len(data[data["name"] == name]) == 11, name
    map_chart = chart(at, "Final state of each hidden unit")
    rows = json.loads(map_chart.proto.spec)["encoding"]["y"]["scale"]["domain"]
    assert rows[-1] == label and "ELU" not in set(chart_data(map_chart)["activation"])  # an empty, named row
    assert table(at)["ELU"]["status"] == "diverged at step 11"
    assert "ELU diverged at step 11" in " ".join(e.value for e in at.error)
    # the notices only point at drawn rows
    notices = " ".join(c.value for c in at.caption if "What to notice" in c.value)
    m = re.search(r"red under (.+?) and white under (.+?),", notices)
    assert m and m.group(1) == "ReLU" and m.group(2) == "Leaky ReLU"


def test_when_every_run_diverges_the_map_says_so():
    at = run(d_acts=["relu", "elu"], d_lr="10", d_steps=QUICK)
    assert at.info[-1].value.startswith("No variant finished training")
    assert [r["status"] for r in table(at).values()] == ["diverged at step 5"] * 2
    legend = json.loads(at.get("vega_lite_chart")[0].proto.spec)["encoding"]["color"]["scale"]["domain"]
    assert legend == ["ReLU · diverged at step 5", "ELU · diverged at step 5"]


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
    assert df[df["activation"] == "elu"]["step"].max() < 300
    assert set(df[df["activation"] == "elu"]["name"]) == {"ELU · diverged at step 11"}
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
    assert at.select_slider(key="d_lr").value == "1" and at.toggle(key="d_bn").value is False
    assert at.multiselect(key="d_acts").value == ["relu", "leaky_relu", "tanh", "elu"]


def test_bad_params_warn_and_fall_back_to_defaults():
    at = run(d_lr="abc", d_w1="1e9", d_b1="nan", d_acts="bogus", d_zz="1", d_steps=QUICK)
    texts = " ".join(w.value for w in at.warning)
    assert len(at.warning) == 5, texts
    for key in ("d_lr", "d_w1", "d_b1", "d_acts", "d_zz"):
        assert key in texts
    assert at.select_slider(key="d_lr").value == "1"
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
    assert num(en)[0][2] == "95.4" and num(it)[0][2] == "95,4"  # the numbers in each language's marks
    assert num(en) == [[v.replace(",", ".") for v in row] for row in num(it)]
    assert list(it.dataframe[0].value.iloc[:, 0]) == ["ReLU", "Sigmoide (logistica)", "ELU"]
    assert all(e.value.startswith("ELU") for e in (*it.error, *en.error)) and len(it.error) == len(en.error) == 1
    assert over_time(en)[["step", "activation", "dead"]].equals(
        chart_data(it.get("vega_lite_chart")[0])[["step", "activation", "dead"]]
    )
