"""The window's side of the outbox (issue 19): the status-bar button, the outbox dialog, the undo
toast, the notes for a held reply and a 予約 that went late, and 営業時間と送信の設定.

Sending itself is `ui.send_service.SendService` (the one send path); this controller
shows what it reports. Every outbox read is a task of the send service: nothing here
touches SQLite. What it cannot do itself it asks for by signal: the composer takes a
reply back (`undo_requested`) or opens a held one again (`reopen_requested`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.clock import Clock, default_clock
from app.context import Changes
from app.outbox import OutboxItem, OutboxState
from app.settings import Settings
from ui.accounts_service import AccountsService
from ui.controllers.status import StatusLine
from ui.outbox_dialog import OutboxDialog
from ui.send_service import SendService
from ui.service_hours_dialog import ServiceHoursDialog
from ui.tasks import TaskFailure, TaskRunner
from ui.undo_toast import UndoToast
from ui.wording.errors import error_text
from ui.wording.outbox import hold_text, late_text, scheduled_text, summary_text

if TYPE_CHECKING:
    from ui.compose_controller import ComposeController


class OutboxController(QObject):
    notice = Signal(str)               # a held reply, a late 予約, a failure, in words (the status bar shows it)
    undo_requested = Signal(int)       # 「送信を取り消す」: the outbox item to take back
    reopen_requested = Signal(object)  # 「開いて見直す」: a held OutboxItem

    def __init__(self, runner: TaskRunner, accounts: AccountsService, status: StatusLine,
                 notify: Callable[[Changes], None], settings: Settings, clock: Clock | None, window: QWidget) -> None:
        super().__init__(window)
        self.clock = clock = clock or default_clock()
        # The one send path, over the accounts' sessions; it starts with the context (window._on_context).
        self.service = service = SendService(runner, settings, clock, accounts.sessions.get, self)
        self.accounts = accounts
        self.status = status
        self.notify = notify
        self.settings = settings
        self.window = window  # the parent of its dialogs
        self.items: list[OutboxItem] = []
        self.dialog: OutboxDialog | None = None
        self.late_box: QMessageBox | None = None
        self.notes: list[str] = []

        self.toast = UndoToast(clock, window)
        # Permanent: a status message never covers the undo button.
        status.bar.addPermanentWidget(self.toast)
        self.toast.undo_requested.connect(self._undo)
        status.outbox_button.clicked.connect(self.open_dialog)
        accounts.session_opened.connect(service.account_ready)
        service.changed.connect(self._on_changed)
        service.item_done.connect(self._on_item_done)
        service.held.connect(self._on_held)
        service.went_late.connect(self._on_late)
        service.error.connect(self._on_error)

    def attach(self, compose: ComposeController, changed: SignalInstance) -> None:
        """The composer's replies show here (undo, 予約); undo and reopening go to it; the window's
        `changed` reaches `on_changed`."""
        compose.submitted.connect(self.on_submitted)
        self.undo_requested.connect(compose.undo)
        self.reopen_requested.connect(compose.reopen_held)
        changed.connect(self.on_changed)

    def on_changed(self, changes: Changes) -> None:
        """The window's `changed`: a list (re)loaded may hold new customer mail that holds a 予約."""
        if changes & Changes.HEADERS:
            self.service.check_waiting()

    def retranslate(self) -> None:
        self.toast.retranslate()
        self._show_summary()

    def waiting_for(self, account_id: str) -> list[OutboxItem]:
        """The items of an account that have not gone (asked before removing it)."""
        return [item for item in self.items if item.account_id == account_id]

    # -- the status bar ------------------------------------------------------------------
    def on_submitted(self, item: OutboxItem) -> None:
        """The composer handed a reply to the outbox: the toast offers undo, or the 予約 is confirmed."""
        if item.undoable:
            self.toast.show_for(item)
        elif item.scheduled:
            self.status.say(scheduled_text(item), 15000)

    def _undo(self, item_id: int) -> None:
        self.toast.done(item_id)  # one undo per item; the composer says whether it was in time
        self.undo_requested.emit(item_id)

    def _on_changed(self, items: list[OutboxItem]) -> None:
        self.items = list(items)
        self._show_summary()
        if self.dialog is not None:
            self.dialog.set_items(self.items)
        waiting = {i.id for i in self.items if i.undoable}
        if self.toast.item is not None and self.toast.item.id not in waiting:
            self.toast.done(self.toast.item.id)
        self.notify(Changes.OUTBOX)

    def _show_summary(self) -> None:
        button = self.status.outbox_button
        # The undo window speaks for itself (the toast); the button is for what needs a look.
        shown = [i for i in self.items if not i.undoable]
        button.setVisible(bool(shown))
        button.setText(summary_text(shown))

    def _on_item_done(self, item: OutboxItem) -> None:
        self.accounts.outbox_item_done(item)
        if item.state is not OutboxState.QUEUED or not item.undoable:
            self.toast.done(item.id)

    def _say(self, text: str, timeout_ms: int = 30000) -> None:
        self.notes.append(text)
        self.status.say(text, timeout_ms)
        self.notice.emit(text)

    def _on_held(self, item: OutboxItem) -> None:
        self.toast.done(item.id)
        self._say(hold_text(item), 60000)

    def _on_late(self, item: OutboxItem) -> None:
        text = late_text(item)
        self._say(text)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("返信を遅れて送信しました"), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("lateSendNote")
        self.late_box = box
        box.open()

    def _on_error(self, account_id: str, failure: TaskFailure | None) -> None:
        if failure is None:
            self._say(self.tr("アカウントに接続していません。接続したら送信します。"), 15000)
            return
        self._say(error_text(failure.error, oauth=self.accounts.is_oauth(account_id),
                             connected_before=self.accounts.has_connected(account_id)), 15000)

    # -- the dialog ----------------------------------------------------------------------
    def open_dialog(self) -> OutboxDialog:
        if self.dialog is None:
            self.dialog = OutboxDialog(self.window, self.clock)
            self.dialog.retry_requested.connect(self.service.retry)
            self.dialog.reschedule_requested.connect(self._reschedule)
            self.dialog.cancel_requested.connect(self._cancel)
            self.dialog.reopen_requested.connect(self._reopen)
        self.dialog.set_items(self.items)
        self.dialog.show()
        self.service.refresh()  # what it shows now, and again once the store answered
        return self.dialog

    def _reschedule(self, item_id: int, at: datetime | None) -> None:
        self.service.reschedule(item_id, at)

    def _cancel(self, item_id: int) -> None:
        def done(item: OutboxItem | None) -> None:
            self._say(self.tr("送信を取り消しました。下書きは残っています。") if item is not None
                      else self.tr("すでに送信が始まっていたため、取り消せませんでした。"), 10000)

        self.service.cancel(item_id, done)

    def _reopen(self, item: OutboxItem) -> None:
        if self.dialog is not None:
            self.dialog.hide()
        self.reopen_requested.emit(item)

    # -- settings ------------------------------------------------------------------------
    def open_settings(self) -> QDialog:
        dialog = ServiceHoursDialog(self.settings, self.window)
        dialog.open()
        return dialog
