"""Encoding an outgoing mail in the account's charset: UTF-8, or ISO-2022-JP for old readers.

Owns the bytes of a reply's text part and header words, and finding the
characters ISO-2022-JP cannot carry (丸数字 ①, 髙/﨑, half-width kana, emoji…)
*before* sending, so the agent can replace them instead of the customer seeing 〓
or ? in their mail. Building the reply's content (quote, References) is the
composer's job; this turns the final text into bytes.
"""

from __future__ import annotations

import re
import time
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from email.charset import BASE64
from email.charset import Charset as EmailCharset
from email.header import Header as EmailHeader
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr

from app.model import Address, Charset, MessageRef, OutgoingMessage

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


# Characters the agent types or pastes every day that ISO-2022-JP cannot carry, and what
# Japanese mail has always written instead. Anything else is tried with NFKC (half-width
# kana, full-width signs); a character with no stand-in (emoji, 髙 in a name) is left to
# the agent.
_STAND_INS = {
    **{chr(0x2460 + n): f"({n + 1})" for n in range(20)},  # ①…⑳
    **{chr(0x2160 + n): roman for n, roman in enumerate(
        ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"))},  # Ⅰ…Ⅹ
    "～": "〜", "－": "−", "∥": "‖", "￠": "¢", "￡": "£", "￢": "¬", "—": "―",
    "㈱": "(株)", "㈲": "(有)", "㈹": "(代)", "㍻": "平成", "㍼": "昭和", "㋿": "令和", "№": "No.", "℡": "TEL",
    "㌔": "キロ", "㌢": "センチ", "㍍": "メートル", "㌘": "グラム", "㌧": "トン", "㎡": "m2", "㎏": "kg", "㎝": "cm",
    "㎜": "mm", "髙": "高", "﨑": "崎", "德": "徳",
}


_HALF_WIDTH_KANA = re.compile("[\uff61-\uff9f]+")


def stand_in(char: str, charset: Charset) -> str | None:
    """What to write instead of `char` so the charset can carry it, or None."""
    if not unencodable(char, charset):
        return char
    candidates = [_STAND_INS.get(char, ""), unicodedata.normalize("NFKC", char)]
    return next((c for c in candidates if c and c != char and not unencodable(c, charset)), None)


def with_stand_ins(text: str, charset: Charset) -> tuple[str, list[str]]:
    """`text` with every character the charset cannot carry replaced where a stand-in exists,
    and the characters left as they were (no stand-in), in order of first appearance."""
    problems = unencodable(text, charset)
    if not problems:
        return text, []
    # Half-width kana as runs: ｶﾞ is one full-width ガ, not カ and a lone ﾞ.
    text = _HALF_WIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    problems = unencodable(text, charset)
    out: list[str] = []
    left: list[str] = []
    last = 0
    for problem in problems:
        out.append(text[last : problem.offset])
        replacement = stand_in(problem.char, charset)
        if replacement is None:
            out.append(problem.char)
            if problem.char not in left:
                left.append(problem.char)
        else:
            out.append(replacement)
        last = problem.offset + 1
    out.append(text[last:])
    return "".join(out), left


def make_message_id(domain: str) -> str:
    """Fixed once, at the first attempt: the outbox's idempotency key."""
    return f"<{time.strftime('%Y%m%d%H%M%S')}.{uuid.uuid4().hex[:16]}@{domain or 'aizuchi.invalid'}>"


def with_message_id(message: OutgoingMessage, message_id: str) -> OutgoingMessage:
    """The same mail under another Message-ID: only that header field of the bytes changes."""
    head, sep, body = message.raw.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = message.raw.partition(b"\n\n")
    newline = b"\r\n" if sep == b"\r\n\r\n" else b"\n"
    fields: list[bytes] = []
    for line in head.split(newline):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += newline + line
        else:
            fields.append(line)
    new_field = b"Message-ID: " + message_id.encode("ascii")
    replaced = [new_field if f.lower().startswith(b"message-id:") else f for f in fields]
    if new_field not in replaced:
        replaced.append(new_field)
    raw = newline.join(replaced) + sep + body
    return replace(message, raw=raw, message_id=message_id)


def message_id_domain(message_id: str) -> str:
    return message_id.strip("<>").rpartition("@")[2]


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
