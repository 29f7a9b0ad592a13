"""The store's index of local Maildir folders (migration 0018), behind `app.sources.maildir.HeaderIndex`.

`MaildirSource.headers` asks it for a folder's rows of the last listing and
hands back what changed; reading 100,000 rows here costs a fraction of
opening 100,000 files, which is what a second start saves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from app.model import Address, IndexedHeader
from app.store.db import Database


class LocalIndex:
    def __init__(self, db: Database) -> None:
        self.db = db

    def load(self, mailbox: str, folder_id: str) -> dict[str, IndexedHeader]:
        rows = self.db.read(
            "SELECT msg_key, name, subject, sender_name, sender_email, date, size FROM local_index"
            " WHERE mailbox = ? AND folder_id = ?",
            (mailbox, folder_id),
        )
        return {
            r[0]: IndexedHeader(r[1], r[2], Address(r[3], r[4]), datetime.fromisoformat(r[5]) if r[5] else None, r[6])
            for r in rows
        }

    def newest(self, mailbox: str, folder_id: str, count: int) -> list[tuple[str, IndexedHeader]]:
        """The folder's `count` rows of the latest Date (undated last): a first screenful, no file opened."""
        rows = self.db.read(
            "SELECT msg_key, name, subject, sender_name, sender_email, date, size FROM local_index"
            " WHERE mailbox = ? AND folder_id = ? ORDER BY julianday(date) DESC LIMIT ?",
            (mailbox, folder_id, count),
        )
        return [
            (r[0], IndexedHeader(r[1], r[2], Address(r[3], r[4]),
                                 datetime.fromisoformat(r[5]) if r[5] else None, r[6]))
            for r in rows
        ]

    def update(self, mailbox: str, folder_id: str, changed: Iterable[tuple[str, IndexedHeader]],
               gone: Iterable[str]) -> None:
        """Rows new or renamed since the last listing, and keys no longer there: one transaction."""
        with self.db.write() as connection:
            connection.executemany(
                "DELETE FROM local_index WHERE mailbox = ? AND folder_id = ? AND msg_key = ?",
                [(mailbox, folder_id, key) for key in gone],
            )
            connection.executemany(
                "INSERT OR REPLACE INTO local_index(mailbox, folder_id, msg_key, name, subject, sender_name,"
                " sender_email, date, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(mailbox, folder_id, key, h.name, h.subject, h.sender.name, h.sender.email,
                  h.date.isoformat() if h.date else None, h.size) for key, h in changed],
            )

    def file_state(self, mailbox: str, folder_id: str) -> tuple[int, int] | None:
        """(size, mtime_ns) of an mbox file when its rows were taken."""
        rows = self.db.read("SELECT size, mtime_ns FROM local_index_files WHERE mailbox = ? AND folder_id = ?",
                            (mailbox, folder_id))
        return (int(rows[0][0]), int(rows[0][1])) if rows else None

    def update_file(self, mailbox: str, folder_id: str, changed: Iterable[tuple[str, IndexedHeader]],
                    gone: Iterable[str], size: int, mtime_ns: int) -> None:
        """An mbox file's new rows and its new state, in one transaction."""
        with self.db.write():
            self.update(mailbox, folder_id, changed, gone)  # joins this transaction
            self.db.connection.execute(
                "INSERT OR REPLACE INTO local_index_files(mailbox, folder_id, size, mtime_ns) VALUES (?, ?, ?, ?)",
                (mailbox, folder_id, size, mtime_ns),
            )

    def forget(self, mailbox: str) -> None:
        with self.db.write() as connection:
            connection.execute("DELETE FROM local_index WHERE mailbox = ?", (mailbox,))
            connection.execute("DELETE FROM local_index_files WHERE mailbox = ?", (mailbox,))
