"""Cached wrappers around core.deep for the "Deep network health" page.

Keyed by the frozen DeepConfig / DeepTrain (hashed by content), bounded, shared by every
session: identical settings from a whole class train once. Results are DataFrames only.
"""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import in_cached_function

from core import deep as D
from ui import cache


@st.cache_data(max_entries=32, ttl=cache.TTL, show_spinner=False)
def train_deep(cfg: D.DeepConfig, tcfg: D.DeepTrain,
               _progress: Callable[[int, int], None] | None = None) -> D.DeepResult:
    """core.deep.train_deep on the names data; `_progress` (not hashed) drives a bar."""
    return D.train_deep(cfg, tcfg, cache.dataset(cfg.block_size), progress=_progress)


def train_with_bar(cfg: D.DeepConfig, tcfg: D.DeepTrain, label: str) -> D.DeepResult:
    """train_deep() with a progress bar that shows only while a new config is trained."""
    bar = st.empty()

    def progress(done: int, total: int) -> None:
        # Runs inside the cached train_deep(): without this, st.cache_data would record the bar
        # and replay it on every cache hit onto a placeholder that is gone (CacheReplayClosureError).
        token = in_cached_function.set(False)
        try:
            bar.progress(min(1.0, done / max(1, total)), text=label)
        finally:
            in_cached_function.reset(token)

    result = train_deep(cfg, tcfg, _progress=progress)
    bar.empty()
    return result


@st.cache_data(max_entries=32, ttl=cache.TTL, show_spinner=False)
def depth_profile(cfg: D.DeepConfig, gains: tuple[float, ...]) -> pd.DataFrame:
    """core.deep.depth_profile: std and % saturated of each layer at init, per gain."""
    return D.depth_profile(cfg, gains, cache.dataset(cfg.block_size))
