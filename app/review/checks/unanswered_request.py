"""unanswered_request — 「ご質問・ご要望にお答えしていない可能性があります」.

The user sees the customer's request (highlighted in the mail) that the draft
never answers or acts on. Matching is by meaning: the content words of the
request's last clause (the ask itself, not the reason before 「〜のですが、」)
must appear in the agent's own sentences, directly or as a paraphrase. A clear
"no" is an answer too; whether it is acceptable is `refusal_without_alternative`'s job.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, HighlightKind, Severity
from app.review.context import ReviewContext
from app.review.meaning import Key, keys, matched_weight
from app.review.rules import end_of_own_text
from app.review.tokens import Token


def core_keys(tokens: tuple[Token, ...]) -> list[Key]:
    """Keys of the clause after the request's last 、, or of the whole request when that says nothing."""
    last_comma = max((i for i, t in enumerate(tokens) if t.surface in ("、", "，", ",")), default=-1)
    core = keys(tokens[last_comma + 1 :])
    if sum(k.weight for k in core) >= 1.0:
        return core
    return keys(tokens)


def is_answered(span_keys: list[Key], pool: set[str]) -> bool:
    found, total = matched_weight(span_keys, pool)
    if total == 0:
        return True  # nothing to look for: do not accuse the draft on a guess
    return found >= 1.0 and (found >= 2.0 or found / total >= 0.5)


def check(ctx: ReviewContext) -> list[Finding]:
    if not ctx.has_mail:
        return []
    pool = ctx.pool
    at = end_of_own_text(ctx)
    out = []
    for highlight in ctx.highlights(HighlightKind.REQUEST):
        if is_answered(core_keys(ctx.highlight_tokens(highlight)), pool):
            continue
        asked = ctx.highlight_text(highlight)
        out.append(
            Finding(
                FindingKind.UNANSWERED_REQUEST,
                Severity.WARNING,
                at,
                at,
                f"お客様のご質問・ご要望「{asked}」へのお答えが見当たりません。",
                "",
                highlight,
            )
        )
    return out
