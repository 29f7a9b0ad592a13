"""max_ten — 読点の多すぎる文 「一文に読点が多すぎます」.

The user sees a sentence strung together with four or more 、 (「本日、
ご注文の、商品を、倉庫から、発送いたしました」): clauses pile up and the reader
loses the thread, even when the sentence is not long. Commas inside 「」 or ()
and in a list of short nouns (赤、青、白、黒の四色) are not counted.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.checks.long_sentence import MAX_CHARS
from app.review.context import ReviewContext
from app.review.gate import gated

MAX_TEN = 3
_QUOTED = gated(re.compile(r"「[^」]*」|『[^』]*』|（[^）]*）|\([^)]*\)"))
# A list item: a short noun phrase between commas (赤、青、白).
_LIST_ITEM = re.compile(r"(?<=[、，,])[\u4e00-\u9fff\u30a1-\u30faー]{1,5}(?=[、，,])")


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        if len(sentence.text.strip()) > MAX_CHARS:
            continue  # long_sentence already says so
        text = _QUOTED.sub(lambda m: "・" * len(m.group()), sentence.text)
        commas = [m.start() for m in re.finditer(r"[、，,]", text)]
        items = len(_LIST_ITEM.findall(text))
        if len(commas) - items <= MAX_TEN:
            continue
        at = sentence.start + commas[MAX_TEN]
        said = messages.say(messages.MAX_TEN, count=str(len(commas)), limit=str(MAX_TEN))
        out.append(messages.finding(FindingKind.LONG_SENTENCE, Severity.INFO, at, at + 1, said))
    return out
