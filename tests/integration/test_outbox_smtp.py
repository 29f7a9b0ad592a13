"""Sending exactly once, against real aiosmtpd and Dovecot: the happy path, 421, 554, a
wrong password, a drop mid-DATA (arrived once or retried once, never twice), and a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from imapclient import IMAPClient

from app.mail.compose import outgoing
from app.mail.outgoing import build_message
from app.model import Address, Draft
from app.outbox import MayHaveArrived, Outbox, OutboxState, SendProblem
from app.session import AccountSession
from app.sources.base import OutgoingMessage
from app.sources.errors import SendOutcomeUnknown
from app.sources.smtp import SmtpSender, dot_stuffed
from app.store.db import Database
from app.store.drafts import load_draft, save_draft
from app.store.mail import MailStore
from tests.integration.conftest import account_for
from tests.servers import Certs, Dovecot, SmtpBehaviour, SmtpServer, japanese_mail

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def _session(db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs) -> AccountSession:
    config = account_for(dovecot, smtp)
    MailStore(db).save_account(config)
    return AccountSession(db, config, "secret", ssl_context=certs.client_context(), timeout=5)


def _reply(subject: str = "Re: ドレスの納期について",
           body: str = "佐藤様\n\nお問い合わせありがとうございます。\n") -> OutgoingMessage:
    return build_message(
        sender=Address("テスト商店", "alice@example.jp"), to=[Address("佐藤 花子", "customer0@example.jp")],
        subject=subject, body=body, in_reply_to="<customer-0@example.jp>", references=["<customer-0@example.jp>"],
    )


def _sent_copies(dovecot: Dovecot, message_id: str) -> int:
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        if not client.folder_exists("Sent"):
            return 0
        client.select_folder("Sent")
        return len(client.search(["HEADER", "Message-ID", message_id]))


def test_dot_stuffing_and_line_ends() -> None:
    assert dot_stuffed(b"a\n.b\r\n..c") == b"a\r\n..b\r\n...c\r\n.\r\n"


def test_reply_sent_once_filed_in_sent_and_original_answered(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    dovecot.add_messages("alice", [japanese_mail(0)])
    session = _session(db, dovecot, smtp, certs)
    session.sync()
    original = session.store.headers("shop", "INBOX")[0].header.ref
    reply = _reply()
    reply = OutgoingMessage(reply.raw, reply.message_id, reply.envelope_from, reply.recipients, replying_to=original)

    item = session.send(reply)
    assert item.state is OutboxState.SENT
    assert item.filed_in_sent and item.original_answered
    # Submitting the same reply again (a double click) is the same item: nothing more goes out.
    again = session.send(reply)
    assert again.id == item.id and again.state is OutboxState.SENT
    assert len(smtp.handler.with_message_id(reply.message_id)) == 1
    assert _sent_copies(dovecot, reply.message_id) == 1
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.select_folder("INBOX")
        assert b"\\Answered" in client.get_flags([int(original.key)])[int(original.key)]
    received = smtp.handler.with_message_id(reply.message_id)[0]
    assert b"In-Reply-To: <customer-0@example.jp>" in received
    session.close()


@pytest.mark.parametrize(
    ("reply", "state", "problem"),
    [
        ("421 4.3.2 Service not available, try later", OutboxState.QUEUED, SendProblem.TEMPORARY),
        ("554 5.7.1 Message rejected as spam", OutboxState.FAILED, SendProblem.REJECTED),
    ],
)
def test_server_refusals_keep_the_item_with_the_reason(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs, reply: str, state: OutboxState,
    problem: SendProblem,
) -> None:
    session = _session(db, dovecot, smtp, certs)
    smtp.handler.behaviour = SmtpBehaviour(reply=reply)
    item = session.send(_reply())
    assert item.state is state and item.problem is problem
    assert reply.split()[0] in item.detail
    assert smtp.messages == []
    assert session.outbox.attention() == [item]
    # The server recovers; the retry sends it, once.
    smtp.handler.behaviour = SmtpBehaviour()
    assert session.process(item.id).state is OutboxState.SENT
    assert len(smtp.messages) == 1
    session.close()


def test_the_draft_stays_while_the_reply_waits_and_goes_once_it_is_sent(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    session = _session(db, dovecot, smtp, certs)
    reply = _reply()
    draft = Draft(message_id=reply.message_id, original_id="<customer-0@example.jp>",
                  sender=Address("テスト商店", "alice@example.jp"), to=(Address("佐藤 花子", "customer0@example.jp"),),
                  cc=(), subject="Re: ドレスの納期について", body="佐藤様\n\nお問い合わせありがとうございます。\n")
    save_draft(db, "shop", draft)
    other = replace(draft, message_id="<another@example.jp>", original_id="<customer-1@example.jp>")
    save_draft(db, "shop", other)

    smtp.handler.behaviour = SmtpBehaviour(reply="421 4.3.2 Service not available, try later")
    item = session.send(reply)
    assert item.state is OutboxState.QUEUED
    assert load_draft(db, "shop", draft.original_id) == draft  # not sent: the draft is kept

    smtp.handler.behaviour = SmtpBehaviour()
    assert session.process(item.id).state is OutboxState.SENT  # sent later, on a retry
    assert load_draft(db, "shop", draft.original_id) is None
    assert load_draft(db, "shop", other.original_id) == other  # only the draft that went out
    session.close()


def test_wrong_password_fails_with_auth(db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs) -> None:
    config = account_for(dovecot, smtp)
    MailStore(db).save_account(config)
    session = AccountSession(db, config, "wrong", ssl_context=certs.client_context(), timeout=5)
    item = session.send(_reply())
    assert item.state is OutboxState.FAILED and item.problem is SendProblem.AUTH
    assert smtp.messages == []


def test_drop_mid_data_is_unknown_and_a_retry_never_sends_twice(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    session = _session(db, dovecot, smtp, certs)
    reply = _reply()

    # 1. The server crashed before queueing: nothing arrived. Unknown; the lookup finds no copy,
    #    so the item waits for the agent, who chooses to send again: it arrives once.
    smtp.handler.behaviour = SmtpBehaviour(drop_after_data=True)
    with pytest.raises(SendOutcomeUnknown):
        session.sender.send(reply)
    item = session.send(reply)
    assert item.state is OutboxState.UNKNOWN and item.problem is SendProblem.OUTCOME_UNKNOWN
    smtp.handler.behaviour = SmtpBehaviour()
    item = session.process(item.id)
    assert item.state is OutboxState.UNKNOWN and item.problem is SendProblem.NOT_IN_SENT
    assert smtp.messages == []
    item = session.process(item.id, resend_unknown=True)
    assert item.state is OutboxState.SENT
    assert len(smtp.handler.with_message_id(reply.message_id)) == 1
    session.close()


def test_drop_after_the_server_queued_it_is_settled_by_the_copy_in_sent(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    # 2. The server took the message (and, like Gmail, filed it in Sent) but the reply was lost.
    session = _session(db, dovecot, smtp, certs)
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.create_folder("Sent")
    reply = _reply()
    smtp.handler.behaviour = SmtpBehaviour(drop_after_data=True, keep_dropped=True,
                                           deliver_to=dovecot.maildir("alice", "Sent"))
    item = session.send(reply)
    assert item.state is OutboxState.UNKNOWN
    smtp.handler.behaviour = SmtpBehaviour()
    item = session.process(item.id)
    assert item.state is OutboxState.SENT
    assert len(smtp.handler.with_message_id(reply.message_id)) == 1
    assert _sent_copies(dovecot, reply.message_id) == 1  # found there: not appended again
    session.close()


def test_two_senders_at_once_send_once(db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs) -> None:
    config = account_for(dovecot, smtp)
    MailStore(db).save_account(config)
    outbox = Outbox(db)
    item = outbox.submit("shop", _reply())
    senders = [SmtpSender(config, "secret", ssl_context=certs.client_context()) for _ in range(4)]
    threads = [threading.Thread(target=outbox.process, args=(item.id, s)) for s in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outbox.item(item.id).state is OutboxState.SENT
    assert len(smtp.messages) == 1


def test_crash_while_sending_is_recovered_as_unknown_then_settled(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs, tmp_path: Path
) -> None:
    """Aizuchi is killed while the server holds the message: after restart it is looked up, not resent."""
    session = _session(db, dovecot, smtp, certs)
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.create_folder("Sent")
    reply = _reply()
    item = session.outbox.submit("shop", reply)
    smtp.handler.behaviour = SmtpBehaviour(drop_after_data=True, keep_dropped=True,
                                           deliver_to=dovecot.maildir("alice", "Sent"))
    # The handler hangs after taking the message; the sending process is killed meanwhile.
    hang = threading.Event()
    original = smtp.handler.handle_DATA

    async def slow_data(server: object, session_: object, envelope: object) -> str:
        hang.set()
        import asyncio

        await asyncio.sleep(30)
        return "451 4.3.0 timed out"

    smtp.handler.handle_DATA = slow_data  # type: ignore[method-assign]
    (tmp_path / "ca.pem").write_bytes(certs.ca_path.read_bytes())
    script = textwrap.dedent(f"""
        import ssl, sys
        sys.path.insert(0, {str(ROOT)!r})
        from app.store.db import Database
        from app.session import AccountSession
        from app.store.mail import MailStore
        db = Database(__import__("pathlib").Path({str(db.path)!r}))
        config = MailStore(db).account("shop")
        ctx = ssl.create_default_context(cafile={str(tmp_path / "ca.pem")!r})
        AccountSession(db, config, "secret", ssl_context=ctx, timeout=60).process({item.id})
    """)
    child = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    try:
        assert hang.wait(30), "the child never reached DATA"
        deadline = time.monotonic() + 10
        while session.outbox.item(item.id).state is not OutboxState.SENDING and time.monotonic() < deadline:
            time.sleep(0.05)
        assert session.outbox.item(item.id).state is OutboxState.SENDING
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(10)
    # The handler's message is now in the server's hands (as a real MTA would have queued it).
    smtp.handler.handle_DATA = original  # type: ignore[method-assign]
    smtp.handler._keep(_Envelope(reply), reply.raw)

    recovered = Outbox(db).recover()
    assert [i.id for i in recovered] == [item.id]
    assert recovered[0].state is OutboxState.UNKNOWN and recovered[0].problem is SendProblem.INTERRUPTED
    smtp.handler.behaviour = SmtpBehaviour()
    settled = session.process(item.id)
    assert settled.state is OutboxState.SENT
    assert len(smtp.handler.with_message_id(reply.message_id)) == 1
    assert _sent_copies(dovecot, reply.message_id) == 1
    session.close()


class _Envelope:
    def __init__(self, message: OutgoingMessage) -> None:
        self.mail_from = message.envelope_from
        self.rcpt_tos = list(message.recipients)


def test_a_twenty_megabyte_reply_goes_out_once(db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs) -> None:
    session = _session(db, dovecot, smtp, certs)
    body = "添付の資料をご確認ください。\n" + ("あ" * 70 + "\n") * (20 * 1024 * 1024 // 211)
    item = session.send(_reply(body=body))
    assert item.state is OutboxState.SENT
    assert len(smtp.messages) == 1 and len(smtp.messages[0][2]) > 20_000_000
    session.close()



def _drafted(body: str) -> Draft:
    return Draft(message_id="<draft-1@example.jp>", original_id="<customer-0@example.jp>",
                 sender=Address("テスト商店", "alice@example.jp"), to=(Address("佐藤 花子", "customer0@example.jp"),),
                 cc=(), subject="Re: 納期", body=body, in_reply_to="<customer-0@example.jp>")


def test_a_changed_reply_after_a_drop_is_not_sent_unasked(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    """The server took the reply but the connection dropped before it said so: the customer has
    it. An edited version (the draft saved, which retires the unknown item) is refused with
    `MayHaveArrived` and nothing recorded; it goes only when the agent says so."""
    session = _session(db, dovecot, smtp, certs)
    first = _drafted("佐藤様\n\n納期は来週です。\n")
    save_draft(db, "shop", first)
    smtp.handler.behaviour = SmtpBehaviour(drop_after_data=True, keep_dropped=True)
    item = session.send(outgoing(first, NOW))
    assert item.state is OutboxState.UNKNOWN and len(smtp.messages) == 1
    smtp.handler.behaviour = SmtpBehaviour()
    edited = replace(first, body="佐藤様\n\n訂正いたします。納期は明日です。\n")
    save_draft(db, "shop", edited)  # the edit retires the unknown item...
    assert session.outbox.item(item.id).state is OutboxState.RETIRED
    before = len(session.outbox.items())
    with pytest.raises(MayHaveArrived) as raised:  # ...and still, the customer may have it
        session.outbox.submit("shop", outgoing(edited, NOW))
    assert raised.value.earlier.id == item.id
    assert len(session.outbox.items()) == before and len(smtp.messages) == 1  # nothing recorded, nothing sent
    # The agent knows it did not arrive after all: the edited one goes, once.
    again = session.outbox.submit("shop", outgoing(edited, NOW), despite_unknown=True)
    assert session.process(again.id).state is OutboxState.SENT
    assert len(smtp.messages) == 2 and len(smtp.handler.with_message_id(again.message_id)) == 1
    session.close()


def test_a_changed_reply_after_a_plain_failure_still_goes_without_asking(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    """A 421 left nothing with the customer: the corrected reply is no second mail, so no question."""
    session = _session(db, dovecot, smtp, certs)
    first = _drafted("佐藤様\n\n納期は来週です。\n")
    save_draft(db, "shop", first)
    smtp.handler.behaviour = SmtpBehaviour(reply="421 4.3.2 Service not available, try later")
    item = session.send(outgoing(first, NOW))
    assert item.state is not OutboxState.SENT and smtp.messages == []
    smtp.handler.behaviour = SmtpBehaviour()
    edited = replace(first, body="佐藤様\n\n訂正いたします。\n")
    save_draft(db, "shop", edited)
    fresh = session.outbox.submit("shop", outgoing(edited, NOW))
    assert session.process(fresh.id).state is OutboxState.SENT and len(smtp.messages) == 1
    session.close()


def test_the_same_reply_submitted_again_after_a_refusal_goes_again(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    """送信 pressed again on a reply the server refused: it waits to go again (nothing reached the
    server, so no second mail), instead of staying 送信失敗 while the composer closes."""
    session = _session(db, dovecot, smtp, certs)
    draft = _drafted("佐藤様\n\n納期は来週です。\n")
    save_draft(db, "shop", draft)
    smtp.handler.behaviour = SmtpBehaviour(reply="554 5.7.1 Message rejected")
    item = session.send(outgoing(draft, NOW))
    assert item.state is OutboxState.FAILED and smtp.messages == []
    smtp.handler.behaviour = SmtpBehaviour()
    again = session.outbox.submit("shop", outgoing(draft, NOW))
    assert again.id == item.id and again.state is OutboxState.QUEUED and again.problem is None
    assert session.process(again.id).state is OutboxState.SENT and len(smtp.messages) == 1


def test_the_same_reply_submitted_again_after_a_drop_is_asked_about_and_looked_for_first(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    session = _session(db, dovecot, smtp, certs)
    draft = _drafted("佐藤様\n\n納期は来週です。\n")
    save_draft(db, "shop", draft)
    smtp.handler.behaviour = SmtpBehaviour(drop_after_data=True, keep_dropped=True)
    item = session.send(outgoing(draft, NOW))
    assert item.state is OutboxState.UNKNOWN and len(smtp.messages) == 1
    smtp.handler.behaviour = SmtpBehaviour()
    with pytest.raises(MayHaveArrived):
        session.outbox.submit("shop", outgoing(draft, NOW))
    assert session.outbox.item(item.id).state is OutboxState.UNKNOWN and len(smtp.messages) == 1
    same = session.outbox.submit("shop", outgoing(draft, NOW), despite_unknown=True)
    assert same.id == item.id and same.state is OutboxState.UNKNOWN  # the caller resends it, Sent first
    assert session.process(same.id, resend_unknown=True).state is OutboxState.SENT
    assert len(smtp.messages) == 2  # not in Sent: the agent's second mail, asked for
