"""Search says one thing at a time: one count, and a hint that fits the state (QA run, item 3)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.context import Changes
from tests.ui.driver import Driver, on
from ui.main_window import MainWindow
from ui.models import Role


def _type(qtbot: QtBot, win: MainWindow, text: str) -> None:
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=10000):
        win.search.setText(text)


def _search(qtbot: QtBot, win: MainWindow, text: str) -> None:
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.SEARCH), timeout=20000):
        win.memory.run_search(text)


def test_search_results_show_one_count_and_the_folder_count_comes_back(
    qtbot: QtBot, memory_window: MainWindow
) -> None:
    win = memory_window
    _type(qtbot, win, "ケーキ")
    assert win.filter_label.isVisibleTo(win) and "一致" in win.filter_label.text()  # the folder's subjects
    _search(qtbot, win, "ケーキ")
    summary = win.search_panel.summary.text()
    assert "メール" in summary and "お客様の記録" in summary
    # The folder filter's 「一致: 5 件」 would count another list than the one shown.
    assert not win.filter_label.isVisibleTo(win)
    win.memory.close_search()
    qtbot.waitUntil(lambda: win.filter_label.isVisibleTo(win), timeout=5000)
    assert "一致" in win.filter_label.text()


def test_nothing_found_says_so_without_asking_for_enter_again(qtbot: QtBot, memory_window: MainWindow) -> None:
    win = memory_window
    _type(qtbot, win, "ホゲホゲ")
    assert "Enter" in win.filter_label.text()  # before Enter: the hint to search the bodies fits
    _search(qtbot, win, "ホゲホゲ")
    assert not win.filter_label.isVisibleTo(win)
    summary = win.search_panel.summary.text()
    assert "見つかりませんでした" in summary and "0 件" not in summary
    assert "Enter" not in summary


def test_results_wrap_whole_at_1024(qtbot: QtBot, memory_window: MainWindow) -> None:
    """At 1024×700 the records' rows were laid out wider than the view: their ends cut off with
    "…", a blank band under them and a sideways scroll bar (walkthrough). Every row now wraps at the
    width shown and is as tall as its wrapped text."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    win = memory_window
    win.resize(1024, 700)
    qtbot.waitUntil(lambda: win.width() == 1024)
    Driver(qtbot, win).search("ケーキ")
    view = win.search_panel.results
    model = win.search_panel.model
    assert model.rowCount() > 6
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible())
    width = view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    metrics = QFontMetrics(view.font())
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        view.scrollTo(index)
        rect = view.visualRect(index)
        needed = metrics.boundingRect(QRect(0, 0, width - 8, 1 << 20), int(Qt.TextFlag.TextWordWrap),
                                      str(index.data())).height()
        assert rect.width() <= width and rect.height() >= needed, (row, rect, width, needed)


def test_the_search_boxs_hint_fits_at_1024_in_both_languages(qtbot: QtBot, window: MainWindow) -> None:
    """At 1024×700 the hint was cut off (「…日付（2024年3月）を検索 (Ctr…」); its whole text is the tooltip."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from ui.i18n import Translations

    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    box = window.search
    try:
        for language in ("ja", "en"):
            assert translations.apply(language)
            qtbot.waitUntil(lambda: box.placeholderText() != "")
            needed = QFontMetrics(box.font()).horizontalAdvance(box.placeholderText())
            room = box.contentsRect().width() - 40  # the text margins and the clear button
            assert needed <= room, (language, needed, room, box.placeholderText())
            assert "2024" in box.toolTip()
    finally:
        translations.apply("ja")


def test_choosing_a_folder_leaves_the_search_results(qtbot: QtBot, memory_window: MainWindow) -> None:
    """Walk (uiI): a search shown, then the agent picks another folder — the results stayed in the
    list's place under the new folder's name, reading as its mail. Now the folder's list shows."""
    from app.sources.base import FolderRole

    win = memory_window
    _search(qtbot, win, "ケーキ")
    assert win.mailbox.list_stack.currentWidget() is win.search_panel
    sent = next(r for r in range(win.mailbox.folder_model.rowCount())
                if win.mailbox.folder_model.index(r, 0).data(Role.FOLDER).role is FolderRole.SENT)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.mailbox.folder_view.setCurrentIndex(win.mailbox.folder_model.index(sent, 0))
    assert win.mailbox.list_stack.currentWidget() is win.mailbox.message_view
    assert win.search_panel.query == ""


def test_a_search_hit_in_another_folder_keeps_the_results(qtbot: QtBot, memory_window: MainWindow) -> None:
    from app.sources.base import FolderRole

    win = memory_window
    _search(qtbot, win, "春の新作")
    model = win.search_panel.model
    shown = win.mailbox.current_folder
    assert shown is not None and shown.role is FolderRole.INBOX
    hit = next((model.hit(r) for r in range(model.rowCount())
                if getattr(model.hit(r), "folder_id", shown.id) != shown.id), None)
    assert hit is not None, "the demo's sent reply about 春の新作 should be found"
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.MESSAGE), timeout=10000):
        win.search_panel.hit_activated.emit(hit)
    assert win.reader.message is not None and "春の新作" in win.reader.message.subject
    assert win.mailbox.list_stack.currentWidget() is win.search_panel  # still browsing the results
