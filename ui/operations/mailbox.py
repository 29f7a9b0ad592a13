"""Mailbox operations: open a source, list folders and headers, fetch, mark read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.context import AppContext
from app.model import Message
from app.sources.base import Folder, Header, MailSource, MessageRef
from ui.tasks import TaskFailure, TaskRunner, mail_lane

ErrorCallback = Callable[[TaskFailure], None]


@dataclass(frozen=True, slots=True)
class OpenedMailbox:
    source: MailSource
    folders: list[Folder]
    read_only: Path | None = None  # a Maildir folder that cannot be written (read state, replies need it)
    demo: bool = False  # the demo's copy: the window calls it the demo, not by its folder's name


@dataclass(frozen=True, slots=True)
class OpenedMessage:
    ref: MessageRef
    message: Message
    raw: bytes  # kept to re-render HTML when the user allows remote images


def _open(ctx: AppContext) -> OpenedMailbox:
    from app.sources import open_source

    # With the store, a Maildir's headers are kept between starts: the second one opens no file.
    from app.sources.maildir import is_maildir, unwritable_folder
    from app.store.local_index import LocalIndex

    source = open_source(ctx.mailbox_path, LocalIndex(ctx.db))
    path = Path(ctx.mailbox_path)
    # The mailbox the user chose is named (not its cur/ or .Sent/tmp inside): that is the folder they know.
    read_only = path if is_maildir(path) and unwritable_folder(path) is not None else None
    from app.demo import is_demo

    return OpenedMailbox(source, source.folders(), read_only, is_demo(path))


def _newest_first(headers: list[Header]) -> list[Header]:
    # Undated mail sorts last rather than failing the comparison.
    return sorted(headers, key=lambda h: h.date.timestamp() if h.date else float("-inf"), reverse=True)


def _fetch(source: MailSource, ref: MessageRef) -> OpenedMessage:
    from app.mail.parse import parse_message

    raw = source.fetch(ref)
    return OpenedMessage(ref, parse_message(raw), raw)


def open_mailbox(
    runner: TaskRunner, account: str, ctx: AppContext,
    on_done: Callable[[OpenedMailbox], None], on_error: ErrorCallback,
) -> int:
    return runner.submit(mail_lane(account), lambda: _open(ctx), on_done, on_error, slot="mailbox")


FIRST_SCREEN = 60  # rows shown before the whole folder is listed: more than a window holds


def load_newest(
    runner: TaskRunner, account: str, source: MailSource, folder: Folder,
    on_done: Callable[[list[Header]], None], on_error: ErrorCallback,
) -> bool:
    """The folder's newest screenful at once, when the source can tell it cheaply (a local
    mailbox); the whole listing (`load_headers`, submitted next on the same lane) follows.
    False when the source cannot."""
    newest = getattr(source, "newest", None)
    if not callable(newest):
        return False
    runner.submit(mail_lane(account), lambda: list(newest(folder, FIRST_SCREEN)), on_done, on_error,
                  slot="headers-first", drop_at_shutdown=True)
    return True


def load_headers(
    runner: TaskRunner, account: str, source: MailSource, folder: Folder,
    on_done: Callable[[list[Header]], None], on_error: ErrorCallback,
) -> int:
    def run() -> list[Header]:
        headers: list[Header] = []
        for header in source.headers(folder):
            if runner.stopping.is_set():  # the window closed: a long listing ends here
                return []
            headers.append(header)
        return _newest_first(headers)

    return runner.submit(mail_lane(account), run, on_done, on_error, slot="headers", drop_at_shutdown=True)


def _answered(source: MailSource, folder: Folder) -> set[MessageRef]:
    from app.sync import SyncedMailbox

    keys: set[str] = set()
    own = getattr(source, "answered_keys", None)
    if callable(own):
        keys = own(folder)
    elif isinstance(source, SyncedMailbox):
        keys = source.store.answered_keys(source.account_id, folder.id)
    return {MessageRef(folder.id, key) for key in keys}


def answered(
    runner: TaskRunner, account: str, source: MailSource, folder: Folder,
    on_done: Callable[[set[MessageRef]], None], on_error: ErrorCallback,
) -> int:
    """The folder's messages we replied to (Maildir `R`, IMAP \\Answered), for the list's arrows."""
    return runner.submit(mail_lane(account), lambda: _answered(source, folder), on_done, on_error, slot="answered",
                         drop_at_shutdown=True)


def fetch_message(
    runner: TaskRunner, account: str, source: MailSource, ref: MessageRef,
    on_done: Callable[[OpenedMessage], None], on_error: ErrorCallback,
) -> int:
    return runner.submit(mail_lane(account), lambda: _fetch(source, ref), on_done, on_error, slot="reader",
                         drop_at_shutdown=True)


def mark_read(
    runner: TaskRunner, account: str, source: MailSource, ref: MessageRef,
    on_done: Callable[[None], None], on_error: ErrorCallback,
) -> int:
    # No slot: marking read must be reported even when the user moved on.
    return runner.submit(mail_lane(account), lambda: source.mark_read(ref, True), on_done, on_error)


def html_with_images(raw: bytes) -> str | None:
    """The mail's HTML sanitised again, this time keeping its remote images.

    The parser's own route, so the same MIME and charset repairs apply."""
    from app.mail.parse import render_html

    rendered = render_html(raw, allow_remote_images=True)
    return None if rendered is None else rendered.html
