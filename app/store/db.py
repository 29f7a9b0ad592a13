"""SQLite under the user data dir: WAL, one writer, numbered migrations.

Migrations are `app/store/migrations/NNNN_name.sql`, applied in order, each in
its own transaction together with its row in `schema_migrations`, so a
half-applied migration never counts as done. Applied numbers are recorded one
by one (not as a single version) because features land from parallel branches:
a lower number that arrives later is still applied. Readers may use any thread (each gets its own
connection); writes go through `write()`, serialised by one lock, because
SQLite has one writer and a clear error beats `database is locked`.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app import __version__
from app.paths import user_data_dir

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in MIGRATIONS_DIR.iterdir():
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    found.sort()
    numbers = [n for n, _ in found]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two migrations share a number: {numbers}")
    return found


class Database:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._write_lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.connection.execute("PRAGMA journal_mode=WAL")  # outside any transaction, as SQLite requires
        self._migrate()
        with self.write() as connection:
            connection.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('created_by', ?)", (__version__,))

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we open transactions ourselves, explicitly.
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=True)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a power cut loses at most the last commit
        return connection

    @property
    def connection(self) -> sqlite3.Connection:
        """This thread's connection (SQLite connections are not shared across threads)."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
        return connection

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any error."""
        with self._write_lock:
            connection = self.connection
            if connection.in_transaction:  # nested: join the outer transaction
                yield connection
                return
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def read(self, sql: str, params: tuple[object, ...] | dict[str, object] = ()) -> list[sqlite3.Row]:
        return self.connection.execute(sql, params).fetchall()

    def applied_migrations(self) -> set[int]:
        return {row[0] for row in self.read("SELECT number FROM schema_migrations")}

    def _migrate(self) -> None:
        with self.write() as connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " number INTEGER PRIMARY KEY,"
                " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
            )
        applied = self.applied_migrations()
        for number, path in migrations():
            if number in applied:
                continue
            script = path.read_text(encoding="utf-8")
            with self.write() as connection:
                for statement in _statements(script):
                    connection.execute(statement)
                connection.execute("INSERT INTO schema_migrations(number) VALUES (?)", (number,))

    def close(self) -> None:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip():
        raise RuntimeError(f"incomplete SQL statement at the end of a migration: {buffer[:80]!r}")


def default_path() -> Path:
    """The one local database file (the customer memory's SQLite tables live here too)."""
    return user_data_dir() / "aizuchi.sqlite3"


def open_database(path: Path | None = None) -> Database:
    return Database(path or default_path())
