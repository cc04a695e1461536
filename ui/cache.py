"""Cached wrappers around core: shared by every session, bounded, keyed by frozen configs.

`st.cache_data` returns a copy per call (DataFrames only, never tensors or modules);
`st.cache_resource` holds the read-only datasets. Each entry cap keeps memory bounded
when a class explores many settings; identical settings from many students compute once.

The data is the session's word list (ui/wordlist.py): the bundled names unless the student
uploaded a file. Caches are keyed by a `DataConfig` whose `source` is "names" or the
fingerprint of the uploaded words, so the same file from several students trains once; the
words themselves travel as the unhashed `_words` argument.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from typing import Callable, Sequence

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import in_cached_function

from core import activations as A
from core import train as T
from core.config import DataConfig, MLPConfig, TrainConfig
from core.data import Dataset, build_dataset, names_dataset
from ui import wordlist
from ui.text import t

TTL = 6 * 3600  # seconds; a lesson's worth
QUEUED = -1  # progress(QUEUED, 1): the training waits for a free slot


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


@st.cache_resource(show_spinner=False)
def training_slots() -> threading.BoundedSemaphore:
    """How many trainings may run at once in this server (ACTIVATIONS_TRAINING_SLOTS, default 2).

    Every session's script runs in its own thread and a training is thousands of small torch
    ops that each take and give back the GIL: with a class starting many new settings at once,
    the threads spend their time handing the GIL around (8 trainings at once took 1.6-1.9x
    longer than the same 8 run two at a time). Two slots keep both cores busy; the other
    sessions wait their turn with their progress bar at 0, then train at full speed.
    """
    slots = os.environ.get("ACTIVATIONS_TRAINING_SLOTS", "2")
    return threading.BoundedSemaphore(max(1, int(slots) if slots.isdigit() else 2))


@contextmanager
def training_slot(progress: Callable[[int, int], None] | None):
    """Hold one of the server's training slots (see training_slots) while the block runs."""
    slots = training_slots()
    if not slots.acquire(blocking=False):
        if progress is not None:
            progress(QUEUED, 1)  # say why nothing moves yet
        slots.acquire()
    try:
        yield
    finally:
        slots.release()


@st.cache_data(max_entries=64, ttl=TTL, show_spinner=False)
def train(data: DataConfig, cfgs: tuple[MLPConfig, ...], tcfg: TrainConfig, _words: tuple[str, ...] | None = None,
          _progress: Callable[[int, int], None] | None = None) -> T.TrainResult:
    """core.train.train_variants on `data`; `_progress` (not hashed) drives a bar."""
    with training_slot(_progress):
        return T.train_variants(cfgs, tcfg, dataset_for(data, _words), progress=_progress)


def run_with_bar(cached_fn: Callable, label: str, *args, **kwargs):
    """cached_fn(*args, **kwargs, _progress=...) with a progress bar that shows only while it computes."""
    bar = st.empty()

    def progress(done: int, total: int) -> None:  # done == QUEUED: waiting for a training slot
        # Called from inside the cached function: st.cache_data would record this element and
        # replay it on every cache hit, on a placeholder that no longer exists
        # (CacheReplayClosureError). The bar is transient, so keep it out of the recording.
        token = in_cached_function.set(False)
        try:
            if done == QUEUED:
                bar.progress(0.0, text=t("common.queued"))
            else:
                bar.progress(min(1.0, done / max(1, total)), text=label)
        finally:
            in_cached_function.reset(token)

    result = cached_fn(*args, **kwargs, _progress=progress)
    bar.empty()
    return result


def train_with_bar(cfgs: Sequence[MLPConfig], tcfg: TrainConfig, label: str) -> T.TrainResult:
    """train() on the session's word list, with a progress bar that shows only while a new
    config is trained. Each config's vocab_size is set to the data's."""
    data, words = active_data(cfgs[0].block_size)
    vocab_size = dataset_for(data, words).vocab.size
    cfgs = tuple(c.with_(vocab_size=vocab_size) for c in cfgs)
    return run_with_bar(train, label, data, cfgs, tcfg, _words=words)


@st.cache_data(max_entries=128, ttl=TTL, show_spinner=False)
def curves(keys: tuple[str, ...], params: tuple[tuple[str, tuple[tuple[str, float], ...]], ...], x_min: float, x_max: float):
    """core.activations.curves with hashable params ((key, ((name, value), ...)), ...)."""
    return A.curves(keys, {k: dict(p) for k, p in params}, x_min=x_min, x_max=x_max)


@st.cache_data(max_entries=128, ttl=TTL, show_spinner=False)
def signal_propagation(keys: tuple[str, ...], params: tuple[tuple[str, tuple[tuple[str, float], ...]], ...], input_stds: tuple[float, ...]):
    return A.signal_propagation(keys, input_stds=input_stds, params_by_key={k: dict(p) for k, p in params})
