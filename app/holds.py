"""The send guard "the customer wrote again": a reply waiting to go is held when a newer mail
from the same customer (the same address, or the same thread) arrives first.

A reply finished on Sunday night and due on Monday 9:00 may answer a question the
customer has since changed (FreeScout #4061 asks for exactly this); so may a reply in
its 10-second grace period. `CustomerWrote` is a `SendGuard` (`app.outbox`): the
outbox consults it just before sending and whenever new mail came in, and holds the
item with the new mail's sender, subject, date and place, so the window can say why
and open it.

"Newer" is the mail's Date after the item's `checked_since` (when the reply was
finished, or last released by the agent): the store keeps no arrival time for local
mailboxes, and a customer's Date is what their mail program showed them when they
wrote. Mail from the shop's own address (a Bcc copy of our reply) never counts.
Where the mail is looked for: a synced account's folders in the store (all but
Sent, Drafts, Trash and Junk), or a local Maildir listed afresh (through its header
index, so only new files are opened).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from app.local_send import LOCAL_PREFIX
from app.model import FolderRole, Header
from app.outbox import Hold, HoldReason, OutboxItem
from app.sources.maildir import MaildirSource, is_maildir
from app.store.db import Database
from app.store.local_index import LocalIndex
from app.store.mail import MailStore

_NOT_CUSTOMER_MAIL = (FolderRole.SENT, FolderRole.DRAFTS, FolderRole.TRASH, FolderRole.JUNK)
_PREFIX = re.compile(r"^\s*(?:(?:re|fw|fwd|aw|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)

MailSince = Callable[[str, datetime], Iterable[Header]]


def thread_subject(subject: str) -> str:
    """The subject with its Re:/Fwd: prefixes gone, width and case folded: one thread's key."""
    text = unicodedata.normalize("NFKC", subject)
    return " ".join(_PREFIX.sub("", text).split()).casefold()


class CustomerWrote:
    """Holds an item when `mail_since(account, checked_since)` has mail from its customer."""

    def __init__(self, mail_since: MailSince) -> None:
        self.mail_since = mail_since

    def __call__(self, item: OutboxItem) -> Hold | None:
        if item.checked_since is None:
            return None
        customers = {r.strip().lower() for r in item.recipients}
        ours = item.sender.strip().lower()
        thread = thread_subject(item.subject)
        newest: Header | None = None
        for header in self.mail_since(item.account_id, item.checked_since):
            if header.date is None or header.date <= item.checked_since:
                continue
            sender = header.sender.email.strip().lower()
            if not sender or sender == ours:
                continue
            ours_to_answer = sender in customers or (thread and thread_subject(header.subject) == thread)
            if ours_to_answer and (newest is None or (newest.date is not None and header.date > newest.date)):
                newest = header
        if newest is None:
            return None
        return Hold(HoldReason.CUSTOMER_WROTE, newest.sender.display(), newest.subject, newest.date, newest.ref)


def mail_since(db: Database) -> MailSince:
    """Where new customer mail is looked for: the store for a synced account, the Maildir for a
    `local:` one. Runs on the worker that sends."""

    def find(account_id: str, since: datetime) -> list[Header]:
        if account_id.startswith(LOCAL_PREFIX):
            return _local_since(db, Path(account_id.removeprefix(LOCAL_PREFIX)), since)
        store = MailStore(db)
        folders = [f.id for f in store.folders(account_id) if f.role not in _NOT_CUSTOMER_MAIL]
        return store.headers_since(account_id, since.timestamp(), folders)

    return find


def _local_since(db: Database, root: Path, since: datetime) -> list[Header]:
    if not is_maildir(root):
        return []
    source = MaildirSource(root, LocalIndex(db))
    found: list[Header] = []
    for folder in source.folders():
        if folder.role in _NOT_CUSTOMER_MAIL:
            continue
        found.extend(h for h in source.headers(folder) if h.date is not None and h.date > since)
    return found
