"""Building the memory from mail already in a mailbox: Inbox and Sent, stoppable, resumable.

The build lists both folders, skips every message a checkpoint says is done,
and takes the rest oldest first (so an original is usually remembered before
our reply to it; the other order works too, see `Memory.remember_incoming`).
After each message a checkpoint row is written, so stopping — or a crash —
loses at most the message in hand, and the next build resumes there. The same
pass feeds the mail search index when one is given.

Our own addresses are learnt from Sent first, so a mail we sent that sits in
the Inbox (a Bcc to ourselves) is never taken for a customer's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import DataError, IntegrityError

from app.customers.memory import Memory
from app.sources.base import Folder, FolderRole, Header, MailSource, MessageRef

Progress = Callable[[int, int], None]
# Faults of one mail's content, not of the connection: data the database refuses, text that
# cannot be decoded, structure too deep for Python. Each skips that mail only.
_ONE_MAILS_FAULT = (ValueError, UnicodeError, RecursionError, MemoryError, DataError, IntegrityError)


@dataclass(frozen=True, slots=True)
class BuildResult:
    done: int         # messages handled in this run (taken in or skipped as not a customer's)
    total: int        # messages still to do when the run started
    stopped: bool     # True: asked to stop before the end; the next run resumes
    skipped: int = 0  # messages whose content could not be taken in (counted as done)


class SearchIndex:
    """What the build needs from a mail search index (`app.store.search.MailIndex`)."""

    def add(self, source: str, folder_id: str, key: str, message: object) -> None: ...


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
    from app.mail.parse import parse_message

    folders = [f for f in source.folders() if f.role in (FolderRole.INBOX, FolderRole.SENT)]
    todo: list[tuple[Folder, Header]] = []
    for folder in folders:
        done = memory.built_keys(source_key, folder.id)
        todo += [(folder, h) for h in source.headers(folder) if h.ref.key not in done]
    # Sent first within the same instant is irrelevant; oldest first overall is what matters.
    todo.sort(key=lambda item: (_sort_key(item[1]), item[0].role is FolderRole.SENT))
    for folder in folders:
        if folder.role is FolderRole.SENT:
            for f, header in todo:
                if f is folder and header.sender.email:
                    memory.add_own_address(header.sender.email)
    total = len(todo)
    if progress is not None:
        progress(0, total)
    skipped = 0
    for number, (folder, header) in enumerate(todo, start=1):
        if should_stop is not None and should_stop():
            return BuildResult(number - 1, total, True, skipped)
        try:
            message = parse_message(source.fetch(header.ref))
            ref = MessageRef(folder.id, header.ref.key)
            if folder.role is FolderRole.SENT:
                memory.remember_reply(message, None, ref)
            else:
                memory.remember_incoming(message, ref)
            if index is not None:
                index.add(source_key, folder.id, header.ref.key, message)
        except _ONE_MAILS_FAULT:
            # What this one mail holds cannot be taken in: skip it (counted), never stop the
            # build at it on every start. A lost connection still stops the build (resumable).
            skipped += 1
        memory.mark_built(source_key, folder.id, [header.ref.key])
        if progress is not None:
            progress(number, total)
    return BuildResult(total, total, False, skipped)
