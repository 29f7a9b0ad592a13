"""Raw bodies in pack files (migration 0006): stored, read back offline, collected, repaired."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.model import Address
from app.sources.base import Folder, FolderRole, Header, MessageRef, SyncState
from app.sources.connection import AccountConfig, Security
from app.sources.delta import FolderSnapshot, RemoteHeader
from app.store.db import Database, open_database
from app.store.mail import MailStore


@pytest.fixture
def store(tmp_path: Path) -> MailStore:
    db = open_database(tmp_path / "aizuchi.sqlite3")
    store = MailStore(db)
    store.save_account(AccountConfig("shop", "a@example.jp", "a", "127.0.0.1", "127.0.0.1",
                                     imap_security=Security.NONE))
    store.save_folders("shop", [Folder("INBOX", "INBOX", FolderRole.INBOX)])
    store.add_headers("shop", "INBOX", [
        RemoteHeader(Header(MessageRef("INBOX", str(uid)), f"件名{uid}", Address("", "c@example.jp"), None, False, 10),
                     f"<m{uid}@example.jp>", frozenset())
        for uid in range(1, 11)
    ])
    return store


def _raw(uid: int) -> bytes:
    return f"Subject: {uid}\r\n\r\n".encode() + f"本文{uid}".encode() * (uid * 50)


def _packs(store: MailStore) -> list[str]:
    return sorted(p.name for p in store.packs.account_dir("shop").iterdir())


def _keep(store: MailStore, uids: list[int]) -> None:
    """A snapshot in which only `uids` are left on the server."""
    store.apply_snapshot("shop", "INBOX", FolderSnapshot(SyncState("{}"), tuple(str(u) for u in uids)))


def test_a_batch_is_one_pack_and_every_body_reads_back(store: MailStore) -> None:
    assert store.store_bodies("shop", "INBOX", [(str(u), _raw(u)) for u in range(1, 6)]) == 5
    assert store.store_bodies("shop", "INBOX", [(str(u), _raw(u)) for u in range(6, 11)]) == 5
    assert len(_packs(store)) == 2
    for uid in range(1, 11):
        assert store.body("shop", MessageRef("INBOX", str(uid))) == _raw(uid)
    assert store.unfetched("shop", "INBOX") == []
    # Packs sit beside the database, not in it.
    assert store.packs.root == store.db.path.with_name("aizuchi-bodies")


def test_bodies_of_messages_gone_meanwhile_leave_no_pack(store: MailStore) -> None:
    assert store.store_bodies("shop", "INBOX", [("99", b"x"), ("98", b"y")]) == 0
    assert not store.packs.account_dir("shop").exists() or _packs(store) == []


def test_collect_removes_dead_packs_and_rewrites_mostly_dead_ones(store: MailStore) -> None:
    store.store_bodies("shop", "INBOX", [(str(u), _raw(u)) for u in range(1, 4)])    # pack A: 1-3
    store.store_bodies("shop", "INBOX", [(str(u), _raw(u)) for u in range(4, 11)])   # pack B: 4-10
    first, second = _packs(store)[0], _packs(store)[1]
    assert store.collect_packs("shop") == 0
    _keep(store, [10])  # A is all dead; B keeps only its largest mail, less than half of it
    assert store.collect_packs("shop") == 2
    packs = _packs(store)
    assert len(packs) == 1 and packs[0] not in (first, second)
    assert store.body("shop", MessageRef("INBOX", "10")) == _raw(10)
    assert store.body("shop", MessageRef("INBOX", "1")) is None


def test_a_lost_pack_means_fetch_again_not_garbage(store: MailStore) -> None:
    store.store_bodies("shop", "INBOX", [("1", _raw(1)), ("2", _raw(2))])
    for name in _packs(store):
        os.truncate(store.packs.account_dir("shop") / name, 10)
    assert store.body("shop", MessageRef("INBOX", "2")) is None
    assert [key for key, _ in store.unfetched("shop", "INBOX")][:2] == ["2", "3"]


def test_orphan_files_of_an_interrupted_write_are_swept_once_old(store: MailStore) -> None:
    store.store_bodies("shop", "INBOX", [("1", _raw(1))])
    orphan = store.write_pack("shop", [("2", _raw(2))])  # written, never committed (a crash)
    path = store.packs.account_dir("shop") / orphan.name
    assert store.collect_packs("shop") == 0  # young: may be a sync about to commit it
    old = time.time() - 7200
    os.utime(path, (old, old))
    assert store.collect_packs("shop") == 1
    assert not path.exists()
    assert store.body("shop", MessageRef("INBOX", "1")) == _raw(1)


def test_bodies_stored_before_packs_still_read(store: MailStore) -> None:
    with store.db.write() as c:
        c.execute("UPDATE mail_messages SET body = ?, body_fetched = 1 WHERE uid = '3'", (b"legacy blob",))
    assert store.body("shop", MessageRef("INBOX", "3")) == b"legacy blob"


def test_deleting_the_account_deletes_its_packs(store: MailStore, tmp_path: Path) -> None:
    store.store_bodies("shop", "INBOX", [("1", _raw(1))])
    directory = store.packs.account_dir("shop")
    assert directory.exists()
    store.delete_account("shop")
    assert not directory.exists()
    assert store.db.read("SELECT count(*) FROM mail_packs")[0][0] == 0


def test_reopened_store_reads_the_same_bodies(store: MailStore) -> None:
    store.store_bodies("shop", "INBOX", [("5", _raw(5))])
    again = MailStore(Database(store.db.path))
    assert again.body("shop", MessageRef("INBOX", "5")) == _raw(5)


def _pack_path(store: MailStore, uid: str) -> tuple[Path, int, int]:
    row = store.db.read(
        "SELECT p.name, m.body_offset, m.body_length FROM mail_messages m JOIN mail_packs p ON p.id = m.pack_id"
        " WHERE m.uid = ?", (uid,),
    )[0]
    return store.packs.account_dir("shop") / row[0], row[1], row[2]


def test_a_pack_zero_filled_by_a_power_cut_is_refetched_not_returned(store: MailStore) -> None:
    # Pack files are not fsynced: after a power cut the kernel may leave a file of
    # the right size full of zeros. The length matches; the checksum does not.
    store.store_bodies("shop", "INBOX", [("1", _raw(1)), ("2", _raw(2))])
    path, offset, length = _pack_path(store, "2")
    with open(path, "r+b") as file:
        file.seek(offset)
        file.write(b"\0" * length)
    assert store.body("shop", MessageRef("INBOX", "2")) is None
    assert "2" in [key for key, _ in store.unfetched("shop", "INBOX")]
    # Its neighbour in the same pack is intact and still served.
    assert store.body("shop", MessageRef("INBOX", "1")) == _raw(1)
    assert "1" not in [key for key, _ in store.unfetched("shop", "INBOX")]


def test_one_flipped_byte_is_caught(store: MailStore) -> None:
    store.store_bodies("shop", "INBOX", [("3", _raw(3))])
    path, offset, length = _pack_path(store, "3")
    with open(path, "r+b") as file:
        file.seek(offset + length // 2)
        byte = file.read(1)
        file.seek(offset + length // 2)
        file.write(bytes([byte[0] ^ 0x20]))
    assert store.body("shop", MessageRef("INBOX", "3")) is None
    assert store.db.read("SELECT body_fetched, pack_id, body_crc FROM mail_messages WHERE uid = '3'")[0][:] == (
        0, None, None)


def test_a_damaged_body_is_fetched_again_by_the_next_sync(store: MailStore) -> None:
    from app.sync import SyncedMailbox

    class Server:
        """Just enough of a SyncSource for SyncedMailbox.fetch: the server's copy of each mail."""

        def __init__(self) -> None:
            self.asked: list[str] = []

        def bodies_for(self, folder: Folder, keys: list[str]) -> list[tuple[str, bytes]]:
            self.asked += keys
            return [(key, _raw(int(key))) for key in keys]

    store.store_bodies("shop", "INBOX", [("4", _raw(4)), ("5", _raw(5))])
    path, offset, _length = _pack_path(store, "4")
    os.truncate(path, offset + 7)  # the tail of the pack never reached the disk
    server = Server()
    mailbox = SyncedMailbox(store, "shop", server)  # type: ignore[arg-type]
    assert mailbox.fetch(MessageRef("INBOX", "4")) == _raw(4)
    assert server.asked == ["4"]
    # Stored again, in a new pack, with a good checksum: read offline from now on.
    assert MailStore(Database(store.db.path)).body("shop", MessageRef("INBOX", "4")) == _raw(4)
    assert SyncedMailbox(store, "shop", None).fetch(MessageRef("INBOX", "4")) == _raw(4)


def test_compaction_does_not_copy_a_damaged_body_on(store: MailStore) -> None:
    store.store_bodies("shop", "INBOX", [(str(u), _raw(u)) for u in range(1, 11)])
    path, offset, length = _pack_path(store, "9")
    with open(path, "r+b") as file:
        file.seek(offset)
        file.write(b"\0" * length)
    _keep(store, [9, 10])  # mostly dead: rewritten, and 9 does not read back as stored
    assert store.collect_packs("shop") == 1
    assert store.body("shop", MessageRef("INBOX", "10")) == _raw(10)
    assert [key for key, _ in store.unfetched("shop", "INBOX")] == ["9"]


def test_rows_from_before_checksums_still_read_and_gain_one_when_moved(store: MailStore) -> None:
    store.store_bodies("shop", "INBOX", [(str(u), _raw(u)) for u in range(1, 11)])
    with store.db.write() as c:  # as migration 0007 leaves rows stored by an older version
        c.execute("UPDATE mail_messages SET body_crc = NULL")
    assert store.body("shop", MessageRef("INBOX", "10")) == _raw(10)
    _keep(store, [10])
    assert store.collect_packs("shop") == 1
    assert store.db.read("SELECT body_crc FROM mail_messages WHERE uid = '10'")[0][0] is not None
    assert store.body("shop", MessageRef("INBOX", "10")) == _raw(10)
