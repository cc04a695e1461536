"""The session's data and the app's `compute` for lessons: heavy calls shared by the server.

A page calls its lesson with ``compute=cache.compute()``. The lesson's heavy calls
(``train_variants``, ``train_deep``, ``depth_profile``) then go to the server's job board
(ui/jobs.py): each distinct call is computed once for every session, keyed by the frozen
configs and the data's ``DataConfig``, while this session's progress bar says what is
happening (queued, and where; or the share done).

The data is the session's word list (ui/wordlist.py): the bundled names unless the student
uploaded a file. It is keyed by a `DataConfig` whose `source` is "names" or the fingerprint
of the uploaded words, so the same file from several students trains once.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from core import batchnorm as BN
from core import deep as D
from core import lessons, stacking
from core import train as T
from core.config import DataConfig
from core.data import Dataset
from core.lessons.activation_gallery import Params
from ui import jobs, wordlist, workers
from ui.text import t, tn

TTL = jobs.TTL
Words = tuple[str, ...] | None  # an uploaded list's words (None: the bundled names)
NAMES = "names"  # DataConfig.source of the bundled names


def active_data(block_size: int = 3) -> tuple[DataConfig, tuple[str, ...] | None]:
    """The session's data as a cache key, and its words (None for the bundled names)."""
    wl = wordlist.active()
    if wl is None:
        return DataConfig(source=NAMES, block_size=block_size), None
    return DataConfig(source=wl.source, block_size=block_size), wl.words


# Few entries: an uploaded list of 2 MB makes ~70 MB of tensors. The names stay in
# core.data's own small cache even when evicted here.
@st.cache_resource(max_entries=4, ttl=TTL, show_spinner=False)
def dataset_for(data: DataConfig, _words: tuple[str, ...] | None = None) -> Dataset:
    """The dataset of `data` (tensors nobody mutates), shared by all sessions."""
    return workers.build(data, _words)


def dataset(block_size: int = 3) -> Dataset:
    """The dataset of this session's word list: the names unless the student uploaded one."""
    return dataset_for(*active_data(block_size))


# What the bar says while each heavy call runs: fn -> label(*args). One table, no switches.
LABELS: Mapping[Callable[..., Any], Callable[..., str]] = {
    T.train_variants: lambda cfgs, tcfg, data: (
        tn("common.training", len(cfgs), steps=tcfg.steps)
        if tcfg.steps > 1
        else t("common.measuring_init", n=len(cfgs))
    ),
    D.train_deep: lambda cfg, tcfg, data: t("common.training_deep", steps=tcfg.steps),
    D.depth_profile: lambda cfg, gains, data: t("common.profiling", n=len(gains)),
    BN.bn_probe: lambda setup, data: t("common.training_bn", steps=setup.steps),
}

DEEP_BATCH = 8  # deep nets stacked at most: 16 x 5,000 steps held one worker for minutes
INLINE_STEPS = 1  # work of at most this many steps (the views at init) never waits in line
BAR_EVERY = 1.0  # seconds between two updates of a waiting session's bar


@dataclass(frozen=True)
class Plan:
    """A heavy call as board work: its units (items of `work`'s group) and how the call's
    result is put together from theirs."""

    work: jobs.Work
    items: list[Any]
    join: Callable[[list[Any]], Any]
    inline: bool  # so little work (a view at init) that it runs in the asking session's thread


def _variants_plan(data: Dataset, data_key: DataConfig, words: Words, cfgs: Any, tcfg: Any, _data: Any) -> Plan:
    """train_variants: one unit per network; networks with the same training settings and
    data, asked for by any session, train stacked (core/stacking.py)."""
    work = jobs.Work(
        ("train_variants", tcfg, data_key),
        workers.train_parts,
        (tcfg, data_key, words),
        steps=tcfg.steps,
        kind="train_variants",
        portable=True,
    )
    return Plan(
        work, list(cfgs), lambda parts: stacking.combine(parts, T.variant_names(cfgs)), tcfg.steps <= INLINE_STEPS
    )


def _deep_plan(data: Dataset, data_key: DataConfig, words: Words, cfg: Any, tcfg: Any, _data: Any) -> Plan:
    """train_deep: one unit per network; deep nets of one shape and training train stacked."""
    work = jobs.Work(
        ("train_deep", D.deep_shape_key(cfg), tcfg, data_key),
        workers.train_deep_parts,
        (tcfg, data_key, words),
        steps=tcfg.steps,
        kind="train_deep",
        portable=True,
        max_batch=DEEP_BATCH,
    )
    return Plan(work, [cfg], lambda results: results[0], tcfg.steps <= INLINE_STEPS)


def _bn_plan(data: Dataset, data_key: DataConfig, words: Words, setup: Any, _data: Any) -> Plan:
    """bn_probe: one autograd run per setting, in a trainer process (never in a server thread)."""
    work = jobs.Work(
        ("bn_probe", data_key),
        workers.bn_probe_parts,
        (data_key, words),
        steps=setup.steps,
        kind="bn_probe",
        portable=True,
        max_batch=1,
    )
    return Plan(work, [setup], lambda results: results[0], False)


# heavy calls that train stack across sessions (or run in a trainer process); any other heavy
# call is one unit of its own
PLANS: Mapping[Callable[..., Any], Callable[..., Plan]] = {
    T.train_variants: _variants_plan,
    D.train_deep: _deep_plan,
    BN.bn_probe: _bn_plan,
}
INLINE: frozenset[Callable[..., Any]] = frozenset({D.depth_profile})  # cheap (~0.05 s): never queued


@functools.cache
def _takes_progress(fn: Callable[..., Any]) -> bool:
    return "progress" in inspect.signature(fn).parameters


def call_key(fn: Callable[..., Any], args: tuple[Any, ...], data: Dataset, data_key: DataConfig) -> tuple[Any, ...]:
    """The board's key of ``fn(*args)``: the dataset stands in as its DataConfig."""
    if not any(a is data for a in args):
        raise ValueError(f"{fn.__name__} must be called on the session's dataset")
    return (fn.__module__, fn.__qualname__, tuple(data_key if a is data else a for a in args))


def plan(fn: Callable[..., Any], args: tuple[Any, ...], data: Dataset, data_key: DataConfig, words: Words) -> Plan:
    """How ``fn(*args)`` runs on the board."""
    key = call_key(fn, args, data, data_key)
    if fn in PLANS:
        return PLANS[fn](data, data_key, words, *args)

    def run(items: list[Any], progress: jobs.Progress) -> list[Any]:
        return [fn(*args, progress=progress) if _takes_progress(fn) else fn(*args)]

    return Plan(jobs.Work(None, run, max_batch=1, kind=fn.__qualname__), [key], lambda rs: rs[0], fn in INLINE)


def eta_text(seconds: float | None) -> str:
    """'about 40 s' / 'about 3 min', rounded so that it does not flicker."""
    if seconds is None:
        return ""
    if seconds < 90:  # to the second, then to the minute
        return t("common.eta_s", s=max(1, round(seconds)))
    return t("common.eta_min", m=max(1, round(seconds / 60)))


def bar_text(label: str, s: jobs.Status, own: int) -> str:
    """What the bar says: the place in line and the wait, or the share done and the time left."""
    eta = eta_text(s.eta_s)
    if s.queued:
        return t("common.queued_next", eta=eta) if s.place <= 1 else tn("common.queued", s.place - 1, eta=eta)
    shared = t("common.stacked", n=s.nets) if s.nets > own else ""
    return t("common.running", label=label, pct=s.fraction, eta=eta, shared=shared)


def compute(
    data_key: DataConfig | None = None,
    words: tuple[str, ...] | None = None,
    bar: bool = True,
    preview: Any = None,
    lane: str = jobs.MAIN,
) -> Callable[..., Any]:
    """A lesson's ``compute`` for this session (see core.lessons.Compute).

    Each call ``compute(fn, *args)`` is answered from the server's board, computed there at
    most once however many sessions ask. With ``bar``, a progress bar shows while it waits:
    the place in line and an estimate, then the share done. A `preview` (ui/previews.py) is
    drawn under the bar when a call has to wait for the trainer. `lane` jobs.BACKGROUND: warm
    start's long runs, on the board's background worker (the same results, shared all the same).
    """
    if data_key is None:
        data_key, words = active_data()
    data = dataset_for(data_key, words)
    previews = [preview] if preview is not None else []

    def run(fn: Callable[..., Any], *args: Any) -> Any:
        p = plan(fn, args, data, data_key, words)
        if lane != p.work.lane:
            p = dataclasses.replace(p, work=dataclasses.replace(p.work, lane=lane), inline=False)
        inline = p.inline
        if not bar:
            return p.join(jobs.board().get_many(p.work, p.items, inline=inline))
        board = jobs.board()
        waits = bool(previews) and not p.inline and not board.stored(p.work, p.items)
        slot = previews.pop().start() if waits else st.empty()  # the preview once, for the first wait
        label = LABELS[fn](*args)
        last: dict[str, Any] = {"at": 0.0, "text": ""}  # the bar as last drawn

        def show(s: jobs.Status) -> None:
            text = bar_text(label, s, len(p.items))
            now = time.monotonic()
            # a new text at most every BAR_EVERY s, and the same one again after 2 s: the student
            # sees that the server is alive even while the estimate stands still
            due = now - last["at"] >= (BAR_EVERY if text != last["text"] else 2 * BAR_EVERY)
            if due or not last["text"]:
                slot.progress(s.fraction, text=text)
                last.update(at=now, text=text)

        try:
            return p.join(board.get_many(p.work, p.items, on_status=show, poll=0.25, inline=inline))
        except jobs.Busy as e:  # bounded queue: say so instead of waiting for ever
            slot.empty()
            st.warning(t("common.busy", eta=eta_text(e.retry_s)), icon="⏳")
            st.stop()
        finally:
            slot.empty()

    return run


# -- the gallery trains nothing: Streamlit's own cache is enough -------------------------------
@st.cache_data(max_entries=128, ttl=TTL, show_spinner=False)
def gallery(keys: tuple[str, ...], params: Params, x_max: float) -> lessons.GalleryLesson:
    """core.lessons.activation_gallery, shared by every session (params: ((key, ((name, value), ...)), ...))."""
    return lessons.gallery(keys, params, x_max)
