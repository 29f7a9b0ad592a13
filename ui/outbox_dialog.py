"""The outbox as the agent sees it: 「送信待ち / 送信失敗 / 送信状態不明」 with the reason and a retry.

An unknown item offers two different actions on purpose: 「再確認」 only looks the
Message-ID up in Sent; 「再送する」 sends again after the agent confirms that the
customer may receive it twice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from app.outbox import OutboxItem, OutboxState
from ui.wording.accounts import outbox_state, send_problem

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ITEM_ROLE = Qt.ItemDataRole.UserRole + 30


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
                return outbox_state(item.state)
            if column == self.SUBJECT:
                return item.subject
            if column == self.TO:
                return ", ".join(item.recipients)
            if column == self.REASON:
                reason = send_problem(item.problem)
                if role == Qt.ItemDataRole.ToolTipRole and item.detail:
                    return f"{reason}\n{item.detail}"
                return reason
        return None


class OutboxDialog(QDialog):
    retry_requested = Signal(int, bool)  # item id, resend an unknown outcome

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxDialog")
        self.model = OutboxModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("outboxTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(OutboxModel.REASON, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retry")
        self.retry_button.clicked.connect(self._retry)
        self.resend_button = QPushButton(self)
        self.resend_button.setObjectName("resend")
        self.resend_button.clicked.connect(self._resend)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addWidget(self.resend_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(820, 320)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("送信トレイ"))
        self.empty.setText(self.tr("送信を待っているメールはありません。"))
        self.retry_button.setText(self.tr("再試行・再確認"))
        self.resend_button.setText(self.tr("再送する…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_items(self, items: list[OutboxItem]) -> None:
        self.model.set_items(items)
        self.empty.setVisible(not items)
        self._update_buttons()

    def selected(self) -> OutboxItem | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        item = self.selected()
        self.retry_button.setEnabled(item is not None and item.state is not OutboxState.SENDING)
        self.resend_button.setEnabled(item is not None and item.state is OutboxState.UNKNOWN)

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
