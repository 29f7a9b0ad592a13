"""Queries over the `outbox` table (migration 0003): the rows the send state machine moves.

Owns the SQL only; `app.outbox` decides the transitions. `claim` is the one
compare-and-set that lets exactly one caller move an item to `sending`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from app.model import MessageRef, OutgoingMessage
from app.store.db import Database

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
# A Message-ID and the ones that replaced it, in order (an edited reply after a failed send).
_CHAIN = ("WITH RECURSIVE chain(mid) AS (SELECT ? UNION"
          " SELECT o.replaced_by FROM outbox o JOIN chain ON o.message_id = chain.mid WHERE o.replaced_by != '')")


class OutboxTable:
    def __init__(self, db: Database) -> None:
        self.db = db

    def forget_account(self, account_id: str) -> None:
        """Every item of an account being removed (its replies can no longer be sent from here)."""
        with self.db.write() as c:
            c.execute("DELETE FROM outbox WHERE account_id = ?", (account_id,))

    def insert(self, account_id: str, message: OutgoingMessage) -> int:
        """The item's id; an existing item with this Message-ID is returned as is."""
        ref = message.replying_to
        with self.db.write() as c:
            c.execute(
                "INSERT OR IGNORE INTO outbox(account_id, message_id, raw, envelope_from, recipients,"
                " replying_folder, replying_key, thread_hint, draft_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (account_id, message.message_id, message.raw, message.envelope_from,
                 json.dumps(list(message.recipients)), ref.folder_id if ref else None, ref.key if ref else None,
                 message.thread_hint, message.draft_key),
            )
            row = c.execute("SELECT id FROM outbox WHERE message_id = ?", (message.message_id,)).fetchone()
            return int(row[0])

    def by_message_id(self, message_id: str) -> sqlite3.Row | None:
        rows = self.db.read("SELECT * FROM outbox WHERE message_id = ?", (message_id,))
        return rows[0] if rows else None

    def replace_item(self, old_id: int, account_id: str, message: OutgoingMessage, old_message_id: str) -> int:
        """In one transaction: the old item retired (unless it is sent or being sent), the new one
        recorded, and the draft written as the old Message-ID now carrying the new one."""
        with self.db.write() as c:
            c.execute(
                f"UPDATE outbox SET state = 'retired', reason = 'replaced', replaced_by = ?, updated_at = {_NOW}"
                " WHERE id = ? AND state IN ('queued', 'failed', 'unknown', 'retired')",
                (message.message_id, old_id),
            )
            c.execute("UPDATE outbox SET replaced_by = ? WHERE id = ? AND replaced_by = ''",
                      (message.message_id, old_id))
            new_id = self.insert(account_id, message)
            c.execute("UPDATE drafts SET message_id = ? WHERE message_id = ?", (message.message_id, old_message_id))
            return new_id

    def retire_stale(self, message_id: str, draft_key: str) -> list[int]:
        """A draft saved as `message_id` now reads `draft_key`: every item still waiting to go out
        from an earlier version of it (this Message-ID or one it was replaced by) is retired."""
        with self.db.write() as c:
            ids = [int(r[0]) for r in c.execute(
                _CHAIN + " SELECT id FROM outbox WHERE message_id IN (SELECT mid FROM chain)"
                " AND state IN ('queued', 'failed', 'unknown') AND draft_key != '' AND draft_key != ?",
                (message_id, draft_key),
            )]
            c.executemany(
                f"UPDATE outbox SET state = 'retired', reason = 'edited', updated_at = {_NOW} WHERE id = ?",
                [(i,) for i in ids],
            )
            return ids

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

    def claim(self, item_id: int, from_states: Sequence[str]) -> bool:
        """Move to `sending` (attempts + 1) only from `from_states`; False if another got it."""
        with self.db.write() as c:
            cursor = c.execute(
                f"UPDATE outbox SET state = 'sending', attempts = attempts + 1, reason = '', detail = '',"
                f" updated_at = {_NOW} WHERE id = ? AND state IN ({','.join('?' * len(from_states))})",
                (item_id, *from_states),
            )
            return cursor.rowcount == 1

    def set_state(self, item_id: int, state: str, reason: str = "", detail: str = "") -> None:
        with self.db.write() as c:
            sent_at = f", sent_at = {_NOW}" if state == "sent" else ""
            c.execute(
                f"UPDATE outbox SET state = ?, reason = ?, detail = ?, updated_at = {_NOW}{sent_at} WHERE id = ?",
                (state, reason, detail[:500], item_id),
            )

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
