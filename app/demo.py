"""The bundled demo mailbox, copied to the user data dir so reading it changes nothing in the install."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from app.paths import DEMO_MAILDIR, user_data_dir


def prepare_demo_mailbox(target: Path | None = None) -> Path:
    """A writable copy of the demo Maildir; made on first use, kept afterwards."""
    destination = target or user_data_dir() / "demo-mailbox"
    marker = destination / ".aizuchi-demo"
    bundled_version = _version_of(DEMO_MAILDIR)
    if marker.exists() and marker.read_text(encoding="utf-8") == bundled_version:
        return destination
    # A newer bundled demo replaces the old copy; it is demo data, nothing of the user's.
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(DEMO_MAILDIR, destination)
    marker.write_text(bundled_version, encoding="utf-8")
    return destination


def is_demo(path: Path) -> bool:
    """Whether `path` is the demo's copy (`prepare_demo_mailbox`), which the window names as such."""
    return (path / ".aizuchi-demo").is_file()


def _version_of(maildir: Path) -> str:
    names = sorted(p.name.partition(":")[0] for p in maildir.rglob("*") if p.is_file() and not p.name.startswith("."))
    return hashlib.sha1("\n".join(names).encode("utf-8")).hexdigest()


def mailbox_to_open(given: str | None, chosen: str) -> Path:
    """The local mailbox a start opens: the one named on the command line (`aizuchi run PATH`),
    else `chosen` in ファイル → メールアカウントを追加 (the `LOCAL_MAILBOX` setting, kept when the
    window opens one), else the demo. `aizuchi memory build` asks the same."""
    if given:
        return Path(given).expanduser()
    if chosen and Path(chosen).exists():
        return Path(chosen)
    return prepare_demo_mailbox()
