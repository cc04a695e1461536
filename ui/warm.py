"""Warm start: compute every page's default view in the background once the server is up,
so the first student does not wait for training.

Streamlit has no server-start hook, so the first script run of the process (any page, any
visitor, or the deploy script's health probe that opens the home page) starts one daemon
thread. It calls each page's lesson with its default settings on the bundled names, through
the server's job board, exactly as the pages do: the results are then stored for everyone.
The lessons are language-free, so one pass serves every language. ACTIVATIONS_WARMUP=0 skips it
(the tests set it, except the one that checks warm start).
"""

from __future__ import annotations

import logging
import os
import threading
import time

import streamlit as st

log = logging.getLogger("activations.warm")


def enabled() -> bool:
    return os.environ.get("ACTIVATIONS_WARMUP", "1") != "0"


@st.cache_resource(show_spinner=False)
def _warmup_thread() -> threading.Thread | None:
    """Started at most once per server process (cache_resource is one shared object)."""
    if not enabled():
        return None
    th = threading.Thread(target=warm, name="warm-start", daemon=True)
    th.start()
    return th


def start_once() -> None:
    try:
        _warmup_thread()
    except Exception:  # warm start is an optimisation; never let it break a page
        log.exception("warm-up could not start")


def warm() -> list[str]:
    """Run every page's default view; the names of the lessons that failed (printed too)."""
    from core import lessons
    from core.config import DataConfig
    from ui import cache, jobs

    t0 = time.perf_counter()
    data_key = DataConfig(source=cache.NAMES)  # every default view trains on the bundled names
    compute = cache.compute(data_key, bar=False)
    data = cache.dataset_for(data_key)
    failed: list[str] = []
    for name, lesson in lessons.pages().items():
        try:
            lesson(data=data, compute=compute)
        except jobs.Closed:  # the server is stopping: nothing left to warm
            print("warm-up: stopped, the server is shutting down", flush=True)
            return failed
        except Exception:
            log.exception("warm-up of %s failed", name)
            failed.append(name)
    # printed, not only logged: deploy logs and the test read it
    print(
        f"warm-up: done in {time.perf_counter() - t0:.1f} s, {len(lessons.pages())} lessons"
        + (f", failed: {failed}" if failed else ""),
        flush=True,
    )
    return failed
