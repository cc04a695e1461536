"""Class mode scaled out, for real (marker `proxy`): two replicas behind nginx share one PostgreSQL.

The replicas are started as the image starts them (deploy/run.sh) with $ACTIVATIONS_CLASSROOM_URL
pointing at a throwaway PostgreSQL (tests/pg.py), behind Debian's nginx with the deploy template
(tests/server/test_proxy.py's fixtures and helpers). A teacher on replica a opens the Tanh saturation page
and starts a class; two students, one routed to each replica by nginx's sticky cookie, open the
join link, follow the teacher to the question and lock in a guess. The teacher's panel,
refreshing itself, counts both; Reveal shows the answer.
"""

from __future__ import annotations

import os
import re
import time
from urllib.parse import parse_qs, urlparse

import pytest

from bench.load import free_port, server_log, stop_server
from classroom.store import URL_ENV
from tests.e2e.conftest import ARTIFACTS
from tests.pg import start_postgres
from tests.server.test_proxy import (
    RENDER_S,
    STARTUP_S,
    Replica,
    Tab,
    healthy,
    need,
    open_tab,
    proxy,  # noqa: F401 - nginx in front of this module's `replicas`
    start_replica,
    wait_for,
)
from ui.text import catalogue

pytestmark = pytest.mark.proxy

EN = catalogue("en")
PAGE = "Tanh_saturation"
METRIC = '[data-testid="stMain"] [data-testid="stMetricValue"]'


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    try:
        url, stop = start_postgres(tmp_path_factory.mktemp("pg"))
    except FileNotFoundError:
        need("PostgreSQL", "/usr/lib/postgresql/missing", "apt-get install -y postgresql")
        raise
    try:
        yield url
    finally:
        stop()


@pytest.fixture(scope="module")
def replicas(database, tmp_path_factory):
    """Two replicas as in the image, both storing the class in the one PostgreSQL."""
    logs = tmp_path_factory.mktemp("class-replicas")
    started: list[Replica] = []
    old = os.environ.get(URL_ENV)
    os.environ[URL_ENV] = database  # start_replica hands the replicas this process's environment
    try:
        for name in ("a", "b"):
            port = free_port()
            started.append(Replica(start_replica(port, logs / f"replica-{name}.log"), port))
    finally:
        if old is None:
            del os.environ[URL_ENV]
        else:
            os.environ[URL_ENV] = old
    try:

        def all_up() -> bool:
            for r in started:
                if r.proc.poll() is not None:
                    raise AssertionError(f"replica on {r.addr} exited:\n{server_log(r.proc)[-3000:]}")
            return all(healthy(r.port) for r in started)

        wait_for(all_up, STARTUP_S, "both replicas to answer /_stcore/health")
        yield started
    finally:
        for r in started:
            stop_server(r.proc)


def routed_keys(nginx, replicas, per_replica: int) -> dict[str, list[str]]:
    """Sticky cookie values that nginx routes to each replica (probed, read from its log)."""
    routed: dict[str, list[str]] = {r.addr: [] for r in replicas}
    for i in range(64):
        key = f"class-{i:02d}"
        replica = nginx.request(key)[0].upstream
        if len(routed[replica]) < per_replica:
            routed[replica].append(key)
        if all(len(v) == per_replica for v in routed.values()):
            return routed
    raise AssertionError(f"64 keys did not reach both replicas: {routed}")


def idle(tab: Tab) -> bool:
    s = tab.state()
    assert s["errors"] == 0, s
    return s["state"] == "notRunning"


def test_students_on_both_replicas_answer_and_the_teacher_on_one_sees_every_answer(replicas, proxy, browser):  # noqa: F811
    a, b = replicas
    keys = routed_keys(proxy, replicas, 2)  # a: the teacher and a student; b: a student
    teacher = open_tab(browser, proxy.url, "teacher", keys[a.addr][0])
    student_keys = [keys[a.addr][1], keys[b.addr][0]]  # a student on each replica
    students = [open_tab(browser, proxy.url, f"student-{k}", k) for k in student_keys]
    tabs = [teacher, *students]

    def pause(seconds: float) -> None:  # sleeps while Playwright delivers events (url changes included)
        teacher.page.wait_for_timeout(seconds * 1000)

    t0 = time.monotonic()

    def phase(what: str) -> None:  # progress, shown with -s
        print(f"\n[class proxy test {time.monotonic() - t0:5.1f} s] {what}", end="", flush=True)

    try:
        # -- the teacher opens the question's page and starts a class in the sidebar
        page = teacher.page
        page.goto(f"{proxy.url}/{PAGE}", wait_until="commit", timeout=60_000)
        wait_for(lambda: idle(teacher), RENDER_S, "the page", pause)
        page.get_by_text(EN["classroom.title"], exact=True).first.click()
        page.get_by_role("button", name=EN["classroom.start"]).click()
        wait_for(lambda: "teacher=" in page.url, 30, "the teacher's token in the address", pause)
        q = parse_qs(urlparse(page.url).query)
        code, token = q["room"][0], q["teacher"][0]
        assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", code)
        join = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first.inner_text()
        assert join.strip() == f"{proxy.url}/?room={code}"  # the app's home, through nginx; no token
        panel = page.get_by_text(EN["classroom.panel.count"])
        wait_for(lambda: panel.count() > 0, RENDER_S, "the teacher's panel", pause)
        phase(f"the teacher opened class {code} and its question")

        # -- students open the join link and follow the teacher to the question, on both replicas
        for s in students:
            s.page.goto(f"{proxy.url}/?room={code}", wait_until="commit", timeout=60_000)
        for s in students:
            wait_for(lambda s=s: PAGE in s.page.url, RENDER_S, f"{s.name} to follow the teacher", pause)
            s.page.get_by_role("spinbutton").first.wait_for(timeout=RENDER_S * 1000)
            assert token not in s.page.url and s.page.get_by_text(EN["classroom.panel.count"]).count() == 0
        log = proxy.log()
        served = [{x.upstream for x in log if x.sticky == k} for k in student_keys]
        assert served == [{a.addr}, {b.addr}], served  # each stuck to its replica
        phase("a student on each replica followed the teacher")

        # -- each locks in a guess; the teacher's panel counts them all by itself
        for i, s in enumerate(students):
            s.page.get_by_role("spinbutton").first.fill(str(40 + 10 * i))
            s.page.get_by_role("button", name=EN["predict.lock"]).click()
        for s in students:
            wait_for(
                lambda s=s: s.page.get_by_text(EN["classroom.sent"].format(code=code)).count() > 0,
                RENDER_S,
                f"{s.name}'s guess to reach the class",
                pause,
            )
        phase("every guess reached the class")
        wait_for(
            lambda: page.locator(METRIC).first.inner_text().strip() == str(len(students)),
            60,
            f"the teacher's count to reach {len(students)} without a reload",
            pause,
            detail=lambda: page.locator(METRIC).first.inner_text(),
        )
        phase("the teacher's panel counted them all")
        page.get_by_role("button", name=EN["classroom.reveal"]).click()
        answer = page.locator('[data-testid="stMain"] [data-testid="stAlertContentSuccess"]')
        wait_for(lambda: answer.count() > 0, RENDER_S, "the answer after Reveal", pause)
        assert "The answer: the share of saturated" in answer.first.inner_text()
        phase("Reveal showed the answer")
        assert all(t.state()["errors"] == 0 for t in tabs)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        for t in tabs:  # what each browser showed, for the failure's report
            t.page.screenshot(path=ARTIFACTS / f"classroom-proxy-{t.name}.png", full_page=True)
        raise
    finally:
        for t in tabs:
            t.context.close()
