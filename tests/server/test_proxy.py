"""Scale-out behind a reverse proxy, for real (marker `proxy`).

Two replicas started with deploy/run.sh (the Docker image's CMD: the same command, only PORT
and ADDRESS differ), Debian's nginx run as the current user from a temp dir with
deploy/nginx/streamlit.conf.template (the compose proxy's config), and Chromium going through
nginx. Checked:

- nginx hands each new client a `stickyid` cookie, new clients spread over both replicas and a
  client's requests all reach one replica (read back from nginx's access log, which records
  the sticky key and the upstream of every request);
- browser sessions on both replicas load a page, redraw after a widget change, and hold one
  live websocket on their replica (nginx's connections, read from /proc);
- stopping one replica sends only its sessions through a reconnect (their websocket closes and
  a new one opens, which nginx routes to the live replica); the other sessions keep their
  websocket and keep working; every session redraws after another change;
- with no replica left, every page shows Streamlit's "Connection error".

Everything listens on 127.0.0.1; every wait is bounded. In CI (CI=true) a missing nginx or
Chromium is an error, elsewhere a skip.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bench.load import free_port, server_log, stop_server

pytestmark = pytest.mark.proxy

ROOT = Path(__file__).resolve().parents[2]
RUN_SH = ROOT / "deploy" / "run.sh"
HEALTHCHECK = ROOT / "deploy" / "healthcheck.py"
TEMPLATE = ROOT / "deploy" / "nginx" / "streamlit.conf.template"
COMPOSE = ROOT / "deploy" / "compose.yaml"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

PAGE = "Tanh_saturation"
CHART = '[data-testid="stVegaLiteChart"]'
STARTUP_S = 120  # a replica's first health "ok" (torch import on a busy 2-core machine)
RENDER_S = 120  # a page run through the proxy, all tabs at once
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via an http_proxy


def need(tool: str, path: str, install: str) -> None:
    if not Path(path).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is missing: .ci/run installs it with `{install}`")
        pytest.skip(f"{tool} is not installed ({install})")


def wait_for(
    check: Callable[[], Any],
    timeout: float,
    what: str,
    pause: Callable[[float], None] = time.sleep,
    detail: Callable[[], str] = lambda: "",
) -> Any:
    """Poll `check` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}\n{detail()}")
        pause(0.25)


def get(url: str, cookie: str | None = None, timeout: float = 10) -> tuple[int, str, list[str]]:
    """GET url directly; (status, body, Set-Cookie headers)."""
    req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with DIRECT.open(req, timeout=timeout) as r:
            return r.status, r.read().decode(errors="replace"), r.headers.get_all("Set-Cookie") or []
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace"), e.headers.get_all("Set-Cookie") or []


# -- replicas: deploy/run.sh, as in the image ------------------------------------------------
@dataclass
class Replica:
    proc: subprocess.Popen
    port: int

    @property
    def addr(self) -> str:  # as nginx writes $upstream_addr
        return f"127.0.0.1:{self.port}"


def start_replica(port: int, log_path: Path) -> subprocess.Popen:
    """deploy/run.sh on 127.0.0.1:port, with this interpreter's `streamlit` first on PATH."""
    bindir = Path(sys.executable).parent
    if shutil.which("streamlit", path=str(bindir)) is None:
        pytest.fail(f"no `streamlit` next to {sys.executable}: run the tests from the project's venv")
    path = f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"
    env = dict(os.environ, PORT=str(port), ADDRESS="127.0.0.1", PATH=path)
    log = open(log_path, "wb")  # noqa: SIM115 - closed by stop_server
    # `exec` in run.sh: the process is streamlit itself, so stop_server's SIGTERM reaches it
    proc = subprocess.Popen(
        ["sh", str(RUN_SH)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
    )
    proc.log_path = str(log_path)  # type: ignore[attr-defined]
    proc.log_file = log  # type: ignore[attr-defined]
    return proc


def healthy(port: int) -> bool:
    try:
        return get(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)[:2] == (200, "ok")
    except OSError:
        return False


@pytest.fixture(scope="module")
def replicas(tmp_path_factory):
    logs = tmp_path_factory.mktemp("replicas")
    started: list[Replica] = []
    try:
        for name in ("a", "b"):  # both start at once, then we wait for both
            port = free_port()
            started.append(Replica(start_replica(port, logs / f"replica-{name}.log"), port))

        def all_up() -> bool:
            for r in started:
                if r.proc.poll() is not None:
                    raise AssertionError(f"replica on {r.addr} exited:\n{server_log(r.proc)[-3000:]}")
            return all(healthy(r.port) for r in started)

        wait_for(
            all_up,
            STARTUP_S,
            "both replicas to answer /_stcore/health",
            detail=lambda: "\n".join(server_log(r.proc)[-1500:] for r in started),
        )
        yield started
    finally:
        for r in started:
            stop_server(r.proc)


# -- nginx: the deploy template, in a temp prefix ---------------------------------------------
MAIN_CONF = """# tests/test_proxy.py: Debian's nginx as the current user, every path in this directory
{user}worker_processes 1;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log info;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {d}/client_body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
    include {d}/streamlit.conf;
}}
"""
PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<uri>\S+) [^"]*" (?P<status>\d+) \d+ '
    r"sticky=(?P<sticky>\S*) upstream=(?P<upstream>.*) rt=\S+$"
)


def render(template: str, **values: str) -> str:
    """Fill the template's ${NAME} placeholders, as envsubst does in the nginx image."""
    missing = set(PLACEHOLDER.findall(template)) - set(values)
    assert not missing, f"no value for {missing}"
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


@dataclass
class LogLine:
    method: str
    uri: str
    status: int
    sticky: str
    upstreams: list[str]  # tried in order: "a, b" when a refused and b answered

    @property
    def upstream(self) -> str:  # the one that answered
        return self.upstreams[-1] if self.upstreams else "-"


@dataclass
class Proxy:
    proc: subprocess.Popen
    port: int
    dir: Path
    probes: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self, since: int = 0) -> list[LogLine]:
        """Access-log lines from byte offset `since` (a websocket's line comes when it closes)."""
        text = (self.dir / "access.log").read_bytes()[since:].decode(errors="replace")
        out = []
        for line in text.splitlines():
            m = LOG_LINE.search(line)
            if m:
                ups = [u.strip() for u in m["upstream"].split(",") if u.strip() not in ("", "-")]
                out.append(LogLine(m["method"], m["uri"], int(m["status"]), m["sticky"], ups))
        return out

    def log_size(self) -> int:
        return (self.dir / "access.log").stat().st_size

    def diagnostics(self) -> str:
        err = (self.dir / "error.log").read_text(errors="replace")[-2000:]
        acc = (self.dir / "access.log").read_text(errors="replace")[-2500:]
        return f"--- nginx error.log (tail)\n{err}\n--- nginx access.log (tail)\n{acc}"

    def request(self, cookie_value: str | None) -> tuple[LogLine, list[str]]:
        """GET /_stcore/health through nginx (with `stickyid=cookie_value` if given); the
        request's access-log line (found by a unique query arg) and its Set-Cookie headers."""
        self.probes += 1
        uri = f"/_stcore/health?probe={self.probes}"
        status, body, cookies = get(self.url + uri, f"stickyid={cookie_value}" if cookie_value else None)
        assert (status, body) == (200, "ok"), (status, body)
        # nginx writes the line as the request ends, a hair after the answer
        line = wait_for(
            lambda: next((x for x in self.log() if x.uri == uri), None),
            5,
            f"the log line of {uri}",
            detail=self.diagnostics,
        )
        return line, cookies


@pytest.fixture(scope="module")
def proxy(replicas, tmp_path_factory):
    need("nginx", NGINX, "apt-get install -y nginx")
    d = tmp_path_factory.mktemp("nginx")
    port = free_port()
    (d / "streamlit.conf").write_text(
        render(
            TEMPLATE.read_text(),
            PROXY_LISTEN=f"127.0.0.1:{port}",
            PROXY_ACCESS_LOG=str(d / "access.log"),
            APP_SERVERS=" ".join(f"server {r.addr};" for r in replicas),
        )
    )
    # as root, nginx would switch its workers to `nobody`, who cannot enter this private dir
    user = ""
    if os.geteuid() == 0:
        import grp
        import pwd

        user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};\n"
    (d / "nginx.conf").write_text(MAIN_CONF.format(d=d, user=user))
    args = [NGINX, "-p", str(d), "-c", str(d / "nginx.conf"), "-e", str(d / "error.log")]
    check = subprocess.run([*args, "-t"], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, f"nginx -t failed:\n{check.stderr}"
    with open(d / "nginx.out", "wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    px = Proxy(proc, port, d)
    try:

        def up() -> bool:
            assert proc.poll() is None, f"nginx exited:\n{(d / 'nginx.out').read_text()}\n{px.diagnostics()}"
            try:
                return get(px.url + "/_stcore/health", timeout=2)[:2] == (200, "ok")
            except OSError:
                return False

        wait_for(up, 30, "nginx to proxy /_stcore/health")
        yield px
    finally:
        if proc.poll() is None:
            proc.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(15)


def nginx_websockets(proxy: Proxy, port: int) -> int:
    """nginx's open connections to the replica on 127.0.0.1:port: sockets of nginx's processes
    (their fds) that /proc/net/tcp lists as ESTABLISHED to that port. Once pages have settled,
    each is a session's websocket (nginx keeps no upstream keepalive; a plain request's
    connection closes when answered, though under load some linger a few seconds). Counting
    nginx's own sockets leaves out anything else talking to the replica."""
    pids = {proxy.proc.pid}
    for d in os.listdir("/proc"):
        try:
            if d.isdigit() and int(Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()[1]) == proxy.proc.pid:
                pids.add(int(d))  # a worker of ours
        except OSError:
            continue  # gone meanwhile
    inodes = set()
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()  # sl local rem st queues timer retrnsmt uid timeout inode ...
        if fields[2] == f"0100007F:{port:04X}" and fields[3] == "01" and fields[9] in inodes:
            count += 1
    return count


# -- 1. the deploy files agree with each other -------------------------------------------------
def test_the_image_runs_the_tested_command_and_compose_fills_the_tested_template():
    dockerfile = ROOT.joinpath("Dockerfile").read_text()
    assert re.search(r'^CMD \["sh", "deploy/run\.sh"\]$', dockerfile, re.M)
    assert re.search(r'^\s+CMD \["python", "deploy/healthcheck\.py"\]$', dockerfile, re.M)
    assert re.search(r"^FROM python:3\.1[12]-slim$", dockerfile, re.M)
    users = re.findall(r"^USER (\S+)$", dockerfile, re.M)
    assert users and users[-1].split(":")[0] not in ("0", "root")
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in dockerfile
    assert re.search(r"-r requirements\.txt$", dockerfile, re.M)
    run_sh = RUN_SH.read_text()
    command = " ".join(run_sh.split("exec ", 1)[1].replace("\\\n", " ").split())
    assert command == (
        'streamlit run streamlit_app.py --server.port "${PORT:-8501}" '
        '--server.address "${ADDRESS:-0.0.0.0}" --server.fileWatcherType none'
    )
    compose = COMPOSE.read_text()
    assert "./nginx/streamlit.conf.template:/etc/nginx/templates/default.conf.template" in compose
    for name in set(PLACEHOLDER.findall(TEMPLATE.read_text())):
        assert re.search(rf"^\s+{name}: \S", compose, re.M), f"compose does not set {name}"


# -- 2. the healthcheck the image runs ---------------------------------------------------------
def test_the_image_healthcheck_passes_on_a_replica_and_fails_on_a_closed_port(replicas):
    def healthcheck(port: int) -> int:
        env = dict(os.environ, PORT=str(port))
        return subprocess.run([sys.executable, str(HEALTHCHECK)], env=env, capture_output=True, timeout=30).returncode

    assert healthcheck(replicas[0].port) == 0
    assert healthcheck(free_port()) == 1


# -- 3. cookies: new clients spread, a client sticks -------------------------------------------
def test_nginx_gives_new_clients_a_sticky_cookie_spreads_them_and_keeps_each_on_one_replica(replicas, proxy):
    addrs = {r.addr for r in replicas}
    first: dict[str, str] = {}  # cookie nginx issued -> replica that served that first request
    for _ in range(40):
        line, cookies = proxy.request(None)
        ids = [c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("stickyid=")]
        assert len(ids) == 1 and re.fullmatch(r"[0-9a-f]{32}", ids[0]), cookies
        assert line.sticky == ids[0]  # routed by the very id it hands out
        assert "HttpOnly" in cookies[[c.startswith("stickyid=") for c in cookies].index(True)]
        first[ids[0]] = line.upstream
    assert len(first) == 40  # one id per client
    assert set(first.values()) == addrs, f"40 new clients all went to {set(first.values())}"  # p = 2^-39
    for sticky, replica in list(first.items())[:8]:
        for _ in range(3):
            line, cookies = proxy.request(sticky)
            assert line.upstream == replica, (sticky, line)
            assert not [c for c in cookies if c.startswith("stickyid=")]  # a known client keeps its id


# -- 4. browsers through the proxy; losing a replica --------------------------------------------
# Installed in every tab before the app loads: counts finished script runs and records what
# Streamlit said about its connection: the "Connection error" dialog (1.67 opens it when
# /_stcore/health stops answering, and greys the widgets out) or the toolbar's "Connecting" status.
OBSERVER = """(() => {
  window.__runsDone = 0;
  window.__connSeen = [];
  const look = () => {
    const status = document.querySelector('[data-testid="stConnectionStatus"]');
    const dialog = [...document.querySelectorAll('[data-testid="stDialog"]')]
      .some((e) => /connection error/i.test(e.innerText));
    const text = status ? status.innerText.trim() : (dialog ? 'Connection error' : '');
    if (text && window.__connSeen[window.__connSeen.length - 1] !== text) window.__connSeen.push(text);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === 'data-test-script-state' && r.oldValue === 'running') {
        window.__runsDone += 1;
      }
    }
    look();
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true,
                        attributeOldValue: true, attributeFilter: ['data-test-script-state']});
  setInterval(look, 100);
})();"""
STATE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return {state: app ? app.getAttribute('data-test-script-state') : null, runs: window.__runsDone,
          conn: window.__connSeen, charts: document.querySelectorAll('CHART').length,
          errors: document.querySelectorAll('[data-testid="stException"], [data-testid="stAlertContentError"]').length};
}""".replace("CHART", CHART)


@dataclass
class Tab:
    """One student: a browser context (its own cookies: its own session) with one page."""

    name: str
    context: Any
    page: Any
    ws_opened: int = 0
    ws_closed: int = 0
    sticky: str = ""
    replica: str = ""
    runs_before: int = 0

    def state(self) -> dict:
        return self.page.evaluate(STATE)

    def idle_after_new_run(self) -> bool:
        """A script run finished since `mark()`, nothing runs now, and the charts are drawn."""
        s = self.state()
        return s["runs"] > self.runs_before and s["state"] == "notRunning" and s["charts"] >= 2

    def mark(self) -> None:
        self.runs_before = self.state()["runs"]

    def choose(self, option: str) -> None:
        """Pick `option` in the page's first select box (the activation): a rerun."""
        self.mark()
        self.page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click(timeout=30_000)
        self.page.get_by_role("option", name=option, exact=True).click(timeout=30_000)


def open_tab(browser, base: str, name: str, sticky: str | None) -> Tab:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    if sticky is not None:  # a browser that already holds nginx's cookie for this site
        context.add_cookies([{"name": "stickyid", "value": sticky, "url": base}])
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.add_init_script(OBSERVER)
    tab = Tab(name, context, page)

    def on_websocket(ws) -> None:
        if ws.url.endswith("/_stcore/stream"):
            tab.ws_opened += 1
            ws.on("close", lambda _ws: setattr(tab, "ws_closed", tab.ws_closed + 1))

    page.on("websocket", on_websocket)
    return tab


@pytest.fixture(scope="module")
def browser():
    need("Chromium", CHROMIUM, "apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def test_sessions_stick_and_losing_a_replica_reconnects_only_its_sessions(replicas, proxy, browser):
    a, b = replicas
    # Browsers already holding an id that nginx routes to a, or to b (probed through nginx and
    # read back from its log: deterministic), so both replicas get sessions; and one new browser
    # that gets its id from nginx, wherever that lands.
    routed: dict[str, list[str]] = {a.addr: [], b.addr: []}
    for i in range(64):
        key = f"student-{i:02d}"
        replica = proxy.request(key)[0].upstream
        if len(routed[replica]) < 2:
            routed[replica].append(key)
        if all(len(v) == 2 for v in routed.values()):
            break
    assert all(len(v) == 2 for v in routed.values()), routed
    presets = [*routed[a.addr], *routed[b.addr], None]
    tabs = [open_tab(browser, proxy.url, f"tab{i}", key) for i, key in enumerate(presets)]
    pause = tabs[0].page.wait_for_timeout  # sleeps while Playwright delivers events (websocket open/close)

    def pause_s(seconds: float) -> None:
        pause(seconds * 1000)

    t0 = time.monotonic()

    def phase(what: str) -> None:  # progress, shown with -s
        print(f"\n[proxy test {time.monotonic() - t0:5.1f} s] {what}", end="", flush=True)

    def detail() -> str:  # for a failure's message
        lines = []
        for t in tabs:
            try:
                state: Any = t.state()
            except Exception as e:  # noqa: BLE001 - a broken page must not hide the report
                state = f"<no state: {e}>"
            lines.append(f"{t.name} {t.sticky or '?'} on {t.replica or '?'}: {state} ws +{t.ws_opened}/-{t.ws_closed}")
        return "\n".join(lines) + "\n" + proxy.diagnostics()

    try:
        # -- every tab loads the page through nginx, all at once
        for t in tabs:
            t.page.goto(f"{proxy.url}/{PAGE}", wait_until="commit", timeout=60_000)
        for t in tabs:
            wait_for(
                lambda t=t: t.state()["state"] == "notRunning" and t.state()["charts"] >= 2,
                RENDER_S,
                f"{t.name} to draw its charts",
                pause_s,
                detail,
            )
            assert t.state()["errors"] == 0, detail()

        phase(f"{len(tabs)} tabs drew {PAGE} through nginx")
        # -- each tab is on one replica: every request with its id went to the same one
        log = proxy.log()
        for t, key in zip(tabs, presets):
            ids = [c["value"] for c in t.context.cookies() if c["name"] == "stickyid"]
            assert len(ids) == 1, t.context.cookies()
            t.sticky = ids[0]
            if key is None:
                assert re.fullmatch(r"[0-9a-f]{32}", t.sticky), "the new browser got no id from nginx"
            else:
                assert t.sticky == key
            served = {x.upstream for x in log if x.sticky == t.sticky}
            assert len(served) == 1, f"{t.name} was served by {served}"
            t.replica = served.pop()
        on_a = [t for t in tabs if t.replica == a.addr]
        on_b = [t for t in tabs if t.replica == b.addr]
        assert len(on_a) >= 2 and len(on_b) >= 2 and len(on_a) + len(on_b) == len(tabs), detail()

        def websockets() -> tuple[int, int]:  # nginx's connections to a and to b
            return nginx_websockets(proxy, a.port), nginx_websockets(proxy, b.port)

        # one websocket per session, on its own replica
        expected = (len(on_a), len(on_b))
        wait_for(
            lambda: websockets() == expected,
            60,
            f"{expected} websockets on (a, b)",
            pause_s,
            lambda: f"(a, b): {websockets()}\n{detail()}",
        )
        assert all((t.ws_opened, t.ws_closed) == (1, 0) for t in tabs), detail()

        phase(f"{len(on_a)} sessions on a, {len(on_b)} on b, one websocket each")
        # -- every session reruns on a widget change (all at once, then wait)
        for t in tabs:
            t.choose("ReLU")
        for t in tabs:
            wait_for(t.idle_after_new_run, RENDER_S, f"{t.name} to redraw for ReLU", pause_s, detail)
            assert "s_act=relu" in t.page.url and t.state()["errors"] == 0, detail()

        phase("every tab redrew for ReLU")
        # -- stop replica a (as `docker compose stop` or a rolling update would)
        offset = proxy.log_size()
        stop_server(a.proc)
        # a's sessions go through a reconnect: the websocket closes, a new one opens, and nginx,
        # finding a refusing, routes it to b
        for t in on_a:
            wait_for(
                lambda t=t: t.ws_closed >= 1 and t.ws_opened >= 2,
                60,
                f"{t.name} (was on a) to reconnect",
                pause_s,
                detail,
            )
        wait_for(
            lambda: websockets() == (0, len(tabs)),
            60,
            f"all {len(tabs)} websockets on b",
            pause_s,
            lambda: f"(a, b): {websockets()}\n{detail()}",
        )
        phase("replica a stopped; its sessions reconnected through nginx to b")
        # b's sessions never noticed: same websocket, no connection status shown
        for t in on_b:
            assert (t.ws_opened, t.ws_closed) == (1, 0) and t.state()["conn"] == [], detail()

        # -- everybody keeps working: another change, another run, new charts
        for t in tabs:
            t.choose("GELU")
        for t in tabs:
            wait_for(t.idle_after_new_run, RENDER_S, f"{t.name} to redraw for GELU", pause_s, detail)
            assert "s_act=gelu" in t.page.url and t.state()["errors"] == 0, detail()
        after = [x for x in proxy.log(offset) if x.uri != "/_stcore/stream"]  # a websocket logs when it ends
        # a may still answer a request or two while it shuts down (those name a alone); everything
        # else, the reconnects that found a refusing included, must have been answered by b
        rest = [x for x in after if x.upstreams != [a.addr]]
        assert rest and {x.upstream for x in rest} == {b.addr}, (sorted((x.uri, x.upstreams) for x in after), detail())
        assert {x.sticky for x in rest} >= {t.sticky for t in on_a}  # a's sessions now talk to b

        phase("every tab redrew for GELU, all on b")
        # -- with no replica left, every page says so
        stop_server(b.proc)
        for t in tabs:
            wait_for(
                lambda t=t: "Connection error" in t.state()["conn"],
                30,
                f"{t.name} to show a connection error",
                pause_s,
                detail,
            )
        phase('replica b stopped too: every tab shows "Connection error"\n')
    finally:
        for t in tabs:
            t.context.close()
