"""double_negative — 二重否定 「否定が重なって分かりにくくなっています」.

The user sees a negation of a negation (受け付けないわけではございません,
ないこともない, できなくはない, 遅れないとも限りません, 不可能ではない). The
customer has to work out whether the answer is yes or no; a reply says what
is possible in the affirmative (「〜も承っております」「〜の場合がございます」).
A single negation is left alone (お届けできないことがございます,
忘れ物がないよう), and so is the set phrase 〜ざるを得ない.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.rules import scan

_NOT = r"(?:ない|なく|ません)"
DOUBLE_NEGATIVE = re.compile(
    r"(?:ない|ません)(?:わけ|訳)(?:では|じゃ)(?:ない|なく|ありません|ございません)"
    r"|ない(?:こと|事)(?:は|も)(?:ない|なく|ありません|ございません)"
    r"|なく(?:は|も)(?:ない|なく|ありません|ございません)"
    r"|ない(?:とも|とは)(?:限ら|限りません|言え|言い切れ)"
    r"|(?:不可能|不可|無理|不要|不適切|不十分|不便)(?:では|じゃ|で?も)(?:ない|なく|ありません|ございません)"
    r"|ない(?:では|でも)(?:ない|ありません|ございません)"
    r"|ない(?:もの|物)(?:では|でも)(?:ない|なく|ありません|ございません)"
    r"|ない(?:わけ|訳)には(?:いか(?:ない|ず|ぬ)|いきません|参りません|まいりません)"
    rf"|{_NOT}(?:とは|とも)言え(?:なく|ない)"
)


def _start(text: str, match: re.Match[str]) -> int:
    """Back to the start of the verb the first negation belongs to (受け付けない, できなく)."""
    start = match.start()
    while start > 0 and text[start - 1] not in "、。！？\n 　はがをにでとも":
        start -= 1
        if match.start() - start >= 8:
            break
    return start


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    text = ctx.own_text
    for finding in scan(ctx, DOUBLE_NEGATIVE, FindingKind.DOUBLE_NEGATIVE, Severity.INFO,
                        messages.say(messages.DOUBLE_NEGATIVE)):
        match = DOUBLE_NEGATIVE.search(text, finding.start)
        start = _start(text, match) if match is not None else finding.start
        out.append(messages.finding(FindingKind.DOUBLE_NEGATIVE, Severity.INFO, start, finding.end,
                                    messages.say(messages.DOUBLE_NEGATIVE)))
    return out
