"""Never twice unasked, through the window: the connection drops after the server took a reply
(the customer has it, the window cannot know), the agent adds a line in the still-open composer and
presses 送信 again. The window asks first, in plain Japanese; 「送信しない」 keeps the draft and sends
nothing, 「それでも送信する」 is the agent's own choice. Real Dovecot and aiosmtpd on loopback."""

from __future__ import annotations

from email import message_from_bytes, policy

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.outbox import Outbox, OutboxState
from tests.faults.ledger import record
from tests.servers import SmtpBehaviour
from tests.ui.driver import ime_commit
from tests.ui.test_account_flow import _reply_in_account, _send_despite_findings, servers, window
from ui.main_window import MainWindow

__all__ = ["servers", "window"]


def _open_reply(qtbot: QtBot, window: MainWindow, servers) -> None:  # type: ignore[no-untyped-def]
    dovecot, smtp = servers
    _reply_in_account(qtbot, window, dovecot, smtp)
    ime_commit(window.compose.composer.editor, "ご連絡ありがとうございます。明日発送いたします。\n")


def _asked(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    """The window's question before a reply that may already have arrived, once it shows, checked for its words."""
    compose = window.compose
    qtbot.waitUntil(lambda: compose.unknown_box is not None and compose.unknown_box.isVisible(), timeout=20000)
    box = compose.unknown_box
    assert box is not None
    assert "届いている可能性" in box.windowTitle() and "二通届く" in box.text(), box.text()
    return box


def _answer(qtbot: QtBot, window: MainWindow, button: str) -> None:
    box = _asked(qtbot, window)
    box.findChild(type(box.defaultButton()), button).click()


def test_a_changed_reply_after_a_dropped_send_is_asked_about_before_it_goes(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers
) -> None:
    _dovecot, smtp = servers
    _open_reply(qtbot, window, servers)
    compose, composer = window.compose, window.compose.composer

    # The server queues the reply, then the connection drops before it answers.
    smtp.handler.behaviour = SmtpBehaviour(drop_after_data=True, keep_dropped=True)
    _send_despite_findings(qtbot, window)
    qtbot.waitUntil(lambda: compose.composing and "送信状態不明" in composer.status.text(), timeout=30000)
    assert len(smtp.messages) == 1
    smtp.handler.behaviour = SmtpBehaviour()

    # A line added, 送信 again: asked first, nothing sent meanwhile.
    ime_commit(composer.editor, "念のため追記いたします。\n")
    _send_despite_findings(qtbot, window)
    box = _asked(qtbot, window)
    assert len(smtp.messages) == 1
    box.findChild(type(box.defaultButton()), "doNotSendButton").click()
    qtbot.waitUntil(lambda: compose.unknown_box is None, timeout=5000)
    window.runner.wait_all(10000)
    assert len(smtp.messages) == 1
    record("unknown-then-edited:window", len(smtp.messages))
    assert compose.composing and "追記いたします" in composer.text()  # the draft stays, as typed
    assert "送信していません" in composer.status.text()
    waiting = [i for i in Outbox(window.db).items() if i.state in (OutboxState.QUEUED, OutboxState.SENDING)]
    assert waiting == []

    # The agent checked with the customer: the reply did not arrive. Sent, once more, by their choice.
    _send_despite_findings(qtbot, window)
    box = _asked(qtbot, window)
    with qtbot.waitSignal(compose.sent, timeout=30000):
        box.findChild(type(box.defaultButton()), "sendAnywayButton").click()
    assert len(smtp.messages) == 2
    second = message_from_bytes(smtp.messages[1][2], policy=policy.default).get_body()
    assert second is not None and "念のため追記いたします" in str(second.get_content())


def test_send_pressed_again_unchanged_after_a_drop_is_asked_about_too(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers
) -> None:
    """Not a word changed: the same question; 「それでも送信する」 looks in Sent first, then resends."""
    _dovecot, smtp = servers
    _open_reply(qtbot, window, servers)
    compose, composer = window.compose, window.compose.composer
    smtp.handler.behaviour = SmtpBehaviour(drop_after_data=True, keep_dropped=True)
    _send_despite_findings(qtbot, window)
    qtbot.waitUntil(lambda: compose.composing and "送信状態不明" in composer.status.text(), timeout=30000)
    smtp.handler.behaviour = SmtpBehaviour()
    _send_despite_findings(qtbot, window)
    _answer(qtbot, window, "doNotSendButton")
    window.runner.wait_all(10000)
    assert len(smtp.messages) == 1 and compose.composing
    record("unknown-then-unchanged:window", len(smtp.messages))
    _send_despite_findings(qtbot, window)
    with qtbot.waitSignal(window.send_service.item_done, timeout=30000) as done:
        _answer(qtbot, window, "sendAnywayButton")
    assert done.args[0].state is OutboxState.SENT and len(smtp.messages) == 2


def test_send_pressed_again_after_a_refusal_sends_it_and_says_so(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers
) -> None:
    """A 554, then 送信 again unchanged: it went nowhere before, so it goes now (once), and the
    window says it was sent — the composer never closes on a reply that silently stays failed."""
    _dovecot, smtp = servers
    _open_reply(qtbot, window, servers)
    compose, composer = window.compose, window.compose.composer
    smtp.handler.behaviour = SmtpBehaviour(reply="554 5.7.1 Message rejected")
    _send_despite_findings(qtbot, window)
    qtbot.waitUntil(lambda: compose.composing and "送信失敗" in composer.status.text(), timeout=30000)
    assert smtp.messages == []
    smtp.handler.behaviour = SmtpBehaviour()
    with qtbot.waitSignal(compose.sent, timeout=30000):
        _send_despite_findings(qtbot, window)
    record("refused-then-again:window", len(smtp.messages))
    assert len(smtp.messages) == 1
    assert "返信を送信しました" in window.statusBar().currentMessage()
    assert [i.state for i in Outbox(window.db).items()] == [OutboxState.SENT]
