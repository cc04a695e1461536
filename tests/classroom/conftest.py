"""Fixtures of the store tests: one PostgreSQL server for the session, and `url`, which runs a
test once on a SQLite file and once on a fresh database of that server (both backends, the
same code). In CI (CI=true) a missing PostgreSQL is an error, elsewhere a skip."""

from __future__ import annotations

import itertools
import os

import pytest

from tests import pg

_databases = itertools.count()


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    """The URL of a PostgreSQL server started for this session (stopped at its end)."""
    if pg.pg_bin() is None:
        message = "PostgreSQL is not installed (apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    url, stop = pg.start_postgres(tmp_path_factory.mktemp("postgres"))
    yield url
    stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    """A database no test has used: a SQLite file in tmp_path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'classroom.sqlite'}"
    return pg.create_database(request.getfixturevalue("postgres_server"), f"store_{next(_databases)}")
