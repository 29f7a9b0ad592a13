"""long_sentence — 長すぎる文 「一文が長く、読みにくくなっています」.

The user sees a sentence of the agent's own longer than `MAX_CHARS`
characters. Customers read replies on phones; a long chain of 〜が、〜ので、
hides the answer. No automatic fix: the agent splits it where it reads best.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext

MAX_CHARS = 100


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        text = sentence.text.strip()
        if len(text) > MAX_CHARS:
            start = sentence.start + sentence.text.index(text[0])
            out.append(
                messages.finding(
                    FindingKind.LONG_SENTENCE,
                    Severity.INFO,
                    start,
                    start + len(text),
                    messages.say(messages.LONG_SENTENCE, count=str(len(text)), limit=str(MAX_CHARS)),
                    "",
                )
            )
    return out
