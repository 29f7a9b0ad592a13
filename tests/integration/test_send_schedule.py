"""Issue 19, done-when: sending at the right time, against the real aiosmtpd and Dovecot, with a
clock the test moves (no sleeps). A reply finished on Sunday night leaves once at Monday 9:00 and
not before; a cancelled one never leaves; one due while Aizuchi was closed leaves once at the next
start (and says it went late); a customer mail arriving first holds it; an undo in the grace
period stops it. In team mode (the real PostgreSQL test server), a waiting reply is held when a
teammate's reply to the same mail was recorded after it was submitted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from app.clock import FakeClock
from app.holds import CustomerWrote, mail_since
from app.mail.outgoing import build_message
from app.model import Address, OutgoingMessage
from app.outbox import DueKind, HoldReason, Outbox, OutboxState
from app.service_hours import JST, ServiceHours
from app.session import AccountSession
from app.store.db import Database, open_database
from app.store.mail import MailStore
from app.team.room import TeammateReplied, TeamRoom, open_room
from tests.integration.conftest import account_for
from tests.postgres import fresh_database
from tests.servers import Certs, Dovecot, SmtpServer, japanese_mail

SUNDAY_NIGHT = datetime(2026, 12, 6, 22, 40, tzinfo=JST)
MONDAY_9 = datetime(2026, 12, 7, 9, 0, tzinfo=JST)


def _open(db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs, clock: FakeClock) -> AccountSession:
    config = account_for(dovecot, smtp)
    MailStore(db).save_account(config)
    outbox = Outbox(db, clock, [CustomerWrote(mail_since(db))])
    return AccountSession(db, config, "secret", ssl_context=certs.client_context(), timeout=5, outbox=outbox)


def _reply(session: AccountSession) -> OutgoingMessage:
    original = session.store.headers("shop", "INBOX")[0].header.ref
    built = build_message(
        sender=Address("テスト商店", "alice@example.jp"), to=[Address("佐藤 花子", "customer0@example.jp")],
        subject="Re: ドレスの納期について", body="佐藤様\n\nお問い合わせありがとうございます。\n",
        in_reply_to="<customer-0@example.jp>", references=["<customer-0@example.jp>"],
    )
    return OutgoingMessage(built.raw, built.message_id, built.envelope_from, built.recipients, replying_to=original)


def _send_due(session: AccountSession) -> list[OutboxState]:
    """What the window's send service does on each tick: every due item along its route."""
    return [session.outbox.deliver(item.id, session.route).state for item in session.outbox.due()]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(SUNDAY_NIGHT)


@pytest.fixture
def session(db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs, clock: FakeClock) -> AccountSession:
    dovecot.add_messages("alice", [japanese_mail(0)])
    opened = _open(db, dovecot, smtp, certs, clock)
    opened.sync()
    return opened


def _schedule_for_hours(session: AccountSession, clock: FakeClock) -> int:
    due = ServiceHours().next_opening(clock.now())
    assert due == MONDAY_9  # Sunday is closed: the next opening is Monday 9:00
    return session.outbox.submit("shop", _reply(session), due, DueKind.HOURS).id


def test_sunday_night_reply_goes_once_at_monday_nine_not_before(
    session: AccountSession, smtp: SmtpServer, clock: FakeClock
) -> None:
    item_id = _schedule_for_hours(session, clock)
    message_id = session.outbox.item(item_id).message_id
    assert session.outbox.item(item_id).scheduled
    for at in (SUNDAY_NIGHT + timedelta(minutes=1), datetime(2026, 12, 7, 8, 59, 59, tzinfo=JST)):
        clock.set(at)
        assert _send_due(session) == []
        # Even asked directly (a retry, an account coming online), it does not leave early.
        assert session.process(item_id).state is OutboxState.QUEUED
    assert smtp.handler.with_message_id(message_id) == []

    clock.set(MONDAY_9)
    assert _send_due(session) == [OutboxState.SENT]
    clock.advance(timedelta(minutes=5))
    assert _send_due(session) == []
    assert session.process(item_id).state is OutboxState.SENT
    assert len(smtp.handler.with_message_id(message_id)) == 1
    sent = session.outbox.item(item_id)
    assert sent.sent_at == MONDAY_9 and sent.late_by is None


def test_cancelled_reply_is_never_sent(session: AccountSession, smtp: SmtpServer, clock: FakeClock) -> None:
    item_id = _schedule_for_hours(session, clock)
    assert session.outbox.cancel(item_id) is not None
    clock.set(MONDAY_9 + timedelta(hours=1))
    assert _send_due(session) == []
    assert session.process(item_id).state is OutboxState.RETIRED
    assert smtp.handler.messages == []


def test_closed_over_the_scheduled_time_sends_once_at_next_start(
    tmp_path: Path, dovecot: Dovecot, smtp: SmtpServer, certs: Certs, clock: FakeClock
) -> None:
    dovecot.add_messages("alice", [japanese_mail(0)])
    path = tmp_path / "store.sqlite3"
    first = _open(open_database(path), dovecot, smtp, certs, clock)
    first.sync()
    item_id = _schedule_for_hours(first, clock)
    message_id = first.outbox.item(item_id).message_id
    first.close()
    first.outbox.db.close()  # Aizuchi is closed over Monday 9:00

    clock.set(datetime(2026, 12, 7, 10, 30, tzinfo=JST))
    for _start in (1, 2):  # the next start, and one more: the reply goes out once in all
        db = open_database(path)
        again = _open(db, dovecot, smtp, certs, clock)
        again.outbox.recover()
        _send_due(again)
        again.close()
        db.close()
    assert len(smtp.handler.with_message_id(message_id)) == 1
    sent = Outbox(open_database(path), clock).item(item_id)
    assert sent.state is OutboxState.SENT
    assert sent.late_by == timedelta(hours=1, minutes=30)  # the window tells the agent it went late


def test_customer_mail_arriving_first_holds_the_reply(
    session: AccountSession, dovecot: Dovecot, smtp: SmtpServer, clock: FakeClock
) -> None:
    item_id = _schedule_for_hours(session, clock)
    # Monday 8:12: the customer writes again (a different subject, the same address).
    written = datetime(2026, 12, 7, 8, 12, tzinfo=JST)
    again = japanese_mail(0, subject="追加の質問です", message_id="<customer-0-again@example.jp>").replace(
        b"Date: Mon, 1 Dec 2025 00:00:00 +0900", f"Date: {format_datetime(written)}".encode())
    dovecot.add_messages("alice", [again])
    clock.set(datetime(2026, 12, 7, 8, 30, tzinfo=JST))
    session.sync()
    [held] = session.outbox.check_waiting()  # new mail came in: the 予約 is held at once
    assert held.id == item_id and held.state is OutboxState.HELD
    assert held.hold is not None and held.hold.reason is HoldReason.CUSTOMER_WROTE
    assert held.hold.subject == "追加の質問です" and held.hold.at == written and held.hold.ref is not None

    clock.set(MONDAY_9 + timedelta(hours=2))
    assert _send_due(session) == []
    assert session.process(item_id).state is OutboxState.HELD
    assert smtp.handler.messages == []


def test_customer_mail_found_at_send_time_holds_too(
    session: AccountSession, dovecot: Dovecot, smtp: SmtpServer, clock: FakeClock
) -> None:
    """No check after the sync ran: the guard just before sending finds it (same thread, other address)."""
    item_id = _schedule_for_hours(session, clock)
    written = datetime(2026, 12, 7, 7, 5, tzinfo=JST)
    other = japanese_mail(3, subject="Re: ドレスの納期について", message_id="<from-phone@example.jp>").replace(
        b"Date: Mon, 4 Dec 2025 03:03:00 +0900", f"Date: {format_datetime(written)}".encode())
    dovecot.add_messages("alice", [other])
    session.sync()
    clock.set(MONDAY_9)
    assert _send_due(session) == [OutboxState.HELD]
    assert smtp.handler.messages == []
    # The agent looked and sends it after all: released, it goes once; the mail already seen holds no more.
    assert session.outbox.release(item_id)
    assert _send_due(session) == [OutboxState.SENT]
    assert len(smtp.handler.messages) == 1


def test_undo_within_the_grace_period_sends_nothing(
    session: AccountSession, smtp: SmtpServer, clock: FakeClock
) -> None:
    clock.set(MONDAY_9 + timedelta(hours=1))
    item = session.outbox.submit("shop", _reply(session), clock.now() + timedelta(seconds=10), DueKind.UNDO)
    assert item.undoable
    clock.advance(timedelta(seconds=6))
    assert _send_due(session) == []
    assert session.outbox.cancel(item.id) is not None
    clock.advance(timedelta(seconds=30))
    assert _send_due(session) == []
    assert smtp.handler.messages == []


def test_undo_too_late_changes_nothing(session: AccountSession, smtp: SmtpServer, clock: FakeClock) -> None:
    clock.set(MONDAY_9 + timedelta(hours=1))
    item = session.outbox.submit("shop", _reply(session), clock.now() + timedelta(seconds=10), DueKind.UNDO)
    clock.advance(timedelta(seconds=10))
    assert _send_due(session) == [OutboxState.SENT]
    assert session.outbox.cancel(item.id) is None  # already gone: the window says so
    assert len(smtp.handler.messages) == 1


# -- team mode: a teammate answered the same mail while the reply waited ------------------------------
ORIGINAL = "<customer-0@example.jp>"  # what `_reply` answers (its In-Reply-To)


@pytest.fixture
def rooms(postgres_url: str, request: pytest.FixtureRequest) -> Iterator[tuple[TeamRoom, TeamRoom]]:
    """(ours, the teammate's): two clients on a team database of the test's own."""
    url = fresh_database(postgres_url, f"guard{abs(hash(request.node.nodeid)) % 10**8}")
    ours, theirs = open_room(url, "鈴木"), open_room(url, "佐藤")
    yield ours, theirs
    ours.close()
    theirs.close()


@pytest.fixture
def team_session(db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs,
                 rooms: tuple[TeamRoom, TeamRoom]) -> tuple[AccountSession, FakeClock]:
    """The session with the team guard in its outbox, on a clock that starts at the real time: the
    team's record is stamped with the server's clock, and the item's submission with ours."""
    dovecot.add_messages("alice", [japanese_mail(0)])
    clock = FakeClock(datetime.now(UTC))
    opened = _open(db, dovecot, smtp, certs, clock)
    opened.outbox.guards.append(TeammateReplied(rooms[0]))
    opened.sync()
    return opened, clock


def test_team_a_scheduled_reply_is_held_when_a_teammate_replied_meanwhile(
    team_session: tuple[AccountSession, FakeClock], rooms: tuple[TeamRoom, TeamRoom], smtp: SmtpServer
) -> None:
    session, clock = team_session
    item_id = session.outbox.submit("shop", _reply(session), clock.now() + timedelta(hours=1), DueKind.CHOSEN).id
    assert session.outbox.check_waiting() == []  # nobody has answered: it waits
    rooms[1].record_reply(ORIGINAL, "<reply-sato@shop.example>", "Re: ドレスの納期について",
                          "佐藤様\n\n本日発送いたしました。\n")
    clock.advance(timedelta(hours=1))
    assert _send_due(session) == [OutboxState.HELD]
    held = session.outbox.item(item_id)
    assert held.hold is not None and held.hold.reason is HoldReason.TEAMMATE_REPLIED
    assert (held.hold.sender, held.hold.subject, held.hold.message_id) == (
        "佐藤", "Re: ドレスの納期について", "<reply-sato@shop.example>")
    clock.advance(timedelta(hours=1))
    assert _send_due(session) == [] and session.process(item_id).state is OutboxState.HELD
    assert smtp.handler.messages == []  # not sent: the agent decides


def test_team_the_undo_window_and_new_mail_check_hold_it_too(
    team_session: tuple[AccountSession, FakeClock], rooms: tuple[TeamRoom, TeamRoom], smtp: SmtpServer
) -> None:
    session, clock = team_session
    item = session.outbox.submit("shop", _reply(session), clock.now() + timedelta(seconds=10), DueKind.UNDO)
    rooms[1].record_reply(ORIGINAL, "<reply-sato@shop.example>", "Re: ドレスの納期について", "発送しました。")
    [held] = session.outbox.check_waiting()  # new mail came in: the guards look at every waiting item
    assert held.id == item.id and held.hold is not None and held.hold.reason is HoldReason.TEAMMATE_REPLIED
    clock.advance(timedelta(seconds=30))
    assert _send_due(session) == []
    assert smtp.handler.messages == []


def test_team_without_a_teammate_reply_the_scheduled_reply_goes_once(
    team_session: tuple[AccountSession, FakeClock], rooms: tuple[TeamRoom, TeamRoom], smtp: SmtpServer
) -> None:
    session, clock = team_session
    # The teammate's reply to another mail, and our own recorded reply to this one, hold nothing.
    rooms[1].record_reply("<another@example.jp>", "<reply-sato@shop.example>", "Re: 別件", "別件です。")
    item_id = session.outbox.submit("shop", _reply(session), clock.now() + timedelta(hours=1), DueKind.CHOSEN).id
    message_id = session.outbox.item(item_id).message_id
    rooms[0].record_reply(ORIGINAL, "<reply-ours-earlier@shop.example>", "Re: ドレスの納期について", "前の返信")
    clock.advance(timedelta(hours=1))
    assert _send_due(session) == [OutboxState.SENT]
    clock.advance(timedelta(minutes=5))
    assert _send_due(session) == []
    assert len(smtp.handler.with_message_id(message_id)) == 1


def test_team_a_teammate_reply_before_submitting_or_releasing_holds_nothing(
    team_session: tuple[AccountSession, FakeClock], rooms: tuple[TeamRoom, TeamRoom], smtp: SmtpServer
) -> None:
    """The composer already asked before 送信, and the agent chose to send: that reply is not news."""
    session, clock = team_session
    rooms[1].record_reply(ORIGINAL, "<reply-sato@shop.example>", "Re: ドレスの納期について", "発送しました。")
    clock.set(datetime.now(UTC))  # submitted after the teammate's reply was recorded
    item_id = session.outbox.submit("shop", _reply(session), clock.now() + timedelta(hours=1), DueKind.CHOSEN).id
    rooms[1].record_reply(ORIGINAL, "<reply-sato-2@shop.example>", "Re: ドレスの納期について", "追記です。")
    clock.advance(timedelta(hours=1))
    assert _send_due(session) == [OutboxState.HELD]  # the second one came after: held
    assert session.outbox.release(item_id)  # the agent looked and sends it after all
    assert _send_due(session) == [OutboxState.SENT]
    assert len(smtp.handler.messages) == 1
