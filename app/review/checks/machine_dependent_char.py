"""machine_dependent_char — 機種依存文字 「相手の環境で表示できない文字があります」.

The user sees characters from vendor extensions of Shift_JIS (丸数字 ①,
㈱, ㌔, ローマ数字 Ⅲ, №, ℡) that older phones and ISO-2022-JP mailers turn into
garbage, with the plain spelling NFKC gives: (株), キロ, III, No. Kanji that
only the vendor sets have (IBM extensions: 髙, 﨑, 德) are found by asking
whether JIS X 0208 (ISO-2022-JP) can carry them; the usual stand-in (高, 崎, 徳)
is the fix.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.rules import scan

# Enclosed numbers/letters, CJK compatibility squares, Roman numerals, № ℡ and the like.
_DEPENDENT = re.compile(r"[\u2460-\u24ff\u2160-\u217f\u3200-\u33ff\u2116\u2121\u2252\u2261\u222e\u2211\u221f\u22bf]")


_KANJI = re.compile(r"[\u4e00-\u9fff\uf900-\ufaff]")
# The usual stand-ins for vendor-only kanji.
STAND_INS = {"髙": "高", "﨑": "崎", "德": "徳", "栁": "柳", "黑": "黒", "濵": "浜"}


@lru_cache(maxsize=8192)
def _vendor_only(char: str) -> bool:
    """A kanji JIS X 0208 (what ISO-2022-JP carries) does not have, but Shift_JIS vendors (CP932) do."""
    try:
        char.encode("iso2022_jp")
        return False
    except UnicodeEncodeError:
        pass
    try:
        char.encode("cp932")
        return True
    except UnicodeEncodeError:
        return False


def _plain(char: str) -> str:
    plain = unicodedata.normalize("NFKC", char)
    if plain == char:
        return ""
    # ① → 1 loses the circle: write it as (1) so a list still reads as a list.
    if "\u2460" <= char <= "\u24ff" and plain.isalnum():
        return f"({plain})"
    return plain


def check(ctx: ReviewContext) -> list[Finding]:
    vendor = [
        messages.finding(FindingKind.MACHINE_DEPENDENT_CHAR, Severity.WARNING, m.start(), m.end(),
                         messages.say(messages.MACHINE_DEPENDENT_CHAR, char=m.group()),
                         STAND_INS.get(m.group(), unicodedata.normalize("NFKC", m.group())
                                       if unicodedata.normalize("NFKC", m.group()) != m.group() else ""))
        for m in _KANJI.finditer(ctx.own_text) if _vendor_only(m.group())
    ]
    return vendor + scan(
        ctx,
        _DEPENDENT,
        FindingKind.MACHINE_DEPENDENT_CHAR,
        Severity.WARNING,
        lambda m: messages.say(messages.MACHINE_DEPENDENT_CHAR, char=m.group()),
        lambda m: _plain(m.group()),
    )
