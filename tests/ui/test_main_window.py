"""The window on the demo mailbox: list, reader, insight panel, images, read state, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.model import HighlightKind, Message
from app.sources import open_source
from tests.ui.driver import Driver, on
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.models import Column, Role
from ui.textmap import OffsetMap


def test_list_is_newest_first_with_three_columns(window: MainWindow) -> None:
    proxy = window.proxy
    assert proxy.rowCount() > 1
    assert [proxy.headerData(c, Qt.Orientation.Horizontal) for c in Column] == ["差出人", "件名", "日時"]
    stamps = [proxy.index(r, Column.DATE).data(Role.SORT) for r in range(proxy.rowCount())]
    assert stamps == sorted(stamps, reverse=True)
    folders = [window.folder_model.index(r, 0).data() for r in range(window.folder_model.rowCount())]
    assert any(f.startswith("受信トレイ") for f in folders)
    assert "送信済み" in folders


def test_party_dress_mail_is_analysed(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    Driver(qtbot, window).open(dress_subject)
    opened = window.mailbox.current
    assert opened is not None and opened.message.subject == dress_subject
    body = opened.message.body
    model = window.insight_panel.model
    by_kind = {kind: model.highlight_indexes(kind) for kind in HighlightKind}
    assert by_kind[HighlightKind.DISCLOSURE], "no disclosure listed"
    assert by_kind[HighlightKind.REQUEST], "no request listed"
    for indexes in by_kind.values():
        for index in indexes:
            highlight = index.data(Role.HIGHLIGHT)
            # The panel shows exactly the slice of the body the analyser marked, then why.
            tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
            assert tooltip.startswith(body[highlight.start : highlight.end] + "\n\n判断の手がかり: ")
            assert body[highlight.start : highlight.end].strip()
    disclosures = [
        body[i.data(Role.HIGHLIGHT).start : i.data(Role.HIGHLIGHT).end] + i.data(Role.HIGHLIGHT).topic
        for i in by_kind[HighlightKind.DISCLOSURE]
    ]
    assert any(word in text for text in disclosures for word in ("パーティ", "連休")), disclosures


def test_clicking_a_request_moves_the_reader_to_it(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    Driver(qtbot, window).open(dress_subject)
    assert window.mailbox.current is not None
    body = window.mailbox.current.message.body
    view = window.insight_panel.view
    index = window.insight_panel.model.highlight_indexes(HighlightKind.REQUEST)[-1]
    highlight = index.data(Role.HIGHLIGHT)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid()
    window.reader.browser.moveCursor(window.reader.browser.textCursor().MoveOperation.End)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = window.reader.browser.textCursor()
    assert cursor.position() == OffsetMap(body).to_doc(highlight.start)
    # The flash covers exactly the highlight.
    flash = window.reader.browser.extraSelections()
    assert len(flash) == 1
    assert flash[0].cursor.selectedText() == body[highlight.start : highlight.end].replace("\n", "\u2029")


def test_highlights_are_coloured_in_the_reader(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    from ui import style

    Driver(qtbot, window).open(dress_subject)
    insight = window.insight.current
    assert insight is not None and window.mailbox.current is not None
    mapping = OffsetMap(window.mailbox.current.message.body)
    document = window.reader.browser.document()
    for highlight in insight.highlights:
        cursor = window.reader.browser.textCursor()
        cursor.setPosition(mapping.to_doc(highlight.start) + 1)  # format of the first character
        assert cursor.charFormat().background().color() == style.HIGHLIGHT_BG[highlight.kind]
    assert document.toPlainText() == window.mailbox.current.message.body.replace("\r\n", "\n")


def test_html_mail_blocks_remote_images_until_asked(qtbot: QtBot, window: MainWindow, html_mail: Message) -> None:
    subject = html_mail.subject
    Driver(qtbot, window).open_row(Driver(qtbot, window).row(lambda h: h.subject == subject), Changes.MESSAGE)
    reader = window.reader
    assert not reader.image_banner.isHidden()
    assert reader.show_images_button.text() == "画像を表示"
    url = html_mail.remote_images[0]
    assert url not in reader.browser.toHtml()
    qtbot.mouseClick(reader.show_images_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.images_shown, timeout=10000)
    assert url in reader.browser.toHtml()
    # The blocking note goes; offline (as the tests run) the banner says the images could not come.
    assert reader.image_banner.isHidden() or "画像を読み込めませんでした" in reader.image_banner.label.text()


def test_always_show_images_is_remembered_for_the_sender(qtbot: QtBot, window: MainWindow, html_mail: Message) -> None:
    mail = html_mail
    Driver(qtbot, window).open_row(Driver(qtbot, window).row(lambda h: h.subject == mail.subject), Changes.MESSAGE)
    assert not window.settings.remote_images_allowed(mail.sender.email)
    qtbot.mouseClick(window.reader.always_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reader.images_shown, timeout=10000)
    assert window.settings.remote_images_allowed(mail.sender.email)


def test_opening_an_unread_mail_marks_it_read(qtbot: QtBot, window: MainWindow, demo_copy: Path) -> None:
    row = Driver(qtbot, window).row(lambda h: not h.seen)
    index = window.proxy.index(row, Column.SUBJECT)
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    ref = index.data(Role.HEADER).ref
    Driver(qtbot, window).open_row(row, Changes.MESSAGE)
    qtbot.waitUntil(lambda: window.proxy.index(row, Column.SUBJECT).data(Role.SEEN) is True, timeout=10000)
    font = window.proxy.index(row, Column.SUBJECT).data(Qt.ItemDataRole.FontRole)
    assert font is None or not font.bold()
    # And the source knows: a fresh listing says it is seen.
    source = open_source(demo_copy)
    inbox = next(f for f in source.folders() if f.id == ref.folder_id)
    assert next(h for h in source.headers(inbox) if h.ref == ref).seen


def test_search_filters_with_japanese_input(qtbot: QtBot, window: MainWindow) -> None:
    total = window.proxy.rowCount()
    expected = sum(
        1 for r in range(total)
        if "ドレス" in window.proxy.index(r, Column.SUBJECT).data() or "ドレス" in window.proxy.index(r, 0).data()
    )
    event = QInputMethodEvent()
    event.setCommitString("ドレス")
    window.search.setFocus()
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.LIST), timeout=10000):
        QApplication.sendEvent(window.search, event)
    assert window.search.text() == "ドレス"
    assert window.proxy.rowCount() == expected
    assert 0 < expected < total


def test_language_switch_retranslates_live(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    assert window.view_menu.title() == "表示(&V)"
    try:
        assert translations.apply("en")
        # Qt posts LanguageChange; the window re-words itself when it arrives.
        qtbot.waitUntil(lambda: window.view_menu.title() == "&View", timeout=5000)
        assert window.proxy.headerData(Column.SUBJECT, Qt.Orientation.Horizontal) == "Subject"
        assert window.folder_model.index(0, 0).data().startswith("Inbox")
        assert window.reader.legend.chips[HighlightKind.REQUEST].text() == "Requests & questions"
    finally:
        translations.apply("ja")
    qtbot.waitUntil(lambda: window.view_menu.title() == "表示(&V)", timeout=5000)
    assert window.folder_model.index(0, 0).data().startswith("受信トレイ")


def test_language_menu_saves_the_choice(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.language_chosen) as blocker:
        window.language_actions["en"].trigger()
    assert blocker.args == ["en"]
    assert window.settings.language == "en"


def test_geometry_and_splitters_are_remembered(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(720, 520)
    window.main_splitter.setSizes([150, 350, 220])
    sizes = window.main_splitter.sizes()
    window.close()
    again = MainWindow(window.mailbox_path, window.settings, window.qsettings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == window.size()
    assert again.main_splitter.sizes() == sizes
    again.close()


@pytest.mark.parametrize("which", ["folders", "messages", "insight", "insight_empty"])
def test_models_pass_the_model_tester(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qtmodeltester, window: MainWindow, which: str, dress_subject: str
) -> None:
    if which == "folders":
        qtmodeltester.check(window.folder_model)
    elif which == "messages":
        qtmodeltester.check(window.message_model)
        qtmodeltester.check(window.proxy)
    elif which == "insight":
        Driver(qtbot, window).open(dress_subject)
        qtmodeltester.check(window.insight_panel.model)
    else:
        window.insight_panel.clear()
        qtmodeltester.check(window.insight_panel.model)
    assert QModelIndex().isValid() is False
