"""The shop's service hours: when a reply may leave, and the next moment it may.

A reply sent on a day off teaches the customer to expect replies on days off
(issue 19); the shop sets its hours and keeps them. `ServiceHours` holds one
sending identity's business days and hours, whether Japan's national holidays
are closed (from `jpholiday`, which follows the Cabinet Office's list,
substitute holidays included) and the shop's own closed ranges (年末年始, お盆,
a one-off 臨時休業). `next_opening(at)` is `at` itself while open, else the
start of the next open day; `business_time(start, end)` is how much of a span falls inside
them (the response-time view, app.reports.response_time).

Times are the shop's local time in Japan (JST, UTC+9: Japan keeps no summer time,
so a fixed offset is exact and needs no tz database on Windows).
Saved per identity in the settings (`SERVICE_HOURS`, keyed by the identity's
address, "" for every identity without its own).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum
from typing import Any

import jpholiday

JST = timezone(timedelta(hours=9), "JST")
WEEKDAYS_JA = "月火水木金土日"  # the settings dialog's day boxes, the UI's send times (ui/wording/outbox.py)
_SEARCH_DAYS = 400  # a shop closed for more than a year has no next opening: send at once


class ClosedBecause(StrEnum):
    WEEKDAY = "weekday"    # not a business day of the week (土日)
    HOLIDAY = "holiday"    # a national holiday
    SHOP = "shop"          # one of the shop's own closed ranges
    HOURS = "hours"        # an open day, outside its hours


_DAY = re.compile(r"^\s*(?:(\d{4})\s*[/\-.年]\s*)?(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?\s*$")


class BadClosedRange(ValueError):
    """A closed range the agent typed that does not read as dates (the dialog says which)."""


@dataclass(frozen=True, slots=True)
class ClosedRange:
    """Closed from `start` to `end`, both days included. Without a year it recurs every year and
    may run over New Year (12/29–1/3); with one, it is that year's range only."""

    start: tuple[int, int]        # (month, day)
    end: tuple[int, int]
    label: str = ""
    year: int | None = None       # None: every year

    @classmethod
    def parse(cls, start: str, end: str, label: str = "") -> ClosedRange:
        """From what the agent types: 「12/29」「1/3」「2026/8/10」「8月13日」."""
        first, last = _DAY.match(start), _DAY.match(end or start)
        if first is None or last is None:
            raise BadClosedRange(start if first is None else end)
        year = int(first.group(1)) if first.group(1) else None
        end_year = int(last.group(1)) if last.group(1) else year
        s, e = (int(first.group(2)), int(first.group(3))), (int(last.group(2)), int(last.group(3)))
        try:
            date(year or 2024, *s), date(end_year or 2024, *e)  # 2024: a leap year, 2/29 allowed
        except ValueError as error:
            raise BadClosedRange(f"{start}–{end}") from error
        if year is not None and (end_year != year or e < s):
            raise BadClosedRange(f"{start}–{end}")
        return cls(s, e, label.strip(), year)

    def covers(self, day: date) -> bool:
        if self.year is not None and day.year != self.year:
            return False
        md = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= md <= self.end
        return md >= self.start or md <= self.end  # over New Year

    def shown(self) -> tuple[str, str]:
        prefix = f"{self.year}/" if self.year else ""
        return f"{prefix}{self.start[0]}/{self.start[1]}", f"{prefix}{self.end[0]}/{self.end[1]}"

    def to_entry(self) -> dict[str, str]:
        start, end = self.shown()
        return {"start": start, "end": end, "label": self.label}


@dataclass(frozen=True, slots=True)
class ServiceHours:
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday = 0
    opens: time = time(9, 0)
    closes: time = time(18, 0)
    holidays_closed: bool = True
    closed: tuple[ClosedRange, ...] = field(default=(ClosedRange((12, 29), (1, 3), "年末年始"),))

    def closed_because(self, day: date) -> ClosedBecause | None:
        """Why the whole day is closed, or None for a business day."""
        if any(r.covers(day) for r in self.closed):
            return ClosedBecause.SHOP
        if self.holidays_closed and jpholiday.is_holiday(day):
            return ClosedBecause.HOLIDAY
        if day.weekday() not in self.weekdays:
            return ClosedBecause.WEEKDAY
        return None

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(JST)
        return self.closed_because(local.date()) is None and self.opens <= local.time() < self.closes

    def next_opening(self, at: datetime) -> datetime | None:
        """`at` while open; else when the shop next opens (JST). None: no open day within a year."""
        if self.opens >= self.closes:
            return None  # hours that never open: nothing to wait for
        local = at.astimezone(JST)
        for offset in range(_SEARCH_DAYS):
            day = local.date() + timedelta(days=offset)
            if self.closed_because(day) is not None:
                continue
            opening = datetime.combine(day, self.opens, JST)
            if offset == 0:
                if local.time() < self.opens:
                    return opening
                if local.time() < self.closes:
                    return at
                continue
            return opening
        return None

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        """How much of [start, end) falls inside the hours kept (both aware datetimes): the
        response-time view's measure, so a mail on Friday at 17:30 answered on Monday at 9:30
        waited one hour, not sixty."""
        if end <= start:
            return timedelta(0)
        local_start, local_end = start.astimezone(JST), end.astimezone(JST)
        total = timedelta(0)
        day = local_start.date()
        while day <= local_end.date():
            if self.closed_because(day) is None:
                opened = datetime.combine(day, self.opens, JST)
                closed = datetime.combine(day, self.closes, JST)
                overlap = min(closed, local_end) - max(opened, local_start)
                if overlap > timedelta(0):
                    total += overlap
            day += timedelta(days=1)
        return total

    # -- settings -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "weekdays": sorted(self.weekdays),
            "opens": self.opens.strftime("%H:%M"),
            "closes": self.closes.strftime("%H:%M"),
            "holidays_closed": self.holidays_closed,
            "closed": [r.to_entry() for r in self.closed],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ServiceHours:
        """A saved entry; a damaged part (a hand-edited file) falls back to the default for that part."""
        default = cls()
        try:
            weekdays = frozenset(int(d) for d in data.get("weekdays", default.weekdays) if 0 <= int(d) <= 6)
        except (TypeError, ValueError):
            weekdays = default.weekdays
        closed: list[ClosedRange] = []
        for entry in data.get("closed", [r.to_entry() for r in default.closed]) or []:
            try:
                closed.append(ClosedRange.parse(str(entry["start"]), str(entry["end"]), str(entry.get("label", ""))))
            except (KeyError, TypeError, BadClosedRange):
                continue
        return cls(weekdays, _time(data.get("opens"), default.opens), _time(data.get("closes"), default.closes),
                   bool(data.get("holidays_closed", True)), tuple(closed))


def _time(value: object, fallback: time) -> time:
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        return fallback


def hours_for(email: str, saved: Mapping[str, Any]) -> ServiceHours:
    """The hours of the identity sending from `email`: its own, else the shop-wide entry (""),
    else the default (Mon–Fri 9:00–18:00, holidays and 12/29–1/3 closed)."""
    for key in (email.strip().lower(), ""):
        entry = saved.get(key)
        if isinstance(entry, Mapping):
            return ServiceHours.from_dict(entry)
    return ServiceHours()
