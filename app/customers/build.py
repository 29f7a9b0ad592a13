"""Building the memory from mail already in a mailbox: Inbox and Sent, stoppable, resumable.

The build lists both folders, skips every message a checkpoint says is done,
and takes the rest oldest first (so an original is usually remembered before
our reply to it; the other order works too, see `Memory.remember_incoming`).
Mails are parsed and analysed one by one, outside any transaction, and written
`BATCH` at a time: the batch and its checkpoint rows in one transaction
(`Memory.remember_built`), so a crash loses at most one batch and the next
build resumes there; a stop writes the part of the batch already analysed.
The same pass feeds the mail search index when one is given (each batch before
its checkpoints, so a crash between the two only indexes those mails again).

Our own addresses are learnt from Sent first, so a mail we sent that sits in
the Inbox (a Bcc to ourselves) is never taken for a customer's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.exc import DataError, IntegrityError

from app.customers.memory import Memory, Prepared
from app.mail.parse import parse_message
from app.model import Folder, FolderRole, Header, MessageRef
from app.sources.base import MailSource

Progress = Callable[[int, int], None]
# Faults of one mail's content, not of the connection: data the database refuses, text that
# cannot be decoded, structure too deep for Python. Each skips that mail only.
_ONE_MAILS_FAULT = (ValueError, UnicodeError, RecursionError, MemoryError, DataError, IntegrityError)
BATCH = 200  # mails per write transaction


@dataclass(frozen=True, slots=True)
class BuildResult:
    done: int         # messages handled in this run (taken in or skipped as not a customer's)
    total: int        # messages still to do when the run started
    stopped: bool     # True: asked to stop before the end; the next run resumes
    skipped: int = 0  # messages whose content could not be taken in (counted as done)


class SearchIndex(Protocol):
    """What the build needs from a mail search index (`app.store.search.MailIndex`)."""

    def add_messages(self, source: str, items: Sequence[tuple[str, str, object]]) -> int: ...


def _sort_key(header: Header) -> float:
    return header.date.timestamp() if header.date else datetime.min.replace(tzinfo=UTC).timestamp()


def build_memory(
    memory: Memory,
    source: MailSource,
    source_key: str,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    index: SearchIndex | None = None,
) -> BuildResult:
    """Take in every Inbox and Sent message not yet built; `source_key` names the mailbox."""
    folders = [f for f in source.folders() if f.role in (FolderRole.INBOX, FolderRole.SENT)]
    todo: list[tuple[Folder, Header]] = []
    for folder in folders:
        built = memory.built_keys(source_key, folder.id)
        todo += [(folder, h) for h in source.headers(folder) if h.ref.key not in built]
    # Sent first within the same instant is irrelevant; oldest first overall is what matters.
    todo.sort(key=lambda item: (_sort_key(item[1]), item[0].role is FolderRole.SENT))
    memory.add_own_addresses(
        header.sender.email for folder, header in todo if folder.role is FolderRole.SENT and header.sender.email
    )
    total = len(todo)
    if progress is not None:
        progress(0, total)
    skipped = 0
    batch: list[Prepared] = []
    done: list[tuple[str, str]] = []  # (folder id, key) of every mail in the batch, taken in or skipped

    def write() -> None:
        nonlocal skipped
        if not done:
            return
        if index is not None and batch:
            index.add_messages(source_key, [(p.ref.folder_id, p.ref.key, p.message) for p in batch if p.ref])
        skipped += memory.remember_built(source_key, batch, done)
        batch.clear()
        done.clear()

    for number, (folder, header) in enumerate(todo, start=1):
        if should_stop is not None and should_stop():
            write()  # what is analysed already is kept
            return BuildResult(number - 1, total, True, skipped)
        try:
            message = parse_message(source.fetch(header.ref))
            ref = MessageRef(folder.id, header.ref.key)
            batch.append(Memory.prepare(message, ref, sent=folder.role is FolderRole.SENT))
        except _ONE_MAILS_FAULT:
            # What this one mail holds cannot be taken in: skip it (counted), never stop the
            # build at it on every start. A lost connection still stops the build (resumable).
            skipped += 1
        done.append((folder.id, header.ref.key))
        if len(done) >= BATCH:
            write()
        if progress is not None:
            progress(number, total)
    write()
    return BuildResult(total, total, False, skipped)
