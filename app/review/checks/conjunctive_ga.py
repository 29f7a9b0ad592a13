"""conjunctive_ga — 逆接の「が」の重複 「一文に接続助詞の『が』が二度あります」.

The user sees a sentence that turns on 〜が twice (「在庫を確認しましたが、
ございませんでしたが、入荷予定はあります」): the reader loses which way it
goes. Sudachi tags the conjunctive が (接続助詞) apart from the subject marker
が (格助詞), so 「在庫がございますが、」 has only one. The fix is to split the
sentence; none is offered.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        gas = [t for t in sentence.tokens if t.main == "助詞" and t.sub == "接続助詞" and t.surface == "が"]
        for token in gas[1:]:
            out.append(messages.finding(FindingKind.PARTICLE_REPEAT, Severity.INFO, token.start, token.end,
                                        messages.say(messages.PARTICLE_GA_TWICE)))
    return out
