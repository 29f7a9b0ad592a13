"""While the customer records are incomplete the window never claims "first-time" or "none".

QA (issue 15 list, 1 and 2): during the first build (61 s for 18,197 mails) a customer with 288
mails showed 「はじめてのお客様です」 and 「まだありません」, and search gave partial counts with no
note; the memory hits' fixed limit of 50 read as a count.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.context import Changes
from app.customers import BuildResult
from tests.ui.driver import Driver, on
from ui.main_window import MainWindow
from ui.operations.memory import BuildProgress

FIRST_TIME = "<20251201.cake01@example.jp>"  # a customer with one mail in the demo


def _texts(view) -> list[str]:  # type: ignore[no-untyped-def]
    return [view.item(i).text() for i in range(view.count())]


def test_the_panel_says_the_records_are_being_built_until_the_build_ends(
    qtbot: QtBot, memory_window: MainWindow
) -> None:
    win = memory_window
    panel = win.customer_panel
    progress = BuildProgress(win.memory)  # a build under way, as start_build makes one
    progress.progressed.connect(win.memory._on_progress)
    win.memory.build_progress = progress
    progress.report(9184, 18197)
    Driver(qtbot, win).open_where(lambda m: m.message_id == FIRST_TIME)
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10000)
    status = panel.status.text()
    assert "はじめて" not in status and "記録" in status, status
    assert panel.build_note.isVisibleTo(win)
    assert panel.build_note.text() == "お客様の記録を準備中です（9,184 / 18,197 通）。この方の履歴はまだ揃っていません"
    lists = _texts(panel.timeline) + _texts(panel.replies)
    assert "まだありません" not in lists, lists
    assert _texts(panel.timeline) == ["まだ揃っていません（記録の準備中）"]
    # The review's "shorter / colder than your recent replies" needs the whole history: none yet.
    assert panel.profile is not None and panel.profile.history and win.memory.customer_history() == ()
    # Search now: the counts are partial, and say so.
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.SEARCH), timeout=20000):
        win.memory.run_search("ケーキ")
    assert "準備中のため一部のみ" in win.search_panel.summary.text()
    # How much it covers, as a count; and nothing found is "not in what is ready", never "not there".
    assert "18,197 通のうち 9,184 通が対象" in win.search_panel.summary.text()
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.SEARCH), timeout=20000):
        win.memory.run_search("ぷよぷよ")
    summary = win.search_panel.summary.text()
    assert "ここまでに準備できたメールとお客様の記録には見つかりませんでした" in summary, summary
    assert "はメールにもお客様の記録にも見つかりませんでした" not in summary
    win.memory.close_search()

    # A stopped build leaves the records incomplete: still no claim, and how to go on.
    win.memory._on_built(BuildResult(9184, 18197, True))
    assert "はじめて" not in panel.status.text()
    assert "作成の途中" in panel.build_note.text() and "9,184 / 18,197" in panel.build_note.text()

    stopped = "記録の作成を停止しました（9,184 / 18,197 通）。メニューから再開できます。"
    assert win.status.bar.currentMessage() == stopped

    # Complete: now "first-time" is true and said.
    win.memory.build_progress = BuildProgress(win.memory)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.PROFILE), timeout=20000):
        win.memory._on_built(BuildResult(18197, 18197, False, 3))
    # A count that says what it counts: mails taken in, the unreadable ones apart.
    added = "お客様の記録にメール 18,194 通を加えました（読み取れなかった 3 通を除く）"
    assert win.status.bar.currentMessage() == added
    assert "はじめてのお客様" in panel.status.text()
    assert not panel.build_note.isVisibleTo(win)
    assert _texts(panel.timeline) == ["まだありません"]
    assert win.memory.customer_history() == panel.profile.history != ()  # type: ignore[union-attr]
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.SEARCH), timeout=20000):
        win.memory.run_search("ケーキ")
    summary = win.search_panel.summary.text()
    assert "準備中" not in summary and "「demo」の全フォルダ" in summary and "対象外" not in summary


def test_a_limited_memory_count_says_at_least(qtbot: QtBot) -> None:
    from ui.search_panel import SearchPanel

    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.set_searching("ケーキ")
    panel.set_results("ケーキ", [], 0, [object()] * 50, memory_more=True)
    assert "お客様の記録 50 件以上" in panel.summary.text()
    panel.set_results("ケーキ", [], 0, [object()] * 12, memory_more=False)
    assert "お客様の記録 12 件" in panel.summary.text() and "以上" not in panel.summary.text()
    assert "2024年3月" in panel.summary.toolTip()  # how to search by date
    # Said exactly: the local mailbox and each mail account, and how many synced mails cannot be found yet.
    panel.mailbox_name = "お店のメール"
    panel.set_results("ケーキ", [], 0, [object()] * 3)
    assert "検索の対象: メールボックス「お店のメール」の全フォルダ" in panel.summary.text()
    panel.account_names, panel.unsearchable = ["shop@example.jp", "info@example.jp"], 1234
    panel.set_results("ケーキ", [], 0, [object()] * 3)
    summary = panel.summary.text()
    assert ("メールボックス「お店のメール」とメールアカウント「shop@example.jp」、「info@example.jp」の全フォルダ"
            in summary)
    assert "メールアカウントのメール 1,234 通はまだ検索できません" in summary and "対象外" not in summary
