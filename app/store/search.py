"""The mail search index: FTS5 over subject, sender and body, for queries of any length.

`MailIndex.add()` indexes one parsed message (the memory build feeds it);
`search(query)` returns the newest matches first. Each whitespace-separated
term must match: a term of 3+ characters through the trigram table, a term of
1–2 characters (「配送」「靴」) through the bigram table (see migration 0004 for
why both). Results come newest-indexed first (`ORDER BY rowid DESC`), which
FTS5 answers without ranking every match, so a common word over 100,000 mails
costs no more than a rare one.

A term that is a date (「2024年3月」「2024年3月5日」「2024/3」「2024-03-05」) limits the
results to mail of that year, month or day instead of being looked for in the
text: a shop owner looking for "the March order" types the month as she says it.
The day is the one the mail's Date header gives, in the sender's own time zone.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.model import Message
from app.store.db import Database

_RUN = re.compile(r"\w+")
# A date term, after NFKC (full-width digits are ASCII by then): 2024年, 2024年3月, 2024年3月5日,
# 2024/3, 2024/3/5, 2024-03-05. A bare 2024 stays a word (an order number, a price).
_DATE_TERMS = (
    re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?"),
    re.compile(r"(\d{4})[/.\-](\d{1,2})(?:[/.\-](\d{1,2}))?"),
)


def date_prefix(term: str) -> str | None:
    """The ISO prefix ("2024-03", "2024-03-05") a date term stands for; None when it is not a date."""
    for pattern in _DATE_TERMS:
        match = pattern.fullmatch(term)
        if match is None:
            continue
        year, month, day = match.group(1), match.group(2), match.group(3)
        if month is None:
            return year
        if not 1 <= int(month) <= 12 or (day is not None and not 1 <= int(day) <= 31):
            return None
        return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day is not None else "")
    return None


def normalize(text: str) -> str:
    """NFKC and lower case: full-width ＡＢＣ and ｶﾅ match their usual forms."""
    return unicodedata.normalize("NFKC", text).lower()


def grams(text: str) -> str:
    """Space-separated distinct bigrams of every word run, plus each run's last character."""
    out: set[str] = set()
    for run in _RUN.findall(normalize(text)):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
        out.add(run[-1])
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class MailHit:
    source: str
    folder_id: str
    key: str
    message_id: str
    date: datetime | None
    sender: str
    subject: str
    snippet: str  # the first place the first term occurs, with some context


@dataclass(frozen=True, slots=True)
class IndexedText:
    """What the index tables get of one mail: normalised subject, sender, body and the body's grams.

    Pure computation: the memory build works it out in its worker processes, so the one
    writing process only inserts."""

    subject: str
    sender: str
    body: str
    grams: str


def indexed_text(subject: str, sender: str, body: str) -> IndexedText:
    return IndexedText(normalize(subject), normalize(sender), normalize(body), grams(f"{subject}\n{sender}\n{body}"))


def sender_of(message: Message) -> str:
    return f"{message.sender.name} {message.sender.email}".strip()


@dataclass(frozen=True, slots=True)
class IndexRow:
    source: str
    folder_id: str
    key: str
    message_id: str
    date: datetime | None
    sender: str
    subject: str
    body: str
    text: IndexedText | None = None  # worked out ahead (the build), else here


# A query's words looked for at most, and a word's length at most (a pasted log stays one bounded search).
MAX_TERMS = 16
MAX_TERM_CHARS = 1_000


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class MailIndex:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, source: str, folder_id: str, key: str, message: object) -> None:
        assert isinstance(message, Message)
        self.add_many([IndexRow(source, folder_id, key, message.message_id, message.date, sender_of(message),
                                message.subject, message.body)])

    def add_messages(self, source: str, items: Sequence[tuple[str, str, object]],
                     texts: Sequence[object] | None = None) -> int:
        """Index parsed messages, (folder id, key, message) each, in one transaction (the build's batch).

        `texts`: each message's `IndexedText` when worked out ahead (None for one that was not)."""
        rows = []
        for number, (folder_id, key, message) in enumerate(items):
            assert isinstance(message, Message)
            text = texts[number] if texts is not None else None
            rows.append(IndexRow(source, folder_id, key, message.message_id, message.date, sender_of(message),
                                 message.subject, message.body, text if isinstance(text, IndexedText) else None))
        return self.add_many(rows)

    def add_many(self, rows: Iterable[IndexRow]) -> int:
        """Index rows in one transaction; a message already indexed is replaced. Returns how many.

        Three `executemany` statements for all rows: each row's id is given (after the
        largest one, the write lock held), so the two FTS tables get theirs without a
        round trip per row."""
        rows = list({(r.source, r.folder_id, r.key): r for r in rows}.values())  # the last of a key wins
        if not rows:
            return 0
        with self.db.write() as connection:
            by_folder: dict[tuple[str, str], list[str]] = {}
            for row in rows:
                by_folder.setdefault((row.source, row.folder_id), []).append(row.key)
            for (source, folder_id), keys in by_folder.items():
                for start in range(0, len(keys), 500):
                    part = keys[start : start + 500]
                    for old in connection.execute(
                        "SELECT id, subject, sender, body, grams FROM mail_index WHERE source = ? AND folder_id = ?"
                        f" AND msg_key IN ({', '.join('?' * len(part))})", (source, folder_id, *part),
                    ).fetchall():
                        self._unindex(connection, old)
            first = int(connection.execute("SELECT coalesce(max(id), 0) FROM mail_index").fetchone()[0]) + 1
            texts = [row.text or indexed_text(row.subject, row.sender, row.body) for row in rows]
            connection.executemany(
                "INSERT INTO mail_index(id, source, folder_id, msg_key, message_id, date, sender, subject, body, grams)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(first + n, row.source, row.folder_id, row.key, row.message_id,
                  row.date.isoformat() if row.date else None, row.sender, row.subject, row.body, text.grams)
                 for n, (row, text) in enumerate(zip(rows, texts, strict=True))],
            )
            # The trigram table gets the normalised text (the content table keeps the original),
            # so a query typed in half-width finds full-width text and back.
            connection.executemany(
                "INSERT INTO mail_fts(rowid, subject, sender, body) VALUES (?, ?, ?, ?)",
                [(first + n, text.subject, text.sender, text.body) for n, text in enumerate(texts)],
            )
            connection.executemany("INSERT INTO mail_short(rowid, grams) VALUES (?, ?)",
                                   [(first + n, text.grams) for n, text in enumerate(texts)])
        return len(rows)

    @staticmethod
    def _unindex(connection: object, old: Sequence[object]) -> None:
        assert isinstance(connection, sqlite3.Connection)
        rowid, subject, sender, body, text_grams = old
        connection.execute(
            "INSERT INTO mail_fts(mail_fts, rowid, subject, sender, body) VALUES ('delete', ?, ?, ?, ?)",
            (rowid, normalize(str(subject)), normalize(str(sender)), normalize(str(body))),
        )
        connection.execute("INSERT INTO mail_short(mail_short, rowid, grams) VALUES ('delete', ?, ?)",
                           (rowid, text_grams))
        connection.execute("DELETE FROM mail_index WHERE id = ?", (rowid,))

    def remove_source(self, source: str) -> None:
        with self.db.write() as connection:
            for old in connection.execute(
                "SELECT id, subject, sender, body, grams FROM mail_index WHERE source = ?", (source,)
            ).fetchall():
                self._unindex(connection, old)

    def remove_vanished(self, account_id: str) -> int:
        """Unindex the account's mails that are no longer in the store (deleted or moved on the
        server, a folder reset); returns how many went."""
        with self.db.write() as connection:
            gone = connection.execute(
                "SELECT id, subject, sender, body, grams FROM mail_index i WHERE i.source = ? AND NOT EXISTS"
                " (SELECT 1 FROM mail_messages m WHERE m.account_id = i.source AND m.folder_id = i.folder_id"
                " AND m.uid = i.msg_key)", (account_id,),
            ).fetchall()
            for old in gone:
                self._unindex(connection, old)
        return len(gone)

    def indexed_keys(self, source: str, folder_id: str) -> set[str]:
        """The keys of a mailbox's folder that are in the index (the unique index answers it)."""
        return {r[0] for r in self.db.read("SELECT msg_key FROM mail_index WHERE source = ? AND folder_id = ?",
                                           (source, folder_id))}

    def only_elsewhere(self, message_ids: Sequence[str], sources: Sequence[str]) -> set[str]:
        """Which of `message_ids` are indexed only under mailboxes other than `sources`: mail of a
        mailbox this computer opened before (the demo, before the shop's own), not open now.

        Looked up through the other mailboxes' rows alone (the unique index's first column), so
        the usual case, one mailbox, costs one pass over the index's sources."""
        others = [r[0] for r in self.db.read("SELECT DISTINCT source FROM mail_index") if r[0] not in sources]
        ids = sorted({m for m in message_ids if m})
        if not others or not ids:
            return set()
        marks = ", ".join("?" * len(ids))
        found = {r[0] for r in self.db.read(
            f"SELECT DISTINCT message_id FROM mail_index WHERE source IN ({', '.join('?' * len(others))})"
            f" AND message_id IN ({marks})", (*others, *ids))}
        if found and sources:  # the same mail in an open mailbox too: it stays
            found -= {r[0] for r in self.db.read(
                f"SELECT DISTINCT message_id FROM mail_index WHERE source IN ({', '.join('?' * len(sources))})"
                f" AND message_id IN ({', '.join('?' * len(found))})", (*sources, *sorted(found)))}
        return found

    def ref_for(self, message_id: str, sources: Sequence[str] | None = None) -> tuple[str, str, str] | None:
        """(source, folder_id, key) of an indexed message, for opening a memory hit's mail; in the
        first of `sources` that holds it when given (the local mailbox before the accounts)."""
        if sources is None:
            rows = self.db.read("SELECT source, folder_id, msg_key FROM mail_index WHERE message_id = ? LIMIT 1",
                                (message_id,))
            return (rows[0][0], rows[0][1], rows[0][2]) if rows else None
        for source in sources:
            rows = self.db.read("SELECT source, folder_id, msg_key FROM mail_index WHERE message_id = ? AND source = ?"
                                " LIMIT 1", (message_id, source))
            if rows:
                return rows[0][0], rows[0][1], rows[0][2]
        return None

    def unsearchable(self, account_ids: Sequence[str], roles: Sequence[str]) -> int:
        """Synced mail of these accounts, in folders of these roles, that is not in the index yet:
        its body not synced, or not built since it came (what a search cannot find, said as a count)."""
        if not account_ids or not roles:
            return 0
        return int(self.db.read(
            "SELECT count(*) FROM mail_messages m JOIN mail_folders f"
            " ON f.account_id = m.account_id AND f.folder_id = m.folder_id"
            f" WHERE m.account_id IN ({', '.join('?' * len(account_ids))})"
            f" AND f.role IN ({', '.join('?' * len(roles))})"
            " AND NOT EXISTS (SELECT 1 FROM mail_index i"
            " WHERE i.source = m.account_id AND i.folder_id = m.folder_id AND i.msg_key = m.uid)",
            (*account_ids, *roles),
        )[0][0])

    def count(self) -> int:
        return int(self.db.read("SELECT count(*) FROM mail_index")[0][0])

    @staticmethod
    def _conditions(query: str) -> tuple[list[str], list[str], list[object]]:
        """(terms, SQL conditions on mail_index.id, their parameters) of a query.

        A NUL is dropped (FTS5 takes it for the end of the string); repeated words count once;
        the first `MAX_TERMS` words are looked for, each cut at `MAX_TERM_CHARS` (a pasted
        100,000-character query stays one bounded search)."""
        words = dict.fromkeys(t for t in normalize(query.replace("\x00", "")).split() if t)
        terms = [t[:MAX_TERM_CHARS] for t in list(words)[:MAX_TERMS]]
        conditions: list[str] = []
        params: list[object] = []
        text_terms: list[str] = []
        for term in terms:
            prefix = date_prefix(term)
            if prefix is not None:
                conditions.append("date LIKE ?")
                params.append(prefix + "%")
                continue
            text_terms.append(term)
            if len(term) >= 3:
                conditions.append("id IN (SELECT rowid FROM mail_fts WHERE mail_fts MATCH ?)")
                params.append(_quote(term))
            else:
                runs = _RUN.findall(term)
                if len(runs) != 1 or runs[0] != term:
                    continue  # punctuation only: nothing to look for
                conditions.append("id IN (SELECT rowid FROM mail_short WHERE mail_short MATCH ?)")
                params.append(_quote(term) if len(term) == 2 else _quote(term) + "*")
        return text_terms, conditions, params

    @staticmethod
    def _within(sources: Sequence[str] | None) -> tuple[str, tuple[str, ...]]:
        """The SQL condition (on mail_index's `source`) and parameters limiting a search to `sources`."""
        if sources is None:
            return "", ()
        return f"source IN ({', '.join('?' * len(sources))})", tuple(sources)

    def search(self, query: str, limit: int = 50, offset: int = 0,
               sources: Sequence[str] | None = None) -> list[MailHit]:
        """The matches from `offset` on, newest indexed first; `count` says how many there are in all.

        `sources`: only mail of these mailboxes and accounts (the window's local mailbox and its mail
        accounts: mail of a mailbox no longer open cannot be opened from the results). None: all."""
        terms, conditions, params = self._conditions(query)
        if not conditions:
            return []
        within, names = self._within(sources)
        if len(conditions) == 1 and "MATCH" in conditions[0] and not within:
            # One term: let FTS5 walk its doclist newest first and stop at `limit`.
            table = "mail_fts" if "mail_fts" in conditions[0] else "mail_short"
            sql = (f"SELECT m.* FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC"
                   " LIMIT ? OFFSET ?) f JOIN mail_index m ON m.id = f.rowid ORDER BY m.id DESC")
            rows = self.db.read(sql, (params[0], limit, offset))
        elif len(conditions) == 1 and "MATCH" in conditions[0]:
            # The same walk, each row's mailbox checked on the way (the primary key), stopping at `limit`.
            table = "mail_fts" if "mail_fts" in conditions[0] else "mail_short"
            sql = (f"SELECT m.* FROM {table} f JOIN mail_index m ON m.id = f.rowid WHERE {table} MATCH ?"
                   f" AND m.{within} ORDER BY f.rowid DESC LIMIT ? OFFSET ?")
            rows = self.db.read(sql, (params[0], *names, limit, offset))
        else:
            where = " AND ".join([*conditions, within] if within else conditions)
            sql = f"SELECT * FROM mail_index WHERE {where} ORDER BY id DESC LIMIT ? OFFSET ?"
            rows = self.db.read(sql, (*params, *names, limit, offset))
        return [self._hit(row, terms[0] if terms else "") for row in rows]

    def count_matches(self, query: str, sources: Sequence[str] | None = None) -> int:
        """How many indexed mails match `query` (every one, not a page), of `sources` when given."""
        _terms, conditions, params = self._conditions(query)
        if not conditions:
            return 0
        within, names = self._within(sources)
        if len(conditions) == 1 and "MATCH" in conditions[0] and not within:
            table = "mail_fts" if "mail_fts" in conditions[0] else "mail_short"
            return int(self.db.read(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (params[0],))[0][0])
        where = " AND ".join([*conditions, within] if within else conditions)
        return int(self.db.read(f"SELECT count(*) FROM mail_index WHERE {where}", (*params, *names))[0][0])

    @staticmethod
    def _hit(row: object, term: str) -> MailHit:
        assert isinstance(row, sqlite3.Row)
        body: str = row["body"]
        at = normalize(body).find(term) if term else -1
        if at < 0:
            snippet = body[:60]
        else:
            start = max(0, at - 20)
            snippet = ("…" if start else "") + body[start : at + len(term) + 40]
        date = datetime.fromisoformat(row["date"]) if row["date"] else None
        return MailHit(row["source"], row["folder_id"], row["msg_key"], row["message_id"], date,
                       row["sender"], row["subject"], " ".join(snippet.split()))
