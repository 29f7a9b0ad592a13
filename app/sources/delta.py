"""What a remote mailbox tells the sync engine: the seam IMAP, Gmail and Graph plug into.

`app.sync` drives any `SyncSource` into the local store. A source answers three
questions per folder, cheaply and in this order:

1. `snapshot`: which message keys exist now (or, for Gmail and Graph, which
   came and went: a partial snapshot), which flags changed since the saved
   `SyncState`, and whether that state is still valid (an IMAP UIDVALIDITY change or
   an expired Gmail historyId means the local copy must be dropped and reloaded);
2. `header_batches`: summary rows for keys the store does not have yet, in batches;
3. `body_batches`: raw bytes for keys whose body is not stored yet, in batches.

Both stream: the source may fetch the next batch while the engine stores one, so
the engine must consume a stream to its end (or accept that the source drops the
connection when it lets go). `headers_for`/`bodies_for` answer for a few keys at once.

Because the engine computes "new" and "vanished" from the full key list each time,
an interrupted sync simply resumes: nothing is lost and nothing is stored twice.
A `TwinSource` can also open a second connection, on which the engine fetches
bodies while the headers still arrive on the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, runtime_checkable

# Re-exports (marked `X as X`): these value types live in app.model now; code written against
# this module, including other branches, still imports them from here.
from app.model import Flag as Flag
from app.model import FolderSnapshot as FolderSnapshot
from app.model import RemoteHeader as RemoteHeader
from app.sources.base import Folder, MessageRef, SyncState


class SyncSource(Protocol):
    def folders(self) -> list[Folder]: ...

    def snapshot(self, folder: Folder, since: SyncState | None) -> FolderSnapshot: ...

    def headers_for(self, folder: Folder, keys: Sequence[str]) -> list[RemoteHeader]: ...

    def bodies_for(self, folder: Folder, keys: Sequence[str]) -> Iterator[tuple[str, bytes]]: ...

    def header_batches(self, folder: Folder, keys: Sequence[str], size: int) -> Iterator[list[RemoteHeader]]: ...

    def body_batches(
        self, folder: Folder, keys: Sequence[str], max_count: int, max_bytes: int
    ) -> Iterator[list[tuple[str, bytes]]]: ...

    def set_flag(self, ref: MessageRef, flag: Flag, on: bool = True) -> None: ...


@runtime_checkable
class TwinSource(SyncSource, Protocol):
    """A source that can open a second, independent connection to the same account.

    The engine then receives bodies on the twin while headers arrive on this
    one (IMAP: one FETCH stream per connection). `pin_validity` makes the twin
    refuse (`NotFound`) to stream from a folder whose UIDVALIDITY is no longer
    the one the headers were listed under: a body of a recreated mailbox must
    never land in the row of an old message with the same UID.
    """

    def twin(self) -> TwinSource: ...

    def connect(self) -> object: ...

    def pin_validity(self, folder_id: str, validity: int | None) -> None: ...

    def close(self) -> None: ...


def header_batches_of(
    source: SyncSource, folder: Folder, keys: Sequence[str], size: int
) -> Iterator[list[RemoteHeader]]:
    """`header_batches` for a source whose only bulk call is `headers_for`."""
    for start in range(0, len(keys), size):
        yield source.headers_for(folder, keys[start : start + size])


def group_bodies(
    bodies: Iterable[tuple[str, bytes]], max_count: int, max_bytes: int
) -> Iterator[list[tuple[str, bytes]]]:
    """Raw bodies in lists of at most `max_count` mails or `max_bytes` (a bigger mail alone).

    When `bodies` fails (the connection is gone for good), the mails received
    so far still come out as a last batch before the error, so the caller can
    store them instead of fetching them again next time.
    """
    batch: list[tuple[str, bytes]] = []
    size = 0
    try:
        for key, raw in bodies:
            if batch and size + len(raw) > max_bytes:
                yield batch
                batch, size = [], 0
            batch.append((key, raw))
            size += len(raw)
            if len(batch) >= max_count:
                yield batch
                batch, size = [], 0
    except Exception:
        if batch:
            yield batch
        raise
    if batch:
        yield batch
