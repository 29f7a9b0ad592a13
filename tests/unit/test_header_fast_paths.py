"""The header fast paths of a message-list sync give what the general paths give.

`parse_address_list`, `parse_date` and `decode_words` skip the stdlib parsers for
the common shapes; these tests hold them to the general result, shape by shape,
including the shapes that must fall back.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone
from email.utils import getaddresses, parsedate_to_datetime

import pytest

from app.mail import headers
from app.mail.headers import decode_words, parse_address_list, parse_date
from app.mail.transfer import decode_base64

NAMES = ["", "A", "A  B", " 山田 太郎 ", '"Q  x"', '"山田"', "=?utf-8?b?5L2Q6JekIOiKseWtkA==?=",
         "=?utf-8?b?5L2Q?= =?utf-8?b?6Jek?=", "A.B", '"a\\"b"', "x (c)", "a,b", "O'Brien", "\t A\tB "]
ADDRESSES = ["<a@b.jp>", "a@b.jp", "<a.b+c@x.y.z>", '<"q"@b>', "<a@[1.2.3.4]>", "<a..b@c>", "<@b>",
             "a@b.jp (c)", "<a@b>, <c@d>", "<>"]


@pytest.mark.parametrize(("name", "address"), list(itertools.product(NAMES, ADDRESSES)))
def test_simple_addresses_parse_as_the_stdlib_does(name: str, address: str) -> None:
    for text in (f"{name} {address}", f"{name}{address}", address):
        simple = headers._SIMPLE_ADDRESS.match(text)
        if simple is None:
            continue  # the general path handles it
        quoted, plain, angle, bare = simple.group("quoted", "plain", "angle", "bare")
        fast = (quoted if quoted is not None else " ".join((plain or "").split()), angle or bare)
        assert [fast] == [pair for pair in getaddresses([text]) if pair != ("", "")]


def test_fast_from_decodes_the_name() -> None:
    found = parse_address_list(b"=?utf-8?b?5L2Q6JekIOiKseWtkA==?= <customer0@example.jp>", "from", [])
    assert found[0].name == "佐藤 花子" and found[0].email == "customer0@example.jp"
    odd = parse_address_list(b"Sato (sales) <sato@example.jp>", "from", [])
    assert odd[0].email == "sato@example.jp"


@pytest.mark.parametrize("value", [
    "Mon, 1 Dec 2025 00:00:00 +0900", "1 Dec 2025 23:59:59 -0330", "Tue, 29 Feb 2028 12:00:00 +0000",
    "Sat, 31 Feb 2025 12:00:00 +0900",   # impossible date: the general path decides
    "Mon, 1 Dec 2025 00:00:60 +0900",    # leap second: likewise
    "Mon, 1 Dec 2025 00:00:00 -0000",    # zone unknown: counted as UTC
    "Mon, 1 Dec 2025 00:00 +0900",       # no seconds
])
def test_canonical_dates_match_the_stdlib(value: str) -> None:
    try:
        expected: datetime | None = parsedate_to_datetime(value)
    except ValueError:
        expected = None
    if expected is not None and expected.tzinfo is None:
        expected = expected.replace(tzinfo=UTC)
    got = parse_date(value)
    if expected is None:
        assert got is None or got.tzinfo is not None
    else:
        assert got == expected and got is not None and got.utcoffset() == expected.utcoffset()


def test_a_date_keeps_the_senders_offset() -> None:
    got = parse_date("Mon, 1 Dec 2025 09:00:00 +0900")
    assert got is not None and got.tzinfo == timezone(timedelta(hours=9))


@pytest.mark.parametrize("value", [
    b"=?utf-8?b?44OJ44Os44K5?=", b"=?UTF-8?B?44OJ?= =?utf-8?b?44Os44K5?=", b"=?utf-8?b?44OJ?==?utf-8?b?44Os?=",
    b"=?utf-8?b?77u/44OJ?=",              # a BOM: the general path strips it
    b"=?utf-8?b?44O?=",                   # broken padding: repaired by the general path, with a note
    b"=?utf-8?b?gA==?=",                  # not UTF-8 at all
    b"=?utf-8?b?GyRCJCIbKEI=?=",          # ISO-2022-JP escapes behind a UTF-8 label
])
def test_utf8_words_decode_as_the_general_path(value: bytes) -> None:
    fast_notes: list[object] = []
    fast = decode_words(value, "subject", fast_notes)  # type: ignore[arg-type]
    slow_notes: list[object] = []
    # The same words with a space in front take the general path (no fullmatch).
    slow = decode_words(b" " + value, "subject", slow_notes).removeprefix(" ")  # type: ignore[arg-type]
    assert (fast, fast_notes) == (slow, slow_notes)


def test_strict_base64_fast_path_agrees_with_the_repairs() -> None:
    assert decode_base64(b"5L2Q6Jek") == (b"\xe4\xbd\x90\xe8\x97\xa4", False)
    assert decode_base64(b"5L2Q6Jek\r\n5L2Q") == (b"\xe4\xbd\x90\xe8\x97\xa4\xe4\xbd\x90", False)
    assert decode_base64(b"5L2Q6J")[1] is True  # missing padding is still a repair


@pytest.mark.parametrize(("value", "text"), [
    (b"=?iso-2022-jp?b?GyRCJS4lVSVISnFBdRsoQg==?=", "ギフト包装"),
    (b"=?ISO-2022-JP?B?GyRCR1tBdxsoQg==?=", "配送"),
    # A character split across two words: the bytes are joined before decoding.
    (b"=?iso-2022-jp?b?GyRCJS4l?= =?iso-2022-jp?b?VRsoQg==?=", "ギフ"),
    (b"=?iso-2022-jp?b?GyRCLSEbKEI=?=", None),        # NEC row 13 (①): the CP50220 route, with its note
    (b"=?iso-2022-jp?b?GyRCJCI=?=", None),            # no escape back to ASCII
    (b"=?iso-2022-jp?b?GyRCJC?=", None),              # broken base64: repaired, with a note
    (b"=?iso-2022-jp?b?GyRCJCIbKEI=?= tail", None),   # text after the words
])
def test_iso2022jp_words_decode_as_the_general_path(value: bytes, text: str | None) -> None:
    fast_notes: list[object] = []
    fast = decode_words(value, "subject", fast_notes)  # type: ignore[arg-type]
    slow_notes: list[object] = []
    slow = decode_words(b" " + value, "subject", slow_notes).removeprefix(" ")  # type: ignore[arg-type]
    assert (fast, fast_notes) == (slow, slow_notes)
    if text is not None:
        assert fast == text and not fast_notes


@pytest.mark.parametrize(("head", "fields"), [
    (b"Subject: a\r\n b\r\n\tc\r\nFrom: x\r\n\r\nSubject: body", [("subject", b"a b\tc"), ("from", b"x")]),
    (b" stray continuation\nFrom x@y Mon\n more\nSubject :  s  \n", [("subject", b"s")]),
    (b"Sub ject: no\nX-A:\nDate:1\r\r\nTo: t\n", [("x-a", b""), ("date", b"1"), ("to", b"t")]),
    (b":empty name\n\x80bad: 1\nMessage-ID: <m>\n \n", [("message-id", b"<m>")]),
    (b"Subject: s\r\n\r\n more", [("subject", b"s")]),
])
def test_split_fields_unfolds_and_skips_junk(head: bytes, fields: list[tuple[str, bytes]]) -> None:
    assert headers.split_fields(head) == fields
    # A field skipped by `wanted` also drops its continuation lines.
    wanted = frozenset({"subject"})
    assert headers.split_fields(b"From: a\r\n b\r\n" + head, wanted) == [f for f in fields if f[0] == "subject"]


# -- read_summary's own fast paths (the header pass of a sync) ----------------------------
def _general_summary(raw: bytes) -> headers.HeaderSummary:
    """read_summary as it was before its fast paths: split_fields and the general decoders."""
    notes: list[object] = []
    found: dict[str, bytes] = {}
    for name, value in headers.split_fields(headers._head(raw), headers._SUMMARY_FIELDS):
        found.setdefault(name, value)
    subject = found.get("subject")
    date = found.get("date")
    return headers.HeaderSummary(
        subject=headers.decode_header_bytes(subject, "subject", notes) if subject is not None else "",  # type: ignore[arg-type]
        sender=headers._sender(found.get("from"), notes),  # type: ignore[arg-type]
        date=parse_date(date.decode("latin-1")) if date is not None else None,
        message_id=headers._message_id(found.get("message-id") or b""),
        notes=tuple(notes),  # type: ignore[arg-type]
    )


_JIS_NAME = b"=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?="    # 山田
_NEC_WORD = b"=?iso-2022-jp?b?GyRCLSEbKEI=?="        # ① (NEC row 13): the CP932-compatible route
SUBJECTS = [
    b"plain ascii subject", b"  spaced\tsubject  ", b"", b"=?utf-8?b?44OJ44Os44K5?=",
    b"=?UTF-8?B?44OJ?= =?utf-8?b?44Os44K5?=", b"=?utf-8?b?44OJ?=\t=?utf-8?b?44Os?=",
    b"=?utf-8?b?77u/44OJ?=", b"=?utf-8?b?44O?=", b"=?utf-8?b?gA==?=", b"=?utf-8?b?GyRCJCIbKEI=?=",
    b"=?iso-2022-jp?b?GyRCJS4lVSVISnFBdRsoQg==?=", b"=?iso-2022-jp?b?GyRCJS4l?= =?iso-2022-jp?b?VRsoQg==?=",
    _NEC_WORD, b"=?iso-2022-jp?b?GyRCJCI=?=", b"=?iso-2022-jp?b?GyRCJC?=",
    b"=?utf-8?b?44OJ?= =?iso-2022-jp?b?GyRCJS4lVRsoQg==?=",   # mixed charsets
    b"Re: =?utf-8?b?44OJ44Os44K5?=", b"=?utf-8?q?=E3=83=89?=", b"=?x-unknown?b?44OJ?=", b"=?utf-8?b?44OJ",
    "ご注文の件".encode(), "ご注文".encode("shift_jis"), "ご注文".encode("iso-2022-jp"), b"a =? b", b"\x1bodd",
]
FROMS = [
    b"=?utf-8?b?5L2Q6JekIOiKseWtkA==?= <customer0@example.jp>", b"=?UTF-8?B?5L2Q?= =?utf-8?b?6Jek?= <a@b.jp>",
    b"=?utf-8?b?5L2Q6Jek?=<a@b.jp>", b"=?utf-8?b?5L2Q6Jek?= <a@b.jp>  ", _JIS_NAME + b" <yamada@example.jp>",
    _NEC_WORD + b" <nec@example.jp>", b"=?utf-8?b?77u/5L2Q?= <bom@example.jp>", b"=?utf-8?b?5L2Q6J?= <bad@b.jp>",
    b"=?utf-8?b?IuS9kCI=?= <quote@b.jp>", b'"=?utf-8?b?5L2Q6Jek?=" <q@b.jp>', b"=?utf-8?b?5L2Q?= <a@b.jp>, <c@d.jp>",
    b"=?utf-8?b?5L2Q?= <a..b@c.jp>", b"=?utf-8?b?5L2Q?= (c) <a@b.jp>", b"Sato <sato@example.jp>", b"sato@example.jp",
    b"=?utf-8?b?5L2Q?= =?iso-2022-jp?b?GyRCOzMbKEI=?= <mix@b.jp>", "佐藤 <raw@example.jp>".encode(),
    b"=?utf-8?b?5L2Q6Jek?= <a@b.jp> trailing",
]


@pytest.mark.parametrize("subject", SUBJECTS)
@pytest.mark.parametrize("sender", [FROMS[0], FROMS[4]])
def test_summary_subjects_match_the_general_path(subject: bytes, sender: bytes) -> None:
    raw = b"From: " + sender + b"\r\nSubject: " + subject + b"\r\nDate: Mon, 1 Dec 2025 00:00:00 +0900\r\n\r\n"
    assert headers.read_summary(raw) == _general_summary(raw)


@pytest.mark.parametrize("sender", FROMS)
def test_summary_senders_match_the_general_path(sender: bytes) -> None:
    raw = b"Subject: x\r\nFrom: " + sender + b"\r\nMessage-ID: <m@x>\r\n\r\nbody"
    assert headers.read_summary(raw) == _general_summary(raw)


# Folded encoded words (the general split), LF only, a field repeated, odd spellings, junk.
BLOCKS = [
    b"Subject: =?utf-8?b?44OJ?=\r\n =?utf-8?b?44Os44K5?=\r\nFrom: " + FROMS[0] + b"\r\n\r\n",
    b"From: =?utf-8?b?5L2Q?=\r\n\t=?utf-8?b?6Jek?= <a@b.jp>\r\nSubject: s\r\n\r\n",
    b"subject: lower\nfrom: a@b.jp\ndate: Mon, 1 Dec 2025 00:00:00 +0900\nmessage-id: <m@x>\n\n",
    b"SUBJECT: first\r\nSubject: second\r\nFROM: a@b.jp\r\nFrom: c@d.jp\r\n\r\n",
    b"Subject : spaced name\r\nFrom:\ta@b.jp\r\nMessage-Id:<m@x>  \r\n\r\n",
    b"Sub ject: not a field\r\nX-Other: y\r\nSubject: real\r\n\r\n",
    b"Subject: s\r\n\r\r\nFrom: after a CR-only line\r\n\r\n",
    b"\r\nSubject: after a blank first line\r\n\r\n",
    b" stray\r\nSubject: after a stray continuation\r\n\r\n",
    b"Subject: cr\rinside\r\nFrom: a@b.jp\r\r\n\r\n",
    b"Subject: no blank line at the end",
    b"Subject: trailing tabs\t\t\r\nDate: junk\r\n\r\n",
    b"Subject: a\r\n\r\nFrom: in the body <x@y.jp>\r\n",
    b"",
    b"\x00\xff binary junk\r\n\r\n",
]


@pytest.mark.parametrize("raw", BLOCKS)
def test_summary_header_blocks_match_the_general_path(raw: bytes) -> None:
    assert headers.read_summary(raw) == _general_summary(raw)


def _listed_blocks() -> list[bytes]:
    blocks = list(BLOCKS)
    blocks += [b"From: " + sender + b"\r\nSubject: " + subject + b"\r\nDate: Mon, 1 Dec 2025 00:00:00 +0900\r\n"
               b"Message-ID: <m@x>\r\n\r\n" for subject in SUBJECTS for sender in (FROMS[0], FROMS[4])]
    blocks += [b"Subject: x\r\nFrom: " + sender + b"\r\n\r\n" for sender in FROMS]
    blocks += [b"Date: Tue, 2 Dec 2025 09:30:00 +0900\r\n\r\n", b"From: a@b.jp\r\n\r\n"]
    return blocks


@pytest.mark.parametrize("raw", _listed_blocks())
def test_a_listed_row_decodes_later_to_what_the_summary_reads_now(raw: bytes) -> None:
    # The sync stores (raw Subject, raw From, date, Message-ID); the list decodes the
    # first two when it shows the row. Later must mean the same, never different.
    summary = headers.read_summary(raw)
    raw_subject, raw_sender, date, message_id = headers.read_listing(raw)
    assert (date, message_id) == (summary.date, summary.message_id)
    assert headers.decode_listed(raw_subject, raw_sender) == (summary.subject, summary.sender)
