"""Class mode through AppTest: a teacher and three students in one room on a SQLite file.

The teacher starts a class on the home page and opens the Tanh saturation page; three students
join by the link (`room=CODE` on the home page) and follow the teacher there; each locks in a
guess (two with a reason). The teacher's count and histogram follow the answers, Reveal draws
the true value on top; a session with a wrong or no token sees the student's form, never the
teacher's panel; bad, unknown and expired codes give a message, never a traceback.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from classroom.store import URL_ENV, Store
from tests.apptest import ROOT, frames
from ui import classroom as CR
from ui import classroom_view as V
from ui.text import catalogue

HOME = "streamlit_app.py"
SAT = "pages/2_Tanh_saturation.py"
DEAD = "pages/3_Dead_neurons.py"
EN, IT = catalogue("en"), catalogue("it")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """One SQLite file for the module's class (the app's store is keyed by this URL)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('classroom') / 'class.sqlite'}"
    old = os.environ.get(URL_ENV)
    os.environ[URL_ENV] = url
    yield url
    if old is None:
        del os.environ[URL_ENV]
    else:
        os.environ[URL_ENV] = old


def app(script: str = HOME, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / script), default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [
        str(e.value)
        for k in ("markdown", "caption", "subheader", "info", "warning", "error", "success", "code")
        for e in getattr(at, k)
    ]
    return "\n".join(parts)


def panel_chart(at: AppTest, title: str) -> tuple[dict, list]:
    found = [c for c in at.get("vega_lite_chart") if title in json.dumps(json.loads(c.proto.spec), ensure_ascii=False)]
    assert len(found) == 1, [json.loads(c.proto.spec).get("title") for c in at.get("vega_lite_chart")]
    return json.loads(found[0].proto.spec), frames(found[0])


def lock_in(at: AppTest, guess: float, reason: str | None = None) -> AppTest:
    at.number_input[0].set_value(guess)
    if reason is not None:
        at.radio(key="predict_saturation_reason").set_value(reason)
    next(b for b in at.button if b.label == EN["predict.lock"]).click()
    return rerun(at)


@pytest.fixture(scope="module")
def lesson(db):
    """The class: the teacher on the saturation page, three students who followed there."""
    teacher = app()
    teacher.button(key="_class_start").click()
    rerun(teacher)
    code, token = teacher.query_params["room"], teacher.query_params["teacher"]
    teacher.switch_page(SAT)
    rerun(teacher)
    students = [app(room=code) for _ in range(3)]  # the join link: the home page with the code
    return {"code": code, "token": token, "teacher": teacher, "students": students}


def test_the_teacher_gets_a_room_code_a_join_link_and_a_qr_code_without_the_token(lesson):
    teacher = app(room=lesson["code"], teacher=lesson["token"])
    code = lesson["code"]
    assert len(code) == 6 and not set(code) & set("0O1Il")
    links = [c.value for c in teacher.code]
    assert links == [f"/?room={code}"]  # AppTest has no host; a server prefixes its own
    assert lesson["token"] not in texts(teacher) and lesson["token"] not in CR.qr_svg(links[0])
    assert CR.qr_svg(links[0]).lstrip().startswith("<svg")
    assert teacher.get("image")  # the QR code, drawn with st.image


def test_students_follow_the_teacher_to_the_question_with_a_reason_picker(lesson):
    for s in lesson["students"]:
        assert dict(s.query_params) == {"room": lesson["code"]}  # moved to the teacher's page
        assert s.title[0].value == EN["saturation.title"]
        assert s.number_input and s.radio(key="predict_saturation_reason")  # the question and the why
        assert not s.get("vega_lite_chart")  # nothing of the result before the guess
        assert EN["classroom.teacher.title"] not in texts(s)


def test_the_teachers_count_and_histogram_follow_the_answers_then_reveal_draws_the_truth(lesson):
    teacher, students = lesson["teacher"], lesson["students"]
    rerun(teacher)
    assert teacher.metric[0].value == "0" and not teacher.number_input  # the panel, not a form
    assert not [c for c in teacher.get("vega_lite_chart")]  # nothing to chart yet, no result either
    guesses = [(60.0, "spread"), (70.0, "half"), (20.0, None)]
    for n, (s, (guess, reason)) in enumerate(zip(students, guesses), start=1):
        lock_in(s, guess, reason)
        assert [x.value for x in s.toast] == [EN["classroom.sent"].format(code=lesson["code"])]
        assert s.get("vega_lite_chart")  # the student sees the result and their own feedback
        rerun(teacher)
        assert teacher.metric[0].value == str(n)
        spec, (bins, *_) = panel_chart(teacher, EN["classroom.panel.numbers_title"])
        assert bins["count"].sum() == n
        assert "rule" not in json.dumps(spec)  # no truth before Reveal
    assert teacher.metric[1].value == "60"  # the median guess
    _, (reasons, *_) = panel_chart(teacher, EN["classroom.panel.reasons_title"].format(n=2))
    assert dict(zip(reasons["option"], reasons["count"])) == {
        "spread": 1,
        "fan_in": 0,
        "half": 1,
        "weights": 0,
        "train": 0,
    }
    assert not teacher.get("metric")[2:]  # the page's own metrics stay hidden until Reveal

    teacher.button(key="_class_reveal_saturation").click()
    rerun(teacher)
    answer = teacher.success[0].value
    assert answer.startswith(EN["classroom.reveal.number"].split("{")[0])
    actual = float(answer.split("**")[3].split()[0])
    assert 50 < actual < 80  # the lecture's ~65 % saturated at W1 x 1
    spec, data = panel_chart(teacher, EN["classroom.panel.numbers_title"])
    truth = next(d for d in data if "x" in d.columns)
    assert truth["x"].iloc[0] == pytest.approx(actual, abs=0.05)
    assert f"{actual:.1f} %" in truth["label"].iloc[0]
    assert any(m.label == EN["saturation.metric.pct.tanh"] for m in teacher.metric)  # the page computed
    # after Reveal the panel still follows: a student's new answer replaces their old one
    students[2].button(key="predict_saturation_again").click()
    lock_in(rerun(students[2]), 66.0)
    rerun(teacher)
    assert teacher.metric[0].value == "3"
    _, (bins, *_) = panel_chart(teacher, EN["classroom.panel.numbers_title"])
    assert bins["lo"].min() > 20  # the 20 is gone: 60, 66 and 70 are left


def test_a_wrong_or_absent_token_never_opens_the_teachers_view(lesson):
    code = lesson["code"]
    for params in ({"room": code, "teacher": "x" * 32}, {"room": code}):
        at = app(SAT, **params)
        assert at.number_input and EN["classroom.teacher.title"] not in texts(at)
        assert all(b.key != "_class_reveal_saturation" for b in at.button)
        assert "teacher" not in at.query_params  # a wrong token leaves the address
    wrong = app(SAT, room=code, teacher="x" * 32)
    assert EN["classroom.error.not_teacher"].format(code=code) in texts(wrong)


@pytest.mark.parametrize(
    ("code", "reason"),
    [("AB", "bad_code"), ("ABCDE0", "bad_code"), ("ZZZZZZ", "no_room"), ("<script>", None)],
)
def test_bad_codes_give_a_message_never_a_traceback(db, code, reason):
    at = app(room=code)
    shown = texts(at)
    if reason is None:  # not even safe characters: the link's value is dropped like any bad setting
        assert "room" not in at.query_params and "<script>" not in shown
        return
    assert EN[f"classroom.error.{reason}"].format(code=code) in shown
    assert "room" not in at.query_params  # out of the room: the page works as without a class


def test_an_expired_room_says_it_has_ended(db):
    store = Store(db, clock=lambda: datetime.now(UTC) - timedelta(hours=13))
    code, _ = store.open_room()  # opened 13 hours ago
    at = app(room=code)
    assert EN["classroom.error.expired"].format(code=code) in texts(at)


def test_typing_a_code_in_the_sidebar_joins_and_a_bad_one_is_named(lesson):
    at = app(lang="it")
    at.text_input(key=CR.JOIN_CODE).input(lesson["code"].lower())
    next(b for b in at.button if b.label == IT["classroom.join.button"]).click()
    rerun(at)
    assert at.query_params["room"] == lesson["code"]
    assert IT["classroom.student.in"].format(code=lesson["code"]) in texts(at)

    at = app()
    at.text_input(key=CR.JOIN_CODE).input("QQQQQQ")
    next(b for b in at.button if b.label == EN["classroom.join.button"]).click()
    rerun(at)
    assert EN["classroom.error.no_room"].format(code="QQQQQQ") in texts(at)


def test_question_ids_are_language_free_and_safe():
    assert CR.question_id("saturation", ("tanh", 1.0, 0.0, 0.97, 0)) == "saturation:tanh,1.0,0.0,0.97,0"
    dead = CR.question_id("dead", (("relu", "gelu"), "0.1", 0.5, 0.0, 1000, False))
    assert dead == "dead:relu+gelu,0.1,0.5,0.0,1000,0"
    odd = CR.question_id("x", ("a b<script>",))
    assert odd.startswith("x:") and "<" not in odd and " " not in odd


def test_numbers_go_into_round_bins_that_hold_the_truth():
    bins = V.bin_numbers([12.0, 18.0, 55.0, 61.0, 64.0], truth=80.0)
    assert bins["count"].sum() == 5
    assert bins["lo"].iloc[0] <= 12 and bins["hi"].iloc[-1] > 80
    step = bins["hi"].iloc[0] - bins["lo"].iloc[0]
    assert step in (5.0, 10.0) and len(bins) <= V.MAX_BINS + 1
    assert V.bin_numbers([3.3, 3.3, 3.3])["count"].tolist() == [3]
    assert V.bin_numbers([]).empty


def test_a_choice_question_shows_bars_and_reveal_marks_the_right_answer(lesson):
    """The Dead neurons page (a short run of two activations): bars of the picks, then the answer
    in green, from the page's own `truth`."""
    code, view = lesson["code"], {"d_acts": ["relu", "tanh"], "d_steps": "100", "d_lr": "5"}
    teacher = app(DEAD, room=code, teacher=lesson["token"], **view)
    for pick, reason in (("relu", "zero_grad"), ("relu", "knocked"), ("tanh", "small")):
        s = app(DEAD, room=code, **view)
        s.radio(key="predict_dead_choice").set_value(pick)
        s.radio(key="predict_dead_reason").set_value(reason)
        next(b for b in s.button if b.label == EN["predict.lock"]).click()
        rerun(s)
    rerun(teacher)
    assert teacher.metric[0].value == "3"
    _, (picks, *_) = panel_chart(teacher, EN["classroom.panel.choices_title"])
    assert dict(zip(picks["option"], picks["count"])) == {"relu": 2, "tanh": 1, "-": 0}
    assert not picks["right"].any()
    teacher.button(key="_class_reveal_dead").click()
    rerun(teacher)
    spec, (picks, *_) = panel_chart(teacher, EN["classroom.panel.choices_title"])
    right = set(picks.loc[picks["right"], "option"])
    assert right and right <= {"relu", "tanh", "-"}
    assert EN["classroom.panel.right"] in json.dumps(spec)  # the legend names the green bar
    _, (reasons, *_) = panel_chart(teacher, EN["classroom.panel.reasons_title"].format(n=3))
    assert set(reasons.loc[reasons["right"], "option"]) == {"zero_grad", "knocked"}  # the sound ones


def test_followers_move_with_the_teacher_and_a_student_can_stop_following(lesson):
    teacher, (follower, explorer, _) = lesson["teacher"], lesson["students"]
    explorer.toggle(key=CR.FOLLOW_WIDGET).set_value(False)
    rerun(explorer)
    assert EN["classroom.student.exploring"] in texts(explorer)
    teacher.slider(key="s_w1").set_value(0.2)
    rerun(teacher)  # the teacher's run records the new view
    rerun(follower)  # the student's look at the teacher's view (every few seconds on a server)
    assert follower.query_params.get("s_w1") == "0.2" and follower.slider(key="s_w1").value == 0.2
    assert follower.number_input  # a new setting, a new question
    rerun(explorer)
    assert "s_w1" not in explorer.query_params  # stays where it was
    explorer.toggle(key=CR.FOLLOW_WIDGET).set_value(True)
    rerun(explorer)
    assert explorer.query_params.get("s_w1") == "0.2"  # back on: straight to the teacher's view
