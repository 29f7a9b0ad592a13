"""invisible_char — 見えない・分かれた文字 「表示や検索で問題になる文字があります」.

The user sees characters that look right but are not what they seem: a
zero-width space or a control character pasted from a web page, a dakuten
written as a separate combining mark (ホ゜ケット from a PDF: NFD), a Kangxi
radical standing in for the kanji (⼈ for 人). They break search and may show
as garbage at the customer's end; the fix is the NFC/NFKC form (or nothing,
for an invisible one).
"""

from __future__ import annotations

import re
import unicodedata

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_COMBINING = re.compile(r".[\u3099\u309a]")
_KANGXI = re.compile(r"[\u2f00-\u2fdf\u2e80-\u2eff]")


def check(ctx: ReviewContext) -> list[Finding]:
    text = ctx.own_text
    out = []
    for match in _INVISIBLE.finditer(text):
        said = messages.say(messages.INVISIBLE_CHAR, char=f"U+{ord(match.group()):04X}")
        out.append(messages.finding(FindingKind.MACHINE_DEPENDENT_CHAR, Severity.WARNING, match.start(),
                                    match.end(), said, ""))
    for match in _COMBINING.finditer(text):
        fixed = unicodedata.normalize("NFC", match.group())
        said = messages.say(messages.INVISIBLE_CHAR, char=match.group())
        out.append(messages.finding(FindingKind.MACHINE_DEPENDENT_CHAR, Severity.WARNING, match.start(),
                                    match.end(), said, fixed))
    for match in _KANGXI.finditer(text):
        fixed = unicodedata.normalize("NFKC", match.group())
        said = messages.say(messages.INVISIBLE_CHAR, char=match.group())
        out.append(messages.finding(FindingKind.MACHINE_DEPENDENT_CHAR, Severity.WARNING, match.start(),
                                    match.end(), said, fixed if fixed != match.group() else ""))
    return out
