"""Point 1: a reply edited after a failed send goes out as the edited one, once; the old
version is retired and never sent, by the agent's next send or by an automatic retry."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from app.mail.compose import outgoing
from app.model import Address, Draft
from app.outbox import OutboxState
from app.session import AccountSession
from app.store.db import Database
from app.store.drafts import load_draft, save_draft
from app.store.mail import MailStore
from tests.faults.ledger import record
from tests.integration.conftest import account_for
from tests.servers import Certs, Dovecot, SmtpBehaviour, SmtpServer

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
OLD_TEXT = "佐藤様\n\n納期は来週です。\n"
NEW_TEXT = "佐藤様\n\n訂正いたします。納期は明日です。\n"


def _session(db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs) -> AccountSession:
    config = account_for(dovecot, smtp)
    MailStore(db).save_account(config)
    return AccountSession(db, config, "secret", ssl_context=certs.client_context(), timeout=5)


def _draft() -> Draft:
    return Draft(message_id="<draft-1@example.jp>", original_id="<customer-0@example.jp>",
                 sender=Address("テスト商店", "alice@example.jp"), to=(Address("佐藤 花子", "old@example.jp"),),
                 cc=(), subject="Re: 納期", body=OLD_TEXT, in_reply_to="<customer-0@example.jp>")


def _retry_all(session: AccountSession) -> None:
    """What the window does after a sync: every waiting item is processed again."""
    for item in session.outbox.attention(session.config.id):
        session.process(item.id)


def _at_server(smtp: SmtpServer) -> list[tuple[list[str], str]]:
    from email import message_from_bytes, policy

    found = []
    for _, rcpts, raw in smtp.messages:
        mail = message_from_bytes(raw, policy=policy.default)
        body = mail.get_body()
        assert body is not None
        found.append((rcpts, str(body.get_content())))
    return found


@pytest.mark.parametrize("failure", ["421 4.3.2 Service not available", "550 5.1.1 No such user"])
def test_edited_reply_after_a_failure_goes_once_with_the_new_text_to_the_new_address(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs, failure: str
) -> None:
    session = _session(db, dovecot, smtp, certs)
    draft = _draft()
    save_draft(db, "shop", draft)
    smtp.handler.behaviour = SmtpBehaviour(reply=failure)
    first = session.send(outgoing(draft, NOW))
    assert first.state in (OutboxState.QUEUED, OutboxState.FAILED)

    # The agent corrects the text and the address, the draft is saved, and sends again.
    edited = replace(draft, to=(Address("佐藤 花子", "new@example.jp"),), body=NEW_TEXT)
    save_draft(db, "shop", edited)
    smtp.handler.behaviour = SmtpBehaviour()
    second = session.send(outgoing(edited, NOW))
    assert second.state is OutboxState.SENT
    assert second.message_id != first.message_id
    _retry_all(session)  # the automatic retry after a sync
    session.process(first.id)  # and the old item, asked for by id

    at_server = _at_server(smtp)
    record(f"edited-resend:{failure.split()[0]}", len(at_server),
           int(load_draft(db, "shop", draft.original_id) is None and second.state is not OutboxState.SENT))
    assert len(at_server) == 1, at_server
    assert at_server[0][0] == ["new@example.jp"]
    assert "明日" in at_server[0][1] and "来週" not in at_server[0][1]
    assert session.outbox.item(first.id).state is OutboxState.RETIRED
    assert load_draft(db, "shop", draft.original_id) is None  # it went: the draft is done with
    session.close()


def test_edited_reply_sent_without_saving_first_is_still_the_new_one(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    session = _session(db, dovecot, smtp, certs)
    draft = _draft()
    smtp.handler.behaviour = SmtpBehaviour(reply="421 4.3.2 Service not available")
    first = session.send(outgoing(draft, NOW))
    smtp.handler.behaviour = SmtpBehaviour()
    edited = replace(draft, to=(Address("", "new@example.jp"),), body=NEW_TEXT)
    second = session.send(outgoing(edited, NOW))
    _retry_all(session)
    assert second.state is OutboxState.SENT
    at_server = _at_server(smtp)
    assert [r for r, _ in at_server] == [["new@example.jp"]]
    assert "明日" in at_server[0][1]
    assert session.outbox.item(first.id).state is OutboxState.RETIRED
    session.close()


def test_an_automatic_retry_never_sends_a_version_the_agent_has_since_changed(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    session = _session(db, dovecot, smtp, certs)
    draft = _draft()
    save_draft(db, "shop", draft)
    smtp.handler.behaviour = SmtpBehaviour(reply="421 4.3.2 Service not available")
    first = session.send(outgoing(draft, NOW))
    assert first.state is OutboxState.QUEUED
    save_draft(db, "shop", replace(draft, body=NEW_TEXT))  # edited, not sent yet
    smtp.handler.behaviour = SmtpBehaviour()
    _retry_all(session)  # a sync finishes: the stale version must not go
    record("edited-before-retry", len(smtp.messages), int(load_draft(db, "shop", draft.original_id) is None))
    assert smtp.messages == []
    assert session.outbox.item(first.id).state is OutboxState.RETIRED
    assert load_draft(db, "shop", draft.original_id) is not None  # the edited text is kept


def test_the_same_reply_sent_twice_unchanged_is_one_mail(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs
) -> None:
    session = _session(db, dovecot, smtp, certs)
    draft = _draft()
    save_draft(db, "shop", draft)
    smtp.handler.behaviour = SmtpBehaviour(reply="421 4.3.2 Service not available")
    first = session.send(outgoing(draft, NOW))
    smtp.handler.behaviour = SmtpBehaviour()
    save_draft(db, "shop", draft)  # saved again unchanged: the item still waits
    later = datetime(2026, 12, 6, 11, 0, tzinfo=UTC)  # another Date header, same mail
    second = session.send(outgoing(draft, later))
    _retry_all(session)
    assert second.id == first.id and second.state is OutboxState.SENT
    record("unchanged-resend", len(smtp.messages))
    assert len(smtp.messages) == 1
