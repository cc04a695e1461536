"""The teacher's side of a question in class mode: the live count and distribution, Reveal.

On a page with a question, the teacher's `gate` (ui/predict.py) shows the question and a panel
that refreshes itself every PANEL_EVERY seconds (a fragment, not a page rerun): how many have
answered, the distribution of their guesses (a histogram of numbers, bars of choices) and of
their reasons. The script stops there until Reveal; then the page computes its result, and its
feedback call draws the class's distribution again with the truth on top.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from ui import charts_classroom as C
from ui import classroom as CR
from ui.export import show
from ui.present import columns
from ui.text import num, t

PANEL_EVERY = 2  # seconds between refreshes of the teacher's panel
MAX_BINS = 20  # bars of a number histogram at most (a guess of 0.5 and one of 3.3 apart on a 0-30 axis)

# -- session keys (all of this module's) --------------------------------------------------------
REVEALED = "_class_revealed"  # question ids this teacher has revealed
QUESTIONS = "_class_questions"  # (page, setting) -> Question: what the feedback after Reveal draws


@dataclass(frozen=True)
class Question:
    """A question on the teacher's screen: its store id, and for a choice its options and their
    shown text (None for a number)."""

    page: str
    id: str
    options: tuple[str, ...] | None = None
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Truth:
    """What Reveal draws on top: the true number (with its format and unit), or the right options."""

    value: float | None = None
    fmt: str = ".3g"
    unit: str = ""
    right: tuple[str, ...] = ()


# -- numbers into bins (pure) ------------------------------------------------------------------------
def _nice(step: float) -> float:
    """The next 1, 2 or 5 times a power of ten at or above `step` (> 0)."""
    p = 10.0 ** math.floor(math.log10(step))
    return next(m * p for m in (1, 2, 5, 10) if m * p >= step * (1 - 1e-9))


def bin_numbers(values: Sequence[float], truth: float | None = None, max_bins: int = MAX_BINS) -> pd.DataFrame:
    """Histogram of `values` on round bin edges (columns lo, hi, count), wide enough to hold
    `truth` too, at most `max_bins` + 1 bins; empty without values."""
    xs = np.array([v for v in values if math.isfinite(v)], dtype=float)
    if not len(xs):
        return pd.DataFrame({"lo": [], "hi": [], "count": []})
    span = np.append(xs, truth) if truth is not None and math.isfinite(truth) else xs
    lo, hi = float(span.min()), float(span.max())
    step = _nice((hi - lo) / max_bins if hi > lo else max(abs(lo) * 0.1, 1e-3))
    start = math.floor(lo / step) * step
    n = int(math.floor((hi - start) / step + 1e-9)) + 1
    idx = np.clip(np.floor((xs - start) / step + 1e-9).astype(int), 0, n - 1)
    edges = start + step * np.arange(n + 1)
    return pd.DataFrame({"lo": edges[:-1], "hi": edges[1:], "count": np.bincount(idx, minlength=n)})


def counts(ids: Sequence[str], answers: pd.Series) -> list[int]:
    """How many answers name each id, in order; answers naming none of them are not counted
    (nothing a student sends is shown: only the page's own options and reasons)."""
    tally = answers.dropna().astype(str).value_counts()
    return [int(tally.get(i, 0)) for i in ids]


# -- the teacher's gate -----------------------------------------------------------------------------
def _revealed() -> set[str]:
    return st.session_state.setdefault(REVEALED, set())  # type: ignore[no-any-return]


def _reveal(qid: str) -> None:
    _revealed().add(qid)


def _hide(qid: str) -> None:
    _revealed().discard(qid)


def gate(
    r: CR.Room,
    page: str,
    setting: Hashable,
    question: str,
    options: Sequence[Any] | None = None,
    format_func: Callable[[Any], str] = str,
    **_bounds: Any,
) -> Any:
    """The teacher's gate: the question and the live panel, the script stopped until Reveal;
    after Reveal, a stand-in guess (the class's median or most common pick) for the page's
    feedback call, which then draws the class against the truth."""
    q = Question(
        page,
        CR.question_id(page, setting),
        tuple(options) if options is not None else None,
        tuple(str(format_func(o)) for o in options) if options is not None else (),
    )
    st.session_state.setdefault(QUESTIONS, {})[(page, setting)] = q
    if q.id in _revealed():
        return _stand_in(r, q)
    with st.container(border=True):
        st.subheader(t("classroom.teacher.title"))
        st.markdown(question)
        _live_panel(r.code, q, None)
        st.button(
            t("classroom.reveal"),
            type="primary",
            icon="🎯",
            on_click=_reveal,
            args=(q.id,),
            key=f"_class_reveal_{page}",
        )
        st.caption(t("classroom.teacher.hidden"))
    st.stop()


def _answers(code: str, qid: str) -> pd.DataFrame | None:
    try:
        return CR.store().answers(code, qid)
    except CR.STORE_ERRORS as e:
        st.warning(CR.error_text(CR.reason_of(e), code), icon="⚠️")
        return None


def _stand_in(r: CR.Room, q: Question) -> Any:
    """A guess the page's feedback code can score: the class's median, or its most common pick
    (the teacher's feedback shows the class, not this)."""
    df = _answers(r.code, q.id)
    if df is None:
        df = pd.DataFrame({"value": []})
    if q.options is None:
        xs = numbers(df)
        return statistics.median(xs) if xs else 0.0
    n = counts(q.options, df["value"])
    return q.options[n.index(max(n))] if q.options else None


# -- the live panel ---------------------------------------------------------------------------------
@st.fragment(run_every=PANEL_EVERY)
def _live_panel(code: str, q: Question, truth: Truth | None) -> None:
    panel(code, q, truth)


def panel(code: str, q: Question, truth: Truth | None) -> None:
    """How many have answered, and the distribution of answers and reasons (the truth on top
    once revealed)."""
    df = _answers(code, q.id)
    if df is None:
        return
    n = len(df)
    m1, m2 = st.columns(2)
    m1.metric(t("classroom.panel.count"), num(n, ",d"), help=t("classroom.panel.count_help", every=PANEL_EVERY))
    if n == 0:
        st.caption(t("classroom.panel.waiting", code=code))
        return
    if q.options is None and (xs := numbers(df)):
        fmt, unit = (truth.fmt, truth.unit) if truth is not None else (".3g", "")
        m2.metric(t("classroom.panel.median"), num(statistics.median(xs), fmt) + unit)
    left, right = columns(2)
    with left:
        if q.options is None:
            _numbers(df, truth)
        else:
            _choices(df, q, truth)
    with right:
        _reasons(df, q, truth)


def numbers(df: pd.DataFrame) -> list[float]:
    """The finite numeric answers of a question's answers frame."""
    return [float(v) for v in df["value"] if isinstance(v, (int, float)) and math.isfinite(v)]


def _numbers(df: pd.DataFrame, truth: Truth | None) -> None:
    xs = numbers(df)
    if not xs:
        return
    tv = truth.value if truth is not None else None
    fmt, unit = (truth.fmt, truth.unit) if truth is not None else (".3g", "")
    median = num(statistics.median(xs), fmt) + unit
    label = t("classroom.panel.truth_rule", value=num(tv, fmt) + unit) if tv is not None else ""
    chart = C.number_histogram(
        bin_numbers(xs, tv),
        t("classroom.panel.numbers_title"),
        t("classroom.panel.numbers_x"),
        t("classroom.panel.students"),
        truth=tv,
        truth_label=label,
    )
    alt_text = t("classroom.panel.numbers_alt", n=len(xs), median=median)
    if tv is not None:
        alt_text += " " + label
    show(chart, "class-answers", alt_text, buttons=truth is not None)


def _choices(df: pd.DataFrame, q: Question, truth: Truth | None) -> None:
    assert q.options is not None
    n = counts(q.options, df["value"])
    right = [o in truth.right for o in q.options] if truth is not None else [False] * len(n)
    bars = pd.DataFrame({"option": q.options, "label": q.labels, "count": n, "right": right})
    chart = C.choice_bars(
        bars,
        t("classroom.panel.choices_title"),
        t("classroom.panel.students"),
        *((t("classroom.panel.right"), t("classroom.panel.other")) if truth is not None else ()),
    )
    summary = ", ".join(f"{label}: {num(c, ',d')}" for label, c in zip(q.labels, n))
    show(chart, "class-answers", t("classroom.panel.choices_alt", counts=summary), buttons=truth is not None)


def _reasons(df: pd.DataFrame, q: Question, truth: Truth | None) -> None:
    reasons = CR.REASONS.get(q.page, ())
    n = counts([r.id for r in reasons], df["reason"])
    given = sum(n)
    if not reasons or not given:
        st.caption(t("classroom.panel.no_reasons"))
        return
    shown = [CR.reason_label(q.page, r.id, short=True) for r in reasons]
    bars = pd.DataFrame(
        {"option": [r.id for r in reasons], "label": shown, "count": n, "right": [r.sound for r in reasons]}
    )
    chart = C.choice_bars(
        bars,
        t("classroom.panel.reasons_title", n=given),
        t("classroom.panel.students"),
        *((t("classroom.panel.sound"), t("classroom.panel.misconception")) if truth is not None else ()),
    )
    summary = ", ".join(f"{label}: {num(c, ',d')}" for label, c in zip(shown, n))
    show(chart, "class-reasons", t("classroom.panel.reasons_alt", counts=summary), buttons=truth is not None)


# -- after Reveal: the page's feedback call ---------------------------------------------------------
def _question(page: str, setting: Hashable) -> Question | None:
    q = st.session_state.get(QUESTIONS, {}).get((page, setting))
    return q if isinstance(q, Question) else None


def reveal_number(page: str, setting: Hashable, actual: float, what: str, fmt: str, why: str, unit: str = "") -> None:
    """The true number, why, and the class's guesses with it on top."""
    r, q = CR.room(), _question(page, setting)
    if r is None or q is None:
        return
    answer = t("classroom.reveal.number", what=what, actual=num(actual, fmt) + unit)
    st.success(answer + "\n\n" + t("predict.why", why=why), icon="🎯")
    _live_panel(r.code, q, Truth(value=actual, fmt=fmt, unit=unit))
    _hide_button(page, q)


def reveal_choice(page: str, setting: Hashable, answer_text: str, why: str, right: Sequence[str] = ()) -> None:
    """The right answer, why, and the class's picks with the right one in green. `right`: the
    right options' ids (by default, the options whose text is the answer's)."""
    r, q = CR.room(), _question(page, setting)
    if r is None or q is None:
        return
    ids = tuple(right) or tuple(o for o, label in zip(q.options or (), q.labels) if label == answer_text)
    st.success(t("classroom.reveal.choice", answer=answer_text) + "\n\n" + t("predict.why", why=why), icon="🎯")
    _live_panel(r.code, q, Truth(right=ids))
    _hide_button(page, q)


def _hide_button(page: str, q: Question) -> None:
    st.button(t("classroom.hide"), on_click=_hide, args=(q.id,), key=f"_class_hide_{page}", type="tertiary", icon="🙈")
