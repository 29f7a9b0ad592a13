"""unfilled_placeholder — 未記入の差し込み 「埋められていない箇所があります」.

The user sees a snippet placeholder left in the draft ({customer}, {topic}) or
a blank the agent meant to fill (〇〇様, ●●, ××, 【商品名】, [日付]). Sending one
is the most visible mistake a reply can make, so it is an error.

A line made only of such marks (＊＊＊＊＊＊ above and below a signature, ●●●●● as a rule)
is decoration, not a blank: the demo's own signatures are drawn that way.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.rules import scan

_PLACEHOLDER = re.compile(
    r"\{[a-zA-Z_][a-zA-Z0-9_]*\}|｛[^｝\n]{1,20}｝|[〇○●◯◎]{2,}|[×✕＊*]{2,}|[XＸ]{2,}(?=様|さま|殿|\s|$)|"
    r"【(?:商品名|お名前|氏名|日付|日時|金額|注文番号|お客様名|会社名|店名|担当者?名?)】|"
    r"\[(?:商品名|お名前|氏名|日付|日時|金額|注文番号|お客様名|会社名|店名|担当者?名?)\]"
)


# A rule line: five or more marks and spaces, nothing else.
_RULE_LINE = re.compile(r"[〇○●◯◎×✕＊*XＸ \t　]{5,}")


def _on_a_rule_line(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]
    return _RULE_LINE.fullmatch(line.strip(" \t　")) is not None


def check(ctx: ReviewContext) -> list[Finding]:
    found = scan(
        ctx,
        _PLACEHOLDER,
        FindingKind.UNFILLED_PLACEHOLDER,
        Severity.ERROR,
        lambda m: messages.say(messages.UNFILLED_PLACEHOLDER, placeholder=m.group()),
    )
    return [f for f in found if not _on_a_rule_line(ctx.own_text, f.start, f.end)]
