"""The store's integrity check begun ahead (while Qt loads) still guards the first open."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.db import Database, StoreProblem, StoreUnusable, check_ahead


def test_a_check_begun_ahead_refuses_a_damaged_store_when_it_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "aizuchi.sqlite3"
    path.write_bytes(b"not a database at all " * 400)
    check_ahead(path)
    with pytest.raises(StoreUnusable) as raised:
        Database(path)
    assert raised.value.problem is StoreProblem.DAMAGED
    assert path.read_bytes().startswith(b"not a database")  # nothing written to it


def test_a_check_begun_ahead_lets_a_sound_store_open(tmp_path: Path) -> None:
    path = tmp_path / "aizuchi.sqlite3"
    Database(path, check=False).close()
    check_ahead(path)
    database = Database(path)
    assert database.applied_migrations()


def test_no_check_ahead_before_the_data_folder_exists(tmp_path: Path) -> None:
    path = tmp_path / "new" / "aizuchi.sqlite3"
    check_ahead(path)  # a first start: nothing to check, and no READ_ONLY for a missing folder
    assert Database(path).applied_migrations()
