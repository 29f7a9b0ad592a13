"""Queries for the agent's corrections of highlights, kept per mail (migration 0005).

A mail is keyed by its Message-ID; a mail without one by a hash of its raw
bytes, which stays the same each time the same file is read. Recording a
correction that undoes an earlier one (dismissing a sentence the agent had
marked, marking again one they had dismissed) deletes the earlier row instead
of stacking contradictory rows.
"""

from __future__ import annotations

import hashlib

from app.model import Correction, CorrectionAction, HighlightKind
from app.store.db import Database

_OPPOSITE = {CorrectionAction.DISMISS: CorrectionAction.ADD, CorrectionAction.ADD: CorrectionAction.DISMISS}


def mail_key(message_id: str, raw: bytes) -> str:
    """The key corrections are kept under: the Message-ID, else a hash of the raw mail."""
    message_id = message_id.strip()
    if message_id:
        return message_id
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def corrections_for(db: Database, key: str) -> list[Correction]:
    """Every correction of one mail, oldest first (the order they are applied in)."""
    rows = db.read(
        "SELECT action, kind, start_offset, end_offset, text FROM corrections WHERE mail_key = ? ORDER BY id",
        (key,),
    )
    return [
        Correction(CorrectionAction(r["action"]), HighlightKind(r["kind"]), r["start_offset"], r["end_offset"],
                   r["text"])
        for r in rows
    ]


def record(db: Database, key: str, correction: Correction) -> None:
    """Keep one correction; one that undoes an earlier correction removes it instead."""
    c = correction
    with db.write() as connection:
        undone = connection.execute(
            "DELETE FROM corrections WHERE mail_key = ? AND action = ? AND kind = ?"
            " AND start_offset = ? AND end_offset = ?",
            (key, _OPPOSITE[c.action].value, c.kind.value, c.start, c.end),
        ).rowcount
        if undone:
            return
        connection.execute(
            "INSERT OR IGNORE INTO corrections (mail_key, action, kind, start_offset, end_offset, text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (key, c.action.value, c.kind.value, c.start, c.end, c.text),
        )


def forget(db: Database, key: str) -> int:
    """Drop every correction of one mail (the analyser's view is shown again); returns how many."""
    with db.write() as connection:
        return int(connection.execute("DELETE FROM corrections WHERE mail_key = ?", (key,)).rowcount)
