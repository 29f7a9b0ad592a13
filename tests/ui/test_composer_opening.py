"""Issue 16 (6): the composer opens at the greeting with the caret in view, greeting fitted to the customer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.settings import load_settings
from ui.main_window import MainWindow
from ui.models import Role


def _open_subject(qtbot, win: MainWindow, subject: str, signal_name: str = "insight_shown") -> None:  # type: ignore[no-untyped-def]
    proxy = win.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(Role.HEADER).subject == subject)
    with qtbot.waitSignal(getattr(win, signal_name), timeout=30000):
        win.message_view.selectRow(row)


def test_caret_after_the_greeting_is_in_view(qtbot, window: MainWindow, dress_subject: str) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 700)
    _open_subject(qtbot, window, dress_subject)
    with qtbot.waitSignal(window.compose.opened, timeout=10000):
        window.compose.reply_action.trigger()
    editor = window.compose.composer.editor
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() > 0, timeout=5000)  # the quote makes it scroll
    qtbot.wait(50)
    text = editor.toPlainText()
    caret = editor.textCursor().position()
    assert text[:caret].rstrip().endswith("と申します。")  # right after the shop's greeting
    viewport = editor.viewport().rect()
    assert viewport.contains(editor.cursorRect().center())
    assert editor.verticalScrollBar().value() == 0  # 「〇〇様」 at the top is in view too


@pytest.fixture
def memory_window(qtbot, demo_copy: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings = load_settings(tmp_path / "settings.json")
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_copy, settings, qsettings, db_path=tmp_path / "aizuchi.sqlite3")
    qtbot.addWidget(win)
    with qtbot.waitSignals([win.headers_loaded, win.memory_built], timeout=60000):
        win.show()
    yield win
    win.stop_build()
    win.runner.wait_all(5000)


def test_a_regular_customer_is_not_introduced_to_the_shop_again(qtbot, memory_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = memory_window
    subject = next(win.proxy.index(r, 0).data(Role.HEADER).subject for r in range(win.proxy.rowCount())
                   if "今年もクリスマスケーキ" in win.proxy.index(r, 0).data(Role.HEADER).subject)
    _open_subject(qtbot, win, subject, "profile_shown")
    profile = win.customer_panel.profile
    assert profile is not None and profile.mail_count >= 3
    with qtbot.waitSignal(win.compose.opened, timeout=10000):
        win.compose.reply_action.trigger()
    own = win.compose.composer.text().split("\n>")[0]
    assert "と申します" not in own
    assert "いつも洋菓子工房 こむぎをご利用いただき" in own
