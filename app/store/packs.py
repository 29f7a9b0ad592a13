"""Pack files: the raw bytes of synced mails, one file per stored batch.

Owns the files under `<database>-bodies/<account>/`: writing a batch of mails as
one file, reading one mail back by offset and length and checking it against the
checksum its row keeps, listing and deleting packs. Which pack holds which mail
is SQL and lives in `mail.py` (migrations 0006, 0007).

Why files and not BLOBs: SQLite in WAL mode writes every BLOB twice (to the WAL,
then again at the checkpoint, with fsyncs), which made storing 200 MB of mail
slower than receiving it. A pack is written once with one `writev`.

Why one file per batch and not per mail (as Maildir does): creating 10,000 files
costs more than the bytes in them.

Why no fsync: synced bodies are a cache of the server's mail, and the database
itself (WAL, `synchronous=NORMAL`) does not fsync at commit either. The contract
is that after a crash or a power cut the store is never *wrong*, not that it
keeps every byte: each row keeps its body's length and CRC-32 (`checksum`), a
read whose bytes do not match — a pack the kernel had not written back yet,
truncated or zero-filled — returns None, and the caller marks the mail as not
synced so the next sync fetches it again. Waiting for the disk on every batch
cost a full sync ~0.3 s for a guarantee a cache does not need. A crash before a
pack's rows commit leaves an orphan file that `mail.py` removes later.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

SUFFIX = ".pack"
# writev takes at most IOV_MAX (1024 on Linux) buffers per call.
_IOV_MAX = 1024


def default_root(database: Path) -> Path:
    """`aizuchi.sqlite3` keeps its mail bodies in `aizuchi-bodies/` beside it."""
    return database.with_name(database.stem + "-bodies")


def _write_all(fd: int, parts: Sequence[bytes]) -> None:
    views = [memoryview(part) for part in parts if part]
    if not hasattr(os, "writev"):  # Windows: one copy, one write
        data = memoryview(b"".join(views))
        while data:
            data = data[os.write(fd, data):]
        return
    index = 0
    while index < len(views):
        written = os.writev(fd, views[index : index + _IOV_MAX])
        # writev may stop short (a signal, a full disk): carry on from there.
        while index < len(views) and written >= len(views[index]):
            written -= len(views[index])
            index += 1
        if written:
            views[index] = views[index][written:]


def checksum(raw: bytes) -> int:
    """The CRC-32 a row keeps of its body: cheap (zlib releases the GIL), catches zeros and stale bytes."""
    return zlib.crc32(raw)


class PackDir:
    """The pack files of every account, under one root directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def account_dir(self, account_id: str) -> Path:
        # Account ids come from mail addresses: a digest is a safe, stable file name.
        return self.root / hashlib.sha256(account_id.encode("utf-8")).hexdigest()[:24]

    def write(self, account_id: str, bodies: Sequence[bytes]) -> tuple[str, list[int]]:
        """Write one pack (no fsync, see the module docstring); returns its name and each body's offset."""
        directory = self.account_dir(account_id)
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = secrets.token_hex(12) + SUFFIX
        offsets = []
        position = 0
        for raw in bodies:
            offsets.append(position)
            position += len(raw)
        # Straight under its final name: no row points at it until its batch commits,
        # so a half-written file is only ever an orphan.
        path = directory / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            _write_all(fd, bodies)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        os.close(fd)
        return name, offsets

    def read(self, account_id: str, name: str, offset: int, length: int, crc: int | None = None) -> bytes | None:
        """One body, or None when its pack is gone, shorter than the store says or not what was written.

        `crc` is the row's checksum; None for rows stored before migration 0007,
        whose packs were fsynced, so only their length is checked.
        """
        try:
            with open(self.account_dir(account_id) / name, "rb") as file:
                file.seek(offset)
                raw = file.read(length)
        except FileNotFoundError:
            return None
        if len(raw) != length or (crc is not None and checksum(raw) != crc):
            return None
        return raw

    def orphans(self, account_id: str, known: set[str], min_age_s: float) -> list[str]:
        """Files in the account's directory that are not in `known` and older than `min_age_s`."""
        directory = self.account_dir(account_id)
        cutoff = time.time() - min_age_s
        try:
            entries = list(os.scandir(directory))
        except FileNotFoundError:
            return []
        return [
            entry.name for entry in entries
            if entry.name not in known and entry.is_file() and entry.stat().st_mtime < cutoff
        ]

    def delete(self, account_id: str, names: Sequence[str]) -> None:
        directory = self.account_dir(account_id)
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                (directory / name).unlink()

    def remove_account(self, account_id: str) -> None:
        shutil.rmtree(self.account_dir(account_id), ignore_errors=True)
