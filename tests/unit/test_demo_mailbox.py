"""The bundled demo Maildir (resources/demo): shape, encodings, decoding, threading, reproducibility.

Expectations live in tests/data/demo_expected.json (written by scripts/make_demo.py
next to the mails). What each "case" claims about a file is checked here against
the raw bytes with Python's own `email` and codecs, independently of our parser;
then our parser must decode every file to the expected subject and text.
"""

from __future__ import annotations

import base64
import email
import email.header
import email.utils
import json
import re
import subprocess
import sys
from collections.abc import Callable
from email.message import Message as PyMessage
from pathlib import Path
from typing import Any

import pytest

from app.paths import DEMO_MAILDIR

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_PATH = ROOT / "tests" / "data" / "demo_expected.json"
MAILS: list[dict[str, Any]] = json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))["mails"]
BY_KEY = {mail["key"]: mail for mail in MAILS}

# Every case the demo must contain at least once (see the brief and the table in make_demo.py).
REQUIRED_CASES = {
    "iso-2022-jp", "iso-2022-jp-nec-ibm", "shift_jis-cp932", "euc-jp", "utf-8-qp", "utf-8-base64",
    "rfc2047-b-folded", "rfc2047-q-folded", "rfc2231-filename", "rfc2047-filename", "html-only",
    "no-charset-sjis", "multipart-alternative",
    "party-dress", "allergy-cake", "long-chatty", "quote-gt", "gmail-attribution", "b2b-deadline",
    "delay-complaint", "return-exchange", "gift-noshi", "forwarded", "one-line", "auto-notification",
    "smartphone-emoji", "signature-rule", "reply",
}

ESC_JIS = b"\x1b$B"
ESC_ASCII = b"\x1b(B"


def raw_of(mail: dict[str, Any]) -> bytes:
    return (DEMO_MAILDIR / mail["path"]).read_bytes()


def parsed_of(mail: dict[str, Any]) -> PyMessage:
    return email.message_from_bytes(raw_of(mail))


def head_of(raw: bytes) -> str:
    return raw.split(b"\r\n\r\n", 1)[0].decode("ascii")


def header_field(raw: bytes, name: str) -> str:
    """One header field exactly as written, folding included."""
    match = re.search(rf"^{name}: [^\r]*(?:\r\n[ \t][^\r]*)*", head_of(raw), re.MULTILINE | re.IGNORECASE)
    assert match, name
    return match.group(0)


def text_parts(message: PyMessage) -> list[PyMessage]:
    return [part for part in message.walk() if part.get_content_maintype() == "text"]


def python_decode(part: PyMessage) -> str:
    """A text part decoded with Python's codecs only (no NEC extensions in files that use this)."""
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    codec = {"iso-2022-jp": "iso2022_jp", "shift_jis": "cp932", "euc-jp": "euc_jp", "utf-8": "utf-8", "": "cp932"}
    return payload.decode(codec[part.get_content_charset() or ""])


def jis_runs(data: bytes) -> list[bytes]:
    """The double-byte runs of an ISO-2022-JP byte string (between ESC $ B and the next escape)."""
    return re.findall(rb"\x1b\$B([^\x1b\r\n]*)", data)


def jis_pair_as_cp932(j1: int, j2: int) -> str:
    """A JIS X 0208 row/cell read through CP932 (the Microsoft mapping of NEC/IBM rows)."""
    s1 = (j1 + 1) // 2 + (0x70 if j1 <= 0x5E else 0xB0)
    s2 = j2 + 0x1F + (1 if j2 >= 0x60 else 0) if j1 % 2 else j2 + 0x7E
    return bytes([s1, s2]).decode("cp932")


def extension_pairs(data: bytes) -> list[tuple[int, int]]:
    """JIS pairs in NEC row 13 or the NEC-selected IBM rows 89-92: absent from plain JIS X 0208."""
    pairs = []
    for run in jis_runs(data):
        for i in range(0, len(run) - 1, 2):
            if run[i] == 0x2D or 0x79 <= run[i] <= 0x7C:
                pairs.append((run[i], run[i + 1]))
    return pairs


def _label(part: PyMessage) -> str:
    return (part.get_content_charset() or "").lower()


def _payload(part: PyMessage) -> bytes:
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload


def _has_folded_word(raw: bytes, method: str) -> bool:
    subject = header_field(raw, "Subject")
    return "\r\n " in subject and subject.count(f"?{method}?") >= 2


# What each case claims, checked on the raw bytes of every file that claims it.
CASE_CHECKS: dict[str, Callable[[bytes, PyMessage], bool]] = {
    "iso-2022-jp": lambda raw, msg: any(
        _label(p) == "iso-2022-jp" and ESC_JIS in _payload(p) and max(_payload(p)) < 0x80 for p in text_parts(msg)
    ),
    "iso-2022-jp-nec-ibm": lambda raw, msg: bool(extension_pairs(raw.split(b"\r\n\r\n", 1)[1]))
    and bool(extension_pairs(b"".join(
        base64.b64decode(word) for word in re.findall(r"=\?ISO-2022-JP\?B\?([^?]*)\?=", header_field(raw, "Subject"))
    ))),
    # Bytes a strict Shift_JIS decoder refuses (or maps elsewhere) but CP932 reads.
    "shift_jis-cp932": lambda raw, msg: any(
        _label(p) == "shift_jis" and _shift_jis_differs(_payload(p)) for p in text_parts(msg)
    ),
    "euc-jp": lambda raw, msg: any(
        _label(p) == "euc-jp" and max(_payload(p)) >= 0x80 and _payload(p).decode("euc_jp") != ""
        for p in text_parts(msg)
    ),
    "utf-8-qp": lambda raw, msg: any(
        _label(p) == "utf-8" and p["Content-Transfer-Encoding"] == "quoted-printable" for p in text_parts(msg)
    ),
    "utf-8-base64": lambda raw, msg: any(
        _label(p) == "utf-8" and p["Content-Transfer-Encoding"] == "base64" for p in text_parts(msg)
    ),
    "utf-8-8bit": lambda raw, msg: any(
        _label(p) == "utf-8" and p["Content-Transfer-Encoding"] == "8bit" and max(_payload(p)) >= 0x80
        for p in text_parts(msg)
    ),
    "rfc2047-b-folded": lambda raw, msg: _has_folded_word(raw, "B"),
    "rfc2047-q-folded": lambda raw, msg: _has_folded_word(raw, "Q"),
    "rfc2231-filename": lambda raw, msg: b"filename*=UTF-8''%" in raw,
    "rfc2047-filename": lambda raw, msg: re.search(rb'name="=\?ISO-2022-JP\?B\?[^"]+\?="', raw) is not None,
    "html-only": lambda raw, msg: [p.get_content_type() for p in text_parts(msg)] == ["text/html"]
    and b'src="https://' in _payload(text_parts(msg)[0]),
    "no-charset-sjis": lambda raw, msg: any(
        "charset" not in (p["Content-Type"] or "").lower()
        and max(_payload(p)) >= 0x80
        and _payload(p).decode("cp932") != ""
        for p in text_parts(msg)
    ),
    "multipart-alternative": lambda raw, msg: msg.get_content_type() == "multipart/alternative"
    and sorted(p.get_content_type() for p in text_parts(msg)) == ["text/html", "text/plain"],
    "quote-gt": lambda raw, msg: any(
        line.startswith(">") for p in text_parts(msg) for line in python_decode(p).splitlines()
    ),
    "signature-rule": lambda raw, msg: any(
        rule in python_decode_any(p) for p in text_parts(msg) for rule in ("━━━", "───", "＊＊＊")
    ),
}


def _shift_jis_differs(payload: bytes) -> bool:
    try:
        return payload.decode("shift_jis") != payload.decode("cp932")
    except UnicodeDecodeError:
        return True


def python_decode_any(part: PyMessage) -> str:
    """Like python_decode, but reads ISO-2022-JP with NEC extensions through CP932 pair by pair."""
    if _label(part) != "iso-2022-jp" or not extension_pairs(_payload(part)):
        return python_decode(part)
    data = _payload(part)
    out = []
    for segment in re.split(rb"(\x1b\$B[^\x1b]*)", data):
        if segment.startswith(ESC_JIS):
            run = segment[3:]
            out.append("".join(jis_pair_as_cp932(run[i], run[i + 1]) for i in range(0, len(run) - 1, 2)))
        else:
            out.append(segment.replace(ESC_ASCII, b"").decode("ascii"))
    return "".join(out)


def mail_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")}


# ---------------------------------------------------------------------------
# Shape of the mailbox
# ---------------------------------------------------------------------------


def test_every_mail_file_has_expectations_and_every_expectation_a_file() -> None:
    assert mail_files(DEMO_MAILDIR) == {mail["path"] for mail in MAILS}


def test_maildir_layout_counts_and_read_flags() -> None:
    for folder in (DEMO_MAILDIR, DEMO_MAILDIR / ".Sent"):
        for sub in ("new", "tmp"):
            assert (folder / sub / ".keep").is_file()
            assert not [p for p in (folder / sub).iterdir() if not p.name.startswith(".")]
    inbox = [m for m in MAILS if m["folder"] == "INBOX"]
    sent = [m for m in MAILS if m["folder"] == "Sent"]
    assert len(inbox) >= 25
    assert len(sent) >= 3
    assert all(m["path"].startswith("cur/") for m in inbox)
    assert all(m["path"].startswith(".Sent/cur/") for m in sent)
    for mail in MAILS:
        flags = mail["path"].rpartition(":2,")[2]
        assert ("S" in flags) == mail["seen"], mail["path"]
    unread = [m for m in inbox if not m["seen"]]
    assert 0.25 <= len(unread) / len(inbox) <= 0.45  # "about a third"


def test_every_line_ends_in_crlf() -> None:
    for mail in MAILS:
        raw = raw_of(mail)
        assert raw.endswith(b"\r\n"), mail["path"]
        assert b"\n" not in raw.replace(b"\r\n", b""), mail["path"]


def test_dates_spread_from_october_2025_to_november_2026() -> None:
    dates = [email.utils.parsedate_to_datetime(parsed_of(m)["Date"]) for m in MAILS if m["folder"] == "INBOX"]
    assert min(dates).strftime("%Y-%m") == "2025-10"
    assert max(dates).strftime("%Y-%m") == "2026-11"


# ---------------------------------------------------------------------------
# Cases: declared, covered, and true in the bytes
# ---------------------------------------------------------------------------


def test_every_required_case_is_covered() -> None:
    covered = {case for mail in MAILS for case in mail["cases"]}
    assert REQUIRED_CASES - covered == set()


@pytest.mark.parametrize("case", sorted(CASE_CHECKS))
def test_each_declared_case_holds_in_the_raw_bytes(case: str) -> None:
    claiming = [mail for mail in MAILS if case in mail["cases"]]
    assert claiming, f"no file claims {case}"
    for mail in claiming:
        raw = raw_of(mail)
        assert CASE_CHECKS[case](raw, email.message_from_bytes(raw)), f"{mail['path']} does not show {case}"


def test_nec_extension_mail_really_carries_jis_bytes_for_circled_one() -> None:
    """ESC $ B then 0x2D 0x21: NEC row 13, read by CP932 as ①, refused by Python's plain iso2022_jp."""
    nec = [m for m in MAILS if "iso-2022-jp-nec-ibm" in m["cases"]]
    assert len(nec) >= 2
    with_circled_one = [m for m in nec if any(_pair_at_even(run, b"-!") for run in jis_runs(raw_of(m)))]
    assert with_circled_one, "no NEC mail encodes ① as ESC $ B 0x2D 0x21"
    assert jis_pair_as_cp932(0x2D, 0x21) == "①"
    for mail in nec:
        body = raw_of(mail).split(b"\r\n\r\n", 1)[1]
        with pytest.raises(UnicodeDecodeError):
            body.decode("iso2022_jp")
        decoded = "".join(jis_pair_as_cp932(j1, j2) for j1, j2 in extension_pairs(body))
        assert set(decoded) & set("①②③㈱㍻Ⅲ髙﨑"), mail["path"]


def _pair_at_even(run: bytes, pair: bytes) -> bool:
    return any(run[i : i + 2] == pair for i in range(0, len(run) - 1, 2))


def test_long_chatty_mails_are_about_two_thousand_characters_of_new_text() -> None:
    long_mails = [m for m in MAILS if "long-chatty" in m["cases"]]
    assert len(long_mails) >= 3
    for mail in long_mails:
        text = python_decode(text_parts(parsed_of(mail))[0])
        own = [line for line in text.splitlines() if not line.startswith(">")]
        length = len("".join(own).replace(" ", "").replace("\u3000", ""))
        assert 1800 <= length <= 2600, (mail["path"], length)


def test_party_dress_puts_the_worry_just_before_the_request() -> None:
    mail = next(m for m in MAILS if "party-dress" in m["cases"] and m["folder"] == "INBOX")
    assert "ドレス" in mail["subject"]
    lines = python_decode(text_parts(parsed_of(mail))[0]).splitlines()
    request = next(i for i, line in enumerate(lines) if "連休前に届くように" in line)
    assert "今度の連休にパーティーで着たい" in "".join(lines[:request])
    assert "心配" in lines[request - 1]


# ---------------------------------------------------------------------------
# Threads: our replies and the returning allergy customer
# ---------------------------------------------------------------------------


def test_sent_replies_point_at_inbox_mails() -> None:
    inbox_ids = {parsed_of(m)["Message-ID"] for m in MAILS if m["folder"] == "INBOX"}
    all_ids = inbox_ids | {parsed_of(m)["Message-ID"] for m in MAILS if m["folder"] == "Sent"}
    for mail in (m for m in MAILS if m["folder"] == "Sent"):
        parsed = parsed_of(mail)
        assert parsed["In-Reply-To"] in inbox_ids, mail["path"]
        references = parsed["References"].split()
        assert references[-1] == parsed["In-Reply-To"]
        assert set(references) <= all_ids
        assert parsed["Subject"].startswith("Re: ")


def test_allergy_customer_writes_over_a_year_and_we_answer() -> None:
    cake = [m for m in MAILS if "allergy-cake" in m["cases"]]
    customer = {m["from"] for m in cake if m["folder"] == "INBOX"}
    assert len(customer) == 1
    address = customer.pop()
    theirs = sorted(
        email.utils.parsedate_to_datetime(parsed_of(m)["Date"]) for m in MAILS if m["from"] == address
    )
    assert len(theirs) >= 3
    assert theirs[0].strftime("%Y-%m") == "2025-12"
    assert theirs[-1].strftime("%Y-%m") == "2026-11"
    ours = [m for m in cake if m["folder"] == "Sent"]
    assert len(ours) >= 2
    assert all(parsed_of(m)["To"].endswith(f"<{address}>") for m in ours)
    # Our first reply is long and warm, not a form letter.
    first = min(ours, key=lambda m: m["path"])
    assert len(python_decode(text_parts(parsed_of(first))[0])) >= 600


# ---------------------------------------------------------------------------
# Our parser on every file
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("mail", MAILS, ids=[m["key"] for m in MAILS])
def test_parser_decodes_each_demo_mail(mail: dict[str, Any]) -> None:
    from app.mail.parse import parse_message
    from app.model import NoteKind

    message = parse_message(raw_of(mail))
    assert message.subject == mail["subject"]
    assert message.sender.email == mail["from"]
    assert message.sender.name == mail["from_name"]  # RFC 2047 in the mail's own charset
    assert message.message_id.strip("<>") == mail["message_id"].strip("<>")
    for needle in mail["body_contains"]:
        assert needle in message.body, needle
    assert NoteKind.UNPARSEABLE not in {note.kind for note in message.notes}
    assert "\ufffd" not in message.subject
    assert "\ufffd" not in message.body
    assert sorted(a.filename for a in message.attachments) == sorted(mail["attachments"])
    if mail["in_reply_to"]:
        assert message.in_reply_to.strip("<>") == mail["in_reply_to"].strip("<>")
    if "html-only" in mail["cases"]:
        assert message.html is not None
        assert any(url.startswith("https://") for url in message.remote_images)


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------


def test_generator_reproduces_the_bundled_files_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    expected = tmp_path / "expected.json"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_demo.py"), "--out", str(out), "--expected", str(expected)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    bundled = {p.relative_to(DEMO_MAILDIR).as_posix() for p in DEMO_MAILDIR.rglob("*") if p.is_file()}
    made = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert made == bundled
    for name in bundled:
        assert (out / name).read_bytes() == (DEMO_MAILDIR / name).read_bytes(), name
    assert expected.read_bytes() == EXPECTED_PATH.read_bytes()
