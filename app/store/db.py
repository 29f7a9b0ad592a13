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

import contextlib
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

from app import __version__
from app.paths import user_data_dir
from app.store import draft_journal

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


_checked: set[Path] = set()
_ahead: dict[Path, Future[None]] = {}


def check_ahead(path: Path) -> None:
    """Start `check_store(path)` on its own thread: the window's start imports Qt meanwhile.

    SQLite's quick check reads the whole file (a tenth of a second for a store that lists
    100,000 mails) and lets go of the GIL while it does; the first `Database` of that path
    waits for the outcome, so nothing uses the store before it is known to be sound."""
    if not path.parent.is_dir():
        return  # a first start: `Database` makes the folder, then checks
    key = path.resolve()
    if key in _checked or key in _ahead:
        return
    outcome: Future[None] = Future()

    def run() -> None:
        try:
            check_store(path)
        except BaseException as error:  # handed to the Database that waits for it
            outcome.set_exception(error)
        else:
            outcome.set_result(None)

    _ahead[key] = outcome
    threading.Thread(target=run, name="aizuchi-store-check", daemon=True).start()


class StoreProblem(StrEnum):
    DAMAGED = "damaged"      # not a database, truncated, or failing its integrity check
    EMPTY = "empty"          # a zero-length file where a store was: everything in it is gone
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    FULL = "full"            # the disk has no room left: nothing is wrong with the store itself


class StoreUnusable(Exception):
    """The local store cannot be opened as it is. Nothing was changed, renamed or deleted:
    the caller says so (`japanese`) and may `set_aside` the file to start a fresh one."""

    def __init__(self, problem: StoreProblem, path: Path, detail: str) -> None:
        super().__init__(f"{problem.value}: {path}: {detail}")
        self.problem = problem
        self.path = path
        self.detail = detail

    def japanese(self) -> str:
        if self.problem is StoreProblem.FULL:
            return (f"ディスクの空きがないため、相槌のデータ（{self.path}）を開けません。"
                    "空き容量を増やしてから、もう一度起動してください。データには何も手を加えていません。")
        if self.problem is StoreProblem.READ_ONLY:
            return (f"データフォルダ（{self.path.parent}）に書き込めないため、相槌のデータを開けません。"
                    "フォルダの書き込み権限と空き容量を確かめてから、もう一度起動してください。"
                    "データには何も手を加えていません。")
        what = ("中身が空（0 バイト）になっています" if self.problem is StoreProblem.EMPTY
                else "壊れています")
        return (f"相槌のデータファイル（{self.path}）が{what}。このままでは開けません。"
                "ファイルは消さずにそのまま残してあります。"
                "画面から起動すると、壊れたファイルを別名で保管して新しいデータで始めることができます"
                "（メールはサーバーやメールボックスから取り込み直せますが、アカウント設定・下書き・"
                "送信待ちの返信は復元できません）。")


def set_aside(path: Path) -> Path:
    """Rename a damaged store (and its -wal / -shm) out of the way, never deleting anything.
    Returns the new name of the main file."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    if path.exists():
        path.rename(target)
    return target


def _writable(path: Path) -> bool:
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def check_store(path: Path) -> None:
    """Raise `StoreUnusable` when the store at `path` cannot be used as it is; a missing file is
    fine (a first start). Checks the file and SQLite's own quick integrity check, read-only."""
    if path.exists() and path.stat().st_size == 0:
        wal = path.with_name(path.name + "-wal")
        if not wal.exists() or wal.stat().st_size == 0:
            # SQLite would take it for a new, empty database: accounts, drafts and outbox gone unsaid.
            raise StoreUnusable(StoreProblem.EMPTY, path, "zero-length file")
    if not _writable(path):
        raise StoreUnusable(StoreProblem.READ_ONLY, path, "not writable")
    if not path.exists():
        return
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise _classified(error, path) from error
    if [tuple(r) for r in rows] != [("ok",)]:
        raise StoreUnusable(StoreProblem.DAMAGED, path, "; ".join(str(r[0]) for r in rows[:3]))


def _classified(error: sqlite3.DatabaseError, path: Path) -> Exception:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return error  # in use, not damaged: the caller's ordinary error
    if "full" in text:
        return StoreUnusable(StoreProblem.FULL, path, str(error))
    if any(word in text for word in ("not a database", "malformed", "corrupt")):
        return StoreUnusable(StoreProblem.DAMAGED, path, str(error))
    # Cannot open or write it (permissions, an I/O error): never called damage, never set aside.
    return StoreUnusable(StoreProblem.READ_ONLY, path, str(error))


class Database:
    def __init__(self, path: Path, check: bool = True) -> None:
        """Open (or create) the store; raises `StoreUnusable` when it is damaged, empty or
        read-only, before anything is written to it."""
        self.path = path
        self._local = threading.local()
        self._write_lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreUnusable(StoreProblem.READ_ONLY, path, str(error)) from error
        if check and path.resolve() not in _checked:
            ahead = _ahead.pop(path.resolve(), None)
            if ahead is not None:
                ahead.result()  # begun at start (`check_ahead`): raises what the check found
            else:
                check_store(path)  # once a process: the window opens the same file from several lanes
            _checked.add(path.resolve())
        try:
            self.connection.execute("PRAGMA journal_mode=WAL")  # outside any transaction, as SQLite requires
            self._migrate()
            with self.write() as connection:
                connection.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('created_by', ?)",
                                   (__version__,))
        except sqlite3.DatabaseError as error:
            self.close()
            raise _classified(error, path) from error

        with contextlib.suppress(OSError):
            draft_journal.reserve(path)  # room for the last draft, taken while the disk has it

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
