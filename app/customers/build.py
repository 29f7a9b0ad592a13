"""Building the memory from mail already in a mailbox: every folder, stoppable, resumable.

Every folder but Drafts, Trash and Junk (`BUILT_ROLES`): a shop that files a regular's
mail into a folder of its own must still find all of it in search and in the customer's
record (QA: 57 of a customer's 345 mails sat in another folder). The build lists them,
skips every message a checkpoint says is done,
and takes the rest oldest first (so an original is usually remembered before
our reply to it; the other order works too, see `Memory.remember_incoming`).
This process fetches each mail; parsing and analysis (everything a write needs
that is pure computation: the analyser, a reply's key pool, the search index's
normalised text) run in a pool of worker processes, one per core, each loading
the analyser once, when there are enough mails to pay for starting them
(`POOL_FROM`); a few mails are analysed here. Results come back in the order
the mails went out, and this process writes them `BATCH` at a time: the batch
and its checkpoint rows in one transaction (`Memory.remember_built`), so a
crash loses at most one batch and the next build resumes there; a stop writes
the part of the batch already analysed. The same pass feeds the mail search
index when one is given (each batch before its checkpoints, so a crash between
the two only indexes those mails again).

Workers are started with `spawn`: the window's process runs Qt and threads, which
a fork would copy half-way. They ignore Ctrl-C; the command line's stop reaches
them through this process, which cancels what is queued.

Our own addresses are learnt from Sent first, so a mail we sent that sits in
the Inbox (a Bcc to ourselves) is never taken for a customer's.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.exc import DataError, IntegrityError

from app.customers.memory import Memory, Prepared
from app.mail.parse import parse_message
from app.model import Folder, FolderRole, Header, MessageRef
from app.sources.base import MailSource
from app.store.mail import MailStore
from app.sync import StoredMail

Progress = Callable[[int, int], None]
# Faults of one mail's content, not of the connection: data the database refuses, text that
# cannot be decoded, structure too deep for Python. Each skips that mail only.
_ONE_MAILS_FAULT = (ValueError, UnicodeError, RecursionError, MemoryError, DataError, IntegrityError)
BATCH = 200  # mails per write transaction
# The folders the memory and the search index are built from: everything a customer wrote or we
# answered. Drafts are unsent, Trash and Junk are what the shop threw away.
BUILT_ROLES = (FolderRole.INBOX, FolderRole.SENT, FolderRole.OTHER)
POOL_FROM = 400  # mails from which worker processes pay for their start (about a second each)
CHUNK = 16  # mails per task handed to a worker: few round trips, little lost at a stop
AHEAD = 16  # chunks queued per worker: more than a batch in all, so none idles while this process writes one


@dataclass(frozen=True, slots=True)
class BuildResult:
    done: int         # messages handled in this run (taken in or skipped as not a customer's)
    total: int        # messages still to do when the run started
    stopped: bool     # True: asked to stop before the end; the next run resumes
    skipped: int = 0  # messages whose content could not be taken in (counted as done)


class SearchIndex(Protocol):
    """What the build needs from a mail search index (`app.store.search.MailIndex`)."""

    def add_messages(self, source: str, items: Sequence[tuple[str, str, object]],
                     texts: Sequence[object] | None = None) -> int: ...

    def remove_vanished(self, account_id: str) -> int: ...

    def indexed_keys(self, source: str, folder_id: str) -> set[str]: ...


@dataclass(frozen=True, slots=True)
class _Analysed:
    """One mail's outcome: what to write (None: its content could not be taken in) and its index text."""

    folder_id: str
    key: str
    prepared: Prepared | None
    text: object = None  # app.store.search.IndexedText


_Job = tuple[str, str, bool, bytes | None]  # folder id, key, from Sent, the raw mail (None: could not be read)


def _sort_key(header: Header) -> float:
    return header.date.timestamp() if header.date else datetime.min.replace(tzinfo=UTC).timestamp()


def pool_size() -> int:
    """Worker processes for a large build: one per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def remaining_seconds(done: int, total: int, elapsed: float) -> float | None:
    """Time left at the rate so far; None until there is a rate to tell."""
    if done <= 0 or elapsed <= 0 or done >= total:
        return None if done < total else 0.0
    return (total - done) * elapsed / done


def _analyse(job: _Job, with_text: bool) -> _Analysed:

    folder_id, key, sent, raw = job
    if raw is None:
        return _Analysed(folder_id, key, None)
    try:
        # The memory and the index read the text only: the HTML and its images need not travel back.
        message = replace(parse_message(raw), html=None, inline_images=(), remote_images=())
        prepared = Memory.prepare(message, MessageRef(folder_id, key), sent=sent, ahead=True)
        text = None
        if with_text:
            from app.store.search import indexed_text, sender_of

            text = indexed_text(message.subject, sender_of(message), message.body)
        return _Analysed(folder_id, key, prepared, text)
    except _ONE_MAILS_FAULT:
        # What this one mail holds cannot be taken in: skip it (counted), never stop the
        # build at it on every start. A lost connection still stops the build (resumable).
        return _Analysed(folder_id, key, None)


def _analyse_chunk(jobs: list[_Job], with_text: bool) -> list[_Analysed]:
    return [_analyse(job, with_text) for job in jobs]


def _worker_start() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the build, not a Ctrl-C here
    from app.analysis import warm_up

    warm_up()


def _fetched(source: MailSource, todo: Iterable[tuple[Folder, Header]]) -> Iterator[_Job]:
    for folder, header in todo:
        try:
            raw: bytes | None = source.fetch(header.ref)
        except _ONE_MAILS_FAULT:
            raw = None
        yield folder.id, header.ref.key, folder.role is FolderRole.SENT, raw


def _here(jobs: Iterator[_Job], with_text: bool) -> Iterator[_Analysed]:
    for job in jobs:
        yield _analyse(job, with_text)


def _pooled(jobs: Iterator[_Job], with_text: bool, workers: int) -> Iterator[_Analysed]:
    """The mails analysed by `workers` processes, in their order.

    When fetching fails (a lost connection), what was fetched before is still analysed
    and handed on, then the error raised: whole batches of it get written."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start)
    pending: deque[Future[list[_Analysed]]] = deque()
    failure: BaseException | None = None
    try:
        chunk: list[_Job] = []
        while True:
            try:
                job = next(jobs, None)
            except Exception as error:  # raised below, after what was fetched before it
                failure = error
                job = None
            if job is not None:
                chunk.append(job)
            if chunk and (job is None or len(chunk) >= CHUNK):
                pending.append(pool.submit(_analyse_chunk, chunk, with_text))
                chunk = []
            while pending and (job is None or len(pending) >= workers * AHEAD):
                yield from pending.popleft().result()
            if job is None:
                break
        if failure is not None:
            raise failure
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def build_memory(
    memory: Memory,
    source: MailSource,
    source_key: str,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    index: SearchIndex | None = None,
    workers: int | None = None,
) -> BuildResult:
    """Take in every message of the `BUILT_ROLES` folders not yet built; `source_key` names the mailbox.

    `workers`: analysing processes (default: `pool_size()` when there are `POOL_FROM`
    mails or more; 1 analyses in this process)."""
    folders = [f for f in source.folders() if f.role in BUILT_ROLES]
    todo: list[tuple[Folder, Header]] = []
    # In team mode the checkpoints are the team's (PostgreSQL) and the index this computer's: a mail
    # a teammate built is taken in again here for the index (the memory skips its Message-ID). A
    # mail account's id is the same on every computer, so without this its index stayed empty.
    own_index = index is not None and memory.dialect != "sqlite"
    for folder in folders:
        built = memory.built_keys(source_key, folder.id)
        if own_index and built:
            assert index is not None
            built &= index.indexed_keys(source_key, folder.id)
        for number, header in enumerate(source.headers(folder)):
            if number % 1000 == 999 and should_stop is not None and should_stop():
                return BuildResult(0, 0, True)  # listing a large folder at shutdown: nothing done yet
            if header.ref.key not in built:
                todo.append((folder, header))
    # Sent first within the same instant is irrelevant; oldest first overall is what matters.
    todo.sort(key=lambda item: (_sort_key(item[1]), item[0].role is FolderRole.SENT))
    memory.add_own_addresses(
        header.sender.email for folder, header in todo if folder.role is FolderRole.SENT and header.sender.email
    )
    total = len(todo)
    if progress is not None:
        progress(0, total)
    if workers is None:
        workers = pool_size() if total >= POOL_FROM else 1
    with_text = index is not None
    jobs = _fetched(source, todo)
    analysed = _pooled(jobs, with_text, workers) if workers > 1 and total else _here(jobs, with_text)
    skipped = 0
    batch: list[Prepared] = []
    texts: list[object] = []
    done: list[tuple[str, str]] = []  # (folder id, key) of every mail in the batch, taken in or skipped

    def write() -> None:
        nonlocal skipped
        if not done:
            return
        if index is not None and batch:
            index.add_messages(source_key, [(p.ref.folder_id, p.ref.key, p.message) for p in batch if p.ref],
                               [t for p, t in zip(batch, texts, strict=True) if p.ref])
        skipped += memory.remember_built(source_key, batch, done)
        batch.clear()
        texts.clear()
        done.clear()

    if should_stop is not None and should_stop() and total:
        return BuildResult(0, total, True)
    number = 0
    try:
        for number, outcome in enumerate(analysed, start=1):
            if outcome.prepared is None:
                skipped += 1
            else:
                batch.append(outcome.prepared)
                texts.append(outcome.text)
            done.append((outcome.folder_id, outcome.key))
            if len(done) >= BATCH:
                write()
            if progress is not None:
                progress(number, total)
            if should_stop is not None and should_stop() and number < total:
                write()  # what is analysed already is kept
                return BuildResult(number, total, True, skipped)
    finally:
        close = getattr(analysed, "close", None)
        if close is not None:
            close()  # a stop or an error: the workers go, what they had queued with them
    write()
    return BuildResult(total, total, False, skipped)


def build_account(
    memory: Memory,
    store: MailStore,
    account_id: str,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    index: SearchIndex | None = None,
    workers: int | None = None,
) -> BuildResult:
    """`build_memory` over a mail account's synced mail (`StoredMail`: the store, never the server),
    named by the account's id. Only what came since the last build is taken in; mail the server
    deleted since leaves the search index first, so no result points at a mail that is gone."""
    if index is not None:
        index.remove_vanished(account_id)
    return build_memory(memory, StoredMail(store, account_id), account_id, progress, should_stop, index, workers)
