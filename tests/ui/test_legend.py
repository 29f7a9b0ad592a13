"""The reader's legend stays one line: in a narrow reader its grey-text note is shortened, never wrapped."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.reader import Legend

FULL = "灰色：引用・署名・定型のあいさつ"


def test_the_grey_note_is_whole_when_there_is_room_and_shortened_with_its_tooltip_when_not(qtbot: QtBot) -> None:
    legend = Legend()
    qtbot.addWidget(legend)
    legend.resize(900, 40)
    legend.show()
    qtbot.waitExposed(legend)
    qtbot.waitUntil(lambda: legend.dimmed.text() == FULL, timeout=3000)
    one_line = legend.sizeHint().height()

    legend.resize(420, 40)  # the reader beside the composer at 1024 px
    qtbot.waitUntil(lambda: legend.dimmed.text() != FULL, timeout=3000)
    shortened = legend.dimmed.text()
    assert shortened.endswith("…") and FULL.startswith(shortened[:-1])
    assert legend.dimmed.toolTip() == FULL
    assert legend.sizeHint().height() == one_line  # no second line

    legend.resize(900, 40)
    qtbot.waitUntil(lambda: legend.dimmed.text() == FULL, timeout=3000)
