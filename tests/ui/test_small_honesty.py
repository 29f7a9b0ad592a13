"""Small things that misled (QA issue 15 list, 7): greyed outbox buttons, a status that stayed
Japanese in English, "chars" beside "characters", raw =?UTF-8?B?…?= subjects, two progress bars."""

from __future__ import annotations

import base64
import threading
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from app.mail.headers import decode_words
from app.model import MessageRef
from app.outbox import DueKind, OutboxItem, OutboxState, SendProblem
from ui.controllers.status import StatusLine
from ui.i18n import Translations
from ui.outbox_dialog import OutboxDialog
from ui.tasks import TaskRunner
from ui.wording import QT_TRANSLATE_NOOP, subject_shown


def _item(item_id: int, state: OutboxState, problem: SendProblem | None = None) -> OutboxItem:
    return OutboxItem(item_id, "acct", f"<{item_id}@x>", state, problem, "", 1, "件名", ("c@x",),
                      MessageRef("", "k"), False, False, datetime(2026, 12, 8, tzinfo=UTC), None,
                      due_kind=DueKind.NOW)


def test_the_outbox_opens_with_an_actionable_row_chosen(qtbot: QtBot) -> None:
    dialog = OutboxDialog()
    qtbot.addWidget(dialog)
    dialog.set_items([_item(1, OutboxState.SENDING), _item(2, OutboxState.FAILED, SendProblem.REJECTED)])
    assert dialog.selected() is not None and dialog.selected().id == 2  # type: ignore[union-attr]
    assert dialog.retry_button.isEnabled() and dialog.cancel_button.isEnabled()
    # A refresh keeps the row the agent chose.
    dialog.view.selectRow(0)
    dialog.set_items([_item(1, OutboxState.SENDING), _item(2, OutboxState.FAILED, SendProblem.REJECTED)])
    assert dialog.selected().id == 1  # type: ignore[union-attr]


def test_a_finished_status_is_said_again_in_english_and_lengths_say_characters(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    status = StatusLine(window.statusBar(), window)
    status.busy_words("InsightController", QT_TRANSLATE_NOOP("InsightController", "解析が完了しました"))
    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    assert translations.apply("en")
    try:
        status.retranslate()
        assert status.busy_label.text() == "Analysis complete"
        both = [QCoreApplication.translate("CustomerPanel", "{day} {subject}（{length}字）"),
                QCoreApplication.translate("CustomerPanel", "{day} このメール以降の返信（{length}字）")]
        assert all("characters)" in text for text in both), both
    finally:
        translations.apply("ja")
    status.retranslate()
    assert status.busy_label.text() == "解析が完了しました"


def test_a_cut_encoded_subject_reads_and_an_unreadable_one_says_so() -> None:
    cut = base64.b64encode("ご注文の件について".encode()).decode()[:-3]
    assert decode_words(f"=?UTF-8?B?{cut}?=".encode(), "Subject", []) == "ご注文の件につい"
    raw = decode_words(b"=?UTF-8?B?!!!!?=", "Subject", [])
    shown, tooltip = subject_shown(raw)
    assert shown == "（件名を読めませんでした）" and tooltip == "=?UTF-8?B?!!!!?="
    assert subject_shown("ご注文の件") == ("ご注文の件", "ご注文の件")


def test_one_indicator_for_the_memory_build(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(window)
    status = StatusLine(window.statusBar(), window, runner)
    runner.busy_changed.connect(status.set_running)
    window.show()
    for widget in (status.build_label, status.build_bar, status.build_stop):
        widget.show()
    assert not status.build_bar.isTextVisible()  # the count is the label's, never drawn over the bar
    release = threading.Event()
    runner.submit("memory-build", lambda: release.wait(10))
    try:
        assert not status.busy_bar.isVisibleTo(window)
    finally:
        release.set()
    runner.wait_all(5000)


def test_the_insight_groups_count_only_an_analysed_mail(qtbot: QtBot, window: object) -> None:
    """「ご要望・ご質問 0 / ご不安 0 / 自己開示 0」 showed with no mail open (and while one loads): a count
    of nothing read as "this customer asked nothing" (walkthrough, the 20,000-mail mailbox)."""
    from app.context import Changes
    from app.model import HighlightKind
    from tests.ui.driver import Driver
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    model = window.insight_panel.model
    labels = [model.group_index(kind).data() for kind in HighlightKind]
    assert labels and not any(label.rstrip().endswith("0") for label in labels), labels
    driver = Driver(qtbot, window)
    driver.open("店頭受け取りについて", wait=Changes.INSIGHT)  # one request, no worry told
    assert model.group_index(HighlightKind.REQUEST).data().endswith("  1")
    assert model.group_index(HighlightKind.WORRY).data().endswith("  0")  # analysed: now zero is a count
