from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.store.db import Database, migrations, open_database


def test_migrations_apply_once_in_order(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    assert db.applied_migrations() == {n for n, _ in migrations()}
    assert db.read("SELECT value FROM meta WHERE key='created_by'")[0]["value"]
    db.close()
    again = Database(tmp_path / "a.sqlite3")  # reopening applies nothing twice
    assert again.applied_migrations() == {n for n, _ in migrations()}
    assert again.read("SELECT count(*) FROM meta WHERE key='created_by'")[0][0] == 1
    assert again.read("PRAGMA journal_mode")[0][0] == "wal"


def test_failed_write_rolls_back(tmp_path: Path) -> None:
    db = open_database(tmp_path / "b.sqlite3")
    with pytest.raises(ZeroDivisionError), db.write() as connection:
        connection.execute("INSERT INTO meta(key, value) VALUES ('x', '1')")
        raise ZeroDivisionError
    assert db.read("SELECT * FROM meta WHERE key='x'") == []


def test_writes_from_several_threads_all_land(tmp_path: Path) -> None:
    db = open_database(tmp_path / "c.sqlite3")

    def writer(n: int) -> None:
        for i in range(50):
            with db.write() as connection:
                connection.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (f"k{n}-{i}", "v"))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert db.read("SELECT count(*) FROM meta WHERE key LIKE 'k%'")[0][0] == 200
