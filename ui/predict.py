"""Predict, then reveal: the student commits a guess before the page shows the result.

A page that asks calls `gate(...)` right after its controls, before it computes its lesson or
draws anything that comes from it (numbers, notices, errors such as "diverged at step N",
previews while training). While "Predict first" is on (a sidebar toggle, `predict=true` in
the URL), `gate` shows the question in a form and stops the script until the guess is locked
in, so nothing the page draws after the call can be on screen before the guess. Once locked
in, `number_feedback` / `choice_feedback` say how close the guess was and why.

Guesses are kept per session and per setting (a new setting asks again), in session state.

In class mode (ui/classroom.py) every question is asked: a student's locked-in guess also goes
to the room, with an optional reason; the teacher's `gate` shows the class's answers instead
of a form until Reveal, and the feedback calls then draw the class against the truth
(ui/classroom_view.py).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import streamlit as st

from ui import classroom
from ui import classroom_view as class_view
from ui import state as S
from ui.text import num, t

PREDICT = S.PREDICT
STORE = "_predictions"  # session key: {(page, setting): guess}


@dataclass(frozen=True)
class Score:
    """How far a guess is from the truth."""

    grade: str  # "spot_on" | "close" | "far"
    error: float  # guess - actual


def score(guess: float, actual: float, tol: float, relative: bool = False) -> Score:
    """Grade a numeric guess: within `tol` spot on, within 3 x `tol` close, else far.

    `tol` is absolute (e.g. 5 percentage points) or, with `relative`, a fraction of |actual|.
    """
    err = guess - actual
    limit = tol * abs(actual) if relative else tol
    grade = "spot_on" if abs(err) <= limit else "close" if abs(err) <= 3 * limit else "far"
    return Score(grade, err)


def toggle() -> None:
    """The sidebar switch, for pages that ask for predictions (on, greyed out, in a class)."""
    if classroom.room() is not None:
        st.sidebar.toggle(t("predict.toggle"), value=True, disabled=True, help=t("classroom.predict_on"))
        return
    S.toggle(PREDICT, t("predict.toggle"), help=t("predict.toggle_help"), where=st.sidebar)


def on() -> bool:
    return bool(S.value_of(PREDICT)) or classroom.room() is not None


def _store() -> dict[tuple[str, Hashable], Any]:
    return cast(dict[tuple[str, Hashable], Any], st.session_state.setdefault(STORE, {}))  # session state is untyped


def ask(
    page: str,
    setting: Hashable,
    question: str,
    *,
    options: Sequence[Any] | None = None,
    format_func: Callable[[Any], str] = str,
    min_value: float = 0.0,
    max_value: float = 100.0,
    step: float = 0.1,
) -> Any:
    """The locked-in guess for this page and setting, or None (then the form is on screen).

    A number is asked unless `options` are given (then one of them is picked).
    """
    ident = (page, setting)
    if ident in _store():
        return _store()[ident]
    room = classroom.room()  # a student's guess goes to the class too, with a reason
    slot = st.empty()  # cleared once the guess is in: the form gives way to the feedback
    with slot.form(key=f"predict_{page}", border=True):
        st.subheader(t("predict.title"))
        st.markdown(question)
        if options is None:
            value = st.number_input(
                t("predict.your_guess"),
                min_value=min_value,
                max_value=max_value,
                value=None,
                step=step,
                key=f"predict_{page}_number",
                placeholder=t("predict.placeholder"),
            )
        else:
            value = st.radio(
                t("predict.your_guess"),
                list(options),
                index=None,
                format_func=format_func,
                key=f"predict_{page}_choice",
            )
        reason = classroom.reason_picker(page) if room is not None else None
        locked = st.form_submit_button(t("predict.lock"), type="primary")
    if locked and value is not None:
        _store()[ident] = value
        slot.empty()
        if room is not None:
            classroom.submit(room, page, setting, value, reason)
        return value
    if locked:
        st.warning(t("predict.empty"))
    st.caption(t("predict.hidden"))
    return None


def gate(page: str, setting: Hashable, question: str, **ask_kw: Any) -> Any:
    """The locked-in guess, or None when predict mode is off; while the guess is pending the
    question is on screen and the script stops here (`st.stop`).

    Call it before the lesson is computed: everything after the call is then hidden until the
    guess is in, whatever it shows. `ask_kw` are `ask`'s (options, format_func, bounds, step).
    """
    room = classroom.room()
    if room is not None and room.teacher:
        return class_view.gate(room, page, setting, question, **ask_kw)
    if not on():
        return None
    guess = ask(page, setting, question, **ask_kw)
    if guess is None:
        st.stop()
    return guess


def again_button(page: str, setting: Hashable) -> None:
    def forget() -> None:
        _store().pop((page, setting), None)

    st.button(t("predict.again"), key=f"predict_{page}_again", on_click=forget, type="tertiary")


def number_feedback(
    page: str, setting: Hashable, guess: float, actual: float, sc: Score, what: str, fmt: str, why: str, unit: str = ""
) -> None:
    """How close a numeric guess was, and why the result is what it is (for the teacher of a
    class: the class's guesses against the result)."""
    if classroom.teaching():
        class_view.reveal_number(page, setting, actual, what, fmt, why, unit)
        return

    def show(x: float) -> str:
        return num(x, fmt) + unit

    msg = (
        t(f"predict.grade.{sc.grade}")
        + " "
        + t(
            "predict.number",
            guess=show(guess),
            what=what,
            actual=show(actual),
            error=show(abs(sc.error)),
            side=t("predict.high" if sc.error > 0 else "predict.low"),
        )
    )
    box = {"spot_on": st.success, "close": st.info, "far": st.warning}[sc.grade]
    box(msg + "\n\n" + t("predict.why", why=why), icon="🎯" if sc.grade == "spot_on" else "🤔")
    again_button(page, setting)


def choice_feedback(
    page: str,
    setting: Hashable,
    right: bool,
    guess_text: str,
    answer_text: str,
    why: str,
    truth: Sequence[str] = (),
) -> None:
    """Whether a picked answer was right, and why (for the teacher of a class: the class's picks
    with the right ones, `truth`, marked: by default the options whose text is `answer_text`)."""
    if classroom.teaching():
        class_view.reveal_choice(page, setting, answer_text, why, truth)
        return
    key = "predict.choice_right" if right else "predict.choice_wrong"
    box = st.success if right else st.warning
    box(t(key, guess=guess_text, answer=answer_text) + "\n\n" + t("predict.why", why=why), icon="🎯" if right else "🤔")
    again_button(page, setting)
