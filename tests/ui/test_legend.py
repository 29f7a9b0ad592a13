"""The reader's legend: one line when there is room; in a narrow reader its labels go on to more lines,
each whole, and it never asks for more width than its widest chip."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.reader import Legend

FULL = "灰色：引用・署名・定型のあいさつ"


def _whole(legend: Legend) -> bool:
    labels = [*legend.chips.values(), legend.dimmed]
    return all(label.text() and label.width() >= label.minimumSizeHint().width()
               and label.height() >= (label.heightForWidth(label.width()) if label.wordWrap() else 0)
               and legend.rect().contains(label.geometry()) for label in labels)


def test_the_labels_wrap_whole_in_a_narrow_reader_and_stay_on_one_line_when_there_is_room(qtbot: QtBot) -> None:
    legend = Legend()
    qtbot.addWidget(legend)
    legend.resize(900, legend.heightForWidth(900))
    legend.show()
    qtbot.waitExposed(legend)
    one_line = legend.heightForWidth(900)
    assert legend.dimmed.text() == FULL
    assert len({label.y() for label in legend.findChildren(QLabel)}) == 1
    assert _whole(legend)

    narrow = 240  # the reader beside the composer at 1024×700 with 125 % scaling
    assert legend.minimumSizeHint().width() <= narrow
    legend.resize(narrow, legend.heightForWidth(narrow))
    qtbot.waitUntil(lambda: legend.chips[next(iter(legend.chips))].y() != legend.dimmed.y(), timeout=3000)
    assert legend.heightForWidth(narrow) > one_line
    assert legend.dimmed.text() == FULL
    assert _whole(legend)
