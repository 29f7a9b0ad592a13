"""The status line says what its busy bar is doing, and English leaves no Japanese behind (QA run, items 6 and 8)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from app.settings import load_settings
from ui.controllers.status import StatusLine
from ui.i18n import Translations
from ui.service_hours_dialog import ServiceHoursDialog
from ui.tasks import ANALYSIS, DB, TaskRunner


@pytest.fixture
def english() -> Iterator[None]:
    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    assert translations.apply("en")
    yield
    translations.apply("ja")


def test_the_busy_bar_never_runs_without_words(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(window)
    status = StatusLine(window.statusBar(), window, runner)
    runner.busy_changed.connect(status.set_running)
    window.show()
    release = threading.Event()
    runner.submit(ANALYSIS, lambda: release.wait(10))  # the analyser loading its dictionary at start
    try:
        assert status.busy_bar.isVisibleTo(window)
        assert status.busy_label.text() == "解析の準備をしています…"
    finally:
        release.set()
    qtbot.waitUntil(lambda: not status.busy_bar.isVisibleTo(window), timeout=5000)
    assert status.busy_label.text() == ""  # its own words go with it
    # A controller's own words win over the lane's, and stay after the work (「解析が完了しました」).
    status.busy("メールを読み込んでいます…")
    runner.submit(ANALYSIS, lambda: None)
    assert status.busy_label.text() == "メールを読み込んでいます…"
    runner.wait_all(5000)
    qtbot.waitUntil(lambda: runner.running == 0, timeout=5000)
    assert status.busy_label.text() == "メールを読み込んでいます…"


def test_an_accounts_idle_wait_is_no_busy_bar(qtbot: QtBot) -> None:
    """IMAP IDLE waits on its lane for new mail as long as the window is open: the bar ran for ever
    saying 「メールサーバーと通信しています…」 (walkthrough with an IMAP account)."""
    from ui.tasks import idle_lane, mail_lane

    window = QMainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(window)
    status = StatusLine(window.statusBar(), window, runner)
    runner.busy_changed.connect(status.set_running)
    window.show()
    idle, work = threading.Event(), threading.Event()
    runner.submit(idle_lane("shop"), lambda: idle.wait(10))
    try:
        assert not status.busy_bar.isVisibleTo(window) and status.busy_label.text() == ""
        runner.submit(mail_lane("shop"), lambda: work.wait(10))  # a sync: that is work, said
        assert status.busy_bar.isVisibleTo(window)
        assert status.busy_label.text() == "メールサーバーと通信しています…"
        work.set()
        qtbot.waitUntil(lambda: not status.busy_bar.isVisibleTo(window), timeout=5000)
        runner.submit(DB, lambda: work.wait(10) and False)  # the db lane beside the wait: its own words
        assert status.busy_label.text() == "メールの一覧を保存しています…"
    finally:
        idle.set()
        work.set()
    runner.wait_all(5000)


def test_the_mail_count_has_an_english_plural(qtbot: QtBot, english: None) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    status = StatusLine(window.statusBar(), window)
    status.set_count(28)
    assert status.count_label.text() == "28 mails"
    status.set_count(1)
    assert status.count_label.text() == "1 mail"


def test_the_weekday_boxes_speak_english(qtbot: QtBot, tmp_path, english: None) -> None:  # type: ignore[no-untyped-def]
    dialog = ServiceHoursDialog(load_settings(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    assert [box.text() for box in dialog.days] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
