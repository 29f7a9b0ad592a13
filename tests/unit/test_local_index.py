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


_SEPARATOR = b"From customer@example.jp Mon Dec  1 10:00:00 2025\n"


def _mbox_mail(number: int, status: bytes = b"") -> bytes:
    return _SEPARATOR + (status + _mail(number) if status else _mail(number)) + b"\n"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Bytes of mbox data read into headers (the whole file, or the tail after its old end)."""
    from app.sources.mbox import MboxSource

    sizes: list[int] = []
    real = MboxSource._rows

    def counting(self: MboxSource, data: bytes, base: int) -> object:
        sizes.append(len(data))
        return real(self, data, base)

    monkeypatch.setattr(MboxSource, "_rows", counting)
    return sizes


def _mbox_listing(path: Path, db: Database) -> list[Header]:
    from app.sources.mbox import MboxSource

    source = open_source(path, LocalIndex(db))
    assert isinstance(source, MboxSource)
    return list(source.headers(source.folders()[0]))


def test_an_mbox_is_read_once_then_opened_from_its_index_and_only_its_new_tail_is_read(
    tmp_path: Path, reads: list[int],
) -> None:
    from app.sources.mbox import MboxSource

    db = Database(tmp_path / "store.sqlite3")
    path = tmp_path / "Inbox.mbox"
    path.write_bytes(b"".join(_mbox_mail(n, b"Status: RO\n" if n == 2 else b"") for n in range(30)))
    first = _mbox_listing(path, db)
    assert len(first) == 30 and reads == [path.stat().st_size]
    assert first[2].seen and not first[3].seen
    reads.clear()

    second = _mbox_listing(path, db)
    assert reads == [] and second == first
    plain = MboxSource(path)
    assert list(plain.headers(plain.folders()[0])) == first  # the same rows as a plain reading
    reads.clear()

    old_size = path.stat().st_size
    with path.open("ab") as handle:  # the mail client appends two new mails
        handle.write(_mbox_mail(30) + _mbox_mail(31))
    grown = _mbox_listing(path, db)
    assert reads == [path.stat().st_size - old_size]  # the tail alone
    assert grown[:30] == first and [h.subject for h in grown[30:]] == ["mail 30", "mail 31"]
    assert list(plain.headers(plain.folders()[0])) == grown
    assert plain.fetch(grown[31].ref) == _mail(31) + b"\n"

    reads.clear()
    path.write_bytes(b"".join(_mbox_mail(n) for n in range(5, 10)))  # compacted by the mail client
    rewritten = _mbox_listing(path, db)
    assert reads == [path.stat().st_size]
    assert [h.subject for h in rewritten] == [f"mail {n}" for n in range(5, 10)]
    assert list(plain.headers(plain.folders()[0])) == rewritten
    assert db.read("SELECT count(*) FROM local_index")[0][0] == 5


def test_the_first_screenful_opens_only_the_files_delivered_last(root: Path, opened: list[Path]) -> None:
    source = MaildirSource(root)  # no index yet: a first start
    newest = source.newest(INBOX, 5)
    assert [h.subject for h in newest] == [f"mail {n}" for n in (39, 38, 37, 36, 35)]  # newest first
    assert len(opened) == 5  # not the other 35
    assert not any(h.seen for h in newest)
    assert source.fetch(newest[0].ref).startswith(b"From:")


def test_a_second_start_shows_the_newest_screenful_from_the_index_without_a_file(
    root: Path, tmp_path: Path, opened: list[Path],
) -> None:
    db = Database(tmp_path / "store.sqlite3")
    os.replace(root / "new" / "1039.M39.host", root / "cur" / "1039.M39.host:2,S")  # read by another program
    _listing(root, db)
    opened.clear()
    source = open_source(root, LocalIndex(db))
    assert isinstance(source, MaildirSource)
    newest = source.newest(INBOX, 3)
    assert opened == []
    assert [(h.subject, h.seen) for h in newest] == [("mail 39", True), ("mail 38", False), ("mail 37", False)]
    assert source.fetch(newest[0].ref).startswith(b"From:")  # found after one listing of names
