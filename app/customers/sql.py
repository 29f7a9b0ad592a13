"""The one database layer under the memory: engines for SQLite and PostgreSQL, dialect helpers.

SQLite is the embedded default and shares the file `app/store` uses; a team
points `memory_database_url` (settings) at PostgreSQL, and the password — if
any — comes from the keyring through `app.accounts`, never from settings.

SQLite connections open their transactions with `BEGIN IMMEDIATE`: two
instances that both read and then write would otherwise deadlock on the lock
upgrade and one would fail with "database is locked" at once, busy timeout or
not. PostgreSQL: inserts are `ON CONFLICT DO NOTHING` on natural keys, so concurrent
writers wait for each other and never duplicate; a write that still meets a deadlock,
a serialization failure or a row another client deleted meanwhile is run again
(`retried`), never handed to the caller on the first try (issue 14).

Text never carries NUL characters to either database (PostgreSQL refuses them, and
SQLite's LIKE stops at them): every string parameter loses them on the way
(`_without_nul`), whatever mail they came from.
"""

from __future__ import annotations

import functools
import random
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Table, create_engine, event
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError

from app.secrets import get_secret

SECRET_SERVICE = "memory-database"


P = ParamSpec("P")
R = TypeVar("R")

# serialization_failure, deadlock_detected, foreign_key_violation (a customer deleted by
# another client meanwhile), unique_violation (created by another client meanwhile).
_RETRY_SQLSTATES = frozenset({"40001", "40P01", "23503", "23505"})
ATTEMPTS = 6


def _strip(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_strip(v) for v in value)
    return value


def _without_nul(engine: Engine) -> None:
    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _clean(_connection: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               _executemany: bool) -> tuple[str, Any]:
        return statement, _strip(parameters)


class RaceLost(Exception):
    """A row this write relied on was changed by another client meanwhile: run it again."""


def transient(error: BaseException) -> bool:
    """A failure that running the same transaction again can cure."""
    if not isinstance(error, DBAPIError):
        return False
    original = error.orig
    state = getattr(original, "sqlstate", None)
    if state in _RETRY_SQLSTATES:
        return True
    return isinstance(original, sqlite3.OperationalError) and "locked" in str(original)


def retried(function: Callable[P, R]) -> Callable[P, R]:
    """Run a whole write (its own transaction) again on a transient failure, with backoff."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(ATTEMPTS):
            try:
                return function(*args, **kwargs)
            except (DBAPIError, RaceLost) as error:
                if attempt == ATTEMPTS - 1 or not (isinstance(error, RaceLost) or transient(error)):
                    raise
                time.sleep(min(0.05 * 2**attempt, 1.0) * random.uniform(0.5, 1.5))
        raise AssertionError("unreachable")

    return wrapper


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        read_only = connection.get_execution_options().get("memory_read", False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def make_engine(url: str) -> Engine:
    """An engine for `url`; a PostgreSQL password is looked up in the keyring when the URL has none."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = _sqlite_engine(url)
        _without_nul(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.password is None and parsed.username:
            password = get_secret(SECRET_SERVICE, secret_name(url))
            if password:
                parsed = parsed.set(password=password)
        engine = create_engine(parsed, pool_pre_ping=True)
        _without_nul(engine)
        return engine
    raise ValueError(f"unsupported memory database: {parsed.get_backend_name()}")


def secret_name(url: str) -> str:
    """The keyring entry name of a server's password: user@host:port/database."""
    parsed = make_url(url)
    return f"{parsed.username}@{parsed.host}:{parsed.port or 5432}/{parsed.database}"


def _ignoring(connection: Connection, table: Table) -> Any:
    if connection.dialect.name == "postgresql":
        # Imported here: only team mode (PostgreSQL) needs the dialect (~26 ms to import).
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    return sqlite_insert(table).on_conflict_do_nothing()


def inserted_keys(connection: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str) -> set[Any]:
    """Insert rows, skipping any whose key already exists; the `key` column of those that went in.

    One statement for all rows (SQLAlchemy's "insertmanyvalues" with RETURNING)."""
    if not rows:
        return set()
    statement = _ignoring(connection, table).returning(table.c[key])
    return {row[0] for row in connection.execute(statement, list(rows))}


def insert_ignore(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert rows, skipping any whose key already exists.

    Returns how many were new for a single row (what callers branch on); for
    several rows, how many were offered.
    """
    if not rows:
        return 0
    statement = _ignoring(connection, table)
    if len(rows) == 1:
        # RETURNING tells exactly whether the row went in; rowcount does not (psycopg reports -1).
        returning = statement.returning(*table.primary_key.columns)
        return len(connection.execute(returning, dict(rows[0])).fetchall())
    connection.execute(statement, list(rows))
    return len(rows)
