"""inuki — い抜き言葉 「『い』が抜けています」.

The user sees 〜てます / 〜てる / 〜でます, the spoken contraction of
〜ています (しております is better still in a reply). Sudachi tags the
contraction as the auxiliary てる/でる, so it is found for any verb. An honorific noun made of
お/ご + a verb's 連用形 takes the copula で (「傘をお持ちでない方」 = お持ちではない), never the te-form:
Sudachi's でる there is no contraction.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.main == "助動詞" and token.lemma in ("てる", "でる") and token.surface[:1] in ("て", "で"):
                if i >= 2 and tokens[i - 2].main == "接頭辞" and tokens[i - 2].surface in ("お", "ご", "御"):
                    continue  # お持ちでない: the honorific noun and its copula
                fixed = token.surface[0] + "い" + token.surface[1:]
                out.append(
                    messages.finding(
                        FindingKind.INUKI,
                        Severity.WARNING,
                        token.start,
                        token.end,
                        messages.say(messages.INUKI, fixed=fixed),
                        fixed,
                    )
                )
    return out
