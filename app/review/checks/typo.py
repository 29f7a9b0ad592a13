"""typo — 誤字・脱字 「誤字の可能性があります」.

The user sees a misspelt set phrase (「お過ごしくだいませ」「ござまいます」
「ありがとうござます」) with the intended phrase as the fix, or a word typed
twice (「確認確認」). Misspellings are not listed by hand: every one-character
slip (a dropped, doubled or swapped kana, or in a longer phrase a neighbouring
kana typed once more: お願いいしたします) of the set phrases business mail is
built from (おりますので, お手数ですが, 今後とも…) is generated once, and a hit
inside a correct phrase (「お願いいたします」 contains 「いいた」) is ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext

_PHRASE_TEXT = """
    ください くださいませ くださいますよう ございます ございました ございません
    いたします いたしました いたしております いただき いただけます いただけますと
    ありがとう 申し訳 よろしく お願い申し上げます 恐れ入ります 恐れ入りますが 幸いです
    存じます 申し上げます お待ちしております 承知いたしました お過ごし お問い合わせ
    ご確認 お手数 失礼いたします おかけ おります お知らせ かしこまりました ご連絡
    ご注文 ご利用 ご了承 ご不便 ご迷惑 お詫び 差し上げます 承っております お届け
    おりますので ございますので いたしますので お願いいたします お手数ですが 恐縮ですが 今後とも 引き続き
    お待たせいたしました 申し訳ございません ご安心ください 確認いたします
    させていただきます よろしくお願い お送りいたします 承知しました ご検討ください
"""
PHRASES: tuple[str, ...] = tuple(_PHRASE_TEXT.split())
# Correct phrases that contain a slip of another phrase; a hit inside one is no typo.
GUARDS = (
    *PHRASES,
    "お願いいたします", "お願いします", "お願いいたしました", "いたしまして", "ございまして", "くださいまして",
    "ございますが", "いただきます", "いただきました", "いただいて", "いただいた", "おりますので",
    "ありがとうございます", "くださるよう", "いたしますので",
    # 了承 is a word of its own (了承いたしました is business_manner's to fix), not a slip of 承知.
    "了承いたしました", "了承しました", "了承いたします", "ご了承",
    "ございませんので", "いたしませんので", "おりませんので", "させていただきますので", "お送りいたしますので",
    "確認いたしますので", "いたしましたので", "おりましたので", "ございましたので", "恐縮です",
    "お願いいたしますので", "お手数ですがお願い", "ご安心くださいませ", "承知しましたので",
)


@lru_cache(maxsize=1)
def _slips() -> tuple[re.Pattern[str], dict[str, str]]:
    wrong: dict[str, str] = {}
    for phrase in PHRASES:
        variants = set()
        for i in range(1, len(phrase) - 1):
            variants.add(phrase[:i] + phrase[i + 1 :])                              # dropped
            variants.add(phrase[:i] + phrase[i] + phrase[i:])                        # doubled
            variants.add(phrase[:i] + phrase[i + 1] + phrase[i] + phrase[i + 2 :])   # swapped
            if len(phrase) >= 6 and i >= 2:
                # A kana of the phrase typed once too often a little further on (お願いいしたします).
                for extra in set(phrase[i - 1 : i + 2]):
                    if "\u3041" <= extra <= "\u3096":
                        variants.add(phrase[:i] + extra + phrase[i:])
        for variant in variants:
            if len(variant) >= 4 and variant != phrase and not any(variant in g for g in GUARDS):
                wrong.setdefault(variant, phrase)
    pattern = re.compile("|".join(re.escape(v) for v in sorted(wrong, key=len, reverse=True)))
    return pattern, wrong


_GUARD = re.compile("|".join(re.escape(g) for g in sorted(GUARDS, key=len, reverse=True)))
_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff\u30a0-\u30ff]{2,})\1")


def check(ctx: ReviewContext) -> list[Finding]:
    text = ctx.own_text
    pattern, wrong = _slips()
    guarded = [m.span() for m in _GUARD.finditer(text)]
    out = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(g_start <= start and end <= g_end for g_start, g_end in guarded):
            continue
        right = wrong[match.group()]
        said = messages.say(messages.TYPO, right=right)
        out.append(messages.finding(FindingKind.TYPO, Severity.WARNING, start, end, said, right))
    for match in _DOUBLED_WORD.finditer(text):
        said = messages.say(messages.TYPO_DOUBLED_WORD, word=match.group(1))
        out.append(messages.finding(FindingKind.TYPO, Severity.WARNING, match.start(), match.end(), said,
                                    match.group(1)))
    return out
