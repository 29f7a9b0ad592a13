"""conjunction_repeat — 同じ接続詞の連続 「同じ接続詞で文が続いています」.

The user sees two sentences in a row opening with the same conjunction
(「しかし、〜。しかし、〜。」「また、〜。また、〜。」): the second one reads as a
stutter. Sudachi's part of speech (接続詞) says what a conjunction is, so
「また明日ご連絡します」 (an adverb) is not counted. The fix is another word or
none; no suggestion is made.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext

# Words Sudachi may read as a conjunction that are adverbs without a comma (「また明日」「さらに詳しく」).
_NEEDS_COMMA = frozenset({"また", "又", "なお", "尚", "さらに", "更に", "ただ", "只"})


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    previous = ""
    for sentence in ctx.sentences:
        words = [t for t in sentence.tokens if t.main not in ("補助記号", "空白")]
        first = words[0] if words and words[0].main == "接続詞" else None
        if first is not None and first.surface in _NEEDS_COMMA:
            after = next((t for t in sentence.tokens if t.start >= first.end), None)
            if after is None or after.surface not in ("、", "，", ","):
                first = None
        if first is not None and first.surface == previous:
            said = messages.say(messages.CONJUNCTION_REPEAT, word=first.surface)
            out.append(messages.finding(FindingKind.CONJUNCTION_REPEAT, Severity.INFO, first.start, first.end, said))
        previous = first.surface if first is not None else ""
    return out
