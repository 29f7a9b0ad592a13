"""warmth_decline — 「これまでの返信より温かみが減っています」.

The user sees this when the draft carries less than half the warmth of our
recent replies to the same customer (their median) and those were clearly warm
(3 or more). Warmth counts thanks, empathy, cushion phrases and personal
references, as `app.review.measure` does for every remembered reply; a draft
that only lost one 「ありがとうございます」 against a lukewarm history is not flagged.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.consistency import MIN_DRAFT_CHARS, baseline
from app.review.context import ReviewContext
from app.review.rules import end_of_own_text

RATIO = 0.5
MIN_BASELINE = 3


def check(ctx: ReviewContext) -> list[Finding]:
    usual = baseline(ctx.history, lambda r: r.warmth)
    if usual is None:
        return []  # no history: do not measure the draft at all
    stats = ctx.stats
    if usual < MIN_BASELINE or stats.length < MIN_DRAFT_CHARS or stats.warmth > usual * RATIO:
        return []
    at = end_of_own_text(ctx)
    return [
        messages.finding(
            FindingKind.WARMTH_DECLINE,
            Severity.WARNING,
            at,
            at,
            messages.say(messages.WARMTH_DECLINE, usual=str(round(usual)), count=str(stats.warmth)),
            "",
        )
    ]
