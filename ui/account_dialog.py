"""The account dialog: 「Googleでログイン」 / 「Microsoftでログイン」, or IMAP with a preset or manual servers.

Gmail and Microsoft 365 accounts sign in in the system browser (the sign-in waits
on its own lane); the client ids the shop registered (docs/oauth.md) are entered
once here and kept in the settings, the Google client secret in the keyring.

Presets fill host, port and security for the rental servers small shops use and
for Gmail/iCloud/Yahoo!メール (which need an app password, said next to the
field). The connection test runs on its own lane, never on the GUI thread, and
says in one sentence what failed and what to try. The password leaves this
dialog only towards the keyring (`app.accounts`).
"""

from __future__ import annotations

import ssl
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.accounts import PRESETS, ConnectionCheck, Preset, PresetId, fill_host, keyring_status, new_account_id
from app.settings import GOOGLE_CLIENT_ID, MICROSOFT_CLIENT_ID, Settings
from app.sources.connection import AccountConfig, Charset, Security
from app.sources.oauth import AccountKind, Providers
from ui.operations.accounts import SignedIn
from ui.tasks import TaskFailure, TaskRunner
from ui.wording import fill
from ui.wording.errors import error_text, server_not_answering

_MANUAL = PresetId.MANUAL.value
# One's own mail on this computer (a Maildir folder or an mbox file): opened as `aizuchi run PATH` opens it.
_LOCAL = "local"
# The usual ports by the connection's protection, for servers typed by hand.
DEFAULT_PORTS = {
    ("imap", Security.SSL.value): 993, ("imap", Security.STARTTLS.value): 143,
    ("smtp", Security.SSL.value): 465, ("smtp", Security.STARTTLS.value): 587,
}
# The first choices of the service list: sign in with the provider, no servers to type.
_OAUTH_CHOICES = {"oauth:gmail": AccountKind.GMAIL, "oauth:graph": AccountKind.GRAPH}


class AccountDialog(QDialog):
    checked = Signal(bool)  # the connection test finished: did it pass?
    signed_in = Signal(bool)  # a Google/Microsoft sign-in finished: did it work?

    def __init__(
        self,
        runner: TaskRunner,
        taken_ids: set[str] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.runner = runner
        self.taken_ids = taken_ids or set()
        self.ssl_context = ssl_context
        self.settings = settings
        self.last_check: ConnectionCheck | None = None
        self.oauth: SignedIn | None = None
        self.editing: AccountConfig | None = None  # an existing account being changed
        # The account being changed has synced before: a server that does not answer the test with
        # the same server settings is down, and is worded so (not "check the port").
        self.connected_before = False
        self._build()
        self.retranslate()
        self._on_preset_changed()

    # -- construction -----------------------------------------------------------
    def _build(self) -> None:
        self.preset_combo = QComboBox(self)
        self.preset_combo.setObjectName("preset")
        # Provider first, as a shop owner thinks of it: Gmail / Microsoft 365 sign in in the browser;
        # then the rental servers and app-password services; then manual settings.
        for value in _OAUTH_CHOICES:
            self.preset_combo.addItem("", value)
        for preset in PRESETS:
            self.preset_combo.addItem(preset.name, preset.id.value)
        self.preset_combo.addItem("", _MANUAL)
        self.preset_combo.addItem("", _LOCAL)
        self.preset_combo.currentIndexChanged.connect(self._on_preset_changed)

        self.email = QLineEdit(self)
        self.email.setObjectName("email")
        self.email.textChanged.connect(self._on_email_changed)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.server_part = QLineEdit(self)
        self.server_part.setObjectName("serverPart")
        self.server_part.textChanged.connect(self._fill_hosts)
        self.app_password_note = QLabel(self)
        self.app_password_note.setWordWrap(True)
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: #a04000;")

        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.imap_host = QLineEdit(self)
        self.imap_host.setObjectName("imapHost")
        self.imap_port = QSpinBox(self)
        self.imap_port.setObjectName("imapPort")
        self.imap_port.setRange(1, 65535)
        self.imap_security = self._security_combo("imapSecurity")
        self.imap_security.currentIndexChanged.connect(lambda _i: self._default_port("imap"))
        self.smtp_host = QLineEdit(self)
        self.smtp_host.setObjectName("smtpHost")
        self.smtp_port = QSpinBox(self)
        self.smtp_port.setObjectName("smtpPort")
        self.smtp_port.setRange(1, 65535)
        self.smtp_security = self._security_combo("smtpSecurity")
        self.smtp_security.currentIndexChanged.connect(lambda _i: self._default_port("smtp"))
        self.charset = QComboBox(self)
        self.charset.setObjectName("charset")
        self.charset.addItem("", Charset.UTF8.value)
        self.charset.addItem("", Charset.ISO2022JP.value)

        # Labels are kept by name: retranslate() words them, and the server-part row hides with its label.
        self.labels: dict[str, QLabel] = {
            name: QLabel(self) for name in ("preset", "email", "password", "serverPart", "displayName",
                                            "username", "imap", "smtp", "charset")
        }
        self.form = QFormLayout()
        self.labels["preset"].hide()  # the service list sits above the form, on its own
        self.form.addRow(self.labels["email"], self.email)
        self.form.addRow(self.labels["password"], self.password)
        self.note_label = QLabel(self)
        self.form.addRow(self.note_label, self.app_password_note)
        self.form.addRow(self.labels["serverPart"], self.server_part)
        self.form.addRow(self.labels["displayName"], self.display_name)

        self.servers = QGroupBox(self)
        servers = QFormLayout(self.servers)
        imap_row = QHBoxLayout()
        imap_row.addWidget(self.imap_host, 1)
        imap_row.addWidget(self.imap_port)
        imap_row.addWidget(self.imap_security)
        smtp_row = QHBoxLayout()
        smtp_row.addWidget(self.smtp_host, 1)
        smtp_row.addWidget(self.smtp_port)
        smtp_row.addWidget(self.smtp_security)
        servers.addRow(self.labels["username"], self.username)
        servers.addRow(self.labels["imap"], imap_row)
        servers.addRow(self.labels["smtp"], smtp_row)
        servers.addRow(self.labels["charset"], self.charset)

        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.check_result = QLabel(self)
        self.check_result.setObjectName("checkResult")
        self.check_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.check_result, 1)
        self.test_row = QWidget(self)
        self.test_row.setLayout(test_row)
        test_row.setContentsMargins(0, 0, 0, 0)
        # Shown after a failed test: the one way to add an account that could not connect.
        self.keep_offline = QCheckBox(self)
        self.keep_offline.setObjectName("keepOffline")
        self.keep_offline.hide()
        self._accept_after_check = False
        self._checked: tuple[object, ...] | None = None  # what the last passing test was run on

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self._build_oauth()
        self._build_local()
        self.service_label = QLabel(self)
        self.service_label.setObjectName("panelTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.service_label)
        layout.addWidget(self.preset_combo)
        layout.addWidget(self.oauth_box)
        layout.addWidget(self.local_box)
        layout.addLayout(self.form)
        layout.addWidget(self.servers)
        layout.addWidget(self.test_row)
        layout.addWidget(self.keep_offline)
        layout.addWidget(self.keyring_note)
        layout.addStretch(1)  # a shorter mode (a local folder) leaves room below, not between its rows
        layout.addWidget(self.buttons)
        self.resize(560, 0)

    def _build_oauth(self) -> None:
        self.oauth_box = QGroupBox(self)
        self.google_button = QPushButton(self)
        self.google_button.setObjectName("googleSignIn")
        self.google_button.clicked.connect(lambda: self.sign_in(AccountKind.GMAIL))
        self.microsoft_button = QPushButton(self)
        self.microsoft_button.setObjectName("microsoftSignIn")
        self.microsoft_button.clicked.connect(lambda: self.sign_in(AccountKind.GRAPH))
        self.oauth_result = QLabel(self)
        self.oauth_result.setObjectName("oauthResult")
        self.oauth_result.setWordWrap(True)
        self.oauth_result.setVisible(False)  # shown with the first result
        buttons = QHBoxLayout()
        buttons.addWidget(self.google_button)
        buttons.addWidget(self.microsoft_button)
        buttons.addStretch(1)
        # The OAuth clients the shop registered (docs/oauth.md); no secret shown back.
        self.google_client_id = QLineEdit(self)
        self.google_client_id.setObjectName("googleClientId")
        self.google_client_secret = QLineEdit(self)
        self.google_client_secret.setObjectName("googleClientSecret")
        self.google_client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.microsoft_client_id = QLineEdit(self)
        self.microsoft_client_id.setObjectName("microsoftClientId")
        if self.settings is not None:
            self.google_client_id.setText(self.settings.get(GOOGLE_CLIENT_ID))
            self.microsoft_client_id.setText(self.settings.get(MICROSOFT_CLIENT_ID))
        self.client_toggle = QPushButton(self)
        self.client_toggle.setObjectName("clientSettingsToggle")
        self.client_toggle.setCheckable(True)
        self.client_toggle.setFlat(True)
        self.client_form = QWidget(self)
        clients = QFormLayout(self.client_form)
        clients.setContentsMargins(0, 0, 0, 0)
        for name in ("googleClientId", "googleClientSecret", "microsoftClientId"):
            self.labels[name] = QLabel(self)
        clients.addRow(self.labels["googleClientId"], self.google_client_id)
        clients.addRow(self.labels["googleClientSecret"], self.google_client_secret)
        clients.addRow(self.labels["microsoftClientId"], self.microsoft_client_id)
        # The shop's own OAuth client is for whoever set the program up: under 詳細設定, closed.
        self.client_toggle.setChecked(False)
        self.client_form.setVisible(False)
        self.client_toggle.toggled.connect(self.client_form.setVisible)
        box = QVBoxLayout(self.oauth_box)
        self.oauth_hint = QLabel(self)
        self.oauth_hint.setWordWrap(True)
        box.addWidget(self.oauth_hint)
        box.addLayout(buttons)
        box.addWidget(self.oauth_result)
        box.addWidget(self.client_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.client_form)

    def _build_local(self) -> None:
        """A Maildir folder or an mbox file on this computer: a path, two pickers, a check."""
        self.local_box = QGroupBox(self)
        self.local_box.setObjectName("localMailbox")
        self.local_path = QLineEdit(self)
        self.local_path.setObjectName("localPath")
        self.local_path.editingFinished.connect(lambda: self.check_local(self.local_path.text()))
        self.local_folder_button = QPushButton(self)
        self.local_folder_button.setObjectName("chooseMaildir")
        self.local_folder_button.clicked.connect(self._choose_local_folder)
        self.local_file_button = QPushButton(self)
        self.local_file_button.setObjectName("chooseMbox")
        self.local_file_button.clicked.connect(self._choose_local_file)
        self.local_hint = QLabel(self)
        self.local_hint.setWordWrap(True)
        self.local_result = QLabel(self)
        self.local_result.setObjectName("localResult")
        self.local_result.setWordWrap(True)
        self.local_ok: Path | None = None  # the path last checked and found to be a mailbox
        pickers = QHBoxLayout()
        pickers.addWidget(self.local_folder_button)
        pickers.addWidget(self.local_file_button)
        pickers.addStretch(1)
        box = QVBoxLayout(self.local_box)
        box.addWidget(self.local_hint)
        box.addWidget(self.local_path)
        box.addLayout(pickers)
        box.addWidget(self.local_result)

    def local_chosen(self) -> bool:
        return bool(self.preset_combo.currentData() == _LOCAL)

    def _choose_local_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("メールフォルダ（Maildir）を選ぶ"),
                                                self.local_path.text() or str(Path.home()))
        if path:
            self.local_path.setText(path)
            self.check_local(path)

    def _choose_local_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("mbox ファイルを選ぶ"),
                                                    self.local_path.text() or str(Path.home()))
        if path:
            self.local_path.setText(path)
            self.check_local(path)

    def check_local(self, text: str) -> None:
        """Open the path as `aizuchi run PATH` would (`app.sources.open_source`), on a lane."""
        from ui.tasks import DB

        self.local_ok = None
        path = Path(text.strip()).expanduser()
        if not text.strip():
            return
        self.local_result.setText(self.tr("確認しています…"))

        def opened(folders: int) -> None:
            if Path(self.local_path.text().strip()).expanduser() != path:
                return  # another path was chosen meanwhile
            self.local_ok = path
            self.local_result.setText(fill(self.tr("開けます（フォルダ {count} 個）。"), count=folders))
            self.checked.emit(True)

        def failed(_failure: TaskFailure) -> None:
            self.local_result.setText(self.tr("このパスは Maildir のフォルダでも mbox ファイルでもありません。"
                                              "cur・new・tmp のあるフォルダか、mbox ファイルを選んでください。"))
            self.checked.emit(False)

        self.runner.submit(DB, lambda: _count_local_folders(path), opened, failed)

    def _default_port(self, side: str) -> None:
        """A server typed by hand gets the usual port of the protection chosen, unless one was typed."""
        spin = self.imap_port if side == "imap" else self.smtp_port
        combo = self.imap_security if side == "imap" else self.smtp_security
        usual = {port for (name, _security), port in DEFAULT_PORTS.items() if name == side}
        if self.preset() is None and (spin.value() in usual or spin.value() <= 1):
            spin.setValue(DEFAULT_PORTS[(side, str(combo.currentData()))])

    def _security_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem("SSL/TLS", Security.SSL.value)
        combo.addItem("STARTTLS", Security.STARTTLS.value)
        return combo

    # -- wording -------------------------------------------------------------------
    def edit(self, config: AccountConfig) -> None:
        """Change an existing IMAP/SMTP account: its settings filled in, its id kept, and the
        password left as saved unless a new one is typed."""
        self.editing = config
        self.choose_preset(PresetId.MANUAL)
        self.email.setText(config.email)
        self.username.setText(config.username)
        self.display_name.setText(config.display_name)
        self.imap_host.setText(config.imap_host)
        # The protection first: choosing it offers its usual port, which the saved one then replaces.
        self.imap_security.setCurrentIndex(self.imap_security.findData(config.imap_security.value))
        self.imap_port.setValue(config.imap_port)
        self.smtp_host.setText(config.smtp_host)
        self.smtp_security.setCurrentIndex(self.smtp_security.findData(config.smtp_security.value))
        self.smtp_port.setValue(config.smtp_port)
        self.charset.setCurrentIndex(self.charset.findData(config.charset.value))
        self.oauth_box.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("メールアカウントの追加") if self.editing is None
                            else self.tr("メールアカウントの設定"))
        if self.editing is not None:
            self.password.setPlaceholderText(self.tr("変更しないときは空欄のまま"))
        self.labels["preset"].setText(self.tr("サービス"))
        self.service_label.setText(self.tr("お使いのメールサービス"))
        self.preset_combo.setItemText(0, self.tr("Gmail・Google Workspace（ブラウザでログイン）"))
        self.preset_combo.setItemText(1, self.tr("Microsoft 365・Outlook.com（ブラウザでログイン）"))
        gmail_imap = self.preset_combo.findData(PresetId.GMAIL.value)
        if gmail_imap >= 0:
            self.preset_combo.setItemText(gmail_imap, self.tr("Gmail（アプリパスワードで接続）"))
        self.oauth_hint.setText(self.tr("ブラウザが開きます。いつものようにログインして、相槌にメールの読み書きを許可してください。"
                                        "パスワードは相槌には入力しません。"))
        self.keep_offline.setText(self.tr("接続できないまま追加する（あとで設定を直して接続します）"))
        self.labels["email"].setText(self.tr("メールアドレス"))
        self.labels["password"].setText(self.tr("パスワード"))
        self.labels["serverPart"].setText(self.tr("サーバー番号など"))
        self.labels["displayName"].setText(self.tr("表示名"))
        self.labels["username"].setText(self.tr("ユーザー名"))
        self.labels["imap"].setText(self.tr("受信 (IMAP)"))
        self.labels["smtp"].setText(self.tr("送信 (SMTP)"))
        self.labels["charset"].setText(self.tr("送信の文字コード"))
        self.preset_combo.setItemText(self.preset_combo.findData(_MANUAL), self.tr("その他（手動で設定）"))
        self.preset_combo.setItemText(self.preset_combo.findData(_LOCAL),
                                      self.tr("このパソコンのメールフォルダ（Maildir / mbox）"))
        self.local_box.setTitle("")
        self.local_hint.setText(self.tr("ほかのメールソフトが保存したメール（Maildir のフォルダ、または mbox ファイル）を"  # noqa: E501
                                        "相槌で開きます。今表示しているメールボックスの代わりにすぐ開き、次回の起動時もこれを開きます。"
                                        "メールはその場で読み、コピーはしません。"))
        self.local_path.setPlaceholderText(self.tr("フォルダまたはファイルの場所"))
        self.local_folder_button.setText(self.tr("フォルダを選ぶ（Maildir）…"))
        self.local_file_button.setText(self.tr("ファイルを選ぶ（mbox）…"))
        self.charset.setItemText(0, self.tr("UTF-8（おすすめ）"))
        self.charset.setItemText(1, self.tr("ISO-2022-JP（古いメールソフト向け）"))
        self.display_name.setPlaceholderText(self.tr("例: 相槌商店 サポート"))
        self.app_password_note.setText(
            self.tr("このサービスでは、ログイン用のパスワードではなく「アプリパスワード」を入力してください。")
        )
        self.test_button.setText(self.tr("接続テスト"))
        self.oauth_box.setTitle("")
        self.google_button.setText(self.tr("Googleでログイン"))
        self.microsoft_button.setText(self.tr("Microsoftでログイン"))
        self.client_toggle.setText(self.tr("詳細設定（OAuth クライアント）"))
        self.labels["googleClientId"].setText(self.tr("Google クライアント ID"))
        self.labels["googleClientSecret"].setText(self.tr("Google クライアント シークレット"))
        self.labels["microsoftClientId"].setText(self.tr("Microsoft アプリケーション ID"))
        self.google_client_secret.setPlaceholderText(self.tr("保存済みのものを使う場合は空欄"))
        self.servers.setTitle(self.tr("その他のメール (IMAP) のサーバー設定"))
        status = keyring_status()
        self._keyring_insecure = not status.secure
        self.keyring_note.setVisible(self._keyring_insecure and not self.local_chosen())
        self.keyring_note.setText(self.tr(
            "この環境では安全なパスワード保管庫（キーリング）が見つかりません。"
            "パスワードは保存されず、相槌を終了するまでの間だけ使われます。"
        ))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            QTimer.singleShot(0, self._fit_height)
        super().changeEvent(event)

    # -- height -------------------------------------------------------------------------
    def _fit_height(self) -> None:
        """Tall enough for the wrapped explanations at this width.

        A layout's minimum height ignores a word-wrapped label's height for width, so the
        Gmail sign-in text was clipped top and bottom; ask the layout for the real need.
        """
        layout = self.layout()
        if layout is None:
            return
        # Without a wrapped label shown (the IMAP form with a keyring: no note) the layout has no
        # height for width; its minimum still counts, since the minimum set here overrides it (the
        # form after Gmail's sign-in kept Gmail's height, its fields squashed to slivers).
        needed = layout.totalMinimumSize().height()
        if layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(self.width()))
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def _refit(self) -> None:
        """A result or an error appeared (two lines of a failed 接続テスト, 「接続できないまま追加する」): the
        dialog grows for it once the layout took it, or the server rows were squashed to slivers."""
        QTimer.singleShot(0, self._fit_height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    # -- presets -----------------------------------------------------------------
    def preset(self) -> Preset | None:
        value = self.preset_combo.currentData()
        return next((p for p in PRESETS if p.id.value == value), None)

    def oauth_kind(self) -> AccountKind | None:
        """Google or Microsoft when a sign-in service is chosen; None for IMAP."""
        return _OAUTH_CHOICES.get(str(self.preset_combo.currentData()))

    def _show_mode(self) -> None:
        kind = self.oauth_kind() if self.editing is None else None
        local = self.local_chosen()
        self.oauth_box.setVisible(kind is not None)
        self.local_box.setVisible(local)
        self.google_button.setVisible(kind is AccountKind.GMAIL)
        self.microsoft_button.setVisible(kind is AccountKind.GRAPH)
        imap = kind is None and not local
        # A local mailbox has no password: the keyring's note would be about nothing.
        self.keyring_note.setVisible(getattr(self, "_keyring_insecure", False) and not local)
        preset = self.preset()
        for row in (self.email, self.password, self.display_name):
            self.form.setRowVisible(row, imap)
        self.form.setRowVisible(self.server_part, imap and preset is not None and "{}" in preset.imap_host)
        self.form.setRowVisible(self.app_password_note, imap and bool(preset and preset.app_password))
        self.servers.setVisible(imap)
        self.test_row.setVisible(imap)
        if not imap:
            self.keep_offline.hide()
        if self.isVisible():
            QTimer.singleShot(0, self._fit_height)  # after the layout took the rows shown or hidden

    def choose_preset(self, preset_id: PresetId) -> None:
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(preset_id.value))

    def _on_preset_changed(self) -> None:
        preset = self.preset()
        manual = preset is None and self.oauth_kind() is None and not self.local_chosen()
        self.server_part.setPlaceholderText(preset.host_hint if preset else "")
        if manual and self.editing is None:
            if self.smtp_port.value() <= 1:  # nothing chosen yet: submission with STARTTLS, the usual today
                self.smtp_security.setCurrentIndex(self.smtp_security.findData(Security.STARTTLS.value))
            for side in ("imap", "smtp"):
                self._default_port(side)
        for widget in (self.imap_host, self.smtp_host, self.imap_port, self.smtp_port,
                       self.imap_security, self.smtp_security):
            widget.setEnabled(manual)
        if preset is not None:
            self.imap_port.setValue(preset.imap_port)
            self.smtp_port.setValue(preset.smtp_port)
            self.imap_security.setCurrentIndex(self.imap_security.findData(preset.imap_security.value))
            self.smtp_security.setCurrentIndex(self.smtp_security.findData(preset.smtp_security.value))
            self._fill_hosts()
        self._show_mode()

    def _fill_hosts(self) -> None:
        preset = self.preset()
        if preset is None:
            return
        self.imap_host.setText(fill_host(preset.imap_host, self.server_part.text()))
        self.smtp_host.setText(fill_host(preset.smtp_host, self.server_part.text()))

    def _on_email_changed(self, text: str) -> None:
        # Most providers log in with the whole address; the field stays editable.
        if not self.username.isModified():
            self.username.setText(text.strip())

    # -- result ------------------------------------------------------------------------
    def config(self) -> AccountConfig:
        if self.oauth is not None:
            # Signed in with Google/Microsoft: no servers; the provider files the sent copy itself.
            return AccountConfig(
                id=new_account_id(self.oauth.email, self.taken_ids), email=self.oauth.email,
                username=self.oauth.email, display_name=self.display_name.text().strip(), imap_host="",
                smtp_host="", kind=self.oauth.kind.value, server_saves_sent=True,
            )
        email = self.email.text().strip()
        preset = self.preset()
        editing = self.editing
        return AccountConfig(
            id=editing.id if editing is not None else new_account_id(email, self.taken_ids),
            email=email,
            username=self.username.text().strip() or email,
            display_name=self.display_name.text().strip(),
            imap_host=self.imap_host.text().strip(),
            imap_port=self.imap_port.value(),
            imap_security=Security(self.imap_security.currentData()),
            smtp_host=self.smtp_host.text().strip(),
            smtp_port=self.smtp_port.value(),
            smtp_security=Security(self.smtp_security.currentData()),
            charset=Charset(self.charset.currentData()),
            server_saves_sent=bool(preset and preset.server_saves_sent) if editing is None
            else editing.server_saves_sent,
        )

    def secret(self) -> str | None:
        """The password typed (or the sign-in token); None when editing and left blank: keep it."""
        if self.oauth is not None:
            return self.oauth.token
        if self.editing is not None and not self.password.text():
            return None
        return self.password.text()

    # -- OK: only an account that connects, or one the user chose to keep offline ------------
    def _signature(self) -> tuple[object, ...]:
        config = self.config()
        return (config.email, config.username, config.imap_host, config.imap_port, config.imap_security,
                config.smtp_host, config.smtp_port, config.smtp_security, self.password.text())

    def missing(self) -> str:
        """What the form still lacks before anything can be added ("" when complete)."""
        email = self.email.text().strip()
        if not email or "@" not in email:
            self.email.setFocus()
            return self.tr("メールアドレスを入力してください。")
        if self.editing is None and not self.password.text():
            self.password.setFocus()
            return self.tr("パスワードを入力してください。")
        if not self.imap_host.text().strip() or not self.smtp_host.text().strip():
            (self.server_part if self.server_part.isVisibleTo(self) else self.imap_host).setFocus()
            return self.tr("受信と送信のサーバーを入力してください。")
        return ""

    def accept(self) -> None:
        """Add (or change) the account only when its connection test passed with these very
        settings, or when the user ticked 「接続できないまま追加する」 after a failed one."""
        if self.local_chosen():
            if self.local_ok is not None and Path(self.local_path.text().strip()).expanduser() == self.local_ok:
                super().accept()
            elif not self.local_path.text().strip():
                self.local_result.setText(self.tr("メールフォルダか mbox ファイルを選んでください。"))
            else:
                self.check_local(self.local_path.text())
            return
        if self.oauth is not None:
            super().accept()
            return
        if self.oauth_kind() is not None and self.editing is None:
            self._say(fill(self.tr("先に「{text}」を押して、ブラウザでログインしてください。"),
                           text=(self.google_button if self.oauth_kind() is AccountKind.GMAIL
                       else self.microsoft_button).text()))
            return
        problem = self.missing()
        if problem:
            self.check_result.setText(problem)
            self._refit()
            return
        if self.keep_offline.isChecked() and self.keep_offline.isVisible():
            super().accept()
            return
        if self._checked is not None and self._checked == self._signature():
            super().accept()
            return
        # Not tested with these settings yet: test now, and add when it passes.
        self._accept_after_check = True
        self.test_connection()

    # -- Google / Microsoft ---------------------------------------------------------------
    def sign_in(self, kind: AccountKind) -> None:
        from app.distribution import distributed_clients
        from app.sources.oauth import providers_from_settings, save_client_ids
        from ui.operations import accounts as account_ops

        settings = self.settings
        client_id = (self.google_client_id if kind is AccountKind.GMAIL else self.microsoft_client_id).text().strip()
        carried = distributed_clients()  # a packaged build may carry its own clients
        client_id = client_id or (carried.google_client_id if kind is AccountKind.GMAIL
                                  else carried.microsoft_client_id)
        if settings is None or not client_id:
            self.client_toggle.setChecked(True)
            self._say(self.tr("この相槌には、ブラウザでログインするための設定（クライアント ID）がまだありません。"
                              "相槌を設定した方から受け取った ID を「詳細設定」に入力するか、"
                              "サービスの一覧から「Gmail（アプリパスワードで接続）」などを選んでください。"))
            self.signed_in.emit(False)
            return
        google_id, google_secret = self.google_client_id.text(), self.google_client_secret.text()
        microsoft_id = self.microsoft_client_id.text()

        def providers() -> Providers:  # on the sign-in lane: writes the settings and the keyring
            save_client_ids(settings, google_id, google_secret, microsoft_id)
            return providers_from_settings(settings)

        self.google_button.setEnabled(False)
        self.microsoft_button.setEnabled(False)
        self._say(self.tr("ブラウザでログインしてください。完了すると、ここに表示されます…"))
        account_ops.sign_in(self.runner, kind, providers, self._on_signed_in, self._on_sign_in_error)

    def _say(self, text: str) -> None:
        self.oauth_result.setText(text)
        self.oauth_result.setVisible(bool(text))
        self._refit()

    def _on_signed_in(self, result: SignedIn) -> None:
        self.oauth = result
        self.google_button.setEnabled(True)
        self.microsoft_button.setEnabled(True)
        self._say(fill(self.tr("{email} としてログインしました。「OK」で追加します。"), email=result.email))
        # The IMAP fields no longer apply to this account.
        self.servers.setEnabled(False)
        self.signed_in.emit(True)

    def _on_sign_in_error(self, failure: TaskFailure) -> None:
        self.google_button.setEnabled(True)
        self.microsoft_button.setEnabled(True)
        self._say(error_text(failure.error, oauth=True))
        self.signed_in.emit(False)

    def test_connection(self) -> None:
        from ui.operations import accounts as account_ops

        self.test_button.setEnabled(False)
        self.check_result.setText(self.tr("接続しています…"))
        account_ops.check_connection(
            self.runner, self.config(), self.secret(), self.ssl_context, self._on_checked, self._on_check_error
        )

    def _on_checked(self, check: ConnectionCheck) -> None:
        self.last_check = check
        self.test_button.setEnabled(True)
        then_accept, self._accept_after_check = self._accept_after_check, False
        if check.ok:
            self._checked = self._signature()
            self.keep_offline.hide()
            self.check_result.setText(self.tr("受信・送信とも接続できました。"))
            self._refit()
            self.checked.emit(True)
            if then_accept:
                super().accept()
            return
        else:
            lines = []
            if check.imap is not None:
                lines.append(fill(self.tr("受信 (IMAP): {error}"), error=self._check_error(check.imap, "imap")))
            if check.smtp is not None:
                lines.append(fill(self.tr("送信 (SMTP): {error}"), error=self._check_error(check.smtp, "smtp")))
            self.check_result.setText("\n".join(lines))
        self._checked = None
        self.keep_offline.setChecked(False)
        self.keep_offline.show()
        self._refit()
        self.checked.emit(check.ok)

    def _same_server(self, side: str) -> bool:
        """The server settings of `side` ("imap"/"smtp") are the ones the account connected with."""
        old = self.editing
        if old is None or not self.connected_before:
            return False
        new = self.config()
        return all(getattr(new, f"{side}_{name}") == getattr(old, f"{side}_{name}") for name in ("host", "port"))

    def _check_error(self, error: BaseException, side: str) -> str:
        if self._same_server(side) and server_not_answering(error):
            return self.tr("サーバーが応答していません。以前はこの設定で接続できていたので、設定の問題ではなく、"
                           "サーバーかネットワークが一時的に止まっていると思われます。しばらくしてからもう一度お試しください。")
        return error_text(error)

    def _on_check_error(self, failure: TaskFailure) -> None:
        self.test_button.setEnabled(True)
        self._accept_after_check = False
        self._checked = None
        self.check_result.setText(error_text(failure.error))
        self.keep_offline.setChecked(False)
        self.keep_offline.show()
        self._refit()
        self.checked.emit(False)


def _count_local_folders(path: Path) -> int:
    """The folders of a local mailbox opened as `aizuchi run PATH` opens it (raises when it is none)."""
    from app.sources import open_source

    return len(open_source(path).folders())
