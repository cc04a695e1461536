"""python -m bench.load: a class opens the app at once; many sessions against one server.

A headless Streamlit client (no browser: 100 Chromium tabs do not fit on 2 cores) speaks the
browser's protocol on `ws://127.0.0.1:PORT/_stcore/stream`: it sends one protobuf `BackMsg`
`rerun_script` (a `ClientState` with the page's url name and query string, what a browser
sends for a deep link) and reads `ForwardMsg`s until `script_finished`. Each session opens a
different page and settings from `WAVES` below, the way students explore after a lecture.

The handshake, read from streamlit 1.67 (starlette server, web/server/starlette/
starlette_websocket.py and runtime/app_session.py): the server accepts the websocket with no
cookie and no XSRF token (without an Origin header; the token only guards the auth cookie)
and sends nothing until the client asks for a run. The first `rerun_script` picks the page by
`page_name` = its url name ("" for the home page; `page_script_hash` stays empty, as in a
browser's first load); the server answers `new_session`, `navigation` (the pages and their
script hashes, and the hash of the page it runs), `delta`s (a chart is a `vega_lite_chart`
element, an uncaught error an `exception` element) and `script_finished`.

Prints, per wave and overall: p50/p95 time to the first chart and to the end of the run,
errors, charts per session, the server's RSS after each wave (it must level off: caches are
capped), then one line `load sessions=<n> errors=<e> p95_first_chart=<s>s peak_rss=<mb>MB`.
Targets on a 2-core machine: 100 sessions, 0 errors, p95 under 10 s, RSS under 1.5 GB.
Also what a waiting student sees: the longest silence (gap between two ForwardMsgs) of each
run, and the progress bars' texts (first, last, how many gave a place in the queue).

`--distinct N` is the worst case instead: N sessions at once after the warm start, each a
setting no cache holds (`distinct_links`), 5000 training steps; it prints its targets, met or
MISSED, and ends with `load distinct=<n> errors=<e> p95_first_chart=<s>s p95_view=<s>s
peak_rss=<mb>MB`.

    python -m bench.load --sessions 100          # starts its own server on a free port
    python -m bench.load --distinct 60           # 60 uncached settings at once
    python -m bench.load --url http://127.0.0.1:8501 --pid 1234   # an already running one
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import math
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect  # a streamlit dependency (its server is starlette)

from ui.pages import PAGES

REPO = Path(__file__).resolve().parents[1]


# -- what the class opens ----------------------------------------------------------------------
PAGE_FILES = {p.url_path: p.path for p in PAGES}  # "Tanh_saturation" -> "pages/2_..."
HOME = ""  # the home page, at the root url
GALLERY, SATURATION, DEAD = "Activation_gallery", "Tanh_saturation", "Dead_neurons"
LOSS, DEEP = "Loss_at_init", "Deep_network_health"


@dataclass(frozen=True)
class DeepLink:
    """One page with its settings in the URL, as a student opens it from a shared link."""

    page: str  # url name of the page; HOME for the entry script
    query: str = ""  # without '?'

    def __str__(self) -> str:
        return f"/{self.page}" + (f"?{self.query}" if self.query else "")


def q(**params) -> str:
    """A query string as a shared link carries it; a list repeats its key (a multiselect)."""
    return urlencode(params, doseq=True)


L = DeepLink
# THE place to update when a page's query params change (keys from each page's CONTROLS:
# g_ gallery, s_ saturation, d_ dead neurons, l_ loss at init, n_ deep network health).
# A bound select writes the name it shows into the URL, so activation pickers carry registry
# names (s_act=Leaky+ReLU, g_act=Tanh&g_act=ReLU, l_act=ReLU).
# One tuple per wave, an exercise of the lesson. Within a wave the class shares settings (links
# repeat, so a cache entry is computed once and reused); each wave brings new settings, so the
# caches keep meeting new keys and RSS must still level off. A link that a page does not
# accept shows a notice (st.warning); the test fails on it, so stale params are caught.
WAVES: tuple[tuple[DeepLink, ...], ...] = (
    (  # 1. first look: mostly defaults
        L(HOME),
        L(HOME),
        L(GALLERY),
        L(GALLERY),
        L(GALLERY, q(g_act=["Tanh", "ReLU"])),
        L(SATURATION),
        L(SATURATION),
        L(SATURATION, q(s_w1=0.2, s_b1=0.01)),
        L(LOSS, q(l_n=400)),
        L(LOSS, q(l_n=400, l_w2=0.01)),
        L(DEAD),
        L(DEEP, q(n_steps=300)),
    ),
    (  # 2. the lecture's fixes, on other activations
        L(GALLERY, q(g_act=["Tanh", "Leaky ReLU", "ELU"], g_leaky_relu_alpha=0.1)),
        L(GALLERY, q(g_act=["Sigmoid (logistic)", "GELU", "SiLU / Swish"], g_xmax=8)),
        L(SATURATION, q(s_act="ReLU", s_steps=200)),
        L(SATURATION, q(s_act="ReLU", s_steps=200)),
        L(SATURATION, q(s_w1=0.2, s_b1=0.01, s_steps=200)),
        L(SATURATION, q(s_act="Sigmoid (logistic)", s_thr=0.95)),
        L(LOSS, q(l_act="ReLU", l_w2=0.1, l_n=400)),
        L(LOSS, q(l_act="ReLU", l_w2=0.1, l_n=400)),
        L(LOSS, q(l_v=10, l_z0=0, l_z1=0, l_z2=5, l_z3=0, l_tgt=2, l_n=400)),
        L(DEEP, q(n_bn="true", n_steps=300)),
        L(DEEP, q(n_gain=1, n_steps=0)),
        L(DEAD, q(d_lr="0.5", d_steps=500)),
    ),
    (  # 3. students push the sliders
        L(GALLERY, q(g_act=["ReLU", "PReLU", "SELU"], g_prelu_a=0.5)),
        L(GALLERY, q(g_act=["Softplus", "Mish"], g_softplus_beta=3)),
        L(GALLERY, q(g_act=["Maxout", "Step (Heaviside)", "Hard tanh"], g_maxout_k=4, g_xmax=3)),
        L(SATURATION, q(s_act="ELU", s_w1=2, s_b1=0.5, s_steps=500)),
        L(SATURATION, q(s_act="GELU", s_steps=300)),
        L(SATURATION, q(s_act="Leaky ReLU", s_w1=0.5, s_steps=400)),
        L(SATURATION, q(s_act="Tanh", s_w1=3, s_b1=3, s_thr=0.9)),
        L(LOSS, q(l_act="GELU", l_b2="true", l_w2=0.0316, l_n=600)),
        L(LOSS, q(l_act="Tanh", l_b2="true", l_n=300)),
        L(DEEP, q(n_gain=3, n_steps=500)),
        L(DEEP, q(n_lin="true", n_gain=0.5, n_steps=200)),
        L(DEAD, q(d_acts=["ReLU", "Leaky ReLU", "GELU"], d_b1=3, d_steps=500)),
    ),
    (  # 4. a second pass later in the lesson
        L(GALLERY, q(g_act=["Identity (linear)", "Softsign", "GELU (tanh approx.)"])),
        L(GALLERY, q(g_act=["Tanh", "ReLU"])),
        L(GALLERY),
        L(SATURATION, q(s_act="SiLU / Swish", s_w1=0.8, s_steps=800)),
        L(SATURATION, q(s_act="Softsign", s_b1=0)),
        L(SATURATION, q(s_act="Mish", s_steps=100)),
        L(SATURATION),
        L(LOSS, q(l_act="ELU", l_w2=0.001, l_n=800)),
        L(LOSS, q(l_act="Sigmoid (logistic)", l_w2=0.178, l_n=200)),
        L(DEEP, q(n_act="ReLU", n_gain=1.41, n_lr="0.05", n_steps=400)),
        L(DEEP, q(n_steps=300)),
        L(DEAD, q(d_bn="true", d_w1=0.5, d_steps=300)),
    ),
)


def explore_links(n: int, wave: int) -> list[DeepLink]:
    """Past the table: every student a setting no one used before, the worst case for memory
    (each one a new cache entry), to show that the capped caches stop RSS from growing."""
    out = []
    for i in range(n):
        k = wave * n + i  # distinct for every session of every wave
        out.append(
            (
                L(SATURATION, q(s_w1=round(0.1 + 0.001 * (k % 2900), 3), s_steps=100)),
                L(LOSS, q(l_act=("Tanh", "ReLU", "GELU", "ELU", "SiLU / Swish")[k % 5], l_n=200 + 100 * (k // 5 % 19))),
                L(DEEP, q(n_gain=round(0.1 + 0.01 * (k % 490), 2), n_steps=100)),
                L(
                    GALLERY,
                    q(
                        g_act=["ELU", "Tanh"],
                        g_xmax=1 + 0.5 * (k % 39),
                        g_elu_alpha=round(0.1 + 0.1 * (k // 39 % 30), 1),
                    ),
                ),
                L(DEAD, q(d_w1=round(0.05 + 0.01 * (k % 196), 2), d_steps=100)),
            )[i % 5]
        )
    return out


# --distinct N: every session a configuration of its own that nobody asked for before (no
# default: the server warms those at start), at the sliders' longest training, so nothing comes
# from a cache. A third each on the three pages that train; a session's values follow from its
# index alone (deterministic runs). Bounds and steps from each page's S.Control / S.slider.
DISTINCT_MAX = 60  # 20 per page: the value lists below
DISTINCT_STEPS = 5000  # s_steps, d_steps, n_steps: each slider's maximum
DISTINCT_TIMEOUT = 900.0  # s per session: long enough to time the slowest view, not to cut it off
DISTINCT_LRS = ("0.01", "0.05", "0.2", "0.5")  # d_lr tokens (pages/3 LRS), not the default 1
DISTINCT_W1S = (0.1, 0.3, 0.5, 0.8, 1.2)  # d_w1 on its 0.05 grid, not the default 0.2
# Targets on a 2-core machine, printed next to the figures: (label, figure, upper limit)
DISTINCT_TARGETS: dict[int, tuple[tuple[str, str, float], ...]] = {
    60: (
        ("first chart p95 s", "first_chart_p95", 15.0),
        ("whole view p95 s", "total_p95", 60.0),
        ("errors", "errors", 0),
        ("peak RSS MB", "peak_rss", 1500.0),
    ),
    20: (("whole view p95 s", "total_p95", 20.0),),
}


def distinct_link(page: int, j: int) -> DeepLink:
    """The j-th distinct setting (0..19) of the page-th training page (0..2)."""
    if page == 0:  # s_w1 in [0, 3] step 0.001: 0.05 .. 1.95, never the default 1.0
        return L(SATURATION, q(s_w1=round(0.05 + 0.1 * j, 3), s_steps=DISTINCT_STEPS))
    if page == 1:  # d_lr x d_w1: 4 x 5
        lr, w1 = DISTINCT_LRS[j % len(DISTINCT_LRS)], DISTINCT_W1S[j // len(DISTINCT_LRS)]
        return L(DEAD, q(d_lr=lr, d_w1=w1, d_steps=DISTINCT_STEPS))
    # n_gain in [0.1, 5] step 0.01: 0.25 .. 4.05, never near a compared preset (0.5, 1, 5/3, 3),
    # whose depth profile the default view has already computed
    return L(DEEP, q(n_gain=round(0.25 + 0.2 * j, 2), n_steps=DISTINCT_STEPS))


def distinct_links(n: int) -> list[DeepLink]:
    """n sessions, the pages in turn: session i is the (i // 3)-th setting of page i % 3, so n
    under 60 takes the first n/3 of each page."""
    if not 1 <= n <= DISTINCT_MAX:
        raise ValueError(f"--distinct takes 1 to {DISTINCT_MAX} sessions, not {n}")
    return [distinct_link(i % 3, i // 3) for i in range(n)]


def session_mix(n: int, wave: int = 0) -> list[DeepLink]:
    """n links for a wave: the table's links, cycled; past the table, explore_links."""
    if wave >= len(WAVES):
        return explore_links(n, wave)
    links = WAVES[wave]
    return [links[i % len(links)] for i in range(n)]


def draws_charts(page: str) -> bool:
    """Whether a page is a chart page that has been written (a placeholder draws none)."""
    path = PAGE_FILES.get(page)
    return (
        path is not None
        and re.search(r"\bshow\(|altair_chart\(", (REPO / path).read_text(encoding="utf-8")) is not None
    )


# -- the server --------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    port: int,
    timeout: float = 90.0,
    log_path: str | os.PathLike | None = None,
    cwd: str | os.PathLike = REPO,
    warmup: bool = True,
) -> subprocess.Popen:
    """`streamlit run streamlit_app.py` from `cwd` (the repo root) on 127.0.0.1:port; returns
    when GET /_stcore/health says "ok" (or raises after `timeout` s). Output goes to
    `proc.log_path`. With `warmup` (as in production) the server warms its default views.

    No file watcher: other people editing files must not rerun or reload the app mid-test.
    """
    if log_path is None:
        fd, log_path = tempfile.mkstemp(prefix=f"streamlit-load-{port}-", suffix=".log")
        os.close(fd)
    log = open(log_path, "wb")  # noqa: SIM115 - closed by stop_server
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    env = {**os.environ, "ACTIVATIONS_WARMUP": "1" if warmup else "0"}
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    proc.log_path = str(log_path)  # type: ignore[attr-defined]
    proc.log_file = log  # type: ignore[attr-defined]
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with direct.open(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().decode().strip() == "ok":
                    return proc
        except OSError:
            pass
        time.sleep(0.25)
    stop_server(proc)
    raise RuntimeError(
        f"streamlit did not become healthy on port {port} within {timeout:.0f} s:\n" + server_log(proc)[-3000:]
    )


def stop_server(proc: subprocess.Popen, timeout: float = 15.0) -> None:
    """Terminate the server started by start_server (kill it if it lingers)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)
    log = getattr(proc, "log_file", None)
    if log is not None and not log.closed:
        log.close()


def server_log(proc: subprocess.Popen) -> str:
    path = getattr(proc, "log_path", None)
    return Path(path).read_text(encoding="utf-8", errors="replace") if path else ""


def wait_for_warm_start(base_url: str, proc: subprocess.Popen | None, timeout: float = 600.0) -> None:
    """Open the home page once, as a deploy's health probe does: the first script run starts the
    server's warm start (ui/warm.py). On a server started here, wait until its log says the
    default views are done, so that a benchmark times its own sessions, not the warm-up."""
    home = run_sessions(base_url, 1, links=[L(HOME)], timeout=timeout)
    if not home[0].ok:
        raise RuntimeError(f"the home page failed: {home[0].errors}")
    deadline = time.monotonic() + timeout
    while proc is not None and "warm-up: done" not in server_log(proc):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("warm start did not finish:\n" + server_log(proc)[-3000:])
        time.sleep(1)


# -- memory ------------------------------------------------------------------------------------
def _descendants(pid: int) -> list[int]:
    """pid and its child processes, recursively (from /proc/*/stat)."""
    parents: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue  # gone meanwhile
        ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the name may hold spaces or ')'
        parents.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo and len(out) < 10_000:
        p = todo.pop()
        out.append(p)
        todo.extend(parents.get(p, []))
    return out


@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    nice: int


def processes_running(pid: int, marker: bytes) -> list[Proc]:
    """pid's descendants whose command line holds `marker` (e.g. b"trainer-background"), with
    their parent and niceness (/proc/PID/stat fields 4 and 19)."""
    out = []
    for p in _descendants(pid):
        try:
            cmd = Path(f"/proc/{p}/cmdline").read_bytes()
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if marker in cmd:
            out.append(Proc(p, int(fields[1]), int(fields[16])))
    return out


def _status_kb(pid: int, field_name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb(pid: int) -> float:
    """Resident memory now (VmRSS) of pid plus its children, in MB."""
    return sum(_status_kb(p, "VmRSS") for p in _descendants(pid)) / 1024


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by pid plus its children, in seconds."""
    total = 0
    for p in _descendants(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of pid plus its children, in MB (a sum of peaks: an upper
    bound when there are children; the Streamlit server is one process)."""
    return sum(_status_kb(p, "VmHWM") for p in _descendants(pid)) / 1024


# -- one session -------------------------------------------------------------------------------
@dataclass
class SessionResult:
    link: DeepLink
    expects_chart: bool
    connect_s: float = math.nan  # websocket open
    first_chart_s: float = math.nan  # first vega_lite_chart element, from the start of connect
    total_s: float = math.nan  # script_finished, from the start of connect
    charts: int = 0  # vega_lite_chart elements of the last script run
    progress_bars: int = 0  # progress elements (a page shows one only while it trains)
    progress_first: str | None = None  # the first progress text the student read
    progress_last: str | None = None  # the last one before the view was done
    progress_queued: int = 0  # progress texts that gave a place in the queue
    max_silence_s: float = 0.0  # longest gap between two ForwardMsgs of the run, in s
    silence_end_s: float = math.nan  # when it ended, from the start of connect
    silence_after: str = ""  # what the page showed last before it (`seen`)
    seen: str = ""  # the latest ForwardMsg: its type, a delta's element type, a bar's text
    elements: int = 0
    runs: int = 0  # script runs started (new_session messages)
    bytes: int = 0  # ForwardMsg bytes received
    page: str | None = None  # url name of the page the server ran (from the navigation message)
    exceptions: list[str] = field(default_factory=list)  # st.exception / uncaught errors shown
    error_alerts: list[str] = field(default_factory=list)  # st.error boxes (e.g. "diverged")
    warnings: list[str] = field(default_factory=list)  # st.warning boxes (bad-link notices)
    errors: list[str] = field(default_factory=list)  # anything that went wrong for this session

    @property
    def ok(self) -> bool:
        return not self.errors


def _rerun_msg(link: DeepLink) -> bytes:
    """What a browser sends for a deep link: page by its url name, no hash known yet."""
    msg = BackMsg()
    cs = msg.rerun_script
    cs.query_string = link.query
    cs.page_name = link.page
    cs.page_script_hash = ""
    cs.context_info.timezone = "Europe/London"
    cs.context_info.timezone_offset = 0
    cs.context_info.locale = "en-GB"
    cs.context_info.is_embedded = False
    cs.context_info.color_scheme = "light"
    return msg.SerializeToString()


def shows_queue_place(text: str) -> bool:
    """Whether a progress text gives a place in the queue. Loosely (the wording changes): a
    digit, and "queue" or "line"."""
    return re.search(r"\d", text) is not None and re.search(r"queue|\bline\b", text, re.IGNORECASE) is not None


def _read(res: SessionResult, raw: bytes, t0: float, pages_by_hash: dict[str, str]) -> bool:
    """Record one ForwardMsg; True when the script run is over."""
    res.bytes += len(raw)
    msg = ForwardMsg()
    msg.ParseFromString(raw)
    kind = msg.WhichOneof("type")
    res.seen = str(kind)
    if kind == "new_session":
        res.runs += 1
        res.charts = 0  # count the charts of the last run only
    elif kind == "navigation":
        pages_by_hash.update({p.page_script_hash: p.url_pathname for p in msg.navigation.app_pages})
        res.page = pages_by_hash.get(msg.navigation.page_script_hash)
    elif kind == "page_not_found":
        res.errors.append(f"page not found: {msg.page_not_found.page_name!r}")
    elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
        e = msg.session_event.script_compilation_exception
        res.exceptions.append(f"compile: {e.type}: {e.message}")
    elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        el = msg.delta.new_element
        ek = el.WhichOneof("type")
        res.elements += 1
        res.seen = str(ek) if ek != "progress" else f"progress {el.progress.text!r}"
        if ek == "progress":  # a new bar or an update in place: both are new_element deltas
            res.progress_bars += 1
            if res.progress_first is None:
                res.progress_first = el.progress.text
            res.progress_last = el.progress.text
            res.progress_queued += shows_queue_place(el.progress.text)
        elif ek == "vega_lite_chart":
            res.charts += 1
            if math.isnan(res.first_chart_s):
                res.first_chart_s = time.perf_counter() - t0
        elif ek == "exception":
            res.exceptions.append(
                f"{'warning' if el.exception.is_warning else 'exception'}: "
                f"{el.exception.type}: {el.exception.message[:300]}"
            )
        elif ek == "alert" and el.alert.format == Alert.ERROR:
            res.error_alerts.append(el.alert.body[:300])
        elif ek == "alert" and el.alert.format == Alert.WARNING:
            res.warnings.append(el.alert.body[:300])
    elif kind == "script_finished":
        status = msg.script_finished
        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            res.errors.append("script finished with a compile error")
            return True
        return status == ForwardMsg.FINISHED_SUCCESSFULLY  # early-for-rerun: another run follows
    return False


async def _session(
    ws_url: str,
    link: DeepLink,
    timeout: float,
    gate: asyncio.Semaphore,
    arrived,
    done: asyncio.Event | None,
    hold_s: float,
) -> SessionResult:
    """One student: connect, ask for the page, read until the run ends, then (if `done` is
    given) keep the tab open until the whole class is in, at most `hold_s` s."""
    res = SessionResult(link, expects_chart=draws_charts(link.page))
    pages_by_hash: dict[str, str] = {}
    reported = False

    def finished_reading() -> None:  # exactly once per session, whatever happened
        nonlocal reported
        if not reported:
            reported = True
            arrived()

    try:
        async with gate:
            t0 = time.perf_counter()
            # No Origin header (allowed for non-browser clients) and no XSRF token: the server
            # checks the token only before it reads an auth cookie. No websocket pings: a busy
            # server must not be dropped for a late pong (the browser does not ping either).
            async with connect(
                ws_url,
                subprotocols=["streamlit"],
                max_size=None,
                ping_interval=None,
                open_timeout=timeout,
                close_timeout=2,
                proxy=None,
            ) as ws:
                res.connect_s = time.perf_counter() - t0
                last_msg: float | None = None  # when the previous ForwardMsg came
                try:
                    async with asyncio.timeout(max(1.0, timeout - res.connect_s)):
                        await ws.send(_rerun_msg(link))
                        finished = False
                        async for raw in ws:
                            # a waiting student's view: the longest time nothing on the page moved
                            now = time.perf_counter()
                            if last_msg is not None and now - last_msg > res.max_silence_s:
                                res.max_silence_s, res.silence_end_s = now - last_msg, now - t0
                                res.silence_after = res.seen
                            last_msg = now
                            if isinstance(raw, str):
                                res.errors.append("unexpected text frame")
                                break
                            if _read(res, raw, t0, pages_by_hash):
                                finished = True
                                res.total_s = time.perf_counter() - t0
                                break
                        if not finished and not res.errors:
                            res.errors.append(f"connection closed before script_finished (code {ws.close_code})")
                except TimeoutError:
                    res.errors.append(f"no script_finished within {timeout:.0f} s")
                finally:
                    finished_reading()
                if done is not None and not done.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(done.wait(), hold_s)
    except Exception as e:  # connection refused, handshake rejected, reset...
        res.errors.append(f"{type(e).__name__}: {e}")
    finally:
        finished_reading()
    if res.exceptions:
        res.errors.append(f"{len(res.exceptions)} exception element(s): {res.exceptions[0]}")
    if res.page is not None and res.page != link.page:
        res.errors.append(f"server ran page {res.page!r} instead of {link.page!r}")
    if res.expects_chart and res.charts == 0 and not math.isnan(res.total_s):
        res.errors.append("chart page finished without a chart")
    return res


async def _run(
    ws_url: str, links: Sequence[DeepLink], concurrency: int, timeout: float, ramp_s: float
) -> list[SessionResult]:
    n = len(links)
    gate = asyncio.Semaphore(max(1, concurrency))
    # all at once: tabs stay open until the last session's run ends, so n are open together
    done = asyncio.Event() if concurrency >= n else None
    count = [0]

    def arrived() -> None:
        count[0] += 1
        if done is not None and count[0] >= n:
            done.set()

    async def one(i: int, link: DeepLink) -> SessionResult:
        if ramp_s > 0:
            await asyncio.sleep(ramp_s * i / n)
        return await _session(ws_url, link, timeout, gate, arrived, done, timeout + ramp_s)

    return list(await asyncio.gather(*(one(i, link) for i, link in enumerate(links))))


def run_sessions(
    base_url: str,
    n: int,
    concurrency: int | None = None,
    *,
    links: Sequence[DeepLink] | None = None,
    wave: int = 0,
    timeout: float = 180.0,
    ramp_s: float = 0.0,
) -> list[SessionResult]:
    """Open n sessions against the app at base_url (http://127.0.0.1:PORT), `concurrency` at
    a time (default: all at once), each on a deep link (default: `session_mix(n, wave)`).

    Each session connects, asks for its page, reads until the script run finishes (at most
    `timeout` s) and stays connected until every session has finished, then all close.
    `ramp_s` spreads the starts over that many seconds (0: everyone at the same instant).
    """
    links = list(links) if links is not None else session_mix(n, wave)
    if len(links) != n:
        raise ValueError(f"{len(links)} links for {n} sessions")
    ws_url = base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
    if not ws_url.startswith("ws://127.0.0.1:") and not ws_url.startswith("ws://localhost:"):
        raise ValueError("load checks only run against 127.0.0.1 / localhost")
    # A thread of its own: the caller may already run an event loop (Playwright's sync API does)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _run(ws_url, links, concurrency or n, timeout, ramp_s)).result()


# -- report ------------------------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated q-th percentile (0-100) of the non-NaN values; NaN if none."""
    v = sorted(x for x in values if not math.isnan(x))
    if not v:
        return math.nan
    k = (len(v) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def summary(results: Sequence[SessionResult]) -> dict[str, float]:
    fc = [r.first_chart_s for r in results if r.expects_chart]
    tot = [r.total_s for r in results]
    charts = [r.charts for r in results if r.expects_chart]
    return {
        "sessions": len(results),
        "errors": sum(not r.ok for r in results),
        "exceptions": sum(len(r.exceptions) for r in results),
        "first_chart_p50": percentile(fc, 50),
        "first_chart_p95": percentile(fc, 95),
        "first_chart_max": percentile(fc, 100),
        "total_p50": percentile(tot, 50),
        "total_p95": percentile(tot, 95),
        "total_max": percentile(tot, 100),
        "charts_min": min(charts, default=0),
        "charts_median": statistics.median(charts) if charts else 0,
        "configs": len({r.link for r in results}),
        "mb_received": sum(r.bytes for r in results) / 1e6,
        "silence_p95": percentile([r.max_silence_s for r in results], 95),
        "silence_max": percentile([r.max_silence_s for r in results], 100),
        "saw_progress": sum(r.progress_bars > 0 for r in results),
        "saw_queue_place": sum(r.progress_queued > 0 for r in results),
    }


def format_waiting(results: Sequence[SessionResult]) -> str:
    """What a waiting student saw: silences, progress bars, queue places; the slowest one's texts."""
    s, n = summary(results), max(1, len(results))
    lines = [
        f"waiting: longest silence per session p95 {s['silence_p95']:.2f} s, max {s['silence_max']:.2f} s; "
        f"a progress bar in {s['saw_progress']}/{len(results)} sessions ({s['saw_progress'] / n:.0%}), "
        f"a queue place in {s['saw_queue_place']}/{len(results)}"
    ]
    quiet = max(results, key=lambda r: r.max_silence_s, default=None)
    if quiet is not None and quiet.max_silence_s > 0:
        lines.append(
            f"  longest silence: {quiet.max_silence_s:.1f} s on {quiet.link}, ending {quiet.silence_end_s:.1f} s "
            f"into its run, after {quiet.silence_after[:200]}"
        )
    slowest = max((r for r in results if r.progress_bars), key=lambda r: r.total_s, default=None)
    if slowest is not None:
        lines.append(
            f"  slowest session with a bar ({slowest.link}, {slowest.total_s:.1f} s): "
            f"first {slowest.progress_first!r}, last {slowest.progress_last!r}"
        )
    return "\n".join(lines)


def format_targets(figures: dict[str, float], targets: Sequence[tuple[str, str, float]]) -> str:
    """One line per target: the figure, its limit, and whether it was met (NaN misses)."""
    return "\n".join(
        f"  {label:<18}{figures[key]:>9.4g} <= {limit:g}  {'target met' if figures[key] <= limit else 'MISSED'}"
        for label, key, limit in targets
    )


def format_results(results: Sequence[SessionResult]) -> str:
    """A per-page table and the errors, for people (and for a failing test's message)."""
    lines = [
        f"{'page':<22}{'n':>4}{'configs':>8}{'charts':>8}{'first chart p50/p95':>22}"
        f"{'total p50/p95':>18}{'KB/session':>11}{'errors':>7}"
    ]
    for page in sorted({r.link.page for r in results}):
        rs = [r for r in results if r.link.page == page]
        s = summary(rs)
        fc = f"{s['first_chart_p50']:.2f}/{s['first_chart_p95']:.2f} s" if rs[0].expects_chart else "-"
        lines.append(
            f"{'/' + page:<22}{len(rs):>4}{s['configs']:>8}{s['charts_median']:>8g}{fc:>22}"
            f"{s['total_p50']:>9.2f}/{s['total_p95']:.2f} s{s['mb_received'] * 1e3 / len(rs):>11.0f}"
            f"{s['errors']:>7}"
        )
    bad = [r for r in results if not r.ok]
    for r in bad[:10]:
        lines.append(f"  ERROR {r.link}: {'; '.join(r.errors)}")
    if len(bad) > 10:
        lines.append(f"  ... and {len(bad) - 10} more sessions with errors")
    notes = sorted({(str(r.link), a) for r in results for a in r.error_alerts + r.warnings})
    for link, text in notes[:10]:
        lines.append(f"  alert on {link}: {text[:160]}")
    return "\n".join(lines)


def distinct_verdict(n: int, figures: dict[str, float]) -> str:
    """The targets for --distinct n, met or missed, then the one summary line."""
    targets = DISTINCT_TARGETS.get(n)
    head = (
        f"targets for distinct {n}:\n" + format_targets(figures, targets)
        if targets
        else f"no targets for distinct {n} (only for {' and '.join(map(str, DISTINCT_TARGETS))})"
    )
    return (
        f"{head}\nload distinct={figures['sessions']} errors={figures['errors']} "
        f"p95_first_chart={figures['first_chart_p95']:.2f}s p95_view={figures['total_p95']:.2f}s "
        f"peak_rss={figures['peak_rss']:.0f}MB"
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=100, help="sessions in all (default 100)")
    ap.add_argument(
        "--waves",
        type=int,
        default=4,
        help="waves of sessions, each with new settings (default 4); waves past the "
        f"{len(WAVES)} of the table give every session settings of its own",
    )
    ap.add_argument(
        "--distinct",
        type=int,
        default=0,
        metavar="N",
        help=f"instead of the waves: N sessions at once (at most {DISTINCT_MAX}), each a setting of its "
        "own that no cache holds, a third each on saturation, dead neurons and deep network health, "
        f"{DISTINCT_STEPS} steps; starts after the server's warm start",
    )
    ap.add_argument("--concurrency", type=int, default=0, help="sessions open at once in a wave (0: the whole wave)")
    ap.add_argument("--ramp", type=float, default=0.0, help="spread each wave's starts over this many seconds")
    ap.add_argument(
        "--timeout",
        type=float,
        help=f"per-session limit in seconds (default 300; {DISTINCT_TIMEOUT:g} with --distinct); a session "
        "past it is an error, and its times are left out of the percentiles",
    )
    ap.add_argument(
        "--warmup",
        action="store_true",
        help="open every page once at defaults before the waves (a teacher's check), not counted",
    )
    ap.add_argument("--port", type=int, default=0, help="port for the server started here (0: a free one)")
    ap.add_argument("--url", help="use a running server instead, e.g. http://127.0.0.1:8501")
    ap.add_argument("--pid", type=int, help="with --url: the server's pid, for RSS")
    args = ap.parse_args(argv)
    if args.timeout is None:
        args.timeout = DISTINCT_TIMEOUT if args.distinct else 300.0
    return args


def session_plan(args: argparse.Namespace) -> list[list[DeepLink]]:
    """The links of each wave: the distinct settings as one wave, or the sessions in waves."""
    if args.distinct:
        return [distinct_links(args.distinct)]
    waves = max(1, min(args.waves, args.sessions))
    sizes = [args.sessions // waves + (i < args.sessions % waves) for i in range(waves)]
    return [session_mix(size, w) for w, size in enumerate(sizes)]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    plan = session_plan(args)

    proc = None
    if args.url:
        base, pid = args.url, args.pid
    else:
        port = args.port or free_port()
        t = time.perf_counter()
        proc = start_server(port)
        base, pid = f"http://127.0.0.1:{port}", proc.pid
        print(f"server pid {pid} on {base}, healthy after {time.perf_counter() - t:.1f} s, log {proc.log_path}")
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {sum(map(len, plan))} sessions in "
        f"{len(plan)} wave(s)" + (", each its own setting" if args.distinct else "") + "; pages not written "
        f"yet (no charts expected): {', '.join(p for p in PAGE_FILES if not draws_charts(p)) or 'none'}"
    )
    if pid:
        print(f"RSS before any session: {rss_mb(pid):.0f} MB")

    results: list[SessionResult] = []
    rss_after: list[float] = []
    try:
        if args.distinct:
            t = time.perf_counter()
            wait_for_warm_start(base, proc)
            print(f"warm start: default views done after {time.perf_counter() - t:.1f} s (not counted)")
        if args.warmup:
            t = time.perf_counter()
            warm = run_sessions(
                base,
                1 + len(PAGE_FILES),
                links=[L(HOME), *(L(p) for p in PAGE_FILES)],
                concurrency=1,
                timeout=args.timeout,
            )
            print(
                f"warm-up: every page once at defaults in {time.perf_counter() - t:.1f} s, "
                f"errors {sum(not r.ok for r in warm)}" + (f", RSS {rss_mb(pid):.0f} MB" if pid else "")
            )
        for w, links in enumerate(plan):
            size = len(links)
            t, cpu0, load0 = time.perf_counter(), cpu_seconds(pid) if pid else math.nan, os.getloadavg()[0]
            rs = run_sessions(base, size, args.concurrency or size, links=links, timeout=args.timeout, ramp_s=args.ramp)
            if args.distinct:  # a notice means a link the page refused: its setting was not measured
                for r in rs:
                    r.errors += [f"notice: {text[:160]}" for text in r.warnings]
            wall = time.perf_counter() - t
            results += rs
            s = summary(rs)
            rss = (
                f", server CPU {cpu_seconds(pid) - cpu0:.1f} s, RSS {rss_mb(pid):.0f} MB "
                f"(peak {peak_rss_mb(pid):.0f} MB)"
                if pid
                else ""
            )
            if pid:
                rss_after.append(rss_mb(pid))
            print(
                f"wave {w + 1}/{len(plan)}: {size} sessions, {s['configs']} configs, errors {s['errors']}, "
                f"first chart p50 {s['first_chart_p50']:.2f} s p95 {s['first_chart_p95']:.2f} s, "
                f"total p50 {s['total_p50']:.2f} s p95 {s['total_p95']:.2f} s, wall {wall:.1f} s{rss}, "
                f"load avg {load0:.1f}"
            )
        s = summary(results)
        print(format_results(results))
        print(
            f"time to first chart: p50 {s['first_chart_p50']:.2f} s, p95 {s['first_chart_p95']:.2f} s, "
            f"max {s['first_chart_max']:.2f} s"
        )
        print(
            f"time to end of run:  p50 {s['total_p50']:.2f} s, p95 {s['total_p95']:.2f} s, max {s['total_max']:.2f} s"
        )
        print(
            f"errors: {s['errors']} session(s), {s['exceptions']} exception element(s); charts per chart-page "
            f"session: min {s['charts_min']}, median {s['charts_median']:g}; "
            f"{s['mb_received']:.1f} MB received"
        )
        print(format_waiting(results))
        peak = peak_rss_mb(pid) if pid else math.nan
        if rss_after:
            print("RSS after each wave: " + " -> ".join(f"{x:.0f}" for x in rss_after) + f" MB; peak {peak:.0f} MB")
        print(f"load average now {os.getloadavg()[0]:.1f}")
        log = server_log(proc) if proc else ""
        tracebacks = log.count("Traceback")
        if tracebacks and proc is not None:
            print(f"server log: {tracebacks} traceback(s) in {proc.log_path}")
        if args.distinct:
            print(distinct_verdict(args.distinct, {**s, "peak_rss": peak}))
        else:
            print(
                f"load sessions={s['sessions']} errors={s['errors']} p95_first_chart={s['first_chart_p95']:.2f}s "
                f"peak_rss={peak:.0f}MB"
            )
    finally:
        if proc is not None:
            stop_server(proc)
    return 0 if s["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
