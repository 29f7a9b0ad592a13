"""IMAP responses read straight off the connection: the hot path of a sync.

Owns the wire format of the one command a sync repeats thousands of times,
`UID FETCH <set> (<items>)`, and only that: reading its responses line by line
and literal by literal from the connection's buffered reader, and turning each
`* n FETCH (...)` into a dict of its items. Everything else (LOGIN, SELECT,
SEARCH, STORE, APPEND, IDLE) stays with IMAPClient.

Why not imaplib/IMAPClient here: imaplib matches every line against a handful
of regexes, logs it, and keeps untagged responses in lists it then copies,
and IMAPClient's parser tokenises the whole response in Python. For 10,000
mails that cost more than Dovecot needs to send them (ARCHITECTURE.md §4, "IMAP sync
speed"). Here a literal is one `read(n)` and the text around it, a few dozen
bytes per message, goes through one regex.

What the parser accepts, because servers differ: literals `{n}`, non-
synchronising `{n+}` and literal8 `~{n}`; items in any order (Dovecot sends
FLAGS before BODY[], others after); NIL for a body that vanished; quoted
strings with backslash escapes; section names with spaces
(`BODY[HEADER.FIELDS (SUBJECT FROM)]`) and partial origins (`BODY[]<0>`);
untagged EXISTS/EXPUNGE/RECENT/OK and FETCHes without a UID (another
client's flag change) between ours, which are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

# One response line may not run away with memory; a literal is read by its size.
MAX_LINE = 1_000_000

_LITERAL_AT_END = re.compile(rb"~?\{(\d+)\+?\}$")
_FETCH_START = re.compile(rb"\* (\d+) FETCH ")
_TOKEN = re.compile(
    rb"""[ ]*(?:
        (?P<open>\()
      | (?P<close>\))
      | "(?P<quoted>(?:[^"\\]|\\.)*)"
      | ~?\{(?P<literal>\d+)\+?\}
      | (?P<atom>[^\s()"{\[\]]+(?:\[[^\]]*\](?:<\d+>)?)?)
      | (?P<bad>\S)
    )""",
    re.VERBOSE,
)
_ESCAPE = re.compile(rb"\\(.)")
# The response a sync gets 20,000 times, in the order Dovecot sends its items:
# `* 12 FETCH (UID 34 FLAGS (\Seen) RFC822.SIZE 5678 BODY[...] {910}` then the
# literal, then `)`. Read without the general tokeniser (a third of the wire's
# cost); any other shape (other servers' order, NIL, quoted strings, more items
# after the literal) goes the general way.
_SIMPLE_FETCH = re.compile(
    rb"\* \d+ FETCH \(UID (\d+) (?:FLAGS \(((?:[^\s()\"{\[\]]+(?: [^\s()\"{\[\]]+)*)?)\) )?"
    rb"(?:RFC822\.SIZE (\d+) )?(BODY\[[^\]]*\](?:<\d+>)?) \{(\d+)\}\r\n"
)

Value = bytes | list["Value"] | None


class WireError(Exception):
    """The server sent something this reader cannot follow (or said NO/BAD)."""


class ConnectionLost(EOFError):
    """The connection ended in the middle of a response."""


class BinaryReader(Protocol):
    def readline(self, limit: int = -1, /) -> bytes: ...
    def read(self, size: int = -1, /) -> bytes: ...


class Writer(Protocol):
    def __call__(self, data: bytes, /) -> object: ...


class Response:
    """One response: its text (lines joined, each literal left as its `{n}` marker) and its literals."""

    __slots__ = ("literals", "text")

    def __init__(self, text: bytes, literals: list[bytes]) -> None:
        self.text = text
        self.literals = literals


def read_response(stream: BinaryReader, line: bytes | None = None, parts: list[bytes] | None = None,
                  literals: list[bytes] | None = None) -> Response:
    """Read one whole response: a line, and after each literal marker the literal and the rest.

    `line`, `parts` and `literals` carry on a response whose start was already
    read (`FetchPipeline`'s fast path when the shape was not the common one).
    """
    parts = [] if parts is None else parts
    literals = [] if literals is None else literals
    while True:
        if line is None:
            line = stream.readline(MAX_LINE + 1)
        if not line:
            raise ConnectionLost("connection closed by the server")
        if len(line) > MAX_LINE:
            raise WireError("response line too long")
        if not line.endswith(b"\n"):
            raise ConnectionLost("connection closed in the middle of a line")
        line = line.rstrip(b"\r\n")
        parts.append(line)
        marker = _LITERAL_AT_END.search(line) if line.endswith(b"}") else None
        if marker is None:
            return Response(b"".join(parts), literals)
        size = int(marker.group(1))
        literal = stream.read(size)
        if len(literal) != size:
            raise ConnectionLost("connection closed in the middle of a literal")
        literals.append(literal)
        line = None


def parse_values(text: bytes, literals: list[bytes], start: int = 0) -> list[Value]:
    """The tokens of `text[start:]` as nested lists: atoms and strings as bytes, NIL as None."""
    stack: list[list[Value]] = [[]]
    top = stack[0]
    remaining = iter(literals)
    # One findall per response (a C loop) instead of a match per token: this runs
    # once per message of the sync.
    for opening, closing, quoted, literal, atom, bad in _TOKEN.findall(text, start):
        if atom:
            top.append(None if atom == b"NIL" else atom)
        elif literal:
            found = next(remaining, None)
            if found is None:
                raise WireError("literal marker without its literal")
            top.append(found)
        elif opening:
            top = []
            stack.append(top)
        elif closing:
            if len(stack) == 1:
                raise WireError("unbalanced ')' in the response")
            closed = stack.pop()
            top = stack[-1]
            top.append(closed)
        elif bad:
            raise WireError(f"cannot read the response near {bad!r}")
        else:  # the only token that matches empty groups: ""
            top.append(_ESCAPE.sub(rb"\1", quoted) if b"\\" in quoted else quoted)
    if len(stack) != 1:
        raise WireError("unbalanced '(' in the response")
    return stack[0]


def parse_fetch(response: Response) -> dict[bytes, Value] | None:
    """The items of a `* n FETCH (...)` response, names upper-cased; None for any other response.

    A section name keeps its brackets: `BODY[]`, `BODY[HEADER.FIELDS (SUBJECT)]`.
    """
    start = _FETCH_START.match(response.text)
    if start is None:
        return None
    values = parse_values(response.text, response.literals, start.end())
    if len(values) != 1 or not isinstance(values[0], list):
        raise WireError("a FETCH response without its item list")
    items = values[0]
    if len(items) % 2:
        raise WireError("a FETCH item without its value")
    found: dict[bytes, Value] = {}
    for index in range(0, len(items), 2):
        name = items[index]
        if not isinstance(name, bytes):
            raise WireError("a FETCH item name that is not an atom")
        found[name.upper()] = items[index + 1]
    return found


def section(items: dict[bytes, Value], prefix: bytes = b"BODY[") -> bytes | None:
    """The value of the first item whose name starts with `prefix` (servers spell sections their way)."""
    for name, value in items.items():
        if name.startswith(prefix):
            return value if isinstance(value, bytes) else None
    return None


def number(items: dict[bytes, Value], name: bytes) -> int | None:
    value = items.get(name)
    return int(value) if isinstance(value, bytes) and value.isdigit() else None


def flag_list(items: dict[bytes, Value]) -> list[bytes]:
    value = items.get(b"FLAGS")
    return [f for f in value if isinstance(f, bytes)] if isinstance(value, list) else []


class FetchPipeline:
    """Sends `UID FETCH` commands and reads their responses, one command ahead.

    While the caller stores one batch, the server already works on the next
    command: Dovecot and the client each use their own core instead of taking
    turns. `send` is the connection's write, `stream` its buffered reader.
    """

    def __init__(self, send: Writer, stream: BinaryReader, tag_prefix: str = "AZ") -> None:
        self._send = send
        self._stream = stream
        self._prefix = tag_prefix
        self._count = 0

    def _command(self, uid_set: str, items: str) -> bytes:
        self._count += 1
        tag = f"{self._prefix}{self._count}".encode("ascii")
        self._send(tag + b" UID FETCH " + uid_set.encode("ascii") + b" (" + items.encode("ascii") + b")\r\n")
        return tag

    def fetch(self, uid_sets: list[str], items: str) -> Iterator[dict[bytes, Value]]:
        """Every FETCH response (with a UID) to `UID FETCH <set> (items)` for each set, in order."""
        if not uid_sets:
            return
        tags = [self._command(uid_sets[0], items)]
        for index in range(len(uid_sets)):
            if index + 1 < len(uid_sets):
                tags.append(self._command(uid_sets[index + 1], items))
            yield from self._until(tags[index])

    def _until(self, tag: bytes) -> Iterator[dict[bytes, Value]]:
        done = tag + b" "
        stream = self._stream
        while True:
            line = stream.readline(MAX_LINE + 1)
            simple = _SIMPLE_FETCH.match(line)
            if simple is not None:
                response = self._simple(simple, line)
                if isinstance(response, dict):
                    yield response
                    continue
            else:
                response = read_response(stream, line)
            text = response.text
            if text.startswith(b"* "):
                items = parse_fetch(response)
                if items is not None and b"UID" in items:
                    yield items
                elif text.startswith(b"* BYE"):
                    raise ConnectionLost(text.decode("utf-8", "replace"))
                continue
            if text.startswith(done):
                if not text[len(done):len(done) + 2].upper() == b"OK":
                    raise WireError(text.decode("utf-8", "replace"))
                return
            if text.startswith(b"+"):
                raise WireError("unexpected continuation request during FETCH")
            # A tagged reply to a command that is not ours cannot happen on this connection.
            raise WireError(f"unexpected response {text[:60]!r}")

    def _simple(self, simple: re.Match[bytes], line: bytes) -> dict[bytes, Value] | Response:
        """The common response (`_SIMPLE_FETCH`) without the general tokeniser; else the whole `Response`.

        Gives exactly what `parse_fetch` gives for the same bytes. When the line
        after the literal is not the closing `)`, the response goes on the
        general way from there.
        """
        uid, flags, size, name, length = simple.groups()
        literal = self._stream.read(int(length))
        if len(literal) != int(length):
            raise ConnectionLost("connection closed in the middle of a literal")
        after = self._stream.readline(MAX_LINE + 1)
        if after != b")\r\n":
            return read_response(self._stream, after, [line.rstrip(b"\r\n")], [literal])
        items: dict[bytes, Value] = {b"UID": uid}
        if flags is not None:
            items[b"FLAGS"] = [None if flag == b"NIL" else flag for flag in flags.split(b" ")] if flags else []
        if size is not None:
            items[b"RFC822.SIZE"] = size
        items[name.upper()] = literal
        return items
