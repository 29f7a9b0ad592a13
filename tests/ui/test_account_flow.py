"""Done-when of issue 6, through the window: add an account in the dialog (real Dovecot and
aiosmtpd on loopback, STARTTLS with a private CA), sync, reply, send — exactly one copy at
the SMTP server and in Sent, and the original marked answered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from imapclient import IMAPClient
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.accounts import PresetId
from app.context import Changes
from app.mail.outgoing import build_message
from app.mail.parse import parse_message
from app.model import Address
from app.outbox import OutboxState
from app.settings import load_settings
from app.sources.base import Header
from app.sources.connection import Charset, Security
from app.store.db import open_database
from app.store.mail import MailStore
from tests.servers import Certs, Dovecot, SmtpServer, japanese_mail
from tests.ui.conftest import running_servers
from tests.ui.driver import on
from ui.account_dialog import AccountDialog
from ui.main_window import MainWindow
from ui.models import Column, Role


@pytest.fixture
def servers(certs: Certs) -> Iterator[tuple[Dovecot, SmtpServer]]:
    mail = [japanese_mail(0), japanese_mail(1)]
    with running_servers(certs, lambda dovecot: dovecot.add_messages("alice", mail)) as pair:
        yield pair


@pytest.fixture
def window(qtbot: QtBot, demo_copy: Path, tmp_path: Path, certs: Certs) -> Iterator[MainWindow]:
    settings = load_settings(tmp_path / "settings.json")
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_copy, settings, qsettings, db=open_database(tmp_path / "mail.sqlite3"),
                     ssl_context=certs.client_context())
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    yield win
    win.accounts.stop()
    win.runner.wait_all(5000)


def _fill(qtbot: QtBot, dialog: AccountDialog, dovecot: Dovecot, smtp: SmtpServer, password: str) -> None:
    dialog.choose_preset(PresetId.MANUAL)
    qtbot.keyClicks(dialog.email, "alice@example.jp")
    dialog.username.setText("alice")
    qtbot.keyClicks(dialog.password, password)
    dialog.imap_host.setText("127.0.0.1")
    dialog.imap_port.setValue(dovecot.port)
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData(Security.STARTTLS.value))
    dialog.smtp_host.setText("127.0.0.1")
    dialog.smtp_port.setValue(smtp.port)
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData(Security.STARTTLS.value))


def _add_account(qtbot: QtBot, window: MainWindow, dovecot: Dovecot, smtp: SmtpServer,
                 charset: Charset = Charset.UTF8) -> str:
    """Add the test account through the dialog and wait for its first sync; returns its id."""
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    _fill(qtbot, dialog, dovecot, smtp, "secret")
    dialog.charset.setCurrentIndex(dialog.charset.findData(charset.value))
    with qtbot.waitSignal(window.accounts.synced, timeout=30000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return "alice-example-jp"


def _reply_in_account(qtbot: QtBot, window: MainWindow, dovecot: Dovecot, smtp: SmtpServer,
                      charset: Charset = Charset.UTF8) -> str:
    """Add the test account, open the newest mail of its folder and start a reply to it; returns its id."""
    account_id = _add_account(qtbot, window, dovecot, smtp, charset)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        assert window.accounts_pane.select_folder(account_id)
    header = window.message_model.index(0, 0).data(Role.HEADER)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MESSAGE), timeout=10000):
        window.mailbox.open_header(header)
    with qtbot.waitSignal(window.compose.opened, timeout=10000):
        window.compose.reply()
    return account_id


def _send_despite_findings(qtbot: QtBot, window: MainWindow) -> None:
    """送信, and 「このまま送信」 when the review has something to say of a bare test reply."""
    with qtbot.waitSignal(window.compose.send_checked, timeout=20000):
        window.compose.send()
    if window.compose.review_dialog is not None:
        window.compose.review_dialog.accept()


def test_presets_fill_the_servers(window: MainWindow) -> None:
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    dialog.choose_preset(PresetId.XSERVER)
    dialog.server_part.setText("12345")
    assert dialog.imap_host.text() == "sv12345.xserver.jp" and dialog.imap_port.value() == 993
    assert not dialog.imap_host.isEnabled()
    dialog.choose_preset(PresetId.GMAIL)
    assert dialog.app_password_note.isVisibleTo(dialog)
    assert dialog.smtp_host.text() == "smtp.gmail.com"
    dialog.reject()


def test_connection_test_names_a_wrong_password(qtbot: QtBot, window: MainWindow, servers) -> None:  # type: ignore[no-untyped-def]
    dovecot, smtp = servers
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    _fill(qtbot, dialog, dovecot, smtp, "wrong")
    with qtbot.waitSignal(dialog.checked, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    assert "パスワードが正しくありません" in dialog.check_result.text()
    dialog.reject()


def test_add_account_sync_reply_send_exactly_once(qtbot: QtBot, window: MainWindow, servers, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    dovecot, smtp = servers
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    _fill(qtbot, dialog, dovecot, smtp, "secret")
    with qtbot.waitSignal(dialog.checked, timeout=20000) as blocker:
        dialog.test_connection()
    assert blocker.args == [True], dialog.check_result.text()

    pane = window.accounts_pane
    with qtbot.waitSignal(pane.service.synced, timeout=30000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    account_id = "alice-example-jp"
    assert memory_keyring.secrets[("Aizuchi", account_id)] == "secret"

    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        assert pane.select_folder(account_id)
    assert window.message_model.rowCount() == 2
    header = window.message_model.index(0, 0).data(Role.HEADER)
    assert isinstance(header, Header)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MESSAGE), timeout=10000):
        window.mailbox.open_header(header)
    original = window.mailbox.current
    assert original is not None
    # The row was listed undecoded and decoded for the list: what the full parse reads.
    assert window.message_model.index(0, Column.SUBJECT).data() == original.message.subject
    assert window.message_model.index(0, Column.SENDER).data() == original.message.sender.display()
    assert "=?" not in original.message.subject

    # The composer (issue 5) hands over an OutgoingMessage the same way.
    reply = build_message(
        sender=Address("テスト商店", "alice@example.jp"), to=[original.message.sender],
        subject="Re: " + original.message.subject,
        body=f"{original.message.sender.name}様\n\nご連絡ありがとうございます。\n",
        in_reply_to=original.message.message_id, references=[original.message.message_id],
        replying_to=original.ref,
    )
    with qtbot.waitSignal(window.send_service.item_done, timeout=20000) as done:
        window.send_service.send_reply(account_id, reply, None, lambda _item: None, lambda failure: None)
    item = done.args[0]
    assert item.state is OutboxState.SENT
    qtbot.waitUntil(lambda: not window.status.outbox_button.isVisible(), timeout=5000)

    assert len(smtp.handler.with_message_id(reply.message_id)) == 1
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.select_folder("Sent")
        assert len(client.search(["HEADER", "Message-ID", reply.message_id])) == 1
        client.select_folder("INBOX")
        uid = int(original.ref.key)
        assert b"\\Answered" in client.get_flags([uid])[uid]
    assert not window.status.outbox_button.isVisible()  # nothing waiting, failed or unknown


def test_reply_through_the_composer_goes_out_once(qtbot: QtBot, window: MainWindow, servers) -> None:  # type: ignore[no-untyped-def]
    """The same, with the real composer (issue 5): reply, review dialog, send → the outbox."""
    dovecot, smtp = servers
    pane = window.accounts_pane
    account_id = _add_account(qtbot, window, dovecot, smtp)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        assert pane.select_folder(account_id)
    header = window.message_model.index(0, 0).data(Role.HEADER)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MESSAGE), timeout=10000):
        window.mailbox.open_header(header)
    original = window.mailbox.current
    assert original is not None
    with qtbot.waitSignal(window.compose.opened, timeout=10000):
        window.compose.reply()
    with qtbot.waitSignal(window.compose.send_checked, timeout=20000):
        window.compose.send()
    with qtbot.waitSignal(window.compose.sent, timeout=20000):
        if window.compose.review_dialog is not None:  # findings on a bare reply: send anyway
            window.compose.review_dialog.accept()
    sent = smtp.messages
    assert len(sent) == 1
    message_id = next(line for line in sent[0][2].split(b"\r\n") if line.lower().startswith(b"message-id:"))
    message_id_text = message_id.split(b":", 1)[1].strip().decode()
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.select_folder("Sent")
        assert len(client.search(["HEADER", "Message-ID", message_id_text])) == 1
        client.select_folder("INBOX")
        uid = int(original.ref.key)
        assert b"\\Answered" in client.get_flags([uid])[uid]


def test_an_iso_2022_jp_account_flags_what_it_cannot_carry_before_sending(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers
) -> None:
    """Nothing leaves while the draft holds ① or an emoji; stand-ins are offered; then it goes out in JIS."""
    dovecot, smtp = servers
    _reply_in_account(qtbot, window, dovecot, smtp, Charset.ISO2022JP)
    editor = window.compose.composer.editor
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("①と～をご確認ください😊\n")

    def send_until_charset_dialog() -> None:
        window.compose.send()
        qtbot.waitUntil(lambda: window.compose.review_dialog is not None or window.compose.charset_dialog is not None,
                        timeout=20000)
        if window.compose.review_dialog is not None:  # findings on a bare reply: send anyway
            window.compose.review_dialog.accept()

    send_until_charset_dialog()
    qtbot.waitUntil(lambda: window.compose.charset_dialog is not None, timeout=10000)
    box = window.compose.charset_dialog
    assert box is not None and "①" in box.text() and "😊" in box.text()
    assert smtp.messages == []  # nothing went out
    replace_button = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    replace_button.click()
    qtbot.waitUntil(lambda: window.compose.charset_dialog is None, timeout=5000)
    assert editor.toPlainText().startswith("(1)と〜をご確認ください😊\n")
    assert editor.textCursor().selectedText() == "😊"  # left for the agent, selected
    assert "😊" in window.compose.composer.status.text()
    assert smtp.messages == []

    editor.textCursor().removeSelectedText()
    with qtbot.waitSignal(window.compose.sent, timeout=30000):
        window.compose.send()
        qtbot.waitUntil(lambda: window.compose.review_dialog is not None or bool(smtp.messages), timeout=20000)
        if window.compose.review_dialog is not None:
            window.compose.review_dialog.accept()
    assert len(smtp.messages) == 1
    raw = smtp.messages[0][2]
    head = raw.split(b"\r\n\r\n", 1)[0].lower()
    assert b"iso-2022-jp" in head and b"7bit" in head
    # JIS 0x2141 reads back as 〜 or ～ (the parser decodes as Windows does): the same character sent.
    assert parse_message(raw).body.replace("～", "〜").startswith("(1)と〜をご確認ください\n")


def test_an_account_can_be_changed_and_removed(qtbot: QtBot, window: MainWindow, servers, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    dovecot, smtp = servers
    pane = window.accounts_pane
    account_id = _add_account(qtbot, window, dovecot, smtp)
    menu = pane.menu_for(account_id)
    assert [a.text() for a in menu.actions()] == ["設定を変更…", "このアカウントを削除…"]

    # Change the display name; the password field left empty keeps the saved one.
    edit = window.account_control.edit_account(account_id)
    assert isinstance(edit, AccountDialog)
    assert edit.email.text() == "alice@example.jp" and edit.imap_port.value() == dovecot.port
    assert edit.password.text() == "" and edit.secret() is None
    edit.display_name.setText("Alice Shop")
    with qtbot.waitSignal(pane.service.synced, timeout=30000):  # reconnected with the new settings
        edit.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert pane.configs[account_id].display_name == "Alice Shop"
    assert memory_keyring.secrets[("Aizuchi", account_id)] == "secret"
    assert len(pane.configs) == 1  # the same account, not a second one

    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        assert pane.select_folder(account_id)
    box = window.account_control.ask_remove_account(account_id)
    assert box is not None and "Alice Shop" in box.text()
    remove = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    remove.click()
    qtbot.waitUntil(lambda: ("Aizuchi", account_id) not in memory_keyring.secrets, timeout=10000)
    assert account_id not in pane.configs and pane.model.rowCount() == 0
    assert window.mailbox.mail_account != account_id  # the window went back to the local mailbox
    assert MailStore(window.db).accounts() == []
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:  # the server keeps its mail
        client.login("alice", "secret")
        client.select_folder("INBOX")
        assert len(client.search("ALL")) == 2


def test_the_dialog_asks_for_the_provider_first(qtbot: QtBot, window: MainWindow) -> None:
    """Issue 16 (5): the service first, sign-in providers on top, the OAuth client under 詳細設定."""
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    layout = dialog.layout()
    assert layout is not None
    widgets = [layout.itemAt(i).widget() for i in range(layout.count()) if layout.itemAt(i).widget() is not None]
    assert widgets.index(dialog.preset_combo) < widgets.index(dialog.oauth_box)
    assert dialog.preset_combo.currentData() == "oauth:gmail"
    assert dialog.google_button.isVisibleTo(dialog) and not dialog.microsoft_button.isVisibleTo(dialog)
    assert not dialog.client_form.isVisibleTo(dialog)  # closed, whoever opens it first
    assert not dialog.servers.isVisibleTo(dialog) and not dialog.email.isVisibleTo(dialog)
    dialog.google_button.click()  # no client id in this build: said plainly, no docs path
    assert "詳細設定" in dialog.oauth_result.text() and "docs/" not in dialog.oauth_result.text()
    dialog.choose_preset(PresetId.XSERVER)
    assert dialog.servers.isVisibleTo(dialog) and dialog.email.isVisibleTo(dialog)
    assert not dialog.oauth_box.isVisibleTo(dialog)
    dialog.reject()


def test_ok_on_an_empty_form_adds_nothing(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # Gmail chosen, not signed in
    assert dialog.isVisible() and "ログイン" in dialog.oauth_result.text()
    dialog.choose_preset(PresetId.MANUAL)
    ok.click()
    assert dialog.isVisible() and "メールアドレス" in dialog.check_result.text()
    assert window.accounts_pane.configs == {}
    dialog.reject()


def test_a_failed_test_adds_nothing_unless_kept_offline_and_the_tree_says_why(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers, memory_keyring
) -> None:
    dovecot, smtp = servers
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    _fill(qtbot, dialog, dovecot, smtp, "wrong")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.checked, timeout=20000) as blocker:
        ok.click()  # OK tests first
    assert blocker.args == [False]
    assert dialog.isVisible() and window.accounts_pane.configs == {}
    assert dialog.keep_offline.isVisibleTo(dialog) and not dialog.keep_offline.isChecked()
    ok.click()  # still failing, not ticked: runs the test again, adds nothing
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        pass
    assert window.accounts_pane.configs == {}
    dialog.keep_offline.setChecked(True)
    pane = window.accounts_pane
    with qtbot.waitSignal(pane.service.error, timeout=30000):
        ok.click()
    assert not dialog.isVisible()
    account_id = "alice-example-jp"
    assert account_id in pane.configs
    from ui.accounts_pane import PROBLEM_ROLE

    top = pane.model.item(0)
    assert top is not None and top.data(PROBLEM_ROLE)
    assert "パスワード" in top.toolTip() and top.text().startswith("⚠")


def test_a_reply_in_the_shops_own_account_never_speaks_as_a_demo_shop(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers
) -> None:
    """A new shop owner who added their account and replied before setting up 署名とあいさつ sent as
    「ドレスショップ ルミエール <shop@lumiere.example.jp>」, signed with the demo's 担当・住所・電話
    (walkthrough): the demo's shops stood in for the unset identity whatever mailbox the mail was in.
    Now the reply is from the account's own address, with no made-up greeting or signature."""
    dovecot, smtp = servers
    _reply_in_account(qtbot, window, dovecot, smtp)
    draft = window.compose.composer.current_draft()
    assert draft is not None
    assert draft.sender.email == "alice@example.jp"
    for demo_words in ("ルミエール", "三浦", "03-5555-0123", "こむぎ", "いとへん"):
        assert demo_words not in draft.body, demo_words
    assert "署名" in window.compose.composer.status.text()  # where to set the shop's own
    with qtbot.waitSignal(window.compose.send_checked, timeout=20000):
        window.compose.send()
    with qtbot.waitSignal(window.compose.sent, timeout=20000):
        if window.compose.review_dialog is not None:
            window.compose.review_dialog.accept()
    (_, _, raw), = smtp.messages
    sent = parse_message(raw)
    assert sent.sender.email == "alice@example.jp" and "ルミエール" not in sent.body
