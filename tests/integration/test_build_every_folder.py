"""The memory and the search index are built from every folder a customer's mail may be filed in.

QA (issue 15 list, 2): a customer's 345 mails showed as 288 because 57 were filed in a folder
of their own, and the build read only the Inbox and Sent. Drafts, Trash and Junk stay out.
"""

from __future__ import annotations

from pathlib import Path

from app.customers import build_memory, open_memory
from app.model import FolderRole
from app.sources.maildir import MaildirSource
from app.store import open_database
from app.store.search import MailIndex


def _mail(folder: Path, name: str, sender: str, subject: str, body: str) -> None:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    raw = (f"From: {sender}\r\nTo: shop@example.jp\r\nSubject: {subject}\r\n"
           f"Date: Tue, 05 Mar 2024 10:00:00 +0900\r\nMessage-ID: <{name}@example.jp>\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n")
    (folder / "cur" / f"{name}:2,S").write_bytes(raw.encode())


def test_mail_filed_in_another_folder_is_built_and_searchable_but_trash_is_not(tmp_path: Path) -> None:
    root = tmp_path / "mail"
    _mail(root, "inbox1", "森本 <m@example.com>", "ケーキの予約", "チーズケーキを予約したいです。")
    _mail(root / ".Regulars", "filed1", "森本 <m@example.com>", "お礼", "先日のタルトが美味しかったです。")
    _mail(root / ".Trash", "thrown1", "森本 <m@example.com>", "古い件", "マカロンの件は取り消します。")
    source = MaildirSource(root)
    roles = {f.name: f.role for f in source.folders()}
    assert FolderRole.OTHER in roles.values() and FolderRole.TRASH in roles.values(), roles
    memory = open_memory(f"sqlite:///{tmp_path / 'memory.sqlite3'}")
    index = MailIndex(open_database(tmp_path / "db.sqlite3"))
    try:
        result = build_memory(memory, source, "local", index=index)
        assert result.total == 2 and not result.stopped  # the filed mail counted, the thrown-away one not
        assert [h.key for h in index.search("タルト")] == ["filed1"]
        assert index.search("マカロン") == []
        # The filed mail reached the customer's record too: both mails are checkpointed as built.
        built = {f.role: memory.built_keys("local", f.id) for f in source.folders()}
        assert built[FolderRole.OTHER] == {"filed1"} and not built[FolderRole.TRASH]
    finally:
        memory.close()
