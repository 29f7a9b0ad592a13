"""One suite for every `MailSource`: the same behaviour from Maildir, mbox, Gmail and
Microsoft 365 (Graph); each adds a factory to `SOURCES` returning the source and a way
to open it again (a new instance that must see what the first one changed).
IMAP runs the synced-mailbox variant of these in test_imap_sync.py."""

from __future__ import annotations

from collections.abc import Callable
from email.header import Header as EmailHeader
from pathlib import Path

import pytest

from app.sources.base import Folder, FolderRole, MailSource
from app.sources.errors import NotFound
from app.sources.maildir import MaildirSource
from app.sources.mbox import MboxSource

MAILS = [
    ("佐藤 花子", "hanako@example.jp", "ドレスの納期について", "連休にパーティーで着たいと思っています。", False),
    ("田中 一郎", "ichiro@example.jp", "ケーキのアレルギー表示", "妻に卵アレルギーがあります。", True),
    ("山田", "yamada@example.jp", "再入荷のご予定", "いつ入荷しますか？\nFrom now on I will wait.", False),
]


def _raw(name: str, address: str, subject: str, body: str, index: int) -> bytes:
    display = EmailHeader(name, "utf-8").encode()
    return (
        f"From: {display} <{address}>\r\n"
        f"To: shop@example.jp\r\n"
        f"Subject: {EmailHeader(subject, 'iso-2022-jp').encode()}\r\n"
        f"Date: Mon, {index + 1} Dec 2025 10:00:00 +0900\r\n"
        f"Message-ID: <m{index}@example.jp>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    ).encode("ascii") + body.replace("\n", "\r\n").encode("utf-8") + b"\r\n"


def make_maildir(root: Path) -> MailSource:
    for sub in ("cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for index, (name, address, subject, body, seen) in enumerate(MAILS):
        target = root / "cur" / f"17000000{index}.M{index}P1.test:2,{'S' if seen else ''}"
        target.write_bytes(_raw(name, address, subject, body, index))
    (root / ".Sent/cur" / "1700000099.M9P1.test:2,S").write_bytes(
        _raw("ショップ", "shop@example.jp", "Re: ドレスの納期について", "承知いたしました。", 9)
    )
    return MaildirSource(root)


def make_mbox(root: Path) -> MailSource:
    root.mkdir(parents=True, exist_ok=True)
    chunks = []
    for index, (name, address, subject, body, seen) in enumerate(MAILS):
        raw = _raw(name, address, subject, body, index).replace(b"\r\n", b"\n")
        if seen:
            raw = raw.replace(b"\n\n", b"\nStatus: RO\n\n", 1)
        raw = raw.replace(b"\nFrom now", b"\n>From now")  # mboxrd escaping, as writers do
        chunks.append(b"From " + address.encode() + b" Mon Dec  1 10:00:00 2025\n" + raw + b"\n")
    (root / "INBOX").write_bytes(b"".join(chunks))
    sent = _raw("ショップ", "shop@example.jp", "Re: ドレスの納期について", "承知いたしました。", 9)
    (root / "Sent").write_bytes(b"From shop@example.jp Mon Dec  1 11:00:00 2025\n" + sent.replace(b"\r\n", b"\n"))
    return MboxSource(root)


Opened = tuple[MailSource, Callable[[], MailSource]]


def _local(make: Callable[[Path], MailSource]) -> Callable[[Path, pytest.FixtureRequest], Opened]:
    def opened(root: Path, request: pytest.FixtureRequest) -> Opened:
        source = make(root)
        return source, lambda: type(source)(root)  # type: ignore[call-arg]

    return opened


def _api(kind: str) -> Callable[[Path, pytest.FixtureRequest], Opened]:
    """A provider's local server holding MAILS; the source signs in through the real flow."""

    def opened(root: Path, request: pytest.FixtureRequest) -> Opened:
        from app.sources.oauth import AccountKind
        from tests.fake_api import FetchBrowser, install_browser, uninstall_browser
        from tests.providers import Harness

        certs = request.getfixturevalue("certs")
        harness = Harness.start(AccountKind(kind), certs)
        browser = FetchBrowser(str(certs.ca_path))
        install_browser(browser)
        request.addfinalizer(harness.stop)
        request.addfinalizer(lambda: uninstall_browser(browser))
        for index, (name, address, subject, body, seen) in enumerate(MAILS):
            harness.add(_raw(name, address, subject, body, index), read=seen)
        harness.add(_raw("ショップ", "shop@example.jp", "Re: ドレスの納期について", "承知いたしました。", 9),
                    read=True, folder="sent")
        _email, secret = harness.sign_in()

        def make() -> MailSource:
            providers = harness.providers()
            if harness.kind is AccountKind.GMAIL:
                from app.sources.gmail import GmailSource

                return GmailSource(providers.google, secret)
            from app.sources.graph import GraphSource

            return GraphSource(providers.microsoft, secret)

        return make(), make

    return opened


SOURCES: dict[str, Callable[[Path, pytest.FixtureRequest], Opened]] = {
    "maildir": _local(make_maildir), "mbox": _local(make_mbox), "gmail": _api("gmail"), "graph": _api("graph"),
}


@pytest.fixture(params=sorted(SOURCES))
def opened(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Opened:
    monkeypatch.setenv("AIZUCHI_DATA_DIR", str(tmp_path / "data"))
    return SOURCES[request.param](tmp_path / "box", request)


@pytest.fixture
def source(opened: Opened) -> MailSource:
    return opened[0]


def _inbox(source: MailSource) -> Folder:
    return next(f for f in source.folders() if f.role is FolderRole.INBOX)


def test_folders_have_inbox_and_sent(source: MailSource) -> None:
    roles = {f.role for f in source.folders()}
    assert FolderRole.INBOX in roles
    assert FolderRole.SENT in roles


def test_headers_list_every_message_with_decoded_fields(source: MailSource) -> None:
    headers = list(source.headers(_inbox(source)))
    assert sorted(h.subject for h in headers) == sorted(m[2] for m in MAILS)
    by_subject = {h.subject: h for h in headers}
    dress = by_subject["ドレスの納期について"]
    assert dress.sender.name == "佐藤 花子"
    assert dress.sender.email == "hanako@example.jp"
    assert dress.date is not None and dress.date.utcoffset() is not None
    assert by_subject["ケーキのアレルギー表示"].seen is True
    assert dress.seen is False
    assert all(h.size > 0 for h in headers)


def test_fetch_returns_the_raw_message(source: MailSource) -> None:
    headers = {h.subject: h for h in source.headers(_inbox(source))}
    raw = source.fetch(headers["再入荷のご予定"].ref)
    assert "いつ入荷しますか".encode() in raw
    assert b"\nFrom now on" in raw.replace(b"\r\n", b"\n")  # escaping undone
    assert b">From now" not in raw


def test_mark_read_persists_for_a_new_source_instance(opened: Opened) -> None:
    source, reopen = opened
    inbox = _inbox(source)
    dress = next(h for h in source.headers(inbox) if h.subject == "ドレスの納期について")
    source.mark_read(dress.ref)
    reopened = reopen()
    again = next(h for h in reopened.headers(inbox) if h.subject == "ドレスの納期について")
    assert again.seen is True
    reopened.mark_read(again.ref, read=False)
    assert next(h for h in reopened.headers(inbox) if h.ref == again.ref).seen is False


def test_unknown_message_raises_not_found(source: MailSource) -> None:
    from app.sources.base import MessageRef

    with pytest.raises(NotFound):
        source.fetch(MessageRef(_inbox(source).id, "no-such-key"))
