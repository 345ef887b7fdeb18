"""Storage tests run against both engines: a SQLite file and a real PostgreSQL server.

The server comes from ``DRAFTER_TEST_PG_URL`` (``.ci/run`` starts one and exports it).
Under ``CI=true`` a missing or unreachable server fails the PostgreSQL tests; on a
developer machine without one they are skipped, saying why.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.store.engine import Store, open_store, sqlite_url

PG_ENV = "DRAFTER_TEST_PG_URL"
ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True)
def _default_database(monkeypatch: pytest.MonkeyPatch) -> None:
    # The root conftest gives each test its own DRAFTER_HOME; no outside database either.
    monkeypatch.delenv("DRAFTER_DB", raising=False)


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """The tests read the English source messages; test_i18n checks the Vietnamese ones."""
    from drafter.i18n import current_language, set_language

    before = current_language()
    set_language("en")
    yield
    set_language(before)


def reset_postgres(url: str) -> None:
    """Empty the test database: drop and recreate its public schema."""
    from sqlalchemy import create_engine

    engine = create_engine(
        url.replace("postgresql://", "postgresql+psycopg://", 1)
        if url.startswith("postgresql://")
        else url
    )
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()


def postgres_url() -> str:
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        message = f"no PostgreSQL server for the tests: set {PG_ENV} (.ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    try:
        reset_postgres(url)
    except Exception as error:  # an unreachable server must never pass silently
        pytest.fail(f"PostgreSQL at {PG_ENV} is unusable: {error}")
    return url


@pytest.fixture(params=ENGINES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "office.sqlite3")
    return postgres_url()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()
