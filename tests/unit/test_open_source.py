from __future__ import annotations

from pathlib import Path

import pytest

from app.sources import open_source
from app.sources.errors import NotFound
from app.sources.maildir import MaildirSource
from app.sources.mbox import MboxSource


def test_open_source_picks_the_format(tmp_path: Path) -> None:
    maildir = tmp_path / "md"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    mbox = tmp_path / "inbox.mbox"
    mbox.write_bytes(b"From a@example.jp Mon Dec  1 10:00:00 2025\nSubject: x\n\nbody\n")
    assert isinstance(open_source(maildir), MaildirSource)
    assert isinstance(open_source(mbox), MboxSource)
    with pytest.raises(NotFound):
        open_source(tmp_path / "missing")
