"""List rows kept as the server sent them (`Header.listed`): decoded when first read, and only then.

A sync of 10,000 mails stores each row's Subject and From undecoded; the list
decodes the rows it shows. These tests hold the lazy rows to the decoded ones:
same values, same equality, stored and read back without losing the raw form.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.mail.headers import decode_listed, read_listing, read_summary
from app.model import Address
from app.sources.base import Folder, FolderRole, Header, MessageRef
from app.sources.connection import AccountConfig, Security
from app.sources.delta import RemoteHeader
from app.store.db import open_database
from app.store.mail import MailStore

JST = timezone(timedelta(hours=9))
RAW = (
    "Subject: =?ISO-2022-JP?B?GyRCJUklbCU5JE4lNSUkJTobKEI=?=\r\n"  # ドレスのサイズ
    "From: =?utf-8?b?5L2Q6JekIOiKseWtkA==?= <hanako@example.jp>\r\n"  # 佐藤 花子
    "Date: Tue, 2 Dec 2025 09:30:00 +0900\r\nMessage-ID: <dress-1@example.jp>\r\n\r\n"
).encode("ascii")


def _listed(uid: int = 1, raw: bytes = RAW, decode: object = decode_listed) -> Header:
    raw_subject, raw_sender, date, _message_id = read_listing(raw)
    return Header.listed(MessageRef("INBOX", str(uid)), raw_subject, raw_sender, date, False, 120,
                         decode)  # type: ignore[arg-type]


def test_a_listed_row_decodes_once_on_first_read() -> None:
    calls: list[tuple[bytes | None, bytes | None]] = []

    def counting(subject: bytes | None, sender: bytes | None) -> tuple[str, Address]:
        calls.append((subject, sender))
        return decode_listed(subject, sender)

    header = _listed(decode=counting)
    assert calls == [] and header.raw_fields() is not None
    assert header.date == datetime(2025, 12, 2, 9, 30, tzinfo=JST)  # read at once: the list sorts by it
    assert header.sender == Address("佐藤 花子", "hanako@example.jp")
    assert header.subject == "ドレスのサイズ"
    assert len(calls) == 1  # both fields from the one decode
    assert header.raw_fields() is None  # decoded now: nothing raw is kept


def test_a_listed_row_equals_the_row_decoded_at_once() -> None:
    summary = read_summary(RAW)
    decoded = Header(MessageRef("INBOX", "1"), summary.subject, summary.sender, summary.date, False, 120)
    listed = _listed()
    assert listed == decoded and hash(listed) == hash(decoded)
    assert listed != _listed(uid=2)
    assert "ドレスのサイズ" in repr(listed)


@pytest.fixture
def store(tmp_path: Path) -> MailStore:
    store = MailStore(open_database(tmp_path / "aizuchi.sqlite3"))
    store.save_account(AccountConfig("shop", "a@example.jp", "a", "127.0.0.1", "127.0.0.1",
                                     imap_security=Security.NONE))
    store.save_folders("shop", [Folder("INBOX", "INBOX", FolderRole.INBOX)])
    return store


def test_the_store_keeps_a_listed_row_raw_and_a_decoded_row_decoded(store: MailStore) -> None:
    jis_only = (b"Subject: =?ISO-2022-JP?B?GyRCJDRKVklKGyhC?=\r\nFrom: shop@example.jp\r\n"
                b"Date: Mon, 1 Dec 2025 08:00:00 +0900\r\n\r\n")  # ご返品
    decoded = Header(MessageRef("INBOX", "3"), "配送について", Address("山田", "y@example.jp"), None, False, 9)
    store.add_headers("shop", "INBOX", [
        RemoteHeader(_listed(1), "<dress-1@example.jp>", frozenset()),
        RemoteHeader(_listed(2, jis_only), "", frozenset()),
        RemoteHeader(decoded, "", frozenset()),
    ])
    rows = {row.header.ref.key: row.header for row in store.headers("shop", "INBOX")}
    assert rows["1"].raw_fields() is not None and rows["2"].raw_fields() is not None
    assert rows["3"].raw_fields() is None and rows["3"] == decoded
    assert (rows["1"].subject, rows["1"].sender.display()) == ("ドレスのサイズ", "佐藤 花子")
    assert (rows["2"].subject, rows["2"].sender) == ("ご返品", Address("", "shop@example.jp"))
    # Sorted by the date read at sync time, newest first; the undated row last.
    assert list(rows) == ["1", "2", "3"]


def test_a_row_decoded_before_it_is_stored_is_stored_decoded(store: MailStore) -> None:
    header = _listed()
    assert header.subject == "ドレスのサイズ"  # shown (decoded) before the batch was stored
    store.add_headers("shop", "INBOX", [RemoteHeader(header, "", frozenset())])
    (row,) = store.headers("shop", "INBOX")
    assert row.header.raw_fields() is None and row.header == header
