"""The account dialog never cuts its own explanations (QA run, item 4)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.accounts import PresetId
from ui.account_dialog import AccountDialog
from ui.i18n import Translations
from ui.tasks import TaskRunner


def _clipped(dialog: AccountDialog) -> list[str]:
    """Wrapped labels shown shorter than their text needs at their width."""
    return [label.text()[:30] for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.wordWrap() and label.text()
            and label.height() < label.heightForWidth(label.width())]


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("width", [560, 420])
def test_the_sign_in_text_is_never_clipped(qtbot: QtBot, language: str, width: int) -> None:
    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    translations.apply(language)
    try:
        runner = TaskRunner()
        dialog = AccountDialog(runner)
        qtbot.addWidget(dialog)
        dialog.resize(width, 0)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.oauth_hint.isVisible()  # Gmail first: the browser sign-in explanation
        qtbot.waitUntil(lambda: not _clipped(dialog), timeout=2000)
        # Another service and back: the dialog still fits what it shows.
        dialog.choose_preset(PresetId.GMAIL)  # IMAP with an app password: its note wraps
        qtbot.waitUntil(lambda: not _clipped(dialog), timeout=2000)
        dialog.preset_combo.setCurrentIndex(0)
        qtbot.waitUntil(lambda: not _clipped(dialog), timeout=2000)
    finally:
        translations.apply("ja")


def test_the_imap_form_after_a_sign_in_service_is_never_squashed(qtbot: QtBot) -> None:
    """With a keyring (no note under the form), choosing IMAP after Gmail kept Gmail's height: the
    fields and the server settings were cut to slivers (walkthrough, 1366×768)."""
    from PySide6.QtWidgets import QMainWindow

    parent = QMainWindow()
    qtbot.addWidget(parent)
    parent.resize(1300, 700)
    parent.show()
    dialog = AccountDialog(TaskRunner(), set(), None, parent)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert not dialog.keyring_note.isVisible()  # the tests' keyring keeps passwords
    dialog.choose_preset(PresetId.MANUAL)
    layout = dialog.layout()
    assert layout is not None
    qtbot.waitUntil(lambda: dialog.height() >= layout.totalMinimumSize().height(), timeout=2000)
    for field in (dialog.email, dialog.password, dialog.imap_host, dialog.smtp_host):
        assert field.height() >= field.minimumSizeHint().height(), field.objectName()
    assert dialog.servers.height() >= dialog.servers.minimumSizeHint().height()
    dialog.reject()


def test_a_failed_connection_test_grows_the_dialog_instead_of_squashing_the_form(qtbot: QtBot) -> None:
    """The errors of 接続テスト and 「接続できないまま追加する」 appeared in a dialog of the old height: the
    server rows were squashed to slivers over each other (walkthrough, 1366×768, a wrong password)."""
    from PySide6.QtWidgets import QMainWindow

    from app.sources.connection import Security
    from tests.servers import free_port

    parent = QMainWindow()
    qtbot.addWidget(parent)
    parent.resize(1300, 700)
    parent.show()
    dialog = AccountDialog(TaskRunner(), set(), None, parent)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.choose_preset(PresetId.MANUAL)
    dialog.email.setText("shop@example.jp")
    dialog.password.setText("secret")
    closed = free_port()  # nothing listens there: a real refused connection, on both sides
    for host, port, security in ((dialog.imap_host, dialog.imap_port, dialog.imap_security),
                                 (dialog.smtp_host, dialog.smtp_port, dialog.smtp_security)):
        host.setText("127.0.0.1")
        port.setValue(closed)
        security.setCurrentIndex(security.findData(Security.STARTTLS.value))
    layout = dialog.layout()
    assert layout is not None
    qtbot.waitUntil(lambda: dialog.height() >= layout.totalMinimumSize().height(), timeout=2000)
    before = dialog.height()
    with qtbot.waitSignal(dialog.checked, timeout=20000) as checked:
        dialog.test_button.click()
    assert checked.args == [False]
    assert dialog.keep_offline.isVisible() and dialog.check_result.text()
    qtbot.waitUntil(lambda: dialog.height() > before, timeout=2000)
    qtbot.waitUntil(lambda: not _clipped(dialog), timeout=2000)
    for field in (dialog.email, dialog.password, dialog.username, dialog.imap_host, dialog.smtp_host,
                  dialog.imap_port, dialog.smtp_port, dialog.keep_offline):
        assert field.height() >= field.minimumSizeHint().height(), field.objectName()
    assert dialog.servers.height() >= dialog.servers.minimumSizeHint().height()
    dialog.reject()
