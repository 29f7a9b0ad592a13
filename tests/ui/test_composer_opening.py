"""Issue 16 (6): the composer opens at the greeting with the caret in view, greeting fitted to the customer."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.context import Changes
from tests.ui.driver import Driver
from ui.main_window import MainWindow
from ui.models import Role


def test_caret_after_the_greeting_is_in_view(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    window.resize(1024, 700)
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply(wait_review=False)
    editor = window.compose.composer.editor
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() > 0, timeout=5000)  # the quote makes it scroll
    qtbot.wait(50)
    text = editor.toPlainText()
    caret = editor.textCursor().position()
    assert text[:caret].rstrip().endswith("と申します。")  # right after the shop's greeting
    viewport = editor.viewport().rect()
    assert viewport.contains(editor.cursorRect().center())
    assert editor.verticalScrollBar().value() == 0  # 「〇〇様」 at the top is in view too




def test_a_regular_customer_is_not_introduced_to_the_shop_again(qtbot: QtBot, memory_window: MainWindow) -> None:
    win = memory_window
    subject = next(win.proxy.index(r, 0).data(Role.HEADER).subject for r in range(win.proxy.rowCount())
                   if "今年もクリスマスケーキ" in win.proxy.index(r, 0).data(Role.HEADER).subject)
    Driver(qtbot, win).open(subject, Changes.PROFILE)
    profile = win.customer_panel.profile
    assert profile is not None and profile.mail_count >= 3
    with qtbot.waitSignal(win.compose.opened, timeout=10000):
        win.compose.reply_action.trigger()
    own = win.compose.composer.text().split("\n>")[0]
    assert "と申します" not in own
    assert "いつも洋菓子工房 こむぎをご利用いただき" in own
