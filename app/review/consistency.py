"""What "our recent replies to this customer" were like, for the consistency checks.

The baseline is the median of the last few replies, not the mean: one very
long apology months ago should not make every later reply look curt. With
fewer than two earlier replies there is no habit to compare with.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence

from app.model import ReplyStats

RECENT = 5            # how many of our latest replies make "recent"
MIN_HISTORY = 2       # fewer than this: nothing to compare with
MIN_DRAFT_CHARS = 20  # an almost empty draft is work in progress, not a decline


def baseline(history: Sequence[ReplyStats], value: Callable[[ReplyStats], float]) -> float | None:
    """The median of `value` over the recent replies, or None when there are too few."""
    recent = list(history)[-RECENT:]
    if len(recent) < MIN_HISTORY:
        return None
    return float(statistics.median(value(r) for r in recent))
