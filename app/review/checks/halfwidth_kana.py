"""halfwidth_kana — 半角カナ 「半角カタカナが使われています」.

The user sees a run of half-width katakana (ｶﾀｶﾅ), which ISO-2022-JP mail
cannot carry and many mailers show as garbage; the fix is the full-width
form NFKC gives (ｶﾞ → ガ, voiced marks joined).
"""

from __future__ import annotations

import re
import unicodedata

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.rules import scan

_HALFWIDTH = re.compile(r"[\uff61-\uff9f]+")


def check(ctx: ReviewContext) -> list[Finding]:
    return scan(
        ctx,
        _HALFWIDTH,
        FindingKind.HALFWIDTH_KANA,
        Severity.WARNING,
        messages.say(messages.HALFWIDTH_KANA),
        lambda m: unicodedata.normalize("NFKC", m.group()),
    )
