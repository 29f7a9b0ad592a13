"""business_manner — ビジネスメールで避けたい言い回し 「お客様への言葉として適切か確かめましょう」.

The user sees words that are polite-sounding but wrong to a customer, with
the standard business form as the fix: ご苦労様です (said to those below
you) → お疲れ様です; とんでもございません → とんでもないことでございます;
了解しました / 了解いたしました → 承知しました / 承知いたしました; お世話様です →
お世話になっております; 参考になりました → 勉強になりました; すいません →
申し訳ございません; なるほどですね → おっしゃるとおりです; 了承いたしました (a
superior's approval) → 承知いたしました; 御社様・貴社様 → 貴社; 取り急ぎお礼まで →
まずはお礼申し上げます; a bare わかりました as the answer → 承知いたしました. The nouns alone (ご苦労を
おかけし, 了解を得る, ご了承ください) are left alone.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.rules import scan

MANNERS: dict[str, str] = {
    "ご苦労様です": "お疲れ様です", "ご苦労さまです": "お疲れ様です", "ご苦労様でした": "お疲れ様でした",
    "ご苦労さまでした": "お疲れ様でした", "ご苦労様でございます": "お疲れ様でございます",
    "ご苦労さまでございます": "お疲れ様でございます",
    "とんでもございません": "とんでもないことでございます", "とんでもありません": "とんでもないことでございます",
    "了解しました": "承知しました", "了解いたしました": "承知いたしました", "了解致しました": "承知いたしました",
    "了解です": "承知しました", "了解いたします": "承知いたします", "了解しております": "承知しております",
    "了解いたしております": "承知いたしております",
    "お世話様です": "お世話になっております", "お世話さまです": "お世話になっております",
    "お世話様でございます": "お世話になっております", "お世話さまでございます": "お世話になっております",
    "お世話様でした": "お世話になりました", "お世話さまでした": "お世話になりました",
    "参考になりました": "勉強になりました", "すいません": "申し訳ございません",
    "なるほどですね": "おっしゃるとおりです",
    # 各位 already means 皆様: no second honorific.
    "各位様": "各位", "各位殿": "各位", "皆様各位": "各位",
    # 了承 is a superior's approval: a shop accepting a customer's request says 承知.
    "了承いたしました": "承知いたしました", "了承致しました": "承知いたしました", "了承しました": "承知しました",
    "了承いたします": "承知いたします", "了承です": "承知しました", "了承しております": "承知しております",
    "了解致します": "承知いたします", "了解しています": "承知しております",
    # 御社 is spoken; in writing the other company is 貴社.
    "御社様": "貴社", "貴社様": "貴社",
    # 「取り急ぎ〜まで」 ends on a noun: curt to a customer.
    "取り急ぎお礼まで": "まずはお礼申し上げます", "取り急ぎご連絡まで": "取り急ぎご連絡申し上げます",
    "取り急ぎご報告まで": "取り急ぎご報告申し上げます", "取り急ぎご返信まで": "取り急ぎご返信申し上げます",
}
PATTERN = re.compile("|".join(re.escape(k) for k in sorted(MANNERS, key=len, reverse=True)))
# 「わかりました」 as the whole answer to a customer (not 「予定がわかりましたら」) → 承知いたしました.
_WAKARIMASHITA = re.compile(r"(?:^|(?<=[。、！\n]))[\s　]*(?:はい、)?(わかりました|分かりました)(?=[。！!]|$)",
                            re.MULTILINE)


def check(ctx: ReviewContext) -> list[Finding]:
    understood = scan(
        ctx,
        _WAKARIMASHITA,
        FindingKind.BUSINESS_MANNER,
        Severity.WARNING,
        lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(1), right="承知いたしました"),
        lambda m: "承知いたしました",
        group=1,
    )
    return understood + scan(
        ctx,
        PATTERN,
        FindingKind.BUSINESS_MANNER,
        Severity.WARNING,
        lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(), right=MANNERS[m.group()]),
        lambda m: MANNERS[m.group()],
    )
