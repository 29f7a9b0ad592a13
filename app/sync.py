"""The sync engine: any `SyncSource` (IMAP now, Gmail and Graph next) into the local store.

Owns the order of a sync and what makes it safe to interrupt:

1. folders, as the server lists them;
2. local flag changes not pushed yet (read while offline) go up first;
3. per folder, a snapshot: a changed UIDVALIDITY (or expired history) drops the
   local copy, vanished messages go, changed flags come down, the new state is
   saved — one transaction;
4. headers of the messages the store lacks, newest folder content in batches of
   500, one transaction per batch: the list fills while the rest arrives;
5. bodies, batch by batch, stored raw (parsing is lazy) in pack files written
   while the next batch arrives, each body's checksum in its row. A source that
   can open a second connection (`TwinSource`: IMAP) gets them on it while step 4
   still runs: each header batch, once stored, hands its keys to the body lane
   (`_BodyLane`), so bodies arrive newest first beside the listing, and once
   every header is stored the first connection shares the rest. Other sources
   (Gmail, Graph) fetch the bodies after every header, on their one connection.
   Either way a body is stored only after its header row exists, the progress
   shows HEADERS then BODIES, and the sync ends when both are done.

"What the store lacks" is recomputed from the server's full key list every time,
so a sync cut by a dropped connection resumes where it stopped: nothing is
fetched twice into the store and nothing is skipped.

`SyncedMailbox` is the `MailSource` the window reads: the store first (offline
reading), the server only for a body not synced yet and for flag changes.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial

from app.model import Flag, Folder, FolderRole, Header, MessageRef, SyncState
from app.sources.delta import SyncSource, TwinSource
from app.sources.errors import NetworkDown, NotFound, SourceError
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

    def sync_headers(self, folder: Folder, report: SyncReport | None = None, lane: _BodyLane | None = None) -> int:
        """Headers of every message of `folder` the store lacks, newest first, a batch per transaction.

        With a `lane`, each stored batch's keys go to it at once: their bodies
        start arriving on the second connection while the next batch is listed.
        """
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
            if lane is not None:  # only now: a body is stored only once its row exists
                lane.add(folder, snapshot.validity, [row.header.ref.key for row in rows])
            done += len(rows)
            self._report(folder.id, Phase.HEADERS, done, len(missing))
        self.store.save_sync_state(self.account_id, folder.id, snapshot)
        if lane is not None:
            # Then whatever else lacks its body: mails listed by an earlier, cut sync.
            lane.sweep(folder, snapshot.validity)
        return added

    def sync_bodies(self, folder: Folder) -> int:
        """Every body the store lacks, batch by batch, on this connection; returns how many were stored."""
        pending = self.store.unfetched(self.account_id, folder.id)
        pending.reverse()  # newest first, as the reader is most likely to open those
        keys = [key for key, _size in pending]
        stored = 0
        self._report(folder.id, Phase.BODIES, 0, len(keys))

        def progress(count: int) -> None:
            nonlocal stored
            stored += count
            self._report(folder.id, Phase.BODIES, stored, len(keys))

        return self.fetch_bodies(self.source, folder, keys, progress)

    def fetch_bodies(
        self, source: SyncSource, folder: Folder, keys: Sequence[str],
        progress: Callable[[int], None] | None = None, stop: Callable[[], bool] | None = None,
        writer: ThreadPoolExecutor | None = None,
    ) -> int:
        """The bodies of `keys` from `source` into the store; returns how many were stored.

        A helper thread stores batch n — writes and checksums its pack, then
        commits its rows — while this thread receives batch n+1: the checksum, the
        write and SQLite's work run outside the GIL, beside the receiving. Rows
        commit only once their pack is written (not fsynced: a body lost to a
        power cut fails its checksum on read and is fetched again, see
        `app/store/packs.py`). At most one batch is being stored at a time, so
        memory stays at two batches; `progress` gets each stored batch's count
        on this thread. When the connection drops, the batch already received
        is still stored before the error goes up. `stop` is asked after each
        batch: True lets go of the stream (and so of its connection). `writer`
        is a one-thread executor to store with (the body lane keeps one per
        connection across its streams); without it one is made for this call.
        """
        if not keys:
            return 0
        stored = 0
        storing: Future[int] | None = None

        def finish() -> None:
            nonlocal stored, storing
            if storing is not None:
                done, storing = storing, None
                count = done.result()
                stored += count
                if progress is not None:
                    progress(count)

        with contextlib.ExitStack() as own:
            if writer is None:
                writer = own.enter_context(ThreadPoolExecutor(max_workers=1, thread_name_prefix="aizuchi-pack"))
            try:
                for batch in source.body_batches(folder, keys, BODY_BATCH, BODY_BATCH_BYTES):
                    finish()
                    storing = writer.submit(self.store.store_bodies, self.account_id, folder.id, batch)
                    if stop is not None and stop():
                        break
            finally:
                finish()
        return stored

    def sync(self, bodies: bool = True, folder_ids: Sequence[str] | None = None) -> SyncReport:
        """Folders, flags up, every folder's headers, and (optionally) every body.

        With a `TwinSource` (IMAP) the bodies arrive on a second connection
        while the headers still do on the first (`_BodyLane`); the sync ends
        when both are done. Other sources (Gmail, Graph) list every header
        first and then fetch the bodies, on their one connection.
        """
        report = SyncReport()
        folders = sorted(self.sync_folders(), key=_folder_order)
        if folder_ids is not None:
            folders = [f for f in folders if f.id in folder_ids]
        report.folders = len(folders)
        report.pushed_flags = self.push_flags()
        source = self.source
        lane = _BodyLane(self, source.twin()) if bodies and isinstance(source, TwinSource) else None
        try:
            for folder in folders:
                report.new_headers += self.sync_headers(folder, report, lane)
        except BaseException:
            if lane is not None:
                lane.abort()
            raise
        if lane is not None:
            assert isinstance(source, TwinSource)
            report.bodies += lane.finish(source)
            if lane.error is not None:
                if not isinstance(lane.error, SourceError):
                    raise lane.error
                # The second connection failed (dropped twice, refused, a server that
                # allows one connection): the bodies it left come on this one, still
                # pinned to the UIDVALIDITY their headers were listed under.
                for folder in folders:
                    if folder.id in lane.skipped:
                        continue
                    source.pin_validity(folder.id, lane.validity.get(folder.id))
                    try:
                        report.bodies += self.sync_bodies(folder)
                    except NotFound:
                        pass  # gone or recreated meanwhile: the next sync resets it
                    finally:
                        source.pin_validity(folder.id, None)
        elif bodies:
            for folder in folders:
                report.bodies += self.sync_bodies(folder)
        # Vanished mails, resets and removed folders leave dead bytes in pack files.
        self.store.collect_packs(self.account_id)
        return report


class _BodyLane:
    """Bodies on a second connection while the headers arrive on the first.

    The header pass hands over each stored batch's keys (`add`) and, at the end
    of a folder, asks for everything else still without a body (`sweep`). A
    thread with the twin connection works through that list in order — newest
    first, as the headers come — merging the batches of a folder that queued
    up meanwhile into one stream (up to `STREAM_KEYS`). It sleeps on a
    condition when it has caught up (no busy wait). Once every header is
    stored, the sync's own connection is free: `finish` works through the rest
    of the list on it too, each connection taking half of what is left at a
    time, so the two finish together (Dovecot and we then use both cores). A
    key is only ever in one stream, and a sweep leaves out the keys another
    stream is fetching, so no body is fetched twice.

    Progress: while headers are still listed only HEADERS is reported (the
    list fills exactly as without the lane); `finish` reports BODIES from then
    on, so a progress bar shows headers, then bodies, and the first BODIES
    report marks the moment every header is stored.

    Failures: a folder gone or recreated (`NotFound`, from the pinned
    UIDVALIDITY) is skipped: the next sync resets it. Any other error on the
    twin ends the thread; what it stored stays stored (whole batches), and
    `finish` and then `SyncEngine.sync` fetch the rest on the first connection.
    A twin whose login hangs (a server limiting connections per user) is not
    waited for: the first connection does all the bodies (`_join`). An error
    on the first connection goes up, as without the lane.
    """

    STREAM_KEYS = 2000
    TAIL_KEYS = 500

    def __init__(self, engine: SyncEngine, twin: TwinSource) -> None:
        self._engine = engine
        self._twin = twin
        self._ready = threading.Condition()
        self._work: deque[tuple[Folder, int | None, list[str] | None]] = deque()
        self._closed = False  # the header pass is over: no more work comes
        self._stopping = False  # give up at the next batch
        self._reporting = False  # BODIES progress is shown (headers are all listed)
        self._report_lock = threading.Lock()
        self._current = ""
        self._totals: dict[str, int] = {}
        self._stored: dict[str, int] = {}
        self._fetching: dict[str, set[str]] = {}  # folder -> keys in a stream now
        self._listed: dict[str, set[str]] = {}  # folder -> keys handed over by the header pass
        self.skipped: set[str] = set()
        self.validity: dict[str, int | None] = {}  # folder -> UIDVALIDITY its headers were listed under
        self.error: BaseException | None = None
        self._logging_in = True  # the twin's first login has not returned yet
        self._thread = threading.Thread(target=self._run, name="aizuchi-bodies", daemon=True)
        self._thread.start()

    # -- the header pass's side ---------------------------------------------------------
    def add(self, folder: Folder, validity: int | None, keys: list[str]) -> None:
        with self._ready:
            self.validity[folder.id] = validity
            self._totals[folder.id] = self._totals.get(folder.id, 0) + len(keys)
            self._listed.setdefault(folder.id, set()).update(keys)
            self._work.append((folder, validity, list(keys)))
            self._ready.notify()

    def sweep(self, folder: Folder, validity: int | None) -> None:
        with self._ready:
            self.validity[folder.id] = validity
            self._totals.setdefault(folder.id, 0)
            self._work.append((folder, validity, None))
            self._ready.notify()

    def finish(self, source: TwinSource) -> int:
        """Share what is left on `source` (the sync's connection, free now), wait; returns how many were stored."""
        with self._ready:
            self._closed = True
            self._ready.notify_all()
        with self._report_lock:
            self._reporting = True
            # Every folder, the one in hand last: a folder whose bodies all came in while headers were
            # still listed would otherwise never say its bodies are done.
            for folder_id in sorted(set(self._totals) | set(self._stored), key=lambda f: f == self._current):
                self._report(folder_id)
        try:
            self._work_through(source)
        except BaseException:
            self.abort()
            raise
        self._join()
        return sum(self._stored.values())

    def abort(self) -> None:
        """The sync failed: stop after the batch in hand (it is still stored)."""
        with self._ready:
            self._closed = self._stopping = True
            self._ready.notify_all()
        self._join()

    def _join(self) -> None:
        """Wait for the twin's thread, unless it is still logging in.

        A twin still logging in has taken nothing, and a server that lets a
        second login hang (some limit connections per user) would hold every
        sync's end for the socket timeout. Such a twin is told to stop: once in
        (or timed out) it takes nothing, logs out and ends on its own.
        """
        with self._ready:
            if self._logging_in:
                self._stopping = True
                return
        self._thread.join()

    # -- both connections' side ---------------------------------------------------------
    def _run(self) -> None:
        try:
            # Log in now, while the header pass lists folders and takes its snapshot:
            # the first bodies can then come as soon as the first header batch is stored.
            # A failure here comes back from the first stream, which connects again.
            with contextlib.suppress(SourceError):
                self._twin.connect()
            with self._ready:
                self._logging_in = False
                if self._stopping:
                    return  # the sync ended without us (see _join)
            self._work_through(self._twin)
        except BaseException as error:  # finish() and SyncEngine.sync deal with it
            self.error = error
        finally:
            with contextlib.suppress(Exception):
                self._twin.close()

    def _next(self) -> tuple[Folder, int | None, list[str]] | None:
        """The next keys to fetch (and marks them as being fetched); None when nothing is left."""
        engine = self._engine
        with self._ready:
            while True:
                while not self._work and not self._closed and not self._stopping:
                    self._ready.wait()
                if self._stopping or not self._work:
                    return None
                folder, validity, keys = self._work.popleft()
                if folder.id in self.skipped:
                    continue
                fetching = self._fetching.setdefault(folder.id, set())
                if keys is None:
                    # Whatever still lacks its body (mails listed by an earlier, cut sync),
                    # less what another stream is fetching right now.
                    unfetched = engine.store.unfetched(engine.account_id, folder.id)
                    keys = [key for key, _size in reversed(unfetched) if key not in fetching]
                    listed = self._listed.get(folder.id, set())
                    with self._report_lock:
                        # Count what this sync had not counted yet: mails listed by an earlier one.
                        self._totals[folder.id] += sum(1 for key in keys if key not in listed)
                        if not keys:
                            self._report(folder.id)
                    if not keys:
                        continue
                else:
                    # Batches of the same folder that queued up while the last stream ran: one
                    # stream (a new stream leaves Dovecot idle for a round trip and a GIL hand-off).
                    while (self._work and self._work[0][0].id == folder.id and self._work[0][2] is not None
                           and len(keys) < self.STREAM_KEYS):
                        keys.extend(self._work.popleft()[2] or ())
                # Once every header is listed both connections take from the list: each takes
                # half of what is left (at least TAIL_KEYS), so they run out together.
                take = max(self.TAIL_KEYS, len(keys) // 2) if self._closed else self.STREAM_KEYS
                if len(keys) > take:
                    self._work.appendleft((folder, validity, keys[take:]))
                    keys = keys[:take]
                fetching.update(keys)
                return folder, validity, keys

    def _work_through(self, source: TwinSource) -> None:
        engine = self._engine
        # One pack writer per connection for all its streams (a thread and its SQLite
        # connection are not free, and a stream is only STREAM_KEYS mails).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="aizuchi-pack") as writer:
            while (work := self._next()) is not None:
                folder, validity, keys = work
                with self._report_lock:
                    self._current = folder.id
                source.pin_validity(folder.id, validity)
                try:
                    engine.fetch_bodies(source, folder, keys, partial(self._stored_batch, folder.id),
                                        lambda: self._stopping, writer)
                except NotFound:
                    self.skipped.add(folder.id)
                finally:
                    source.pin_validity(folder.id, None)
                    with self._ready:
                        self._fetching[folder.id].difference_update(keys)

    def _stored_batch(self, folder_id: str, count: int) -> None:
        with self._report_lock:
            self._stored[folder_id] = self._stored.get(folder_id, 0) + count
            self._report(folder_id)

    def _report(self, folder_id: str) -> None:
        # Under _report_lock: the two streams and the sync's thread never report at once.
        if self._reporting:
            total = max(self._totals.get(folder_id, 0), self._stored.get(folder_id, 0))
            self._engine._report(folder_id, Phase.BODIES, self._stored.get(folder_id, 0), total)


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


class StoredMail:
    """An account's mail as the store holds it, bodies and all: the `MailSource` the customer
    memory's build and the search index read (`app.customers.build_memory`), like a local
    mailbox. It never asks the server (the account's own lane does that): a mail whose body
    is not synced yet is not listed, and is taken in by the build after the sync that brings
    it (`MailIndex.unsearchable` counts what is not searchable yet)."""

    def __init__(self, store: MailStore, account_id: str) -> None:
        self.store = store
        self.account_id = account_id

    def folders(self) -> list[Folder]:
        return self.store.folders(self.account_id)

    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]:
        for row in self.store.headers(self.account_id, folder.id):
            if row.body_fetched:
                yield row.header

    def fetch(self, ref: MessageRef) -> bytes:
        raw = self.store.body(self.account_id, ref)
        if raw is None:  # its pack was lost or damaged since the listing: the next sync fetches it again
            raise NotFound(f"{self.account_id}/{ref.folder_id}/{ref.key}")
        return raw

    def mark_read(self, ref: MessageRef, read: bool = True) -> None:
        """Reading for the records never marks a mail read."""
