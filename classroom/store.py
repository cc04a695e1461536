"""The class's rooms and answers in a database: a SQLite file by default, PostgreSQL by URL.

    store = Store()                          # default_url(): $ACTIVATIONS_CLASSROOM_URL or data/classroom.sqlite
    code, token = store.open_room()          # the teacher keeps the token; only its hash is stored
    store.submit(code, "loss:init=naive", "k3Jx9", 27.5, reason="too_confident")
    store.answers(code, "loss:init=naive")   # DataFrame: student, value, reason, at (UTC)

Every id and value a student's browser sends is checked here (a small safe charset, bounded
lengths, finite bounded numbers) and reaches the database only as a bound parameter. Every
refusal is one exception type, `ClassroomError`, whose `reason` is a stable id the UI translates.

Both backends run the same statements; the few things that differ (the upsert's INSERT, how a
connection is set up, how two replicas creating the tables at once take turns) are one small
table, `_BACKENDS`.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import numbers
import os
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Dialect, Engine

URL_ENV = "ACTIVATIONS_CLASSROOM_URL"  # e.g. postgresql+psycopg://user:pass@db:5432/classroom
DATA_DIR_ENV = "ACTIVATIONS_DATA_DIR"  # where the default SQLite file lives (default <repo>/data)
REPO = Path(__file__).resolve().parents[1]

ROOM_TTL = timedelta(hours=12)  # a room (and every answer in it) lives one school day
MAX_STUDENTS = 200  # distinct students per room; the next new one is refused ("full")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I (and no lowercase l): read aloud safely
CODE_LENGTH = 6  # 32**6 ~ 1e9 codes
MAX_VALUE = 1e9  # |guess| bound: no lesson asks for more; keeps charts and floats sane

# Ids a browser sends (questions, students, choices, reasons): no spaces, quotes or markup.
ID_CHARS = re.compile(r"[A-Za-z0-9_.:=&,+-]+")
QUERY_CHARS = re.compile(r"[A-Za-z0-9_.:=&,+%~-]*")  # a language-free query string, url-safe
TOKEN_CHARS = re.compile(r"[A-Za-z0-9_-]+")  # secrets.token_urlsafe's alphabet
QUESTION_MAX, STUDENT_MAX, CHOICE_MAX, PAGE_MAX, QUERY_MAX, TOKEN_MAX = 200, 64, 64, 64, 1000, 64

# The stable ids of ClassroomError.reason (the UI has a message for each).
REASONS = (
    "bad_code",
    "no_room",
    "expired",
    "full",
    "bad_value",
    "bad_question",
    "bad_student",
    "bad_reason",
    "bad_view",
    "not_teacher",
)


class ClassroomError(ValueError):
    """A refused request: `reason` is one of REASONS, the message plain English for logs."""

    def __init__(self, reason: str, message: str) -> None:
        assert reason in REASONS, reason
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class RoomView:
    """Where the teacher is: a page id and its language-free query string ("follow the teacher")."""

    page: str
    query: str
    updated_at: datetime  # UTC; when the teacher last moved


def default_url() -> str:
    """$ACTIVATIONS_CLASSROOM_URL if set, else a SQLite file in the data folder."""
    if url := os.environ.get(URL_ENV):
        return url
    data = Path(os.environ.get(DATA_DIR_ENV) or REPO / "data")
    return f"sqlite:///{data / 'classroom.sqlite'}"


def _utcnow() -> datetime:
    return datetime.now(UTC)


# -- schema ------------------------------------------------------------------------------------
class _UTC(sa.types.TypeDecorator[datetime]):
    """Aware UTC datetimes in and out. SQLite stores the UTC fields as text (it drops tzinfo,
    so bind UTC) and returns them naive; PostgreSQL returns a timestamptz in its session zone."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = sa.MetaData()
rooms = sa.Table(
    "classroom_rooms",
    metadata,
    sa.Column("code", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False),  # sha256 hex of the teacher token
    sa.Column("created_at", _UTC(), nullable=False, index=True),
    sa.Column("view_page", sa.String(PAGE_MAX)),
    sa.Column("view_query", sa.String(QUERY_MAX)),
    sa.Column("view_at", _UTC()),
)
# One row per student who ever answered in a room: the cap counts these.
members = sa.Table(
    "classroom_members",
    metadata,
    sa.Column("room", sa.String(CODE_LENGTH), sa.ForeignKey(rooms.c.code), primary_key=True),
    sa.Column("student", sa.String(STUDENT_MAX), primary_key=True),
)
# One answer per (room, question, student); a number or a choice, never both.
answers = sa.Table(
    "classroom_answers",
    metadata,
    sa.Column("room", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("question", sa.String(QUESTION_MAX), primary_key=True),
    sa.Column("student", sa.String(STUDENT_MAX), primary_key=True),
    sa.Column("number", sa.Double()),
    sa.Column("choice", sa.String(CHOICE_MAX)),
    sa.Column("reason", sa.String(CHOICE_MAX)),
    sa.Column("at", _UTC(), nullable=False),
    sa.ForeignKeyConstraint(["room", "student"], [members.c.room, members.c.student]),
    sa.CheckConstraint("(number IS NULL) <> (choice IS NULL)", name="classroom_answer_one_value"),
)
ANSWER_KEY = [answers.c.room, answers.c.question, answers.c.student]


# -- what differs between the backends ---------------------------------------------------------
def _setup_sqlite(engine: Engine) -> None:
    """WAL (readers never wait for the writer), foreign keys on, and SQLAlchemy's own BEGIN:
    a writer begins IMMEDIATE, taking the write lock up front. A deferred transaction that
    read first could not upgrade under WAL once another had committed (SQLITE_BUSY_SNAPSHOT,
    which no busy timeout waits out); IMMEDIATE waits its turn on the busy timeout instead."""
    db = engine.url.database
    if db and db != ":memory:":
        Path(db).parent.mkdir(parents=True, exist_ok=True)

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # sqlite3 emits no BEGIN of its own
        cursor = dbapi_connection.cursor()
        _wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: a commit survives a crash of the app
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


def _wal(cursor: Any, tries: int = 100) -> None:
    """Switch the file to WAL (once: the mode is kept in the file). The switch needs the file
    to itself and SQLite does not wait on the busy timeout for it, so when two replicas open a
    new file at the same moment, the one that lost retries for a few seconds."""
    for attempt in range(tries):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            if attempt == tries - 1:
                raise
            time.sleep(0.05)


def _no_setup(engine: Engine) -> None:
    pass


def _serial_sqlite(conn: Connection) -> None:
    pass  # the BEGIN IMMEDIATE of a write transaction already serialises writers


SCHEMA_LOCK = 0x17C1A55  # an arbitrary advisory-lock key of this app's schema creation


def _serial_postgres(conn: Connection) -> None:
    # two replicas starting at once: the second waits, then finds the tables made
    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(SCHEMA_LOCK)))


@dataclass(frozen=True)
class _Backend:
    insert: Callable[..., Any]  # the dialect's insert(), with on_conflict_do_update/_do_nothing
    setup: Callable[[Engine], None]  # before the first connection
    serialise_schema: Callable[[Connection], None]  # inside the create_all transaction
    engine_args: dict[str, Any] = field(default_factory=dict)


_BACKENDS = {
    # timeout: sqlite3's busy timeout in seconds (a writer waits for the lock this long)
    "sqlite": _Backend(sqlite.insert, _setup_sqlite, _serial_sqlite, {"connect_args": {"timeout": 30}}),
    # pre_ping: a pooled connection that died with a PostgreSQL restart is replaced, not used
    "postgresql": _Backend(postgresql.insert, _no_setup, _serial_postgres, {"pool_pre_ping": True}),
}


# -- validation of everything a browser sends -------------------------------------------------
def _code(code: object) -> str:
    """The room code, upper-cased (a student may type it in lower case)."""
    if isinstance(code, str) and len(code) <= 2 * CODE_LENGTH and code.isascii():  # "ß".upper() == "SS"
        normal = code.strip().upper()
        if len(normal) == CODE_LENGTH and all(c in CODE_ALPHABET for c in normal):
            return normal
    raise ClassroomError("bad_code", f"a room code is {CODE_LENGTH} characters of {CODE_ALPHABET}, not {code!r:.40}")


def _id(value: object, what: str, max_len: int, reason: str, chars: re.Pattern[str] = ID_CHARS) -> str:
    if isinstance(value, str) and len(value) <= max_len and chars.fullmatch(value):
        return value
    raise ClassroomError(reason, f"a {what} is 1-{max_len} characters of {chars.pattern}, not {value!r:.40}")


def _value(value: object) -> tuple[float | None, str | None]:
    """(number, None) for a finite number within MAX_VALUE, (None, choice) for a choice id."""
    if isinstance(value, str):
        return None, _id(value, "choice", CHOICE_MAX, "bad_value")
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        try:
            x = float(value)
        except (OverflowError, ValueError):
            x = math.inf
        if math.isfinite(x) and abs(x) <= MAX_VALUE:
            return x, None
    raise ClassroomError(
        "bad_value", f"an answer is a finite number within ±{MAX_VALUE:g} or a choice id: {value!r:.40}"
    )


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()  # a random 192-bit token needs no slow hash


# -- the store ---------------------------------------------------------------------------------
class Store:
    """Rooms, answers and the teacher's view; safe to share between a server's threads.

    Every method validates its arguments and raises ClassroomError on a bad or expired code
    (reads included: an expired room shows nothing), except that `is_teacher` answers False for
    a wrong token. `clock` returns an aware UTC datetime (tests move it to expire rooms).
    """

    def __init__(self, url: str | None = None, *, clock: Callable[[], datetime] = _utcnow) -> None:
        self.url = url or default_url()
        self._backend = self._backend_of(self.url)
        self._engine = sa.create_engine(self.url, **self._backend.engine_args)  # connects on first use
        self._clock = clock
        self._ready_lock = threading.Lock()
        self._ready = False

    @staticmethod
    def _backend_of(url: str) -> _Backend:
        name = sa.make_url(url).get_backend_name()
        if name not in _BACKENDS:
            raise ValueError(f"class mode stores rooms in SQLite or PostgreSQL, not {name!r} ({URL_ENV})")
        return _BACKENDS[name]

    def close(self) -> None:
        """Close the pooled connections (tests, before stopping a database server)."""
        self._engine.dispose()

    # -- rooms ---------------------------------------------------------------------------------
    def open_room(self) -> tuple[str, str]:
        """A new room: (code for the class, secret teacher token). Drops expired rooms first."""
        self.expire()
        token = secrets.token_urlsafe(24)
        for _ in range(8):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            try:
                with self._tx(write=True) as conn:
                    conn.execute(rooms.insert().values(code=code, token_hash=_hash(token), created_at=self._clock()))
                return code, token
            except sa.exc.IntegrityError:
                continue  # the code is taken (about 1 in 1e9 per live room): draw another
        raise RuntimeError("no free room code in 8 draws")

    def check_room(self, code: object) -> str:
        """The room's normalised code; raises ClassroomError if it is malformed, unknown or expired."""
        code = _code(code)
        with self._tx() as conn:
            self._live(conn, code)
        return code

    def is_teacher(self, code: object, token: object) -> bool:
        """Whether `token` is the room's teacher token (compared in constant time)."""
        code = _code(code)
        with self._tx() as conn:
            room = self._live(conn, code)
        return self._token_ok(room, token)

    def expire(self, now: datetime | None = None) -> int:
        """Delete rooms older than ROOM_TTL at `now` (default: the clock) with their answers;
        returns how many rooms went."""
        old = sa.select(rooms.c.code).where(rooms.c.created_at <= (now or self._clock()) - ROOM_TTL)
        with self._tx(write=True) as conn:
            conn.execute(answers.delete().where(answers.c.room.in_(old)))
            conn.execute(members.delete().where(members.c.room.in_(old)))
            return conn.execute(rooms.delete().where(rooms.c.code.in_(old))).rowcount

    # -- the teacher's view ----------------------------------------------------------------------
    def set_view(self, code: object, token: object, page: object, query: object = "") -> None:
        """Record the page and language-free query string the teacher is on (students follow)."""
        code = _code(code)
        page = _id(page, "page id", PAGE_MAX, "bad_view")
        query = _id(query, "view query", QUERY_MAX, "bad_view", QUERY_CHARS)
        with self._tx(write=True) as conn:
            room = self._live(conn, code)
            if not self._token_ok(room, token):
                raise ClassroomError("not_teacher", f"wrong teacher token for room {code}")
            assert isinstance(token, str)
            if token in query:  # a view students follow must never carry the teacher's secret
                raise ClassroomError("bad_view", "the view's query string contains the teacher token")
            if (room.view_page, room.view_query) != (page, query):
                conn.execute(
                    rooms.update()
                    .where(rooms.c.code == code)
                    .values(view_page=page, view_query=query, view_at=self._clock())
                )

    def view(self, code: object) -> RoomView | None:
        """The teacher's current view, or None before the teacher has opened a page."""
        code = _code(code)
        with self._tx() as conn:
            room = self._live(conn, code)
        if room.view_page is None:
            return None
        return RoomView(room.view_page, room.view_query or "", room.view_at)

    # -- answers -------------------------------------------------------------------------------
    def submit(self, code: object, question: object, student: object, value: object, reason: object = None) -> None:
        """Store a student's answer to a question; a new answer replaces the student's old one."""
        code = _code(code)
        question = _id(question, "question id", QUESTION_MAX, "bad_question")
        student = _id(student, "student id", STUDENT_MAX, "bad_student")
        number, choice = _value(value)
        reason = None if reason is None else _id(reason, "reason id", CHOICE_MAX, "bad_reason")
        with self._tx(write=True) as conn:
            self._live(conn, code)
            self._join(conn, code, student)
            insert = self._backend.insert(answers).values(
                room=code,
                question=question,
                student=student,
                number=number,
                choice=choice,
                reason=reason,
                at=self._clock(),
            )
            replaced = {c: insert.excluded[c] for c in ("number", "choice", "reason", "at")}
            conn.execute(insert.on_conflict_do_update(index_elements=ANSWER_KEY, set_=replaced))

    def answers(self, code: object, question: object) -> pd.DataFrame:
        """The class's answers: columns student, value (float for numbers, str for choices),
        reason (str or None), at (UTC), oldest first."""
        code = _code(code)
        question = _id(question, "question id", QUESTION_MAX, "bad_question")
        cols = [answers.c.student, answers.c.number, answers.c.choice, answers.c.reason, answers.c.at]
        with self._tx() as conn:
            self._live(conn, code)
            rows = conn.execute(
                sa.select(*cols).where(*self._of(code, question)).order_by(answers.c.at, answers.c.student)
            ).all()
        df = pd.DataFrame(rows, columns=["student", "number", "choice", "reason", "at"])
        numeric = df["choice"].isna().all()
        value = df["number"].astype(float) if numeric else df["choice"].where(df["choice"].notna(), df["number"])
        at = pd.to_datetime(df["at"], utc=True)
        return pd.DataFrame({"student": df["student"], "value": value, "reason": df["reason"], "at": at})

    def count(self, code: object, question: object) -> int:
        """How many students have answered the question."""
        code = _code(code)
        question = _id(question, "question id", QUESTION_MAX, "bad_question")
        with self._tx() as conn:
            self._live(conn, code)
            return int(conn.execute(sa.select(sa.func.count()).where(*self._of(code, question))).scalar_one())

    def questions(self, code: object) -> list[str]:
        """The ids of the questions the room has answers to, sorted."""
        code = _code(code)
        with self._tx() as conn:
            self._live(conn, code)
            q = sa.select(answers.c.question).where(answers.c.room == code).distinct().order_by(answers.c.question)
            return list(conn.execute(q).scalars())

    # -- internals -------------------------------------------------------------------------------
    @staticmethod
    def _of(code: str, question: str) -> tuple[sa.ColumnElement[bool], ...]:
        return answers.c.room == code, answers.c.question == question

    def _live(self, conn: Connection, code: str) -> sa.Row[Any]:
        room = conn.execute(sa.select(rooms).where(rooms.c.code == code)).first()
        if room is None:
            raise ClassroomError("no_room", f"no room {code}")
        if self._clock() - room.created_at >= ROOM_TTL:
            raise ClassroomError("expired", f"room {code} has expired")
        return room

    @staticmethod
    def _token_ok(room: sa.Row[Any], token: object) -> bool:
        if not (isinstance(token, str) and len(token) <= TOKEN_MAX and TOKEN_CHARS.fullmatch(token)):
            return False
        return hmac.compare_digest(room.token_hash, _hash(token))

    def _join(self, conn: Connection, code: str, student: str) -> None:
        """Make `student` a member of the room unless the room is full."""
        member = sa.select(members.c.student).where(members.c.room == code, members.c.student == student)
        if conn.execute(member).first() is not None:
            return
        # New students take turns per room, so two at once cannot both be the 200th
        # (PostgreSQL: a row lock on the room; SQLite's write transaction is already alone).
        conn.execute(sa.select(rooms.c.code).where(rooms.c.code == code).with_for_update(key_share=True))
        n = conn.execute(sa.select(sa.func.count()).where(members.c.room == code)).scalar_one()
        if n >= MAX_STUDENTS:
            raise ClassroomError("full", f"room {code} already has {MAX_STUDENTS} students")
        conn.execute(self._backend.insert(members).values(room=code, student=student).on_conflict_do_nothing())

    @contextmanager
    def _tx(self, write: bool = False) -> Iterator[Connection]:
        """One transaction; `write` ones begin IMMEDIATE on SQLite (see _setup_sqlite)."""
        self._create_tables()
        with self._engine.connect() as conn:
            conn.execution_options(write=write)
            with conn.begin():
                yield conn

    def _create_tables(self) -> None:
        """Create the data folder and the tables on first use (idempotent across replicas)."""
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            self._backend.setup(self._engine)
            with self._engine.connect() as conn:
                conn.execution_options(write=True)
                with conn.begin():
                    self._backend.serialise_schema(conn)
                    metadata.create_all(conn)
            self._ready = True
