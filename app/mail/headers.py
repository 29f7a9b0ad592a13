"""Header fields: unfolding, RFC 2047 words, raw 8-bit values, addresses, dates.

Owns turning the header block of a mail into text without `policy.default`
header objects (slow: ~0.6 ms a mail). `read_summary` is the fast path for
message lists and reads nothing past the first blank line; `read_headers`
gives `parse.py` every top-level field it needs. Encoded words go through
the same charset repair as bodies (`charset.decode_bytes`), so an
`=?ISO-2022-JP?B?...?=` subject with ① or 髙 decodes the way Outlook wrote it.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import getaddresses, parsedate_to_datetime

from app.mail.charset import JIS_DESIGNATION, decode_bytes, decode_plain_iso2022jp
from app.mail.transfer import decode_base64
from app.model import Address, NoteKind, ParseNote

__all__ = [
    "HeaderSummary",
    "MailHeaders",
    "decode_header_bytes",
    "decode_words",
    "head_end",
    "parse_address_list",
    "parse_date",
    "read_headers",
    "read_summary",
    "split_fields",
]

# An encoded word. The text part excludes "?" (RFC 2047) but allows spaces:
# a word broken by a bad fold is still decodable once unfolded.
_WORD = re.compile(rb"=\?([^?\s]+)\?([BbQq])\?([^?]*)\?=")
_BROKEN_WORD = re.compile(rb"=\?[^?\s]+\?[BbQq]\?")
# A value that is nothing but well-formed UTF-8 B-words (most subjects and names
# today), or nothing but ISO-2022-JP B-words (the other half of Japanese mail):
# decoded without the per-word charset machinery, with the same result.
_UTF8_B = rb"=\?[Uu][Tt][Ff]-8\?[Bb]\?([A-Za-z0-9+/]*={0,2})\?="
_ONLY_UTF8_B_WORDS = re.compile(_UTF8_B + rb"(?:[ \t]*" + _UTF8_B + rb")*")
_UTF8_B_WORD = re.compile(_UTF8_B)
_JIS_B = rb"=\?(?i:iso-2022-jp)\?[Bb]\?([A-Za-z0-9+/]*={0,2})\?="
_ONLY_JIS_B_WORDS = re.compile(_JIS_B + rb"(?:[ \t]*" + _JIS_B + rb")*")
_JIS_B_WORD = re.compile(_JIS_B)
FIELD_NAME = re.compile(rb"^[!-9;-~]+[ \t]*:")
# The bytes FIELD_NAME allows in a name, for split_fields' translate check.
_NAME_BYTES = bytes(b for b in range(0x21, 0x7F) if b != 0x3A)
_MSG_ID = re.compile(r"<[^<>\s]+>")
_LOOSE_DATE = re.compile(
    r"(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
_JST = timezone(timedelta(hours=9))
# The canonical RFC 5322 date that nearly every mailer writes, read without the
# stdlib's general parser (a message list reads 10,000 of them). "-0000" (time
# zone unknown) and everything else take the general path.
_MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
_CANONICAL_DATE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})"
    r" (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})"
)
_ZONES: dict[str, timezone] = {}
_DOUBTFUL = frozenset({NoteKind.CHARSET_MISLABELLED, NoteKind.CHARSET_GUESSED, NoteKind.DECODE_REPLACED})
_SUMMARY_FIELDS = frozenset({"subject", "from", "date", "message-id"})
_SUMMARY_SPELLINGS = {
    spelling.encode("ascii"): spelling.lower()
    for spelling in ("Subject", "From", "Date", "Message-ID", "Message-Id", "SUBJECT", "FROM", "DATE", "MESSAGE-ID")
}
# The shapes nearly every From has: `Name <addr>`, `"Name" <addr>`, `addr`, with a
# dot-atom address. They skip the stdlib's character-by-character parser (≈40 µs a
# field, most of a 10,000-mail header sync); anything else (comments, groups,
# lists, escapes, dots in a bare name, quoted local parts) still goes through it.
_DOT_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_ADDR_SPEC = _DOT_ATOM + "@" + _DOT_ATOM
_SIMPLE_ADDRESS = re.compile(
    r'[ \t]*(?:(?:"(?P<quoted>[^"\\\r\n]*)"|(?P<plain>[^"()<>@,:;.\[\]\\\r\n]*?))[ \t]*'
    r"<(?P<angle>" + _ADDR_SPEC + r")>|(?P<bare>" + _ADDR_SPEC + r"))[ \t]*\Z"
)


# read_summary's fast paths (a 10,000-mail header sync runs it 10,000 times; each
# gives exactly what the general path gives, see tests/unit/test_header_fast_paths.py):
# - the fields of a header block without folded lines, in one C-level findall;
#   a line is a field exactly when split_fields' rule says so (printable ASCII
#   name without ':', optional blanks, ':'), its value what split_fields keeps;
#   (split_fields' value, stripped, is this one's stripped: the strip takes the CRs)
_UNFOLDED_FIELD = re.compile(rb"^([!-9;-~]+)[ \t]*:([^\n]*)", re.MULTILINE)
# - a From that is UTF-8 or ISO-2022-JP B-words and an angle address: what most
#   Japanese mail has, decoded without the address parser.
_UTF8_B_NC = rb"=\?[Uu][Tt][Ff]-8\?[Bb]\?[A-Za-z0-9+/]*={0,2}\?="
_JIS_B_NC = rb"=\?(?i:iso-2022-jp)\?[Bb]\?[A-Za-z0-9+/]*={0,2}\?="
_ANGLE_TAIL = rb"[ \t]*<(" + _ADDR_SPEC.encode("ascii") + rb")>[ \t]*"
_WORDS_FROM = re.compile(
    rb"(" + _UTF8_B_NC + rb"(?:[ \t]*" + _UTF8_B_NC + rb")*)" + _ANGLE_TAIL
    + rb"|(" + _JIS_B_NC + rb"(?:[ \t]*" + _JIS_B_NC + rb")*)" + _ANGLE_TAIL
)


@dataclass(frozen=True, slots=True)
class HeaderSummary:
    """One row of a message list, read from the header block only."""

    subject: str
    sender: Address
    date: datetime | None
    message_id: str
    notes: tuple[ParseNote, ...] = ()


@dataclass(frozen=True, slots=True)
class MailHeaders:
    subject: str
    sender: Address
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    date: datetime | None
    message_id: str
    in_reply_to: str
    references: tuple[str, ...]
    notes: tuple[ParseNote, ...]
    reply_to: tuple[Address, ...] = ()  # where replies go when not to the sender (contact forms)


def head_end(raw: bytes) -> int:
    """Offset of the blank line that ends the header block, or -1 when there is none."""
    lf = raw.find(b"\n\n")
    crlf = raw.find(b"\n\r\n")
    candidates = [i for i in (lf, crlf) if i >= 0]
    return min(candidates) + 1 if candidates else -1


def split_fields(head: bytes, wanted: frozenset[str] | None = None) -> list[tuple[str, bytes]]:
    """(lower-case name, unfolded raw value) for each field, in order.

    Unfolding removes the line breaks only (RFC 5322); the whitespace of the
    continuation line stays, and encoded-word decoding drops it between words.
    Lines that are neither a field nor a continuation (mbox "From " line,
    junk) are skipped.

    Speed (the header sync runs this 10,000 times): a field name is checked
    with `bytes.translate` instead of `FIELD_NAME` (same rule: printable ASCII
    without ':' before optional blanks and the colon), and a value without
    continuation lines is never copied into a buffer.
    """
    fields: list[tuple[str, bytes]] = []
    continued: list[bytes] | None = None  # chunks of the last wanted field
    for line in head.split(b"\n"):
        if line[-1:] == b"\r":
            line = line.rstrip(b"\r")
        if not line:
            break
        first = line[0]
        if first == 0x20 or first == 0x09:  # a continuation line
            if continued is not None:
                continued.append(line)
            continue
        if continued is not None and len(continued) > 1:
            fields[-1] = (fields[-1][0], b"".join(continued))
        continued = None
        colon = line.find(b":")
        name = line[:colon].rstrip(b" \t") if colon > 0 else b""
        if not name or name.translate(None, _NAME_BYTES):
            continue  # not a field (FIELD_NAME would not match)
        text = name.decode("ascii").lower()
        if wanted is not None and text not in wanted:
            continue
        value = line[colon + 1 :].lstrip(b" \t")
        fields.append((text, value))
        continued = [value]
    if continued is not None and len(continued) > 1:
        fields[-1] = (fields[-1][0], b"".join(continued))
    return [(name, value.strip()) for name, value in fields]


def _word_bytes(encoding: bytes, text: bytes) -> tuple[bytes, bool]:
    if encoding in (b"B", b"b"):
        return decode_base64(text)
    return binascii.a2b_qp(text, header=True), False


def decode_words(value: bytes, where: str, notes: list[ParseNote], text_codec: str = "latin-1") -> str:
    """Decode RFC 2047 words in an ASCII value; other text passes through.

    Whitespace between two encoded words is dropped (RFC 2047 §6.2), and
    neighbouring words in the same charset are decoded together because
    mailers split a multi-byte character across two words. `text_codec`
    decodes the text around the words ("utf-8" once raw 8-bit text was repaired).
    """
    if b"=?" not in value:
        return value.decode(text_codec, errors="replace")
    if _ONLY_UTF8_B_WORDS.fullmatch(value):
        fast = _utf8_words(value)
        if fast is not None:
            return fast
    elif _ONLY_JIS_B_WORDS.fullmatch(value):
        fast = _jis_words(value)
        if fast is not None:
            return fast
    pieces: list[str] = []
    pending: list[tuple[str, bytes]] = []  # (charset, bytes) of consecutive words
    repaired = False
    position = 0

    def flush() -> None:
        if not pending:
            return
        charset = pending[0][0]
        data = b"".join(chunk for _, chunk in pending)
        decoded = decode_bytes(data, charset, where)
        notes.extend(decoded.notes)
        pieces.append(decoded.text)
        pending.clear()

    for match in _WORD.finditer(value):
        between = value[position : match.start()]
        if between and not (pending and between.strip(b" \t") == b""):
            flush()
            pieces.append(between.decode(text_codec, errors="replace"))
        charset = match.group(1).decode("ascii", errors="replace").split("*", 1)[0]
        data, broken = _word_bytes(match.group(2), match.group(3))
        if broken:
            # A repaired word is only trusted when it then decodes cleanly in its
            # own charset; otherwise it stays as written (and is noted).
            flush()
            repaired = True
            decoded = decode_bytes(data, charset, where) if data else None
            if decoded is not None and not any(n.kind in _DOUBTFUL for n in decoded.notes):
                notes.extend(decoded.notes)
                pieces.append(decoded.text)
            else:
                # A word cut short (a mailer that truncated the line) ends inside a character:
                # what precedes the cut still reads. Otherwise it stays as written.
                pieces.append(_cut_utf8(data, charset) or match.group().decode("ascii"))
        else:
            if pending and pending[0][0].lower() != charset.lower():
                flush()
            pending.append((charset, data))
        position = match.end()
    flush()
    tail = value[position:]
    pieces.append(tail.decode(text_codec, errors="replace"))
    if _BROKEN_WORD.search(tail):
        repaired = True  # an unterminated word (truncated header) stays as written
    if repaired:
        notes.append(ParseNote(NoteKind.HEADER_REPAIRED, f"{where}: broken encoded word"))
    return "".join(pieces)


def _cut_utf8(data: bytes, charset: str) -> str:
    """The UTF-8 text of `data` without the last character cut short ("" when more is wrong)."""
    if charset.lower().replace("_", "-") not in ("utf-8", "utf8") or len(data) < 2:
        return ""
    for cut in (1, 2, 3):
        try:
            text = data[:-cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return text if text.isprintable() else ""
    return ""


def _utf8_words(value: bytes) -> str | None:
    """`decode_words` of a run of UTF-8 B-words, or None when any needs the repairs there."""
    try:
        data = b"".join(binascii.a2b_base64(word, strict_mode=True) for word in _UTF8_B_WORD.findall(value))
        if data.startswith(b"\xef\xbb\xbf") or b"\x1b" in data:
            return None  # a BOM or ISO-2022-JP escapes: decode_bytes has rules for both
        return data.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


def _jis_words(value: bytes) -> str | None:
    """`decode_words` of a run of ISO-2022-JP B-words (half the subjects of Japanese mail), or None.

    The words' bytes are joined before decoding, as the general path does, and
    only plain ISO-2022-JP is taken here: anything `decode_bytes` would repair
    or note (extensions, a missing escape) goes the general way.
    """
    try:
        data = b"".join(binascii.a2b_base64(word, strict_mode=True) for word in _JIS_B_WORD.findall(value))
    except binascii.Error:
        return None
    return decode_plain_iso2022jp(data)


# Charsets whose raw 8-bit header text would be misread as Japanese (EUC-KR bytes are valid
# EUC-JP): when the mail labels its text so, its raw headers are read so too (issue 14).
_OTHER_CJK = frozenset({"euc-kr", "ks_c_5601-1987", "ks_c_5601", "cp949", "uhc", "windows-949", "gb2312",
                        "gbk", "gb18030", "euc-cn", "big5", "big5-hkscs", "cp950"})
_CHARSET_PARAM = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
HintSource = Callable[[], str | None]


def charset_hint(raw: bytes) -> str | None:
    """A non-Japanese CJK charset the mail's parts are labelled with, if any."""
    for match in _CHARSET_PARAM.finditer(raw[:65_536]):
        label = match.group(1).decode("ascii", errors="replace").lower()
        if label in _OTHER_CJK:
            return label
    return None


def _raw_to_ascii_text(value: bytes, where: str, notes: list[ParseNote],
                       hint: HintSource | None = None) -> bytes | str:
    """Raw 8-bit or raw ISO-2022-JP header text decoded; ASCII returned as bytes for word decoding."""
    if value.isascii() and not JIS_DESIGNATION.search(value):
        return value
    label = hint() if hint is not None else None
    if label is not None:
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = value.decode(label)
            except (UnicodeDecodeError, LookupError):
                pass
            else:
                notes.append(ParseNote(NoteKind.HEADER_REPAIRED, f"{where}: raw {label}"))
                return text
    decoded = decode_bytes(value, None, where)
    if decoded.charset != "utf-8":
        # RFC 6532 allows raw UTF-8; anything else in a header is a repair.
        notes.append(ParseNote(NoteKind.HEADER_REPAIRED, f"{where}: raw {decoded.charset}"))
    notes.extend(n for n in decoded.notes if n.kind is NoteKind.DECODE_REPLACED)
    return decoded.text


def decode_header_bytes(value: bytes, where: str, notes: list[ParseNote], hint: HintSource | None = None) -> str:
    """An unstructured field (Subject) as text. Notes go to `notes`; `hint` gives the charset the
    mail's text is labelled with, for raw 8-bit values (see `charset_hint`)."""
    text = _raw_to_ascii_text(value, where, notes, hint)
    if isinstance(text, bytes):
        return _clean(decode_words(text, where, notes))
    if "=?" in text:
        # Raw 8-bit text mixed with encoded words: decode the words in place.
        return _clean(decode_words(text.encode("utf-8"), where, notes, "utf-8"))
    return _clean(text)


def _clean(text: str) -> str:
    # Folding leaves tabs; a subject line shows them as one space.
    return text.replace("\t", " ").replace("\r", "").replace("\n", "").strip()


def parse_address_list(value: bytes, where: str, notes: list[ParseNote]) -> tuple[Address, ...]:
    """Addresses of a From/To/Cc field; display names decoded, junk skipped."""
    raw = _raw_to_ascii_text(value, where, notes)
    text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
    addresses: list[Address] = []
    simple = _SIMPLE_ADDRESS.match(text)
    if simple is not None:
        quoted, plain, angle, bare = simple.group("quoted", "plain", "angle", "bare")
        # As getaddresses: a quoted name keeps its spaces, a bare phrase's words join with one.
        pairs = [(quoted if quoted is not None else " ".join((plain or "").split()), angle or bare)]
    else:
        try:
            pairs = getaddresses([text])
        except Exception:  # the stdlib address parser has had crash bugs on junk
            pairs = []
    for name, email in pairs:
        if not name and not email:
            continue
        if "=?" in name:
            name = decode_words(name.encode("utf-8"), where, notes, "utf-8")
        if "@" not in email and not name:
            name, email = email, ""
        addresses.append(Address(_clean(name).strip("\"'"), email.strip()))
    if not addresses and text.strip():
        # Unparseable: show what was written rather than nothing.
        addresses.append(Address(_clean(decode_words(text.encode("utf-8"), where, notes, "utf-8")), ""))
    return tuple(addresses)


def parse_date(value: str) -> datetime | None:
    """An aware datetime, or None. Naive dates count as UTC; loose Japanese dates as JST."""
    value = value.strip()
    if not value:
        return None
    canonical = _CANONICAL_DATE.fullmatch(value)
    if canonical is not None and canonical.group(7, 8, 9) != ("-", "00", "00"):
        day, month, year, hour, minute, second, sign, zone_h, zone_m = canonical.groups()
        zone = _ZONES.get(sign + zone_h + zone_m)
        if zone is None:
            offset = timedelta(hours=int(zone_h), minutes=int(zone_m))
            zone = _ZONES.setdefault(sign + zone_h + zone_m, timezone(-offset if sign == "-" else offset))
        try:
            return datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second), tzinfo=zone)
        except ValueError:
            pass  # 31 Feb, a leap second: the general path decides
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is not None:
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    match = _LOOSE_DATE.search(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=_JST)
    except ValueError:
        return None


def _message_id(value: bytes) -> str:
    text = value.decode("latin-1").strip()
    match = _MSG_ID.search(text)
    return match.group() if match else text


def _sender(value: bytes | None, notes: list[ParseNote]) -> Address:
    if value is None:
        return Address("", "")
    found = parse_address_list(value, "from", notes)
    return found[0] if found else Address("", "")


def _first(fields: list[tuple[str, bytes]], name: str) -> bytes | None:
    for field, value in fields:
        if field == name:
            return value
    return None


def _head(raw: bytes) -> bytes:
    end = head_end(raw)
    return raw if end < 0 else raw[:end]


def _summary_fields(head: bytes) -> dict[str, bytes]:
    """The first value of each summary field, as `split_fields(head, _SUMMARY_FIELDS)` reads them."""
    found: dict[str, bytes] = {}
    # Folded lines, or a line of nothing but CRs (split_fields stops there): the general way.
    if b"\n " in head or b"\n\t" in head or b"\n\r" in head or head[:1] in (b"\r", b"\n", b" ", b"\t"):
        for name, value in split_fields(head, _SUMMARY_FIELDS):
            found.setdefault(name, value)  # the first of a repeated field, as _first
        return found
    for raw_name, value in _UNFOLDED_FIELD.findall(head):
        name = _SUMMARY_SPELLINGS.get(raw_name) or raw_name.decode("ascii").lower()
        if name in _SUMMARY_FIELDS and name not in found:
            found[name] = value.strip()
    return found


def _summary_subject(value: bytes, notes: list[ParseNote], hint: HintSource | None = None) -> str:
    """`decode_header_bytes(value, "subject", notes)`, with the commonest shapes first."""
    if _ONLY_UTF8_B_WORDS.fullmatch(value):  # ASCII without ESC: as decode_words would
        fast = _utf8_words(value)
        if fast is not None:
            return _clean(fast)
    elif _ONLY_JIS_B_WORDS.fullmatch(value):
        fast = _jis_words(value)
        if fast is not None:
            return _clean(fast)
    elif b"=?" not in value and b"\x1b" not in value and value.isascii():
        return _clean(value.decode("latin-1"))
    return decode_header_bytes(value, "subject", notes, hint)


def _summary_sender(value: bytes | None, notes: list[ParseNote]) -> Address:
    """`_sender(value, notes)`, with B-words and an angle address decoded directly."""
    if value is not None:
        words = _WORDS_FROM.fullmatch(value)
        if words is not None:
            utf8, utf8_email, jis, jis_email = words.groups()
            name = _utf8_words(utf8) if utf8 is not None else _jis_words(jis)
            if name is not None:
                return Address(_clean(name).strip("\"'"), (utf8_email or jis_email).decode("ascii"))
    return _sender(value, notes)


def read_summary(raw: bytes) -> HeaderSummary:
    """Subject, sender, date and Message-ID from the header block; never raises."""
    notes: list[ParseNote] = []
    try:
        found = _summary_fields(_head(raw))
        subject = found.get("subject")
        date = found.get("date")
        return HeaderSummary(
            subject=_summary_subject(subject, notes, lambda: charset_hint(raw)) if subject is not None else "",
            sender=_summary_sender(found.get("from"), notes),
            date=parse_date(date.decode("latin-1")) if date is not None else None,
            message_id=_message_id(found.get("message-id") or b""),
            notes=tuple(notes),
        )
    except Exception as error:  # a list row must never break the whole folder
        return HeaderSummary("", Address("", ""), None, "", (ParseNote(NoteKind.HEADER_REPAIRED, repr(error)),))


# A list row as the sync stores it: Subject and From as sent (decoded when shown,
# `decode_listed`), the date and Message-ID read at once (the list sorts by one,
# the outbox and threads look up the other).
Listing = tuple[bytes | None, bytes | None, datetime | None, str]


def read_listing(raw: bytes) -> Listing:
    """(raw Subject, raw From, date, Message-ID) of a header block; never raises.

    `decode_listed` of the first two gives what `read_summary` gives: the same
    values, only later. A sync of 10,000 mails so spends no time on encoded
    words until a row is shown.
    """
    try:
        found = _summary_fields(_head(raw))
        date = found.get("date")
        return (
            found.get("subject"), found.get("from"),
            parse_date(date.decode("latin-1")) if date is not None else None,
            _message_id(found.get("message-id") or b""),
        )
    except Exception:  # a list row must never break the whole folder
        return None, None, None, ""


def decode_listed(raw_subject: bytes | None, raw_sender: bytes | None) -> tuple[str, Address]:
    """The Subject and sender of a row `read_listing` read, as `read_summary` decodes them; never raises."""
    notes: list[ParseNote] = []  # the reader parses the whole mail and shows its repairs; a row has no room
    try:
        subject = _summary_subject(raw_subject, notes) if raw_subject is not None else ""
    except Exception:
        subject = ""
    try:
        sender = _summary_sender(raw_sender, notes)
    except Exception:
        sender = Address("", "")
    return subject, sender


def read_headers(raw: bytes) -> MailHeaders:
    """Every top-level field `parse_message` fills, with the notes of their repair."""
    notes: list[ParseNote] = []
    fields = split_fields(_head(raw))
    subject = _first(fields, "subject")
    date = _first(fields, "date")
    to: list[Address] = []
    cc: list[Address] = []
    reply_to: list[Address] = []
    for name, value in fields:
        if name == "to":
            to.extend(parse_address_list(value, "to", notes))
        elif name == "cc":
            cc.extend(parse_address_list(value, "cc", notes))
        elif name == "reply-to" and not reply_to:
            reply_to.extend(a for a in parse_address_list(value, "reply-to", notes) if a.email)
    references = _first(fields, "references") or b""
    return MailHeaders(
        subject=(decode_header_bytes(subject, "subject", notes, lambda: charset_hint(raw))
                 if subject is not None else ""),
        sender=_sender(_first(fields, "from"), notes),
        to=tuple(to),
        cc=tuple(cc),
        date=parse_date(date.decode("latin-1")) if date is not None else None,
        message_id=_message_id(_first(fields, "message-id") or b""),
        in_reply_to=_message_id(_first(fields, "in-reply-to") or b""),
        references=tuple(_MSG_ID.findall(references.decode("latin-1"))),
        notes=tuple(_dedupe(notes)),
        reply_to=tuple(reply_to),
    )


def _dedupe(notes: list[ParseNote]) -> list[ParseNote]:
    seen: set[ParseNote] = set()
    unique: list[ParseNote] = []
    for note in notes:
        if note not in seen:
            seen.add(note)
            unique.append(note)
    return unique
