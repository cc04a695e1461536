"""python -m bench.classroom_load: a class of 100 answers one question while the teacher watches.

What it measures: how long after a student's answer is stored the teacher's screen counts it,
for a class answering together, and what that costs the server.

- The server: `streamlit run` started here (bench.load.start_server, no warm start) with its
  class store on `--db` (default: a SQLite file in a temporary folder; a PostgreSQL URL works
  the same), or an already running one with `--url`, `--pid` and its `--db`.
- The room: opened on that database with classroom.store.Store, as "Start a class" does.
- The teacher: a real app session over the browser's websocket protocol (bench.load's client
  messages): the Loss-at-init page with `room=CODE&teacher=TOKEN`. Its gate shows the live
  panel, a fragment with `run_every`; the server sends an AutoRerun message and, like the
  browser's timer, this client asks for a rerun of that fragment every interval and reads the
  panel's "Answers so far" metric from each run.
- The first student answers through the real page too, in a session of its own: it opens the
  page with `room=CODE`, fills the guess form, picks a reason and locks it in (the widget states
  a browser sends). That answer gives the question's id in the store (Store.questions).
- The other students answer through Store on the same database, one thread each, at moments
  spread over `--spread` seconds (seeded; 0: all at once). Driving 99 more guess forms through
  websockets would time 99 runs of the page script, not the class's path to the teacher's screen;
  the store's writes are what the class adds to the server's database.

Prints the p50/p95/max time from an answer being stored to the teacher's count including it
(an answer counts as shown once the count reaches its rank in the order the answers were
stored), the teacher's refreshes (interval, run time p95), errors, the server's RSS, then one
line `classroom students=<n> errors=<e> p95_to_teacher=<s>s refresh_p95=<s>s rss=<mb>MB`.

    python -m bench.classroom_load                      # 100 students over 20 s, own server
    python -m bench.classroom_load --spread 0           # the whole class in the same instant
    python -m bench.classroom_load --db postgresql+psycopg://test@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

from bench.load import (
    LOSS,
    DeepLink,
    _rerun_msg,
    free_port,
    peak_rss_mb,
    percentile,
    rss_mb,
    server_log,
    start_server,
    stop_server,
)
from classroom.store import URL_ENV, Store
from ui import state as S
from ui.text import catalogue

PAGE = LOSS  # a page whose question is a number (its gate: ui/predict.py, ui/classroom_view.py)
COUNT_LABEL = catalogue("en")["classroom.panel.count"]  # the teacher panel's metric
GUESS = 3.3  # the probe student's guess and the others' around it
RUN_TIMEOUT = 120.0  # s for one script run (the probe's lock-in computes the page)


@dataclass
class Run:
    """What one script run (or fragment run) sent back."""

    finished: bool = False
    metrics: dict[str, str] = field(default_factory=dict)  # label -> body
    widgets: dict[str, str] = field(default_factory=dict)  # number_input, submit, radio -> widget id
    auto_rerun: tuple[float, str] | None = None  # (interval s, fragment id)
    page_hash: str = ""
    toasts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _read(run: Run, raw: bytes) -> None:
    msg = ForwardMsg()
    msg.ParseFromString(raw)
    kind = msg.WhichOneof("type")
    if kind == "navigation":
        run.page_hash = msg.navigation.page_script_hash
    elif kind == "auto_rerun":
        run.auto_rerun = (msg.auto_rerun.interval, msg.auto_rerun.fragment_id)
    elif kind == "script_finished":
        status = msg.script_finished
        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            run.errors.append("compile error")
        run.finished = status != ForwardMsg.FINISHED_EARLY_FOR_RERUN
    elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        el = msg.delta.new_element
        ek = el.WhichOneof("type")
        if ek == "metric":
            run.metrics[el.metric.label] = el.metric.body
        elif ek == "number_input":
            run.widgets["number_input"] = el.number_input.id
        elif ek == "radio" and el.radio.options:
            run.widgets["radio"] = el.radio.id
            run.widgets["radio_first"] = el.radio.options[0]  # a radio's state is its option's text
        elif ek == "button" and el.button.is_form_submitter:
            run.widgets["submit"] = el.button.id
        elif ek == "toast":
            run.toasts.append(el.toast.body)
        elif ek == "exception":
            run.errors.append(f"{el.exception.type}: {el.exception.message[:200]}")


async def _run(ws: ClientConnection, request: bytes) -> Run:
    """Send one rerun request and read until its run is over."""
    run = Run()
    await ws.send(request)
    async with asyncio.timeout(RUN_TIMEOUT):
        async for raw in ws:
            if isinstance(raw, bytes):
                _read(run, raw)
            if run.finished:
                return run
    run.errors.append(f"connection closed (code {ws.close_code})")
    return run


def _request(link: DeepLink, page_hash: str = "", fragment: str = "", widgets: Sequence[WidgetState] = ()) -> bytes:
    """bench.load's first-load request, with the page's hash, a fragment to rerun or widget states."""
    msg = BackMsg()
    msg.ParseFromString(_rerun_msg(link))
    cs = msg.rerun_script
    cs.page_script_hash = page_hash
    if fragment:
        cs.fragment_id, cs.is_auto_rerun = fragment, True
    cs.widget_states.widgets.extend(widgets)
    return msg.SerializeToString()


def _connect(ws_url: str):
    return connect(ws_url, subprotocols=["streamlit"], max_size=None, ping_interval=None, proxy=None)


# -- the class ----------------------------------------------------------------------------------
@dataclass
class Teacher:
    seen: list[tuple[float, int]] = field(default_factory=list)  # (when, count) per refresh
    run_s: list[float] = field(default_factory=list)  # each fragment run's time
    interval: float = float("nan")
    errors: list[str] = field(default_factory=list)


async def teacher(ws_url: str, link: DeepLink, target: int, deadline: float, out: Teacher, ready: asyncio.Event):
    """The teacher's session: load the page, then rerun the panel fragment every interval
    until the count reaches `target` or the deadline passes."""
    async with _connect(ws_url) as ws:
        first = await _run(ws, _request(link))
        out.errors += first.errors
        if first.auto_rerun is None or COUNT_LABEL not in first.metrics:
            out.errors.append(f"no live panel on the teacher's page (metrics {sorted(first.metrics)})")
            ready.set()
            return
        out.interval, fragment = first.auto_rerun
        out.seen.append((time.perf_counter(), int(first.metrics[COUNT_LABEL].replace(",", ""))))
        ready.set()
        tick = time.perf_counter()
        while out.seen[-1][1] < target and time.perf_counter() < deadline:
            tick += out.interval
            await asyncio.sleep(max(0.0, tick - time.perf_counter()))
            t0 = time.perf_counter()
            run = await _run(ws, _request(link, first.page_hash, fragment))
            out.run_s.append(time.perf_counter() - t0)
            out.errors += run.errors
            if COUNT_LABEL in run.metrics:
                out.seen.append((time.perf_counter(), int(run.metrics[COUNT_LABEL].replace(",", ""))))


async def probe_student(ws_url: str, link: DeepLink) -> tuple[float, list[str]]:
    """One student through the real page: open it, fill the guess form, lock it in. Returns when
    the lock-in run ended (the answer is stored by then) and the errors."""
    async with _connect(ws_url) as ws:
        first = await _run(ws, _request(link))
        missing = {"number_input", "submit", "radio"} - set(first.widgets)
        if first.errors or missing:
            return float("nan"), first.errors + [f"the student's form lacks {sorted(missing)}"]
        states = [
            WidgetState(id=first.widgets["number_input"], double_value=GUESS),
            WidgetState(id=first.widgets["radio"], string_value=first.widgets["radio_first"]),  # the first reason
            WidgetState(id=first.widgets["submit"], trigger_value=True),
        ]
        locked = await _run(ws, _request(link, first.page_hash, widgets=states))
        done = time.perf_counter()
        errors = locked.errors + ([] if locked.toasts else ["no 'sent to the class' toast after the lock-in"])
        return done, errors


def students(db: str, code: str, question: str, n: int, spread: float, seed: int) -> tuple[list[float], list[str]]:
    """n students answering through Store, one thread each, at seeded moments within `spread`
    s; returns when each answer was stored (perf_counter) and the errors."""
    rng = random.Random(seed)
    moments = sorted(rng.uniform(0, spread) for _ in range(n))
    guesses = [round(GUESS + rng.gauss(0, 1.5), 2) for _ in range(n)]
    store = Store(db)
    start = time.perf_counter()
    stored: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def one(i: int) -> None:
        time.sleep(max(0.0, start + moments[i] - time.perf_counter()))
        try:
            store.submit(code, question, f"bench{i:03d}", guesses[i], "uniform")
            with lock:
                stored.append(time.perf_counter())
        except Exception as e:  # noqa: BLE001 - counted and shown, the class goes on
            with lock:
                errors.append(f"{type(e).__name__}: {e}")

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    store.close()
    return sorted(stored), errors


def latencies(stored: Sequence[float], seen: Sequence[tuple[float, int]]) -> list[float]:
    """For the k-th answer stored (k = 1, 2, ...), the time until the teacher's count first
    reached k after it; NaN for one the teacher never counted."""
    out = []
    for k, t in enumerate(sorted(stored), start=1):
        shown = next((when for when, count in seen if when >= t and count >= k), float("nan"))
        out.append(shown - t)
    return out


# -- the run --------------------------------------------------------------------------------------
async def _class(base_url: str, db: str, n: int, spread: float, seed: int, timeout: float) -> dict:
    ws_url = base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
    store = Store(db)
    code, token = store.open_room()
    store.close()
    teacher_link = DeepLink(PAGE, urlencode({S.ROOM.key: code, S.TEACHER.key: token}))
    student_link = DeepLink(PAGE, urlencode({S.ROOM.key: code}))
    out, ready = Teacher(), asyncio.Event()
    deadline = time.perf_counter() + timeout
    watching = asyncio.create_task(teacher(ws_url, teacher_link, n, deadline, out, ready))
    await ready.wait()
    first_stored, errors = await probe_student(ws_url, student_link)
    check = Store(db)
    questions = check.questions(code)
    if len(questions) != 1:
        errors.append(f"the probe student's answer is not in the room (questions {questions})")
        stored: list[float] = []
    else:
        stored, more = await asyncio.to_thread(students, db, code, questions[0], n - 1, spread, seed)
        errors += more
        stored = [first_stored, *stored]
        answered = check.count(code, questions[0])
        if answered != n:
            errors.append(f"the store holds {answered} answers, not {n}")
    check.close()
    await watching
    return {"stored": stored, "teacher": out, "errors": errors + out.errors, "question": questions}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--students", type=int, default=100, help="class size (default 100; at most 200 per room)")
    ap.add_argument("--spread", type=float, default=20.0, help="the class answers within this many seconds")
    ap.add_argument("--seed", type=int, default=17, help="seed of the answers' moments and values")
    ap.add_argument("--db", help="the class store's URL (default: a SQLite file in a temporary folder)")
    ap.add_argument("--url", help="an already running app (http://127.0.0.1:PORT) using --db")
    ap.add_argument("--pid", type=int, help="with --url: the server's pid, for its RSS")
    ap.add_argument("--timeout", type=float, default=0.0, help="give up after this many s (default spread + 60)")
    args = ap.parse_args(argv)
    if args.url and not args.db:
        ap.error("--url needs --db, the store that server uses")
    tmp = tempfile.TemporaryDirectory(prefix="classroom-load-")
    db = args.db or f"sqlite:///{Path(tmp.name) / 'classroom.sqlite'}"
    proc = None
    if args.url:
        base_url, pid = args.url, args.pid
    else:
        os.environ[URL_ENV] = db  # the server started below inherits it
        port = free_port()
        proc = start_server(port, warmup=False)
        base_url, pid = f"http://127.0.0.1:{port}", proc.pid
    print(f"class of {args.students} on {base_url}, store {db.split('@')[-1]}, answers within {args.spread:g} s")
    print("the teacher and the first student are real app sessions; the other students answer through Store")
    try:
        timeout = args.timeout or args.spread + 60
        res = asyncio.run(_class(base_url, db, args.students, args.spread, args.seed, timeout))
        rss = (rss_mb(pid), peak_rss_mb(pid)) if pid else (float("nan"), float("nan"))
    finally:
        if proc is not None:
            stop_server(proc)
        tmp.cleanup()
    return report(res, args.students, rss, server_log(proc) if proc is not None else "")


def report(res: dict, n: int, rss: tuple[float, float], log: str) -> int:
    teacher: Teacher = res["teacher"]
    lat = latencies(res["stored"], teacher.seen)
    unseen = sum(x != x for x in lat)  # NaN: never counted
    errors = res["errors"] + ([f"{unseen} answers never counted on the teacher's screen"] if unseen else [])
    p50, p95, worst = (percentile(lat, q) for q in (50, 95, 100))
    refresh_p95 = percentile(teacher.run_s, 95)
    final = teacher.seen[-1][1] if teacher.seen else 0
    print(f"question {res['question'][0] if res['question'] else '?'}: {len(res['stored'])} answers stored")
    print(
        f"submit -> teacher's count: p50 {p50:.2f} s, p95 {p95:.2f} s, max {worst:.2f} s "
        f"(the panel refreshes every {teacher.interval:g} s)"
    )
    print(
        f"teacher: {len(teacher.run_s)} refreshes, run p50 {percentile(teacher.run_s, 50):.3f} s, "
        f"p95 {refresh_p95:.3f} s; last count {final}"
    )
    print(f"server RSS {rss[0]:.0f} MB (peak {rss[1]:.0f} MB)")
    for e in errors[:10]:
        print(f"  ERROR {e}")
    if errors and log:
        print(log[-2000:])
    print(
        f"classroom students={n} errors={len(errors)} p95_to_teacher={p95:.2f}s "
        f"refresh_p95={refresh_p95:.3f}s rss={rss[0]:.0f}MB"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
