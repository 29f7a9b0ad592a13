"""Response times with fixed dates, in the shop's business hours (the hours: tests/unit/test_service_hours.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from app.customers import open_memory
from app.model import Address, Message
from app.reports.response_time import CustomerMail, report_from_memory, response_rows, weekly
from app.service_hours import JST, ServiceHours

HOURS = ServiceHours()


def jst(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=JST)


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
