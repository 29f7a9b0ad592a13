"""The window's side of mail accounts: the account dialogs, removing one, signing in again, sync progress.

The accounts themselves work in `ui.accounts_service`; their replies go through
`ui.send_service` (the one send path), whose items `ui.controllers.outbox` shows.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.context import AppContext, Changes
from app.settings import Settings
from ui.accounts_pane import AccountsPane
from ui.accounts_service import AccountsService
from ui.controllers.mailbox import MailboxController
from ui.controllers.outbox import OutboxController
from ui.controllers.status import StatusLine
from ui.operations import accounts as account_ops
from ui.operations import listing as listing_ops
from ui.tasks import TaskRunner
from ui.wording import fill


class AccountsController(QObject):
    def __init__(self, runner: TaskRunner, service: AccountsService, pane: AccountsPane,
                 mailbox: MailboxController, outbox: OutboxController, status: StatusLine,
                 notify: Callable[[Changes], None], settings: Settings, ssl_context: ssl.SSLContext | None,
                 window: QWidget) -> None:
        super().__init__(window)
        self.runner = runner
        self.service = service
        self.pane = pane
        self.mailbox = mailbox
        self.outbox = outbox
        self.status = status
        self.notify = notify
        self.settings = settings
        # Opens another local mailbox in the window (`MainWindow.open_local_mailbox`); False when it cannot now.
        self.open_local: Callable[[Path], bool] = lambda _path: False
        self.ssl_context = ssl_context
        self.window = window  # the parent of its dialogs
        self.ctx: AppContext | None = None
        self.sign_in_prompt: QMessageBox | None = None
        pane.folder_chosen.connect(self._on_account_folder)
        pane.edit_requested.connect(self.edit_account)
        pane.remove_requested.connect(self.ask_remove_account)
        # The other tree lets go of its current folder too, not only its selection: clicking that
        # folder again must show it (a click on the current item changes nothing, and did nothing).
        mailbox.local_chosen.connect(lambda: pane.view.setCurrentIndex(QModelIndex()))
        service.sync_progress.connect(self._on_sync_progress)
        service.synced.connect(self._on_account_synced)
        service.error.connect(lambda _account, text: self.status.say(text, 15000))
        service.sign_in_needed.connect(self._ask_sign_in_again)
        pane.hide()

    def start(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.service.start(ctx)
        self.pane.setVisible(bool(self.service.configs))

    # -- adding, changing, removing -----------------------------------------------------
    def open_account_dialog(self) -> QDialog:
        from ui.account_dialog import AccountDialog

        dialog = AccountDialog(self.runner, set(self.service.configs), self.ssl_context, self.window,
                               settings=self.settings)
        dialog.accepted.connect(lambda: self._save_account(dialog))
        dialog.open()
        return dialog

    def edit_account(self, account_id: str) -> QDialog | None:
        """The account dialog on an existing IMAP/SMTP account (a Google/Microsoft one signs in again)."""
        from ui.account_dialog import AccountDialog

        config = self.service.configs.get(account_id)
        if config is None:
            return None
        if self.service.is_oauth(account_id):
            self.service.sign_in_again(account_id)
            return None
        dialog = AccountDialog(self.runner, set(self.service.configs), self.ssl_context, self.window,
                               settings=self.settings)
        dialog.edit(config)
        dialog.connected_before = self.service.has_connected(account_id)
        dialog.accepted.connect(lambda: self._save_account(dialog))
        dialog.open()
        return dialog

    def ask_remove_account(self, account_id: str) -> QMessageBox | None:
        """Confirm, then remove the account from this computer (the server keeps every mail)."""
        config = self.service.configs.get(account_id)
        if config is None:
            return None
        waiting = self.outbox.waiting_for(account_id)
        text = fill(self.tr("「{label}」をこのパソコンから削除しますか？"), label=config.label())
        detail = self.tr("同期したメールと保存したパスワードも削除します。サーバー上のメールはそのまま残ります。")
        if waiting:
            detail += "\n\n" + fill(
                self.tr("送信待ち・送信失敗の返信が {count} 件あります。削除すると送信されません。"),
                count=len(waiting))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("アカウントの削除"), text,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(detail)
        remove = box.addButton(self.tr("削除する"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("キャンセル"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("removeAccountDialog")
        box.finished.connect(lambda _r: self._remove_account(account_id) if box.clickedButton() is remove else None)
        box.open()
        return box

    def _remove_account(self, account_id: str) -> None:
        assert self.ctx is not None
        showing = self.mailbox.mail_account == account_id
        self.service.forget(account_id)
        if showing:
            self.mailbox.show_local_inbox()  # its mail is going: the local mailbox's inbox instead

        def removed(_none: None) -> None:
            self.outbox.service.refresh()
            self.status.say(self.tr("アカウントを削除しました"), 8000)
            self.notify(Changes.ACCOUNTS)

        account_ops.remove_account(self.runner, self.ctx.db, account_id, removed, self.status.mail_error)
        listing_ops.forget(self.runner, self.ctx, account_id, self.status.mail_error)

    def _save_account(self, dialog: QDialog) -> None:
        from ui.account_dialog import AccountDialog

        assert isinstance(dialog, AccountDialog) and self.ctx is not None
        if dialog.local_chosen() and dialog.local_ok is not None:
            self._save_local_mailbox(dialog.local_ok)
            return
        config, secret = dialog.config(), dialog.secret()
        if dialog.editing is not None:
            account_ops.update_account(self.runner, self.ctx.db, config, secret,
                                       lambda _stored: self.service.replace(config), self.status.mail_error)
            return
        assert secret is not None  # a new account always has one

        def saved(in_keyring: bool) -> None:
            if not in_keyring:
                self.status.say(self.tr("パスワードは保存されていません（安全な保管庫がありません）。"
                                        "次回の起動時に再入力が必要です。"), 15000)
            self.service.add(config)
            self.notify(Changes.ACCOUNTS)

        account_ops.save_account(self.runner, self.ctx.db, config, secret, saved, self.status.mail_error)

    def _save_local_mailbox(self, path: Path) -> None:
        """Open the Maildir/mbox now, in place of the one shown, and from every next start on:
        the window opens it the way `aizuchi run PATH` does (`MainWindow.open_local_mailbox`)."""
        from app.settings import LOCAL_MAILBOX

        if not self.open_local(path.resolve()):
            self.status.say(self.tr("書きかけの返信を保存できなかったため、メールフォルダはまだ開いていません。"
                                    "返信を閉じてから、もう一度追加してください。"), 15000)
            return
        self.settings.set(LOCAL_MAILBOX, str(path.resolve()))
        self.status.say(fill(self.tr("メールフォルダ「{path}」を開きました。次回の起動時もこのメールフォルダが開きます"),
                             path=str(path)), 15000)

    def _ask_sign_in_again(self, account_id: str) -> None:
        """A revoked or expired Google/Microsoft sign-in: ask once, without blocking the window."""
        shown = self.sign_in_prompt
        if shown is not None and shown.isVisible():
            return
        config = self.service.configs.get(account_id)
        prompt = QMessageBox(self.window)
        prompt.setObjectName("signInPrompt")
        prompt.setIcon(QMessageBox.Icon.Warning)
        prompt.setWindowTitle(self.tr("もう一度ログインしてください"))
        prompt.setText(
            fill(self.tr("{label} のログインの有効期限が切れたか、取り消されました。"
                         "書きかけの返信と送信待ちの返信は保存されています。"),
                 label=config.label() if config else account_id)
        )
        again = prompt.addButton(self.tr("ブラウザでログイン"), QMessageBox.ButtonRole.AcceptRole)
        prompt.addButton(self.tr("あとで"), QMessageBox.ButtonRole.RejectRole)
        again.clicked.connect(lambda: self.service.sign_in_again(account_id))
        self.sign_in_prompt = prompt
        prompt.open()

    # -- an account's folders -------------------------------------------------------------
    def _on_account_folder(self, account_id: str, folder_id: str) -> None:
        folder = self.service.folder(account_id, folder_id)
        if folder is not None:
            self.mailbox.folder_view.setCurrentIndex(QModelIndex())
            self.mailbox.show_folder(folder, self.service.mailbox(account_id), account_id)

    def _on_account_synced(self, account_id: str) -> None:
        self.outbox.service.check_waiting()  # new mail from a customer holds a reply still waiting
        self.notify(Changes.ACCOUNTS)
        if self.mailbox.mail_account == account_id and self.mailbox.current_folder is not None:
            # New mail may have arrived: reload the shown list (offline-first, from the store).
            self.mailbox.source = self.service.mailbox(account_id)
            self.mailbox.reload()

    def _on_sync_progress(self, label: str, done: int, total: int) -> None:
        if total <= 0:
            self.status.sync_label.setText("")
            self.status.sync_bar.hide()
            return
        self.status.sync_label.setText(fill(self.tr("{label} を同期中"), label=label))
        self.status.sync_bar.setRange(0, total)
        self.status.sync_bar.setValue(done)
        self.status.sync_bar.show()
