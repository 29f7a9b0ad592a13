"""The hours a shop keeps: business days and hours, Japan's national holidays, its own closed days.

A small value on purpose: the service-hours work of issue 19 (scheduled sending) brings
the per-shop settings; until then the response-time view counts Monday to Friday,
9:00 to 18:00 Japan time, without national holidays (`jpholiday`). Whatever replaces
it needs only `business_time(start, end)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import jpholiday

JST = ZoneInfo("Asia/Tokyo")


@dataclass(frozen=True, slots=True)
class BusinessHours:
    opens: time = time(9, 0)
    closes: time = time(18, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday = 0
    closed_days: frozenset[date] = field(default_factory=frozenset)  # 年末年始, お盆…
    national_holidays: bool = True
    zone: ZoneInfo = JST

    def is_open_day(self, day: date) -> bool:
        if day.weekday() not in self.weekdays or day in self.closed_days:
            return False
        return not (self.national_holidays and jpholiday.is_holiday(day))

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        """How much of [start, end) falls inside the hours kept (both aware datetimes)."""
        if end <= start:
            return timedelta(0)
        local_start, local_end = start.astimezone(self.zone), end.astimezone(self.zone)
        total = timedelta(0)
        day = local_start.date()
        while day <= local_end.date():
            if self.is_open_day(day):
                opened = datetime.combine(day, self.opens, self.zone)
                closed = datetime.combine(day, self.closes, self.zone)
                overlap = min(closed, local_end) - max(opened, local_start)
                if overlap > timedelta(0):
                    total += overlap
            day += timedelta(days=1)
        return total
