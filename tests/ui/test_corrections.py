"""Explainable and correctable highlights in the window.

The panel shows links (a request's worry beneath it), topics and reasons (the
cue, in the tooltip); the agent dismisses a wrong highlight from the panel and
marks missed words from the reader; both are kept in the store and applied each
time the mail is shown, in this window and in a new one on the same store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.model import CueKind, HighlightKind, cue_parts
from app.settings import load_settings
from tests.ui.driver import Driver, on
from ui.main_window import MainWindow
from ui.models import Role
from ui.textmap import OffsetMap

# Words of the dress mail the analyser does not highlight (what she will do if it is late), for the
# agent to mark. (Her size habit, 普段9号を着ています, was used here until the analyser learnt 普段.)
MARKED = "もし難しいようでしたら今回は諦めます"


def _window(qtbot: QtBot, demo: Path, tmp_path: Path, name: str) -> MainWindow:
    settings = load_settings(tmp_path / f"{name}.json")
    qsettings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo, settings, qsettings, db_path=tmp_path / "store.sqlite3")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    return win


@pytest.fixture
def windows(qtbot: QtBot, demo_copy: Path, tmp_path: Path) -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for win in made:
        win.runner.wait_all(5000)
        win.db.close()



def _spans(win: MainWindow) -> set[tuple[HighlightKind, str]]:
    assert win.mailbox.current is not None and win.insight.current is not None
    body = win.mailbox.current.message.body
    return {(h.kind, body[h.start : h.end]) for h in win.insight.current.highlights}


def _panel_texts(win: MainWindow, kind: HighlightKind) -> list[str]:
    model = win.insight_panel.model
    return [model.text_of(i.data(Role.HIGHLIGHT)) for i in model.highlight_indexes(kind)]


def test_panel_shows_links_topics_and_reasons(qtbot: QtBot, windows, demo_copy: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              dress_subject: str) -> None:
    win = _window(qtbot, demo_copy, tmp_path, "a")
    windows.append(win)
    Driver(qtbot, win).open(dress_subject)
    model = win.insight_panel.model
    requests = model.highlight_indexes(HighlightKind.REQUEST)
    # Links: a request lists the worry that motivates it beneath it.
    linked = [r for r in requests if model.rowCount(r)]
    assert linked, "no request shows its worry"
    child = model.index(0, 0, linked[0])
    assert child.data(Role.HIGHLIGHT).kind is HighlightKind.WORRY
    assert child.data(Role.TOPIC).startswith("関連するご不安")
    # Topics and reasons on every item.
    for kind in HighlightKind:
        for index in model.highlight_indexes(kind):
            assert index.data(Role.TOPIC)
            assert cue_parts(index.data(Role.CUE))[0] is not None
            assert "判断の手がかり: " in index.data(Qt.ItemDataRole.ToolTipRole)
    question = next(i for i in requests if cue_parts(i.data(Role.CUE))[0] is CueKind.QUESTION)
    assert "問いかけ「〜" in question.data(Qt.ItemDataRole.ToolTipRole)


def test_dismiss_and_mark_persist_for_the_mail(qtbot: QtBot, windows, demo_copy: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               dress_subject: str) -> None:
    win = _window(qtbot, demo_copy, tmp_path, "a")
    windows.append(win)
    Driver(qtbot, win).open(dress_subject)
    assert win.mailbox.current is not None
    body = win.mailbox.current.message.body
    before = _spans(win)
    assert (HighlightKind.DISCLOSURE, MARKED) not in before

    # Dismiss the last request from its context menu in the panel.
    panel = win.insight_panel
    index = panel.model.highlight_indexes(HighlightKind.REQUEST)[-1]
    dismissed = index.data(Role.HIGHLIGHT)
    dismissed_text = body[dismissed.start : dismissed.end]
    menu = panel.context_menu_for(index)
    assert menu is not None
    action = next(a for a in menu.actions() if a.objectName() == "dismissHighlight")
    assert action.text() == "この指摘を外す"
    assert panel.context_menu_for(panel.model.group_index(HighlightKind.REQUEST)) is None  # not on a group
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.CORRECTIONS), timeout=10000):
        action.trigger()
    assert (HighlightKind.REQUEST, dismissed_text) not in _spans(win)
    assert dismissed_text not in _panel_texts(win, HighlightKind.REQUEST)
    # The reader dropped its colour too.
    mapping = OffsetMap(body)
    cursor = win.reader.browser.textCursor()
    cursor.setPosition(mapping.to_doc(dismissed.start) + 1)
    from ui import style
    assert cursor.charFormat().background().color() != style.HIGHLIGHT_BG[HighlightKind.REQUEST]

    # Mark a missed sentence: select it in the reader, then 「自己開示として追加」.
    start = body.index(MARKED)
    cursor = QTextCursor(win.reader.browser.document())
    cursor.setPosition(mapping.to_doc(start))
    cursor.setPosition(mapping.to_doc(start + len(MARKED)), QTextCursor.MoveMode.KeepAnchor)
    win.reader.browser.setTextCursor(cursor)
    menu = win.reader.context_menu_for(QPoint(5, 5))
    actions = {a.objectName(): a for a in menu.actions()}
    assert actions["markDisclosure"].text() == "自己開示として追加"
    assert actions["markRequest"].text() == "ご要望として追加"
    assert actions["markWorry"].text() == "ご不安として追加"
    assert actions["markDisclosure"].isEnabled()
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.CORRECTIONS), timeout=10000):
        actions["markDisclosure"].trigger()
    assert (HighlightKind.DISCLOSURE, MARKED) in _spans(win)
    assert MARKED in _panel_texts(win, HighlightKind.DISCLOSURE)
    marked_index = next(i for i in panel.model.highlight_indexes(HighlightKind.DISCLOSURE)
                        if panel.model.text_of(i.data(Role.HIGHLIGHT)) == MARKED)
    assert marked_index.data(Qt.ItemDataRole.ToolTipRole).endswith("あなたが追加した項目です")
    after = _spans(win)

    # Another mail, then back: both corrections are applied again.
    other = next(win.proxy.index(r, 0).data(Role.HEADER).subject for r in range(win.proxy.rowCount())
                 if win.proxy.index(r, 0).data(Role.HEADER).subject != dress_subject)
    Driver(qtbot, win).open(other)
    assert (HighlightKind.DISCLOSURE, MARKED) not in _spans(win)
    Driver(qtbot, win).open(dress_subject)
    assert _spans(win) == after

    # A new window on the same store (as after a restart) shows the corrected mail.
    again = _window(qtbot, demo_copy, tmp_path, "b")
    windows.append(again)
    Driver(qtbot, again).open(dress_subject)
    assert _spans(again) == after
    assert MARKED in _panel_texts(again, HighlightKind.DISCLOSURE)
    assert dismissed_text not in _panel_texts(again, HighlightKind.REQUEST)


def test_mark_actions_are_disabled_without_a_selection(qtbot: QtBot, windows, demo_copy: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      dress_subject: str) -> None:
    win = _window(qtbot, demo_copy, tmp_path, "a")
    windows.append(win)
    Driver(qtbot, win).open(dress_subject)
    menu = win.reader.context_menu_for(QPoint(5, 5))
    marks = [a for a in menu.actions() if a.objectName().startswith("mark")]
    assert len(marks) == 3 and not any(a.isEnabled() for a in marks)
