"""The shape every mailbox provider has: Maildir, mbox, IMAP, Gmail, Graph.

A source lists folders and message headers, hands over raw bytes (parsing is
`app.mail`'s job, the same for every provider) and keeps the read state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


# Decodes a listed row's Subject and From values as the server sent them (either may be absent).
ListedDecoder = Callable[[bytes | None, bytes | None], tuple[str, Address]]


class Header:
    """One row of a message list: enough to show it without the body.

    A row listed by a sync may keep its Subject and From as the server sent
    them (`Header.listed`): they are decoded the first time anyone reads
    `subject` or `sender`. A folder of 10,000 shows a screenful, so the sync
    does not decode 10,000 encoded words nobody may look at (ARCHITECTURE.md §4: keep
    parsing off the sync's path). Otherwise it behaves as the frozen record it
    was: equal when its fields are equal, hashable, not meant to be changed.
    """

    __slots__ = ("_listed", "_sender", "_subject", "date", "ref", "seen", "size")

    ref: MessageRef
    date: datetime | None
    seen: bool
    size: int

    def __init__(
        self, ref: MessageRef, subject: str, sender: Address, date: datetime | None, seen: bool, size: int
    ) -> None:
        self.ref = ref
        self.date = date
        self.seen = seen
        self.size = size
        self._subject: str | None = subject
        self._sender: Address | None = sender
        self._listed: tuple[bytes | None, bytes | None, ListedDecoder] | None = None

    @classmethod
    def listed(
        cls, ref: MessageRef, raw_subject: bytes | None, raw_sender: bytes | None, date: datetime | None,
        seen: bool, size: int, decode: ListedDecoder,
    ) -> Header:
        """A row whose Subject and From (raw field values) are decoded by `decode` when first read."""
        header = cls(ref, "", Address("", ""), date, seen, size)
        header._subject = header._sender = None
        header._listed = (raw_subject, raw_sender, decode)
        return header

    def _decode(self) -> None:
        listed = self._listed
        if listed is None:
            return  # another thread decoded it meanwhile (a row may be read off the GUI thread too)
        raw_subject, raw_sender, decode = listed
        self._subject, self._sender = decode(raw_subject, raw_sender)
        self._listed = None

    @property
    def subject(self) -> str:
        if self._subject is None:
            self._decode()
        assert self._subject is not None
        return self._subject

    @property
    def sender(self) -> Address:
        if self._sender is None:
            self._decode()
        assert self._sender is not None
        return self._sender

    def raw_fields(self) -> tuple[bytes | None, bytes | None] | None:
        """(Subject, From) as listed, while not decoded yet; None once decoded or when built decoded."""
        return None if self._listed is None else self._listed[:2]

    def _key(self) -> tuple[object, ...]:
        return (self.ref, self.subject, self.sender, self.date, self.seen, self.size)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Header):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Header(ref={self.ref!r}, subject={self.subject!r}, sender={self.sender!r}, "
                f"date={self.date!r}, seen={self.seen!r}, size={self.size!r})")


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
    draft_key: str = ""                    # `draft_key()` of the draft it was written from, when there was one


class MailSender(Protocol):
    def send(self, message: OutgoingMessage) -> None:
        """Hand the message to the server; raise `AuthExpired`, `NetworkDown`,
        `ServerRejected`, or `SendOutcomeUnknown` when the server may have taken it."""
        ...

    def find_sent(self, message_id: str) -> bool | None:
        """Whether a copy with this Message-ID is already in Sent (None: cannot tell now).
        The outbox asks before retrying an unknown outcome, so nothing goes out twice."""
        ...
