"""Class mode's store against both backends: a SQLite file and a real PostgreSQL server.

Every test runs twice through the `url` fixture (tests/classroom/conftest.py): the same code on
SQLite and on PostgreSQL, each on a database no other test touched.
"""

from __future__ import annotations

import hashlib
import math
import string
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa

from classroom import store as S
from classroom.store import MAX_STUDENTS, ROOM_TTL, ClassroomError, Store

Q = "loss:init=naive&seed=42"  # a question id as the app builds them: page + stable settings


class Clock:
    """A clock the test moves: Store(clock=...) reads it for every timestamp and expiry."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(url, clock):
    s = Store(url, clock=clock)
    yield s
    s.close()


def raw(store: Store, table: sa.Table) -> list[sa.Row]:
    """Every row of a table, read past the store's API (what the database really holds)."""
    with store._engine.connect() as conn:
        return conn.execute(sa.select(table)).all()


def refused(reason: str, call, *args) -> None:
    with pytest.raises(ClassroomError) as e:
        call(*args)
    assert e.value.reason == reason, (args, e.value)
    assert str(e.value)  # a clear message for the log


def test_a_room_has_a_short_unambiguous_code_and_only_the_token_hash_is_stored(store):
    rooms = [store.open_room() for _ in range(5)]
    codes = [code for code, _ in rooms]
    assert len(set(codes)) == 5
    for code, token in rooms:
        assert len(code) == 6 and set(code) <= set(S.CODE_ALPHABET)
        assert len(token) >= 32
    assert not set("0O1Il") & set(S.CODE_ALPHABET)
    stored = {row.code: row for row in raw(store, S.rooms)}
    for code, token in rooms:
        assert stored[code].token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in repr(tuple(stored[code]))
    assert store.check_room(codes[0].lower()) == codes[0]  # a typed code may be lower case


def test_hundred_students_at_once_lose_no_answer_and_duplicate_none(store):
    """100 students each send two guesses at once (a double click): 200 threads released
    together. Every student ends with exactly one answer, one of the two they sent."""
    code, _ = store.open_room()
    students = [f"s{i:03d}" for i in range(100)]
    sent = [(s, float(i) + half) for i, s in enumerate(students) for half in (0.0, 0.5)]
    start = threading.Barrier(len(sent), timeout=60)

    def answer(item):
        start.wait()
        store.submit(code, Q, item[0], item[1], reason="too_confident")

    with ThreadPoolExecutor(len(sent)) as pool:
        list(pool.map(answer, sent))  # re-raises any thread's error
    df = store.answers(code, Q)
    assert sorted(df["student"]) == students and df["student"].is_unique
    for i, row in enumerate(df.sort_values("student").itertuples()):
        assert row.value in (float(i), i + 0.5)
    assert store.count(code, Q) == 100 and len(raw(store, S.answers)) == 100
    assert len(raw(store, S.members)) == 100


def test_a_resubmit_replaces_the_old_answer(store, clock):
    code, _ = store.open_room()
    store.submit(code, Q, "ann", 27.5, reason="too_confident")
    store.submit(code, Q, "bob", 3.3)
    first = store.answers(code, Q).set_index("student").loc["ann", "at"]
    clock.now += timedelta(seconds=5)
    store.submit(code, Q, "ann", 3.29)
    df = store.answers(code, Q)
    assert list(df.columns) == ["student", "value", "reason", "at"]
    assert len(df) == 2 and store.count(code, Q) == 2
    ann = df.set_index("student").loc["ann"]
    assert ann["value"] == 3.29 and pd.isna(ann["reason"])  # the reason went with the old answer
    assert ann["at"] - first == pd.Timedelta(seconds=5)
    assert list(df["student"]) == ["bob", "ann"]  # oldest first
    # a choice question: values are str; reasons come along
    store.submit(code, "dead:act=relu", "ann", "derivative_zero", reason="negative_inputs")
    store.submit(code, "dead:act=relu", "ann", "lr_too_high", reason="big_steps")
    choices = store.answers(code, "dead:act=relu")
    assert choices[["value", "reason"]].values.tolist() == [["lr_too_high", "big_steps"]]
    assert df["value"].dtype == float and str(df["at"].dt.tz) == "UTC"
    assert store.questions(code) == ["dead:act=relu", Q]


def test_an_expired_room_refuses_answers_before_and_after_expire_runs(store, clock):
    code, token = store.open_room()
    store.submit(code, Q, "ann", 3.0)
    clock.now += ROOM_TTL - timedelta(minutes=1)
    store.submit(code, Q, "bob", 3.1)  # still open a minute before the end
    other, _ = store.open_room()  # a younger room outlives it
    clock.now += timedelta(minutes=1)
    refused("expired", store.submit, code, Q, "cy", 3.2)
    refused("expired", store.check_room, code)
    refused("expired", store.answers, code, Q)
    refused("expired", store.count, code, Q)
    refused("expired", store.is_teacher, code, token)
    assert store.expire() == 1
    refused("no_room", store.submit, code, Q, "cy", 3.2)
    assert [r.code for r in raw(store, S.rooms)] == [other]
    assert raw(store, S.answers) == [] and raw(store, S.members) == []
    assert store.check_room(other) == other
    assert store.expire(clock.now + ROOM_TTL) == 1 and raw(store, S.rooms) == []


def test_a_wrong_token_is_refused(store):
    code, token = store.open_room()
    other, other_token = store.open_room()
    assert store.is_teacher(code, token) and store.is_teacher(other, other_token)
    for wrong in (other_token, token[:-1], token + "x", "", None, 123, "x" * 10_000, token.encode(), "é" * 32):
        assert not store.is_teacher(code, wrong), wrong
        refused("not_teacher", store.set_view, code, wrong, "loss", "seed=42")
    assert store.view(code) is None
    store.set_view(code, token, "loss", "init=naive&seed=42")
    view = store.view(code)
    assert (view.page, view.query) == ("loss", "init=naive&seed=42") and view.updated_at.tzinfo is not None
    refused("bad_view", store.set_view, code, token, "loss", f"teacher={token}")  # never leak the token
    refused("bad_view", store.set_view, code, token, "<script>", "")
    assert store.view(other) is None


def test_a_full_room_refuses_the_next_new_student(store):
    """The cap holds when the last seats go to students arriving at once (60 threads race
    for the last 30 seats: exactly 30 get in)."""
    code, _ = store.open_room()
    for i in range(MAX_STUDENTS - 30):
        store.submit(code, Q, f"s{i}", float(i))
    start = threading.Barrier(60, timeout=60)

    def arrive(i: int) -> str:
        start.wait()
        try:
            store.submit(code, Q, f"s{i}", float(i))
            return "in"
        except ClassroomError as e:
            return e.reason

    with ThreadPoolExecutor(60) as pool:
        outcomes = list(pool.map(arrive, range(MAX_STUDENTS - 30, MAX_STUDENTS + 30)))
    assert sorted(outcomes) == ["full"] * 30 + ["in"] * 30
    refused("full", store.submit, code, Q, "latecomer", 1.0)
    refused("full", store.submit, code, "dead:act=relu", "latecomer", "x")
    members = sorted(store.answers(code, Q)["student"])
    store.submit(code, Q, members[0], 42.0)  # members keep answering, and re-answering
    store.submit(code, "dead:act=relu", members[1], "lr_too_high")
    assert store.count(code, Q) == MAX_STUDENTS and len(raw(store, S.members)) == MAX_STUDENTS
    assert "latecomer" not in set(store.answers(code, Q)["student"])
    fresh, _ = store.open_room()
    store.submit(fresh, Q, "latecomer", 1.0)  # the cap is per room


SQL = ["'; DROP TABLE classroom_answers; --", "x' OR '1'='1", 'a"; DELETE FROM classroom_rooms; --']
HOSTILE_TEXT = [
    *SQL,
    "",
    " ",
    "a b",
    "line\nbreak",
    "tab\t",
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "ünïcödé",
    "名前",
    "\u202eevil",
    "zero\u200bwidth",
    "x" * 10_000,
    "null\x00byte",
    "%27",
    None,
    123,
    b"bytes",
    ["list"],
]
HOSTILE_CODES = [
    *HOSTILE_TEXT,
    "ABC12O",  # 1 and O are never in a code
    "ABCDE",
    "ABCDEFG",
    "ＡＢＣＤＥＦ",  # full-width letters
    "ßßß",  # upper-cases to SSSSSS
    "ABCDE\u0130",
    "AB CD",
]
HOSTILE_NUMBERS = [math.nan, math.inf, -math.inf, np.nan, np.float64("inf"), 1e10, -1e300, 10**400, 10**10]
NOT_NUMBERS = [True, False, np.True_, None, [1.0], {"v": 1}, complex(1, 1), "1.5 "]
HOSTILE_VALUES = [*HOSTILE_NUMBERS, *NOT_NUMBERS, *(t for t in HOSTILE_TEXT if isinstance(t, str))]


def test_hostile_codes_and_values_are_refused_with_a_clear_error(store):
    code, token = store.open_room()
    store.submit(code, Q, "ann", 3.0)
    for bad in HOSTILE_CODES:
        refused("bad_code", store.submit, bad, Q, "eve", 1.0)
        refused("bad_code", store.check_room, bad)
        refused("bad_code", store.answers, bad, Q)
        refused("bad_code", store.is_teacher, bad, token)
    for bad in HOSTILE_TEXT:
        refused("bad_question", store.submit, code, bad, "eve", 1.0)
        refused("bad_question", store.count, code, bad)
        refused("bad_student", store.submit, code, Q, bad, 1.0)
        refused("bad_view", store.set_view, code, token, bad, "")
        if bad is not None:  # no reason is a fine reason
            refused("bad_reason", store.submit, code, Q, "eve", 1.0, bad)
    for bad in HOSTILE_VALUES:
        refused("bad_value", store.submit, code, Q, "eve", bad)
    for bad in SQL:
        refused("bad_view", store.set_view, code, token, "loss", bad)
    refused("no_room", store.submit, "AAAAAA" if code != "AAAAAA" else "BBBBBB", Q, "eve", 1.0)
    # nothing got in, nothing got dropped
    assert store.answers(code, Q)[["student", "value"]].values.tolist() == [["ann", 3.0]]
    assert len(raw(store, S.answers)) == 1 and len(raw(store, S.members)) == 1
    for edge in (1e9, -1e9, 0, np.float32(0.5), 7):  # the bounds themselves and other numbers are fine
        store.submit(code, Q, "eve", edge)
        assert store.answers(code, Q).set_index("student").loc["eve", "value"] == float(edge)
    ok = string.ascii_letters + string.digits + "_.:=&,+-"
    store.submit(code, ok[:200], ok[:64], ok[:64], ok[:64])  # the longest ids of the safe charset
    assert store.count(code, ok[:200]) == 1


def test_two_stores_on_one_url_are_two_replicas_sharing_a_class(url):
    """Two replicas start at once on an empty database (both create the tables), then students
    on either replica answer and the teacher on the first sees them all."""
    a, b = Store(url), Store(url)
    try:
        start = threading.Barrier(2, timeout=60)

        def first_use(s: Store) -> None:
            start.wait()
            s.expire()

        with ThreadPoolExecutor(2) as pool:
            list(pool.map(first_use, (a, b)))
        code, token = a.open_room()
        assert b.check_room(code) == code and b.is_teacher(code, token)
        a.submit(code, Q, "on_a", 3.0)
        b.submit(code, Q, "on_b", 4.0, reason="too_confident")
        b.submit(code, Q, "on_a", 3.5)  # the same student, now through the other replica
        assert a.answers(code, Q)[["student", "value"]].values.tolist() == [["on_b", 4.0], ["on_a", 3.5]]
        a.set_view(code, token, "dead", "act=relu")
        assert b.view(code).query == "act=relu"
    finally:
        a.close()
        b.close()


def test_the_default_is_a_sqlite_file_in_wal_mode_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(S.URL_ENV, raising=False)
    monkeypatch.setenv(S.DATA_DIR_ENV, str(tmp_path / "data"))
    s = Store()
    try:
        assert not (tmp_path / "data").exists()  # nothing happens until first use
        code, _ = s.open_room()
        assert (tmp_path / "data" / "classroom.sqlite").is_file()
        with s._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert Store().check_room(code) == code  # a second Store reads the same file
    finally:
        s.close()
    monkeypatch.setenv(S.URL_ENV, "postgresql+psycopg://u@db:5432/classroom")
    assert S.default_url() == "postgresql+psycopg://u@db:5432/classroom"
    monkeypatch.delenv(S.DATA_DIR_ENV)
    monkeypatch.delenv(S.URL_ENV)
    assert S.default_url() == f"sqlite:///{S.REPO / 'data' / 'classroom.sqlite'}"
    with pytest.raises(ValueError, match="SQLite or PostgreSQL"):
        Store("mysql://u@db/classroom")
