"""返信までの時間 from the menu: the demo's customer mails with the business-hours wait, and each week's median."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.reports.response_time import ResponseRow, WeekRow
from ui.main_window import MainWindow
from ui.response_time_dialog import ResponseTimeDialog, duration_text


def test_the_view_lists_the_demo_mails_and_weekly_medians(qtbot, memory_window: MainWindow,  # type: ignore[no-untyped-def]
                                                          qtmodeltester) -> None:
    window = memory_window
    window.response_time_action.trigger()
    dialog = window.findChild(ResponseTimeDialog)
    assert isinstance(dialog, ResponseTimeDialog)
    qtbot.waitUntil(lambda: dialog.mails.rowCount() > 0, timeout=10000)
    qtmodeltester.check(dialog.mails)
    qtmodeltester.check(dialog.weeks)
    rows: list[ResponseRow] = [dialog.mails.row(i) for i in range(dialog.mails.rowCount())]
    # 小野寺さん's dress mail came on Wednesday 2025-11-12 21:37 and was answered Thursday 10:20: 1 h 20 min.
    dress = next(r for r in rows if "レースドレス" in r.subject)
    assert dress.waited == timedelta(hours=1, minutes=20)
    index = dialog.mails.index(rows.index(dress), 4)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "1時間 20分"
    assert any(r.waited is None for r in rows)  # mails still waiting are listed
    weeks: list[WeekRow] = [dialog.weeks.row(i) for i in range(dialog.weeks.rowCount())]
    assert weeks and all(w.week.weekday() == 0 for w in weeks)
    assert sum(w.mails for w in weeks) == len(rows)
    assert "件" in dialog.status.text()
    dialog.close()


def test_durations_are_worded_in_business_days() -> None:
    assert duration_text(None) == "未返信"
    assert duration_text(timedelta(minutes=30)) == "30分"
    assert duration_text(timedelta(hours=10)) == "1営業日 1時間"
    assert duration_text(timedelta(0)) == "0分"
