"""「定型文にする」 in the window: from 送信済み's reader and from the customer panel's past replies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from app.context import Changes
from app.snippets import load_user_pack
from app.sources.base import FolderRole
from tests.ui.driver import on
from ui.main_window import MainWindow
from ui.models import Role


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The own pack is written under the data dir: a private one, so no other test sees the new snippet."""
    data = tmp_path / "data"
    monkeypatch.setenv("AIZUCHI_DATA_DIR", str(data))
    return data


def _open_sent_dress_reply(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r in range(win.folder_model.rowCount()) if win.folder_model.folder(r).role is FolderRole.SENT)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.mailbox.folder_view.setCurrentIndex(win.folder_model.index(row, 0))
    proxy = win.proxy
    reply = next(r for r in range(proxy.rowCount()) if "レースドレス" in proxy.index(r, 0).data(Role.HEADER).subject)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.MESSAGE), timeout=10000):
        win.message_view.selectRow(reply)


def _select(win: MainWindow, words_from: str, words_to: str) -> None:
    browser = win.reader.browser
    text = browser.toPlainText()
    start = text.index(words_from)
    end = text.index(words_to) + len(words_to)
    cursor = browser.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    browser.setTextCursor(cursor)


def test_a_passage_of_a_sent_reply_becomes_a_snippet(qtbot, window: MainWindow, own_data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _open_sent_dress_reply(qtbot, window)
    _select(window, "大学時代のご友人", "9号の在庫がございます。")
    menu = window.reader.context_menu_for(QPoint(5, 5))
    action = next(a for a in menu.actions() if a.objectName() == "makeSnippet")
    assert action.isEnabled()
    with qtbot.waitSignal(window.snippet_from_reply.dialog_opened, timeout=20000):
        action.trigger()
    dialog = window.snippet_from_reply.dialog
    assert dialog is not None
    text = dialog.text.toPlainText()
    for word in ("小野寺", "大学時代", "ご友人のご結婚", "ネイビー", "レースドレス", "D-2418", "9号"):
        assert word not in text, word
    assert not re.search(r"[0-9０-９]", text)
    assert text.startswith("{topic}、本当におめでとうございます。")
    assert "「大学時代のご友人のご結婚」→{topic}" in dialog.replaced.text()
    assert "このパソコンの定型文" in dialog.where.text() and "レースドレス" in dialog.where.text()
    # An unknown placeholder typed by hand: a clear error, the dialog stays open with the text.
    dialog.text.setPlainText(text + "{shop}")
    dialog.save_button.click()
    assert dialog.isVisible() and "{shop}" in dialog.error.text()
    dialog.text.setPlainText(text)
    with qtbot.waitSignal(window.snippet_from_reply.saved, timeout=10000):
        dialog.save_button.click()
    own = load_user_pack(own_data_dir / "snippets.toml").snippets
    assert [s.text for s in own] == [text]
    assert "レースドレス" in own[0].made_from
    # The composer offers it from now on.
    assert any(s.text == text for s in window.compose.pack.snippets)


def test_not_offered_on_a_customer_mail(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    proxy = window.proxy
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MESSAGE), timeout=10000):
        window.message_view.selectRow(0)
    window.reader.browser.selectAll()
    menu = window.reader.context_menu_for(QPoint(5, 5))
    assert not any(a.objectName() == "makeSnippet" for a in menu.actions())
    assert proxy.rowCount() > 0


def test_from_the_customer_panels_past_replies(qtbot, memory_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = memory_window
    proxy = window.proxy
    # 森本さん's thank-you mail: the panel lists our two earlier replies about the cake.
    row = next(r for r in range(proxy.rowCount()) if "お礼" in proxy.index(r, 0).data(Role.HEADER).subject
               and "森本" in proxy.index(r, 0).data(Role.HEADER).sender.name)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.PROFILE), timeout=20000):
        window.message_view.selectRow(row)
    replies = window.customer_panel.replies
    item = next(replies.item(i) for i in range(replies.count())
                if replies.item(i).data(0x0100) is not None)
    menu = window.snippet_from_reply.reply_menu_for(item)
    action = next(a for a in menu.actions() if a.objectName() == "makeSnippetFromPastReply")
    with qtbot.waitSignal(window.snippet_from_reply.dialog_opened, timeout=20000):
        action.trigger()
    text = window.snippet_from_reply.dialog.text.toPlainText()
    assert text.startswith("{customer}様")
    for word in ("森本", "健一", "小林", "ノエル", "────", "> "):
        assert word not in text, word
    assert "{product}" in text
    window.snippet_from_reply.dialog.reject()
