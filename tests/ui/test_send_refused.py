"""A reply the mail server refuses (a real aiosmtpd answering 550 to RCPT, or 552 to a message over
its size limit): the window says in plain Japanese that the server refused, what it said, that
nothing was sent and the draft is kept, and what to do about it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.outbox import RefusalKind, refusal_of
from tests.ui.test_account_flow import _reply_in_account, _send_despite_findings, servers, window  # noqa: F401
from ui.main_window import MainWindow
from ui.refused_dialog import RefusedDialog

UNKNOWN_USER = ("550 5.1.1 Recipient address rejected: User unknown in virtual mailbox table; see "
                "https://mail.example.jp/help/bounces for what to do and who to ask about this address")


def _refused(qtbot: QtBot, window: MainWindow) -> RefusedDialog:  # noqa: F811
    _send_despite_findings(qtbot, window)
    qtbot.waitUntil(lambda: window.compose.refused_dialog is not None, timeout=20000)
    dialog = window.compose.refused_dialog
    assert isinstance(dialog, RefusedDialog) and dialog.isVisible()
    return dialog


def test_a_refused_address_shows_the_servers_words_and_keeps_the_draft(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers,  # noqa: F811
) -> None:
    dovecot, smtp = servers
    _reply_in_account(qtbot, window, dovecot, smtp)
    draft = window.compose.composer.current_draft()
    assert draft is not None
    customer = draft.to[0].email
    smtp.handler.behaviour.refuse = {customer.lower(): UNKNOWN_USER}
    window.compose.composer.editor.insertPlainText("在庫を確認いたします。")
    dialog = _refused(qtbot, window)

    assert smtp.messages == []  # nothing reached the server
    assert "断りました" in dialog.headline.text() and "送信されていません" in dialog.headline.text()
    assert "下書きはそのまま残っています" in dialog.headline.text() and customer in dialog.headline.text()
    said = dialog.server_said.text()
    assert "550" in said and "User unknown" in said and "…" in said  # long: cut here, whole under 詳細
    assert "宛先のメールアドレス" in dialog.advice.text()
    assert dialog.details_button.isVisible() and not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible() and "who to ask about this address" in dialog.details.toPlainText()
    # The draft is back in the composer with what the agent wrote, ready to fix and send again.
    assert window.compose.composing and "在庫を確認いたします。" in window.compose.composer.text()
    dialog.accept()
    assert window.compose.refused_dialog is None


def test_a_message_over_the_servers_size_limit_says_to_make_the_attachment_smaller(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers,  # noqa: F811
) -> None:
    dovecot, smtp = servers
    _reply_in_account(qtbot, window, dovecot, smtp)
    smtp.limit_size(4000)  # aiosmtpd's own check: "552 Error: Too much mail data"
    window.compose.composer.editor.insertPlainText("詳しいご案内です。" * 400)
    dialog = _refused(qtbot, window)

    assert smtp.messages == []
    assert "552" in dialog.server_said.text() and "Too much mail data" in dialog.server_said.text()
    assert "添付ファイルを小さく" in dialog.advice.text()
    assert not dialog.details_button.isVisible()  # a short reply is shown whole
    assert window.compose.composing and "詳しいご案内です。" in window.compose.composer.text()


def test_refusals_are_told_apart_by_their_enhanced_status() -> None:
    assert refusal_of("550 c@example.jp: 5.1.1 mailbox unavailable").kind is RefusalKind.ADDRESS
    assert refusal_of("550 c@example.jp: 5.1.1 mailbox unavailable").recipient == "c@example.jp"
    assert refusal_of("552 Error: Too much mail data").kind is RefusalKind.SIZE
    assert refusal_of("550 5.7.1 Message rejected as spam").kind is RefusalKind.OTHER  # 550, but a policy
    assert refusal_of("554 5.3.4 Message too big for system").kind is RefusalKind.SIZE
