"""Which rows of a folder carry these Message-IDs: the team's presence is keyed by Message-ID, the
message list by folder and key. Reads the local store only (the search index for a local mailbox,
the synced rows for an account), never the mail server."""

from __future__ import annotations

from collections.abc import Collection

from app.sources.base import MessageRef
from app.store.db import Database

_MAX_IDS = 500  # SQLite's parameter limit is far above; a team is never on more mails at once


def refs_for(db: Database, source: str, folder_id: str, message_ids: Collection[str]) -> dict[MessageRef, str]:
    """{row: Message-ID} for the mails of `folder_id` in `source` (a local mailbox's key or an account id)."""
    ids = sorted({m for m in message_ids if m})[:_MAX_IDS]
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    found: dict[MessageRef, str] = {}
    for sql in (
        f"SELECT folder_id, msg_key, message_id FROM mail_index WHERE source = ? AND folder_id = ?"
        f" AND message_id IN ({marks})",
        f"SELECT folder_id, uid, message_id FROM mail_messages WHERE account_id = ? AND folder_id = ?"
        f" AND message_id IN ({marks})",
    ):
        for row in db.read(sql, (source, folder_id, *ids)):
            found[MessageRef(row[0], row[1])] = row[2]
    return found
