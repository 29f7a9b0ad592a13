"""ignored_disclosure — 「お客様が教えてくださったことに触れていません」.

The user sees what the customer told about themselves (a birthday, an injury,
a move) that the draft never refers to. A reply that picks up even one word of
it, or a paraphrase (母 → お母様, 還暦 → お誕生日), acknowledges it; generic
thanks does not. A mail with no disclosure (e.g. a forwarded mail with no text
of its own) has nothing to acknowledge: the check is then not applicable and
`review.applicable()` says so.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, HighlightKind, Severity
from app.review.context import ReviewContext
from app.review.meaning import key_pool, keys, matched_weight
from app.review.rules import end_of_own_text


def applicable(ctx: ReviewContext) -> bool:
    return ctx.has_mail and bool(ctx.highlights(HighlightKind.DISCLOSURE))


def check(ctx: ReviewContext) -> list[Finding]:
    if not applicable(ctx):
        return []
    pool = ctx.pool
    at = end_of_own_text(ctx)
    out = []
    # Words the customer also used in a request (卵 in 「卵アレルギーがあり」 and 「卵は使われて
    # いますか」) come back in any answer; only the disclosure's own words show it was heard.
    asked = key_pool(ctx.highlight_tokens(h) for h in ctx.highlights(HighlightKind.REQUEST))
    for highlight in ctx.highlights(HighlightKind.DISCLOSURE):
        span_keys = keys(ctx.highlight_tokens(highlight))
        own_keys = [k for k in span_keys if not (k.forms & asked)]
        if sum(k.weight for k in own_keys) >= 1.0:
            span_keys = own_keys
        found, total = matched_weight(span_keys, pool)
        if total == 0 or found >= 1.0:
            continue
        told = ctx.highlight_text(highlight)
        out.append(
            Finding(
                FindingKind.IGNORED_DISCLOSURE,
                Severity.WARNING,
                at,
                at,
                f"お客様が教えてくださった「{told}」に触れていません。ひとこと受け止める言葉を添えましょう。",
                "",
                highlight,
            )
        )
    return out
