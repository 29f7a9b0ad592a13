"""The window's status bar: counts, busy and sync progress, the outbox, the memory build.

Controllers say things through it (`say`, `busy`, `mail_error`); the widgets
are its own, built once in the order the window always had them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from ui.tasks import ANALYSIS, DB, TaskFailure, TaskRunner, waiting
from ui.wording.errors import error_text

log = logging.getLogger(__name__)


def _bar(parent: QWidget, name: str, width: int, height: int) -> QProgressBar:
    bar = QProgressBar(parent)
    if name:
        bar.setObjectName(name)
    bar.setMaximumWidth(width)
    bar.setMaximumHeight(height)
    return bar


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar, parent: QWidget, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.runner = runner
        self._lane_words = False  # the busy label holds set_running's words, not a controller's
        self._busy_source: tuple[str, str] | None = None  # busy_words' sentence, for a language change
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
        # The count is in the label beside it: text drawn in a 14-px bar overlapped itself.
        self.build_bar.setTextVisible(False)
        self.build_stop = QPushButton(parent)
        self.build_stop.setObjectName("buildStop")
        for widget in (self.build_label, self.build_bar, self.build_stop):
            widget.hide()
            bar.addPermanentWidget(widget)
        self._count: int | None = None

    def say(self, text: str, ms: int = 0) -> None:
        self.bar.showMessage(text, ms)

    def busy(self, text: str) -> None:
        self._lane_words = False
        self._busy_source = None
        self.busy_label.setText(text)

    def busy_words(self, context: str, source: str) -> None:
        """`busy` with a sentence marked by QT_TRANSLATE_NOOP(context, source): said again in the new
        language when the language changes (a finished 「解析が完了しました」 stayed Japanese)."""
        self.busy(QCoreApplication.translate(context, source))
        self._busy_source = (context, source)

    def set_running(self, running: int) -> None:
        """The busy bar, never without words: a controller's, or what the running lanes do.

        The memory build has its own bar with its count: while only its lanes run, this one stays
        hidden (one indicator for one build)."""
        lanes = self._working_lanes()
        if running and self.build_bar.isVisibleTo(self.bar) and lanes and all(
                lane.startswith("memory") for lane in lanes):
            running = 0
        if not lanes:  # only an account's IDLE, waiting for new mail: nothing is being done
            running = 0
        self.busy_bar.setVisible(running > 0)
        if running and (self._lane_words or not self.busy_label.text()):
            self.busy_label.setText(self._lanes_text())
            self._lane_words = True
        elif not running and self._lane_words:
            self.busy_label.setText("")
            self._lane_words = False

    def _working_lanes(self) -> set[str]:
        """The lanes with a task doing something: an IMAP account's IDLE only waits for new mail
        (the bar ran for ever beside an IMAP account, saying it talked with the server)."""
        lanes = self.runner.lanes() if self.runner is not None else set()
        return {lane for lane in lanes if not waiting(lane)}

    def _lanes_text(self) -> str:
        lanes = self._working_lanes()
        if "mail:local" in lanes:
            return self.tr("メールを読み込んでいます…")
        if any(lane.startswith("mail:") and lane != "mail:outbox" for lane in lanes):
            return self.tr("メールサーバーと通信しています…")
        if ANALYSIS in lanes:
            return self.tr("解析の準備をしています…")
        if any(lane.startswith("memory") for lane in lanes):
            return self.tr("お客様の記録を準備しています…")
        if "mail:outbox" in lanes:
            return self.tr("送信トレイを確認しています…")
        if DB in lanes:
            return self.tr("メールの一覧を保存しています…")
        return self.tr("処理しています…")

    def set_count(self, count: int | None) -> None:
        self._count = count
        if count is not None:
            # self.tr with a count: lupdate marks it numerus (one mail, 28 mails); translate() it does not.
            self.count_label.setText(self.tr("%n 件のメール", "", count))

    def mail_error(self, failure: TaskFailure) -> None:
        self.say(error_text(failure.error))
        self.busy("")
        log.warning("mail task failed:\n%s", failure.trace)

    def retranslate(self) -> None:
        if self._busy_source is not None:
            self.busy_words(*self._busy_source)
        elif self._lane_words:
            self.busy_label.setText(self._lanes_text())
        self.build_stop.setText(QCoreApplication.translate("MainWindow", "停止"))
        self.build_label.setText(QCoreApplication.translate("MainWindow", "お客様の記録を作成中"))
        self.set_count(self._count)
