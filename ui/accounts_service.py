"""Mail accounts at work: sessions, sync, IDLE and signing in again, as a QObject (no widget).

For every saved account (IMAP, Gmail, Microsoft 365) it opens the session
(keyring password or sign-in) on the account's lane, with the context's one
outbox (its clock and send guards), syncs right away and then every few minutes,
waits on an IMAP inbox with IDLE for new mail (its own connection, on its own
lane), reports progress for the status bar, says when a session opened
(`session_opened`: the send service retries that account's outbox items then),
and signs in again when a Google/Microsoft sign-in was revoked or has expired
(`sign_in_needed`, `sign_in_again`). Sending itself is `ui.send_service.SendService`
(the one send path). The folders of each account are read from the store on the
db lane and kept here (`folders`), so the tree and the window never ask SQL on the
GUI thread. `ui.accounts_pane` shows them; reading works offline from the store.
"""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from app.context import AppContext
from app.outbox import OutboxItem, OutboxState, SendProblem
from app.session import AccountSession
from app.sources.base import Folder, FolderRole, MailSource
from app.sources.connection import AccountConfig
from app.sources.errors import AuthExpired
from app.sources.imap import ImapSource
from app.sources.oauth import AccountKind, Providers
from app.sync import Phase, SyncProgress, SyncReport
from ui.operations import accounts as account_ops
from ui.tasks import DB, TaskFailure, TaskRunner, idle_lane, mail_lane
from ui.wording.errors import error_text, server_not_answering

log = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 5 * 60 * 1000
IDLE_SECONDS = 60.0


class _ProgressRelay(QObject):
    """Sync progress crosses from the account lane to the GUI thread as plain values."""

    progressed = Signal(str, str, str, int, int)  # account, folder, phase, done, total


class AccountsService(QObject):
    added = Signal(str)                        # account id: shown in the tree, connecting
    removed = Signal(str)                      # account id: disconnected, out of the tree
    folders_read = Signal(str)                 # account id: `folders` and `unread` hold the store's view
    problem = Signal(str, str)                 # account id, why it cannot connect ("" clears)
    sync_progress = Signal(str, int, int)      # account label, done, total (total 0: finished)
    synced = Signal(str)                       # account id: a sync finished
    session_opened = Signal(str)               # account id: connected; its outbox items may go now
    error = Signal(str, str)                   # account id, message
    sign_in_needed = Signal(str)               # account id: a Google/Microsoft sign-in must be renewed
    signed_in_again = Signal(str)              # account id: renewed, the session is back

    def __init__(self, runner: TaskRunner, ssl_context: ssl.SSLContext | None = None,
                 parent: QObject | None = None, providers: Callable[[], Providers] | None = None) -> None:
        super().__init__(parent)
        self.providers = providers
        self.runner = runner
        self.ctx: AppContext | None = None
        self.ssl_context = ssl_context
        self.sessions: dict[str, AccountSession] = {}
        self.configs: dict[str, AccountConfig] = {}
        self.folders: dict[str, list[Folder]] = {}
        self.unread: dict[str, dict[str, int]] = {}
        self._syncing: set[str] = set()
        self._connected: set[str] = set()      # synced this session
        self._reopen_later: set[str] = set()   # the server did not answer when connecting: tried again
        self._idling: set[str] = set()
        self._stop_idle = threading.Event()
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress)
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_INTERVAL_MS)
        self.timer.timeout.connect(self.sync_all)
        self.timer.start()

    # -- accounts --------------------------------------------------------------------
    def start(self, ctx: AppContext) -> None:
        """The accounts saved in the store (read with the context, off the GUI thread), each connected."""
        self.ctx = ctx
        for config in ctx.accounts:
            self.add(config)

    def add(self, config: AccountConfig) -> None:
        self.configs[config.id] = config
        self.added.emit(config.id)
        self.read_folders(config.id)
        self._open(config)

    def replace(self, config: AccountConfig) -> None:
        """Changed settings: drop the old connection and connect again with the new ones."""
        self._close_session(config.id)
        self.configs[config.id] = config
        self.added.emit(config.id)
        self.read_folders(config.id)
        self._open(config)

    def forget(self, account_id: str) -> None:
        """The account is being removed: disconnect, and take it out of the tree."""
        self._close_session(account_id)
        self.configs.pop(account_id, None)
        self.folders.pop(account_id, None)
        self.removed.emit(account_id)

    def _close_session(self, account_id: str) -> None:
        session = self.sessions.pop(account_id, None)
        self._syncing.discard(account_id)
        if session is not None:
            # On the account's own lane, after whatever it is doing now (a sync ends at its next batch).
            self.runner.submit(mail_lane(account_id), session.close)

    def _open(self, config: AccountConfig) -> None:
        assert self.ctx is not None
        providers = self.providers() if self.providers is not None and self.is_oauth(config.id) else None
        account_ops.open_session(
            self.runner, self.ctx.db, config, self.ssl_context,
            self._on_session, partial(self._on_error, config.id), providers, self.ctx.outbox,
        )

    def is_oauth(self, account_id: str) -> bool:
        config = self.configs.get(account_id)
        return config is not None and config.kind in (AccountKind.GMAIL, AccountKind.GRAPH)

    def mailbox(self, account_id: str) -> MailSource:
        session = self.sessions.get(account_id)
        if session is not None:
            return session.mailbox
        from app.sync import SyncedMailbox

        assert self.ctx is not None
        return SyncedMailbox(self.ctx.mail, account_id, None)  # not connected (yet): the store alone

    def folder(self, account_id: str, folder_id: str) -> Folder | None:
        return next((f for f in self.folders.get(account_id, []) if f.id == folder_id), None)

    def read_folders(self, account_id: str, then: Callable[[], None] | None = None) -> None:
        """The account's folders and unread counts, read from the store on the db lane; `then` after."""
        assert self.ctx is not None
        mail = self.ctx.mail

        def read() -> tuple[list[Folder], dict[str, int]]:
            folders = mail.folders(account_id)
            return folders, {f.id: mail.unread(account_id, f.id) for f in folders}

        def done(read: tuple[list[Folder], dict[str, int]]) -> None:
            if account_id in self.configs:
                self.folders[account_id], self.unread[account_id] = read
                self.folders_read.emit(account_id)
                if then is not None:
                    then()

        self.runner.submit(DB, read, done, partial(self._on_error, account_id))

    # -- session and sync ------------------------------------------------------------------
    def _on_session(self, session: AccountSession) -> None:
        self.sessions[session.config.id] = session
        self.session_opened.emit(session.config.id)
        self.sync(session.config.id)

    def sync_all(self) -> None:
        for account_id in list(self._reopen_later):  # a server that was down at the start: try again
            self._reopen_later.discard(account_id)
            config = self.configs.get(account_id)
            if config is not None and account_id not in self.sessions:
                self._open(config)
        for account_id in self.sessions:
            self.sync(account_id)

    def has_connected(self, account_id: str) -> bool:
        """The account has synced before (this session, or its folders are in the store): its
        settings worked, so a server that does not answer is down, not set up wrong."""
        return account_id in self._connected or bool(self.folders.get(account_id))

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
            self.read_folders(account_id)  # the folder's list is complete: show it
        self.sync_progress.emit(config.label(), done, total)

    def _on_synced(self, account_id: str, _report: SyncReport) -> None:
        self._syncing.discard(account_id)
        config = self.configs.get(account_id)
        if config is None:
            return  # removed while its sync ran (the sync ends at its next batch): nothing to show
        self._connected.add(account_id)
        self.problem.emit(account_id, "")
        self.sync_progress.emit(config.label(), 0, 0)

        def shown() -> None:  # the tree shows the synced folders: say so, then wait for new mail
            self.synced.emit(account_id)
            self._watch_inbox(account_id)

        self.read_folders(account_id, shown)

    def _on_error(self, account_id: str, failure: TaskFailure) -> None:
        self._syncing.discard(account_id)
        log.warning("account %s: %s", account_id, failure.trace)
        config = self.configs.get(account_id)
        if config is not None:
            self.sync_progress.emit(config.label(), 0, 0)
        oauth = self.is_oauth(account_id)
        text = error_text(failure.error, oauth=oauth, connected_before=self.has_connected(account_id))
        if config is not None and account_id not in self.sessions and server_not_answering(failure.error):
            self._reopen_later.add(account_id)  # the periodic sync connects again
        if config is not None:  # the tree says which account has a problem, and why
            self.problem.emit(account_id, text)
        self.error.emit(account_id, text)
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
        """After a sync (once its folders are read): IDLE on the inbox on a lane of its own;
        a change triggers a sync."""
        session = self.sessions.get(account_id)
        lane = idle_lane(account_id)
        if session is None or not session.can_idle or self._stop_idle.is_set() or account_id in self._idling:
            return
        inbox = next((f for f in self.folders.get(account_id, []) if f.role is FolderRole.INBOX), None)
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

        def failed(_failure: TaskFailure) -> None:
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
            self.read_folders(item.account_id)
