"""Cached wrappers around core.deep for the "Deep network health" page.

Keyed by the data (ui.cache.active_data: the names or an uploaded word list) and the frozen
DeepConfig / DeepTrain (hashed by content), bounded, shared by every session: identical
settings from a whole class train once. Results are DataFrames only.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

import pandas as pd
import streamlit as st

from core import deep as D
from core.config import DataConfig
from ui import cache


def _on_active_data(cfg: D.DeepConfig) -> tuple[DataConfig, D.DeepConfig, tuple[str, ...] | None]:
    """The session's data, `cfg` with that data's vocab_size, and the words to rebuild it."""
    data, words = cache.active_data(cfg.block_size)
    return data, replace(cfg, vocab_size=cache.dataset_for(data, words).vocab.size), words


@st.cache_data(max_entries=32, ttl=cache.TTL, show_spinner=False)
def train_deep(data: DataConfig, cfg: D.DeepConfig, tcfg: D.DeepTrain, _words: tuple[str, ...] | None = None,
               _progress: Callable[[int, int], None] | None = None) -> D.DeepResult:
    """core.deep.train_deep on `data`; `_progress` (not hashed) drives a bar."""
    with cache.training_slot(_progress):
        return D.train_deep(cfg, tcfg, cache.dataset_for(data, _words), progress=_progress)


def train_with_bar(cfg: D.DeepConfig, tcfg: D.DeepTrain, label: str) -> D.DeepResult:
    """train_deep() on the session's word list, with a progress bar that shows only while a new
    config is trained."""
    data, cfg, words = _on_active_data(cfg)
    return cache.run_with_bar(train_deep, label, data, cfg, tcfg, _words=words)


@st.cache_data(max_entries=32, ttl=cache.TTL, show_spinner=False)
def _depth_profile(data: DataConfig, cfg: D.DeepConfig, gains: tuple[float, ...],
                   _words: tuple[str, ...] | None = None) -> pd.DataFrame:
    with cache.training_slot(None):
        return D.depth_profile(cfg, gains, cache.dataset_for(data, _words))


def depth_profile(cfg: D.DeepConfig, gains: tuple[float, ...]) -> pd.DataFrame:
    """core.deep.depth_profile on the session's word list: std and % saturated of each layer
    at init, per gain."""
    data, cfg, words = _on_active_data(cfg)
    return _depth_profile(data, cfg, gains, _words=words)
