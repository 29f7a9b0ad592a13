"""Where "now" comes from: every decision about time in the send path asks a `Clock`.

The outbox, the service hours and the undo window never call `datetime.now()`
themselves, so a test can put the shop on a Sunday night, move to Monday 9:00
and see exactly one mail leave, without sleeping. `FakeClock` is that test clock
(also used by the screenshot script to show the out-of-hours choice).
Times are always timezone-aware.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that moves only when told to (tests, screenshots)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = at


_default: Clock = SystemClock()


def default_clock() -> Clock:
    """The clock a window uses when none is given (the system's; tests put a fake one here)."""
    return _default


def use_default_clock(clock: Clock) -> Clock:
    """Replace the default clock (tests); returns the previous one."""
    global _default
    previous, _default = _default, clock
    return previous
