"""How long customers waited for our first reply, counted in the hours the shop keeps.

For every customer mail the memory holds, the first reply of ours to the same
customer sent after it (a reply to a later mail of the thread answers the earlier
ones too: the customer waited until then). The wait is counted in business hours
only: the shop's own hours as set in 営業時間と送信の設定 (`app.service_hours`,
`ServiceHours.business_time`), so a mail on Friday at 17:30 answered on Monday at
9:30 waited one hour, not sixty. Weeks (Monday to Sunday, shop time, by the
mail's arrival) get the median of their answered mails; a mail not answered yet is
listed, and left out of the median.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Engine

from app.service_hours import JST, ServiceHours


@dataclass(frozen=True, slots=True)
class CustomerMail:
    customer: str
    subject: str
    received: datetime


@dataclass(frozen=True, slots=True)
class ResponseRow:
    customer: str
    subject: str
    received: datetime
    replied: datetime | None
    waited: timedelta | None  # business time until the first reply; None = not answered yet


@dataclass(frozen=True, slots=True)
class WeekRow:
    week: date  # its Monday
    mails: int
    answered: int
    median: timedelta | None


@dataclass(frozen=True, slots=True)
class ResponseReport:
    rows: tuple[ResponseRow, ...]  # newest first
    weeks: tuple[WeekRow, ...]     # newest first


def response_rows(mails: Iterable[tuple[CustomerMail, Sequence[datetime]]], hours: ServiceHours) -> list[ResponseRow]:
    """Each mail with its first reply after it (`replies`: our replies to that customer, any order)."""
    rows = []
    for mail, replies in mails:
        first = min((r for r in replies if r > mail.received), default=None)
        waited = hours.business_time(mail.received, first) if first is not None else None
        rows.append(ResponseRow(mail.customer, mail.subject, mail.received, first, waited))
    rows.sort(key=lambda r: r.received, reverse=True)
    return rows


def weekly(rows: Iterable[ResponseRow], hours: ServiceHours) -> list[WeekRow]:
    weeks: dict[date, list[ResponseRow]] = {}
    for row in rows:
        day = row.received.astimezone(JST).date()
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(row)
    result = []
    for monday in sorted(weeks, reverse=True):
        waits = [r.waited for r in weeks[monday] if r.waited is not None]
        median = timedelta(seconds=statistics.median(w.total_seconds() for w in waits)) if waits else None
        result.append(WeekRow(monday, len(weeks[monday]), len(waits), median))
    return result


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def report_from_memory(engine: Engine, hours: ServiceHours | None = None) -> ResponseReport:
    """The report over everything the customer memory holds (local SQLite or the team's server)."""
    from app.customers import schema as s

    hours = hours or ServiceHours()
    with engine.connect() as connection:
        names = {int(r[0]): r[1] for r in connection.execute(select(s.customers.c.id, s.customers.c.name))}
        incoming = connection.execute(
            select(s.customer_messages.c.customer_id, s.customer_messages.c.subject, s.customer_messages.c.date)
            .where(s.customer_messages.c.direction == "in", s.customer_messages.c.date.is_not(None))
        ).all()
        replies: dict[int, list[datetime]] = {}
        for customer_id, sent in connection.execute(
            select(s.replies.c.customer_id, s.replies.c.date).where(s.replies.c.date.is_not(None))
        ):
            replies.setdefault(int(customer_id), []).append(_aware(sent))
    mails = [(CustomerMail(names.get(int(r[0]), ""), r[1], _aware(r[2])), replies.get(int(r[0]), [])) for r in incoming]
    rows = response_rows(mails, hours)
    return ResponseReport(tuple(rows), tuple(weekly(rows, hours)))
