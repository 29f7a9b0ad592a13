"""The shape every mailbox provider has: Maildir, mbox, IMAP, Gmail, Graph.

A source lists folders and message headers, hands over raw bytes (parsing is
`app.mail`'s job, the same for every provider) and keeps the read state.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

# Re-exports (marked `X as X`): these value types live in app.model now; code written against
# this module, including other branches, still imports them from here.
from app.model import Folder as Folder
from app.model import FolderRole as FolderRole
from app.model import Header as Header
from app.model import ListedDecoder as ListedDecoder
from app.model import MessageRef as MessageRef
from app.model import OutgoingMessage as OutgoingMessage
from app.model import SyncState as SyncState


class MailSource(Protocol):
    def folders(self) -> list[Folder]: ...

    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]: ...

    def fetch(self, ref: MessageRef) -> bytes: ...

    def mark_read(self, ref: MessageRef, read: bool = True) -> None: ...


class MailSender(Protocol):
    def send(self, message: OutgoingMessage) -> None:
        """Hand the message to the server; raise `AuthExpired`, `NetworkDown`,
        `ServerRejected`, or `SendOutcomeUnknown` when the server may have taken it."""
        ...

    def find_sent(self, message_id: str) -> bool | None:
        """Whether a copy with this Message-ID is already in Sent (None: cannot tell now).
        The outbox asks before retrying an unknown outcome, so nothing goes out twice."""
        ...
