"""Sending from a local mailbox (the demo, a Maildir kept offline) through the outbox like any account.

A local Maildir "sends" by delivering the reply into its own `.Sent` folder
(`MaildirSender`), and flags the original answered. It goes through the outbox
all the same, so the grace period, the 予約, the holds and "exactly once" are one
mechanism everywhere (issue 17's one send path). The outbox account of a local
mailbox is `local:<resolved path>`, so an item due after a restart is sent even
when another mailbox is open. An mbox file cannot receive a reply: `CannotSendHere`.
"""

from __future__ import annotations

from pathlib import Path

from app.model import MessageRef
from app.outbox import Route
from app.sources.maildir import MaildirSender, MaildirSource, is_maildir

LOCAL_PREFIX = "local:"


class CannotSendHere(Exception):
    """This kind of mailbox has no way to send (an mbox file, for one)."""


def local_account(path: Path) -> str:
    """The outbox account id of a local mailbox (also the key its list and memory rows use)."""
    return f"{LOCAL_PREFIX}{path.resolve()}"


def is_local(account_id: str) -> bool:
    return account_id.startswith(LOCAL_PREFIX)


class _LocalFiler:
    """The delivery into `.Sent` is the copy in Sent; only the original's answered flag is left."""

    def __init__(self, source: MaildirSource) -> None:
        self._source = source

    def append_sent(self, raw: bytes) -> None:
        return None

    def mark_answered(self, ref: MessageRef) -> None:
        self._source.mark_answered(ref)


def local_route(account_id: str) -> Route:
    """The route of a `local:` account; `CannotSendHere` for an mbox or a path that is gone."""
    root = Path(account_id.removeprefix(LOCAL_PREFIX))
    if not is_maildir(root):
        raise CannotSendHere(str(root))
    return Route(MaildirSender(root), _LocalFiler(MaildirSource(root)), server_saves_sent=True)
