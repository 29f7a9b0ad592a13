"""machine_dependent_char — 機種依存文字 「相手の環境で表示できない文字があります」.

The user sees characters from vendor extensions of Shift_JIS (丸数字 ①,
㈱, ㌔, ローマ数字 Ⅲ, №, ℡) that older phones and ISO-2022-JP mailers turn into
garbage, with the plain spelling NFKC gives: (株), キロ, III, No.
"""

from __future__ import annotations

import re
import unicodedata

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.rules import scan

# Enclosed numbers/letters, CJK compatibility squares, Roman numerals, № ℡ and the like.
_DEPENDENT = re.compile(r"[\u2460-\u24ff\u2160-\u217f\u3200-\u33ff\u2116\u2121\u2252\u2261\u222e\u2211\u221f\u22bf]")


def _plain(char: str) -> str:
    plain = unicodedata.normalize("NFKC", char)
    if plain == char:
        return ""
    # ① → 1 loses the circle: write it as (1) so a list still reads as a list.
    if "\u2460" <= char <= "\u24ff" and plain.isalnum():
        return f"({plain})"
    return plain


def check(ctx: ReviewContext) -> list[Finding]:
    return scan(
        ctx,
        _DEPENDENT,
        FindingKind.MACHINE_DEPENDENT_CHAR,
        Severity.WARNING,
        lambda m: messages.say(messages.MACHINE_DEPENDENT_CHAR, char=m.group()),
        lambda m: _plain(m.group()),
    )
