"""Class mode: a teacher opens a room, the class answers the question on the teacher's screen.

The teacher starts a class in the sidebar's "Class" section: the store (classroom/store.py, one
per server process) makes a room code and a secret token. The teacher's address carries both
(`room=CODE&teacher=TOKEN`), the join link and its QR code only the code. Each run of the
teacher's session records the page and settings on screen (`set_view`); a student who follows
the teacher (the default) looks every FOLLOW_EVERY seconds, in a fragment, and moves to that view
when the teacher moves on. A student's locked-in guess goes to the room too (ui/predict.py), with
an optional reason from the page's short list (REASONS: Predict-Observe-Explain).

Students are anonymous: a random id per browser session, no names. Nothing a student sends is
shown as text: answers and reasons are ids, counted into charts against the page's own options.
The teacher's side of a question (the live count, the distribution, Reveal) is ui/classroom_view.py.
"""

from __future__ import annotations

import logging
import numbers
import secrets
from collections.abc import Hashable
from dataclasses import dataclass
from hashlib import sha256
from typing import Any
from urllib.parse import parse_qsl, urlencode

import segno
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from streamlit.errors import StreamlitPageNotFoundError

from classroom.store import ID_CHARS, QUESTION_MAX, ClassroomError, Store, default_url
from ui import state as S
from ui.pages import PAGES
from ui.text import t

log = logging.getLogger(__name__)

FOLLOW_EVERY = 3  # seconds between a following student's looks at the teacher's view
STORE_ERRORS = (ClassroomError, SQLAlchemyError)  # a refusal, or the database out of reach
GONE = ("bad_code", "no_room", "expired")  # the room cannot be used any more: leave it

# -- session keys (all of this module's) --------------------------------------------------------
ROOM_NOW = "_class_room"  # this run's Room or None (the gate and the fragments read it)
STUDENT = "_class_student"  # this browser session's anonymous id
FOLLOW = "_class_follow"  # the "follow the teacher" switch, kept across pages
FOLLOW_WIDGET = "_class_follow_toggle"
SEEN = "_class_seen"  # the teacher's (page, query) this session last followed or saw
MESSAGE = "_class_message"  # (reason id, code) to say once in the class section
JOIN_CODE = "_class_join_code"  # the join form's text box

HOME = "home"
PAGE_PATHS = {HOME: "streamlit_app.py", **{p.key: p.path for p in PAGES}}  # page id -> script


@dataclass(frozen=True)
class Room:
    """The class this session is in: its code, and the teacher's token if this is the teacher."""

    code: str
    token: str | None = None

    @property
    def teacher(self) -> bool:
        return self.token is not None


@dataclass(frozen=True)
class Reason:
    """A reason a student can give with a guess: a sound one, or a common misconception."""

    id: str
    sound: bool


def _reasons(*pairs: tuple[str, bool]) -> tuple[Reason, ...]:
    return tuple(Reason(i, sound) for i, sound in pairs)


# Per page with a question: a few sound reasons and the misconceptions students bring (text:
# classroom.reason.<page>.<id>). Shuffled nowhere: the same order for every student.
REASONS: dict[str, tuple[Reason, ...]] = {
    "saturation": _reasons(("spread", True), ("fan_in", True), ("half", False), ("weights", False), ("train", False)),
    "dead": _reasons(("zero_grad", True), ("knocked", True), ("small", False), ("all_die", False), ("never", False)),
    "loss": _reasons(("uniform", True), ("confident", True), ("zero", False), ("bigger", False), ("no_effect", False)),
    "loss_log": _reasons(("wasted", True), ("close", True), ("latest", False), ("bn_always", False), ("long", False)),
    "batchnorm": _reasons(("mean", True), ("beta", True), ("scale", False), ("every", False), ("faster", False)),
}


# -- the store: one per process ---------------------------------------------------------------
@st.cache_resource(max_entries=4, show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def store() -> Store:
    """The server's store (keyed by its URL: $ACTIVATIONS_CLASSROOM_URL or the SQLite file)."""
    return _store(default_url())


def reason_of(e: Exception) -> str:
    """The stable id of a store error ("unavailable" when the database cannot be reached)."""
    if isinstance(e, ClassroomError):
        return e.reason
    log.log(logging.WARNING, "class mode: the store failed: %s", e)  # for the server log, not the page
    return "unavailable"


def error_text(reason: str, code: str = "") -> str:
    """What went wrong, in the student's language (never the exception's own text)."""
    return t(f"classroom.error.{reason}", code=S.safe_text(code, 16))


# -- this session's room ------------------------------------------------------------------------
def room() -> Room | None:
    """The room of this session's last full run (set by `setup`)."""
    r = st.session_state.get(ROOM_NOW)
    return r if isinstance(r, Room) else None


def teaching() -> bool:
    r = room()
    return r is not None and r.teacher


def setup(page_id: str) -> list[str]:
    """Which room this run is in (from the URL or the session), checked against the store;
    the teacher's run records its view. Returns notices (a bad or expired code, a wrong token).
    Call after the URL is read (S.read_url), before the page draws anything of its own."""
    r, notices = _resolve()
    st.session_state[ROOM_NOW] = r
    if r is not None and r.teacher:
        _write_view(r, page_id)
    return notices


def _resolve() -> tuple[Room | None, list[str]]:
    code, token = S.value_of(S.ROOM), S.value_of(S.TEACHER)
    if not code:
        if token:
            S.remember(S.TEACHER, "")  # a token without its room means nothing
        return None, []
    try:
        code = store().check_room(code)
        teacher = bool(token) and store().is_teacher(code, token)
    except STORE_ERRORS as e:
        reason = reason_of(e)
        if reason in GONE:
            leave()
        return None, [error_text(reason, code)]
    notices = [] if teacher or not token else [error_text("not_teacher", code)]
    S.remember(S.ROOM, code)  # normalised (a code typed in lower case)
    S.remember(S.TEACHER, token if teacher else "")  # a wrong token leaves the address
    return Room(code, token if teacher else None), notices


def _join(code: str, token: str = "") -> None:
    S.remember(S.ROOM, code)
    S.remember(S.TEACHER, token)
    st.session_state[FOLLOW] = True
    st.session_state.pop(SEEN, None)  # a newcomer goes to the teacher's view at once


def leave() -> None:
    S.remember(S.ROOM, "")
    S.remember(S.TEACHER, "")
    st.session_state.pop(SEEN, None)


def student_id() -> str:
    """This browser session's anonymous id (random; no name is ever asked)."""
    return str(st.session_state.setdefault(STUDENT, secrets.token_urlsafe(12)))


# -- questions and answers ------------------------------------------------------------------------
def _token(v: Any) -> str:
    """A setting's value as a language-free token: 0.2 -> "0.2", (relu, gelu) -> "relu+gelu"."""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, numbers.Integral):
        return str(int(v))
    if isinstance(v, numbers.Real):
        return repr(float(v))  # the shortest text that reads back as the same float
    if isinstance(v, (tuple, list)):
        return "+".join(_token(x) for x in v)
    return str(v)


def question_id(page: str, setting: Hashable) -> str:
    """The store's id of a page's question at a setting, the same for the teacher and every
    student on that view, in any language: "saturation:tanh,1.0,0.0,0.97,0"."""
    parts = setting if isinstance(setting, tuple) else (setting,)
    qid = f"{page}:" + ",".join(_token(p) for p in parts)
    if len(qid) > QUESTION_MAX or not ID_CHARS.fullmatch(qid):
        qid = f"{page}:{sha256(qid.encode()).hexdigest()[:40]}"  # an odd or long setting: its digest
    return qid


def reason_label(page: str, reason: str, short: bool = False) -> str:
    """A reason's text: whole in the picker, `short` in the teacher's chart."""
    return t(f"classroom.{'reason_short' if short else 'reason'}.{page}.{reason}")


def reason_picker(page: str) -> str | None:
    """The optional "why?" of a guess, inside the guess's form (None: no reason picked)."""
    reasons = REASONS.get(page, ())
    if not reasons:
        return None
    picked: str | None = st.radio(
        t("classroom.reason.label"),
        [r.id for r in reasons],
        index=None,
        format_func=lambda r: reason_label(page, r),
        key=f"predict_{page}_reason",
        help=t("classroom.reason.help"),
    )
    return picked


def submit(r: Room, page: str, setting: Hashable, value: Any, reason: str | None) -> None:
    """Send a locked-in guess to the room (a new one replaces the old); say whether it went."""
    v = value if isinstance(value, str) else float(value)
    try:
        store().submit(r.code, question_id(page, setting), student_id(), v, reason)
    except STORE_ERRORS as e:
        st.warning(error_text(reason_of(e), r.code), icon="⚠️")
        return
    st.toast(t("classroom.sent", code=r.code), icon="📨")


# -- the teacher's view, and following it ---------------------------------------------------------
def _here() -> str:
    """This run's view as the language-free query the teacher records: the page's controls
    not at their default (no shared setting: students keep their language)."""
    return urlencode(S.view_params())


def _write_view(r: Room, page_id: str) -> None:
    try:
        store().set_view(r.code, r.token, page_id, _here())
    except STORE_ERRORS as e:
        reason_of(e)  # logged; the class keeps the last view it had


@st.fragment(run_every=FOLLOW_EVERY)
def _follow_poll(code: str) -> None:
    follow(code)


def follow(code: str) -> None:
    """Move this student to the teacher's view if the teacher has moved on since the last look."""
    try:
        view = store().view(code)
    except STORE_ERRORS as e:
        reason = reason_of(e)
        if reason in GONE:  # the room expired meanwhile: say so on the next run
            leave()
            st.session_state[MESSAGE] = (reason, code)
            st.rerun()
        return
    if view is None:
        return
    target = (view.page, view.query)
    if st.session_state.get(SEEN) == target:
        return  # seen already: a student who changed a setting since keeps it
    st.session_state[SEEN] = target
    if target != (st.session_state.get(S.PAGE_ID), _here()):
        _go(view.page, view.query)


def _go(page: str, query: str) -> None:
    """Open `page` with the teacher's settings (`query`, checked like any link)."""
    path = PAGE_PATHS.get(page)
    if path is None:
        return
    pairs = parse_qsl(query, keep_blank_values=True)
    if page == st.session_state.get(S.PAGE_ID):
        # the same page: hand each control the teacher's value (its widget keeps its own state
        # over the URL), the default where the teacher's view leaves it out
        for c in st.session_state.get(S.VIEW_CONTROLS, ()):
            raw = [v for k, v in pairs if k == c.key]
            try:
                S.set_value(c, c.parse(raw) if raw else c.default)
            except (ValueError, TypeError, OverflowError):
                S.set_value(c, c.default)
        st.rerun()
    try:
        st.switch_page(path, query_params=[*pairs, *S.shared_params().items()])
    except StreamlitPageNotFoundError:  # a page run on its own (AppTest): nowhere to go
        return


# -- the sidebar's "Class" section ---------------------------------------------------------------
def sidebar() -> None:
    """Start a class or join one; in a class, its code, join link and QR code (teacher) or the
    "follow the teacher" switch (student). Call after `setup`."""
    r = room()
    with st.sidebar.expander(t("classroom.title"), icon="👥", expanded=r is not None):
        if r is None:
            _start_or_join()
        elif r.teacher:
            _teacher_box(r)
        else:
            _student_box(r)
        if message := st.session_state.pop(MESSAGE, None):
            st.error(error_text(*message), icon="🚫")
    if r is not None and not r.teacher and following():
        with st.sidebar:
            _follow_poll(r.code)


def _start() -> None:
    try:
        code, token = store().open_room()
    except STORE_ERRORS as e:
        st.session_state[MESSAGE] = (reason_of(e), "")
        return
    _join(code, token)


def _join_typed() -> None:
    typed = str(st.session_state.get(JOIN_CODE) or "")
    try:
        code = store().check_room(typed)
    except STORE_ERRORS as e:
        st.session_state[MESSAGE] = (reason_of(e), typed)
        return
    st.session_state[JOIN_CODE] = ""
    _join(code)


def _start_or_join() -> None:
    st.caption(t("classroom.intro"))
    st.button(t("classroom.start"), on_click=_start, icon="🧑‍🏫", width="stretch", key="_class_start")
    with st.form("_class_join", border=False):
        st.text_input(
            t("classroom.join.label"), key=JOIN_CODE, max_chars=16, placeholder=t("classroom.join.placeholder")
        )
        st.form_submit_button(t("classroom.join.button"), on_click=_join_typed, width="stretch")


def join_url(code: str) -> str:
    """The students' link: the app's home with the room code (and the teacher's language);
    never the teacher's token. Followers then move to the teacher's view by themselves."""
    base = (st.context.url or "").split("?")[0].rstrip("/")
    here = next((p for p in PAGES if p.key == st.session_state.get(S.PAGE_ID)), None)
    if here is not None and base.endswith("/" + here.url_path):
        base = base[: -len(here.url_path) - 1]
    params = {S.ROOM.key: code}
    if not S.LANG.is_default(lang := S.value_of(S.LANG)):
        params[S.LANG.key] = lang
    return f"{base}/?{urlencode(params)}"


def qr_svg(url: str) -> str:
    """The join link as a QR code, an SVG document (segno: pure Python)."""
    return str(segno.make(url, error="m").svg_inline(scale=8, border=2, dark="#000000", light="#ffffff"))


def _code_block(code: str, url: str) -> None:
    st.caption(t("classroom.teacher.code"))
    st.markdown(f"## {code}")  # the store's alphabet only (no look-alikes): nothing to escape
    st.caption(t("classroom.teacher.how"))
    st.code(url, language=None, wrap_lines=True)  # with a copy button
    st.image(qr_svg(url), width="stretch", alt=t("classroom.teacher.qr_alt", code=code))


def _on_screen(code: str, url: str) -> None:
    """The code and QR code large, in a dialog: for the projector."""

    def body() -> None:
        st.markdown(t("classroom.teacher.screen", code=code))
        st.code(url, language=None, wrap_lines=True)
        st.image(qr_svg(url), width=420, alt=t("classroom.teacher.qr_alt", code=code))

    st.dialog(t("classroom.teacher.screen_title"), width="large")(body)()  # a title in the session's language


def _teacher_box(r: Room) -> None:
    url = join_url(r.code)
    _code_block(r.code, url)
    if st.button(t("classroom.teacher.show"), icon="📽️", width="stretch", key="_class_show"):
        _on_screen(r.code, url)
    st.caption(t("classroom.teacher.private"))
    tip = t("classroom.teacher.leave_help")
    st.button(t("classroom.leave"), on_click=leave, type="tertiary", key="_class_leave", help=tip)


def following() -> bool:
    return bool(st.session_state.get(FOLLOW, True))


def _follow_changed() -> None:
    on = bool(st.session_state.get(FOLLOW_WIDGET))
    st.session_state[FOLLOW] = on
    if on:
        st.session_state.pop(SEEN, None)  # back on: to the teacher's view at the next look


def _student_box(r: Room) -> None:
    st.markdown(t("classroom.student.in", code=r.code))
    st.toggle(
        t("classroom.follow"),
        value=following(),
        key=FOLLOW_WIDGET,
        on_change=_follow_changed,
        help=t("classroom.follow_help"),
    )
    st.caption(t("classroom.student.following" if following() else "classroom.student.exploring"))
    st.button(t("classroom.leave"), on_click=leave, type="tertiary", key="_class_leave")
