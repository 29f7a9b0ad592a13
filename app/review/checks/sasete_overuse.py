"""sasete_overuse — 「させていただく」の多用 「させていただく」が続いています.

The user sees the second and later 〜させていただく of a sentence, or of a
short draft where most sentences end with it (「発送させていただきます。ご連絡
させていただきます。」). Used once, for something done with the customer's leave
(休業させていただきます, 掲載させていただいてもよろしいでしょうか), it is fine;
repeated, it reads as stiff and evasive. The fix for 〜(ご)Xさせていただきます is
(ご)Xいたします.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext

SASETE = re.compile(r"([おご]?[\u4e00-\u9fff]{1,6}?)?(さ|[かがさただなばまらわ])せて(?:いただ|頂)(き|く|け|い)")
_FIX_END = {"き": "いたし", "く": "いたす", "け": "いたせ", "い": "いたし"}


def _fix(match: re.Match[str], text: str) -> str:
    noun = match.group(1)
    if noun and match.group(2) == "さ":
        return noun + _FIX_END[match.group(3)]
    return ""


def check(ctx: ReviewContext) -> list[Finding]:
    text = ctx.own_text
    uses = [m for m in SASETE.finditer(text)]
    if len(uses) < 2:
        return []
    sentences = [s for s in ctx.sentences if s.text.strip()]
    dense = len(uses) >= 3 or len(uses) * 2 >= len(sentences)
    out = []
    seen_in: dict[int, int] = {}
    for number, match in enumerate(uses):
        sentence = next((i for i, s in enumerate(sentences) if s.start <= match.start() < s.end), -1)
        seen_in[sentence] = seen_in.get(sentence, 0) + 1
        repeated = seen_in[sentence] >= 2 or (dense and number >= 1)
        if not repeated:
            continue
        start = match.start(1) if match.group(1) else match.start(2)
        out.append(messages.finding(FindingKind.SASETE_OVERUSE, Severity.INFO, start, match.end(),
                                    messages.say(messages.SASETE_OVERUSE), _fix(match, text)))
    return out
