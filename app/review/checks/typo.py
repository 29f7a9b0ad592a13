"""typo — 誤字・脱字 「誤字の可能性があります」.

The user sees a misspelt set phrase (「お過ごしくだいませ」「ござまいます」
「ありがとうござます」) with the intended phrase as the fix, or a word typed
twice (「確認確認」). Misspellings are not listed by hand: every one-character
slip (a dropped, doubled or swapped kana, or in a longer phrase a neighbouring
kana typed once more: お願いいしたします; two kana typed twice: いたしまします) of the set phrases business mail is
built from (おりますので, お手数ですが, 今後とも…) and of the polite endings
they close on (でしょうか, いただきますよう, 承りました, いらっしゃいます; a past
ending typed twice: ございましたた) is generated once, and a hit
inside a correct phrase (「お願いいたします」 contains 「いいた」) is ignored.
Wrong-kanji conversions (誤変換) are listed with the word next to them, so the
other kanji's right use stays: 保障期間 → 保証期間, 暖かいお言葉 → 温かいお言葉,
その変わりに → その代わりに, ご期待に答え → ご期待に応え.

Round 21: two kana lost from a polite ending are read from the grammar (a 連用形 + the auxiliary せん is
ません: ありせん, 申し訳ございせん; the noun ござ before a verb or auxiliary is ござい〜: 申し訳ござせん; ござい
is only ever followed by ます: ございまでした); a kana typed without its consonant key (いたしまう,
ございまいた; not き → い, which is the イ音便 いただい);
set phrases typed with a same-sound kanji (申し分け, 恐れ要ります, お問い会わせ, お超し, ご変身をお待ち),
waited-for acts "carried" (ご来店をお持ちしております → お待ち), a discount or rule 適応 (→ 適用: 特典が
適応されます; 環境に適応 stays), and a customer's question 解答 (→ 回答).
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.analysis.wordtrie import trie_pattern
from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.gate import gated
from app.review.rules import words_pattern

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
    いただけますでしょうか 申し訳ありません お世話になっております お越しください
    お越しいただき いたしかねます ご容赦ください ご査収ください お詫び申し上げます 頂戴いたします
    ご遠慮ください 心よりお待ちしております お気軽に ございませんでした できしだい わかりしだい
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


# A kana typed without its consonant key (す = s+u → う): the slip romaji input makes.
_VOWEL = {k: v for v, row in (("あ", "かがさざただなはばぱまやらわ"), ("い", "きぎしじちぢにひびぴみり"),
                               ("う", "くぐすずつづぬふぶぷむゆる"), ("え", "けげせぜてでねへべぺめれ"),
                               ("お", "こごそぞとどのほぼぽもよろを")) for k in row}


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
        for i in range(2, len(phrase) - 1):
            vowel = _VOWEL.get(phrase[i])
            if len(phrase) >= 5 and vowel and phrase[i] not in "きぎ":  # いただき → いただい is the イ音便
                variants.add(phrase[:i] + vowel + phrase[i + 1 :])  # the consonant key missed: ございまいた
        if len(phrase) >= 5 and phrase.endswith("す"):
            variants.add(phrase[:-1] + "う")  # the last す typed without its s: いたしまう (checked before kana below)
        for i in range(1, len(phrase) - 2):
            pair = phrase[i : i + 2]
            if len(phrase) >= 5 and all("\u3041" <= c <= "\u3096" for c in pair):
                variants.add(phrase[: i + 2] + pair + phrase[i + 2 :])  # two kana typed twice: いたしまします
        if phrase.endswith("ました"):
            variants.add(phrase + "た")  # the past ending typed twice: ございましたた
        for variant in variants:
            if len(variant) >= 4 and variant != phrase and not any(variant in g for g in GUARDS):
                wrong.setdefault(variant, phrase)
    return trie_pattern(sorted(wrong)), wrong


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
    # Round 21: the same slip inside a set phrase and its neighbour. お持ちしております is right for what we
    # bring (商品をお持ちしております); waited-for acts take お待ち.
    **{f"{w}をお持ちし": f"{w}をお待ちし" for w in (
        "ご来店", "ご来院", "ご来場", "お越し", "ご連絡", "お返事", "ご返信", "ご返事", "ご予約", "ご注文", "ご応募",
        "ご参加", "お申し込み", "お問い合わせ", "ご利用", "ご来訪", "お便り", "ご回答", "ご報告")},
    "適応外": "適用外", "適応対象": "適用対象", "適応範囲": "適用範囲",
    # 解答 answers a problem set; a customer's question gets a 回答.
    "ご質問に解答": "ご質問に回答", "ご質問への解答": "ご質問への回答", "お問い合わせに解答": "お問い合わせに回答",
    "解答いたし": "回答いたし", "ご解答": "ご回答", "解答させていただ": "回答させていただ",
    # Set phrases typed with a wrong kanji of the same sound.
    "申し分け": "申し訳", "恐れ要り": "恐れ入り", "お問い会わせ": "お問い合わせ", "問い会わせ": "問い合わせ",
    "またの機械": "またの機会", "お超し": "お越し", "真にありがと": "誠にありがと", "真に申し訳": "誠に申し訳",
    "ご変身をお待ち": "ご返信をお待ち", "ご変身いただ": "ご返信いただ", "ご変身ください": "ご返信ください",
}
# 適応 is adapting to something; a discount, coupon or rule named in the same clause is applied (適用):
# 「送料無料の特典が適応されます」「クーポンは一枚まで適応できます」. 「新しい環境に適応」 stays.
_TEKIOU = gated(re.compile(r"(?:割引|値引き|クーポン|ポイント|特典|送料無料|保証|キャンペーン|料金|価格|規約|条件|"
                           r"税率|優待|セール|サービス|プラン)[^。、\n]{0,15}?(適応)(?=さ|し|でき|に|と|が|は|対象|外|範囲)"))
_MISCONVERTED = words_pattern(MISCONVERTED)
_GUARD = words_pattern(GUARDS)
_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff\u30a0-\u30ff]{2,})\1")


def _broken_endings(ctx: ReviewContext) -> list[Finding]:
    """Polite endings with two kana lost, read from Sudachi's grammar rather than listed.

    A verb's 連用形 followed by the auxiliary せん (ありせん, できせん, 申し訳ございせん) is ません with
    its ま lost: the causative せる never follows a 連用形. The noun ござ (a straw mat) followed by a verb or
    an auxiliary (申し訳ござせん, ござした, ござまいせん) is ござい〜 broken; ござを敷く stays."""
    out = []
    for sentence in ctx.sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens[:-1]):
            after = tokens[i + 1]
            if after.start != token.end:
                continue
            if token.main in ("動詞", "接尾辞") and token.cform.startswith("連用形") and after.surface == "せん" \
                    and after.main == "助動詞":
                start, end, right = token.start, after.end, token.surface + "ません"
            elif token.lemma == "ござる" and token.surface == "ござい" and \
                    not (after.lemma == "ます" and after.main == "助動詞") and \
                    not ctx.own_text.startswith(("まー", "ま〜", "まぁ", "まあ"), after.start):
                # ござい (the イ音便 of ござる) is only ever followed by ます: ございまでした lost its せん
                # (ございまーす is drawn out, not broken).
                k = i + 1
                while k + 1 < len(tokens) and tokens[k + 1].main in ("助動詞", "動詞", "助詞") and \
                        tokens[k + 1].start == tokens[k].end and tokens[k].surface not in ("。", "、"):
                    k += 1
                rest = ctx.own_text[after.start : tokens[k].end]
                right = "ございませんでした" if "でした" in rest else "ございました" if rest.endswith("た") else \
                    "ございます"
                start, end = token.start, tokens[k].end
            elif token.surface == "ござ" and token.main == "名詞" and after.main in ("助動詞", "動詞"):
                k = i + 1
                while k + 1 < len(tokens) and tokens[k + 1].main in ("助動詞", "動詞") and \
                        tokens[k + 1].start == tokens[k].end:
                    k += 1
                rest = ctx.own_text[after.start : tokens[k].end]
                if "ん" in rest:  # ござせんでした → ございませんでした: what follows the ん stays
                    right = "ございません" + rest[rest.index("ん") + 1 :]
                else:
                    right = "ございました" if rest.endswith("た") else "ございます"
                start, end = token.start, tokens[k].end
            else:
                continue
            said = messages.say(messages.TYPO, right=right)
            out.append(messages.finding(FindingKind.TYPO, Severity.WARNING, start, end, said, right))
    return out


def check(ctx: ReviewContext) -> list[Finding]:
    text = ctx.own_text
    pattern, wrong = _slips()
    guarded = [m.span() for m in _GUARD.finditer(text)]
    out = []
    for match in _TEKIOU.finditer(text):
        said = messages.say(messages.TYPO, right="適用")
        out.append(messages.finding(FindingKind.TYPO, Severity.WARNING, match.start(1), match.end(1), said, "適用"))
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(g_start <= start and end <= g_end for g_start, g_end in guarded):
            continue
        if match.group().endswith("う") and wrong[match.group()].endswith("す") and \
                "\u3041" <= text[end : end + 1] <= "\u3096":
            continue  # 〜まう before more kana is some other word, not a slip of 〜ます
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
    out += [f for f in _broken_endings(ctx) if not any(g.start < f.end and f.start < g.end for g in out)]
    return out
