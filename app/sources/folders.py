"""Guessing a folder's role from its name, as local mail tools name them."""

from __future__ import annotations

from app.model import FolderRole

_ROLE_NAMES: dict[FolderRole, tuple[str, ...]] = {
    FolderRole.INBOX: ("inbox", "受信トレイ", "受信箱"),
    FolderRole.SENT: ("sent", "sent messages", "sent items", "sent mail", "送信済み", "送信済みアイテム", "送信箱"),
    FolderRole.DRAFTS: ("drafts", "draft", "下書き"),
    FolderRole.TRASH: ("trash", "deleted messages", "deleted items", "ごみ箱", "ゴミ箱", "削除済みアイテム"),
    FolderRole.JUNK: ("junk", "spam", "junk e-mail", "迷惑メール"),
}


def role_for_name(name: str) -> FolderRole:
    """The role a folder's name suggests; the last path component decides."""
    leaf = name.replace("\\", "/").replace(".", "/").rstrip("/").split("/")[-1].strip().lower()
    for role, names in _ROLE_NAMES.items():
        if leaf in names:
            return role
    return FolderRole.OTHER
