"""The window's status bar: counts, busy and sync progress, the outbox, the memory build.

Controllers say things through it (`say`, `busy`, `mail_error`); the widgets
are its own, built once in the order the window always had them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from ui.tasks import TaskFailure
from ui.wording.errors import error_text

log = logging.getLogger(__name__)


def _bar(parent: QWidget, name: str, width: int, height: int) -> QProgressBar:
    bar = QProgressBar(parent)
    if name:
        bar.setObjectName(name)
    bar.setMaximumWidth(width)
    bar.setMaximumHeight(height)
    return bar


class StatusLine:
    def __init__(self, bar: QStatusBar, parent: QWidget) -> None:
        self.bar = bar
        self.count_label = QLabel(parent)
        bar.addWidget(self.count_label)
        self.busy_label = QLabel(parent)
        self.busy_bar = _bar(parent, "", 120, 12)
        self.busy_bar.setRange(0, 0)  # indeterminate: we know neither total nor rate
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.outbox_button = QPushButton(parent)
        self.outbox_button.setObjectName("outboxStatus")
        self.outbox_button.setFlat(True)
        self.outbox_button.hide()
        self.sync_label = QLabel(parent)
        self.sync_bar = _bar(parent, "syncProgress", 160, 12)
        self.sync_bar.setTextVisible(False)
        self.sync_bar.hide()
        for widget in (self.outbox_button, self.sync_label, self.sync_bar, self.busy_label, self.busy_bar):
            bar.addPermanentWidget(widget)
        # The memory build: a real progress bar (we know the total) and a stop button.
        self.build_label = QLabel(parent)
        self.build_bar = _bar(parent, "buildProgress", 160, 14)
        self.build_stop = QPushButton(parent)
        self.build_stop.setObjectName("buildStop")
        for widget in (self.build_label, self.build_bar, self.build_stop):
            widget.hide()
            bar.addPermanentWidget(widget)
        self._count: int | None = None

    def say(self, text: str, ms: int = 0) -> None:
        self.bar.showMessage(text, ms)

    def busy(self, text: str) -> None:
        self.busy_label.setText(text)

    def set_running(self, running: int) -> None:
        self.busy_bar.setVisible(running > 0)

    def set_count(self, count: int | None) -> None:
        self._count = count
        if count is not None:
            self.count_label.setText(QCoreApplication.translate("MainWindow", "%n 件のメール", "", count))

    def mail_error(self, failure: TaskFailure) -> None:
        self.say(error_text(failure.error))
        self.busy("")
        log.warning("mail task failed:\n%s", failure.trace)

    def retranslate(self) -> None:
        self.build_stop.setText(QCoreApplication.translate("MainWindow", "停止"))
        self.build_label.setText(QCoreApplication.translate("MainWindow", "お客様の記録を作成中"))
        self.set_count(self._count)
