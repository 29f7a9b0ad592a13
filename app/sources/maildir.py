"""A local Maildir (Maildir++ sub-folders) as a `MailSource`: the embedded default.

Read state lives in the file name (`:2,S`), as every Maildir tool expects, so the
same mailbox can be shared with mutt, Dovecot or mbsync without surprises.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from app.mail.headers import read_summary
from app.sources.base import Folder, FolderRole, Header, MessageRef, SyncState
from app.sources.errors import NotFound
from app.sources.folders import role_for_name

_INFO_SEPARATOR = ":2,"
INBOX_ID = ""


_HEAD_CHUNK = 16384
_HEAD_LIMIT = 256 * 1024  # a header block larger than this is broken anyway


def read_head(path: Path) -> bytes:
    """The header block of a mail file, without reading a possibly huge body."""
    data = b""
    with path.open("rb") as handle:
        while len(data) < _HEAD_LIMIT:
            chunk = handle.read(_HEAD_CHUNK)
            if not chunk:
                break
            data += chunk
            end = min((i for i in (data.find(b"\r\n\r\n"), data.find(b"\n\n")) if i >= 0), default=-1)
            if end >= 0:
                return data[: end + 2]
    return data


def is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


class MaildirSource:
    """Inbox at the root, Maildir++ folders as `.Name` sub-directories."""

    def __init__(self, root: Path) -> None:
        if not is_maildir(root):
            raise NotFound(str(root))
        self.root = root

    # -- folders ---------------------------------------------------------
    def folders(self) -> list[Folder]:
        found = [Folder(id=INBOX_ID, name="INBOX", role=FolderRole.INBOX)]
        subdirs = sorted(
            entry.name for entry in self.root.iterdir() if entry.name.startswith(".") and is_maildir(entry)
        )
        for dirname in subdirs:
            name = dirname[1:]
            found.append(Folder(id=dirname, name=name, role=role_for_name(name)))
        return found

    def _folder_dir(self, folder_id: str) -> Path:
        path = self.root / folder_id if folder_id else self.root
        if folder_id and (not folder_id.startswith(".") or "/" in folder_id or not is_maildir(path)):
            raise NotFound(folder_id)
        return path

    # -- messages --------------------------------------------------------
    def _entries(self, folder_dir: Path) -> Iterator[tuple[str, Path, str]]:
        """(key, path, flags) for every message; dot files are not mail."""
        for sub in ("new", "cur"):
            directory = folder_dir / sub
            try:
                names = os.listdir(directory)
            except FileNotFoundError:
                continue
            for name in names:
                if name.startswith("."):
                    continue
                key, _, flags = name.partition(_INFO_SEPARATOR)
                yield key, directory / name, flags if sub == "cur" else ""

    def _locate(self, ref: MessageRef) -> tuple[Path, str]:
        for key, path, flags in self._entries(self._folder_dir(ref.folder_id)):
            if key == ref.key:
                return path, flags
        raise NotFound(f"{ref.folder_id}/{ref.key}")

    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]:
        for key, path, flags in self._entries(self._folder_dir(folder.id)):
            try:
                head = read_head(path)
                size = path.stat().st_size
            except FileNotFoundError:  # moved by another program meanwhile
                continue
            summary = read_summary(head)
            yield Header(
                ref=MessageRef(folder.id, key),
                subject=summary.subject,
                sender=summary.sender,
                date=summary.date,
                seen="S" in flags,
                size=size,
            )

    def fetch(self, ref: MessageRef) -> bytes:
        path, _ = self._locate(ref)
        return path.read_bytes()

    def mark_read(self, ref: MessageRef, read: bool = True) -> None:
        path, flags = self._locate(ref)
        new_flags = set(flags)
        if read:
            new_flags.add("S")
        else:
            new_flags.discard("S")
        # Maildir wants flags in ASCII order, and a message seen once lives in cur/.
        target = path.parent.parent / "cur" / f"{ref.key}{_INFO_SEPARATOR}{''.join(sorted(new_flags))}"
        if target != path:
            os.replace(path, target)
