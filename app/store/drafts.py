"""Reply drafts in the store: save (upsert), load and delete, keyed by mailbox + original.

Every save is one transaction through `Database.write()`, so a kill in the
middle leaves the previous version, never half of one. The composer saves on
idle and on close; the reply to the same original restores what was saved.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import datetime
from enum import StrEnum

from app.model import Address, Draft, draft_key
from app.store import draft_journal
from app.store.db import Database
from app.store.outbox import OutboxTable


def _address(value: object) -> Address:
    if isinstance(value, dict):
        return Address(str(value.get("name", "")), str(value.get("email", "")))
    return Address("", "")


def _addresses(text: str) -> tuple[Address, ...]:
    loaded = json.loads(text)
    return tuple(_address(v) for v in loaded) if isinstance(loaded, list) else ()


def _dump(addresses: tuple[Address, ...]) -> str:
    return json.dumps([{"name": a.name, "email": a.email} for a in addresses], ensure_ascii=False)


def save_draft(db: Database, mailbox: str, draft: Draft) -> None:
    """Upsert; an outbox item still waiting from an earlier version of this draft is retired in
    the same transaction (the agent changed it: the old text must not go out on a retry)."""
    with db.write() as connection:
        OutboxTable(db).retire_stale(draft.message_id, draft_key(draft))
        connection.execute(
            "INSERT INTO drafts(mailbox, original_id, message_id, sender_json, to_json, cc_json, subject, body,"
            " in_reply_to, references_json, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(mailbox, original_id) DO UPDATE SET"
            " message_id=excluded.message_id, sender_json=excluded.sender_json, to_json=excluded.to_json,"
            " cc_json=excluded.cc_json, subject=excluded.subject, body=excluded.body,"
            " in_reply_to=excluded.in_reply_to, references_json=excluded.references_json,"
            " updated_at=strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            (
                mailbox,
                draft.original_id,
                draft.message_id,
                json.dumps({"name": draft.sender.name, "email": draft.sender.email}, ensure_ascii=False),
                _dump(draft.to),
                _dump(draft.cc),
                draft.subject,
                draft.body,
                draft.in_reply_to,
                json.dumps(list(draft.references)),
                draft.created.isoformat() if draft.created else None,
            ),
        )


class DraftSaved(StrEnum):
    STORE = "store"      # in the store, as always
    JOURNAL = "journal"  # the store refused (full, read-only, damaged): kept in the journal file beside it


class DraftNotSaved(Exception):
    """Neither the store nor the journal could keep the draft: the composer must not let go of it.
    `journal_error` is why the last resort failed (a full disk, a read-only folder, a draft too
    long for the journal): the window says that, in the user's words."""

    def __init__(self, message: str, journal_error: OSError | None = None) -> None:
        super().__init__(message)
        self.journal_error = journal_error


def save_draft_kept(db: Database, mailbox: str, draft: Draft) -> DraftSaved:
    """Save in the store, or, when it cannot be written, in the journal beside it (issue 14).
    Raises `DraftNotSaved` when both fail."""
    try:
        save_draft(db, mailbox, draft)
    except (sqlite3.Error, OSError) as error:
        try:
            draft_journal.write(db.path, mailbox, draft)
        except OSError as journal_error:
            raise DraftNotSaved(f"{error}; journal: {journal_error}", journal_error) from error
        return DraftSaved.JOURNAL
    with contextlib.suppress(OSError):
        draft_journal.forget(db.path, mailbox, draft.original_id)
    return DraftSaved.STORE


def load_draft_kept(db: Database, mailbox: str, original_id: str) -> Draft | None:
    """The journal's version when there is one (it is only written after the store refused, so it
    is the newer), else the store's."""
    journaled = draft_journal.read(db.path, mailbox, original_id)
    if journaled is not None:
        return journaled
    return load_draft(db, mailbox, original_id)


def load_draft(db: Database, mailbox: str, original_id: str) -> Draft | None:
    rows = db.read("SELECT * FROM drafts WHERE mailbox = ? AND original_id = ?", (mailbox, original_id))
    return _draft(rows[0]) if rows else None


def load_by_message_id(db: Database, message_id: str) -> tuple[str, Draft] | None:
    """(mailbox, draft) of the draft saved as `message_id` (a reply in the outbox being reopened)."""
    rows = db.read("SELECT * FROM drafts WHERE message_id = ? ORDER BY updated_at DESC", (message_id,))
    return (str(rows[0]["mailbox"]), _draft(rows[0])) if rows else None


def _draft(row: sqlite3.Row) -> Draft:
    references = json.loads(row["references_json"])
    return Draft(
        message_id=row["message_id"],
        original_id=row["original_id"],
        sender=_address(json.loads(row["sender_json"])),
        to=_addresses(row["to_json"]),
        cc=_addresses(row["cc_json"]),
        subject=row["subject"],
        body=row["body"],
        in_reply_to=row["in_reply_to"],
        references=tuple(str(r) for r in references) if isinstance(references, list) else (),
        created=datetime.fromisoformat(row["created_at"]) if row["created_at"] else None,
    )


def delete_draft(db: Database, mailbox: str, original_id: str) -> None:
    with db.write() as connection:
        connection.execute("DELETE FROM drafts WHERE mailbox = ? AND original_id = ?", (mailbox, original_id))
    with contextlib.suppress(OSError):
        draft_journal.forget(db.path, mailbox, original_id)


def delete_sent_draft(db: Database, message_id: str) -> None:
    """The draft that went out as `message_id` (in whichever mailbox it was written)."""
    with db.write() as connection:
        connection.execute("DELETE FROM drafts WHERE message_id = ?", (message_id,))
    with contextlib.suppress(OSError):
        draft_journal.forget(db.path, message_id=message_id)


def draft_originals(db: Database, mailbox: str) -> set[str]:
    """Originals with a draft in this mailbox (to mark them in a list)."""
    return {row[0] for row in db.read("SELECT original_id FROM drafts WHERE mailbox = ?", (mailbox,))}
