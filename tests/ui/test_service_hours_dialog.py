"""営業時間と送信の設定 (issue 19): hours and closed days per shop, the undo time; a closed day that does
not read as a date is named and nothing is saved until it is fixed."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QTableWidgetItem

from app.service_hours import ClosedBecause, hours_for
from app.settings import SERVICE_HOURS, load_settings
from ui.service_hours_dialog import ServiceHoursDialog


def test_hours_closed_days_and_undo_time_are_saved(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings(tmp_path / "settings.json")
    dialog = ServiceHoursDialog(settings)
    qtbot.addWidget(dialog)
    # The defaults: Mon–Fri 9:00–18:00, holidays closed, 12/29–1/3.
    assert [b.isChecked() for b in dialog.days] == [True] * 5 + [False] * 2
    assert dialog.holidays.isChecked() and dialog.closed.rowCount() == 1
    assert dialog.closed.item(0, 0).text() == "12/29" and dialog.closed.item(0, 1).text() == "1/3"

    dialog.closes.setTime(QTime(17, 30))
    dialog.days[5].setChecked(True)  # open on Saturdays
    dialog._add_range("8/13", "8/16", "お盆")
    dialog._add_range("9/31", "", "typo")
    dialog.undo.setValue(5)
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and "9/31" in dialog.error.text()
    assert settings.get(SERVICE_HOURS) == {}  # nothing saved while a day does not read
    dialog.closed.setItem(2, 0, QTableWidgetItem("2026/9/1"))
    dialog.closed.setItem(2, 1, QTableWidgetItem("2026/9/2"))
    dialog.save()
    assert not dialog.error.isVisibleTo(dialog)

    hours = hours_for("shop@lumiere.example.jp", settings.get(SERVICE_HOURS))
    assert hours.closes == time(17, 30) and 5 in hours.weekdays
    assert hours.closed_because(date(2027, 8, 14)) is ClosedBecause.SHOP
    assert hours.closed_because(date(2026, 9, 1)) is ClosedBecause.SHOP
    assert settings.undo_seconds == 5


def test_one_shop_can_keep_its_own_hours(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings(tmp_path / "settings.json")
    dialog = ServiceHoursDialog(settings)
    qtbot.addWidget(dialog)
    komugi = dialog.identity.findData("order@komugi.example.jp")
    assert komugi > 0
    dialog.identity.setCurrentIndex(komugi)
    assert not dialog.own.isChecked() and not dialog.hours_box.isEnabled()
    dialog.own.setChecked(True)
    dialog.opens.setTime(QTime(10, 0))
    dialog.closes.setTime(QTime(19, 0))
    dialog.save()
    saved = settings.get(SERVICE_HOURS)
    assert hours_for("order@komugi.example.jp", saved).opens == time(10, 0)
    assert hours_for("shop@lumiere.example.jp", saved).opens == time(9, 0)  # the others keep the shop-wide hours


def test_a_hand_edited_undo_time_is_kept_within_0_to_30(tmp_path: Path) -> None:
    from app.settings import UNDO_SECONDS

    settings = load_settings(tmp_path / "settings.json")
    for saved, used in ((99, 30), (-4, 0), (12, 12)):
        settings.set(UNDO_SECONDS, saved)
        assert settings.undo_seconds == used
