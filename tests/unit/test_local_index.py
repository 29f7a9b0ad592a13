"""A local Maildir's headers kept in the store: a second start opens no mail file.

Only what changed since the last listing is read: a new file; a mail another
program moved to cur/ or reflagged keeps its row (its flags come from the name).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.sources import maildir as maildir_module
from app.sources import open_source
from app.sources.base import Folder, FolderRole, Header
from app.sources.maildir import INBOX_ID, MaildirSource
from app.store.db import Database
from app.store.local_index import LocalIndex

INBOX = Folder(id=INBOX_ID, name="INBOX", role=FolderRole.INBOX)


def _mail(number: int) -> bytes:
    return (
        f"From: =?UTF-8?B?5L2Q6Jek?= <customer{number}@example.jp>\nSubject: mail {number}\n"
        f"Date: Mon, 01 Dec 2025 10:{number % 60:02d}:00 +0900\nMessage-ID: <m{number}@example.jp>\n\nbody\n"
    ).encode()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "md"
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True)
    for number in range(40):
        (root / "new" / f"{1000 + number}.M{number}.host").write_bytes(_mail(number))
    return root


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every mail file whose head a listing reads."""
    reads: list[Path] = []
    real = maildir_module.read_head

    def counting(path: Path) -> bytes:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(maildir_module, "read_head", counting)
    return reads


def _listing(root: Path, db: Database) -> dict[str, Header]:
    source = open_source(root, LocalIndex(db))  # a new source: as at a new start
    assert isinstance(source, MaildirSource)
    return {h.ref.key: h for h in source.headers(INBOX)}


def test_a_second_start_lists_the_folder_from_the_store_without_opening_a_file(
    root: Path, tmp_path: Path, opened: list[Path],
) -> None:
    db = Database(tmp_path / "store.sqlite3")
    first = _listing(root, db)
    assert len(first) == 40 and len(opened) == 40
    opened.clear()

    second = _listing(root, db)
    assert opened == []
    assert second == first  # subject, sender, date, size, seen: all as read from the files
    assert second[f"{1005}.M5.host"].sender.name == "佐藤"
    plain = {h.ref.key: h for h in MaildirSource(root).headers(INBOX)}
    assert plain == first


def test_only_what_changed_is_read_and_a_moved_or_reflagged_mail_keeps_its_row(
    root: Path, tmp_path: Path, opened: list[Path],
) -> None:
    db = Database(tmp_path / "store.sqlite3")
    _listing(root, db)
    opened.clear()
    # Another program: reads mail 1 (new/ → cur/, seen), answers mail 2, deletes mail 3, delivers mail 40.
    os.rename(root / "new" / "1001.M1.host", root / "cur" / "1001.M1.host:2,S")
    os.rename(root / "new" / "1002.M2.host", root / "cur" / "1002.M2.host:2,RS")
    (root / "new" / "1003.M3.host").unlink()
    (root / "new" / "1040.M40.host").write_bytes(_mail(40))

    listed = _listing(root, db)
    assert opened == [root / "new" / "1040.M40.host"]  # the new file alone
    assert listed["1001.M1.host"].seen and listed["1002.M2.host"].seen
    assert not listed["1000.M0.host"].seen
    assert "1003.M3.host" not in listed and listed["1040.M40.host"].subject == "mail 40"
    opened.clear()
    again = _listing(root, db)
    assert opened == [] and again == listed
    stored = db.read("SELECT msg_key, name FROM local_index WHERE msg_key IN ('1001.M1.host', '1003.M3.host')")
    assert [(r[0], r[1]) for r in stored] == [("1001.M1.host", "cur/1001.M1.host:2,S")]


def test_a_listing_stopped_half_way_writes_nothing(root: Path, tmp_path: Path, opened: list[Path]) -> None:
    db = Database(tmp_path / "store.sqlite3")
    source = open_source(root, LocalIndex(db))
    rows = source.headers(INBOX)
    for _ in range(5):
        next(rows)
    rows.close()  # the window closed mid-listing
    assert db.read("SELECT count(*) FROM local_index")[0][0] == 0
    assert len(_listing(root, db)) == 40
