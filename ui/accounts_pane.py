"""Mail accounts in the folder tree: each account with its folders (a thin widget).

The work (sessions, sync, IDLE) is `ui.accounts_service.AccountsService`, sending is
`ui.send_service.SendService`; this pane shows what the service reports and says
which folder the agent chose.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QVBoxLayout, QWidget

from app.sources.base import Folder, FolderRole
from app.sources.connection import AccountConfig
from ui import wording
from ui.accounts_service import AccountsService

ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 20
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 21
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 22  # why the account cannot connect, shown on the account


class AccountTreeModel(QStandardItemModel):
    """Accounts at the top level, their folders below; ids in explicit roles."""

    def set_account(self, config: AccountConfig, folders: list[Folder], unread: dict[str, int]) -> QModelIndex:
        top = self._account_item(config.id)
        if top is None:
            top = QStandardItem()
            top.setEditable(False)
            top.setData(config.id, ACCOUNT_ROLE)
            self.appendRow(top)
        if not top.data(PROBLEM_ROLE):
            top.setText(config.label())
            top.setToolTip(config.email)
        if top.rowCount():
            top.removeRows(0, top.rowCount())
        for folder in folders:
            count = unread.get(folder.id, 0)
            label = wording.folder_label(folder)
            item = QStandardItem(f"{label}  ({count})" if count else label)
            item.setEditable(False)
            item.setToolTip(folder.name)
            item.setData(config.id, ACCOUNT_ROLE)
            item.setData(folder.id, FOLDER_ROLE)
            if count:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            top.appendRow(item)
        return top.index()

    def set_problem(self, account_id: str, problem: str, label: str) -> None:
        """Mark an account that cannot connect, with the reason in the tooltip ("" clears the mark)."""
        item = self._account_item(account_id)
        if item is None:
            return
        item.setText(f"⚠ {label}" if problem else label)
        item.setData(problem or None, PROBLEM_ROLE)
        item.setForeground(QColor("#9a6700") if problem else QBrush())
        if problem:
            item.setToolTip(problem)

    def _account_item(self, account_id: str) -> QStandardItem | None:
        for row in range(self.rowCount()):
            item = self.item(row)
            if item is not None and item.data(ACCOUNT_ROLE) == account_id:
                return item
        return None

    def remove_account(self, account_id: str) -> None:
        item = self._account_item(account_id)
        if item is not None:
            self.removeRow(item.row())

    def folder_index(self, account_id: str, folder_id: str) -> QModelIndex:
        top = self._account_item(account_id)
        if top is None:
            return QModelIndex()
        for row in range(top.rowCount()):
            child = top.child(row)
            if child is not None and child.data(FOLDER_ROLE) == folder_id:
                return child.index()
        return QModelIndex()


class AccountsPane(QWidget):
    folder_chosen = Signal(str, str)           # account id, folder id
    edit_requested = Signal(str)               # account id: 「設定を変更…」 in its menu
    remove_requested = Signal(str)             # account id: 「このアカウントを削除…」 in its menu

    def __init__(self, service: AccountsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.model = AccountTreeModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("accountTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        service.added.connect(self._on_added)
        service.folders_read.connect(self._refresh_tree)
        service.removed.connect(self._on_removed)
        service.problem.connect(self._on_problem)

    @property
    def configs(self) -> dict[str, AccountConfig]:
        return self.service.configs

    def _on_added(self, account_id: str) -> None:
        self._refresh_tree(account_id)
        self.setVisible(True)

    def _on_removed(self, account_id: str) -> None:
        self.model.remove_account(account_id)
        self.setVisible(bool(self.service.configs))

    def _on_problem(self, account_id: str, problem: str) -> None:
        config = self.service.configs.get(account_id)
        if config is not None:
            self.model.set_problem(account_id, problem, config.label())

    def menu_for(self, account_id: str) -> QMenu:
        menu = QMenu(self)
        oauth = self.service.is_oauth(account_id)
        edit = menu.addAction(self.tr("もう一度サインイン…") if oauth else self.tr("設定を変更…"))
        edit.triggered.connect(lambda: self.edit_requested.emit(account_id))
        remove = menu.addAction(self.tr("このアカウントを削除…"))
        remove.triggered.connect(lambda: self.remove_requested.emit(account_id))
        return menu

    def _on_menu(self, point: QPoint) -> None:
        account_id = self.view.indexAt(point).data(ACCOUNT_ROLE)
        if isinstance(account_id, str) and account_id in self.service.configs:
            self.menu_for(account_id).exec(self.view.viewport().mapToGlobal(point))

    def _refresh_tree(self, account_id: str) -> None:
        config = self.service.configs.get(account_id)
        if config is None:
            return
        current = self.view.currentIndex()
        chosen = (current.data(ACCOUNT_ROLE), current.data(FOLDER_ROLE)) if current.isValid() else None
        top = self.model.set_account(config, self.service.folders.get(account_id, []),
                                     self.service.unread.get(account_id, {}))
        self.view.expand(top)
        if chosen is not None and chosen[0] == account_id and chosen[1]:
            index = self.model.folder_index(account_id, chosen[1])
            if index.isValid():
                self.view.selectionModel().blockSignals(True)
                self.view.setCurrentIndex(index)
                self.view.selectionModel().blockSignals(False)

    def select_folder(self, account_id: str, role: FolderRole = FolderRole.INBOX) -> bool:
        folder = next((f for f in self.service.folders.get(account_id, []) if f.role is role), None)
        if folder is None:
            return False
        self.view.setCurrentIndex(self.model.folder_index(account_id, folder.id))
        return True

    def show_folder(self, account_id: str, folder_id: str) -> bool:
        """Select the account's folder (it is shown in the list); False when the tree does not hold it."""
        if not any(f.id == folder_id for f in self.service.folders.get(account_id, [])):
            return False
        self.view.setCurrentIndex(self.model.folder_index(account_id, folder_id))
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        account_id, folder_id = current.data(ACCOUNT_ROLE), current.data(FOLDER_ROLE)
        if isinstance(account_id, str) and isinstance(folder_id, str):
            self.folder_chosen.emit(account_id, folder_id)
