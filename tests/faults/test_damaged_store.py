"""Point 4: a damaged, emptied or read-only store is found at open and said in plain Japanese
(command line: exit 3, no traceback; window: a dialog offering a fresh store). The damaged
file is never deleted and never silently replaced by an empty one."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.mail.outgoing import build_message
from app.model import Address, Draft
from app.outbox import Outbox
from app.sources.connection import AccountConfig
from app.store import db as store_db
from app.store.db import Database, StoreProblem, StoreUnusable, set_aside
from app.store.drafts import save_draft
from app.store.mail import MailStore
from tests.faults.ledger import record

ROOT = Path(__file__).resolve().parents[2]
AIZUCHI = ROOT / ".venv" / "bin" / "aizuchi"


def make_store(path: Path) -> None:
    """A store with an account, 300 drafts and an outbox item, checkpointed into the main file."""
    db = Database(path)
    MailStore(db).save_account(AccountConfig(id="shop", email="alice@example.jp", username="alice",
                                                   imap_host="127.0.0.1", smtp_host="127.0.0.1"))
    for number in range(300):
        save_draft(db, "shop", Draft(message_id=f"<d{number}@example.jp>", original_id=f"<o{number}@example.jp>",
                                     sender=Address("", "alice@example.jp"), to=(Address("", "c@example.jp"),),
                                     cc=(), subject="Re: 納期", body="佐藤様\n\n明日お届けします。\n" * 20))
    Outbox(db).submit("shop", build_message(sender=Address("", "alice@example.jp"),
                                            to=[Address("", "c@example.jp")], subject="Re", body="本文\n"))
    db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def overwrite_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = b"\x5a" * 100
    path.write_bytes(bytes(data))


def flip_page_headers(path: Path) -> None:
    """Flip bits in the b-tree page headers (type byte and cell count) of every page after the first."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):
        data[start] ^= 0xFF
        data[start + 3] ^= 0x5A
    path.write_bytes(bytes(data))


def zero_length(path: Path) -> None:
    path.write_bytes(b"")


DAMAGES: dict[str, tuple[Callable[[Path], None], StoreProblem]] = {
    "truncated": (truncate, StoreProblem.DAMAGED),
    "overwritten": (overwrite_header, StoreProblem.DAMAGED),
    "bit_flipped": (flip_page_headers, StoreProblem.DAMAGED),
    "zero_length": (zero_length, StoreProblem.EMPTY),
}


@pytest.fixture(autouse=True)
def _check_every_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_db, "_checked", set())


def _damaged(tmp_path: Path, damage: str) -> tuple[Path, bytes]:
    path = tmp_path / "data" / "aizuchi.sqlite3"
    path.parent.mkdir()
    make_store(path)
    store_db._checked.clear()  # a new process would check again
    DAMAGES[damage][0](path)
    return path, path.read_bytes()


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_store_is_found_at_open_and_left_untouched(tmp_path: Path, damage: str) -> None:
    path, before = _damaged(tmp_path, damage)
    with pytest.raises(StoreUnusable) as raised:
        Database(path)
    record(f"store:{damage}")
    assert raised.value.problem is DAMAGES[damage][1]
    assert "残してあります" in raised.value.japanese()
    assert path.read_bytes() == before  # nothing written, nothing renamed


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_sync_on_a_damaged_store_says_so_without_a_traceback(tmp_path: Path, damage: str) -> None:
    path, before = _damaged(tmp_path, damage)
    result = subprocess.run([str(AIZUCHI), "sync", "shop"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "AIZUCHI_DATA_DIR": str(path.parent)})
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and "相槌のデータファイル" in result.stderr
    assert path.read_bytes() == before


def test_the_window_never_starts_empty_on_an_emptied_store(tmp_path: Path) -> None:
    path, before = _damaged(tmp_path, "zero_length")
    result = subprocess.run([str(AIZUCHI), "run"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "AIZUCHI_DATA_DIR": str(path.parent), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 3, result.stderr
    assert "0 バイト" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_fresh_store_keeps_the_damaged_one_aside(tmp_path: Path) -> None:
    path, before = _damaged(tmp_path, "truncated")
    kept = set_aside(path)
    assert kept.read_bytes() == before and kept.parent == path.parent and not path.exists()
    fresh = Database(path)
    assert MailStore(fresh).accounts() == []
    fresh.close()
    assert kept.read_bytes() == before


def test_the_window_offers_a_fresh_store(qtbot: object, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QPushButton

    from ui.store_dialog import damaged_store_box, start_fresh

    path, before = _damaged(tmp_path, "bit_flipped")
    with pytest.raises(StoreUnusable) as raised:
        Database(path)
    box = damaged_store_box(raised.value)
    assert box.findChild(QPushButton, "freshStoreButton") is not None
    assert "壊れています" in box.text() and "戻らないもの" in box.text()
    database, kept = start_fresh(raised.value)
    assert kept.read_bytes() == before
    assert database.path == path and MailStore(database).accounts() == []
    database.close()


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """`folder` seen read-only: a read-only bind mount as root (root ignores permission bits),
    else the permission bits."""
    if os.geteuid() == 0:
        view = folder.with_name(folder.name + "-ro")
        view.mkdir()
        mounted = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True).returncode == 0
        if mounted and subprocess.run(["mount", "-o", "remount,ro,bind", str(view)],
                                      capture_output=True).returncode == 0:
            try:
                yield view
            finally:
                subprocess.run(["umount", str(view)], check=True)
            return
        if mounted:
            subprocess.run(["umount", str(view)], check=True)
        pytest.skip("running as root without mount: no way to make a folder read-only")
    folder.chmod(0o555)
    for item in folder.iterdir():
        item.chmod(0o444)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        for item in folder.iterdir():
            item.chmod(0o644)


@pytest.mark.parametrize("command", [["sync", "shop"], ["run"]])
def test_a_read_only_data_dir_is_said_plainly(tmp_path: Path, command: list[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    make_store(data / "aizuchi.sqlite3")
    before = (data / "aizuchi.sqlite3").read_bytes()
    with read_only(data) as seen:
        result = subprocess.run([str(AIZUCHI), *command], capture_output=True, text=True, timeout=60,
                                env={**os.environ, "AIZUCHI_DATA_DIR": str(seen), "QT_QPA_PLATFORM": "offscreen"})
    record(f"store:read-only:{command[0]}")
    assert result.returncode == 3, result.stderr
    assert "書き込めない" in result.stderr and "Traceback" not in result.stderr
    assert (data / "aizuchi.sqlite3").read_bytes() == before
    shutil.rmtree(data)


def test_a_sqlite_error_that_is_only_busy_is_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "aizuchi.sqlite3"
    make_store(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert store_db._classified(sqlite3.OperationalError("database is locked"), path).__class__ \
            is sqlite3.OperationalError
    finally:
        holder.execute("ROLLBACK")
        holder.close()
