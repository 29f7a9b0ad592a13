"""「このお客様について」 on the demo mailbox: the allergy customer's second mail, replies, search.

Done-when of issue 8: opening the allergy customer's second mail shows the first
mail's disclosure with its date, and the review warns when a deliberately short
reply follows our longer earlier ones.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.model import FindingKind, PastReply
from app.review import review_draft
from app.sources.base import FolderRole
from tests.ui.driver import Driver, on
from ui.main_window import MainWindow
from ui.models import Role


def _allergy_second_mail(message) -> bool:  # type: ignore[no-untyped-def]
    # Found by content, not by file name: the order that follows the first allergy mail.
    return "森本" in message.sender.name and "ノエル・ブランシュの4号を1台" in message.body


SHORT_REPLY = "森本様\n\nご予約を承りました。12月24日17時に店頭でお渡しします。代金は4,800円です。\n"


def test_second_mail_shows_first_disclosure_and_review_warns(qtbot: QtBot, memory_window: MainWindow) -> None:
    win = memory_window
    Driver(qtbot, win).open_where(_allergy_second_mail)
    panel = win.customer_panel
    timeline = [panel.timeline.item(i).text() for i in range(panel.timeline.count())]
    assert "2025年12月: 奥様が卵アレルギー" in timeline, timeline
    assert "2通目" in panel.status.text() and "2025年12月から" in panel.status.text()
    assert panel.reminder.isVisible() or not panel.reminder.isHidden()
    assert "奥様が卵アレルギー" in panel.reminder.text()
    # The reply we sent before is listed and charted; the two we sent after this mail are too,
    # on top (newest first), so a reply just sent shows at once (issue 16).
    assert panel.replies.count() == 3
    assert isinstance(panel.replies.item(2).data(Qt.ItemDataRole.UserRole), PastReply)
    assert all("このメール以降の返信" in panel.replies.item(i).text() for i in (0, 1))
    assert len(panel.chart.stats) == 3

    # The review with this customer's history: a curt reply after our long, warm ones.
    profile = panel.profile
    assert profile is not None and win.memory.opened is not None and win.mailbox.current is not None
    history = win.memory.opened.memory.history(profile.customer.id)
    assert len(history) == 3 and min(h.length for h in history) > 150
    kinds = {f.kind for f in review_draft(SHORT_REPLY, win.mailbox.current.message.body, win.insight.current, history)}
    assert FindingKind.LENGTH_DECLINE in kinds
    assert FindingKind.WARMTH_DECLINE in kinds
    # Our earlier long reply, reviewed against the same history, is not flagged.
    long_body = win.memory.opened.memory.export_customer(profile.customer.id)["replies"][0]
    assert long_body["length"] > 300


def test_reference_phrase_and_opening_a_past_reply(qtbot: QtBot, memory_window: MainWindow) -> None:
    win = memory_window
    Driver(qtbot, win).open_where(_allergy_second_mail)
    panel = win.customer_panel
    for row in range(panel.timeline.count()):
        if panel.timeline.item(row).text().endswith("奥様が卵アレルギー"):
            panel.timeline.setCurrentRow(row)
    with qtbot.waitSignal(panel.reference_requested) as blocker:
        panel.reference_button.click()
    sentence = "以前お話しくださった奥様の卵アレルギーのこと、今回もしっかり心に留めてご用意いたします。"
    assert blocker.args == [sentence]
    assert QApplication.clipboard().text() == sentence
    item = next(panel.replies.item(i) for i in range(panel.replies.count())
                if isinstance(panel.replies.item(i).data(Qt.ItemDataRole.UserRole), PastReply))
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.MESSAGE), timeout=20000):
        panel.replies.itemClicked.emit(item)
    opened = win.mailbox.current
    assert opened is not None and opened.message.message_id == "<20251202.re-cake01@komugi.example.jp>"


def test_first_time_customer(qtbot: QtBot, memory_window: MainWindow) -> None:
    win = memory_window
    Driver(qtbot, win).open_where(lambda m: m.message_id == "<20251201.cake01@example.jp>")
    assert "はじめてのお客様" in win.customer_panel.status.text()
    assert win.customer_panel.timeline.item(0).text() == "まだありません"


def test_search_box_finds_two_character_words(qtbot: QtBot, memory_window: MainWindow) -> None:
    from PySide6.QtGui import QInputMethodEvent

    win = memory_window
    box = win.search
    event = QInputMethodEvent()
    event.setCommitString("配送")
    QApplication.sendEvent(box, event)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.SEARCH), timeout=20000):
        box.returnPressed.emit()
    results = win.search_panel.results
    model = win.search_panel.model
    assert model.rowCount() > 0
    assert "件" in win.search_panel.summary.text()
    last = model.index(model.rowCount() - 1, 0)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.MESSAGE), timeout=20000):
        results.clicked.emit(last)
    opened = win.mailbox.current
    assert opened is not None and "配送" in (opened.message.body + opened.message.subject)


def test_composer_reviews_with_history_inserts_reference_and_send_is_remembered(
    qtbot: QtBot, memory_window: MainWindow
) -> None:
    from PySide6.QtGui import QInputMethodEvent

    win = memory_window
    Driver(qtbot, win).open_where(_allergy_second_mail)
    compose = win.compose
    with qtbot.waitSignal(compose.opened, timeout=10000):
        compose.reply_action.trigger()
    panel = win.customer_panel
    for row in range(panel.timeline.count()):
        if panel.timeline.item(row).text().endswith("奥様が卵アレルギー"):
            panel.timeline.setCurrentRow(row)
    panel.reference_button.click()
    sentence = "以前お話しくださった奥様の卵アレルギーのこと、今回もしっかり心に留めてご用意いたします。"
    assert sentence in compose.composer.text()
    event = QInputMethodEvent()
    event.setCommitString("承りました。当日お渡しします。")
    with qtbot.waitSignal(compose.review_shown, timeout=10000):
        QApplication.sendEvent(compose.composer.editor, event)
    kinds = {f.kind for f in compose.composer.findings}
    assert FindingKind.LENGTH_DECLINE in kinds, kinds
    # Send anyway: the memory learns the reply (a fourth one for this customer).
    profile = panel.profile
    assert profile is not None and win.memory.opened is not None
    with qtbot.waitSignal(compose.send_checked, timeout=10000):
        compose.composer.send_button.click()
    assert compose.review_dialog is not None
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.PROFILE), timeout=20000):
        compose.review_dialog.accept()
    assert len(win.memory.opened.memory.history(profile.customer.id)) == 4


def test_every_finding_kind_has_a_label(qtbot: QtBot) -> None:
    from ui.wording import finding_label

    for kind in FindingKind:
        assert finding_label(kind)


def test_search_results_replace_the_list_select_the_hit_and_mark_the_words(
    qtbot: QtBot, memory_window: MainWindow
) -> None:
    """Issue 16 (8): the results show in the list pane with their true count; opening a hit
    selects it and marks the words in the mail; Esc goes back to the folder."""
    win = memory_window
    win.search.setText("ケーキ")
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.SEARCH), timeout=20000):
        win.search.returnPressed.emit()
    assert win.list_stack.currentWidget() is win.search_panel
    model = win.search_panel.model
    assert memory_window.memory.opened is not None
    total = memory_window.memory.opened.index.count_matches("ケーキ")
    assert model.mail_total == total > 0
    assert f"メール {total} 件" in win.search_panel.summary.text()
    row = model.rowCount() - 1
    index = model.index(row, 0)
    rect = win.search_panel.results.visualRect(index)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.MESSAGE), timeout=20000):
        qtbot.mouseClick(win.search_panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.search_panel.results.currentIndex().row() == row
    marks = win.reader.term_marks
    assert marks, "the searched word is not marked in the mail"
    text = win.reader.browser.document().toPlainText()
    assert all(text[a:b] == "ケーキ" for a, b in marks)
    qtbot.keyClick(win.search_panel.results, Qt.Key.Key_Escape)
    assert win.list_stack.currentWidget() is win.message_view
    # The opened mail is the list's selection when it lives in this folder.
    assert win.mailbox.current is not None
    selected = win.message_view.selectionModel().selectedRows()
    if win.mailbox.current_folder is not None and win.mailbox.current.ref.folder_id == win.mailbox.current_folder.id:
        assert selected and selected[0].data(Role.HEADER).ref == win.mailbox.current.ref


def test_a_sent_reply_shows_in_the_panel_and_the_list(qtbot: QtBot, memory_window: MainWindow) -> None:
    """Issue 16 (5, 7): after a send the panel's replies and chart change at once, and the
    original gets the replied arrow in the list (and keeps it when the folder is listed again)."""
    win = memory_window
    model = win.message_model
    # The demo has replied to some mails already: those carry the arrow from the start.
    qtbot.waitUntil(lambda: any(win.proxy.index(r, 0).data(Role.ANSWERED) for r in range(model.rowCount())),
                    timeout=10000)
    row = next(r for r in range(model.rowCount())
               if not win.proxy.index(r, 0).data(Role.ANSWERED) and "様" not in model.header_at(r).subject
               and "@" in model.header_at(r).sender.email and "paynext" not in model.header_at(r).sender.email)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.PROFILE), timeout=30000):
        win.message_view.selectRow(row)
    assert win.mailbox.current is not None
    ref = win.mailbox.current.ref
    panel = win.customer_panel
    replies_before, bars_before = panel.replies.count(), len(panel.chart.stats)
    compose = win.compose
    with qtbot.waitSignal(compose.opened, timeout=10000):
        compose.reply_action.trigger()
    with qtbot.waitSignal(compose.send_checked, timeout=10000):
        compose.composer.send_button.click()
    if compose.review_dialog is not None:
        with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.PROFILE), timeout=20000):
            compose.review_dialog.accept()
    else:
        qtbot.waitSignal(win.changed, check_params_cb=on(Changes.PROFILE), timeout=20000).wait()
    assert panel.replies.count() == replies_before + 1
    assert "このメール以降の返信" in panel.replies.item(0).text()
    assert len(panel.chart.stats) == bars_before + 1
    row = win.message_model.row_of(ref)
    assert win.proxy.index(row, 0).data(Role.ANSWERED) is True
    assert win.proxy.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    # Listed again from the Maildir (flag R): still answered.
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.ANSWERED), timeout=10000):
        win.mailbox.reload()
    row = win.message_model.row_of(ref)
    assert win.proxy.index(row, 0).data(Role.ANSWERED) is True


def test_panel_lists_grow_dates_are_one_format_and_the_chart_is_dated(
    qtbot: QtBot, memory_window: MainWindow
) -> None:
    """Issue 16 (9): lists as tall as their rows, no mid-word timeline phrase, one date format."""
    import re

    from ui.customer_panel import day

    win = memory_window
    Driver(qtbot, win).open_where(_allergy_second_mail)
    panel = win.customer_panel
    for view in (panel.timeline, panel.replies):
        rows = sum(view.sizeHintForRow(r) for r in range(view.count()))
        assert view.height() >= rows  # every row shows; no 120-pixel box with a scroll bar
    dated = re.compile(r"^\d{4}/\d{2}/\d{2} ")
    assert all(dated.match(panel.replies.item(r).text()) for r in range(panel.replies.count()))
    assert all(re.match(r"^\d{4}/\d{2}/\d{2}: ", line) for line in panel.chart.toolTip().splitlines())
    bars = panel.chart.dated_bars(slot=200.0, label_width=70.0)
    assert [day(s.date) for _i, s in bars] == [day(s.date) for s in panel.chart.stats]
    few = panel.chart.dated_bars(slot=10.0, label_width=70.0)
    assert [i for i, _s in few] == sorted({0, len(panel.chart.stats) - 1})


def test_a_past_replys_long_subject_wraps_whole(qtbot: QtBot, memory_window: MainWindow) -> None:
    """「Re: 卵を使わないクリスマスケーキはありますか（278字）」 ran past the column's edge, its count cut
    off (make screenshot, customer.png at 1366×768)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    win = memory_window
    win.resize(1366, 768)
    Driver(qtbot, win).open("今年もクリスマスケーキの予約", wait=Changes.PROFILE)
    win.right_column.show_customer()
    view = win.customer_panel.replies
    qtbot.waitUntil(lambda: view.isVisible() and view.count() >= 2)
    metrics = QFontMetrics(view.font())
    width = view.viewport().width()
    for row in range(view.count()):
        text = view.item(row).text()
        rect = view.visualRect(view.indexFromItem(view.item(row)))
        assert rect.right() <= width, (text, rect, width)
        lines = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 1 << 20), int(Qt.TextFlag.TextWordWrap), text)
        assert metrics.horizontalAdvance(text) <= rect.width() or view.wordWrap(), text
        assert rect.height() >= lines.height(), (text, rect, lines)


def test_the_reply_chart_speaks_only_of_a_customer(qtbot: QtBot, memory_window: MainWindow) -> None:
    """「まだ返信がありません」 showed under 「メールを選ぶと…」 with no mail open, and under 「こちらから送った
    メールです」 on our own mail: a claim about nobody (walkthrough, 1366×768)."""
    win = memory_window
    driver = Driver(qtbot, win)
    panel = win.customer_panel
    win.right_column.show_customer()
    assert panel.profile is None and "メールを選ぶと" in panel.status.text()
    assert panel.chart.empty_text() == ""
    # A first-time customer: now "no replies yet" is a claim about someone, and true.
    driver.open_where(lambda m: m.message_id == "<20251201.cake01@example.jp>")
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10000)
    assert panel.profile is not None and not panel.profile.replies
    assert panel.chart.empty_text() == "まだ返信がありません"
    # Our own mail in 送信済み: no customer's record, no claim.
    sent = next(r for r in range(win.folder_model.rowCount()) if win.folder_model.folder(r).role is FolderRole.SENT)
    with driver.waiting(Changes.HEADERS):
        win.mailbox.folder_view.setCurrentIndex(win.folder_model.index(sent, 0))
    driver.open_row(0, wait=Changes.MESSAGE)
    qtbot.waitUntil(lambda: "こちらから送ったメール" in panel.status.text(), timeout=10000)
    assert panel.chart.empty_text() == ""
