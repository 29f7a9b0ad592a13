"""Mail providers, all behind the `MailSource` protocol in `base.py`."""

from pathlib import Path

from app.sources.base import MailSource


def open_source(path: Path) -> MailSource:
    """Open a local mailbox (Maildir or mbox) as a `MailSource`."""
    from app.sources.local import open_local_source

    return open_local_source(path)
