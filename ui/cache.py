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

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from core import deep as D
from core import lessons
from core import train as T
from core.config import DataConfig
from core.data import Dataset, build_dataset, names_dataset
from core.lessons.activation_gallery import Params
from ui import jobs, wordlist
from ui.text import t

TTL = jobs.TTL
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
    if data.source == NAMES:
        return names_dataset(block_size=data.block_size, seed=data.split_seed)
    if _words is None:
        raise ValueError(f"the words of data source {data.source!r} were not given")
    return build_dataset(_words, block_size=data.block_size, seed=data.split_seed)


def dataset(block_size: int = 3) -> Dataset:
    """The dataset of this session's word list: the names unless the student uploaded one."""
    return dataset_for(*active_data(block_size))


# What the bar says while each heavy call runs: fn -> label(*args). One table, no switches.
LABELS: Mapping[Callable[..., Any], Callable[..., str]] = {
    T.train_variants: lambda cfgs, tcfg, data: (
        t("common.training", n=len(cfgs), steps=tcfg.steps)
        if tcfg.steps > 1
        else t("common.measuring_init", n=len(cfgs))
    ),
    D.train_deep: lambda cfg, tcfg, data: t("common.training_deep", steps=tcfg.steps),
    D.depth_profile: lambda cfg, gains, data: t("common.profiling", n=len(gains)),
}


@functools.cache
def _takes_progress(fn: Callable[..., Any]) -> bool:
    return "progress" in inspect.signature(fn).parameters


def call_key(fn: Callable[..., Any], args: tuple[Any, ...], data: Dataset, data_key: DataConfig) -> tuple[Any, ...]:
    """The board's key of ``fn(*args)``: the dataset stands in as its DataConfig."""
    if not any(a is data for a in args):
        raise ValueError(f"{fn.__name__} must be called on the session's dataset")
    return (fn.__module__, fn.__qualname__, tuple(data_key if a is data else a for a in args))


def compute(
    data_key: DataConfig | None = None, words: tuple[str, ...] | None = None, bar: bool = True
) -> Callable[..., Any]:
    """A lesson's ``compute`` for this session (see core.lessons.Compute).

    Each call ``compute(fn, *args)`` is answered from the server's board, computed there at
    most once however many sessions ask. With ``bar``, a progress bar shows while it waits.
    """
    if data_key is None:
        data_key, words = active_data()
    data = dataset_for(data_key, words)

    def run(fn: Callable[..., Any], *args: Any) -> Any:
        key = call_key(fn, args, data, data_key)

        def work(progress: Callable[[int, int], None]) -> Any:
            return fn(*args, progress=progress) if _takes_progress(fn) else fn(*args)

        if not bar:
            return jobs.board().get(key, work)
        slot = st.empty()
        label = LABELS[fn](*args)

        def show(s: jobs.Status) -> None:
            if s.queued:
                slot.progress(0.0, text=t("common.queued", place=s.place))
            else:
                slot.progress(s.fraction, text=f"{label} {s.fraction:.0%}")

        try:
            return jobs.board().get(key, work, on_status=show)
        except jobs.Busy:  # bounded queue: say so instead of waiting for ever
            slot.empty()
            st.warning(t("common.busy"), icon="⏳")
            st.stop()
        finally:
            slot.empty()

    return run


# -- the gallery trains nothing: Streamlit's own cache is enough -------------------------------
@st.cache_data(max_entries=128, ttl=TTL, show_spinner=False)
def gallery(keys: tuple[str, ...], params: Params, x_max: float) -> lessons.GalleryLesson:
    """core.lessons.activation_gallery, shared by every session (params: ((key, ((name, value), ...)), ...))."""
    return lessons.gallery(keys, params, x_max)
