"""Mail providers, all behind the `MailSource` protocol in `base.py`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.sources.base import MailSource
from app.sources.local import open_local_source

if TYPE_CHECKING:
    from app.sources.maildir import HeaderIndex


def open_source(path: Path, index: HeaderIndex | None = None) -> MailSource:
    """Open a local mailbox (Maildir or mbox) as a `MailSource`; a Maildir lists through `index` if given."""
    return open_local_source(path, index)
