"""A large Maildir made of copies of the demo mailbox: new Message-IDs, many customers.

Copy n of the demo gets every Message-ID (and In-Reply-To / References) made
unique (`<id.cN@domain>`) and every customer address renamed (`name.cN@domain`),
so 5,000 mails are ≈ 135 copies with thousands of different customers and
threads that still pair a reply with its original. The shop's own addresses
(From in Sent, To in the Inbox) stay. Built once per size: a second call reuses
the folder (a `.complete` marker says it was finished).

    python bench/scale_mailbox.py /tmp/aizuchi-5000 5000
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from app.paths import DEMO_MAILDIR

_ADDRESS = re.compile(rb"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]+")
_ID_HEADER = re.compile(rb"^(Message-ID|In-Reply-To|References):[^\n]*(?:\n[ \t][^\n]*)*", re.MULTILINE | re.IGNORECASE)
_ANGLE_ID = re.compile(rb"<([^<>@\s]+)@([^<>\s]+)>")
_ADDRESS_HEADER = re.compile(rb"^(From|To|Cc|Reply-To):[^\n]*(?:\n[ \t][^\n]*)*", re.MULTILINE | re.IGNORECASE)
MARKER = ".complete"


def _demo_files() -> list[tuple[str, Path]]:
    """(folder, file) of every demo mail: "" for the Inbox, ".Sent" for Sent."""
    found = []
    for folder in ("", ".Sent"):
        for sub in ("new", "cur"):
            directory = DEMO_MAILDIR / folder / sub if folder else DEMO_MAILDIR / sub
            if directory.is_dir():
                found += [(folder, p) for p in sorted(directory.iterdir()) if not p.name.startswith(".")]
    return found


def _head_and_body(raw: bytes) -> tuple[bytes, bytes]:
    raw = raw.replace(b"\r\n", b"\n")
    end = raw.find(b"\n\n")
    return (raw, b"") if end < 0 else (raw[:end], raw[end:])


def _shop_addresses(files: list[tuple[str, Path]]) -> set[bytes]:
    own: set[bytes] = set()
    for folder, path in files:
        head, _ = _head_and_body(path.read_bytes())
        for match in _ADDRESS_HEADER.finditer(head):
            name = match.group(1).lower()
            if (folder == ".Sent" and name == b"from") or (folder == "" and name == b"to"):
                own.update(a.lower() for a in _ADDRESS.findall(match.group(0)))
    return own


def _copy(raw: bytes, copy: int, own: set[bytes]) -> bytes:
    head, body = _head_and_body(raw)
    tag = f".c{copy}".encode()

    def new_id(match: re.Match[bytes]) -> bytes:
        return b"<" + match.group(1) + tag + b"@" + match.group(2) + b">"

    def ids(match: re.Match[bytes]) -> bytes:
        return _ANGLE_ID.sub(new_id, match.group(0))

    def address(match: re.Match[bytes]) -> bytes:
        email = match.group(0)
        if email.lower() in own:
            return email
        local, _, domain = email.partition(b"@")
        return local + tag + b"@" + domain

    def addresses(match: re.Match[bytes]) -> bytes:
        return _ADDRESS.sub(address, match.group(0))

    head = _ID_HEADER.sub(ids, head)
    head = _ADDRESS_HEADER.sub(addresses, head)
    return head + body


def build(target: Path, count: int) -> Path:
    """A Maildir of `count` mails (Inbox and Sent in the demo's proportion) at `target`, once."""
    if (target / MARKER).exists():
        return target
    if target.exists():
        shutil.rmtree(target)
    for folder in ("", ".Sent"):
        for sub in ("new", "cur", "tmp"):
            (target / folder / sub if folder else target / sub).mkdir(parents=True, exist_ok=True)
    files = _demo_files()
    own = _shop_addresses(files)
    made = 0
    copy = 0
    while made < count:
        for folder, path in files:
            if made >= count:
                break
            name = f"{1_700_000_000 + made}.S{copy}N{made}.scale:2,S"
            directory = target / folder / "cur" if folder else target / "cur"
            (directory / name).write_bytes(_copy(path.read_bytes(), copy, own))
            made += 1
        copy += 1
    (target / MARKER).write_text(str(count), encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    target, count = Path(argv[1]), int(argv[2])
    build(target, count)
    print(f"{count} mails in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
