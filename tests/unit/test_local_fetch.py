"""Fetching one message of a local mailbox costs one file, not a listing or a scan of the folder.

Maildir: the key → file name index survives another program moving the mail
from `new/` to `cur/` or changing its flags between the listing and the fetch.
mbox: the key is the message's offset; fetch seeks there and reads that message.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app.sources.base import Folder, FolderRole, MessageRef
from app.sources.errors import NotFound
from app.sources.maildir import INBOX_ID, MaildirSource
from app.sources.mbox import MboxSource

INBOX = Folder(id=INBOX_ID, name="INBOX", role=FolderRole.INBOX)


def _mail(number: int) -> bytes:
    return (
        f"From: customer{number}@example.jp\nSubject: mail {number}\n"
        f"Message-ID: <m{number}@example.jp>\n\nbody {number}\n"
    ).encode()


def _maildir(root: Path, count: int) -> Path:
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True)
    for number in range(count):
        if number % 2:
            (root / "cur" / f"{1000 + number}.M{number}.host:2,S").write_bytes(_mail(number))
        else:
            (root / "new" / f"{1000 + number}.M{number}.host").write_bytes(_mail(number))
    return root


class _Listings:
    """Counts directory listings (os.listdir, os.scandir) while installed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        for name in ("listdir", "scandir"):
            monkeypatch.setattr(os, name, self._counting(getattr(os, name)))

    def _counting(self, real: Callable[..., object]) -> Callable[..., object]:
        def spy(*args: object, **kwargs: object) -> object:
            self.count += 1
            return real(*args, **kwargs)

        return spy


def test_maildir_fetch_lists_the_folder_at_most_once_not_once_per_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = 300
    source = MaildirSource(_maildir(tmp_path / "md", count))
    keys = [h.ref.key for h in source.headers(INBOX)]
    assert len(keys) == count
    listings = _Listings(monkeypatch)
    for key in keys:
        assert source.fetch(MessageRef(INBOX_ID, key)).startswith(b"From: customer")
    assert listings.count == 0  # the listing above already knows every file

    fresh = MaildirSource(tmp_path / "md")  # never listed: the first fetch lists once, the rest none
    for key in keys:
        fresh.fetch(MessageRef(INBOX_ID, key))
    assert listings.count <= 2  # one listing is new/ and cur/


def test_maildir_fetch_follows_a_mail_moved_to_cur_or_reflagged_after_the_listing(tmp_path: Path) -> None:
    root = _maildir(tmp_path / "md", 4)
    source = MaildirSource(root)
    headers = {h.subject: h for h in source.headers(INBOX)}
    in_new = headers["mail 0"].ref
    in_cur = headers["mail 1"].ref

    # Another mail program reads mail 0 (new/ → cur/ with :2,S) and answers mail 1 (S → RS).
    old = root / "new" / f"{in_new.key}"
    os.rename(old, root / "cur" / f"{in_new.key}:2,S")
    os.rename(root / "cur" / f"{in_cur.key}:2,S", root / "cur" / f"{in_cur.key}:2,RS")
    assert source.fetch(in_new) == _mail(0)
    assert source.fetch(in_cur) == _mail(1)
    assert source.answered_keys(INBOX) == {in_cur.key}

    # Our own flag change keeps the index right: the next fetch finds the renamed file at once.
    source.mark_read(in_new, False)
    assert (root / "cur" / f"{in_new.key}:2,").exists()
    assert source.fetch(in_new) == _mail(0)

    (root / "cur" / f"{in_new.key}:2,").unlink()
    with pytest.raises(NotFound):
        source.fetch(in_new)
    with pytest.raises(NotFound):
        source.fetch(MessageRef(INBOX_ID, "no-such-key"))


def _mbox(path: Path, count: int) -> Path:
    parts = []
    for number in range(count):
        body = _mail(number)
        if number == 1:
            body += b">From the shop, with thanks\n"  # mboxrd quoting of a body line
        parts.append(b"From customer@example.jp Mon Dec  1 10:00:00 2025\n" + body + b"\n")
    path.write_bytes(b"".join(parts))
    return path


def test_mbox_fetch_seeks_to_the_message_and_never_reads_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = MboxSource(_mbox(tmp_path / "inbox.mbox", 50))
    folder = source.folders()[0]
    headers = list(source.headers(folder))
    assert len(headers) == 50

    def whole_file(self: Path) -> bytes:
        raise AssertionError(f"fetch read the whole of {self}")

    monkeypatch.setattr(Path, "read_bytes", whole_file)
    for number, header in enumerate(headers):
        raw = source.fetch(header.ref)
        expected = _mail(number) + (b"From the shop, with thanks\n" if number == 1 else b"") + b"\n"
        assert raw == expected
    for bogus in ("0", "3", str(int(headers[1].ref.key) + 1), "x", "999999999"):
        with pytest.raises(NotFound):
            source.fetch(MessageRef(folder.id, bogus))


def test_mbox_fetch_reads_a_message_larger_than_one_chunk(tmp_path: Path) -> None:
    big = b"From: a@example.jp\nSubject: big\n\n" + b"x" * 70000 + b" From mid-line is no separator\n"
    path = tmp_path / "big.mbox"
    separator = b"From a@example.jp Mon Dec  1 10:00:00 2025\n"
    path.write_bytes(separator + big + b"\n" + separator + _mail(2))
    source = MboxSource(path)
    first, second = list(source.headers(source.folders()[0]))
    assert source.fetch(first.ref) == big + b"\n"
    assert source.fetch(second.ref) == _mail(2)
