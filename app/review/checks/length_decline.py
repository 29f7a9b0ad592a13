"""length_decline — 「これまでの返信に比べてかなり短くなっています」.

The user sees this when the draft is less than half as long as our recent
replies to the same customer (their median), and those were substantial
(150 characters or more): a regular who got ten warm lines last time notices
five curt ones now. Length is measured the same way for the draft and for the
remembered replies (`app.review.measure`: no quote, no signature, no blanks).
Without the customer's history (a first-time customer) the check is silent.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.consistency import MIN_DRAFT_CHARS, baseline
from app.review.context import ReviewContext
from app.review.rules import end_of_own_text

RATIO = 0.5
MIN_BASELINE = 150


def check(ctx: ReviewContext) -> list[Finding]:
    usual = baseline(ctx.history, lambda r: r.length)
    if usual is None:
        return []  # no history: do not measure the draft at all
    length = ctx.stats.length
    if usual < MIN_BASELINE or length < MIN_DRAFT_CHARS or length >= usual * RATIO:
        return []
    at = end_of_own_text(ctx)
    return [
        messages.finding(
            FindingKind.LENGTH_DECLINE,
            Severity.WARNING,
            at,
            at,
            messages.say(messages.LENGTH_DECLINE, usual=str(round(usual)), length=str(length)),
            "",
        )
    ]
