"""parse_message returns a Message for any bytes: mutated corpus files, junk, huge parts."""

from __future__ import annotations

import random
from pathlib import Path

from app.mail.headers import read_summary
from app.mail.parse import MAX_BODY_CHARS, parse_message
from app.model import Message, NoteKind

CORPUS = Path(__file__).resolve().parents[1] / "data" / "mail"


def _mutate(rng: random.Random, raw: bytes) -> bytes:
    data = bytearray(raw)
    operation = rng.randrange(4)
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
    if operation == 0:  # truncate anywhere
        return bytes(data[: rng.randrange(len(data))])
    if operation == 1:  # flip some bytes
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if operation == 2:  # delete some lines
        lines = bytes(data).split(b"\n")
        for _ in range(rng.randint(1, max(1, len(lines) // 3))):
            if lines:
                del lines[rng.randrange(len(lines))]
        return b"\n".join(lines)
    # insert escape sequences and boundary-looking lines where they hurt most
    junk = rng.choice([b"\x1b$B", b"\x1b(I", b"\n--b15\n", b"=?UTF-8?B?", b"\r", b"\x00", b"=\n", b"\xff\xfe"])
    at = rng.randrange(len(data))
    return bytes(data[:at] + junk + data[at:])


def test_300_mutations_never_raise() -> None:
    rng = random.Random(20240305)
    files = sorted(CORPUS.glob("*.eml"))
    for _ in range(300):
        raw = _mutate(rng, rng.choice(files).read_bytes())
        message = parse_message(raw)
        assert isinstance(message, Message)
        assert isinstance(message.body, str) and "\r" not in message.body
        summary = read_summary(raw)
        assert isinstance(summary.subject, str)


def test_empty_and_whitespace() -> None:
    for raw in (b"", b"\n", b"\r\n\r\n"):
        message = parse_message(raw)
        assert message.body == ""
        assert [n.kind for n in message.notes] == [NoteKind.EMPTY_BODY]


def test_header_only_mail_has_empty_body_note() -> None:
    message = parse_message(b"Subject: hello\nFrom: a@example.jp\n")
    assert message.subject == "hello"
    assert NoteKind.EMPTY_BODY in {n.kind for n in message.notes}


def test_no_header_is_unparseable_but_shown() -> None:
    raw = "ヘッダーのないただのテキストです。\r\n二行目\r\n".encode("cp932")
    message = parse_message(raw)
    assert message.subject == ""
    assert message.body == "ヘッダーのないただのテキストです。\n二行目\n"
    assert NoteKind.UNPARSEABLE in {n.kind for n in message.notes}


def test_huge_part_is_truncated() -> None:
    line = "大きな本文の一行です。" * 10 + "\n"
    body = (line * (MAX_BODY_CHARS // len(line) + 2000)).encode("utf-8")
    raw = b"Subject: big\nContent-Type: text/plain; charset=utf-8\n\n" + body
    assert len(raw) > 6_000_000
    message = parse_message(raw)
    assert len(message.body) <= MAX_BODY_CHARS
    assert message.body.endswith("\n") and message.body.startswith(line)
    assert NoteKind.TRUNCATED in {n.kind for n in message.notes}


def test_deeply_nested_multipart_does_not_recurse_forever() -> None:
    depth = 300
    head = b"Subject: nest\nContent-Type: multipart/mixed; boundary=b0\n\n"
    parts = b"".join(f"--b{i}\nContent-Type: multipart/mixed; boundary=b{i + 1}\n\n".encode() for i in range(depth))
    raw = head + parts + b"--b300\nContent-Type: text/plain\n\ndeep\n"
    message = parse_message(raw)
    assert isinstance(message, Message)


def test_crlf_normalised_and_leading_spaces_kept() -> None:
    raw = b"Subject: s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + "  字下げ\r\n\u3000全角\r\n".encode()
    assert parse_message(raw).body == "  字下げ\n\u3000全角\n"
