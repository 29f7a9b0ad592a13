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

The draft itself belongs to the composer; the outbox keeps the final bytes, so
nothing the agent wrote is lost whatever happens here.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from app import instance
from app.mail.headers import read_summary
from app.mail.outgoing import make_message_id, message_id_domain, with_message_id
from app.model import MessageRef, OutgoingMessage
from app.sources.base import MailSender
from app.sources.errors import AuthExpired, NetworkDown, SendOutcomeUnknown, ServerRejected, SourceError
from app.store.db import Database
from app.store.drafts import delete_sent_draft
from app.store.outbox import OutboxTable, outgoing_of


class OutboxState(StrEnum):
    QUEUED = "queued"      # 送信待ち
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"      # 送信失敗
    UNKNOWN = "unknown"    # 送信状態不明
    RETIRED = "retired"    # the draft was changed after this version: never sent (issue 14)


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
    REPLACED = "replaced"                # retired: the agent sent an edited version instead
    EDITED = "edited"                    # retired: the draft was changed after this version


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

    @property
    def needs_attention(self) -> bool:
        return self.state in (OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNKNOWN)


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
    )


class Outbox:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.table = OutboxTable(db)

    def _sent(self, item_id: int, message_id: str) -> None:
        """Gone out: the item is `sent`, and the draft it was written in is done with, in one
        transaction (a kill between the two would leave a draft of a mail already sent)."""
        with self.db.write():
            self.table.set_state(item_id, OutboxState.SENT)
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
        """What the agent should see: waiting, failed or unknown items."""
        return self.items((OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNKNOWN, OutboxState.SENDING),
                          account_id)

    # -- transitions ------------------------------------------------------------------
    def submit(self, account_id: str, message: OutgoingMessage) -> OutboxItem:
        """Record the reply before anything is sent. The same mail under the same Message-ID is
        the same item; a changed one (or one whose item was retired) becomes a new item under a
        new Message-ID, the old item retired if it has not gone. The draft follows the new id."""
        existing = self.table.by_message_id(message.message_id)
        if existing is None:
            return self.item(self.table.insert(account_id, message))
        if existing["state"] != OutboxState.RETIRED and _same_mail(existing, message):
            return _item(existing)
        fresh = with_message_id(message, make_message_id(message_id_domain(message.message_id)))
        return self.item(self.table.replace_item(existing["id"], account_id, fresh, message.message_id))

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
        if item.state is OutboxState.SENDING:
            return item  # another thread is on it
        if item.state is OutboxState.UNKNOWN:
            settled = self._settle_unknown(item, sender, filer, server_saves_sent, resend_unknown)
            if settled is not None:
                return settled
        if not self.table.claim(item_id, [OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNKNOWN]):
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
        except BaseException as error:
            # We cannot tell how far it got: treat as unknown, never as "not sent".
            self.table.set_state(item_id, OutboxState.UNKNOWN, SendProblem.UNEXPECTED, repr(error))
            if not isinstance(error, Exception):
                raise
        else:
            self._sent(item_id, item.message_id)
            return self._follow_up(self.item(item_id), filer, server_saves_sent)
        return self.item(item_id)

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
