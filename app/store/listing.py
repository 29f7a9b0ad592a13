"""The message list in SQL: filter and sort a whole folder, however many rows the view has loaded.

`MessageList.refresh(source, folder_id, headers)` brings the folder's rows in
line with a listing (inserts the new, deletes the vanished, in one transaction;
a row already there is not rewritten), and `keys(...)` answers one filter and
sort over every row of the folder, as message keys in display order. The view
keeps showing rows lazily; only the order comes from here. Sorting uses the
indexes (source, folder, column); the filter matches a substring of the
normalised sender and subject (NFKC, lower case), as the old proxy filter did.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from enum import StrEnum

from app.model import Header
from app.store.db import Database


class SortColumn(StrEnum):
    DATE = "date"
    SENDER = "sender"
    SUBJECT = "subject"


_ORDER = {
    # Undated mail sorts as the oldest, as the list always did.
    SortColumn.DATE: "coalesce(date_ts, -1e300)",
    SortColumn.SENDER: "sender_sort",
    SortColumn.SUBJECT: "subject_sort",
}


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _row(source: str, folder_id: str, header: Header) -> tuple[object, ...]:
    sender = header.sender
    shown = sender.display()
    return (
        source, folder_id, header.ref.key, shown.casefold(), header.subject.casefold(),
        normalize(f"{sender.name} {sender.email} {header.subject}"),
        header.date.timestamp() if header.date else None,
    )


class MessageList:
    def __init__(self, db: Database) -> None:
        self.db = db

    def refresh(self, source: str, folder_id: str, headers: Iterable[Header]) -> int:
        """Make the stored rows of the folder the listed ones; returns how many rows were written."""
        listed = {h.ref.key: h for h in headers}
        with self.db.write() as c:
            stored = {
                r[0] for r in c.execute(
                    "SELECT msg_key FROM mail_list WHERE source = ? AND folder_id = ?", (source, folder_id))
            }
            gone = stored - listed.keys()
            c.executemany(
                "DELETE FROM mail_list WHERE source = ? AND folder_id = ? AND msg_key = ?",
                [(source, folder_id, key) for key in gone],
            )
            new = [h for key, h in listed.items() if key not in stored]
            # Rows made as they are written: a first listing of 100,000 never holds them all at once.
            c.executemany(
                "INSERT OR REPLACE INTO mail_list(source, folder_id, msg_key, sender_sort, subject_sort, needle,"
                " date_ts) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_row(source, folder_id, h) for h in new),
            )
        return len(new) + len(gone)

    def keys(self, source: str, folder_id: str, text: str = "", column: SortColumn = SortColumn.DATE,
             descending: bool = True) -> list[str]:
        """Message keys of the folder matching every word of `text`, in the asked order."""
        conditions = ["source = ?", "folder_id = ?"]
        params: list[object] = [source, folder_id]
        for term in normalize(text).split():
            conditions.append("needle LIKE ? ESCAPE '\\'")
            params.append(f"%{_escape(term)}%")
        direction = "DESC" if descending else "ASC"
        rows = self.db.read(
            f"SELECT msg_key FROM mail_list WHERE {' AND '.join(conditions)}"
            f" ORDER BY {_ORDER[column]} {direction}, id {direction}",
            tuple(params),
        )
        return [r[0] for r in rows]

    def count(self, source: str, folder_id: str) -> int:
        return int(self.db.read(
            "SELECT count(*) FROM mail_list WHERE source = ? AND folder_id = ?", (source, folder_id))[0][0])

    def forget(self, source: str) -> None:
        with self.db.write() as c:
            c.execute("DELETE FROM mail_list WHERE source = ?", (source,))
