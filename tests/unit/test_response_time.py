"""Business-hours response times with fixed dates: weekends, national holidays and closed days don't count."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from app.customers import open_memory
from app.model import Address, Message
from app.reports.business_hours import JST, BusinessHours
from app.reports.response_time import CustomerMail, report_from_memory, response_rows, weekly

HOURS = BusinessHours()


def jst(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=JST)


def test_friday_evening_answered_monday_morning_is_one_business_hour() -> None:
    # 2026-12-04 is a Friday, 12-07 a Monday.
    assert HOURS.business_time(jst(2026, 12, 4, 17, 30), jst(2026, 12, 7, 9, 30)) == timedelta(hours=1)


def test_nights_weekends_holidays_and_closed_days_are_not_counted() -> None:
    assert HOURS.business_time(jst(2026, 12, 7, 20, 0), jst(2026, 12, 8, 8, 0)) == timedelta(0)  # overnight
    assert HOURS.business_time(jst(2026, 12, 5, 10, 0), jst(2026, 12, 6, 15, 0)) == timedelta(0)  # Sat–Sun
    # 2026-11-23 (Mon) is 勤労感謝の日: Friday 17:00 → Tuesday 10:00 is 1 + 1 hours.
    assert HOURS.business_time(jst(2026, 11, 20, 17, 0), jst(2026, 11, 24, 10, 0)) == timedelta(hours=2)
    closed = BusinessHours(closed_days=frozenset({date(2026, 12, 29), date(2026, 12, 30)}))
    assert closed.business_time(jst(2026, 12, 28, 17, 0), jst(2026, 12, 31, 9, 30)) == timedelta(hours=1.5)
    assert HOURS.business_time(jst(2026, 12, 7, 10, 0), jst(2026, 12, 7, 9, 0)) == timedelta(0)
    # Another zone's clock is read as the shop's: 00:30 UTC is 9:30 in Tokyo.
    assert HOURS.business_time(jst(2026, 12, 7, 9, 0), datetime.fromisoformat("2026-12-07T00:30:00+00:00")) == \
        timedelta(minutes=30)


def test_first_reply_after_each_mail_and_the_weekly_median() -> None:
    mails = [
        (CustomerMail("佐藤", "在庫", jst(2026, 12, 4, 17, 30)), [jst(2026, 12, 7, 9, 30), jst(2026, 12, 8, 9, 0)]),
        (CustomerMail("鈴木", "納期", jst(2026, 12, 7, 10, 0)), [jst(2026, 12, 7, 13, 0)]),
        (CustomerMail("鈴木", "追伸", jst(2026, 12, 7, 12, 0)), [jst(2026, 12, 7, 13, 0)]),  # one reply, two mails
        (CustomerMail("高橋", "色", jst(2026, 12, 8, 11, 0)), [jst(2026, 12, 1, 9, 0)]),  # only an older reply
    ]
    rows = response_rows(mails, HOURS)
    assert [(r.customer, r.waited) for r in rows] == [
        ("高橋", None), ("鈴木", timedelta(hours=1)), ("鈴木", timedelta(hours=3)), ("佐藤", timedelta(hours=1)),
    ]
    weeks = weekly(rows, HOURS)
    assert [(w.week, w.mails, w.answered, w.median) for w in weeks] == [
        (date(2026, 12, 7), 3, 2, timedelta(hours=2)),
        (date(2026, 11, 30), 1, 1, timedelta(hours=1)),
    ]


def test_the_report_reads_the_customer_memory(tmp_path: Path) -> None:
    memory = open_memory(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    try:
        shop = Address("ルミエール", "shop@lumiere.example.jp")
        customer = Address("小野寺 さやか", "sayaka@example.com")
        memory.remember_incoming(Message(subject="在庫", sender=customer, to=(shop,), date=jst(2026, 12, 4, 17, 30),
                                         body="在庫はありますか。\n", message_id="<in1@example.com>"))
        memory.remember_reply(Message(subject="Re: 在庫", sender=shop, to=(customer,), date=jst(2026, 12, 7, 9, 30),
                                      body="ございます。\n", message_id="<out1@lumiere.example.jp>",
                                      in_reply_to="<in1@example.com>"))
        report = report_from_memory(memory.engine)
    finally:
        memory.close()
    assert [(r.customer, r.subject, r.waited) for r in report.rows] == [("小野寺 さやか", "在庫", timedelta(hours=1))]
    assert [(w.week, w.median) for w in report.weeks] == [(date(2026, 11, 30), timedelta(hours=1))]
