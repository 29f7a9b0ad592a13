"""Service hours (issue 19): business days and hours, Japan's holidays, the shop's own closed days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from app.service_hours import JST, BadClosedRange, ClosedBecause, ClosedRange, ServiceHours, hours_for


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=JST)


def test_default_is_weekdays_nine_to_six() -> None:
    hours = ServiceHours()
    assert hours.is_open(at(2026, 12, 8, 9, 0)) and hours.is_open(at(2026, 12, 8, 17, 59))
    assert not hours.is_open(at(2026, 12, 8, 18, 0)) and not hours.is_open(at(2026, 12, 8, 8, 59))
    assert hours.next_opening(at(2026, 12, 8, 10, 0)) == at(2026, 12, 8, 10, 0)  # open: now
    assert hours.next_opening(at(2026, 12, 6, 22, 40)) == at(2026, 12, 7, 9, 0)  # Sunday night → Monday
    assert hours.next_opening(at(2026, 12, 11, 18, 30)) == at(2026, 12, 14, 9, 0)  # Friday evening → Monday


def test_national_holidays_and_substitute_holidays_are_closed() -> None:
    hours = ServiceHours()
    assert hours.closed_because(date(2026, 11, 23)) is ClosedBecause.HOLIDAY  # 勤労感謝の日 (Monday)
    assert hours.next_opening(at(2026, 11, 20, 19, 0)) == at(2026, 11, 24, 9, 0)
    assert hours.closed_because(date(2026, 5, 6)) is ClosedBecause.HOLIDAY  # 振替休日
    open_on_holidays = ServiceHours(holidays_closed=False)
    assert open_on_holidays.closed_because(date(2026, 11, 23)) is None


def test_new_year_range_runs_over_the_year_end() -> None:
    hours = ServiceHours()
    assert hours.closed_because(date(2026, 12, 29)) is ClosedBecause.SHOP
    assert hours.closed_because(date(2027, 1, 3)) is ClosedBecause.SHOP
    # 12/28 evening → 1/4 (Monday) 9:00: 12/29–1/3 closed, 1/1 a holiday besides.
    assert hours.next_opening(at(2026, 12, 28, 19, 0)) == at(2027, 1, 4, 9, 0)


def test_obon_and_one_off_closures_as_typed() -> None:
    obon = ClosedRange.parse("8/13", "8月16日", "お盆")
    once = ClosedRange.parse("2026/9/1", "2026-9-2", "臨時休業")
    hours = ServiceHours(closed=(obon, once))
    assert hours.closed_because(date(2026, 8, 14)) is ClosedBecause.SHOP
    assert hours.closed_because(date(2027, 8, 13)) is ClosedBecause.SHOP  # every year
    assert hours.closed_because(date(2026, 9, 1)) is ClosedBecause.SHOP
    assert hours.closed_because(date(2027, 9, 1)) is None  # that year only
    for bad in (("13/1", "13/2"), ("あした", ""), ("2/30", "3/1"), ("2026/9/5", "2026/9/1")):
        with pytest.raises(BadClosedRange):
            ClosedRange.parse(*bad)


def test_saved_per_identity_with_a_shop_wide_fallback() -> None:
    komugi = ServiceHours(weekdays=frozenset({0, 2, 3, 4, 5, 6}), opens=time(10), closes=time(19))
    saved = {"order@komugi.example.jp": komugi.to_dict(), "": ServiceHours(closes=time(17)).to_dict()}
    assert hours_for("Order@Komugi.example.jp", saved) == komugi
    assert hours_for("shop@lumiere.example.jp", saved).closes == time(17)
    assert hours_for("x@example.jp", {}) == ServiceHours()
    # A hand-damaged entry keeps what is readable and defaults the rest.
    damaged = ServiceHours.from_dict({"weekdays": "oops", "opens": "25:00", "closed": [{"start": "x"}]})
    assert damaged.weekdays == ServiceHours().weekdays and damaged.opens == time(9) and damaged.closed == ()


def test_hours_that_never_open_send_at_once() -> None:
    assert ServiceHours(weekdays=frozenset()).next_opening(at(2026, 12, 8, 10)) is None
    assert ServiceHours(opens=time(18), closes=time(9)).next_opening(at(2026, 12, 8, 10)) is None


# -- business time (the response-time view's measure) ------------------------------------
def test_friday_evening_answered_monday_morning_is_one_business_hour() -> None:
    # 2026-12-04 is a Friday, 12-07 a Monday.
    assert ServiceHours().business_time(at(2026, 12, 4, 17, 30), at(2026, 12, 7, 9, 30)) == timedelta(hours=1)


def test_nights_weekends_holidays_and_closed_days_are_not_counted() -> None:
    assert ServiceHours().business_time(at(2026, 12, 7, 20, 0), at(2026, 12, 8, 8, 0)) == timedelta(0)  # overnight
    assert ServiceHours().business_time(at(2026, 12, 5, 10, 0), at(2026, 12, 6, 15, 0)) == timedelta(0)  # Sat–Sun
    # 2026-11-23 (Mon) is 勤労感謝の日: Friday 17:00 → Tuesday 10:00 is 1 + 1 hours.
    assert ServiceHours().business_time(at(2026, 11, 20, 17, 0), at(2026, 11, 24, 10, 0)) == timedelta(hours=2)
    # The shop's own closed days: with 12/29–12/30 closed, Monday 17:00 → Thursday 9:30 is 1 + 0.5 hours;
    # the default 年末年始 (12/29–1/3) closes 12/31 too.
    closed = ServiceHours(closed=(ClosedRange.parse("12/29", "12/30", "棚卸し"),))
    assert closed.business_time(at(2026, 12, 28, 17, 0), at(2026, 12, 31, 9, 30)) == timedelta(hours=1.5)
    assert ServiceHours().business_time(at(2026, 12, 28, 17, 0), at(2026, 12, 31, 9, 30)) == timedelta(hours=1)
    # The shop's own days and hours: Saturday open 10:00–17:00.
    saturdays = ServiceHours(weekdays=frozenset({0, 1, 2, 3, 4, 5}), opens=time(10), closes=time(17))
    assert saturdays.business_time(at(2026, 12, 4, 16, 30), at(2026, 12, 5, 11, 0)) == timedelta(hours=1.5)
    assert ServiceHours().business_time(at(2026, 12, 7, 10, 0), at(2026, 12, 7, 9, 0)) == timedelta(0)
    # Another zone's clock is read as the shop's: 00:30 UTC is 9:30 in Tokyo.
    assert ServiceHours().business_time(at(2026, 12, 7, 9, 0), datetime.fromisoformat("2026-12-07T00:30:00+00:00")) == \
        timedelta(minutes=30)
