"""The outbox: every reply is sent once, or the agent knows exactly why not.

Owns the send state machine::

    queued ──► sending ──► sent
      ▲          │
      │          ├──► queued   (network down, 4xx: try again later — 「送信待ち」)
      │          ├──► failed   (wrong password, 5xx — 「送信失敗」, the agent fixes and retries)
      │          └──► unknown  (dropped after the data went out, or a crash — 「送信状態不明」)
      └───────── retry

Rules that make "never twice" hold:

- An item is written (bytes, Message-ID, recipients) *before* anything is sent, and
  the Message-ID is the item's identity: submitting the same reply again returns
  the same item.
- Only one caller at a time can move an item to `sending` (a compare-and-set in
  the store), so two clicks or two threads cannot send it twice.
- `sent` is recorded as soon as the server accepted; filing a copy in Sent and
  flagging the original \\Answered are follow-ups, retried on their own, never a
  reason to send again.
- An `unknown` item (and one left in `sending` by a crash: `recover()`) is first
  looked up by its Message-ID in Sent (`MailSender.find_sent`). Found: it is sent.
  Not found: it stays unknown until the agent explicitly chooses to send again
  (`resend_unknown=True`); plain SMTP servers file nothing themselves, so "not in
  Sent" does not prove the customer did not get it. The same Message-ID goes out
  again, which lets the customer's mail program merge a duplicate.
- A reply edited after a failed send is a *new* item under a new Message-ID; the old
  one is `retired` and never sent (`submit`). Saving a changed draft retires the item
  still waiting from its earlier version (`app.store.drafts.save_draft`), so an automatic
  retry never sends what the agent has since corrected. Unchanged, the same item is
  returned (a double click is one mail).

When it may leave (issue 19) is outbox state too, not a timer in the window:

- `due_at` says "not before": the grace period after 送信 (`DueKind.UNDO`, undone by
  `cancel`), the shop's next opening (`DueKind.HOURS`), or a time the agent chose.
  `process` leaves an item alone until its time, and `due` lists what has come due,
  so an item whose time passed while Aizuchi was closed goes at the next start, once
  (its `late_by` lets the window say it went late).
- **Send guards** (`SendGuard`) are consulted just before the item is handed to the
  sender (and by `check_waiting`, as soon as new mail is in): a guard returning a
  `Hold` moves the item to `held` with the reason, and nothing is sent until the
  agent opens it again. `app.holds.CustomerWrote` holds a reply when the customer
  wrote again; team mode adds its own guard (a teammate replied meanwhile).
- `cancel`, `hold` and `claim` are compare-and-sets on the state: an undo a moment too
  late finds the item `sending` and changes nothing, so "undone" and "sent" never both
  happen.

The draft itself belongs to the composer; the outbox keeps the final bytes, so
nothing the agent wrote is lost whatever happens here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.parser import BytesHeaderParser
from email.policy import compat32
from enum import StrEnum
from typing import Any, Protocol

from app import instance
from app.clock import Clock, default_clock
from app.mail.headers import read_summary
from app.mail.outgoing import make_message_id, message_id_domain, with_message_id
from app.model import MessageRef, OutgoingMessage
from app.sources.base import MailSender
from app.sources.errors import (
    AuthExpired,
    NetworkDown,
    ReadOnlyMailbox,
    SendOutcomeUnknown,
    ServerRejected,
    SourceError,
)
from app.store.db import Database
from app.store.drafts import delete_sent_draft
from app.store.outbox import OutboxTable, iso_utc, outgoing_of

log = logging.getLogger(__name__)
# A reply that left this much later than its due time went "late": the app was closed (or the
# account offline) at that time, and the window says so.
LATE_AFTER = timedelta(minutes=2)


class OutboxState(StrEnum):
    QUEUED = "queued"      # 送信待ち
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"      # 送信失敗
    UNKNOWN = "unknown"    # 送信状態不明
    RETIRED = "retired"    # the draft was changed after this version: never sent (issue 14)
    HELD = "held"          # 保留: a send guard stopped it (the customer wrote again…); the agent reopens it


class SendProblem(StrEnum):
    """Why an item is not sent (yet); the UI words each one."""

    NETWORK = "network"                  # could not reach the server; nothing left
    TEMPORARY = "temporary"              # 4xx: the server asks to retry later
    REJECTED = "rejected"                # 5xx: refused (address, size, spam…)
    AUTH = "auth"                        # password refused
    OUTCOME_UNKNOWN = "outcome_unknown"  # connection lost after the message went out
    INTERRUPTED = "interrupted"          # Aizuchi stopped while sending
    CANNOT_CHECK = "cannot_check"        # Sent could not be searched to settle an unknown
    NOT_IN_SENT = "not_in_sent"          # searched: no copy in Sent; the agent decides
    UNEXPECTED = "unexpected"
    READ_ONLY = "read_only"              # a local mailbox could not be written: nothing was sent
    REPLACED = "replaced"                # retired: the agent sent an edited version instead
    EDITED = "edited"                    # retired: the draft was changed after this version
    CANCELLED = "cancelled"              # retired: the agent took it back (undo, a cancelled 予約, reopened)


class RefusalKind(StrEnum):
    """What a server's refusal (`SendProblem.REJECTED`) was about: what the agent can do next differs."""

    ADDRESS = "address"  # a recipient was refused (550/551/553, 5.1.x): check the address
    SIZE = "size"        # the message is too large (552, 5.3.4): a smaller attachment
    OTHER = "other"      # spam filter, policy…: the server's words say why


@dataclass(frozen=True, slots=True)
class Refusal:
    kind: RefusalKind
    code: int          # the server's reply code (0 when it gave none)
    recipient: str     # the refused address, for ADDRESS when the server named it by RCPT
    reply: str         # the server's own words, without the code


_REFUSED_RECIPIENT = re.compile(r"^(?P<recipient>[^\s:@]+@[^\s:]+): (?P<reply>.*)$", re.DOTALL)
_ENHANCED = re.compile(r"^(?P<status>[245]\.\d{1,3}\.\d{1,3})\b")
_TOO_LARGE = re.compile(r"too (?:much|big|large)|size|exceed", re.IGNORECASE)


def refusal_of(detail: str) -> Refusal:
    """The refusal an item's `detail` records (`"552 Error: Too much mail data"`; a refused
    recipient as `"550 c@example.jp: 5.1.1 mailbox unavailable"`, as `app.sources.smtp` words it)."""
    code_text, _, rest = detail.strip().partition(" ")
    code = int(code_text) if code_text.isdigit() and len(code_text) == 3 else 0
    reply = rest if code else detail.strip()
    recipient = ""
    named = _REFUSED_RECIPIENT.match(reply)
    if named is not None:
        recipient, reply = named["recipient"], named["reply"]
    status = _ENHANCED.match(reply)
    enhanced = status["status"] if status is not None else ""
    # The enhanced status (RFC 3463) says what the basic code only hints at: 550 5.7.1 is a policy.
    if enhanced in ("5.3.4", "5.2.3") or (not enhanced and (code == 552 or _TOO_LARGE.search(reply))):
        kind = RefusalKind.SIZE
    elif enhanced.startswith("5.1.") or (not enhanced and (recipient or code in (550, 551, 553))):
        kind = RefusalKind.ADDRESS
    else:
        kind = RefusalKind.OTHER
    return Refusal(kind, code, recipient, reply.strip())


class DueKind(StrEnum):
    """Why an item waits before it may leave."""

    NOW = ""            # at once
    UNDO = "undo"       # the grace period after 送信: 「送信を取り消す」 is still possible
    HOURS = "hours"     # outside the shop's service hours: the next opening (予約)
    CHOSEN = "chosen"   # a time the agent set in the outbox (予約)


class HoldReason(StrEnum):
    """Why a send guard held an item; the window words each one."""

    CUSTOMER_WROTE = "customer_wrote"      # a new mail from the same customer arrived first
    TEAMMATE_REPLIED = "teammate_replied"  # team mode: someone else answered the same mail meanwhile


@dataclass(frozen=True, slots=True)
class Hold:
    """A guard's verdict: do not send; here is what the agent should look at."""

    reason: HoldReason
    sender: str = ""                 # who wrote (the customer) or answered (the teammate), as shown
    subject: str = ""
    at: datetime | None = None       # when that mail was dated / that reply was sent
    ref: MessageRef | None = None    # the mail to open (the customer's new one), when in this mailbox
    message_id: str = ""             # its Message-ID (a teammate's reply, the customer's mail)

    def to_json(self) -> str:
        return json.dumps({
            "sender": self.sender, "subject": self.subject, "at": self.at.isoformat() if self.at else None,
            "folder": self.ref.folder_id if self.ref else None, "key": self.ref.key if self.ref else None,
            "message_id": self.message_id,
        }, ensure_ascii=False)

    @classmethod
    def from_row(cls, reason: str, detail: str) -> Hold | None:
        try:
            kind = HoldReason(reason)
            data: dict[str, Any] = json.loads(detail) if detail else {}
        except ValueError:
            return None
        ref = MessageRef(str(data["folder"]), str(data["key"])) if data.get("key") is not None else None
        at = datetime.fromisoformat(data["at"]) if data.get("at") else None
        return cls(kind, str(data.get("sender", "")), str(data.get("subject", "")), at, ref,
                   str(data.get("message_id", "")))


# The pre-send check point: called with the item just before it is handed to the sender (and
# on every waiting item when new mail came in). None lets it go; a `Hold` keeps it back. A guard
# runs on the worker thread that sends, may read the store or a server, and must not send itself.
# A guard that raises is logged and does not stop the mail (a guard that must fail closed returns
# a Hold instead).
SendGuard = Callable[["OutboxItem"], Hold | None]


class SentFiler(Protocol):
    """What happens after a send: a copy in Sent, the original flagged answered."""

    def append_sent(self, raw: bytes) -> None: ...

    def mark_answered(self, ref: MessageRef) -> None: ...


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    account_id: str
    message_id: str
    state: OutboxState
    problem: SendProblem | None
    detail: str                 # the server's own words, when it said something
    attempts: int
    subject: str
    recipients: tuple[str, ...]
    replying_to: MessageRef | None
    filed_in_sent: bool
    original_answered: bool
    created_at: datetime
    sent_at: datetime | None
    sender: str = ""                       # the envelope sender: which identity's service hours apply
    in_reply_to: str = ""                  # the Message-ID of the mail it answers
    due_at: datetime | None = None         # not before this (None: at once)
    due_kind: DueKind = DueKind.NOW
    checked_since: datetime | None = None  # customer mail dated after this holds it
    hold: Hold | None = None               # why it is held (state HELD)

    @property
    def needs_attention(self) -> bool:
        return self.state in (OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNKNOWN, OutboxState.HELD)

    @property
    def scheduled(self) -> bool:
        """予約: waiting for a time of the shop's (or the agent's) choosing."""
        return self.state is OutboxState.QUEUED and self.due_kind in (DueKind.HOURS, DueKind.CHOSEN)

    @property
    def undoable(self) -> bool:
        """In its grace period: 「送信を取り消す」 still takes it back.

        Once a send was tried (the grace period is over and the server was asked), the item is a
        waiting or failed reply, no longer one being taken back: its failure is what the window shows."""
        return (self.state is OutboxState.QUEUED and self.due_kind is DueKind.UNDO and self.attempts == 0
                and self.problem is None)

    @property
    def late_by(self) -> timedelta | None:
        """How much later than its time it went, when that is worth telling: Aizuchi was closed
        at its 予約 (or during its grace period, and the reply went at the next start)."""
        if self.state is not OutboxState.SENT or self.sent_at is None or self.due_at is None:
            return None
        late = self.sent_at - self.due_at
        return late if late > LATE_AFTER else None


class MayHaveArrived(Exception):
    """A changed version of a reply is submitted while an earlier one went out with no word back
    (`unknown`, or retired while unknown): the customer may already have it. Nothing was recorded;
    the agent decides, and `submit(..., despite_unknown=True)` sends the new one."""

    def __init__(self, earlier: OutboxItem) -> None:
        super().__init__(f"an earlier version (item {earlier.id}) may have reached the customer")
        self.earlier = earlier


@dataclass(frozen=True, slots=True)
class Route:
    """How an account's items leave: the sender, what follows a send, and whether the server
    files its own copy in Sent (Gmail, Graph, a local Maildir whose delivery *is* the copy)."""

    sender: MailSender
    filer: SentFiler | None = None
    server_saves_sent: bool = False


def _content_hash(raw: bytes) -> str:
    """The bytes as the customer reads them: every header but Date and Message-ID, and the body."""
    head, _, body = raw.replace(b"\r\n", b"\n").partition(b"\n\n")
    fields: list[bytes] = []
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += line
        else:
            fields.append(line)
    kept = [f for f in fields if not f.lower().startswith((b"date:", b"message-id:"))]
    return hashlib.sha256(b"\n".join(kept) + b"\n\n" + body).hexdigest()


def _same_mail(row: sqlite3.Row, message: OutgoingMessage) -> bool:
    """Is `message` the mail the item already holds (the same reply submitted again)?"""
    if tuple(json.loads(row["recipients"])) != message.recipients or row["envelope_from"] != message.envelope_from:
        return False
    if row["draft_key"] and message.draft_key:
        return bool(row["draft_key"] == message.draft_key)
    return _content_hash(bytes(row["raw"])) == _content_hash(message.raw)


def _in_reply_to(raw: bytes) -> str:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    value = BytesHeaderParser(policy=compat32).parsebytes(head + b"\n\n").get("In-Reply-To", "")
    return " ".join(str(value).split())


def _time(text: object) -> datetime | None:
    return datetime.fromisoformat(str(text)) if text else None


def _item(row: sqlite3.Row) -> OutboxItem:
    outgoing = outgoing_of(row)
    return OutboxItem(
        id=row["id"],
        account_id=row["account_id"],
        message_id=row["message_id"],
        state=OutboxState(row["state"]),
        problem=SendProblem(row["reason"]) if row["reason"] else None,
        detail=row["detail"],
        attempts=row["attempts"],
        subject=read_summary(outgoing.raw).subject,
        recipients=outgoing.recipients,
        replying_to=outgoing.replying_to,
        filed_in_sent=bool(row["filed_in_sent"]),
        original_answered=bool(row["original_answered"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        sent_at=datetime.fromisoformat(row["sent_at"]) if row["sent_at"] else None,
        sender=outgoing.envelope_from,
        in_reply_to=_in_reply_to(outgoing.raw),
        due_at=_time(row["due_at"]),
        due_kind=DueKind(row["due_kind"]) if row["due_kind"] in DueKind._value2member_map_ else DueKind.NOW,
        checked_since=_time(row["checked_since"]),
        hold=Hold.from_row(row["hold_reason"], row["hold_detail"]) if row["hold_reason"] else None,
    )


class Outbox:
    def __init__(self, db: Database, clock: Clock | None = None, guards: Iterable[SendGuard] = ()) -> None:
        self.db = db
        self.table = OutboxTable(db)
        self.clock = clock or default_clock()
        # The one pre-send check point (ARCHITECTURE.md §5): add a guard with `guards.append`.
        self.guards: list[SendGuard] = list(guards)

    def _now(self) -> str:
        return iso_utc(self.clock.now())

    def _sent(self, item_id: int, message_id: str) -> None:
        """Gone out: the item is `sent`, and the draft it was written in is done with, in one
        transaction (a kill between the two would leave a draft of a mail already sent)."""
        with self.db.write():
            self.table.set_state(item_id, OutboxState.SENT, sent_at=self._now())
            self._drop_drafts_of(message_id)

    def _drop_drafts_of(self, message_id: str) -> None:
        # Whenever it went (at once, after a sign-in, on a retry), reopening the reply must
        # not bring back a draft of a mail the customer already has (nor one saved under
        # the Message-ID of a version it replaced).
        for sent_as in (message_id, *self.table.earlier_message_ids(message_id)):
            delete_sent_draft(self.db, sent_as)

    # -- reading ------------------------------------------------------------------
    def item(self, item_id: int) -> OutboxItem:
        row = self.table.row(item_id)
        if row is None:
            raise KeyError(item_id)
        return _item(row)

    def items(self, states: tuple[OutboxState, ...] | None = None, account_id: str | None = None) -> list[OutboxItem]:
        return [
            _item(row) for row in self.table.rows([s.value for s in states] if states else None, account_id)
        ]

    def attention(self, account_id: str | None = None) -> list[OutboxItem]:
        """What the agent should see: waiting (予約 too), held, failed or unknown items."""
        return self.items((OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNKNOWN, OutboxState.SENDING,
                           OutboxState.HELD), account_id)

    def due(self) -> list[OutboxItem]:
        """Queued items whose time has come (every account), oldest first."""
        return [self.item(i) for i in self.table.due(self._now())]

    def next_due(self) -> datetime | None:
        """When the next waiting item comes due (None: nothing waits for a time)."""
        return _time(self.table.next_due(self._now()))

    # -- transitions ------------------------------------------------------------------
    def submit(self, account_id: str, message: OutgoingMessage, due_at: datetime | None = None,
               due_kind: DueKind = DueKind.NOW, despite_unknown: bool = False) -> OutboxItem:
        """Record the reply before anything is sent, to leave at `due_at` (None: at once). The same
        mail under the same Message-ID is the same item; a changed one (or one whose item was
        retired) becomes a new item under a new Message-ID, the old item retired if it has not gone.
        The draft follows the new id. The same mail submitted again while held is the agent's
        "send it anyway": released, and only customer mail from now on holds it again; submitted
        again after it failed (nothing reached the server), it waits to go again.
        One whose earlier version may already be with the customer (it went out with no word back,
        the same mail or a changed one) raises `MayHaveArrived` unless `despite_unknown`: two
        replies are the agent's call. The same mail, `unknown`, is then returned as it is: the
        caller delivers it with `resend_unknown` (Sent is looked in first)."""
        due = iso_utc(due_at) if due_at is not None else None
        existing = self.table.by_message_id(message.message_id)
        if existing is None:
            return self.item(self.table.insert(account_id, message, due, due_kind, self._now()))
        if existing["state"] != OutboxState.RETIRED and _same_mail(existing, message):
            if existing["state"] == OutboxState.HELD:
                self.table.release(existing["id"], self._now(), due, due_kind)
            elif existing["state"] == OutboxState.QUEUED:
                self.table.schedule(existing["id"], due, due_kind)
            elif existing["state"] == OutboxState.FAILED:
                # 送信 pressed again on a refused reply: the agent's retry, not a no-op that closes
                # the composer while the reply stays where it was.
                self.table.requeue(existing["id"], due, due_kind)
            elif existing["state"] == OutboxState.UNKNOWN and not despite_unknown:
                raise MayHaveArrived(self.item(existing["id"]))
            return self.item(existing["id"])
        if not despite_unknown:
            earlier = self.table.maybe_arrived(message.message_id)
            if earlier is not None:
                raise MayHaveArrived(_item(earlier))
        fresh = with_message_id(message, make_message_id(message_id_domain(message.message_id)))
        return self.item(self.table.replace_item(existing["id"], account_id, fresh, message.message_id,
                                                 due, due_kind, self._now()))

    def cancel(self, item_id: int) -> OutboxItem | None:
        """Take a waiting or held item back (undo, a cancelled 予約, reopened after a hold): it is
        retired and never sent. None when it is already being sent or sent: too late to undo."""
        return self.item(item_id) if self.table.cancel(item_id) else None

    def reschedule(self, item_id: int, due_at: datetime | None, due_kind: DueKind = DueKind.CHOSEN) -> bool:
        """A waiting item's time changed (None: at once); False when it is no longer waiting."""
        return self.table.schedule(item_id, iso_utc(due_at) if due_at is not None else None,
                                   due_kind if due_at is not None else DueKind.NOW)

    def release(self, item_id: int, due_at: datetime | None = None) -> bool:
        """Send a held item after all (the agent has looked): only mail from now on holds it again."""
        return self.table.release(item_id, self._now(), iso_utc(due_at) if due_at is not None else None,
                                  DueKind.CHOSEN if due_at is not None else DueKind.NOW)

    def _guarded(self, item: OutboxItem) -> Hold | None:
        for guard in self.guards:
            try:
                hold = guard(item)
            except Exception:  # a guard that cannot check does not stop the mail; it is logged
                log.exception("send guard %r failed on item %s", guard, item.id)
                continue
            if hold is not None:
                return hold
        return None

    def check_waiting(self) -> list[OutboxItem]:
        """Run the guards over every waiting item now (new mail came in), not only when each comes
        due: the agent learns at once that a 予約 is held. Returns the items newly held."""
        held = []
        for item in self.items((OutboxState.QUEUED,)):
            hold = self._guarded(item)
            if hold is not None and self.table.hold(item.id, hold.reason, hold.to_json()):
                held.append(self.item(item.id))
        return held

    def recover(self) -> list[OutboxItem]:
        """At start-up: items a crash left in `sending` become `unknown` (to be looked up).
        Only under the data dir's instance lock: an item another running Aizuchi is sending
        is not a crashed one (taking it would send it twice)."""
        with instance.guarded(self.db.path.parent) as ours:
            if not ours:
                return []
            # A draft left by a kill between an older "sent" and its draft's removal goes now.
            for row in self.table.rows([OutboxState.SENT.value]):
                self._drop_drafts_of(row["message_id"])
            return [self.item(i) for i in self.table.interrupted()]

    def unfinished(self, account_id: str | None = None) -> list[OutboxItem]:
        """Sent items whose copy in Sent or \\Answered flag is still to do (a failure, or a kill
        right after the server's 250): `process` finishes them, never sending again."""
        return [
            item for item in self.items((OutboxState.SENT,), account_id)
            if not item.filed_in_sent or (item.replying_to is not None and not item.original_answered)
        ]

    def process(
        self,
        item_id: int,
        sender: MailSender,
        filer: SentFiler | None = None,
        server_saves_sent: bool = False,
        resend_unknown: bool = False,
    ) -> OutboxItem:
        """Try to bring the item to `sent`; returns where it ended. Never raises a `SourceError`."""
        item = self.item(item_id)
        if item.state is OutboxState.SENT:
            return self._follow_up(item, filer, server_saves_sent)
        if item.state in (OutboxState.SENDING, OutboxState.HELD, OutboxState.RETIRED):
            return item  # another thread is on it / the agent must look first / never sent
        if item.state is OutboxState.QUEUED and item.due_at is not None and item.due_at > self.clock.now():
            return item  # not yet: its grace period or its 予約
        if item.state in (OutboxState.QUEUED, OutboxState.FAILED):
            hold = self._guarded(item)  # the pre-send check point
            if hold is not None:
                self.table.hold(item_id, hold.reason, hold.to_json())
                return self.item(item_id)
        if item.state is OutboxState.UNKNOWN:
            settled = self._settle_unknown(item, sender, filer, server_saves_sent, resend_unknown)
            if settled is not None:
                return settled
        if not self.table.claim(item_id, [OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNKNOWN],
                                self._now()):
            return self.item(item_id)
        row = self.table.row(item_id)
        assert row is not None
        try:
            sender.send(outgoing_of(row))
        except SendOutcomeUnknown as error:
            self.table.set_state(item_id, OutboxState.UNKNOWN, SendProblem.OUTCOME_UNKNOWN, str(error))
        except AuthExpired as error:
            self.table.set_state(item_id, OutboxState.FAILED, SendProblem.AUTH, str(error))
        except ServerRejected as error:
            state, problem = (
                (OutboxState.QUEUED, SendProblem.TEMPORARY) if error.temporary
                else (OutboxState.FAILED, SendProblem.REJECTED)
            )
            detail = f"{error.code} {error.reason}" if error.code else error.reason
            self.table.set_state(item_id, state, problem, detail)
        except NetworkDown as error:
            self.table.set_state(item_id, OutboxState.QUEUED, SendProblem.NETWORK, str(error))
        except ReadOnlyMailbox as error:
            # Nothing was written: certainly not sent, and sending again will not help until
            # the folder can be written.
            self.table.set_state(item_id, OutboxState.FAILED, SendProblem.READ_ONLY, error.path)
        except BaseException as error:
            # We cannot tell how far it got: treat as unknown, never as "not sent".
            self.table.set_state(item_id, OutboxState.UNKNOWN, SendProblem.UNEXPECTED, repr(error))
            if not isinstance(error, Exception):
                raise
        else:
            self._sent(item_id, item.message_id)
            return self._follow_up(self.item(item_id), filer, server_saves_sent)
        return self.item(item_id)

    def deliver(self, item_id: int, route: Route, resend_unknown: bool = False) -> OutboxItem:
        """`process` along an account's route (the one call every sender goes through)."""
        return self.process(item_id, route.sender, route.filer, route.server_saves_sent, resend_unknown)

    def _settle_unknown(
        self, item: OutboxItem, sender: MailSender, filer: SentFiler | None, server_saves_sent: bool,
        resend_unknown: bool,
    ) -> OutboxItem | None:
        """An item in `unknown`: settled by a lookup, or None when it may be sent again."""
        try:
            found = sender.find_sent(item.message_id)
        except SourceError:
            found = None
        if found:
            self._sent(item.id, item.message_id)
            # The copy in Sent is the one the lookup found: do not append another.
            self.table.set_followups(item.id, filed_in_sent=True)
            return self._follow_up(self.item(item.id), filer, server_saves_sent)
        if found is None:
            self.table.set_state(item.id, OutboxState.UNKNOWN, SendProblem.CANNOT_CHECK, item.detail)
            return self.item(item.id)
        if not resend_unknown:
            self.table.set_state(item.id, OutboxState.UNKNOWN, SendProblem.NOT_IN_SENT, item.detail)
            return self.item(item.id)
        return None

    def _follow_up(self, item: OutboxItem, filer: SentFiler | None, server_saves_sent: bool) -> OutboxItem:
        """Copy to Sent and flag the original; each retried later on its own if it fails."""
        if filer is None:
            return item
        if not item.filed_in_sent:
            if server_saves_sent:
                self.table.set_followups(item.id, filed_in_sent=True)
            else:
                row = self.table.row(item.id)
                assert row is not None
                try:
                    filer.append_sent(bytes(row["raw"]))
                except SourceError:
                    pass
                else:
                    self.table.set_followups(item.id, filed_in_sent=True)
        if item.replying_to is not None and not item.original_answered:
            try:
                filer.mark_answered(item.replying_to)
            except SourceError:
                pass
            else:
                self.table.set_followups(item.id, original_answered=True)
        return self.item(item.id)
