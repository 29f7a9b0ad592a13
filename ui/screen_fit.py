"""Dialogs sized to the screen they open on.

A dialog asks for the size it reads best at, and gets at most `SHARE` of the screen's available
geometry (the rest is the window manager's title bar and a margin): on 1024×700 at 125 % scaling
(819×560 logical pixels) a 900×600 dialog opens at 737×504, its tables and forms scrolling inside.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

SHARE = 0.9


def available(widget: QWidget) -> QSize:
    """`SHARE` of the available geometry of the screen `widget` (or its parent) is on."""
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return QSize(int(area.width() * SHARE), int(area.height() * SHARE))


def fit_dialog(dialog: QWidget, preferred: QSize) -> None:
    """Resize `dialog` to `preferred`, or to what the screen has room for when that is less."""
    room = available(dialog)
    dialog.resize(preferred.boundedTo(room))


def scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    """`content` inside a frameless scroll area: a form taller than the screen scrolls, its buttons stay."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
