"""Opening a local mailbox path as the right `MailSource`."""

from __future__ import annotations

from pathlib import Path

from app.sources.base import MailSource
from app.sources.errors import NotFound
from app.sources.maildir import HeaderIndex, MaildirSource, is_maildir
from app.sources.mbox import MboxSource, is_mbox


def open_local_source(path: Path, index: HeaderIndex | None = None) -> MailSource:
    """A Maildir directory, an mbox file, or a directory of mbox files."""
    if is_maildir(path):
        return MaildirSource(path, index)
    if path.is_file() and is_mbox(path):
        return MboxSource(path, index)
    if path.is_dir() and any(is_mbox(p) for p in path.iterdir() if p.is_file()):
        return MboxSource(path, index)
    raise NotFound(str(path))
