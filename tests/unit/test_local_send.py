"""The local route (issue 17's one send path): a Maildir reply goes through the outbox like any other,
exactly once into .Sent with the original flagged answered; an mbox cannot send and records nothing;
a customer mail written into the Maildir after the reply was finished holds it."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from app import paths
from app.clock import FakeClock
from app.holds import CustomerWrote, mail_since, thread_subject
from app.identity import DEMO_IDENTITIES
from app.local_send import CannotSendHere, local_account, local_route
from app.mail.compose import new_reply, outgoing
from app.mail.parse import parse_message
from app.model import Header, OutgoingMessage
from app.outbox import DueKind, HoldReason, Outbox, OutboxState
from app.service_hours import JST
from app.sources.maildir import MaildirSource
from app.store.db import open_database

NOW = datetime(2026, 12, 8, 10, 0, tzinfo=JST)


def _setup(tmp_path: Path) -> tuple[Path, Outbox, FakeClock]:
    demo = tmp_path / "demo"
    shutil.copytree(paths.DEMO_MAILDIR, demo)
    db = open_database(tmp_path / "s.sqlite3")
    clock = FakeClock(NOW)
    return demo, Outbox(db, clock, [CustomerWrote(mail_since(db))]), clock


def _reply(demo: Path) -> tuple[Header, OutgoingMessage]:
    source = MaildirSource(demo)
    inbox = source.folders()[0]
    header = next(h for h in source.headers(inbox) if "ドレス" in h.subject)
    original = parse_message(source.fetch(header.ref))
    draft = new_reply(original, DEMO_IDENTITIES[0], NOW, ref=header.ref).draft
    return header, outgoing(draft, NOW, header.ref)


def _sent(demo: Path) -> list[Path]:
    return [p for sub in ("cur", "new") for p in (demo / ".Sent" / sub).glob("*") if not p.name.startswith(".")]


def test_a_maildir_reply_goes_once_after_its_grace_period(tmp_path: Path) -> None:
    demo, outbox, clock = _setup(tmp_path)
    before = len(_sent(demo))
    header, message = _reply(demo)
    account = local_account(demo)
    item = outbox.submit(account, message, NOW + timedelta(seconds=10), DueKind.UNDO)
    assert outbox.due() == [] and outbox.next_due() == NOW + timedelta(seconds=10)
    assert outbox.deliver(item.id, local_route(account)).state is OutboxState.QUEUED
    clock.advance(timedelta(seconds=10))
    [due] = outbox.due()
    done = outbox.deliver(due.id, local_route(account))
    assert done.state is OutboxState.SENT and done.filed_in_sent and done.original_answered
    assert outbox.deliver(due.id, local_route(account)).state is OutboxState.SENT
    assert len(_sent(demo)) == before + 1
    flags = next(p for p in (demo / "cur").glob(f"{header.ref.key}*")).name.split(":2,")[1]
    assert "R" in flags


def test_an_mbox_cannot_send(tmp_path: Path) -> None:
    mbox = tmp_path / "mail.mbox"
    mbox.write_bytes(b"From a@b Thu Jan  1 00:00:00 2025\nSubject: x\n\nbody\n")
    with pytest.raises(CannotSendHere):
        local_route(local_account(mbox))


def test_a_customer_mail_in_the_maildir_holds_the_reply(tmp_path: Path) -> None:
    demo, outbox, clock = _setup(tmp_path)
    header, message = _reply(demo)
    account = local_account(demo)
    item = outbox.submit(account, message, NOW + timedelta(hours=1), DueKind.CHOSEN)
    assert outbox.check_waiting() == []  # nothing new yet: the demo's mail is all older
    # Our own copy (a Bcc to the shop) does not count; the customer's new mail does.
    customer = header.sender.email
    for sender, name in (("shop@lumiere.example.jp", "1.bcc"), (customer, "2.again")):
        raw = (f"From: {sender}\r\nSubject: Re: {header.subject}\r\n"
               f"Date: {format_datetime(NOW + timedelta(minutes=5))}\r\nMessage-ID: <{name}@x>\r\n"
               "Content-Type: text/plain; charset=utf-8\r\n\r\nもう一つ質問です\r\n").encode()
        (demo / "new" / name).write_bytes(raw)
        held = outbox.check_waiting()
        if sender != customer:
            assert held == []
    assert [h.id for h in held] == [item.id]
    assert held[0].hold is not None and held[0].hold.reason is HoldReason.CUSTOMER_WROTE
    assert held[0].hold.ref is not None and held[0].hold.ref.key == "2.again"
    clock.advance(timedelta(hours=2))
    assert outbox.deliver(item.id, local_route(account)).state is OutboxState.HELD


def test_thread_subject_folds_prefixes_and_width() -> None:
    assert thread_subject("Re: RE: Ｆｗｄ: ドレスの件") == thread_subject("ドレスの件") == "ドレスの件"
    assert thread_subject("Re[2]: 在庫") == "在庫"
