"""unacknowledged_worry — 「お客様のご不安に寄り添う言葉がありません」.

The user sees a worry of the customer's (「間に合うか不安です」) that the draft
answers only with facts. Empathy is a sentence of the agent's own that names
the feeling (ご心配, ご不安, お察し, お気持ち, 気がかり…); reassurance that
dismisses it (「ご心配なく」) does not count. With several worries, an empathy
sentence counts for the worry it shares words with, or for all of them when
it names none in particular.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, HighlightKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.meaning import matched_weight
from app.review.rules import end_of_own_text
from app.review.vocab import EMPATHY, NOT_EMPATHY
from app.text import Sentence

_EMPATHY = re.compile(EMPATHY)
_NOT_EMPATHY = re.compile(NOT_EMPATHY)


def is_empathy(sentence: Sentence) -> bool:
    text = _NOT_EMPATHY.sub("", sentence.text)
    return bool(_EMPATHY.search(text))


def check(ctx: ReviewContext) -> list[Finding]:
    if not ctx.has_mail:
        return []
    worries = ctx.highlights(HighlightKind.WORRY)
    if not worries:
        return []
    worry_keys = [ctx.highlight_keys(w) for w in worries]
    # Which worries each empathy sentence is about (by shared words); none → all.
    covered: set[int] = set()
    for sentence, sentence_keys in zip(ctx.sentences, ctx.sentence_keys, strict=True):
        if not is_empathy(sentence):
            continue
        pool = {form for key in sentence_keys for form in key.forms}
        about = {i for i, k in enumerate(worry_keys) if matched_weight(k, pool)[0] >= 1.0}
        covered |= about or set(range(len(worries)))
    at = end_of_own_text(ctx)
    out = []
    for i, worry in enumerate(worries):
        if i in covered:
            continue
        out.append(
            messages.finding(
                FindingKind.UNACKNOWLEDGED_WORRY,
                Severity.WARNING,
                at,
                at,
                messages.say(messages.UNACKNOWLEDGED_WORRY, worry=ctx.highlight_text(worry)),
                "",
                worry,
            )
        )
    return out
