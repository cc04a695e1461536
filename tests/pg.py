"""A throwaway PostgreSQL server for tests (class mode's store, two replicas sharing a class).

Debian's `postgresql` package (binaries in /usr/lib/postgresql/<version>/bin, not on PATH):
`initdb` a fresh cluster in a temporary directory, `pg_ctl start` it on a free port on 127.0.0.1
with trust auth (loopback only, user `test`), and stop it and remove the directory at the end.
PostgreSQL refuses to run as root, so as root the binaries run as the `postgres` user on a
directory it owns (pytest's tmp dirs are private to root, so that one lives under /tmp).

    url, stop = start_postgres(tmp_path)   # postgresql+psycopg://test@127.0.0.1:PORT/postgres
    ...
    stop()

`create_database(url, name)` makes an empty database on the same server (a clean schema per test).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.load import free_port

USER = "test"
SYSTEM_USER = "postgres"  # Debian's package creates it; the server runs as it when we are root


def pg_bin() -> Path | None:
    """The newest installed PostgreSQL's bin directory, or None without the package."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", SYSTEM_USER, "--", *cmd] if os.geteuid() == 0 else cmd


def _run(cmd: list[str], timeout: float = 60) -> None:
    done = subprocess.run(_as_server_user(cmd), capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"{cmd[0]} failed ({done.returncode}): {done.stdout}{done.stderr}")


def start_postgres(tmpdir: str | os.PathLike[str]) -> tuple[str, Callable[[], None]]:
    """Start a fresh server; returns (SQLAlchemy URL, stop). Raises FileNotFoundError without
    the postgresql package, RuntimeError if the server does not come up (its log is in the message)."""
    bindir = pg_bin()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL is not installed (apt-get install postgresql)")
    if os.geteuid() == 0:
        base = Path(tempfile.mkdtemp(prefix="activations-pg-"))  # /tmp: reachable by the postgres user
        shutil.chown(base, SYSTEM_USER, SYSTEM_USER)
    else:
        base = Path(tempfile.mkdtemp(prefix="pg-", dir=tmpdir))
    data, log, port = base / "data", base / "log", free_port()
    _run([str(bindir / "initdb"), "-D", str(data), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
    # fsync off: a test database need not survive a power cut, and commits get cheap
    options = f"-p {port} -k {base} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    pg_ctl = str(bindir / "pg_ctl")
    try:
        _run([pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", "60", "start"], timeout=90)
    except RuntimeError as e:
        text = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"{e}\n{text}") from None

    def stop() -> None:
        try:
            _run([pg_ctl, "-D", str(data), "-m", "fast", "-w", "-t", "30", "stop"])
        finally:
            shutil.rmtree(base, ignore_errors=True)

    return f"postgresql+psycopg://{USER}@127.0.0.1:{port}/postgres", stop


def create_database(url: str, name: str) -> str:
    """Create the empty database `name` on url's server; returns its URL."""
    import sqlalchemy as sa

    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")  # CREATE DATABASE cannot run in a transaction
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')  # name: a test's own identifier, not input
    finally:
        engine.dispose()
    return sa.make_url(url).set(database=name).render_as_string(hide_password=False)
