"""Raw mail bytes → `app.model.Message`, whatever the bytes are.

Owns the MIME walk: which parts make the body (text/plain preferred in
multipart/alternative, HTML converted when it is all there is, forwarded
message/rfc822 parts appended as a forwarded block), which are attachments,
and the notes that tell the user what was repaired. Charset repair lives in
`charset.py`, header decoding in `headers.py`, HTML policy in `html.py`.

`parse_message` never raises: the last resort shows the raw text of the mail
with an UNPARSEABLE note. `render_html(raw, allow_remote_images=True)` lets
the reader re-render an HTML mail with its remote images once the user asks.

Broken structure seen in other projects' test mails is repaired here, not
left to the stdlib parser: header lines that lost their indentation, a
boundary parameter that does not match the delimiters, parts after the close
delimiter, a base64-encoded message/rfc822, and a multipart that never closes
(noted, since the mail was probably cut off).
"""

from __future__ import annotations

import email
import itertools
import re
from dataclasses import dataclass, field
from email import errors as email_errors
from email.message import Message as EmailMessage
from email.policy import compat32
from urllib.parse import unquote

from app.mail.charset import decode_bytes
from app.mail.headers import FIELD_NAME, MailHeaders, decode_words, head_end, read_headers
from app.mail.html import SanitizedHtml, html_beyond_bounds, html_to_text, sanitize_html
from app.mail.transfer import decode_transfer
from app.model import Address, Attachment, InlineImage, Message, NoteKind, ParseNote

__all__ = ["FORWARD_MARKER", "MAX_BODY_CHARS", "parse_message", "render_html"]

MAX_BODY_CHARS = 2_000_000  # ~2 MB of text is far more than anyone reads in a reply window
_MAX_PART_BYTES = 3 * MAX_BODY_CHARS  # at most 3 bytes a character in any charset we decode
_MAX_DEPTH = 40  # nested multiparts deeper than this are an attack, not a mail
_MAX_DELIMITERS = 10_000  # boundary lines read; the rest of a mail with more is cut (noted)
_ELIDE_FROM = 4_000_000  # an attached file's base64 longer than this is counted, not parsed
# The line that opens a forwarded message in the body; the analyser treats
# what follows as quoted text.
FORWARD_MARKER = "---------- 転送メッセージ ----------"
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
# A delimiter line and the header line that must follow it, to find the real
# boundary when the declared one is wrong, or parts after the close delimiter.
_DELIMITER = re.compile(rb"^--([^\s]{1,200}?)[ \t]*\r?\n[!-9;-~]+[ \t]*:", re.MULTILINE)
_CID_SRC = re.compile(r"""src\s*=\s*["']?cid:([^"'\s>]+)""", re.IGNORECASE)
_MAX_INLINE_IMAGE = 2_000_000  # bytes; a larger "inline" image is an attachment in disguise
_MAX_INLINE_TOTAL = 8_000_000
# message/* types that are another mail; the others (delivery-status,
# rfc822-headers, partial, ...) are machine-readable reports, kept as attachments.
_FORWARDED_TYPES = frozenset({"message/rfc822", "message/global"})


@dataclass
class _Walk:
    """What the MIME walk found, in body order."""

    texts: list[str] = field(default_factory=list)
    html_sources: list[str] = field(default_factory=list)
    has_plain: bool = False
    attachments: list[Attachment] = field(default_factory=list)
    notes: list[ParseNote] = field(default_factory=list)
    # Leaf parts with a Content-ID, by cid: candidates for the HTML's inline images.
    cid_parts: dict[str, EmailMessage] = field(default_factory=dict)
    to_text: bool = True  # convert HTML parts to text (not needed to re-render the HTML)
    # Named text parts whose role the siblings decided (body text True, attached file False).
    named_texts: dict[int, bool] = field(default_factory=dict)


def parse_message(raw: bytes) -> Message:
    """Parse any bytes into a Message; never raises."""
    try:
        return _parse(raw)
    except Exception as error:  # last resort: the user still sees the text
        return _unparseable(raw, type(error).__name__)


def render_html(raw: bytes, allow_remote_images: bool) -> SanitizedHtml | None:
    """The sanitised HTML of an HTML-only mail, with remote images allowed or not.

    None for mail the reader shows as plain text (`Message.html is None`).
    Takes the raw bytes because `Message.html` has the blocked images removed.
    """
    try:
        if not raw.strip() or _looks_unparseable(raw):
            return None
        walk = _walk(_mime(_bounded(raw)[0]), to_text=False)
        if walk.has_plain or not walk.html_sources:
            return None
        source = _join_html(walk.html_sources)
        if html_beyond_bounds(source):
            return None  # shown as text (`HTML_TOO_COMPLEX`), with or without images
        return sanitize_html(source, allow_remote_images)
    except Exception:
        return None


def _parse(raw: bytes) -> Message:
    if not raw.strip():
        return Message(subject="", sender=Address("", ""), date=None, body="",
                       notes=(ParseNote(NoteKind.EMPTY_BODY),))
    if _looks_unparseable(raw):
        return _unparseable(raw, "no header block")
    headers = read_headers(raw)
    raw, cut = _bounded(raw)
    walk = _walk(_mime(raw))
    notes = list(headers.notes) + walk.notes
    if cut:
        notes.append(ParseNote(NoteKind.TRUNCATED, f"parts after {_MAX_DELIMITERS} delimiters"))
    html: str | None = None
    remote: tuple[str, ...] = ()
    inline: tuple[InlineImage, ...] = ()
    if walk.html_sources and not walk.has_plain:
        source = _join_html(walk.html_sources)
        beyond = html_beyond_bounds(source)
        notes.append(ParseNote(NoteKind.HTML_ONLY))
        if beyond:
            # Never handed to the sanitiser: shown as the text it was converted to.
            notes.append(ParseNote(NoteKind.HTML_TOO_COMPLEX, beyond))
        else:
            sanitized = sanitize_html(source, allow_remote_images=False)
            html, remote = sanitized.html, sanitized.remote_images
            inline = _inline_images(html, walk)
            if remote:
                notes.append(ParseNote(NoteKind.REMOTE_IMAGES_BLOCKED, str(len(remote))))
    body = _join_texts(walk.texts)
    if len(body) > MAX_BODY_CHARS:
        body = _truncate(body)
        notes.append(ParseNote(NoteKind.TRUNCATED, f"{MAX_BODY_CHARS} chars kept"))
    if not body.strip():
        notes.append(ParseNote(NoteKind.EMPTY_BODY))
    return _message(headers, body, html, remote, walk.attachments, notes, inline)


def _message(
    headers: MailHeaders,
    body: str,
    html: str | None,
    remote: tuple[str, ...],
    attachments: list[Attachment],
    notes: list[ParseNote],
    inline: tuple[InlineImage, ...] = (),
) -> Message:
    return Message(
        subject=headers.subject,
        sender=headers.sender,
        date=headers.date,
        body=body,
        to=headers.to,
        cc=headers.cc,
        message_id=headers.message_id,
        in_reply_to=headers.in_reply_to,
        references=headers.references,
        html=html,
        remote_images=remote,
        attachments=tuple(attachments),
        notes=tuple(dict.fromkeys(notes)),
        inline_images=inline,
        reply_to=headers.reply_to,
    )


def _bounded(raw: bytes) -> tuple[bytes, bool]:
    """`raw` cut after its `_MAX_DELIMITERS`-th boundary line, and whether it was: 100,000 parts
    take the stdlib parser and the walk 4 s; no mail a person writes has 10,000. Large attached
    files are left out of what the stdlib parser sees (`_without_large_files`)."""
    if len(raw) > _ELIDE_FROM:
        raw = _without_large_files(raw)
    if raw.count(b"\n--") <= _MAX_DELIMITERS:
        return raw, False
    # Only lines that open a part count (a delimiter and a header line), not "----" in a text.
    for number, match in enumerate(_DELIMITER.finditer(raw), 1):
        if number > _MAX_DELIMITERS:
            return raw[: match.start()], True
    return raw, False


def _without_large_files(raw: bytes) -> bytes:
    """Base64 bodies of non-text parts over `_ELIDE_FROM` bytes replaced by nothing, their decoded
    size kept in a header of ours. The stdlib parser holds about eight times a mail's size at
    its peak (a 25 MB attachment: 270 MB); what is shown of an attached file is its name and size."""
    out: list[bytes] = []
    position = 0
    starts = [m.start() for m in _DELIMITER.finditer(raw)] + [len(raw)]
    for start, end in itertools.pairwise(starts):
        if end == len(raw):  # the last part ends at the close delimiter, not at the end of the mail
            close = raw.rfind(b"\n--", start)
            end = close + 1 if close > start else end
        if end - start <= _ELIDE_FROM:
            continue
        head_at = raw.find(b"\n", start) + 1
        blank = raw.find(b"\n\r\n", head_at, head_at + 16_384)
        if blank < 0:
            blank = raw.find(b"\n\n", head_at, head_at + 16_384)
        if blank < 0:
            continue
        head = raw[head_at : blank + 1]
        lowered = head.lower()
        if b"base64" not in lowered or re.search(rb"(?m)^content-type:\s*(text|multipart|message)/", lowered):
            continue
        body_at = raw.find(b"\n", blank + 1) + 1
        # Counted in place: no copy of a body this size.
        letters = end - body_at - sum(raw.count(c, body_at, end) for c in (b" ", b"\t", b"\r", b"\n"))
        tail = raw[max(body_at, end - 200) : end].rstrip()
        size = max(0, letters // 4 * 3 - (len(tail) - len(tail.rstrip(b"="))))
        out += [raw[position:head_at], b"X-Aizuchi-Elided-Size: %d\r\n" % size, raw[head_at:body_at], b"\r\n"]
        position = end
    if not out:
        return raw
    out.append(raw[position:])
    return b"".join(out)


def _mime(raw: bytes) -> EmailMessage:
    """The stdlib MIME tree of `raw`, after repairing header lines that lost their indentation.

    The stdlib parser ends the header block at the first line that is neither
    a field nor a continuation, so a folded DKIM signature without its leading
    tab hides Content-Type and the whole MIME structure. `headers.split_fields`
    skips such lines; here they become continuations of the field above.
    """
    end = head_end(raw)
    head = raw if end < 0 else raw[:end]
    lines = head.split(b"\n")
    repaired = False
    for index, line in enumerate(lines):
        if index == 0 or not line.strip(b"\r") or line[:1] in (b" ", b"\t") or FIELD_NAME.match(line):
            continue
        lines[index] = b" " + line
        repaired = True
    if repaired:
        raw = b"\n".join(lines) + (b"" if end < 0 else raw[end:])
    return email.message_from_bytes(raw, policy=compat32)


def _inline_images(html: str, walk: _Walk) -> tuple[InlineImage, ...]:
    """The parts the sanitised HTML shows through cid: URLs, decoded (size-limited)."""
    images: list[InlineImage] = []
    total = 0
    for cid in dict.fromkeys(_CID_SRC.findall(html)):
        part = walk.cid_parts.get(_cid_key(unquote(cid)))
        if part is None or part.get_content_maintype() != "image":
            continue
        cte = str(part.get("content-transfer-encoding", "") or "")
        data, _ = decode_transfer(_payload_bytes(part), cte)
        if not data or len(data) > _MAX_INLINE_IMAGE or total + len(data) > _MAX_INLINE_TOTAL:
            continue
        total += len(data)
        images.append(InlineImage(cid, part.get_content_type(), data))
    return tuple(images)


def _cid_key(value: str) -> str:
    # Content-ID is <id>; the HTML writes cid:id. Case-insensitive in practice.
    return value.strip().strip("<>").strip().lower()


def _looks_unparseable(raw: bytes) -> bool:
    """True when the bytes do not start with a header field (binary junk, a bare text file)."""
    lines = raw[:4096].lstrip(b"\r\n").split(b"\n", 2)
    first = lines[0]
    if first.startswith(b"From ") and len(lines) > 1:  # mbox separator line
        first = lines[1]
    if raw[:1] in (b"\n", b"\r"):
        return True  # no header block at all: everything is body
    return FIELD_NAME.match(first.rstrip(b"\r")) is None


def _unparseable(raw: bytes, detail: str) -> Message:
    data = raw[:_MAX_PART_BYTES]
    decoded = decode_bytes(data, None, "raw")
    body = _normalise(decoded.text)
    notes = [ParseNote(NoteKind.UNPARSEABLE, detail), *decoded.notes]
    if len(raw) > len(data) or len(body) > MAX_BODY_CHARS:
        body = _truncate(body)
        notes.append(ParseNote(NoteKind.TRUNCATED, f"{MAX_BODY_CHARS} chars kept"))
    return Message(subject="", sender=Address("", ""), date=None, body=body, notes=tuple(dict.fromkeys(notes)))


def _walk(message: EmailMessage, to_text: bool = True) -> _Walk:
    walk = _Walk(to_text=to_text)
    _collect(message, walk, "1", 0, top=True)
    return walk


def _collect(part: EmailMessage, walk: _Walk, part_id: str, depth: int, top: bool = False) -> None:
    if depth > _MAX_DEPTH:
        walk.notes.append(ParseNote(NoteKind.MULTIPART_TOO_DEEP, f"> {_MAX_DEPTH}"))
        _collect_flat(part, walk, part_id)
        return
    ctype = part.get_content_type()
    if ctype in _FORWARDED_TYPES and part.is_multipart():
        _collect_forwarded(part, walk, part_id, depth)
        return
    if part.get_content_maintype() == "message" and not top:
        _collect_attachment(part, walk, part_id)  # a delivery report and the like: not the customer's words
        return
    if part.get_content_maintype() == "multipart" and not part.is_multipart():
        recovered = _with_found_boundary(part)
        if recovered is not None:
            _collect(recovered, walk, part_id, depth + 1, top)
            return
    if part.is_multipart():
        if any(isinstance(d, email_errors.CloseBoundaryNotFoundDefect) for d in part.defects):
            walk.notes.append(ParseNote(NoteKind.MULTIPART_UNTERMINATED, f"part {part_id}"))
        children = [c for c in part.get_payload() if isinstance(c, EmailMessage)]
        children += _parts_after_close(part)
        if not children:
            _collect_text(part, walk, part_id, str(part.preamble or ""))
            return
        if ctype == "multipart/alternative":
            _collect(_preferred_alternative(children), walk, f"{part_id}.1", depth + 1)
            for child in children:
                _remember_cid(child, walk)
            return
        related = ctype == "multipart/related"
        _decide_named_texts(children, walk)
        for index, child in enumerate(children, 1):
            if related and index > 1 and not _is_attachment(child):
                _remember_cid(child, walk)  # inline resources of the HTML root (cid: images, CSS)
                continue
            _collect(child, walk, f"{part_id}.{index}", depth + 1)
        return
    maintype = part.get_content_maintype()
    body_text = walk.named_texts.get(id(part), _is_body_text(part))
    if body_text or (top and maintype in ("text", "multipart")) or maintype == "multipart":
        # A multipart without boundary or a top-level text/x-whatever is still text to read.
        _collect_text(part, walk, part_id, None)
        return
    _remember_cid(part, walk)
    _collect_attachment(part, walk, part_id)


def _collect_flat(part: EmailMessage, walk: _Walk, part_id: str) -> None:
    """Parts nested past `_MAX_DEPTH`, read flat and without recursion: their text is kept
    (the customer's words under 800 nested multiparts are still words), the rest listed."""
    stack = [part]
    while stack:
        current = stack.pop()
        if current.is_multipart():
            payload = current.get_payload()
            stack.extend(reversed([c for c in payload if isinstance(c, EmailMessage)]))
        elif _is_body_text(current) or current.get_content_maintype() == "multipart":
            _collect_text(current, walk, part_id, None)
        else:
            _collect_attachment(current, walk, part_id)


def _named(part: EmailMessage) -> bool:
    return bool(part.get_param("filename", header="content-disposition") or part.get_param("name"))


def _decide_named_texts(children: list[EmailMessage], walk: _Walk) -> None:
    """Text parts with a file name among `children`: the body when nothing else is (a mailer
    that names its only text part "body.txt"), an attached file when there is other body text
    (Apple Mail sends attached .txt files `inline` with a file name). Issue 14."""
    texts = [c for c in children if not c.is_multipart() and c.get_content_type() in ("text/plain", "text/html")
             and not _is_attachment(c)]
    named = [c for c in texts if _named(c)]
    if not named:
        return
    other_body = any(not _named(c) for c in texts) or any(
        c.get_content_type() in ("multipart/alternative", "multipart/related") for c in children)
    for child in named:
        walk.named_texts[id(child)] = not other_body


def _remember_cid(part: EmailMessage, walk: _Walk) -> None:
    if part.is_multipart():
        for child in part.get_payload():
            if isinstance(child, EmailMessage):
                _remember_cid(child, walk)
        return
    cid = part.get("content-id")
    if cid:
        walk.cid_parts.setdefault(_cid_key(str(cid)), part)


def _with_found_boundary(part: EmailMessage) -> EmailMessage | None:
    """A multipart whose declared boundary never occurs, re-read with the one its body uses."""
    body = _payload_bytes(part)
    match = _DELIMITER.search(body)
    if match is None:
        return None
    boundary = match.group(1).decode("ascii", errors="replace")
    if boundary == part.get_boundary() or '"' in boundary:
        return None
    head = f'Content-Type: {part.get_content_type()}; boundary="{boundary}"\n\n'.encode()
    recovered = email.message_from_bytes(head + body, policy=compat32)
    return recovered if recovered.is_multipart() else None


def _parts_after_close(part: EmailMessage) -> list[EmailMessage]:
    """Parts a broken mailer wrote after the close delimiter (the stdlib keeps them as epilogue).

    Typical cause: a nested multipart reusing its parent's boundary, whose
    close delimiter then closes the parent early.
    """
    epilogue = part.epilogue
    boundary = part.get_boundary()
    if not epilogue or not boundary:
        return []
    data = epilogue.encode("utf-8", "surrogateescape")
    match = _DELIMITER.search(data)
    if match is None or match.group(1).decode("ascii", errors="replace") != boundary:
        return []
    head = f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n'.encode()
    extra = email.message_from_bytes(head + data[match.start() :], policy=compat32)
    if not extra.is_multipart():
        return []
    return [c for c in extra.get_payload() if isinstance(c, EmailMessage)]


def _preferred_alternative(children: list[EmailMessage]) -> EmailMessage:
    for child in children:
        if child.get_content_type() == "text/plain" and not _is_attachment(child) and _payload_bytes(child).strip():
            return child
    for child in reversed(children):
        if child.get_content_type() == "text/html" or child.is_multipart():
            return child
    return children[0]


def _is_attachment(part: EmailMessage) -> bool:
    return (part.get_content_disposition() or "") == "attachment"


def _is_body_text(part: EmailMessage) -> bool:
    if part.get_content_type() not in ("text/plain", "text/html"):
        return False
    disposition = part.get_content_disposition()
    if disposition == "attachment":
        return False
    # A text part with a file name is an attached file unless marked inline.
    named = part.get_param("filename", header="content-disposition") or part.get_param("name")
    return disposition == "inline" or not named


def _payload_bytes(part: EmailMessage) -> bytes:
    """The bytes as they were in the mail (the parser keeps 8-bit bytes as surrogates).

    Read `_payload` directly: compat32's `get_payload()` decodes 8-bit text
    with the declared charset and "replace", which is the lossy guess this
    module exists to avoid, and `get_payload(decode=True)` repairs base64
    silently where we want to note it.
    """
    payload = getattr(part, "_payload", None)
    if isinstance(payload, str):
        return payload.encode("utf-8", "surrogateescape")
    if isinstance(payload, bytes):
        return payload
    return b""


def _decoded_payload(part: EmailMessage, walk: _Walk, part_id: str) -> bytes:
    cte = str(part.get("content-transfer-encoding", "") or "")
    data, broken = decode_transfer(_payload_bytes(part), cte)
    if broken:
        walk.notes.append(ParseNote(NoteKind.TRANSFER_ENCODING_BROKEN, f"part {part_id}: {cte.strip().lower()}"))
    return data


def _charset(part: EmailMessage) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:  # odd RFC 2231 charset parameters
        return None


def _collect_text(part: EmailMessage, walk: _Walk, part_id: str, override: str | None) -> None:
    data = override.encode("utf-8", "surrogateescape") if override is not None else _decoded_payload(
        part, walk, part_id
    )
    if len(data) > _MAX_PART_BYTES:
        cut = data.rfind(b"\n", 0, _MAX_PART_BYTES)
        data = data[: cut + 1 if cut > 0 else _MAX_PART_BYTES]
        walk.notes.append(ParseNote(NoteKind.TRUNCATED, f"part {part_id}"))
    is_html = part.get_content_type() == "text/html"
    charset = _charset(part)
    if charset is None and is_html:
        meta = _META_CHARSET.search(data[:4096])
        charset = meta.group(1).decode("ascii") if meta else None
    decoded = decode_bytes(data, charset, f"part {part_id}")
    walk.notes.extend(decoded.notes)
    if is_html:
        walk.html_sources.append(decoded.text)
        walk.texts.append(html_to_text(decoded.text) if walk.to_text else "")
    else:
        walk.has_plain = True
        walk.texts.append(_normalise(decoded.text))


def _collect_attachment(part: EmailMessage, walk: _Walk, part_id: str) -> None:
    if part.is_multipart():  # message/delivery-status and friends: the stdlib split them in blocks
        serialised = _raw_size(part)
        start = head_end(serialised)
        body = serialised[start + 1 :] if start >= 0 else b""
        size = len(body[:-1] if body.endswith(b"\n") else body)  # the last newline belongs to the delimiter
    else:
        counted = _base64_size(part)
        size = counted if counted is not None else len(_decoded_payload(part, walk, part_id))
    walk.attachments.append(Attachment(_filename(part, walk.notes), part.get_content_type(), size))


_CLEAN_BASE64 = re.compile(r"[A-Za-z0-9+/\s]*(?:={1,2}[\s]*)?")


def _base64_size(part: EmailMessage) -> int | None:
    """The decoded size of a well-formed base64 attachment, counted without decoding it (a 25 MB
    attachment no longer costs its size twice over in memory); None for anything else."""
    elided = str(part.get("x-aizuchi-elided-size", "") or "").strip()
    if elided.isdigit():
        return int(elided)
    if str(part.get("content-transfer-encoding", "") or "").strip().lower() != "base64":
        return None
    payload = getattr(part, "_payload", None)
    if not isinstance(payload, str) or len(payload) < 65_536 or not _CLEAN_BASE64.fullmatch(payload):
        return None
    letters = len(payload) - sum(payload.count(c) for c in " \t\r\n\f\v")
    if letters % 4:
        return None
    tail = payload.rstrip()
    return letters // 4 * 3 - (len(tail) - len(tail.rstrip("=")))


def _collect_forwarded(part: EmailMessage, walk: _Walk, part_id: str, depth: int) -> None:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, EmailMessage):
        return
    cte = str(part.get("content-transfer-encoding", "") or "").strip().lower()
    if cte in ("base64", "quoted-printable"):
        # Not allowed by RFC 2046, but sent: the stdlib parsed the encoded text as the message.
        data, broken = decode_transfer(_raw_size(inner).lstrip(b"\r\n"), cte)
        if broken:
            walk.notes.append(ParseNote(NoteKind.TRANSFER_ENCODING_BROKEN, f"part {part_id}: {cte}"))
        has_head = FIELD_NAME.match(data.split(b"\n", 1)[0].rstrip(b"\r")) is not None
        inner = email.message_from_bytes(data if has_head else b"\n" + data, policy=compat32)
    if _is_attachment(part):
        size = len(_raw_size(inner))
        name = _filename(part, walk.notes) or "forwarded.eml"
        walk.attachments.append(Attachment(name, "message/rfc822", size))
    head = b"".join(
        f"{name}: {value}\n".encode("utf-8", "surrogateescape") for name, value in inner.raw_items()
    )
    headers = read_headers(head + b"\n")
    lines = ["", FORWARD_MARKER]  # a blank line sets the forwarded block apart
    if headers.sender.email or headers.sender.name:
        sender = headers.sender
        lines.append(f"差出人: {sender.name} <{sender.email}>" if sender.name else f"差出人: {sender.email}")
    if headers.date is not None:
        lines.append(f"日付: {headers.date.strftime('%Y-%m-%d %H:%M %z')}")
    lines.append(f"件名: {headers.subject}")
    walk.texts.append("\n".join(lines) + "\n\n")
    walk.notes.extend(headers.notes)
    inner_walk = _Walk()
    _collect(inner, inner_walk, f"{part_id}.1", depth + 1, top=True)
    # The forwarded text is always shown as text, even when it was HTML.
    walk.texts.extend(inner_walk.texts)
    walk.attachments.extend(inner_walk.attachments)
    walk.notes.extend(inner_walk.notes)
    walk.has_plain = walk.has_plain or bool(inner_walk.texts)


def _filename(part: EmailMessage, notes: list[ParseNote]) -> str:
    """File name from Content-Disposition filename= or Content-Type name=, decoded.

    Handles RFC 2231 (`filename*=ISO-2022-JP''%1B%24B...`, continuations),
    the non-standard but common RFC 2047 word in quotes, and raw 8-bit names.
    """
    try:
        value, header = part.get_param("filename", header="content-disposition"), "content-disposition"
        if value is None:
            value, header = part.get_param("name"), "content-type"
        if value is None:
            return _fallback_name(part)
        if isinstance(value, str) and "\ufffd" in value:
            # compat32 replaced raw 8-bit bytes by U+FFFD; read them from the raw header instead.
            raw = _raw_param(part, "filename" if header == "content-disposition" else "name", header)
            value = raw if raw is not None else value
        if isinstance(value, tuple):
            charset, _, text = value
            data = text.encode("latin-1", "surrogateescape")
            decoded = decode_bytes(data, charset or None, "filename")
            notes.extend(n for n in decoded.notes if n.kind is not NoteKind.CHARSET_SUPERSET)
            return decoded.text.strip()
        text = str(value).strip().strip('"')
        data = text.encode("latin-1") if _is_latin1(text) else text.encode("utf-8", "surrogateescape")
        if not data.isascii():
            decoded = decode_bytes(data, None, "filename")
            if decoded.charset != "utf-8":
                notes.append(ParseNote(NoteKind.HEADER_REPAIRED, f"filename: raw {decoded.charset}"))
            return decode_words(decoded.text.encode("utf-8"), "filename", notes, "utf-8").strip()
        return decode_words(data, "filename", notes).strip()
    except Exception:
        return ""


def _fallback_name(part: EmailMessage) -> str:
    # A report part without a name still needs one in the attachment list.
    if part.get_content_maintype() == "message" and part.get_content_type() not in _FORWARDED_TYPES:
        return f"{part.get_content_subtype()}.txt"
    return ""


def _raw_param(part: EmailMessage, param: str, header: str) -> str | None:
    """A parameter of a header with raw 8-bit bytes, as latin-1 text (one character a byte)."""
    for key, raw in part.raw_items():
        if key.lower() != header:
            continue
        probe = EmailMessage(policy=compat32)
        probe[header] = str(raw).encode("utf-8", "surrogateescape").decode("latin-1")
        value = probe.get_param(param, header=header)
        return value if isinstance(value, str) else None
    return None


def _is_latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not text.isascii()


def _join_html(sources: list[str]) -> str:
    return "\n<hr>\n".join(sources)


def _join_texts(texts: list[str]) -> str:
    pieces: list[str] = []
    for text in texts:
        if not text:
            continue
        if pieces and not pieces[-1].endswith("\n"):
            pieces.append("\n")
        pieces.append(text)
    return _normalise("".join(pieces))


def _normalise(text: str) -> str:
    # CRLF and lone CR are line ends; everything else (leading spaces, full-width
    # spaces, blank lines) is kept because highlights index this exact text.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _truncate(body: str) -> str:
    cut = body.rfind("\n", MAX_BODY_CHARS - 10_000, MAX_BODY_CHARS)
    return body[: cut + 1 if cut > 0 else MAX_BODY_CHARS]


def _raw_size(inner: EmailMessage) -> bytes:
    try:
        return inner.as_bytes()
    except Exception:  # re-serialising a broken message can fail; the size is only informative
        return b""
