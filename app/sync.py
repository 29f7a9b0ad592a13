"""The sync engine: any `SyncSource` (IMAP now, Gmail and Graph next) into the local store.

Owns the order of a sync and what makes it safe to interrupt:

1. folders, as the server lists them;
2. local flag changes not pushed yet (read while offline) go up first;
3. per folder, a snapshot: a changed UIDVALIDITY (or expired history) drops the
   local copy, vanished messages go, changed flags come down, the new state is
   saved — one transaction;
4. headers of the messages the store lacks, newest folder content in batches of
   500, one transaction per batch: the list fills while the rest arrives;
5. bodies in the background, batch by batch, stored raw (parsing is lazy) in
   pack files written while the next batch arrives, each body's checksum in its row.

"What the store lacks" is recomputed from the server's full key list every time,
so a sync cut by a dropped connection resumes where it stopped: nothing is
fetched twice into the store and nothing is skipped.

`SyncedMailbox` is the `MailSource` the window reads: the store first (offline
reading), the server only for a body not synced yet and for flag changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum

from app.sources.base import Folder, FolderRole, Header, MessageRef, SyncState
from app.sources.delta import Flag, SyncSource
from app.sources.errors import NetworkDown, NotFound
from app.store.mail import MailStore

HEADER_BATCH = 500
BODY_BATCH = 500
BODY_BATCH_BYTES = 24 * 1024 * 1024


class Phase(StrEnum):
    FOLDERS = "folders"
    HEADERS = "headers"
    BODIES = "bodies"


@dataclass(frozen=True, slots=True)
class SyncProgress:
    account_id: str
    folder_id: str
    phase: Phase
    done: int
    total: int


@dataclass(slots=True)
class SyncReport:
    folders: int = 0
    new_headers: int = 0
    bodies: int = 0
    pushed_flags: int = 0
    resets: list[str] = field(default_factory=list)


ProgressCallback = Callable[[SyncProgress], None]


def _folder_order(folder: Folder) -> int:
    # The inbox is what the agent answers from: it fills first.
    return {FolderRole.INBOX: 0, FolderRole.SENT: 2, FolderRole.JUNK: 3, FolderRole.TRASH: 4}.get(folder.role, 1)


class SyncEngine:
    def __init__(
        self, store: MailStore, account_id: str, source: SyncSource, progress: ProgressCallback | None = None
    ) -> None:
        self.store = store
        self.account_id = account_id
        self.source = source
        self.progress = progress

    def _report(self, folder_id: str, phase: Phase, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(SyncProgress(self.account_id, folder_id, phase, done, total))

    def sync_folders(self) -> list[Folder]:
        folders = self.source.folders()
        self.store.save_folders(self.account_id, folders)
        self._report("", Phase.FOLDERS, len(folders), len(folders))
        return folders

    def push_flags(self) -> int:
        """Send flag changes made while offline; a message gone on the server is let go."""
        pushed = 0
        for dirty in self.store.dirty_flags(self.account_id):
            for flag in (Flag.SEEN, Flag.ANSWERED, Flag.FLAGGED):
                try:
                    self.source.set_flag(dirty.ref, flag, flag in dirty.flags)
                except NotFound:
                    break
            self.store.clear_dirty(self.account_id, dirty.ref)
            pushed += 1
        return pushed

    def sync_headers(self, folder: Folder, report: SyncReport | None = None) -> int:
        since: SyncState | None = self.store.sync_state(self.account_id, folder.id)
        snapshot = self.source.snapshot(folder, since)
        # The new state is saved only once the headers it covers are stored: a Gmail
        # history id or a Graph delta link names a new message once, and a sync cut
        # before its header arrived must ask from the old state again.
        missing = self.store.apply_snapshot(self.account_id, folder.id, snapshot, save_state=False)
        if snapshot.reset and report is not None:
            report.resets.append(folder.id)
        # Newest first: the top of the list is what the agent looks at.
        missing.reverse()
        added = 0
        self._report(folder.id, Phase.HEADERS, 0, len(missing))
        done = 0
        for rows in self.source.header_batches(folder, missing, HEADER_BATCH):
            added += self.store.add_headers(self.account_id, folder.id, rows)
            done += len(rows)
            self._report(folder.id, Phase.HEADERS, done, len(missing))
        self.store.save_sync_state(self.account_id, folder.id, snapshot)
        return added

    def sync_bodies(self, folder: Folder) -> int:
        """Every body the store lacks, batch by batch; returns how many were stored.

        A helper thread stores batch n — writes and checksums its pack, then
        commits its rows — while this thread receives batch n+1: the checksum, the
        write and SQLite's work run outside the GIL, beside the receiving. Rows
        commit only once their pack is written (not fsynced: a body lost to a
        power cut fails its checksum on read and is fetched again, see
        `app/store/packs.py`). At most one batch is being stored at a time, so
        memory stays at two batches, and progress is reported from this thread.
        When the connection drops, the batch already received is still stored
        before the error goes up.
        """
        pending = self.store.unfetched(self.account_id, folder.id)
        pending.reverse()  # newest first, as the reader is most likely to open those
        keys = [key for key, _size in pending]
        stored = 0
        self._report(folder.id, Phase.BODIES, 0, len(pending))
        if not keys:
            return 0
        storing: Future[int] | None = None

        def finish() -> None:
            nonlocal stored, storing
            if storing is not None:
                done, storing = storing, None
                stored += done.result()
                self._report(folder.id, Phase.BODIES, stored, len(pending))

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="aizuchi-pack") as writer:
            try:
                for batch in self.source.body_batches(folder, keys, BODY_BATCH, BODY_BATCH_BYTES):
                    finish()
                    storing = writer.submit(self.store.store_bodies, self.account_id, folder.id, batch)
            finally:
                finish()
        return stored

    def sync(self, bodies: bool = True, folder_ids: Sequence[str] | None = None) -> SyncReport:
        """Folders, flags up, every folder's headers, then (optionally) every body."""
        report = SyncReport()
        folders = sorted(self.sync_folders(), key=_folder_order)
        if folder_ids is not None:
            folders = [f for f in folders if f.id in folder_ids]
        report.folders = len(folders)
        report.pushed_flags = self.push_flags()
        for folder in folders:
            report.new_headers += self.sync_headers(folder, report)
        if bodies:
            for folder in folders:
                report.bodies += self.sync_bodies(folder)
        # Vanished mails, resets and removed folders leave dead bytes in pack files.
        self.store.collect_packs(self.account_id)
        return report


class SyncedMailbox:
    """The `MailSource` over the store, with the server behind it when reachable."""

    def __init__(self, store: MailStore, account_id: str, source: SyncSource | None) -> None:
        self.store = store
        self.account_id = account_id
        self.source = source

    def folders(self) -> list[Folder]:
        return self.store.folders(self.account_id)

    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]:
        for row in self.store.headers(self.account_id, folder.id):
            yield row.header

    def fetch(self, ref: MessageRef) -> bytes:
        raw = self.store.body(self.account_id, ref)
        if raw is not None:
            return raw
        if self.source is None:
            raise NetworkDown("not synced yet and no connection")
        folder = next((f for f in self.folders() if f.id == ref.folder_id), Folder(ref.folder_id, ref.folder_id))
        bodies = list(self.source.bodies_for(folder, [ref.key]))
        if not bodies:
            raise NotFound(f"{ref.folder_id}/{ref.key}")
        self.store.store_bodies(self.account_id, ref.folder_id, bodies)
        return bodies[0][1]

    def set_flag(self, ref: MessageRef, flag: Flag, on: bool = True) -> None:
        """Here at once; on the server now if it answers, else at the next sync."""
        self.store.set_flag(self.account_id, ref, flag, on, pushed=False)
        if self.source is None:
            return
        try:
            self.source.set_flag(ref, flag, on)
        except NetworkDown:
            return  # offline: the dirty mark makes the next sync push it
        self.store.clear_dirty(self.account_id, ref)

    def mark_read(self, ref: MessageRef, read: bool = True) -> None:
        self.set_flag(ref, Flag.SEEN, read)
