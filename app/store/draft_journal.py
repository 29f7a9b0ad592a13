"""A second place for drafts: a small JSON file beside the store, used when the store cannot
be written (disk full, read-only file, damaged database).

`app.store.drafts.save_draft_kept` writes here only after the store refused; a later good
save in the store forgets the entry, and loading prefers the journal (it is only ever newer).
The file is reserved when the store opens (`reserve`: two slots of `SLOT` bytes), so a disk
that fills up later can still take the last draft: a write overwrites the older slot in
place, needing no new block, and carries a sequence number and a checksum. A kill in the
middle of a write leaves the other slot, the previous journal, intact.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from app.model import Address, Draft

SUFFIX = ".drafts-journal.json"


def journal_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + SUFFIX)


def _key(mailbox: str, original_id: str) -> str:
    return f"{mailbox}\x1f{original_id}"


def _address(value: Any) -> Address:
    if isinstance(value, dict):
        return Address(str(value.get("name", "")), str(value.get("email", "")))
    return Address("", "")


def _encode(draft: Draft) -> dict[str, Any]:
    def addresses(values: tuple[Address, ...]) -> list[dict[str, str]]:
        return [{"name": a.name, "email": a.email} for a in values]

    return {
        "message_id": draft.message_id, "original_id": draft.original_id,
        "sender": {"name": draft.sender.name, "email": draft.sender.email},
        "to": addresses(draft.to), "cc": addresses(draft.cc), "subject": draft.subject, "body": draft.body,
        "in_reply_to": draft.in_reply_to, "references": list(draft.references),
        "created": draft.created.isoformat() if draft.created else None,
        "journaled_at": datetime.now().astimezone().isoformat(),
    }


def _decode(value: dict[str, Any]) -> Draft:
    created = value.get("created")
    return Draft(
        message_id=str(value["message_id"]), original_id=str(value["original_id"]),
        sender=_address(value.get("sender")), to=tuple(_address(a) for a in value.get("to", [])),
        cc=tuple(_address(a) for a in value.get("cc", [])), subject=str(value.get("subject", "")),
        body=str(value.get("body", "")), in_reply_to=str(value.get("in_reply_to", "")),
        references=tuple(str(r) for r in value.get("references", [])),
        created=datetime.fromisoformat(created) if isinstance(created, str) else None,
    )


SLOT = 512 * 1024
_MAGIC = b"AZJ1"
_HEADER = 4 + 8 + 8 + 32  # magic, sequence, length, sha256


def reserve(store_path: Path) -> None:
    """Make sure the journal's two slots exist on disk (allocated now, while there is room)."""
    path = journal_path(store_path)
    if path.exists() and path.stat().st_size >= 2 * SLOT:
        return
    with open(path, "ab") as handle:
        if hasattr(os, "posix_fallocate"):
            os.posix_fallocate(handle.fileno(), 0, 2 * SLOT)
        else:  # pragma: no cover - Windows and macOS: write the zeros
            handle.truncate(2 * SLOT)
            handle.seek(0)
            handle.write(b"\0" * 2 * SLOT)
        handle.flush()
        os.fsync(handle.fileno())


def _slots(data: bytes) -> list[tuple[int, bytes]]:
    """(sequence, payload) of every valid slot."""
    found = []
    for start in (0, SLOT):
        head = data[start : start + _HEADER]
        if len(head) < _HEADER or head[:4] != _MAGIC:
            continue
        sequence = int.from_bytes(head[4:12], "big")
        length = int.from_bytes(head[12:20], "big")
        payload = data[start + _HEADER : start + _HEADER + length]
        if length <= SLOT - _HEADER and len(payload) == length and hashlib.sha256(payload).digest() == head[20:52]:
            found.append((sequence, payload))
    return found


def _read_all(store_path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = journal_path(store_path).read_bytes()
    except OSError:
        return {}
    slots = _slots(data)
    if not slots:
        return {}
    try:
        loaded = json.loads(max(slots)[1].decode("utf-8"))
    except ValueError:
        return {}
    return {k: v for k, v in loaded.items() if isinstance(v, dict)} if isinstance(loaded, dict) else {}


def _write_all(store_path: Path, entries: dict[str, dict[str, Any]]) -> None:
    path = journal_path(store_path)
    payload = json.dumps(entries, ensure_ascii=False).encode("utf-8")
    if len(payload) > SLOT - _HEADER:
        raise OSError(errno.EFBIG, "draft journal slot too small", str(path))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = b""
    slots = {start: _slots(data[start : start + SLOT] + b"") for start in (0, SLOT)}
    sequences = {start: (found[0][0] if found else -1) for start, found in slots.items()}
    target = min(sequences, key=lambda start: sequences[start])  # the older (or empty) slot
    sequence = max(sequences.values()) + 1
    head = _MAGIC + sequence.to_bytes(8, "big") + len(payload).to_bytes(8, "big") + hashlib.sha256(payload).digest()
    with open(path, "r+b" if path.exists() else "w+b") as handle:
        handle.seek(target)
        handle.write(head + payload)
        handle.flush()
        os.fsync(handle.fileno())


def write(store_path: Path, mailbox: str, draft: Draft) -> Path:
    """Keep `draft` in the journal; raises OSError when this cannot be written either."""
    entries = _read_all(store_path)
    entries[_key(mailbox, draft.original_id)] = _encode(draft)
    _write_all(store_path, entries)
    return journal_path(store_path)


def read(store_path: Path, mailbox: str, original_id: str) -> Draft | None:
    entry = _read_all(store_path).get(_key(mailbox, original_id))
    try:
        return _decode(entry) if entry is not None else None
    except (KeyError, TypeError, ValueError):
        return None


def forget(store_path: Path, mailbox: str | None = None, original_id: str | None = None,
           message_id: str | None = None) -> None:
    """Drop the entry of one reply (by mailbox + original, or by the Message-ID it went out as)."""
    if not journal_path(store_path).exists():
        return
    entries = _read_all(store_path)
    kept = {
        key: value for key, value in entries.items()
        if not ((mailbox is not None and key == _key(mailbox, original_id or ""))
                or (message_id is not None and value.get("message_id") == message_id))
    }
    if kept != entries:
        _write_all(store_path, kept)


def entries(store_path: Path) -> list[tuple[str, Draft]]:
    """Every journaled draft with its mailbox (to move back into the store once it can be written)."""
    found = []
    for key, value in _read_all(store_path).items():
        mailbox = key.split("\x1f", 1)[0]
        try:
            found.append((mailbox, _decode(value)))
        except (KeyError, TypeError, ValueError):
            continue
    return found
