"""Warm start: compute every page's default view in the background once the server is up,
so the first student does not wait for training.

Streamlit has no server-start hook, so the first script run of the process (any page, any
visitor, or the deploy script's health probe that opens the home page) starts one daemon
thread. It opens each page once with default settings through the server's own websocket,
exactly as a browser would, which fills the shared caches. Set ACTIVATIONS_WARMUP=0 to skip.
"""
from __future__ import annotations

import logging
import os
import threading
import time

import streamlit as st

from ui.pages import PAGES

log = logging.getLogger("activations.warm")


@st.cache_resource(show_spinner=False)
def _warmup_thread() -> threading.Thread | None:
    """Started at most once per server process (cache_resource is one shared object)."""
    from streamlit.runtime import Runtime

    # AppTest installs a stand-in runtime (a mock), and bare scripts have none: no server to warm
    real_server = Runtime.exists() and type(Runtime.instance()) is Runtime
    if os.environ.get("ACTIVATIONS_WARMUP", "1") == "0" or not real_server:
        return None
    port = st.get_option("server.port")
    base_path = (st.get_option("server.baseUrlPath") or "").strip("/")
    base = f"http://127.0.0.1:{port}" + (f"/{base_path}" if base_path else "")
    th = threading.Thread(target=_warm, args=(base,), name="warm-start", daemon=True)
    th.start()
    return th


def start_once() -> None:
    try:
        _warmup_thread()
    except Exception:  # warm start is an optimisation; never let it break a page
        log.exception("warm-up could not start")


def _warm(base: str) -> None:
    from bench.load import DeepLink, run_sessions  # the headless browser-protocol client

    t0 = time.perf_counter()
    links = [DeepLink(p.url_path) for p in PAGES]
    try:
        results = run_sessions(base, len(links), concurrency=1, links=links, timeout=600)
    except Exception:
        log.exception("warm-up failed")
        return
    failed = [str(r.link) for r in results if not r.ok]
    # printed, not only logged: deploy logs and the test read it
    print(f"warm-up: done in {time.perf_counter() - t0:.1f} s, {len(links)} pages"
          + (f", failed: {failed}" if failed else ""), flush=True)
