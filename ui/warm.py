"""Warm start: compute every page's default view in the background once the server is up,
so the first student does not wait for training.

Streamlit has no server-start hook, so the first script run of the process (any page, any
visitor, or the deploy script's health probe that opens the home page) starts one daemon
thread. It calls each page's lesson with its default settings on the bundled names, through
the server's job board, exactly as the pages do: the results are then stored for everyone.
The lessons are language-free, so one pass serves every language. ACTIVATIONS_WARMUP=0 skips it
(the tests set it, except the one that checks warm start).

Then the views too long to compute on a student's request (BACKGROUND_VIEWS: the lecture's
200,000-step loss log, minutes of CPU) run on the board's background lane: a niced trainer
that never holds the students' slot. Whoever opens such a view meanwhile joins the run and
sees its progress; once done it is stored for every session. ACTIVATIONS_WARMUP_BACKGROUND=0
skips them.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any

import streamlit as st

log = logging.getLogger("activations.warm")


# (page id, lesson keyword arguments): views computed after the default ones, in the background
BACKGROUND_VIEWS: tuple[tuple[str, dict[str, Any]], ...] = (("loss_log", {"steps": 200_000}),)


def enabled() -> bool:
    return os.environ.get("ACTIVATIONS_WARMUP", "1") != "0"


def background_enabled() -> bool:
    return os.environ.get("ACTIVATIONS_WARMUP_BACKGROUND", "1") != "0"


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
    if background_enabled():
        failed += background(data, cache.compute(data_key, bar=False, lane=jobs.BACKGROUND))
    return failed


def background(data: Any, compute: Any) -> list[str]:
    """BACKGROUND_VIEWS, one after the other; the names of those that failed."""
    from core import lessons
    from ui import jobs

    failed: list[str] = []
    pages = lessons.pages()
    for page, kwargs in BACKGROUND_VIEWS:
        t0 = time.perf_counter()
        try:
            pages[page](data=data, compute=compute, **kwargs)
        except jobs.Closed:
            return failed
        except Exception:
            log.exception("background warm-up of %s %s failed", page, kwargs)
            failed.append(page)
            continue
        print(f"warm-up: background {page} {kwargs} done in {time.perf_counter() - t0:.1f} s", flush=True)
    return failed
