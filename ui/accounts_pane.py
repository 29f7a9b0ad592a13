"""Mail accounts in the folder tree: each account with its folders, synced in the background.

Owns, for every saved account (IMAP, Gmail, Microsoft 365): opening its session
(keyring password or sign-in) on the account's lane, a sync right away and then
every few minutes, IDLE on an IMAP inbox for new mail (its own connection, on its
own lane), progress for the status bar, saying when a session opened (the send
service retries that account's outbox items then), and signing in again when a Google/Microsoft sign-in was
revoked or has expired (`sign_in_needed`, `sign_in_again`). The window asks
it for the `MailSource` of a chosen folder; reading works offline from the store.
"""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QVBoxLayout, QWidget

from app.outbox import Outbox, OutboxItem, OutboxState, SendProblem
from app.session import AccountSession
from app.sources.base import Folder, FolderRole, MailSource
from app.sources.connection import AccountConfig
from app.sources.errors import AuthExpired
from app.sources.imap import ImapSource
from app.sources.oauth import AccountKind, Providers
from app.store.db import Database
from app.store.mail import MailStore
from app.sync import Phase, SyncProgress, SyncReport
from ui import wording
from ui.operations import accounts as account_ops
from ui.tasks import TaskFailure, TaskRunner, mail_lane

log = logging.getLogger(__name__)

ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 20
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 21
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 22  # why the account cannot connect, shown on the account
SYNC_INTERVAL_MS = 5 * 60 * 1000
IDLE_SECONDS = 60.0


class AccountTreeModel(QStandardItemModel):
    """Accounts at the top level, their folders below; ids in explicit roles."""

    def set_account(self, config: AccountConfig, folders: list[Folder], unread: dict[str, int]) -> QModelIndex:
        top = self._account_item(config.id)
        if top is None:
            top = QStandardItem()
            top.setEditable(False)
            top.setData(config.id, ACCOUNT_ROLE)
            self.appendRow(top)
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


class _ProgressRelay(QObject):
    """Sync progress crosses from the account lane to the GUI thread as plain values."""

    progressed = Signal(str, str, str, int, int)  # account, folder, phase, done, total


class AccountsPane(QWidget):
    folder_chosen = Signal(str, str)           # account id, folder id
    sync_progress = Signal(str, int, int)      # account label, done, total (total 0: finished)
    synced = Signal(str)                       # account id: a sync finished
    session_opened = Signal(str)               # account id: connected; its outbox items may go now
    error = Signal(str, str)                   # account id, message
    sign_in_needed = Signal(str)               # account id: a Google/Microsoft sign-in must be renewed
    edit_requested = Signal(str)               # account id: 「設定を変更…」 in its menu
    remove_requested = Signal(str)             # account id: 「このアカウントを削除…」 in its menu
    signed_in_again = Signal(str)              # account id: renewed, the session is back

    def __init__(self, runner: TaskRunner, db: Database, ssl_context: ssl.SSLContext | None = None,
                 parent: QWidget | None = None, providers: Callable[[], Providers] | None = None) -> None:
        super().__init__(parent)
        self.providers = providers
        self.runner = runner
        self.db = db
        self.store = MailStore(db)
        self.ssl_context = ssl_context
        self.sessions: dict[str, AccountSession] = {}
        self.outbox: Outbox | None = None  # the send service's (its clock and guards), given to each session
        self.configs: dict[str, AccountConfig] = {}
        self._syncing: set[str] = set()
        self._idling: set[str] = set()
        self._stop_idle = threading.Event()
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress)

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

        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_INTERVAL_MS)
        self.timer.timeout.connect(self.sync_all)
        self.timer.start()

    # -- accounts --------------------------------------------------------------------
    def load(self) -> None:
        """Show saved accounts from the store at once (offline), then connect each."""
        for config in self.store.accounts():
            self.add(config)

    def add(self, config: AccountConfig) -> None:
        self.configs[config.id] = config
        self._refresh_tree(config.id)
        self.setVisible(True)
        self._open(config)

    def replace(self, config: AccountConfig) -> None:
        """Changed settings: drop the old connection and connect again with the new ones."""
        self._close_session(config.id)
        self.configs[config.id] = config
        self._refresh_tree(config.id)
        self._open(config)

    def forget(self, account_id: str) -> None:
        """The account is being removed: disconnect, and take it out of the tree."""
        self._close_session(account_id)
        self.configs.pop(account_id, None)
        self.model.remove_account(account_id)
        self.setVisible(bool(self.configs))

    def _close_session(self, account_id: str) -> None:
        session = self.sessions.pop(account_id, None)
        self._syncing.discard(account_id)
        if session is not None:
            # On the account's own lane, after whatever it is doing now (a sync ends at its next batch).
            self.runner.submit(mail_lane(account_id), session.close)

    def menu_for(self, account_id: str) -> QMenu:
        menu = QMenu(self)
        edit = menu.addAction(self.tr("もう一度サインイン…") if self.is_oauth(account_id) else self.tr("設定を変更…"))
        edit.triggered.connect(lambda: self.edit_requested.emit(account_id))
        remove = menu.addAction(self.tr("このアカウントを削除…"))
        remove.triggered.connect(lambda: self.remove_requested.emit(account_id))
        return menu

    def _on_menu(self, point: QPoint) -> None:
        account_id = self.view.indexAt(point).data(ACCOUNT_ROLE)
        if isinstance(account_id, str) and account_id in self.configs:
            self.menu_for(account_id).exec(self.view.viewport().mapToGlobal(point))

    def _open(self, config: AccountConfig) -> None:
        providers = self.providers() if self.providers is not None and self.is_oauth(config.id) else None
        account_ops.open_session(
            self.runner, self.db, config, self.ssl_context,
            self._on_session, partial(self._on_error, config.id), providers, self.outbox,
        )

    def is_oauth(self, account_id: str) -> bool:
        config = self.configs.get(account_id)
        return config is not None and config.kind in (AccountKind.GMAIL, AccountKind.GRAPH)

    def mailbox(self, account_id: str) -> MailSource:
        session = self.sessions.get(account_id)
        if session is not None:
            return session.mailbox
        from app.sync import SyncedMailbox

        return SyncedMailbox(self.store, account_id, None)  # not connected (yet): the store alone

    def folder(self, account_id: str, folder_id: str) -> Folder | None:
        return next((f for f in self.store.folders(account_id) if f.id == folder_id), None)

    def _refresh_tree(self, account_id: str) -> None:
        config = self.configs[account_id]
        folders = self.store.folders(account_id)
        unread = {f.id: self.store.unread(account_id, f.id) for f in folders}
        current = self.view.currentIndex()
        chosen = (current.data(ACCOUNT_ROLE), current.data(FOLDER_ROLE)) if current.isValid() else None
        top = self.model.set_account(config, folders, unread)
        self.view.expand(top)
        if chosen is not None and chosen[0] == account_id and chosen[1]:
            index = self.model.folder_index(account_id, chosen[1])
            if index.isValid():
                self.view.selectionModel().blockSignals(True)
                self.view.setCurrentIndex(index)
                self.view.selectionModel().blockSignals(False)

    def select_folder(self, account_id: str, role: FolderRole = FolderRole.INBOX) -> bool:
        folder = next((f for f in self.store.folders(account_id) if f.role is role), None)
        if folder is None:
            return False
        self.view.setCurrentIndex(self.model.folder_index(account_id, folder.id))
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        account_id, folder_id = current.data(ACCOUNT_ROLE), current.data(FOLDER_ROLE)
        if isinstance(account_id, str) and isinstance(folder_id, str):
            self.folder_chosen.emit(account_id, folder_id)

    # -- session and sync ------------------------------------------------------------------
    def _on_session(self, session: AccountSession) -> None:
        self.sessions[session.config.id] = session
        self.session_opened.emit(session.config.id)
        self.sync(session.config.id)

    def sync_all(self) -> None:
        for account_id in self.sessions:
            self.sync(account_id)

    def sync(self, account_id: str) -> None:
        session = self.sessions.get(account_id)
        if session is None or account_id in self._syncing:
            return
        self._syncing.add(account_id)

        def progress(p: SyncProgress) -> None:  # runs on the account lane
            self.runner.emit_from_worker(
                self._relay, self._relay.progressed, p.account_id, p.folder_id, p.phase.value, p.done, p.total)

        account_ops.sync_account(
            self.runner, session, progress, partial(self._on_synced, account_id), partial(self._on_error, account_id)
        )

    def _on_progress(self, account_id: str, folder_id: str, phase: str, done: int, total: int) -> None:
        config = self.configs.get(account_id)
        if config is None:
            return
        if phase == Phase.HEADERS.value and total and done == total:
            self._refresh_tree(account_id)  # the folder's list is complete: show it
        self.sync_progress.emit(config.label(), done, total)

    def _on_synced(self, account_id: str, report: SyncReport) -> None:
        self._syncing.discard(account_id)
        self._refresh_tree(account_id)
        config = self.configs[account_id]
        self.model.set_problem(account_id, "", config.label())
        self.sync_progress.emit(config.label(), 0, 0)
        self.synced.emit(account_id)
        self._watch_inbox(account_id)

    def _on_error(self, account_id: str, failure: TaskFailure) -> None:
        self._syncing.discard(account_id)
        from ui.account_wording import source_error

        log.warning("account %s: %s", account_id, failure.trace)
        config = self.configs.get(account_id)
        if config is not None:
            self.sync_progress.emit(config.label(), 0, 0)
        oauth = self.is_oauth(account_id)
        if config is not None:  # the tree says which account has a problem, and why
            self.model.set_problem(account_id, source_error(failure.error, oauth=oauth), config.label())
        self.error.emit(account_id, source_error(failure.error, oauth=oauth))
        if oauth and isinstance(failure.error, AuthExpired):
            self.sign_in_needed.emit(account_id)

    # -- signing in again (Google / Microsoft) -------------------------------------------------
    def sign_in_again(self, account_id: str) -> None:
        """Browser sign-in for a saved account; the new token replaces the old, the outbox goes on."""
        config = self.configs.get(account_id)
        if config is None or self.providers is None or not self.is_oauth(account_id):
            return
        kind = AccountKind(config.kind)
        providers = self.providers

        def signed(result: account_ops.SignedIn) -> None:
            account_ops.keep_token(self.runner, account_id, result.token, lambda _saved: reopen(),
                                   partial(self._on_error, account_id))

        def reopen() -> None:
            self.sessions.pop(account_id, None)
            self._open(config)
            self.signed_in_again.emit(account_id)

        account_ops.sign_in(self.runner, kind, providers, signed, partial(self._on_error, account_id))

    # -- new mail ---------------------------------------------------------------------------
    def _watch_inbox(self, account_id: str) -> None:
        """IDLE on the inbox on a lane of its own; a change triggers a sync."""
        session = self.sessions.get(account_id)
        lane = mail_lane(f"idle:{account_id}")
        if session is None or not session.can_idle or self._stop_idle.is_set() or account_id in self._idling:
            return
        inbox = next((f for f in self.store.folders(account_id) if f.role is FolderRole.INBOX), None)
        if inbox is None:
            return
        assert isinstance(session.source, ImapSource)
        watcher = session.source.twin()  # IDLE blocks its connection: a second one
        self._idling.add(account_id)

        def wait() -> bool:
            try:
                return watcher.idle_wait(inbox, IDLE_SECONDS, self._stop_idle)
            finally:
                watcher.close()

        def done(changed: bool) -> None:
            self._idling.discard(account_id)
            if changed:
                self.sync(account_id)
            elif not self._stop_idle.is_set():
                self._watch_inbox(account_id)

        def failed(failure: TaskFailure) -> None:
            self._idling.discard(account_id)  # the periodic sync goes on; IDLE resumes after it

        self.runner.submit(lane, wait, done, failed)

    def stop(self) -> None:
        self._stop_idle.set()
        self.timer.stop()

    # -- outbox ----------------------------------------------------------------------------------
    def outbox_item_done(self, item: OutboxItem) -> None:
        """A send attempt ended (ui.send_service): a revoked sign-in asks again; a sent reply's
        original shows answered in the tree's counts."""
        if item.problem is SendProblem.AUTH and self.is_oauth(item.account_id):
            self.sign_in_needed.emit(item.account_id)
        if item.state is OutboxState.SENT and item.replying_to is not None and item.account_id in self.configs:
            self._refresh_tree(item.account_id)
