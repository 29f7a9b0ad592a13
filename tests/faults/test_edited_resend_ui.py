"""Point 1 through the window: a reply refused with 421, corrected (text and address) in the
composer and sent again, then the automatic retry after a sync: one mail at the server, the
corrected one, to the corrected address."""

from __future__ import annotations

from email import message_from_bytes, policy

from pytestqt.qtbot import QtBot

from tests.faults.ledger import record
from tests.servers import SmtpBehaviour
from tests.ui.test_account_flow import _reply_in_account, _send_despite_findings, servers, window
from ui.main_window import MainWindow

__all__ = ["servers", "window"]


def test_a_reply_corrected_after_a_421_goes_out_once_as_corrected(qtbot: QtBot, window: MainWindow, servers) -> None:  # type: ignore[no-untyped-def]
    dovecot, smtp = servers
    account_id = _reply_in_account(qtbot, window, dovecot, smtp)
    composer = window.compose.composer

    smtp.handler.behaviour = SmtpBehaviour(reply="421 4.3.2 Service not available, try later")
    _send_despite_findings(qtbot, window)
    qtbot.waitUntil(lambda: composer.status.text().startswith("送信待ち"), timeout=20000)
    assert smtp.messages == []

    composer.to_edit.setText("corrected@example.jp")
    composer.editor.setPlainText("訂正版です。納期は明日になります。\n")
    smtp.handler.behaviour = SmtpBehaviour()
    with qtbot.waitSignal(window.compose.sent, timeout=30000):
        _send_despite_findings(qtbot, window)
    window.send_service.account_ready(account_id)  # what runs when the account connects again
    window.runner.wait_all(10000)
    qtbot.wait(200)

    sent = smtp.messages
    record("edited-resend:window", len(sent))
    assert len(sent) == 1, [m[1] for m in sent]
    _from, recipients, raw = sent[0]
    body = message_from_bytes(raw, policy=policy.default).get_body()
    assert body is not None
    assert recipients == ["corrected@example.jp"] and "訂正版です" in str(body.get_content())
