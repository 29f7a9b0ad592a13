"""typo — 誤字・脱字 「誤字の可能性があります」.

The user sees a misspelt set phrase (「お過ごしくだいませ」「ござまいます」
「ありがとうござます」) with the intended phrase as the fix, or a word typed
twice (「確認確認」). Misspellings are not listed by hand: every one-character
slip (a dropped, doubled or swapped kana, or in a longer phrase a neighbouring
kana typed once more: お願いいしたします) of the set phrases business mail is
built from (おりますので, お手数ですが, 今後とも…) and of the polite endings
they close on (でしょうか, いただきますよう, 承りました, いらっしゃいます; a past
ending typed twice: ございましたた) is generated once, and a hit
inside a correct phrase (「お願いいたします」 contains 「いいた」) is ignored.
Wrong-kanji conversions (誤変換) are listed with the word next to them, so the
other kanji's right use stays: 保障期間 → 保証期間, 暖かいお言葉 → 温かいお言葉,
その変わりに → その代わりに, ご期待に答え → ご期待に応え.
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
    お問い合わせください ご連絡ください ご確認ください お申し付けください
    ご了承ください お待ちください ご覧ください いただきますよう ありがとうございました おかけしますが
    でしょうか よろしいでしょうか いらっしゃいます いらっしゃいますか 承りました いたしますが ございますが
    いただけますでしょうか
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
    # 〜ましたため is a reason clause, not a doubled た.
    "ましたため", "ましたたび",
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
        if phrase.endswith("ました"):
            variants.add(phrase + "た")  # the past ending typed twice: ございましたた
        for variant in variants:
            if len(variant) >= 4 and variant != phrase and not any(variant in g for g in GUARDS):
                wrong.setdefault(variant, phrase)
    pattern = re.compile("|".join(re.escape(v) for v in sorted(wrong, key=len, reverse=True)))
    return pattern, wrong


# Wrong-kanji conversions (誤変換) in words shop mail uses, judged with their neighbour so the
# right use of the other kanji stays: 保障期間 → 保証期間 (社会保障 stays), 暖かいお言葉 → 温かい.
MISCONVERTED: dict[str, str] = {
    "保障期間": "保証期間", "保障書": "保証書", "品質保障": "品質保証", "保障対象": "保証対象", "保障内": "保証内",
    "保障外": "保証外", "暖かいお言葉": "温かいお言葉", "暖かいお心": "温かいお心",
    "暖かいご支援": "温かいご支援", "暖かいご声援": "温かいご声援", "暖かいお気持ち": "温かいお気持ち",
    "暖かいメッセージ": "温かいメッセージ", "温かい日が": "暖かい日が", "温かい季節": "暖かい季節",
    "温かい気候": "暖かい気候", "在庫紹介": "在庫照会", "残高紹介": "残高照会", "状況をご紹介": "状況をご照会",
    "その変わりに": "その代わりに", "変わりの商品": "代わりの商品", "変わりの品": "代わりの品",
    "変わりのもの": "代わりのもの", "お変わりの品": "お代わりの品", "除々に": "徐々に", "完壁": "完璧",
    "異和感": "違和感", "専問": "専門", "指適": "指摘", "講議": "講義", "既成品": "既製品", "既成服": "既製服",
    "感心があ": "関心があ", "ご感心をお持ち": "ご関心をお持ち", "関心しました": "感心しました",
    "関心いたしました": "感心いたしました", "確立が高": "確率が高", "確立が低": "確率が低", "事態を収集": "事態を収拾",
    "体調を壊": "体調を崩", "ご期待に答え": "ご期待に応え", "ご要望に答え": "ご要望に応え",
    "ご希望に答え": "ご希望に応え", "ご質問に応え": "ご質問に答え", "始めまして": "はじめまして",
    "意外の商品": "以外の商品", "以外と": "意外と",
    "以外にも好評": "意外にも好評", "一緒懸命": "一生懸命",
    "検討を祈": "健闘を祈", "ご検討を祈": "ご健闘を祈", "ご健討": "ご検討", "ご静聴": "ご清聴",
    "ご好意に甘え": "ご厚意に甘え", "ご好意に感謝": "ご厚意に感謝", "ご慈愛ください": "ご自愛ください",
}
_MISCONVERTED = re.compile("|".join(re.escape(k) for k in sorted(MISCONVERTED, key=len, reverse=True)))
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
    for match in _MISCONVERTED.finditer(text):
        right = MISCONVERTED[match.group()]
        if match.group() == "以外と" and match.start() > 0 and text[match.start() - 1] not in "、。\n 　":
            continue  # 「それ以外と比べて」: 以外 as "other than"; only a clause-opening 以外と is 意外と
        said = messages.say(messages.TYPO, right=right)
        out.append(messages.finding(FindingKind.TYPO, Severity.WARNING, match.start(), match.end(), said, right))
    for match in _DOUBLED_WORD.finditer(text):
        said = messages.say(messages.TYPO_DOUBLED_WORD, word=match.group(1))
        out.append(messages.finding(FindingKind.TYPO, Severity.WARNING, match.start(), match.end(), said,
                                    match.group(1)))
    return out
