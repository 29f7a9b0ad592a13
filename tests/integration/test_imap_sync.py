"""IMAP sync against a real Dovecot: folders, incremental headers and bodies, flags both
ways, UIDVALIDITY change, big folders and big mails, and the server vanishing mid-sync."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from imapclient import IMAPClient

from app.sources.base import Folder, FolderRole
from app.sources.connection import Security
from app.sources.delta import Flag
from app.sources.errors import NetworkDown
from app.sources.imap import ImapSource, uid_ranges
from app.store.db import Database
from app.store.mail import MailStore
from app.sync import Phase, SyncedMailbox, SyncEngine, SyncProgress
from tests.integration.conftest import _dovecot, account_for
from tests.servers import Certs, Dovecot, japanese_mail


def _client(dovecot: Dovecot) -> IMAPClient:
    client = IMAPClient("127.0.0.1", port=dovecot.port, ssl=False)
    client.login("alice", "secret")
    return client


def _engine(db: Database, dovecot: Dovecot, **kwargs: object) -> tuple[SyncEngine, ImapSource]:
    source = ImapSource(account_for(dovecot), "secret")
    store = MailStore(db)
    store.save_account(account_for(dovecot))
    return SyncEngine(store, "shop", source, **kwargs), source  # type: ignore[arg-type]


def _rows(db: Database, folder: str = "INBOX") -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.read(
        "SELECT uid, message_id FROM mail_messages WHERE account_id = 'shop' AND folder_id = ? ORDER BY uid + 0",
        (folder,),
    )]


@pytest.fixture(params=[True, False], ids=["condstore", "plain-scan"])
def any_dovecot(request: pytest.FixtureRequest, certs: Certs) -> Iterator[Dovecot]:
    yield from _dovecot(certs, condstore=request.param)


def test_uid_ranges_are_compact() -> None:
    assert uid_ranges([5, 1, 2, 3, 7, 8, 10]) == "1:3,5,7:8,10"
    assert uid_ranges([42]) == "42"


def test_japanese_folders_headers_then_bodies_then_increments(any_dovecot: Dovecot, db: Database) -> None:
    dovecot = any_dovecot
    dovecot.add_messages("alice", [japanese_mail(i) for i in range(30)])
    with _client(dovecot) as client:
        for name in ("送信済み", "迷惑メール", "お客様/常連"):
            client.create_folder(name)
        client.append("迷惑メール", japanese_mail(99, subject="当選のお知らせ"))
    progress: list[SyncProgress] = []
    engine, source = _engine(db, dovecot, progress=progress.append)
    report = engine.sync(bodies=False)

    folders = {f.name: f for f in engine.store.folders("shop")}
    assert folders["送信済み"].role is FolderRole.SENT
    assert folders["迷惑メール"].role is FolderRole.JUNK
    assert "お客様/常連" in folders
    assert report.new_headers == 31
    headers = engine.store.headers("shop", "INBOX")
    assert len(headers) == 30
    assert {h.header.subject for h in headers} >= {"ドレスの納期について（0）", "ケーキのアレルギー表示（1）"}
    assert headers[0].header.sender.name in {"佐藤 花子", "鈴木 一郎", "高橋 美咲", "田中 健太", "伊藤 由美", "渡辺 翔",
                                             "山本 さくら", "中村 大輔"}
    assert not any(h.body_fetched for h in headers)  # headers first, bodies later
    assert any(p.phase is Phase.HEADERS and p.total == 30 and p.done == 30 for p in progress)

    assert engine.sync_bodies(Folder("INBOX", "INBOX", FolderRole.INBOX)) == 30
    mailbox = SyncedMailbox(engine.store, "shop", None)  # offline: the store alone
    from app.mail.parse import parse_message

    message = parse_message(mailbox.fetch(headers[0].header.ref))
    assert "と申します" in message.body and message.subject == headers[0].header.subject

    # Incremental: only the new mail is fetched, nothing is duplicated.
    dovecot.add_messages("alice", [japanese_mail(i) for i in range(30, 33)])
    report = engine.sync()
    assert report.new_headers == 3
    assert report.bodies == 4  # the 3 new ones and the junk mail, not fetched above
    rows = _rows(db)
    assert len(rows) == len(set(rows)) == 33
    source.close()


def test_flags_both_ways(any_dovecot: Dovecot, db: Database) -> None:
    dovecot = any_dovecot
    dovecot.add_messages("alice", [japanese_mail(i) for i in range(5)])
    engine, source = _engine(db, dovecot)
    engine.sync(bodies=False)
    inbox = Folder("INBOX", "INBOX", FolderRole.INBOX)
    first, second = [h.header.ref for h in engine.store.headers("shop", "INBOX")][:2]

    # Here → server: read in Aizuchi is \Seen for every other mail program.
    SyncedMailbox(engine.store, "shop", source).mark_read(first)
    with _client(dovecot) as client:
        client.select_folder("INBOX")
        assert b"\\Seen" in client.get_flags([int(first.key)])[int(first.key)]
        # Server → here: flagged and answered elsewhere.
        client.add_flags([int(second.key)], [b"\\Flagged", b"\\Answered", b"\\Seen"])
    engine.sync_headers(inbox)
    assert engine.store.flags("shop", second) == {Flag.SEEN, Flag.FLAGGED, Flag.ANSWERED}
    assert engine.store.flags("shop", first) == {Flag.SEEN}
    source.close()


def test_uidvalidity_change_resyncs_cleanly(dovecot: Dovecot, db: Database) -> None:
    with _client(dovecot) as client:
        client.create_folder("注文")
        for i in range(4):
            client.append("注文", japanese_mail(i))
    engine, source = _engine(db, dovecot)
    engine.sync()
    folder = Folder("注文", "注文")
    old = engine.store.folder_figures("shop", "注文")["uidvalidity"]
    assert len(_rows(db, "注文")) == 4

    # The mailbox is recreated (a server migration, a restore): same name, new UIDVALIDITY,
    # UIDs start again at 1 for different mail.
    with _client(dovecot) as client:
        client.delete_folder("注文")
        client.create_folder("注文")
        for i in (10, 11, 12):
            client.append("注文", japanese_mail(i))
    report = engine.sync()
    assert report.resets == ["注文"]
    assert engine.store.folder_figures("shop", "注文")["uidvalidity"] != old
    rows = _rows(db, "注文")
    assert [m for _, m in rows] == ["<customer-10@example.jp>", "<customer-11@example.jp>", "<customer-12@example.jp>"]
    assert all(engine.store.body("shop", engine.store.headers("shop", "注文")[0].header.ref) for _ in [0])
    assert engine.sync().new_headers == 0
    del folder
    source.close()


def test_ten_thousand_messages_in_a_folder(dovecot: Dovecot, db: Database) -> None:
    dovecot.add_messages("alice", [japanese_mail(i, body_lines=2) for i in range(10_000)])
    engine, source = _engine(db, dovecot)
    report = engine.sync(bodies=False)
    assert report.new_headers == 10_000
    assert engine.store.count("shop", "INBOX") == 10_000
    assert engine.sync_bodies(Folder("INBOX", "INBOX", FolderRole.INBOX)) == 10_000
    ids = {m for _, m in _rows(db)}
    assert len(ids) == 10_000
    assert engine.sync().new_headers == 0
    source.close()


def test_twenty_megabyte_message(dovecot: Dovecot, db: Database) -> None:
    attachment = (b"A" * 76 + b"\r\n") * (20 * 1024 * 1024 // 78)
    big = japanese_mail(1).replace(b"MIME-Version", b"X-Big: yes\r\nMIME-Version") + attachment
    dovecot.add_messages("alice", [japanese_mail(0), big])
    engine, source = _engine(db, dovecot)
    engine.sync()
    stored = {h.message_id: h for h in engine.store.headers("shop", "INBOX")}
    raw = engine.store.body("shop", stored["<customer-1@example.jp>"].header.ref)
    assert raw is not None and len(raw) == len(big) and len(raw) > 20_000_000
    assert raw.endswith(attachment[-200:])
    source.close()


def test_server_gone_mid_sync_resumes_without_loss_or_duplicates(dovecot: Dovecot, db: Database) -> None:
    dovecot.add_messages("alice", [japanese_mail(i, body_lines=40) for i in range(2_000)])
    killed = threading.Event()

    def kill_after_first_body_batch(progress: SyncProgress) -> None:
        if progress.phase is Phase.BODIES and progress.done > 0 and not killed.is_set():
            killed.set()
            dovecot.kill()

    engine, source = _engine(db, dovecot, progress=kill_after_first_body_batch)
    with pytest.raises(NetworkDown):
        engine.sync()
    assert killed.is_set()
    fetched = db.read("SELECT count(*) FROM mail_messages WHERE body_fetched = 1")[0][0]
    assert 0 < fetched < 2_000
    # Offline, what was synced still reads.
    mailbox = SyncedMailbox(engine.store, "shop", source)
    done = next(h for h in engine.store.headers("shop", "INBOX") if h.body_fetched)
    assert mailbox.fetch(done.header.ref).startswith(b"From:")

    dovecot.start()  # back on the same port; the source reconnects by itself
    dovecot.add_messages("alice", [japanese_mail(5_000)])
    report = engine.sync()
    assert report.new_headers == 1
    rows = _rows(db)
    assert len(rows) == len({m for _, m in rows}) == 2_001
    assert db.read("SELECT count(*) FROM mail_messages WHERE body_fetched = 0")[0][0] == 0
    source.close()


def test_offline_read_marks_are_pushed_on_the_next_sync(dovecot: Dovecot, db: Database) -> None:
    dovecot.add_messages("alice", [japanese_mail(i) for i in range(3)])
    engine, source = _engine(db, dovecot)
    engine.sync()
    ref = engine.store.headers("shop", "INBOX")[0].header.ref
    dovecot.stop()
    mailbox = SyncedMailbox(engine.store, "shop", source)
    mailbox.mark_read(ref)  # no server: kept locally, marked to push
    assert engine.store.flags("shop", ref) == {Flag.SEEN}
    assert [d.ref for d in engine.store.dirty_flags("shop")] == [ref]
    dovecot.start()
    assert engine.sync().pushed_flags == 1
    with _client(dovecot) as client:
        client.select_folder("INBOX")
        assert b"\\Seen" in client.get_flags([int(ref.key)])[int(ref.key)]
    source.close()


def test_idle_reports_new_mail(dovecot: Dovecot) -> None:
    watcher = ImapSource(account_for(dovecot), "secret")
    result: list[bool] = []
    thread = threading.Thread(target=lambda: result.append(watcher.idle_wait(Folder("INBOX", "INBOX"), 20)))
    thread.start()
    # Wait until the watcher is idling (Dovecot logs nothing for IDLE; poll the thread briefly).
    thread.join(0.5)
    with _client(dovecot) as client:
        client.append("INBOX", japanese_mail(1))
    thread.join(20)
    assert result == [True]
    watcher.close()


def test_imaps_with_a_private_ca(dovecot: Dovecot, certs: Certs, db: Database) -> None:
    dovecot.add_messages("alice", [japanese_mail(0)])
    source = ImapSource(account_for(dovecot, security=Security.SSL), "secret", ssl_context=certs.client_context())
    store = MailStore(db)
    store.save_account(account_for(dovecot))
    assert SyncEngine(store, "shop", source).sync().new_headers == 1
    source.close()


def test_cli_sync(
    dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from app import accounts, cli
    from app.store.db import open_database

    monkeypatch.setenv("AIZUCHI_DATA_DIR", str(tmp_path / "data"))
    dovecot.add_messages("alice", [japanese_mail(i) for i in range(3)])
    store = MailStore(open_database())
    accounts.add_account(store, account_for(dovecot), "secret")
    accounts.forget_session_passwords()  # the CLI finds the password in the keyring
    assert cli.main(["sync", "shop"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["new_headers"] == 3 and report["bodies"] == 3
    assert cli.main(["sync", "nobody"]) == 2
