"""inuki — い抜き言葉 「『い』が抜けています」.

The user sees 〜てます / 〜てる / 〜でます, the spoken contraction of
〜ています (しております is better still in a reply). Sudachi tags the
contraction as the auxiliary てる/でる, so it is found for any verb.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        for token in sentence.tokens:
            if token.main == "助動詞" and token.lemma in ("てる", "でる") and token.surface[:1] in ("て", "で"):
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
