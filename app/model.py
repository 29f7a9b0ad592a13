"""Frozen dataclasses shared by every part of Aizuchi.

The core hands these to the UI and the CLI; nothing here carries user-facing
wording. A note or a kind is an enum the UI words in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Address:
    name: str
    email: str

    def display(self) -> str:
        """The name when there is one, else the address (for lists and the CLI)."""
        return self.name or self.email


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str
    size: int


class NoteKind(StrEnum):
    """What the parser had to repair or guess; shown to the user on the message."""

    CHARSET_GUESSED = "charset_guessed"          # no or unknown label: detected
    CHARSET_MISLABELLED = "charset_mislabelled"  # label was wrong: decoded as another
    CHARSET_SUPERSET = "charset_superset"        # e.g. Shift_JIS label read as CP932
    DECODE_REPLACED = "decode_replaced"          # some bytes could not be decoded
    TRANSFER_ENCODING_BROKEN = "transfer_encoding_broken"
    HEADER_REPAIRED = "header_repaired"          # broken RFC 2047 word, raw 8-bit header
    HTML_ONLY = "html_only"                      # body was converted from HTML
    REMOTE_IMAGES_BLOCKED = "remote_images_blocked"
    EMPTY_BODY = "empty_body"
    UNPARSEABLE = "unparseable"                  # body shows the raw text of the mail
    TRUNCATED = "truncated"                      # huge part cut for display


@dataclass(frozen=True, slots=True)
class ParseNote:
    kind: NoteKind
    detail: str = ""  # technical detail (charset names, part), not a sentence

    def describe(self) -> str:
        """A short technical description for the CLI and logs."""
        return f"{self.kind.value}: {self.detail}" if self.detail else self.kind.value


@dataclass(frozen=True, slots=True)
class Message:
    """A mail as the reader shows it. Highlight offsets index `body`."""

    subject: str
    sender: Address
    date: datetime | None
    body: str
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    # Sanitised HTML for HTML mail (remote images not loaded); None for plain text.
    html: str | None = None
    remote_images: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    notes: tuple[ParseNote, ...] = ()


class HighlightKind(StrEnum):
    DISCLOSURE = "disclosure"
    REQUEST = "request"
    WORRY = "worry"


@dataclass(frozen=True, slots=True)
class Highlight:
    kind: HighlightKind
    start: int  # offsets into Message.body, end exclusive
    end: int
    topic: str = ""
    # Indexes (into Insight.highlights) of related highlights: the worry and
    # disclosures that motivate a request, and back.
    links: tuple[int, ...] = ()


class ZoneKind(StrEnum):
    """Parts of a body that are not the customer's new words."""

    QUOTE = "quote"          # earlier mails quoted or forwarded
    SIGNATURE = "signature"
    FORMULA = "formula"      # greetings and closing formulas


@dataclass(frozen=True, slots=True)
class Zone:
    kind: ZoneKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Insight:
    """What the analyser heard in one body: highlights plus the dimmed zones."""

    highlights: tuple[Highlight, ...] = ()
    zones: tuple[Zone, ...] = field(default=())
