"""The outbox as the agent sees it: 「送信待ち / 予約 / 保留 / 送信失敗 / 送信状態不明」 with the reason.

An unknown item offers two different actions on purpose: 「再確認」 only looks the
Message-ID up in Sent; 「再送する」 sends again after the agent confirms that the
customer may receive it twice. A 予約 (issue 19) can be moved (「日時を変更…」),
sent at once or taken back (「取り消す」: never sent, the draft stays); a held reply
is opened again (「開いて見直す」) and reviewed against the mail that held it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.clock import Clock, default_clock
from app.outbox import OutboxItem, OutboxState
from app.service_hours import JST
from ui.screen_fit import fit_dialog
from ui.wording.accounts import send_problem
from ui.wording.outbox import hold_text, state_text

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ITEM_ROLE = Qt.ItemDataRole.UserRole + 30
REASON_WIDTH = 300  # px at most for 理由 in the table; a longer reason is elided, whole in its tooltip


class OutboxModel(QAbstractTableModel):
    STATE, SUBJECT, TO, REASON = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[OutboxItem] = []

    def set_items(self, items: list[OutboxItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> OutboxItem:
        return self._items[row]

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("状態"), self.tr("件名"), self.tr("宛先"), self.tr("理由"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ITEM_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.STATE:
                return state_text(item)
            if column == self.SUBJECT:
                return item.subject
            if column == self.TO:
                return ", ".join(item.recipients)
            if column == self.REASON:
                reason = hold_text(item) if item.state is OutboxState.HELD else send_problem(item.problem)
                if role == Qt.ItemDataRole.ToolTipRole and item.detail:
                    return f"{reason}\n{item.detail}"
                return reason
        return None


class OutboxDialog(QDialog):
    retry_requested = Signal(int, bool)  # item id, resend an unknown outcome
    reschedule_requested = Signal(int, object)  # item id, the new time (aware datetime; None: at once)
    cancel_requested = Signal(int)
    reopen_requested = Signal(object)  # a held OutboxItem

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxDialog")
        self.clock = clock or default_clock()
        self.model = OutboxModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("outboxTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        # The subject gets the room (the reason is empty for most waiting mail); state and address
        # fit their text, and the reason its text up to REASON_WIDTH (the tooltip has it whole).
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(OutboxModel.STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OutboxModel.SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OutboxModel.TO, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OutboxModel.REASON, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retry")
        self.retry_button.clicked.connect(self._retry)
        self.resend_button = QPushButton(self)
        self.resend_button.setObjectName("resend")
        self.resend_button.clicked.connect(self._resend)
        self.reopen_button = QPushButton(self)
        self.reopen_button.setObjectName("reopenHeld")
        self.reopen_button.clicked.connect(self._reopen)
        self.time_button = QPushButton(self)
        self.time_button.setObjectName("changeTime")
        self.time_button.clicked.connect(self._change_time)
        self.now_button = QPushButton(self)
        self.now_button.setObjectName("sendNowFromOutbox")
        self.now_button.clicked.connect(self._send_now)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelSend")
        self.cancel_button.clicked.connect(self._cancel)
        self.time_dialog: QDialog | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.reopen_button, self.time_button, self.now_button, self.cancel_button,
                       self.retry_button, self.resend_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        fit_dialog(self, QSize(900, 320))  # at most 90 % of the screen (ui.screen_fit)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("送信トレイ"))
        self.empty.setText(self.tr("送信を待っているメールはありません。"))
        self.retry_button.setText(self.tr("再試行・再確認"))
        self.resend_button.setText(self.tr("再送する…"))
        self.reopen_button.setText(self.tr("開いて見直す"))
        self.time_button.setText(self.tr("日時を変更…"))
        self.now_button.setText(self.tr("今すぐ送信"))
        self.cancel_button.setText(self.tr("取り消す"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_items(self, items: list[OutboxItem]) -> None:
        kept = self.selected()
        self.model.set_items(items)
        # A row is always chosen when there is one (the one chosen before, else the first that needs
        # something done): buttons greyed out until a click read as "nothing can be done here".
        ids = [i.id for i in items]
        row = ids.index(kept.id) if kept is not None and kept.id in ids else next(
            (n for n, i in enumerate(items) if i.needs_attention), 0 if items else -1)
        if row >= 0:
            self.view.selectRow(row)
        self.empty.setVisible(not items)
        reason = max(self.view.sizeHintForColumn(OutboxModel.REASON),
                     self.view.horizontalHeader().sectionSizeHint(OutboxModel.REASON))
        self.view.setColumnWidth(OutboxModel.REASON, min(reason, REASON_WIDTH))
        self._update_buttons()

    def selected(self) -> OutboxItem | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        item = self.selected()
        state = item.state if item is not None else None
        waiting = item is not None and state is OutboxState.QUEUED and item.due_at is not None
        self.retry_button.setEnabled(state in (OutboxState.FAILED, OutboxState.UNKNOWN)
                                     or (state is OutboxState.QUEUED and not waiting))
        self.resend_button.setEnabled(state is OutboxState.UNKNOWN)
        self.reopen_button.setEnabled(state is OutboxState.HELD)
        self.time_button.setEnabled(state is OutboxState.QUEUED)
        self.now_button.setEnabled(waiting)
        self.cancel_button.setEnabled(state in (OutboxState.QUEUED, OutboxState.HELD, OutboxState.FAILED))

    def _retry(self) -> None:
        item = self.selected()
        if item is not None:
            self.retry_requested.emit(item.id, False)

    def _resend(self) -> None:
        item = self.selected()
        if item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("再送の確認"),
            self.tr("このメールはすでにお客様に届いている可能性があります。同じメールをもう一度送りますか？"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.retry_requested.emit(item.id, True)

    def _reopen(self) -> None:
        item = self.selected()
        if item is not None and item.state is OutboxState.HELD:
            self.reopen_requested.emit(item)

    def _cancel(self) -> None:
        item = self.selected()
        if item is not None:
            self.cancel_requested.emit(item.id)

    def _send_now(self) -> None:
        item = self.selected()
        if item is not None:
            self.reschedule_requested.emit(item.id, None)

    def _change_time(self) -> QDialog | None:
        """A small dialog with the date and time (JST), starting at the item's 予約."""
        item = self.selected()
        if item is None:
            return None
        start = (item.due_at or self.clock.now()).astimezone(JST)
        dialog = QDialog(self)
        dialog.setObjectName("changeTimeDialog")
        dialog.setWindowTitle(self.tr("送信日時を変更"))
        edit = QDateTimeEdit(dialog)
        edit.setObjectName("dueEdit")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy/MM/dd HH:mm")
        edit.setDateTime(QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("この日時（日本時間）に送信します："), dialog))
        layout.addWidget(edit)
        layout.addWidget(buttons)

        def chosen(result: int) -> None:
            self.time_dialog = None
            if result == QDialog.DialogCode.Accepted:
                value = edit.dateTime()
                date, time = value.date(), value.time()
                at = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=JST)
                self.reschedule_requested.emit(item.id, at)
            dialog.deleteLater()

        dialog.finished.connect(chosen)
        self.time_dialog = dialog
        dialog.open()
        return dialog
