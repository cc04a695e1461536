"""AppTest of the lecture's loss log page: the table, the curves and the names, in both languages."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from core import lessons
from tests.apptest import run_page

PAGE = "pages/6_Loss_log.py"


@pytest.fixture(scope="module")
def les():
    """The lesson as the page computes it: through the app's board, so the page's own run (the
    same process) finds it stored instead of training the 20,000 steps a second time."""
    from core.config import DataConfig
    from ui import cache

    key = DataConfig(source=cache.NAMES)
    return lessons.lecture_stages(cache.dataset_for(key), steps=20_000, compute=cache.compute(key, bar=False))


@pytest.fixture(scope="module")
def en() -> AppTest:
    return run_page(PAGE, timeout=600)


def frames(at: AppTest) -> list:
    return [pa.ipc.open_stream(d.data.data).read_pandas() for c in at.get("vega_lite_chart") for d in c.proto.datasets]


def test_the_table_shows_the_lesson_s_numbers_next_to_the_lecture_s(en, les):
    assert not en.error
    table = en.dataframe[0].value
    assert len(table) == 5 and table.columns[0] == "Stage"
    assert table.iloc[0, 0] == "Original init" and table.iloc[4, 0] == "BatchNorm"
    want = [f"{x:.4f}" for x in les.table["final_val"]]
    assert list(table["Val"]) == want
    assert list(table["Lecture val"]) == ["2.1682", "2.1300", "2.1027", "2.1070", "2.1048"]
    assert table["Val change"].iloc[0] == "—" and table["Val change"].iloc[2].startswith("-")


def test_the_curves_have_a_line_per_stage_over_windows_of_1000_steps(en):
    spec = json.loads(en.get("vega_lite_chart")[0].proto.spec)
    title = spec["title"]["text"] if isinstance(spec["title"], dict) else spec["title"]
    assert "mean of each 1,000 steps" in " ".join(title if isinstance(title, list) else [title])
    curves = next(f for f in frames(en) if "log10_loss" in f)
    assert curves["name"].nunique() == 5 and curves["step"].nunique() == 20


def test_each_stage_makes_up_20_names(en, les):
    made = en.dataframe[1].value
    assert made.shape == (20, 5)
    orig = les.samples[les.samples["stage"] == "original"]["name"].tolist()
    assert made["Original init"].tolist() == orig and all(n.endswith(".") for n in orig)


def test_italian_numbers_and_words(les):
    at = run_page(PAGE, timeout=600, lang="it")
    table = at.dataframe[0].value
    assert table.columns[0] == "Fase"
    assert table["Valid."].iloc[0] == f"{les.table['final_val'].iloc[0]:.4f}".replace(".", ",")
    assert table["Lezione valid."].iloc[2] == "2,1027"


def test_a_bad_steps_value_is_named_and_the_default_drawn():
    at = run_page(PAGE, timeout=600, g_steps="123")
    assert any("g_steps" in w.value for w in at.warning), [w.value for w in at.warning]
    assert len(at.dataframe[0].value) == 5


def test_predict_first_hides_every_loss_until_the_guess():
    at = run_page(PAGE, timeout=600, predict="true")
    assert not at.dataframe and not at.get("vega_lite_chart")
    assert any("lowest validation loss" in m.value for m in at.markdown)
    at.radio[0].set_value("original")
    next(b for b in at.button if "guess" in b.label.lower()).click().run()
    assert not at.exception and len(at.dataframe[0].value) == 5  # the view, after the guess
    said = " ".join(e.value for e in (*at.error, *at.warning, *at.info, *at.success))
    assert "Original init" in said and "Kaiming" in said  # your guess and the answer, by name
