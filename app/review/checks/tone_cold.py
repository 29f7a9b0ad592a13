"""tone_cold — 「事務的で冷たい印象です」.

The user sees a representative sentence of a draft made only of facts and
instructions: no thanks (ありがとうございます), no cushion word (恐れ入りますが,
お手数ですが), no apology (申し訳ございません), no empathy. The stock closing
「ご不明な点がございましたら、お気軽に…」 does not count as warmth. Keigo alone does not
make a reply warm. A draft judged over-familiar is not also called cold, and
a one-line note is too short to judge.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.checks.tone_overfamiliar import is_overfamiliar
from app.review.context import ReviewContext, Sentence
from app.review.vocab import WARMTH

_WARMTH = re.compile(WARMTH)
# The stock closing 「ご不明な点がございましたら、お気軽にお問い合わせください」 ends warm and
# cold replies alike; its お気軽に is no cushion for the facts above it.
_STOCK_CLOSING = re.compile(r"(?:ご不明|ご質問|ご要望|何か)[^。！？\n]*?お気軽")
_INSTRUCTION = re.compile(r"(?:して|って|んで|いで|て|で)ください(?!ませ)|(?:こと|ように)。|必要です|願います")


def _representative(sentences: tuple[Sentence, ...]) -> Sentence:
    # A bare instruction is what sounds coldest to a customer; else the first fact.
    for sentence in sentences:
        if _INSTRUCTION.search(sentence.text):
            return sentence
    return sentences[0]


def check(ctx: ReviewContext) -> list[Finding]:
    own = [s for s in ctx.sentences if s.text.strip()]
    if len(own) < 2 or sum(len(s.text.strip()) for s in own) < 30:
        return []
    if any(_WARMTH.search(_STOCK_CLOSING.sub("", s.text)) for s in own) or is_overfamiliar(ctx):
        return []
    sentence = _representative(tuple(own))
    text = sentence.text.rstrip()
    start = sentence.start + len(text) - len(text.lstrip())
    return [
        messages.finding(
            FindingKind.TONE_COLD,
            Severity.WARNING,
            start,
            sentence.start + len(text),
            messages.say(messages.TONE_COLD),
            "",
        )
    ]
