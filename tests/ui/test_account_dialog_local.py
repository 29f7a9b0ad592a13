"""The account dialog offers one's own mail on this computer, and usual ports by hand (QA issue 15 list, 6).

README: ファイル → メールアカウントを追加 for one's own mail; the dialog had no such choice, and
「その他（手動で設定）」 showed port 1 for both servers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app import paths
from app.accounts import PresetId
from app.settings import LOCAL_MAILBOX
from app.sources.connection import Security
from ui.account_dialog import AccountDialog
from ui.main_window import MainWindow


def test_manual_settings_show_the_usual_ports_by_protection(window: MainWindow) -> None:
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    dialog.choose_preset(PresetId.MANUAL)
    assert (dialog.imap_port.value(), dialog.smtp_port.value()) == (993, 587)
    assert dialog.smtp_security.currentData() == Security.STARTTLS.value
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData(Security.STARTTLS.value))
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData(Security.SSL.value))
    assert (dialog.imap_port.value(), dialog.smtp_port.value()) == (143, 465)
    dialog.imap_port.setValue(10993)  # typed by hand: kept when the protection changes
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData(Security.SSL.value))
    assert dialog.imap_port.value() == 10993
    dialog.reject()


def test_a_local_maildir_is_offered_checked_opened_and_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    own = tmp_path / "own-mail"
    shutil.copytree(paths.DEMO_MAILDIR, own)
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    labels = [dialog.preset_combo.itemText(i) for i in range(dialog.preset_combo.count())]
    assert "このパソコンのメールフォルダ（Maildir / mbox）" in labels
    dialog.preset_combo.setCurrentIndex(labels.index("このパソコンのメールフォルダ（Maildir / mbox）"))
    assert dialog.local_box.isVisibleTo(dialog) and not dialog.servers.isVisibleTo(dialog)
    assert not dialog.test_row.isVisibleTo(dialog)

    # Not a mailbox: said, and OK does not close the dialog.
    dialog.local_path.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.checked, timeout=10000) as blocker:
        dialog.check_local(str(tmp_path))
    assert blocker.args == [False] and "Maildir" in dialog.local_result.text()
    with qtbot.waitSignal(dialog.checked, timeout=10000):  # OK checks again, and stays
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()

    dialog.local_path.setText(str(own))
    with qtbot.waitSignal(dialog.checked, timeout=10000) as blocker:
        dialog.check_local(str(own))
    assert blocker.args == [True] and "開けます" in dialog.local_result.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert window.mailbox.settings.get(LOCAL_MAILBOX) == str(own.resolve())
    # Opened at once (tests/ui/test_local_mailbox_added.py), and said: no restart asked for.
    assert window.ctx is not None and window.ctx.mailbox_path == own.resolve()
    assert str(own) in window.status.bar.currentMessage()
