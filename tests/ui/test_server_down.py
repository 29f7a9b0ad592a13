"""A server that stops answering after a good sync is said to be down, not set up wrong; a failed
send ends the undo offer and is the one state shown (QA issue 15 list, 3 and 4).

Real Dovecot and aiosmtpd on loopback, as tests/ui/test_account_flow.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.accounts import PresetId
from app.clock import FakeClock
from app.context import Changes
from app.mail.outgoing import build_message
from app.model import Address
from app.outbox import OutboxState, SendProblem
from app.service_hours import JST
from app.settings import UNDO_SECONDS, load_settings
from app.sources.connection import Security
from app.store.db import open_database
from tests.servers import Certs, Dovecot, SmtpServer, free_port, japanese_mail
from tests.ui.conftest import running_servers
from tests.ui.driver import on
from ui.account_dialog import AccountDialog
from ui.main_window import MainWindow

ACCOUNT = "alice-example-jp"
SETTINGS_ADVICE = "ポート番号"
DOWN = "応答していません"


@pytest.fixture
def servers(certs: Certs) -> Iterator[tuple[Dovecot, SmtpServer]]:
    with running_servers(certs, lambda dovecot: dovecot.add_messages("alice", [japanese_mail(0)])) as pair:
        yield pair


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 8, 10, 0, tzinfo=JST))  # a Tuesday morning: inside service hours


@pytest.fixture
def window(qtbot: QtBot, demo_copy: Path, tmp_path: Path, certs: Certs, clock: FakeClock) -> Iterator[MainWindow]:
    settings = load_settings(tmp_path / "settings.json")
    settings.set(UNDO_SECONDS, 1)
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_copy, settings, qsettings, db=open_database(tmp_path / "mail.sqlite3"),
                     ssl_context=certs.client_context(), clock=clock)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    yield win
    win.accounts.stop()
    win.runner.wait_all(5000)


def _fill(dialog: AccountDialog, imap_port: int, smtp_port: int) -> None:
    dialog.choose_preset(PresetId.MANUAL)
    dialog.email.setText("alice@example.jp")
    dialog.username.setText("alice")
    dialog.password.setText("secret")
    dialog.imap_host.setText("127.0.0.1")
    dialog.imap_port.setValue(imap_port)
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData(Security.STARTTLS.value))
    dialog.smtp_host.setText("127.0.0.1")
    dialog.smtp_port.setValue(smtp_port)
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData(Security.STARTTLS.value))


def test_a_server_down_after_a_good_sync_is_not_called_wrong_settings_and_a_failed_send_ends_the_undo(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers, memory_keyring, clock: FakeClock
) -> None:
    dovecot, smtp = servers
    # Never connected: a closed port is worth checking the settings for.
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    _fill(dialog, free_port(), smtp.port)
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        dialog.test_connection()
    assert SETTINGS_ADVICE in dialog.check_result.text()
    _fill(dialog, dovecot.port, smtp.port)
    with qtbot.waitSignal(window.accounts.synced, timeout=30000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    # Both servers go down after the good sync.
    dovecot.stop()
    smtp.stop()
    with qtbot.waitSignal(window.accounts.error, timeout=30000) as blocker:
        window.accounts.sync(ACCOUNT)
    text = blocker.args[1]
    assert DOWN in text and "自動で接続し直します" in text and SETTINGS_ADVICE not in text, text

    # The connection test on the unchanged account says the same, not "check the port".
    edit = window.account_control.edit_account(ACCOUNT)
    assert isinstance(edit, AccountDialog) and edit.connected_before
    with qtbot.waitSignal(edit.checked, timeout=30000):
        edit.test_connection()
    assert DOWN in edit.check_result.text() and SETTINGS_ADVICE not in edit.check_result.text()
    edit.reject()

    # A reply sent now: the undo offer ends with its grace period; the failure is the one state.
    reply = build_message(sender=Address("テスト商店", "alice@example.jp"), to=[Address("客", "c@example.jp")],
                          subject="Re: ご注文", body="ご連絡ありがとうございます。\n")
    toast = window.outbox.toast
    window.send_service.send_reply(ACCOUNT, reply, None, window.outbox.on_submitted, lambda _f: None)
    qtbot.waitUntil(toast.isVisible, timeout=5000)
    assert "あと 1 秒" in toast.label.text()
    with qtbot.waitSignal(window.send_service.item_done, timeout=30000) as done:
        clock.advance(timedelta(seconds=2))
        window.send_service.tick()
    item = done.args[0]
    assert item.state is OutboxState.QUEUED and item.problem is SendProblem.NETWORK
    assert not item.undoable
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=5000)
    qtbot.waitUntil(window.status.outbox_button.isVisible, timeout=5000)
    assert "送信待ち 1" in window.status.outbox_button.text()
    qtbot.wait(600)  # the toast's timer ticks again: it stays gone
    assert not toast.isVisible()
