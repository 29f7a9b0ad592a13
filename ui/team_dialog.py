"""The チームで共有 dialog: put the customer memory on the team's PostgreSQL server, or back here.

The server (host, port, database, user) goes into the settings as a URL without a
password; the password goes to the keyring (`app.customers.team.save_password`).
「接続テスト」 connects once with what is typed, off the GUI thread, and says in plain
Japanese what went wrong. The window reopens the memory where the dialog says.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.customers.team import DEFAULT_PORT, TeamCheck, TeamProblem, TeamServer, server_of
from ui.tasks import TaskFailure, TaskRunner, mail_lane
from ui.wording import fill


class TeamDialog(QDialog):
    checked = Signal(bool)  # the connection test finished: did it pass?

    def __init__(self, runner: TaskRunner, current_url: str, parent: QWidget | None = None,
                 staff_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle(self.tr("お客様の記録をチームで共有"))
        self.setMinimumWidth(480)
        self.runner = runner
        self.local_chosen = False  # 「このパソコンだけで使う」 was pressed
        intro = QLabel(self.tr("お客様の記録を PostgreSQL サーバーに置くと、スタッフ全員が同じ記録を見られます。"
                               "パスワードはこのパソコンの安全な保管庫にだけ保存します。"), self)
        intro.setWordWrap(True)
        self.host = QLineEdit(self)
        self.host.setObjectName("teamHost")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.database.setText("aizuchi")
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # The name teammates see beside a mail this agent reads or answers, and on snippets made.
        self.staff = QLineEdit(self)
        self.staff.setObjectName("teamStaff")
        self.staff.setText(staff_name)
        self.staff.setPlaceholderText(self.tr("例：佐藤"))
        form = QFormLayout()
        form.addRow(self.tr("サーバー"), self.host)
        form.addRow(self.tr("ポート"), self.port)
        form.addRow(self.tr("データベース名"), self.database)
        form.addRow(self.tr("ユーザー名"), self.user)
        form.addRow(self.tr("パスワード"), self.password)
        form.addRow(self.tr("あなたの名前（スタッフ名）"), self.staff)
        self.test_button = QPushButton(self.tr("接続テスト"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.check_result = QLabel(self)
        self.check_result.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("共有に切り替える"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.local_button = self.buttons.addButton(self.tr("このパソコンだけで使う"),
                                                   QDialogButtonBox.ButtonRole.ResetRole)
        self.local_button.clicked.connect(self._choose_local)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.check_result)
        from app.accounts import keyring_status

        self.keyring_note = QLabel(self.tr(
            "この環境では安全なパスワード保管庫（キーリング）が見つかりません。"
            "パスワードは保存されず、相槌を終了するまでの間だけ使われます。次回の起動時にもう一度入力してください。"
        ), self)
        self.keyring_note.setObjectName("teamKeyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: #a04000;")
        self.keyring_note.setVisible(not keyring_status().secure)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.buttons)
        server = server_of(current_url)
        self.local_button.setEnabled(server is not None)
        if server is not None:
            self.host.setText(server.host)
            self.port.setValue(server.port)
            self.database.setText(server.database)
            self.user.setText(server.user)
            self.password.setPlaceholderText(self.tr("変更しないときは空欄のまま"))

    def server(self) -> TeamServer:
        return TeamServer(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                          self.user.text().strip())

    def staff_name(self) -> str:
        return self.staff.text().strip()

    def test_connection(self) -> None:
        from app.customers.team import check

        server, password = self.server(), self.password.text()
        self.test_button.setEnabled(False)
        self.check_result.setText(self.tr("接続しています…"))
        self.runner.submit(mail_lane("team-check"), lambda: check(server, password), self._on_checked,
                           self._on_check_error, slot="team-check")

    def _on_checked(self, result: TeamCheck) -> None:
        self.test_button.setEnabled(True)
        self.check_result.setText(self.tr("接続できました。") if result.ok else self._problem_text(result.problem))
        self.checked.emit(result.ok)

    def _on_check_error(self, failure: TaskFailure) -> None:
        self.test_button.setEnabled(True)
        self.check_result.setText(fill(self.tr("接続できませんでした（{name}）"), name=type(failure.error).__name__))
        self.checked.emit(False)

    def _problem_text(self, problem: TeamProblem) -> str:
        texts = {
            TeamProblem.WRONG_PASSWORD: self.tr("ユーザー名かパスワードが正しくありません。"),
            TeamProblem.UNKNOWN_HOST: self.tr("サーバーが見つかりません。サーバー名を確かめてください。"),
            TeamProblem.REFUSED: self.tr(
                "サーバーに接続を断られました。ポート番号と、サーバーが動いているかを確かめてください。"),
            TeamProblem.TIMEOUT: self.tr("サーバーから応答がありません。ネットワークを確かめてください。"),
            TeamProblem.NO_DATABASE: self.tr(
                "そのデータベースはサーバーにありません。データベース名を確かめてください。"),
        }
        return texts.get(problem, self.tr("接続できませんでした。"))

    def _choose_local(self) -> None:
        self.local_chosen = True
        self.accept()
