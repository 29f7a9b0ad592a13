"""The outbox in the window: the send service, the status-bar button, the outbox dialog, the undo
toast, and the notes for a held reply and a 予約 that went late (issue 19).

The window creates this controller and hands it nothing but itself; the composer's
controller calls `service.send_reply` (the one send path) and `show_undo`. Every
outbox read is a task of the send service: nothing here touches SQLite.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from app.clock import Clock, default_clock
from app.outbox import OutboxItem, OutboxState
from ui.outbox_dialog import OutboxDialog
from ui.outbox_wording import hold_text, late_text, summary_text
from ui.send_service import SendService
from ui.service_hours_dialog import ServiceHoursDialog
from ui.tasks import TaskFailure
from ui.undo_toast import UndoToast

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class OutboxController(QObject):
    notice = Signal(str)  # a held reply or a late 予約, in words (tests read it; the status bar shows it)

    def __init__(self, window: MainWindow, clock: Clock | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock or default_clock()
        pane = window.accounts_pane
        self.service = SendService(window.runner, window.db, window.settings, self.clock,
                                   lambda account: pane.sessions.get(account), self)
        pane.outbox = self.service.outbox  # sessions send through the one outbox (its clock and guards)
        pane.session_opened.connect(self.service.account_ready)
        self.items: list[OutboxItem] = []
        self.dialog: OutboxDialog | None = None
        self.late_box: QMessageBox | None = None
        self.notes: list[str] = []

        self.toast = UndoToast(self.clock, window)
        # Permanent: a status message never covers the undo button.
        window.statusBar().addPermanentWidget(self.toast)
        self.toast.undo_requested.connect(lambda item_id: window.compose.undo(item_id))
        self.service.changed.connect(self._on_changed)
        self.service.item_done.connect(self._on_item_done)
        self.service.held.connect(self._on_held)
        self.service.went_late.connect(self._on_late)
        self.service.error.connect(self._on_error)
        window.headers_loaded.connect(self.service.check_waiting)  # new local mail may hold a 予約

        self.settings_action = QAction(window)
        self.settings_action.setObjectName("sendSettingsAction")
        self.settings_action.triggered.connect(self.open_settings)
        window.file_menu.insertAction(window.outbox_action, self.settings_action)
        window.installEventFilter(self)
        self.retranslate()

    def start(self) -> None:
        self.service.start()

    def retranslate(self) -> None:
        self.settings_action.setText(self.tr("営業時間と送信の設定(&H)…"))
        self.toast.retranslate()
        self._show_summary()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # -- the status bar ------------------------------------------------------------------
    def show_undo(self, item: OutboxItem) -> None:
        self.toast.show_for(item)

    def _on_changed(self, items: list[OutboxItem]) -> None:
        self.items = list(items)
        self._show_summary()
        if self.dialog is not None:
            self.dialog.set_items(self.items)
        waiting = {i.id for i in self.items if i.undoable}
        if self.toast.item is not None and self.toast.item.id not in waiting:
            self.toast.done(self.toast.item.id)

    def _show_summary(self) -> None:
        button = self.window.outbox_button
        # The undo window speaks for itself (the toast); the button is for what needs a look.
        shown = [i for i in self.items if not i.undoable]
        button.setVisible(bool(shown))
        button.setText(summary_text(shown))

    def _on_item_done(self, item: OutboxItem) -> None:
        self.window.accounts_pane.outbox_item_done(item)
        if item.state is not OutboxState.QUEUED or not item.undoable:
            self.toast.done(item.id)

    def _say(self, text: str, timeout_ms: int = 30000) -> None:
        self.notes.append(text)
        self.window.statusBar().showMessage(text, timeout_ms)
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
        self._say(self.window.describe_error(failure.error), 15000)

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
        self.service.refresh()
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
        self.window.compose.reopen_held(item)

    # -- settings ------------------------------------------------------------------------
    def open_settings(self) -> QDialog:
        dialog = ServiceHoursDialog(self.window.settings, self.window)
        dialog.open()
        return dialog
