from __future__ import annotations

from pathlib import Path

from app.demo import prepare_demo_mailbox
from app.paths import DEMO_MAILDIR


def test_demo_copy_is_made_once_and_reading_it_leaves_resources_alone(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    first = prepare_demo_mailbox(target)
    bundled = sorted(p.relative_to(DEMO_MAILDIR) for p in DEMO_MAILDIR.rglob("*") if p.is_file())
    copied = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file() and p.name != ".aizuchi-demo")
    assert copied == bundled
    # A change in the copy (a mail marked read) survives the next start.
    some_mail = next(p for p in (first / "cur").iterdir() if not p.name.startswith("."))
    renamed = some_mail.with_name(some_mail.name + "-moved")
    some_mail.rename(renamed)
    assert prepare_demo_mailbox(target) == first
    assert renamed.exists()
