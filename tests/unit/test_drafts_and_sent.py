"""The drafts table (migration 0002) and sending into a local Maildir's Sent folder."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app import paths
from app.identity import DEMO_IDENTITIES
from app.mail.compose import new_reply, outgoing
from app.mail.parse import parse_message
from app.model import Address, Draft
from app.sources.base import Folder, FolderRole, MessageRef
from app.sources.maildir import MaildirSender, MaildirSource
from app.store.db import open_database
from app.store.drafts import delete_draft, draft_originals, load_draft, save_draft

JST = timezone(timedelta(hours=9))


def _draft(body: str = "本文") -> Draft:
    return Draft(
        message_id="<r1@shop.example>",
        original_id="<o1@example.com>",
        sender=Address("店", "shop@example.jp"),
        to=(Address("小野寺 さやか", "sayaka@example.com"),),
        cc=(Address("", "cc@example.com"),),
        subject="Re: 件名",
        body=body,
        in_reply_to="<o1@example.com>",
        references=("<o0@example.com>", "<o1@example.com>"),
        created=datetime(2025, 11, 13, 10, 0, tzinfo=JST),
    )


def test_draft_round_trip_and_upsert(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    assert 2 in db.applied_migrations()
    assert load_draft(db, "box", "<o1@example.com>") is None
    save_draft(db, "box", _draft())
    assert load_draft(db, "box", "<o1@example.com>") == _draft()
    save_draft(db, "box", _draft("書き直し"))
    assert load_draft(db, "box", "<o1@example.com>") == _draft("書き直し")
    assert load_draft(db, "other-box", "<o1@example.com>") is None
    assert draft_originals(db, "box") == {"<o1@example.com>"}
    db.close()
    reopened = open_database(tmp_path / "a.sqlite3")  # survives the process: it is on disk
    assert load_draft(reopened, "box", "<o1@example.com>") == _draft("書き直し")
    delete_draft(reopened, "box", "<o1@example.com>")
    assert load_draft(reopened, "box", "<o1@example.com>") is None


def _demo(tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(paths.DEMO_MAILDIR, target)
    return target


def test_maildir_sender_writes_sent_once_and_marks_answered(tmp_path: Path) -> None:
    root = _demo(tmp_path)
    source = MaildirSource(root)
    inbox = Folder("", "INBOX", FolderRole.INBOX)
    header = next(h for h in source.headers(inbox) if "ドレス" in h.subject)
    message = parse_message(source.fetch(header.ref))
    draft = new_reply(message, DEMO_IDENTITIES[0], datetime.now(JST)).draft
    out = outgoing(draft, datetime.now(JST), header.ref)
    sender = MaildirSender(root)
    assert sender.find_sent(out.message_id) is False
    sender.send(out)
    sender.send(out)  # a retry after an unknown outcome must not duplicate it
    assert sender.find_sent(out.message_id) is True
    copies = [p for p in (root / ".Sent" / "cur").iterdir() if p.read_bytes() == out.raw]
    assert len(copies) == 1 and copies[0].name.endswith(":2,S")
    assert not [p for p in (root / ".Sent" / "tmp").iterdir() if not p.name.startswith(".")]
    source.mark_answered(header.ref)
    source.mark_answered(header.ref)
    names = [p.name for p in (root / "cur").iterdir() if p.name.startswith(header.ref.key + ":")]
    assert len(names) == 1 and names[0].split(":2,")[1].count("R") == 1
    sent_folder = next(f for f in source.folders() if f.role is FolderRole.SENT)
    assert any(h.subject == draft.subject for h in source.headers(sent_folder))


def test_sender_creates_sent_when_missing(tmp_path: Path) -> None:
    root = tmp_path / "box"
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True)
    sender = MaildirSender(root)
    assert sender.find_sent("<x@y>") is False
    out = outgoing(_draft(), datetime.now(JST), MessageRef("", "k"))
    sender.send(out)
    assert sender.find_sent(out.message_id) is True
