"""Done-when of issue 7, through the window, for Gmail and for Microsoft 365: 「Googleでログイン」 /
「Microsoftでログイン」 in the account dialog (the real library flow against the local servers,
the browser replaced by one that follows the redirect), sync, reply in the composer, send —
the server received exactly one send. And a revoked sign-in: the reply waits, the window asks
to sign in again, and after that it goes out once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.accounts import token
from app.context import Changes
from app.outbox import Outbox, OutboxState
from app.settings import REGISTRY, load_settings
from app.store.db import open_database
from tests.fake_api import FetchBrowser, install_browser, uninstall_browser
from tests.providers import KINDS, Harness
from tests.servers import Certs, japanese_mail
from tests.ui.driver import on
from ui.account_dialog import AccountDialog
from ui.main_window import MainWindow
from ui.models import Role


@pytest.fixture(params=KINDS, ids=lambda k: k.value)
def provider(request: pytest.FixtureRequest, certs: Certs) -> Iterator[Harness]:
    harness = Harness.start(request.param, certs)
    harness.add(japanese_mail(0))
    harness.add(japanese_mail(1), read=True)
    browser = FetchBrowser(str(certs.ca_path))
    install_browser(browser)
    yield harness
    uninstall_browser(browser)
    harness.stop()


@pytest.fixture
def window(qtbot: QtBot, demo_copy: Path, tmp_path: Path, provider: Harness) -> Iterator[MainWindow]:
    settings = load_settings(tmp_path / "settings.json")
    by_key = {s.key: s for s in REGISTRY}
    for key, value in provider.settings_values().items():
        settings.set(by_key[key], value)
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_copy, settings, qsettings, db=open_database(tmp_path / "mail.sqlite3"))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    yield win
    win.accounts.stop()
    win.memory.stop_build()
    win.runner.wait_all(5000)


def _sign_in_and_sync(qtbot: QtBot, window: MainWindow, provider: Harness) -> str:
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    button = dialog.google_button if provider.kind.value == "gmail" else dialog.microsoft_button
    dialog.google_client_secret.setText("not-really-secret")
    with qtbot.waitSignal(dialog.signed_in, timeout=30000) as blocker:
        button.click()
    assert blocker.args == [True], dialog.oauth_result.text()
    assert "としてログインしました" in dialog.oauth_result.text()
    pane = window.accounts_pane
    with qtbot.waitSignal(pane.service.synced, timeout=30000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    account_id = next(iter(pane.configs))
    assert token(account_id)  # the sign-in is in the keyring, nowhere else
    assert "rt-" not in (Path(window.settings.path).read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        assert pane.select_folder(account_id)
    assert window.message_model.rowCount() == 2
    return account_id


def _reply_in_composer(qtbot: QtBot, window: MainWindow) -> None:
    header = window.message_model.index(0, 0).data(Role.HEADER)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MESSAGE), timeout=10000):
        window.mailbox.open_header(header)
    with qtbot.waitSignal(window.compose.opened, timeout=10000):
        window.compose.reply()
    with qtbot.waitSignal(window.compose.send_checked, timeout=20000):
        window.compose.send()
    if window.compose.review_dialog is not None and window.compose.review_dialog.isVisible():
        window.compose.review_dialog.accept()  # findings on a bare reply: send anyway


def test_sign_in_sync_reply_sends_exactly_once(qtbot: QtBot, window: MainWindow, provider: Harness) -> None:
    _sign_in_and_sync(qtbot, window, provider)
    with qtbot.waitSignal(window.compose.sent, timeout=20000):
        _reply_in_composer(qtbot, window)
    assert len(provider.sent) == 1
    assert "ご連絡".encode() in provider.sent[0] or b"Re:" in provider.sent[0]


def test_revoked_sign_in_keeps_the_reply_and_asks_to_sign_in_again(qtbot: QtBot, window: MainWindow,
                                                                    provider: Harness) -> None:
    account_id = _sign_in_and_sync(qtbot, window, provider)
    provider.fake.revoke_refresh_tokens()
    pane = window.accounts_pane
    with qtbot.waitSignal(pane.service.sign_in_needed, timeout=20000):
        _reply_in_composer(qtbot, window)
    assert provider.sent == []
    assert "もう一度ログイン" in window.compose.composer.status.text()
    [waiting] = Outbox(window.db).attention(account_id)
    assert waiting.state is OutboxState.FAILED
    prompt = window.account_control.sign_in_prompt
    assert prompt.isVisible()
    with qtbot.waitSignal(window.send_service.item_done, timeout=30000):
        prompt.buttons()[0].click()  # 「ブラウザでログイン」
    qtbot.waitUntil(lambda: len(provider.sent) == 1, timeout=20000)
    assert Outbox(window.db).item(waiting.id).state is OutboxState.SENT
