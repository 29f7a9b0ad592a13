"""Point 8: after a keyring failure the next start says the password was not saved (not that
it is wrong); the team dialog warns when no keyring can keep its password; scheme-relative
(`//host`) images load once allowed; `tel:` links open."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from pytestqt.qtbot import QtBot

from app import accounts
from app.customers.team import TeamServer, save_password
from app.session import AccountSession
from app.sources.connection import AccountConfig
from app.sources.errors import AuthExpired, NoSavedSecret
from app.store.db import Database
from app.store.mail import MailStore


@pytest.fixture
def failing_keyring() -> object:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


def test_after_a_keyring_failure_the_next_start_says_the_password_was_not_saved(
    qapp: object, tmp_path: Path, failing_keyring: object
) -> None:
    from ui.wording.errors import error_text

    db = Database(tmp_path / "aizuchi.sqlite3")
    config = AccountConfig(id="shop", email="alice@example.jp", username="alice", imap_host="127.0.0.1",
                           smtp_host="127.0.0.1")
    MailStore(db).save_account(config)
    assert accounts.store_password("shop", "secret") is False  # the keyring refused
    accounts.forget_session_passwords()  # the next start
    with pytest.raises(NoSavedSecret) as raised:
        AccountSession(db, config)
    text = error_text(raised.value)
    assert "保存されていません" in text and "正しくありません" not in text
    assert "正しくありません" in error_text(AuthExpired("535 authentication failed"))


def test_the_team_dialog_warns_when_no_keyring_can_keep_the_password(qtbot: QtBot, failing_keyring: object) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.tasks import TaskRunner
    from ui.team_dialog import TeamDialog

    dialog = TeamDialog(TaskRunner(), "")
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "teamKeyringNote")
    assert note is not None and note.isVisibleTo(dialog) and "保管庫" in note.text()
    server = TeamServer("127.0.0.1", 5432, "aizuchi", "team")
    assert save_password(server, "pw") is False  # kept for the session, never an exception
    assert accounts.get_secret("memory-database", "team@127.0.0.1:5432/aizuchi") == "pw"


def test_the_team_dialog_says_nothing_when_the_keyring_works(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.tasks import TaskRunner
    from ui.team_dialog import TeamDialog

    dialog = TeamDialog(TaskRunner(), "")
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "teamKeyringNote")
    assert note is not None and not note.isVisibleTo(dialog)


def test_scheme_relative_images_are_fetched_over_https(qapp: object) -> None:
    from ui.remote_images import fetch_url

    found = fetch_url("//images.example.jp/logo.png")
    assert found is not None and found.toString() == "https://images.example.jp/logo.png"
    assert fetch_url("http://a.example.jp/x.png") is not None
    assert fetch_url("file:///etc/passwd") is None and fetch_url("javascript:alert(1)") is None
    assert fetch_url("//") is None


def test_tel_links_open_in_the_phone_app(qapp: object) -> None:
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    from ui.reader import SafeBrowser

    class Phone(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.called: list[str] = []

        @Slot(QUrl)
        def call(self, url: QUrl) -> None:
            self.called.append(url.toString())

    phone = Phone()
    QDesktopServices.setUrlHandler("tel", phone, "call")
    try:
        browser = SafeBrowser()
        browser.anchorClicked.emit(QUrl("tel:0312345678"))
        browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    assert phone.called == ["tel:0312345678"]
