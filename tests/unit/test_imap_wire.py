"""The FETCH reader of the sync hot path, on responses as different servers write them."""

from __future__ import annotations

import io

import pytest

from app.sources.imap_wire import (
    ConnectionLost,
    FetchPipeline,
    WireError,
    flag_list,
    number,
    parse_fetch,
    parse_values,
    read_response,
    section,
)

MAIL = b"From: a@example.jp\r\nSubject: test\r\n\r\n\xe3\x81\x82 body with ) and ( and {5}\r\n"


def _pipeline(server_bytes: bytes) -> tuple[FetchPipeline, list[bytes]]:
    sent: list[bytes] = []
    return FetchPipeline(sent.append, io.BufferedReader(io.BytesIO(server_bytes))), sent  # type: ignore[arg-type]


def _response(text: bytes) -> dict[bytes, object]:
    found = parse_fetch(read_response(io.BytesIO(text)))
    assert found is not None
    return found  # type: ignore[return-value]


def test_dovecot_shape_flags_before_the_body() -> None:
    items = _response(b"* 1 FETCH (UID 42 FLAGS (\\Seen $Forwarded) BODY[] {%d}\r\n" % len(MAIL) + MAIL + b")\r\n")
    assert number(items, b"UID") == 42
    assert flag_list(items) == [b"\\Seen", b"$Forwarded"]
    assert section(items) == MAIL  # the literal's parentheses and braces are data, not syntax


def test_flags_after_the_body_and_lower_case_names() -> None:
    items = _response(b"* 7 FETCH (uid 9 body[] {%d}\r\n" % len(MAIL) + MAIL + b" flags (\\Answered))\r\n")
    assert number(items, b"UID") == 9
    assert section(items) == MAIL
    assert flag_list(items) == [b"\\Answered"]


def test_literal8_and_non_synchronising_literals() -> None:
    assert section(_response(b"* 1 FETCH (UID 1 BODY[] ~{3}\r\nab\x00)\r\n")) == b"ab\x00"
    assert section(_response(b"* 1 FETCH (UID 1 BODY[] {3+}\r\nxyz)\r\n")) == b"xyz"


def test_nil_body_and_quoted_body() -> None:
    assert section(_response(b"* 3 FETCH (UID 3 BODY[] NIL)\r\n")) is None
    assert section(_response(b'* 3 FETCH (UID 3 BODY[] "a \\"quoted\\" \\\\ body")\r\n')) == b'a "quoted" \\ body'
    assert section(_response(b'* 3 FETCH (UID 3 BODY[] "")\r\n')) == b""


def test_section_names_with_spaces_and_an_origin() -> None:
    head = b"Subject: x\r\n\r\n"
    items = _response(
        b"* 5 FETCH (UID 5 RFC822.SIZE 1234 BODY[HEADER.FIELDS (SUBJECT FROM)] {%d}\r\n" % len(head) + head + b")\r\n"
    )
    assert number(items, b"RFC822.SIZE") == 1234
    assert section(items) == head
    partial = _response(b"* 5 FETCH (UID 5 BODY[]<0> {2}\r\nab)\r\n")
    assert section(partial) == b"ab"


def test_two_literals_in_one_response() -> None:
    items = _response(b"* 1 FETCH (UID 1 BODY[HEADER] {3}\r\nabc BODY[TEXT] {2}\r\nde)\r\n")
    assert items[b"BODY[HEADER]"] == b"abc"
    assert items[b"BODY[TEXT]"] == b"de"


def test_nested_lists_and_modseq() -> None:
    values = parse_values(b'(UID 1 MODSEQ (12345) X-GM-LABELS ("\\\\Inbox" foo))', [])
    assert values == [[b"UID", b"1", b"MODSEQ", [b"12345"], b"X-GM-LABELS", [b"\\Inbox", b"foo"]]]


def test_other_untagged_responses_are_not_fetches() -> None:
    assert parse_fetch(read_response(io.BytesIO(b"* 12 EXISTS\r\n"))) is None
    assert parse_fetch(read_response(io.BytesIO(b"* OK [ALERT] hello\r\n"))) is None


@pytest.mark.parametrize("broken", [
    b"* 1 FETCH (UID 1 BODY[] {3}\r\nab",      # the literal is cut short
    b"* 1 FETCH (UID 1 FLAGS (\\Seen)",         # no line end: the server went away
    b"",
])
def test_a_cut_connection_is_a_lost_connection(broken: bytes) -> None:
    with pytest.raises(ConnectionLost):
        read_response(io.BytesIO(broken))


@pytest.mark.parametrize("junk", [b"* 1 FETCH (UID 1 FLAGS (\\Seen)\r\n", b"* 1 FETCH (UID 1 ]x)\r\n",
                                  b"* 1 FETCH (UID)\r\n", b"* 1 FETCH UID 1)\r\n"])
def test_malformed_responses_are_refused_not_guessed(junk: bytes) -> None:
    with pytest.raises(WireError):
        parse_fetch(read_response(io.BytesIO(junk)))


def test_pipeline_sends_one_ahead_and_skips_interleaved_responses() -> None:
    server = (
        b"* 1 FETCH (UID 10 BODY[] {2}\r\nAA)\r\n"
        b"* 5 EXISTS\r\n"                               # new mail arrived meanwhile
        b"* 2 FETCH (FLAGS (\\Seen))\r\n"               # another client's flag change: no UID
        b"* 3 EXPUNGE\r\n"
        b"* 2 FETCH (UID 11 BODY[] {2}\r\nBB)\r\n"
        b"AZ1 OK Fetch completed.\r\n"
        b"* 3 FETCH (FLAGS () UID 20 BODY[] {2}\r\nCC)\r\n"
        b"AZ2 OK done\r\n"
    )
    pipeline, sent = _pipeline(server)
    stream = pipeline.fetch(["10:11", "20"], "UID BODY.PEEK[]")
    first = next(stream)
    assert number(first, b"UID") == 10
    assert sent == [b"AZ1 UID FETCH 10:11 (UID BODY.PEEK[])\r\n", b"AZ2 UID FETCH 20 (UID BODY.PEEK[])\r\n"]
    rest = list(stream)
    assert [number(i, b"UID") for i in rest] == [11, 20]
    assert [section(i) for i in rest] == [b"BB", b"CC"]


def test_pipeline_raises_on_no_and_on_bye() -> None:
    pipeline, _ = _pipeline(b"AZ1 NO [SERVERBUG] Internal error\r\n")
    with pytest.raises(WireError, match="SERVERBUG"):
        list(pipeline.fetch(["1"], "UID BODY.PEEK[]"))
    pipeline, _ = _pipeline(b"* BYE shutting down\r\n")
    with pytest.raises(ConnectionLost):
        list(pipeline.fetch(["1"], "UID BODY.PEEK[]"))


# -- the fast path for Dovecot's shape gives what the general reader gives ----------------
HEAD = b"From: a@example.jp\r\nSubject: s\r\n\r\n"
_SHAPES = [
    b"* 1 FETCH (UID 42 BODY[] {%d}\r\n" % len(MAIL) + MAIL + b")\r\n",
    b"* 1 FETCH (UID 42 FLAGS () RFC822.SIZE 999 BODY[HEADER.FIELDS (SUBJECT FROM DATE MESSAGE-ID)] {%d}\r\n"
    % len(HEAD) + HEAD + b")\r\n",
    b"* 1 FETCH (UID 42 FLAGS (\\Seen \\Answered $Forwarded) RFC822.SIZE 5 BODY[] {%d}\r\n" % len(MAIL) + MAIL
    + b")\r\n",
    b"* 1 FETCH (UID 42 FLAGS (NIL) BODY[] {%d}\r\n" % len(MAIL) + MAIL + b")\r\n",
    b"* 1 FETCH (UID 42 body[]<0> {%d}\r\n" % len(MAIL) + MAIL + b")\r\n",  # not the fast shape (lower case)
    b"* 1 FETCH (UID 42 BODY[]<0> {%d}\r\n" % len(MAIL) + MAIL + b")\r\n",
    b"* 1 FETCH (UID 42 BODY[] {%d}\r\n" % len(MAIL) + MAIL + b" FLAGS (\\Seen))\r\n",  # more after the literal
    b"* 1 FETCH (UID 42 BODY[] {%d}\r\n" % len(MAIL) + MAIL + b" BODY[1] {2}\r\nab)\r\n",  # a second literal
    b"* 1 FETCH (UID 42 BODY[] {0}\r\n)\r\n",
    b"* 1 FETCH (UID 42 BODY[] NIL)\r\n",
    b"* 1 FETCH (UID 42 FLAGS (\\Seen  \\Draft) BODY[] {%d}\r\n" % len(MAIL) + MAIL + b")\r\n",  # two spaces
    b"* 1 FETCH (UID 42 FLAGS (\\Seen) RFC822.SIZE 5 BODY[] ~{%d}\r\n" % len(MAIL) + MAIL + b")\r\n",
    b"* 1 FETCH (FLAGS (\\Seen) UID 42 BODY[] {%d}\r\n" % len(MAIL) + MAIL + b")\r\n",  # another order
]


@pytest.mark.parametrize("response", _SHAPES)
def test_the_fast_path_reads_as_the_general_reader(response: bytes) -> None:
    expected = _response(response)
    pipeline, _sent = _pipeline(response + b"* 3 EXISTS\r\n" + response.replace(b"UID 42", b"UID 43") + b"AZ1 OK\r\n")
    got = list(pipeline.fetch(["42:43"], "UID BODY.PEEK[]"))
    assert got[0] == expected
    assert got[1] == _response(response.replace(b"UID 42", b"UID 43"))
    assert len(got) == 2


def test_the_fast_path_notices_a_cut_literal() -> None:
    pipeline, _sent = _pipeline(b"* 1 FETCH (UID 42 BODY[] {%d}\r\n" % len(MAIL) + MAIL[:10])
    with pytest.raises(ConnectionLost):
        list(pipeline.fetch(["42"], "UID BODY.PEEK[]"))
