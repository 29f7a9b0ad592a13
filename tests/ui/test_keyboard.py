"""Issue 16 (4): the keyboard habits of Thunderbird and Outlook users."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.driver import Driver
from ui.main_window import MainWindow


def _activate(qtbot: QtBot, win: MainWindow) -> None:
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)


def test_tab_leaves_the_message_list(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    Driver(qtbot, window).open(dress_subject)
    _activate(qtbot, window)
    opened = window.mailbox.current
    window.message_view.setFocus()
    qtbot.keyClick(window.message_view, Qt.Key.Key_Tab)
    assert not window.message_view.hasFocus()
    qtbot.wait(200)
    assert window.mailbox.current is opened  # no other mail opened (and marked read) on the way


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    _activate(qtbot, window)
    window.message_view.setFocus()
    window.search.setText("古い言葉")
    qtbot.keyClick(window.message_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    assert window.search.selectedText() == "古い言葉"  # typing replaces it


def test_ctrl_enter_sends_through_the_review_dialog(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply(wait_review=False)
    _activate(qtbot, window)
    composer = window.compose.composer
    composer.retranslate()  # a language switch re-words the send button: the shortcut must survive it
    composer.editor.setFocus()
    with qtbot.waitSignal(window.compose.send_checked, timeout=20000):
        qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = window.compose.review_dialog
    assert dialog is not None and dialog.isVisible()  # the fresh draft leaves the disclosures unanswered
    dialog.reject()
    qtbot.waitUntil(lambda: composer.send_button.isEnabled(), timeout=5000)
    # The keypad's Enter too.
    _activate(qtbot, window)
    composer.editor.setFocus()
    with qtbot.waitSignal(window.compose.send_checked, timeout=20000):
        qtbot.keyClick(composer.editor, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert window.compose.review_dialog is not None
    window.compose.review_dialog.reject()


def test_escape_closes_the_composer_and_asks_when_unsaved(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply(wait_review=False)
    _activate(qtbot, window)
    composer = window.compose.composer
    composer.editor.setFocus()
    qtbot.keyClick(composer.editor, Qt.Key.Key_Escape)
    assert not window.compose.composing  # nothing typed: closed at once
    Driver(qtbot, window).reply(wait_review=False)
    event = QInputMethodEvent()
    event.setCommitString("ご結婚おめでとうございます。")
    QApplication.sendEvent(composer.editor, event)
    composer.editor.setFocus()
    qtbot.keyClick(composer.editor, Qt.Key.Key_Escape)
    box = window.compose.close_dialog
    assert isinstance(box, QMessageBox) and box.isVisible() and window.compose.composing
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    assert window.compose.composing  # 書き続ける
    qtbot.keyClick(composer.editor, Qt.Key.Key_Escape)
    box = window.compose.close_dialog
    close = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(window.compose.draft_saved, timeout=10000):
        close.click()
    assert not window.compose.composing


def test_composer_tab_order_is_top_to_bottom(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply(wait_review=False)
    _activate(qtbot, window)
    composer = window.compose.composer
    composer.to_edit.setFocus()
    order = [composer.to_edit]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [composer.to_edit, composer.cc_edit, composer.subject_edit, composer.editor]
