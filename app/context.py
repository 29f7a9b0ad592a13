"""The application context: what one running Aizuchi works on, opened once.

The window used to open the same SQLite file four times (its own `Database`, the
corrections' lazy one, the composer's, the search index's) and ask the outbox and
the accounts from the GUI thread. Now `open_context` opens the database once (it
may migrate: seconds on a big store), recovers the outbox after a crash and reads
the saved accounts, on a worker lane; every operation receives the context (as
Anki's `CollectionOp` receives the collection) and says what it changed with a
`Changes` flag, and the window refreshes the views that care about it.

Qt-free: the window side (`ui.tasks`, `ui.controllers`) carries it across threads.
The customer memory (SQLAlchemy, possibly a team's PostgreSQL server) opens after
it on the same lane, and may be reopened elsewhere (`with_memory`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Flag, auto
from pathlib import Path
from typing import TYPE_CHECKING

from app.clock import Clock
from app.holds import CustomerWrote, mail_since
from app.model import AccountConfig
from app.outbox import Outbox
from app.settings import Settings
from app.store.db import Database, open_database
from app.store.listing import MessageList
from app.store.mail import MailStore

if TYPE_CHECKING:
    from app.customers import Memory
    from app.store.search import MailIndex


class Changes(Flag):
    """What an operation changed: the views that show it refresh (Anki's `OpChanges`)."""

    NONE = 0
    CONTEXT = auto()        # the context is open: the window may start
    HEADERS = auto()        # a folder's message list was (re)loaded
    FIRST_HEADERS = auto()  # a folder's first screenful is shown (its whole listing may follow)
    MESSAGE = auto()        # the reader shows a mail
    INSIGHT = auto()        # the open mail's highlights are shown
    CORRECTIONS = auto()    # an agent's correction was kept and is shown
    LIST = auto()           # a filter or sort of the whole folder was answered
    ANSWERED = auto()       # the list's reply arrows are known
    MEMORY = auto()         # the customer memory is open (again)
    MEMORY_BUILT = auto()   # a memory build ended
    PROFILE = auto()        # the customer panel shows the open mail's customer
    SEARCH = auto()         # search results are shown
    OUTBOX = auto()         # outbox items changed state
    ACCOUNTS = auto()       # an account was added, changed, removed or synced


@dataclass(slots=True)
class AppContext:
    """The database and what lives in it, the settings, and the mailbox the window reads."""

    db: Database
    settings: Settings
    mailbox_path: Path
    mail: MailStore
    outbox: Outbox
    listing: MessageList
    accounts: list[AccountConfig] = field(default_factory=list)  # as saved when the context opened
    memory: Memory | None = None
    index: MailIndex | None = None

    @property
    def source_key(self) -> str:
        """The local mailbox's name in the memory and the search index."""
        return f"local:{self.mailbox_path.resolve()}"

    def with_memory(self, url: str) -> AppContext:
        """The same context with the customer memory opened at `url` ("" = in the local database)."""
        from app.customers import open_memory
        from app.store.search import MailIndex

        return replace(self, memory=open_memory(url, self.db.path), index=self.index or MailIndex(self.db))


def open_context(settings: Settings, mailbox_path: Path, db_path: Path | None = None,
                 db: Database | None = None, clock: Clock | None = None) -> AppContext:
    """Open everything once (on a worker: opening may migrate the store).

    `db`: a database the caller opened already (the start-up check of a damaged store).
    `clock`: the send path's time (issue 19; tests pass a fake one). The outbox is the one every
    send goes through, with its send guards (the pre-send check point, ARCHITECTURE.md §5):
    a reply waiting to go is held when the customer wrote again."""
    database = db or open_database(db_path)
    outbox = Outbox(database, clock, [CustomerWrote(mail_since(database))])
    # Sends a crash cut short become "unknown" before anything else may retry them.
    outbox.recover()
    mail = MailStore(database)
    return AppContext(database, settings, mailbox_path, mail, outbox, MessageList(database), mail.accounts())
