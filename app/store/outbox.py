"""Queries over the `outbox` table (migration 0003): the rows the send state machine moves.

Owns the SQL only; `app.outbox` decides the transitions. `claim` is the one
compare-and-set that lets exactly one caller move an item to `sending`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from app.sources.base import MessageRef, OutgoingMessage
from app.store.db import Database

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


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
                " replying_folder, replying_key, thread_hint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (account_id, message.message_id, message.raw, message.envelope_from,
                 json.dumps(list(message.recipients)), ref.folder_id if ref else None, ref.key if ref else None,
                 message.thread_hint),
            )
            row = c.execute("SELECT id FROM outbox WHERE message_id = ?", (message.message_id,)).fetchone()
            return int(row[0])

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
