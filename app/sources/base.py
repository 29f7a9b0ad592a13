"""The shape every mailbox provider has: Maildir, mbox, IMAP, Gmail, Graph.

A source lists folders and message headers, hands over raw bytes (parsing is
`app.mail`'s job, the same for every provider) and keeps the read state.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from app.model import Address


class FolderRole(StrEnum):
    INBOX = "inbox"
    SENT = "sent"
    DRAFTS = "drafts"
    TRASH = "trash"
    JUNK = "junk"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Folder:
    id: str    # stable within its source
    name: str  # the provider's own name (shown for OTHER; roles are worded by the UI)
    role: FolderRole = FolderRole.OTHER


@dataclass(frozen=True, slots=True)
class MessageRef:
    folder_id: str
    key: str  # stable within the folder (Maildir key, mbox index, IMAP UID, API id)


@dataclass(frozen=True, slots=True)
class Header:
    """One row of a message list: enough to show it without the body."""

    ref: MessageRef
    subject: str
    sender: Address
    date: datetime | None
    seen: bool
    size: int


@dataclass(frozen=True, slots=True)
class SyncState:
    """Opaque provider state for incremental listing (UIDVALIDITY+UID, historyId…)."""

    token: str


class MailSource(Protocol):
    def folders(self) -> list[Folder]: ...

    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]: ...

    def fetch(self, ref: MessageRef) -> bytes: ...

    def mark_read(self, ref: MessageRef, read: bool = True) -> None: ...


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A reply ready to leave: its bytes are final and its Message-ID fixed at first attempt."""

    raw: bytes
    message_id: str
    envelope_from: str
    recipients: tuple[str, ...]
    replying_to: MessageRef | None = None  # the original, to flag \\Answered after sending
    thread_hint: str = ""                  # a provider's thread id (Gmail threadId), when known


class MailSender(Protocol):
    def send(self, message: OutgoingMessage) -> None:
        """Hand the message to the server; raise `AuthExpired`, `NetworkDown`,
        `ServerRejected`, or `SendOutcomeUnknown` when the server may have taken it."""
        ...

    def find_sent(self, message_id: str) -> bool | None:
        """Whether a copy with this Message-ID is already in Sent (None: cannot tell now).
        The outbox asks before retrying an unknown outcome, so nothing goes out twice."""
        ...
