"""Cached wrappers around core: shared by every session, bounded, keyed by frozen configs.

`st.cache_data` returns a copy per call (DataFrames only, never tensors or modules);
`st.cache_resource` holds the one read-only dataset. Each entry cap keeps memory bounded
when a class explores many settings; identical settings from many students compute once.
"""
from __future__ import annotations

from typing import Callable, Sequence

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import in_cached_function

from core import activations as A
from core import train as T
from core.config import MLPConfig, TrainConfig
from core.data import Dataset, names_dataset

TTL = 6 * 3600  # seconds; a lesson's worth


@st.cache_resource(max_entries=4, show_spinner=False)
def dataset(block_size: int = 3) -> Dataset:
    """The names dataset (tensors nobody mutates), shared by all sessions."""
    return names_dataset(block_size=block_size)


@st.cache_data(max_entries=64, ttl=TTL, show_spinner=False)
def train(cfgs: tuple[MLPConfig, ...], tcfg: TrainConfig, _progress: Callable[[int, int], None] | None = None) -> T.TrainResult:
    """core.train.train_variants on the names data; `_progress` (not hashed) drives a bar."""
    return T.train_variants(cfgs, tcfg, dataset(cfgs[0].block_size), progress=_progress)


def run_with_bar(cached_fn: Callable, label: str, *args):
    """cached_fn(*args, _progress=...) with a progress bar that shows only while it computes."""
    bar = st.empty()

    def progress(done: int, total: int) -> None:
        # Called from inside the cached function: st.cache_data would record this element and
        # replay it on every cache hit, on a placeholder that no longer exists
        # (CacheReplayClosureError). The bar is transient, so keep it out of the recording.
        token = in_cached_function.set(False)
        try:
            bar.progress(min(1.0, done / max(1, total)), text=label)
        finally:
            in_cached_function.reset(token)

    result = cached_fn(*args, _progress=progress)
    bar.empty()
    return result


def train_with_bar(cfgs: Sequence[MLPConfig], tcfg: TrainConfig, label: str) -> T.TrainResult:
    """train() with a progress bar that shows only while a new config is trained."""
    return run_with_bar(train, label, tuple(cfgs), tcfg)


@st.cache_data(max_entries=128, ttl=TTL, show_spinner=False)
def curves(keys: tuple[str, ...], params: tuple[tuple[str, tuple[tuple[str, float], ...]], ...], x_min: float, x_max: float):
    """core.activations.curves with hashable params ((key, ((name, value), ...)), ...)."""
    return A.curves(keys, {k: dict(p) for k, p in params}, x_min=x_min, x_max=x_max)


@st.cache_data(max_entries=128, ttl=TTL, show_spinner=False)
def signal_propagation(keys: tuple[str, ...], params: tuple[tuple[str, tuple[tuple[str, float], ...]], ...], input_stds: tuple[float, ...]):
    return A.signal_propagation(keys, input_stds=input_stds, params_by_key={k: dict(p) for k, p in params})
