"""Queries over synced mail: accounts (no secrets), folders with their sync state, messages.

Owns every SQL statement of `mail_accounts`, `mail_folders`, `mail_messages`
(migration 0003), `mail_packs` (0006) and the body checksums (0007). The sync
engine writes through `apply_snapshot`, `add_headers` and `store_bodies`, each
one transaction, so an interrupted sync leaves whole batches behind and never
half a message. Raw bodies live in pack files (`packs.py`), one per
`store_bodies` call, written before the rows that point into them commit but
not fsynced: each row keeps its body's length and CRC-32, and a body that does
not read back as stored (a power cut before writeback) is marked not synced, so
the next sync fetches it again — the store may forget a cached body, never
return a wrong one. `collect_packs` removes packs no row needs any more and
rewrites mostly-dead ones. Reading (the message list, the reader, offline use)
never touches the network.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.mail.headers import decode_listed
from app.model import (
    AccountConfig,
    Address,
    Charset,
    Flag,
    Folder,
    FolderRole,
    FolderSnapshot,
    Header,
    MessageRef,
    RemoteHeader,
    Security,
    SyncState,
)
from app.store.db import Database
from app.store.packs import PackDir, checksum, default_root

_FLAG_COLUMN = {Flag.SEEN: "seen", Flag.ANSWERED: "answered", Flag.FLAGGED: "flagged"}
# A pack whose live mails take less than this share of it is rewritten by collect_packs.
_COMPACT_BELOW = 0.5
_PACK_BYTES = 24 * 1024 * 1024
# A pack file without a row is only an orphan once no sync can still be about to commit it.
_ORPHAN_AGE_S = 3600.0
# A body that did not read back as stored: the row stays, the next sync fetches the body again.
_FORGET_BODY = "UPDATE mail_messages SET body_fetched = 0, pack_id = NULL, body_offset = NULL, body_crc = NULL"


@dataclass(frozen=True, slots=True)
class PendingPack:
    """A pack file written, not yet pointed at: (key, offset, length, CRC-32) per mail."""

    name: str
    entries: list[tuple[str, int, int, int]]


@dataclass(frozen=True, slots=True)
class StoredHeader:
    """A message list row from the store, with the flags the list shows."""

    header: Header
    message_id: str
    answered: bool
    flagged: bool
    body_fetched: bool


@dataclass(frozen=True, slots=True)
class DirtyFlags:
    ref: MessageRef
    flags: frozenset[Flag]


def _key_order(key: str) -> tuple[int, str]:
    # IMAP UIDs sort numerically; other providers' ids keep their text order.
    return (int(key), "") if key.isdigit() else (1 << 62, key)


class MailStore:
    def __init__(self, db: Database, packs_root: Path | None = None) -> None:
        self.db = db
        self.packs = PackDir(packs_root or default_root(db.path))

    # -- accounts --------------------------------------------------------------
    def save_account(self, config: AccountConfig) -> None:
        with self.db.write() as c:
            position = c.execute("SELECT coalesce(max(position), -1) + 1 FROM mail_accounts").fetchone()[0]
            # An upsert, not INSERT OR REPLACE: a replace deletes the row first and
            # would cascade to every synced folder and message of the account.
            c.execute(
                "INSERT INTO mail_accounts(id, kind, display_name, email, username, imap_host, imap_port,"
                " imap_security, smtp_host, smtp_port, smtp_security, charset, server_saves_sent, position)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, display_name=excluded.display_name,"
                " email=excluded.email, username=excluded.username, imap_host=excluded.imap_host,"
                " imap_port=excluded.imap_port, imap_security=excluded.imap_security,"
                " smtp_host=excluded.smtp_host, smtp_port=excluded.smtp_port,"
                " smtp_security=excluded.smtp_security, charset=excluded.charset,"
                " server_saves_sent=excluded.server_saves_sent",
                (config.id, config.kind, config.display_name, config.email, config.username, config.imap_host,
                 config.imap_port, config.imap_security.value, config.smtp_host, config.smtp_port,
                 config.smtp_security.value, config.charset.value, int(config.server_saves_sent), position),
            )

    def accounts(self) -> list[AccountConfig]:
        rows = self.db.read("SELECT * FROM mail_accounts ORDER BY position, created_at")
        return [
            AccountConfig(
                id=r["id"], email=r["email"], username=r["username"], imap_host=r["imap_host"],
                smtp_host=r["smtp_host"], imap_port=r["imap_port"], imap_security=Security(r["imap_security"]),
                smtp_port=r["smtp_port"], smtp_security=Security(r["smtp_security"]),
                display_name=r["display_name"], charset=Charset(r["charset"]),
                server_saves_sent=bool(r["server_saves_sent"]), kind=r["kind"],
            )
            for r in rows
        ]

    def account(self, account_id: str) -> AccountConfig | None:
        return next((a for a in self.accounts() if a.id == account_id), None)

    def delete_account(self, account_id: str) -> None:
        with self.db.write() as c:
            c.execute("DELETE FROM mail_messages WHERE account_id = ?", (account_id,))
            c.execute("DELETE FROM mail_packs WHERE account_id = ?", (account_id,))
            c.execute("DELETE FROM mail_accounts WHERE id = ?", (account_id,))
        self.packs.remove_account(account_id)

    # -- folders ---------------------------------------------------------------
    def save_folders(self, account_id: str, folders: Sequence[Folder]) -> None:
        """The folder list as the server has it now; folders gone there go here too."""
        with self.db.write() as c:
            for position, folder in enumerate(folders):
                c.execute(
                    "INSERT INTO mail_folders(account_id, folder_id, name, role, position) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT(account_id, folder_id) DO UPDATE SET name=excluded.name, role=excluded.role,"
                    " position=excluded.position",
                    (account_id, folder.id, folder.name, folder.role.value, position),
                )
            keep = [f.id for f in folders]
            gone = [
                row[0] for row in c.execute("SELECT folder_id FROM mail_folders WHERE account_id = ?", (account_id,))
                if row[0] not in keep
            ]
            for folder_id in gone:
                c.execute("DELETE FROM mail_messages WHERE account_id = ? AND folder_id = ?", (account_id, folder_id))
                c.execute("DELETE FROM mail_folders WHERE account_id = ? AND folder_id = ?", (account_id, folder_id))

    def folders(self, account_id: str) -> list[Folder]:
        rows = self.db.read(
            "SELECT folder_id, name, role FROM mail_folders WHERE account_id = ? ORDER BY position", (account_id,)
        )
        return [Folder(r["folder_id"], r["name"], FolderRole(r["role"])) for r in rows]

    def sync_state(self, account_id: str, folder_id: str) -> SyncState | None:
        rows = self.db.read(
            "SELECT sync_token FROM mail_folders WHERE account_id = ? AND folder_id = ?", (account_id, folder_id)
        )
        return SyncState(rows[0][0]) if rows and rows[0][0] is not None else None

    def folder_figures(self, account_id: str, folder_id: str) -> dict[str, int | None]:
        rows = self.db.read(
            "SELECT uidvalidity, uidnext, highestmodseq FROM mail_folders WHERE account_id = ? AND folder_id = ?",
            (account_id, folder_id),
        )
        return dict(rows[0]) if rows else {}

    # -- sync writes -------------------------------------------------------------
    def apply_snapshot(self, account_id: str, folder_id: str, snapshot: FolderSnapshot,
                       save_state: bool = True) -> list[str]:
        """Reset, drop vanished, update flags and save the state, in one transaction.

        Returns the keys the store lacks, oldest first. A flag the user changed here
        and that was not pushed yet (flags_dirty) keeps the local value.
        `save_state=False`: the caller saves it (`save_sync_state`) once the missing
        headers are stored — a Gmail history id or a Graph delta link names only
        what changed, so saving it earlier would lose the messages of a cut sync.
        """
        with self.db.write() as c:
            if snapshot.reset:
                c.execute("DELETE FROM mail_messages WHERE account_id = ? AND folder_id = ?", (account_id, folder_id))
            local = {
                row[0]: row[1]
                for row in c.execute(
                    "SELECT uid, flags_dirty FROM mail_messages WHERE account_id = ? AND folder_id = ?",
                    (account_id, folder_id),
                )
            }
            if snapshot.partial:
                vanished = [key for key in snapshot.removed if key in local]
            else:
                remote = set(snapshot.keys)
                vanished = [key for key in local if key not in remote]
            c.executemany(
                "DELETE FROM mail_messages WHERE account_id = ? AND folder_id = ? AND uid = ?",
                [(account_id, folder_id, key) for key in vanished],
            )
            c.executemany(
                "UPDATE mail_messages SET seen = ?, answered = ?, flagged = ?"
                " WHERE account_id = ? AND folder_id = ? AND uid = ? AND flags_dirty = 0",
                [
                    (int(Flag.SEEN in flags), int(Flag.ANSWERED in flags), int(Flag.FLAGGED in flags),
                     account_id, folder_id, key)
                    for key, flags in snapshot.flags.items()
                    if key in local and not local[key]
                ],
            )
            if save_state:
                self._save_state(c, account_id, folder_id, snapshot)
        gone = set(vanished)
        missing = list(dict.fromkeys(key for key in snapshot.keys if key not in local and key not in gone))
        missing.sort(key=_key_order)
        return missing

    @staticmethod
    def _save_state(c: sqlite3.Connection, account_id: str, folder_id: str, snapshot: FolderSnapshot) -> None:
        c.execute(
            "UPDATE mail_folders SET sync_token = ?, uidvalidity = ?, uidnext = ?, highestmodseq = ?,"
            " synced_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE account_id = ? AND folder_id = ?",
            (snapshot.state.token, snapshot.validity, snapshot.next_key, snapshot.modseq, account_id, folder_id),
        )

    def save_sync_state(self, account_id: str, folder_id: str, snapshot: FolderSnapshot) -> None:
        with self.db.write() as c:
            self._save_state(c, account_id, folder_id, snapshot)

    def add_headers(self, account_id: str, folder_id: str, rows: Iterable[RemoteHeader]) -> int:
        """One batch of new rows; a key already stored is left alone (a resumed sync)."""
        values = []
        for row in rows:
            h = row.header
            flags = row.flags
            raw = h.raw_fields()  # listed, not decoded yet: kept as sent, decoded when shown
            values.append((
                account_id, folder_id, h.ref.key, row.message_id,
                *(("", "", "", *raw) if raw is not None else (h.subject, h.sender.name, h.sender.email, None, None)),
                h.date.isoformat() if h.date else None, h.date.timestamp() if h.date else None, h.size,
                # Most new mail has no flags: three enum lookups less per row (a sync stores 10,000).
                *((int(Flag.SEEN in flags), int(Flag.ANSWERED in flags), int(Flag.FLAGGED in flags))
                  if flags else (0, 0, 0)),
            ))
        with self.db.write() as c:
            before = c.total_changes
            c.executemany(
                "INSERT OR IGNORE INTO mail_messages(account_id, folder_id, uid, message_id, subject, sender_name,"
                " sender_email, raw_subject, raw_sender, date, date_ts, size, seen, answered, flagged)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                values,
            )
            return c.total_changes - before

    def unfetched(self, account_id: str, folder_id: str) -> list[tuple[str, int]]:
        """(key, size) of every message whose body is not stored yet."""
        rows = self.db.read(
            "SELECT uid, size FROM mail_messages WHERE account_id = ? AND folder_id = ? AND body_fetched = 0",
            (account_id, folder_id),
        )
        found = [(r[0], r[1]) for r in rows]
        found.sort(key=lambda item: _key_order(item[0]))
        return found

    def write_pack(self, account_id: str, bodies: Iterable[tuple[str, bytes]]) -> PendingPack:
        """Write a batch of raw bodies as one pack file; no SQL, so any thread may call it.

        Nothing points at the pack until `commit_pack`: the sync writes one batch
        (and checksums it, off the GIL) while it receives the next.
        """
        batch = list(bodies)
        name, offsets = self.packs.write(account_id, [raw for _key, raw in batch])
        return PendingPack(name, [
            (key, offset, len(raw), checksum(raw)) for (key, raw), offset in zip(batch, offsets, strict=True)
        ])

    def commit_pack(self, account_id: str, folder_id: str, pack: PendingPack) -> int:
        """Point the messages at a written pack, in one transaction; returns how many were stored."""
        try:
            with self.db.write() as c:
                pack_id = c.execute(
                    "INSERT INTO mail_packs(account_id, name, size) VALUES (?, ?, ?)",
                    (account_id, pack.name, sum(entry[2] for entry in pack.entries)),
                ).lastrowid
                before = c.total_changes
                c.executemany(
                    "UPDATE mail_messages SET pack_id = ?, body_offset = ?, body_length = ?, body_crc = ?,"
                    " body = NULL, body_fetched = 1, size = max(size, ?)"
                    " WHERE account_id = ? AND folder_id = ? AND uid = ?",
                    [(pack_id, offset, length, crc, length, account_id, folder_id, key)
                     for key, offset, length, crc in pack.entries],
                )
                stored = c.total_changes - before
                if not stored:  # every message went away meanwhile: keep no empty pack
                    c.execute("DELETE FROM mail_packs WHERE id = ?", (pack_id,))
        except BaseException:
            self.discard_pack(account_id, pack)
            raise
        if not stored:
            self.discard_pack(account_id, pack)
        return stored

    def discard_pack(self, account_id: str, pack: PendingPack) -> None:
        """Delete a pack that was written but will not be committed."""
        self.packs.delete(account_id, [pack.name])

    def store_bodies(self, account_id: str, folder_id: str, bodies: Iterable[tuple[str, bytes]]) -> int:
        """One batch of raw bodies: one pack file, then its rows, in one transaction."""
        batch = list(bodies)
        if not batch:
            return 0
        return self.commit_pack(account_id, folder_id, self.write_pack(account_id, batch))

    def collect_packs(self, account_id: str) -> int:
        """Delete packs no message points into, orphan files, and rewrite mostly-dead packs.

        Returns how many pack files went away. Cheap when nothing was deleted: two
        indexed queries and one directory listing.
        """
        with self.db.write() as c:
            dead = [
                (r[0], r[1]) for r in c.execute(
                    "SELECT id, name FROM mail_packs p WHERE account_id = ?"
                    " AND NOT EXISTS (SELECT 1 FROM mail_messages m WHERE m.pack_id = p.id)",
                    (account_id,),
                )
            ]
            c.executemany("DELETE FROM mail_packs WHERE id = ?", [(pack_id,) for pack_id, _ in dead])
            sparse = [
                (r[0], r[1]) for r in c.execute(
                    "SELECT p.id, p.name FROM mail_packs p JOIN mail_messages m ON m.pack_id = p.id"
                    " WHERE p.account_id = ? GROUP BY p.id HAVING sum(m.body_length) < p.size * ?",
                    (account_id, _COMPACT_BELOW),
                )
            ]
            gone = [name for _, name in dead] + self._compact(c, account_id, sparse)
            known = {r[0] for r in c.execute("SELECT name FROM mail_packs WHERE account_id = ?", (account_id,))}
            # Files no row knows and old enough not to be a pack waiting for its commit:
            # what a crash between writing and committing left behind.
            gone += [name for name in self.packs.orphans(account_id, known, _ORPHAN_AGE_S) if name not in gone]
        self.packs.delete(account_id, gone)
        return len(gone)

    def _compact(self, c: sqlite3.Connection, account_id: str, sparse: list[tuple[int, str]]) -> list[str]:
        """Copy the live mails of `sparse` packs into new packs; returns the old names to delete."""
        if not sparse:
            return []
        live: list[tuple[int, int, int, int | None, str]] = []
        for pack_id, name in sparse:
            live += [
                (r[0], r[1], r[2], r[3], name) for r in c.execute(
                    "SELECT id, body_offset, body_length, body_crc FROM mail_messages WHERE pack_id = ?",
                    (pack_id,),
                )
            ]
        moved: list[tuple[int, bytes]] = []
        size = 0
        for row_id, offset, length, crc, name in live:
            raw = self.packs.read(account_id, name, offset, length, crc)
            if raw is None:  # lost or damaged: fetch it again rather than copy it on
                c.execute(_FORGET_BODY + " WHERE id = ?", (row_id,))
                continue
            moved.append((row_id, raw))
            size += len(raw)
            if size >= _PACK_BYTES:
                self._repack(c, account_id, moved)
                moved, size = [], 0
        self._repack(c, account_id, moved)
        c.executemany("DELETE FROM mail_packs WHERE id = ?", [(pack_id,) for pack_id, _ in sparse])
        return [name for _, name in sparse]

    def _repack(self, c: sqlite3.Connection, account_id: str, moved: list[tuple[int, bytes]]) -> None:
        if not moved:
            return
        name, offsets = self.packs.write(account_id, [raw for _, raw in moved])
        pack_id = c.execute(
            "INSERT INTO mail_packs(account_id, name, size) VALUES (?, ?, ?)",
            (account_id, name, sum(len(raw) for _, raw in moved)),
        ).lastrowid
        # The new pack is not fsynced either: rows moved from before migration 0007
        # get their checksum now, so a power cut cannot make them silently wrong.
        c.executemany(
            "UPDATE mail_messages SET pack_id = ?, body_offset = ?, body_crc = ? WHERE id = ?",
            [(pack_id, offset, checksum(raw), row_id) for (row_id, raw), offset in zip(moved, offsets, strict=True)],
        )

    # -- reading -------------------------------------------------------------------
    def headers(self, account_id: str, folder_id: str) -> list[StoredHeader]:
        rows = self.db.read(
            "SELECT uid, message_id, subject, sender_name, sender_email, date, size, seen, answered, flagged,"
            " body_fetched, raw_subject, raw_sender FROM mail_messages WHERE account_id = ? AND folder_id = ?"
            " ORDER BY date_ts DESC NULLS LAST, id DESC",
            (account_id, folder_id),
        )
        found = []
        for r in rows:
            ref = MessageRef(folder_id, r[0])
            date = datetime.fromisoformat(r[5]) if r[5] else None
            if r[11] is not None or r[12] is not None:  # listed as sent: decoded when shown
                header = Header.listed(ref, r[11], r[12], date, bool(r[7]), r[6], decode_listed)
            else:
                header = Header(ref, r[2], Address(r[3], r[4]), date, bool(r[7]), r[6])
            found.append(StoredHeader(header, message_id=r[1], answered=bool(r[8]), flagged=bool(r[9]),
                                      body_fetched=bool(r[10])))
        return found

    def body(self, account_id: str, ref: MessageRef) -> bytes | None:
        """The raw mail as synced, or None when it is not here (never synced, or its pack is lost)."""
        for _attempt in (1, 2):
            rows = self.db.read(
                "SELECT m.body, p.name, m.body_offset, m.body_length, m.pack_id, m.body_crc FROM mail_messages m"
                " LEFT JOIN mail_packs p ON p.id = m.pack_id"
                " WHERE m.account_id = ? AND m.folder_id = ? AND m.uid = ? AND m.body_fetched = 1",
                (account_id, ref.folder_id, ref.key),
            )
            if not rows:
                return None
            legacy, name, offset, length, pack_id, crc = rows[0]
            if name is None:  # stored before packs (migration 0006) or a pack row gone
                return bytes(legacy) if legacy is not None else None
            raw = self.packs.read(account_id, name, offset, length, crc)
            if raw is not None:
                return raw
            # collect_packs may have moved it between the query and the read: ask again.
        with self.db.write() as c:
            # Lost or damaged for good (a power cut before the pack reached the disk,
            # a file deleted by hand): never return it; fetch it again at the next sync.
            c.execute(
                _FORGET_BODY + " WHERE account_id = ? AND folder_id = ? AND uid = ? AND pack_id = ?",
                (account_id, ref.folder_id, ref.key, pack_id),
            )
        return None

    def count(self, account_id: str, folder_id: str | None = None) -> int:
        if folder_id is None:
            return int(self.db.read("SELECT count(*) FROM mail_messages WHERE account_id = ?", (account_id,))[0][0])
        return int(self.db.read(
            "SELECT count(*) FROM mail_messages WHERE account_id = ? AND folder_id = ?", (account_id, folder_id)
        )[0][0])

    def unread(self, account_id: str, folder_id: str) -> int:
        return int(self.db.read(
            "SELECT count(*) FROM mail_messages WHERE account_id = ? AND folder_id = ? AND seen = 0",
            (account_id, folder_id),
        )[0][0])

    def answered_keys(self, account_id: str, folder_id: str) -> set[str]:
        """Keys of the folder's messages we replied to (the message list's arrows)."""
        rows = self.db.read(
            "SELECT uid FROM mail_messages WHERE account_id = ? AND folder_id = ? AND answered = 1",
            (account_id, folder_id),
        )
        return {r[0] for r in rows}

    def flags(self, account_id: str, ref: MessageRef) -> frozenset[Flag] | None:
        rows = self.db.read(
            "SELECT seen, answered, flagged FROM mail_messages WHERE account_id = ? AND folder_id = ? AND uid = ?",
            (account_id, ref.folder_id, ref.key),
        )
        if not rows:
            return None
        return frozenset(f for f in Flag if rows[0][_FLAG_COLUMN[f]])

    def find_message_id(self, account_id: str, message_id: str) -> list[MessageRef]:
        rows = self.db.read(
            "SELECT folder_id, uid FROM mail_messages WHERE account_id = ? AND message_id = ?",
            (account_id, message_id),
        )
        return [MessageRef(r[0], r[1]) for r in rows]

    # -- local flag changes ---------------------------------------------------------
    def set_flag(self, account_id: str, ref: MessageRef, flag: Flag, on: bool, pushed: bool) -> None:
        """Record a flag change made here; `pushed=False` keeps it for the next sync to send."""
        column = _FLAG_COLUMN[flag]
        with self.db.write() as c:
            c.execute(
                f"UPDATE mail_messages SET {column} = ?, flags_dirty = CASE WHEN ? THEN flags_dirty ELSE 1 END"
                " WHERE account_id = ? AND folder_id = ? AND uid = ?",
                (int(on), int(pushed), account_id, ref.folder_id, ref.key),
            )

    def dirty_flags(self, account_id: str) -> list[DirtyFlags]:
        rows = self.db.read(
            "SELECT folder_id, uid, seen, answered, flagged FROM mail_messages"
            " WHERE account_id = ? AND flags_dirty = 1",
            (account_id,),
        )
        return [
            DirtyFlags(MessageRef(r[0], r[1]), frozenset(f for f in Flag if r[_FLAG_COLUMN[f]])) for r in rows
        ]

    def clear_dirty(self, account_id: str, ref: MessageRef) -> None:
        with self.db.write() as c:
            c.execute(
                "UPDATE mail_messages SET flags_dirty = 0 WHERE account_id = ? AND folder_id = ? AND uid = ?",
                (account_id, ref.folder_id, ref.key),
            )
