"""Cached wrappers around core.deep for the "Deep network health" page.

Keyed by the frozen DeepConfig / DeepTrain (hashed by content), bounded, shared by every
session: identical settings from a whole class train once. Results are DataFrames only.
"""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from core import deep as D
from ui import cache


@st.cache_data(max_entries=32, ttl=cache.TTL, show_spinner=False)
def train_deep(cfg: D.DeepConfig, tcfg: D.DeepTrain,
               _progress: Callable[[int, int], None] | None = None) -> D.DeepResult:
    """core.deep.train_deep on the names data; `_progress` (not hashed) drives a bar."""
    return D.train_deep(cfg, tcfg, cache.dataset(cfg.block_size), progress=_progress)


def train_with_bar(cfg: D.DeepConfig, tcfg: D.DeepTrain, label: str) -> D.DeepResult:
    """train_deep() with a progress bar that shows only while a new config is trained."""
    return cache.run_with_bar(train_deep, label, cfg, tcfg)


@st.cache_data(max_entries=32, ttl=cache.TTL, show_spinner=False)
def depth_profile(cfg: D.DeepConfig, gains: tuple[float, ...]) -> pd.DataFrame:
    """core.deep.depth_profile: std and % saturated of each layer at init, per gain."""
    return D.depth_profile(cfg, gains, cache.dataset(cfg.block_size))
