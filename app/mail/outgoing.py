"""Encoding an outgoing mail in the account's charset: UTF-8, or ISO-2022-JP for old readers.

Owns the bytes of a reply's text part and header words, and finding the
characters ISO-2022-JP cannot carry (丸数字 ①, 髙/﨑, half-width kana, emoji…)
*before* sending, so the agent can replace them instead of the customer seeing 〓
or ? in their mail. Building the reply's content (quote, References) is the
composer's job; this turns the final text into bytes.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.charset import BASE64
from email.charset import Charset as EmailCharset
from email.header import Header as EmailHeader
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr

from app.model import Address
from app.sources.base import MessageRef, OutgoingMessage
from app.sources.connection import Charset

# Plain ISO-2022-JP (RFC 1468): ASCII, JIS X 0201 Roman, JIS X 0208. Python's codec
# is exactly that, so a character it refuses is one the customer may not see.
_CODEC = {Charset.UTF8: "utf-8", Charset.ISO2022JP: "iso2022_jp"}


@dataclass(frozen=True, slots=True)
class Unencodable:
    offset: int  # into the text checked
    char: str


def unencodable(text: str, charset: Charset) -> list[Unencodable]:
    """Every character of `text` the charset cannot carry (none for UTF-8)."""
    if charset is Charset.UTF8:
        return []
    codec = _CODEC[charset]
    try:
        text.encode(codec)
        return []
    except UnicodeEncodeError:
        pass
    found = []
    for offset, char in enumerate(text):
        if char in "\r\n":
            continue
        try:
            char.encode(codec)
        except UnicodeEncodeError:
            found.append(Unencodable(offset, char))
    return found


def make_message_id(domain: str) -> str:
    """Fixed once, at the first attempt: the outbox's idempotency key."""
    return f"<{time.strftime('%Y%m%d%H%M%S')}.{uuid.uuid4().hex[:16]}@{domain or 'aizuchi.invalid'}>"


def _email_charset(charset: Charset) -> EmailCharset:
    result = EmailCharset(_CODEC[charset].replace("iso2022_jp", "iso-2022-jp"))
    if charset is Charset.UTF8:
        result.body_encoding = BASE64
    return result


def _address(address: Address, charset: Charset) -> str:
    if not address.name:
        return address.email
    return formataddr((EmailHeader(address.name, _email_charset(charset)).encode(), address.email))


def build_message(
    *,
    sender: Address,
    to: Sequence[Address],
    subject: str,
    body: str,
    charset: Charset = Charset.UTF8,
    cc: Sequence[Address] = (),
    in_reply_to: str = "",
    references: Sequence[str] = (),
    replying_to: MessageRef | None = None,
    message_id: str | None = None,
    date: datetime | None = None,
) -> OutgoingMessage:
    """The final bytes of a plain-text mail. Raises `ValueError` listing unencodable characters."""
    problems = unencodable(subject + "\n" + body + "\n" + "".join(a.name for a in (sender, *to, *cc)), charset)
    if problems:
        raise ValueError("characters the charset cannot carry: " + "".join(sorted({p.char for p in problems})))
    text = body.replace("\r\n", "\n")
    mime = MIMEText(text, "plain", _email_charset(charset).input_charset)
    if charset is Charset.ISO2022JP:
        del mime["Content-Transfer-Encoding"]
        mime["Content-Transfer-Encoding"] = "7bit"
    domain = sender.email.rpartition("@")[2]
    message_id = message_id or make_message_id(domain)
    mime["From"] = _address(sender, charset)
    mime["To"] = ", ".join(_address(a, charset) for a in to)
    if cc:
        mime["Cc"] = ", ".join(_address(a, charset) for a in cc)
    mime["Subject"] = EmailHeader(subject, _email_charset(charset)).encode()
    mime["Date"] = format_datetime(date or datetime.now().astimezone())
    mime["Message-ID"] = message_id
    if in_reply_to:
        mime["In-Reply-To"] = in_reply_to
    if references:
        mime["References"] = " ".join(references)
    raw = mime.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return OutgoingMessage(
        raw=raw, message_id=message_id, envelope_from=sender.email,
        recipients=tuple(a.email for a in (*to, *cc)), replying_to=replying_to,
    )
