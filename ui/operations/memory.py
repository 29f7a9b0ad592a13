"""Customer memory operations: open it, build it with progress, read a profile, search, export, delete.

Reads and small writes run on the `db` lane; the build runs on its own serial
lane (`memory-build`) so a long first build never queues the panel's reads
behind it (SQLite in WAL mode lets them read meanwhile). The build reports
progress through `BuildProgress`, a QObject created on the GUI thread whose
signal carries two ints — queued to the GUI thread, never a Python object.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.context import AppContext
from app.model import CustomerProfile, Insight, Message
from app.sources.base import MailSource
from app.store.mail import MailStore
from ui.tasks import DB, TaskFailure, TaskRunner
from ui.wording import fill

BUILD = "memory-build"
ErrorCallback = Callable[[TaskFailure], None]


@dataclass(frozen=True, slots=True)
class OpenedMemory:
    memory: Any  # app.customers.Memory (imported lazily: SQLAlchemy is not needed to draw the window)
    index: Any   # app.store.search.MailIndex


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    mail: list[Any]    # app.store.search.MailHit: the first page
    memory: list[Any]  # app.customers.MemoryHit
    mail_total: int = 0  # every matching mail, not only the first page
    memory_more: bool = False  # more memory hits than the MEMORY_HITS shown (the memory search is limited)
    unsearchable: int = 0  # the accounts' synced mail not in the index yet (body not synced, or not built yet)


@dataclass(frozen=True, slots=True)
class SearchScope:
    """Where a search looks: the window's local mailbox and its mail accounts (by source key)."""

    local: str                 # the local mailbox's source key (`AppContext.source_key`)
    accounts: tuple[str, ...]  # account ids: their synced mail is indexed under the id

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.local, *self.accounts)


@dataclass(frozen=True, slots=True)
class SearchPage:
    query: str
    mail: list[Any]


SEARCH_PAGE = 100
MEMORY_HITS = 50  # memory hits shown; one more is asked for to know whether there are more


class BuildProgress(QObject):
    """Progress of one build (done, total) and a stop flag the worker checks between messages."""

    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stop_requested = threading.Event()
        self.started = time.monotonic()

    def report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def describe(self, done: int, total: int) -> str:
        """What the status bar says beside the bar: building, and the time left at the rate so far."""
        # Imported here: `app.customers` brings SQLAlchemy and the review (about 300 ms), which the
        # window must not pay for before it shows (measured with -X importtime).
        from app.customers.build import remaining_seconds

        left = remaining_seconds(done, total, time.monotonic() - self.started)
        if left is None or done >= total:
            return self.tr("お客様の記録を作成中")
        if left >= 90:
            return fill(self.tr("お客様の記録を作成中（残り約 {minutes} 分）"), minutes=round(left / 60))
        return fill(self.tr("お客様の記録を作成中（残り約 {seconds} 秒）"), seconds=max(1, round(left)))


def _open(url: str, ctx: AppContext) -> OpenedMemory:
    opened = ctx.with_memory(url)
    return OpenedMemory(opened.memory, opened.index)


def open_memory(
    runner: TaskRunner, url: str, ctx: AppContext,
    on_done: Callable[[OpenedMemory], None], on_error: ErrorCallback,
) -> int:
    """The memory at `url` ("" = in the context's database) and the search index of that database."""
    return runner.submit(DB, lambda: _open(url, ctx), on_done, on_error)


def build(
    runner: TaskRunner, opened: OpenedMemory, local: tuple[str, MailSource] | None, accounts: list[str],
    mail: MailStore, progress: BuildProgress, on_done: Callable[[Any], None], on_error: ErrorCallback,
) -> int:
    """Build the memory and the search index from the local mailbox (`local`: its source key and
    source; None after a sync, which builds its account alone), then from each mail account's
    synced mail (`app.customers.build_account`). One build: its progress counts every mailbox's
    mails listed so far, and a stop ends it wherever it is."""
    from app.customers import BuildResult, build_account, build_memory

    def should_stop() -> bool:
        return progress.stop_requested.is_set() or runner.stopping.is_set()

    def run() -> BuildResult:
        done = total = skipped = 0
        for key in [*([local[0]] if local is not None else []), *accounts]:
            def report(now: int, of: int, before: int = done, listed: int = total) -> None:
                # On the build lane: dropped once the window is gone.
                runner.emit_from_worker(progress, progress.progressed, before + now, listed + of)

            if local is not None and key == local[0]:
                result = build_memory(opened.memory, local[1], key, report, should_stop, opened.index)
            else:
                result = build_account(opened.memory, mail, key, report, should_stop, opened.index)
            done, total, skipped = done + result.done, total + result.total, skipped + result.skipped
            if result.stopped:
                return BuildResult(done, total, True, skipped)
        return BuildResult(done, total, False, skipped)

    return runner.submit(BUILD, run, on_done, on_error)


def forget_source(
    runner: TaskRunner, opened: OpenedMemory, source_key: str, on_done: Callable[[None], None],
    on_error: ErrorCallback,
) -> int:
    """A removed account's mail leaves the search index, and its build checkpoints go with it."""
    def run() -> None:
        opened.index.remove_source(source_key)
        opened.memory.forget_built(source_key)

    return runner.submit(BUILD, run, on_done, on_error)


def load_profile(
    runner: TaskRunner, opened: OpenedMemory, message: Message, insight: Insight | None,
    on_done: Callable[[CustomerProfile | None], None], on_error: ErrorCallback,
) -> int:
    return runner.submit(DB, lambda: opened.memory.profile_for(message, insight), on_done, on_error, slot="profile",
                         drop_at_shutdown=True)


def search(
    runner: TaskRunner, opened: OpenedMemory, query: str, scope: SearchScope,
    on_done: Callable[[SearchResults], None], on_error: ErrorCallback,
) -> int:
    def run() -> SearchResults:
        from app.customers.build import BUILT_ROLES

        memory = opened.memory.search(query, limit=MEMORY_HITS + 1)
        sources = scope.sources
        # What was told in a mailbox no longer open here (the demo's made-up customers, once the shop's
        # own mail is open) is not offered: its mail cannot be opened, and it is nobody the shop knows.
        # A teammate's record (mail this computer never indexed) stays.
        elsewhere = opened.index.only_elsewhere([hit.message_id for hit in memory], sources)
        shown = [hit for hit in memory if hit.message_id not in elsewhere]
        return SearchResults(query, opened.index.search(query, limit=SEARCH_PAGE, sources=sources),
                             shown[:MEMORY_HITS], opened.index.count_matches(query, sources=sources),
                             len(memory) > MEMORY_HITS,
                             opened.index.unsearchable(scope.accounts, [role.value for role in BUILT_ROLES]))

    return runner.submit(DB, run, on_done, on_error, slot="search", drop_at_shutdown=True)


def search_more(
    runner: TaskRunner, opened: OpenedMemory, query: str, offset: int, scope: SearchScope,
    on_done: Callable[[SearchPage], None], on_error: ErrorCallback,
) -> int:
    """The next page of mail hits, as the results view scrolls."""
    return runner.submit(
        DB, lambda: SearchPage(query, opened.index.search(query, limit=SEARCH_PAGE, offset=offset,
                                                          sources=scope.sources)),
        on_done, on_error, slot="search-more", drop_at_shutdown=True,
    )


def export_customer(
    runner: TaskRunner, opened: OpenedMemory, customer_id: int, target: Path,
    on_done: Callable[[Path], None], on_error: ErrorCallback,
) -> int:
    def run() -> Path:
        record = opened.memory.export_customer(customer_id)
        temp = target.with_suffix(target.suffix + ".tmp")
        temp.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        temp.replace(target)
        return target

    return runner.submit(DB, run, on_done, on_error)


def delete_customer(
    runner: TaskRunner, opened: OpenedMemory, customer_id: int,
    on_done: Callable[[None], None], on_error: ErrorCallback,
) -> int:
    return runner.submit(DB, lambda: opened.memory.delete_customer(customer_id), on_done, on_error)
