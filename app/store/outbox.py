"""Queries over the `outbox` table (migrations 0003, 0014, 0019): the rows the send state machine moves.

Owns the SQL only; `app.outbox` decides the transitions. `claim` is the one
compare-and-set that lets exactly one caller move an item to `sending`; `hold`,
`cancel` and `schedule` are compare-and-sets too, so an undo that comes a moment
too late finds the item already `sending` and changes nothing.
Times given by the caller (`due_at`, `checked_since`, `sent_at`) come from its
`Clock` as `iso_utc` text, which sorts as time does.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from app.model import MessageRef, OutgoingMessage
from app.store.db import Database

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
# A Message-ID and the ones that replaced it, in order (an edited reply after a failed send).
_CHAIN = ("WITH RECURSIVE chain(mid) AS (SELECT ? UNION"
          " SELECT o.replaced_by FROM outbox o JOIN chain ON o.message_id = chain.mid WHERE o.replaced_by != '')")


# Why an item is `unknown` (app.outbox.SendProblem): it may have reached the customer. Retiring such an
# item keeps that reason, so a later version of the reply can still be asked about before it goes.
_UNKNOWN_REASONS = "'outcome_unknown', 'interrupted', 'cannot_check', 'not_in_sent'"
_RETIRED_AS = "CASE WHEN state = 'unknown' AND reason IN (" + _UNKNOWN_REASONS + ") THEN reason ELSE '{why}' END"


def iso_utc(at: datetime) -> str:
    """One text form for every time the outbox compares in SQL."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class OutboxTable:
    def __init__(self, db: Database) -> None:
        self.db = db

    def forget_account(self, account_id: str) -> None:
        """Every item of an account being removed (its replies can no longer be sent from here)."""
        with self.db.write() as c:
            c.execute("DELETE FROM outbox WHERE account_id = ?", (account_id,))

    def insert(self, account_id: str, message: OutgoingMessage, due_at: str | None = None, due_kind: str = "",
               checked_since: str | None = None) -> int:
        """The item's id; an existing item with this Message-ID is returned as is."""
        ref = message.replying_to
        with self.db.write() as c:
            c.execute(
                "INSERT OR IGNORE INTO outbox(account_id, message_id, raw, envelope_from, recipients,"
                " replying_folder, replying_key, thread_hint, draft_key, due_at, due_kind, checked_since)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (account_id, message.message_id, message.raw, message.envelope_from,
                 json.dumps(list(message.recipients)), ref.folder_id if ref else None, ref.key if ref else None,
                 message.thread_hint, message.draft_key, due_at, due_kind, checked_since),
            )
            row = c.execute("SELECT id FROM outbox WHERE message_id = ?", (message.message_id,)).fetchone()
            return int(row[0])

    def by_message_id(self, message_id: str) -> sqlite3.Row | None:
        rows = self.db.read("SELECT * FROM outbox WHERE message_id = ?", (message_id,))
        return rows[0] if rows else None

    def replace_item(self, old_id: int, account_id: str, message: OutgoingMessage, old_message_id: str,
                     due_at: str | None = None, due_kind: str = "", checked_since: str | None = None) -> int:
        """In one transaction: the old item retired (unless it is sent or being sent), the new one
        recorded, and the draft written as the old Message-ID now carrying the new one."""
        with self.db.write() as c:
            c.execute(
                f"UPDATE outbox SET state = 'retired', reason = {_RETIRED_AS.format(why='replaced')}, replaced_by = ?,"
                f" updated_at = {_NOW} WHERE id = ? AND state IN ('queued', 'failed', 'unknown', 'retired', 'held')",
                (message.message_id, old_id),
            )
            c.execute("UPDATE outbox SET replaced_by = ? WHERE id = ? AND replaced_by = ''",
                      (message.message_id, old_id))
            new_id = self.insert(account_id, message, due_at, due_kind, checked_since)
            c.execute("UPDATE drafts SET message_id = ? WHERE message_id = ?", (message.message_id, old_message_id))
            return new_id

    def retire_stale(self, message_id: str, draft_key: str) -> list[int]:
        """A draft saved as `message_id` now reads `draft_key`: every item still waiting to go out
        from an earlier version of it (this Message-ID or one it was replaced by) is retired."""
        with self.db.write() as c:
            ids = [int(r[0]) for r in c.execute(
                _CHAIN + " SELECT id FROM outbox WHERE message_id IN (SELECT mid FROM chain)"
                " AND state IN ('queued', 'failed', 'unknown', 'held') AND draft_key != '' AND draft_key != ?",
                (message_id, draft_key),
            )]
            c.executemany(
                f"UPDATE outbox SET state = 'retired', reason = {_RETIRED_AS.format(why='edited')}, updated_at = {_NOW}"
                " WHERE id = ?",
                [(i,) for i in ids],
            )
            return ids

    def maybe_arrived(self, message_id: str) -> sqlite3.Row | None:
        """The newest item of this reply's versions (`message_id` and those it replaced) that went out
        with no word back: unknown now, or retired while unknown. Its copy may be with the customer."""
        ids = [message_id, *self.earlier_message_ids(message_id)]
        marks = ", ".join("?" * len(ids))
        rows = self.db.read(
            f"SELECT * FROM outbox WHERE message_id IN ({marks}) AND reason IN ({_UNKNOWN_REASONS})"
            " AND state IN ('unknown', 'retired') ORDER BY id DESC LIMIT 1", tuple(ids))
        return rows[0] if rows else None

    def earlier_message_ids(self, message_id: str) -> list[str]:
        """The Message-IDs of the items `message_id` replaced, directly or through others."""
        rows = self.db.read(
            "WITH RECURSIVE back(mid) AS (SELECT ? UNION"
            " SELECT o.message_id FROM outbox o JOIN back ON o.replaced_by = back.mid)"
            " SELECT mid FROM back WHERE mid != ?", (message_id, message_id))
        return [str(r[0]) for r in rows]

    def row(self, item_id: int) -> sqlite3.Row | None:
        rows = self.db.read("SELECT * FROM outbox WHERE id = ?", (item_id,))
        return rows[0] if rows else None

    def rows(self, states: Sequence[str] | None = None, account_id: str | None = None) -> list[sqlite3.Row]:
        sql = "SELECT * FROM outbox WHERE 1=1"
        params: list[object] = []
        if states is not None:
            sql += f" AND state IN ({','.join('?' * len(states))})"
            params.extend(states)
        if account_id is not None:
            sql += " AND account_id = ?"
            params.append(account_id)
        return self.db.read(sql + " ORDER BY id", tuple(params))

    def claim(self, item_id: int, from_states: Sequence[str], now: str | None = None) -> bool:
        """Move to `sending` (attempts + 1) only from `from_states`, and a queued item only once it
        is due at `now`; False if another got it (or an undo, a hold, a later 予約 came first)."""
        due = " AND (state != 'queued' OR due_at IS NULL OR due_at <= ?)" if now is not None else ""
        with self.db.write() as c:
            cursor = c.execute(
                f"UPDATE outbox SET state = 'sending', attempts = attempts + 1, reason = '', detail = '',"
                f" updated_at = {_NOW} WHERE id = ? AND state IN ({','.join('?' * len(from_states))}){due}",
                (item_id, *from_states, *((now,) if now is not None else ())),
            )
            return cursor.rowcount == 1

    def set_state(self, item_id: int, state: str, reason: str = "", detail: str = "",
                  sent_at: str | None = None) -> None:
        with self.db.write() as c:
            c.execute(
                f"UPDATE outbox SET state = ?, reason = ?, detail = ?, updated_at = {_NOW},"
                " sent_at = CASE WHEN ? = 'sent' THEN coalesce(?, " + _NOW + ") ELSE sent_at END WHERE id = ?",
                (state, reason, detail[:500], state, sent_at, item_id),
            )

    # -- when it may leave, and holding it back (issue 19) -------------------------------
    def schedule(self, item_id: int, due_at: str | None, due_kind: str) -> bool:
        """A waiting item's send time changed (None: at once); False when it is no longer waiting."""
        with self.db.write() as c:
            cursor = c.execute(
                f"UPDATE outbox SET due_at = ?, due_kind = ?, updated_at = {_NOW} WHERE id = ? AND state = 'queued'",
                (due_at, due_kind, item_id))
            return cursor.rowcount == 1

    def requeue(self, item_id: int, due_at: str | None, due_kind: str) -> bool:
        """A failed item (nothing reached the server) waits to go again; False when it is not failed."""
        with self.db.write() as c:
            cursor = c.execute(
                f"UPDATE outbox SET state = 'queued', reason = '', detail = '', due_at = ?, due_kind = ?,"
                f" updated_at = {_NOW} WHERE id = ? AND state = 'failed'", (due_at, due_kind, item_id))
            return cursor.rowcount == 1

    def hold(self, item_id: int, reason: str, detail: str) -> bool:
        """Queued (or failed) → held, with why; False when it has already gone or is going."""
        with self.db.write() as c:
            cursor = c.execute(
                f"UPDATE outbox SET state = 'held', hold_reason = ?, hold_detail = ?, updated_at = {_NOW}"
                " WHERE id = ? AND state IN ('queued', 'failed')", (reason, detail, item_id))
            return cursor.rowcount == 1

    def release(self, item_id: int, checked_since: str, due_at: str | None, due_kind: str) -> bool:
        """Held → queued: the agent has seen what held it; only mail after `checked_since` holds it again."""
        with self.db.write() as c:
            cursor = c.execute(
                f"UPDATE outbox SET state = 'queued', hold_reason = '', hold_detail = '', checked_since = ?,"
                f" due_at = ?, due_kind = ?, reason = '', detail = '', updated_at = {_NOW}"
                " WHERE id = ? AND state = 'held'", (checked_since, due_at, due_kind, item_id))
            return cursor.rowcount == 1

    def cancel(self, item_id: int) -> bool:
        """Taken back by the agent (undo, 予約の取り消し, reopened after a hold): retired, never sent.
        False when it is already being sent or sent: too late."""
        with self.db.write() as c:
            cursor = c.execute(
                f"UPDATE outbox SET state = 'retired', reason = 'cancelled', updated_at = {_NOW}"
                " WHERE id = ? AND state IN ('queued', 'held', 'failed')", (item_id,))
            return cursor.rowcount == 1

    def due(self, now: str) -> list[int]:
        """Queued items whose time has come (or that have none), oldest first."""
        return [int(r[0]) for r in self.db.read(
            "SELECT id FROM outbox WHERE state = 'queued' AND (due_at IS NULL OR due_at <= ?) ORDER BY id", (now,))]

    def next_due(self, now: str) -> str | None:
        """The earliest time still ahead (an item already due is `due`'s, not a reason to wake)."""
        rows = self.db.read("SELECT min(due_at) FROM outbox WHERE state = 'queued' AND due_at > ?", (now,))
        return str(rows[0][0]) if rows and rows[0][0] else None

    def set_followups(self, item_id: int, filed_in_sent: bool | None = None,
                      original_answered: bool | None = None) -> None:
        with self.db.write() as c:
            if filed_in_sent is not None:
                c.execute("UPDATE outbox SET filed_in_sent = ? WHERE id = ?", (int(filed_in_sent), item_id))
            if original_answered is not None:
                c.execute("UPDATE outbox SET original_answered = ? WHERE id = ?", (int(original_answered), item_id))

    def interrupted(self) -> list[int]:
        """Items left in `sending` by a crash, now marked unknown."""
        with self.db.write() as c:
            ids = [int(r[0]) for r in c.execute("SELECT id FROM outbox WHERE state = 'sending'")]
            c.execute(
                f"UPDATE outbox SET state = 'unknown', reason = 'interrupted', updated_at = {_NOW}"
                " WHERE state = 'sending'"
            )
            return ids


def outgoing_of(row: sqlite3.Row) -> OutgoingMessage:
    ref = MessageRef(row["replying_folder"], row["replying_key"]) if row["replying_key"] is not None else None
    return OutgoingMessage(
        raw=bytes(row["raw"]), message_id=row["message_id"], envelope_from=row["envelope_from"],
        recipients=tuple(json.loads(row["recipients"])), replying_to=ref, thread_hint=row["thread_hint"],
    )
