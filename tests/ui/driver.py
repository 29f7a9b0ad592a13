"""A driver for the window tests: open a mail, reply, type, send, search — and wait for the right change.

Every step waits for what the window says it changed (`MainWindow.changed`,
`app.context.Changes`), never for a time. `qtbot` is pytest-qt's own typed `QtBot`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.mail.parse import parse_message
from app.model import HighlightKind, Message
from app.sources.base import Header
from ui.main_window import MainWindow
from ui.models import Role

TIMEOUT_MS = 30000


def on(change: Changes) -> Callable[[Changes], bool]:
    """For `qtbot.waitSignal(window.changed, check_params_cb=on(Changes.X))`."""
    return lambda changes: bool(change & changes)


def ime_commit(widget: QWidget, text: str) -> None:
    """Text as an input method commits it (Japanese is never typed key by key)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


class Driver:
    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    @contextmanager
    def waiting(self, change: Changes, timeout: int = TIMEOUT_MS) -> Iterator[None]:
        """The block's action must end in `change` (any one of its flags)."""
        with self.qtbot.waitSignal(self.window.changed, timeout=timeout, check_params_cb=on(change)):
            yield

    @contextmanager
    def waiting_all(self, *changes: Changes, timeout: int = TIMEOUT_MS) -> Iterator[None]:
        """The block's action must end in every one of `changes`, in any order."""
        seen = Changes.NONE

        def note(change: Changes) -> None:
            nonlocal seen
            seen |= change

        self.window.changed.connect(note)
        try:
            yield
            self.qtbot.waitUntil(lambda: all(c in seen for c in changes), timeout=timeout)
        finally:
            self.window.changed.disconnect(note)

    # -- the list ----------------------------------------------------------------
    def headers(self) -> list[Header]:
        proxy = self.window.proxy
        return [proxy.index(r, 0).data(Role.HEADER) for r in range(proxy.rowCount())]

    def row(self, predicate: Callable[[Header], bool]) -> int:
        for row, header in enumerate(self.headers()):
            if predicate(header):
                return row
        raise AssertionError("no such message in the list")

    def open_row(self, row: int, wait: Changes = Changes.INSIGHT) -> None:
        with self.waiting(wait):
            self.window.message_view.selectRow(row)

    def open(self, subject: str, wait: Changes = Changes.INSIGHT) -> None:
        """Select the mail with this subject (or containing it) and wait until its highlights show."""
        self.open_row(self.row(lambda h: h.subject == subject or subject in h.subject), wait)

    def open_where(self, predicate: Callable[[Message], bool], wait: Changes = Changes.PROFILE) -> None:
        """Select the first mail whose parsed message matches (found by content, not by file name)."""
        source = self.window.mailbox.source
        assert source is not None
        for row, header in enumerate(self.headers()):
            if predicate(parse_message(source.fetch(header.ref))):
                self.open_row(row, wait)
                return
        raise AssertionError("no such mail in the list")

    def select_highlight(self, kind: HighlightKind, index: int = 0) -> None:
        panel = self.window.insight_panel
        panel.view.setCurrentIndex(panel.model.highlight_indexes(kind)[index])

    # -- replying -----------------------------------------------------------------
    def reply(self, reply_all: bool = False, wait_review: bool = True) -> None:
        compose = self.window.compose
        action = compose.reply_all_action if reply_all else compose.reply_action
        with self.qtbot.waitSignal(compose.opened, timeout=10000):
            action.trigger()
        if wait_review:
            self.qtbot.waitUntil(lambda: compose.composer.findings_title.text() != "", timeout=5000)

    def type_draft(self, text: str) -> None:
        """Type `text` as an IME commits it, then wait for the live review of exactly that text."""
        compose = self.window.compose
        with self.qtbot.waitSignal(compose.review_shown, timeout=10000):
            ime_commit(compose.composer.editor, text)

    def send(self) -> None:
        """Send and wait until the send review ran (its dialog is open, or the reply is on its way)."""
        compose = self.window.compose
        with self.qtbot.waitSignal(compose.send_checked, timeout=20000):
            compose.send()

    # -- searching ---------------------------------------------------------------
    def search(self, text: str) -> None:
        """Enter in the search box: every mail and the memory; the results replace the list."""
        self.window.search.setText(text)
        with self.waiting(Changes.SEARCH):
            self.window.memory.run_search(text)
