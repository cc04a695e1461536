"""Page latency: first render with default settings (cold caches), a toggle to a new
activation (cold for it), and a warm rerun back to the activation already seen.

Measured with Streamlit's AppTest (script time on the server, no browser). Targets on the
2-core machine: first render <= 3 s, warm <= 0.5 s.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

import core.train  # noqa: F401  (import torch once, outside the timings)
from core import runtime
from ui.cache import dataset

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Toggle:
    page: str  # file under pages/
    kind: str  # "selectbox" | "multiselect"
    key: str  # the widget's key (its query param)
    other: object  # the value toggled to; then back to the default


TOGGLES = (
    Toggle("1_Activation_gallery.py", "multiselect", "g_act", ["sigmoid", "tanh", "relu", "elu"]),
    Toggle("2_Tanh_saturation.py", "selectbox", "s_act", "relu"),
    Toggle("3_Dead_neurons.py", "multiselect", "d_acts", ["relu", "leaky_relu", "tanh", "gelu"]),
    Toggle("4_Loss_at_init.py", "selectbox", "l_act", "relu"),
    Toggle("5_Deep_network_health.py", "selectbox", "n_act", "relu"),  # keys inside, names in the URL
)


def timed_run(at: AppTest) -> float:
    t0 = time.perf_counter()
    at.run()
    dt = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(f"{at.exception[0].message}")
    return dt


def measure(tg: Toggle) -> dict[str, float]:
    st.cache_data.clear()  # cold: nothing computed yet (the dataset stays loaded, as on a warm server)
    at = AppTest.from_file(str(ROOT / "pages" / tg.page), default_timeout=300)
    first = timed_run(at)
    widget = getattr(at, tg.kind)(key=tg.key)
    default = widget.value
    widget.set_value(tg.other)
    new = timed_run(at)
    getattr(at, tg.kind)(key=tg.key).set_value(default)
    warm = timed_run(at)
    return {"first": first, "toggle_new": new, "warm": warm}


def main() -> None:
    runtime.configure()  # the pages render in this process: the app's torch settings
    dataset()
    print("page latency (s): first render cold | toggle to a new activation | back to one already seen")
    worst_first = worst_warm = 0.0
    for tg in TOGGLES:
        try:
            m = measure(tg)
        except Exception as exc:  # a page under construction should not stop the benchmark
            print(f"latency {tg.page}: failed: {exc}")
            continue
        worst_first, worst_warm = max(worst_first, m["first"]), max(worst_warm, m["warm"])
        print(f"latency {tg.page:28s} first={m['first']:.2f}s toggle_new={m['toggle_new']:.2f}s warm={m['warm']:.2f}s")
    print(f"latency worst first={worst_first:.2f}s (target 3.0) warm={worst_warm:.2f}s (target 0.5)")


if __name__ == "__main__":
    main()
