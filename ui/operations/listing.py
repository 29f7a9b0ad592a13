"""The message list's store calls: refresh a folder's rows, filter and sort the whole folder.

Both run on the `db` lane (no SQL on the GUI thread); a query carries a slot so
only the newest filter or sort is shown when the user types fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.context import AppContext
from app.sources.base import Header
from app.store.listing import SortColumn
from ui.tasks import DB, TaskFailure, TaskRunner

ErrorCallback = Callable[[TaskFailure], None]
QUERY_SLOT = "list-query"


@dataclass(frozen=True, slots=True)
class ListQuery:
    source: str
    folder_id: str
    text: str = ""
    column: SortColumn = SortColumn.DATE
    descending: bool = True

    @property
    def default(self) -> bool:
        """Newest first and no filter: the order the listing already has."""
        return not self.text.strip() and self.column is SortColumn.DATE and self.descending


@dataclass(frozen=True, slots=True)
class ListAnswer:
    query: ListQuery
    keys: list[str]


def refresh(
    runner: TaskRunner, ctx: AppContext, source: str, folder_id: str, headers: list[Header],
    on_done: Callable[[int], None], on_error: ErrorCallback,
) -> int:
    rows = list(headers)
    return runner.submit(DB, lambda: ctx.listing.refresh(source, folder_id, rows), on_done, on_error)


def query(
    runner: TaskRunner, ctx: AppContext, wanted: ListQuery,
    on_done: Callable[[ListAnswer], None], on_error: ErrorCallback,
) -> int:
    def run() -> ListAnswer:
        keys = ctx.listing.keys(wanted.source, wanted.folder_id, wanted.text, wanted.column, wanted.descending)
        return ListAnswer(wanted, keys)

    return runner.submit(DB, run, on_done, on_error, slot=QUERY_SLOT, drop_at_shutdown=True)


def forget(runner: TaskRunner, ctx: AppContext, source: str, on_error: ErrorCallback) -> int:
    """A removed account's rows go from the listing."""
    return runner.submit(DB, lambda: ctx.listing.forget(source), None, on_error)
