"""Issue 16 (11): the smaller things a new user meets in the first ten minutes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.model import HighlightKind, Message
from tests.ui.driver import on
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.models import Role


def _topics(win: MainWindow) -> list[object]:
    model = win.insight_panel.model
    return [model.group_index(kind).data(Role.TOPIC) for kind in HighlightKind]


def test_nothing_is_said_not_found_before_a_mail_is_analysed(
    qtbot: QtBot, window: MainWindow, dress_subject: str
) -> None:
    assert _topics(window) == [None, None, None]  # no mail chosen yet
    proxy = window.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(Role.HEADER).subject == dress_subject)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MESSAGE), timeout=20000):
        window.message_view.selectRow(row)
    if window.insight.current is None:  # still analysing
        assert _topics(window) == [None, None, None]
    qtbot.waitUntil(lambda: window.insight.current is not None, timeout=20000)
    # The dress mail has disclosures and requests; its worries group may say 見つかりませんでした now.
    assert window.insight_panel.model.rowCount(window.insight_panel.model.group_index(HighlightKind.REQUEST)) > 0


def test_our_own_sent_mail_is_not_analysed_as_a_customers(qtbot: QtBot, window: MainWindow) -> None:
    sent_row = next(r for r in range(window.folder_model.rowCount())
                    if window.folder_model.index(r, 0).data() == "送信済み")
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        window.mailbox.folder_view.setCurrentIndex(window.folder_model.index(sent_row, 0))
    assert window.proxy.rowCount() > 0
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MESSAGE), timeout=20000):
        window.message_view.selectRow(0)
    qtbot.wait(300)
    assert window.insight.current is None  # no analysis ran
    assert "こちらから送ったメール" in window.insight_panel.hint.text()
    assert "こちらから送ったメール" in window.customer_panel.status.text()
    assert "通目" not in window.customer_panel.status.text()


def test_show_images_offline_says_why_nothing_came(qtbot: QtBot, window: MainWindow, html_mail: Message) -> None:
    proxy = window.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(Role.HEADER).subject == html_mail.subject)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MESSAGE), timeout=20000):
        window.message_view.selectRow(row)
    with qtbot.waitSignal(window.mailbox.images.batch_done, timeout=10000):
        qtbot.mouseClick(window.reader.show_images_button, Qt.MouseButton.LeftButton)
    assert not window.reader.image_banner.isHidden()
    assert "画像を読み込めませんでした" in window.reader.image_banner.label.text()


def test_search_wording_follows_the_language_at_once(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.LIST), timeout=10000):
        window.search.setText("ドレス")
    assert "一致" in window.filter_label.text()
    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    try:
        assert translations.apply("en")
        qtbot.waitUntil(lambda: window.view_menu.title() == "&View", timeout=5000)
        assert "matches" in window.filter_label.text()
        assert window.find_action.text() == "&Find"
    finally:
        translations.apply("ja")
    qtbot.waitUntil(lambda: window.view_menu.title() == "表示(&V)", timeout=5000)


def test_view_and_help_menus_hold_more_than_one_item(window: MainWindow) -> None:
    assert len([a for a in window.view_menu.actions() if not a.isSeparator()]) >= 2
    assert len([a for a in window.help_menu.actions() if not a.isSeparator()]) >= 2
