"""Greeting and closing formulas: sentences the reader dims and the detector skips.

A formula is recognised only when it is the whole sentence (after the usual
cushion words), so 「お手数ですが、交換をお願いします」 stays a request while
「お忙しいところ恐縮ですが、どうぞよろしくお願いいたします」 is a formula.
"""

from __future__ import annotations

import re
from typing import Final

from app.analysis.wordtrie import trie_pattern

_CUSHION: Final = (r"(?:いつも|平素は|平素より|日頃より|日頃は|日ごろより|大変|たいへん|本当に|誠に|どうぞ|どうか|"
            r"何卒|なにとぞ|引き続き|今後とも|今後も|以上|それでは|では|改めまして|取り急ぎ|"
            r"お手数(?:を|をお)?(?:おかけ|お掛け)?(?:します|いたします|致します)?(?:が)?|"
            r"お手数ですが|お忙しい(?:ところ|中)(?:大変)?(?:恐縮|恐れ入り|申し訳(?:ござい|あり)ませ)(?:です|ます|ん)?が|"
            r"恐れ入りますが|恐縮ですが|大変恐縮ですが|また|"
            # 「当日はどうぞよろしくお願いいたします」: a time or occasion, then the closing
            r"(?:当日|本日|明日|その際|その節|その時|今回|次回)(?:は|も)|(?:今年|来年|来年度|今後)も|"
            r"(?:何か|なにか)(?:あれば|ありましたら|ございましたら|あった(?:ら|際は))|[、，,\s])*")
_NAME_TAIL: Final = r"(?:[、，,\s]*[^、。！？!?\s]{1,20}(?:です|と申します|でございます))?"

_FORMULAS: Final = [
    # greetings
    _CUSHION + r"(?:お世話に(?:なって|なり)(?:おり|い|ござい|なり)?(?:ます|ました)|お世話様です)" + _NAME_TAIL,
    r"(?:はじめまして|初めまして)" + _NAME_TAIL,
    r"(?:初めて|はじめて)(?:ご連絡|連絡|メール|お問い合わせ|問い合わせ)(?:を)?"
    r"(?:いたし|致し|し|させていただき|差し上げ)ます" + _NAME_TAIL,
    r"突然の(?:ご連絡|連絡|メール|お問い合わせ)(?:にて|で)?(?:大変)?(?:失礼|申し訳|すみません)[^、。]{0,12}"
    + _NAME_TAIL,
    r"(?:こんにちは|こんにちわ|こんばんは|こんばんわ|おはようございます|お疲れ様です|お疲れさまです|ご無沙汰しております|"
    r"ご無沙汰しています|ご無沙汰いたしております)" + _NAME_TAIL,
    r"[^、。！？!?\s]{1,15}と申します",
    # 「毎年秋にお庭の手入れをお願いしております、上田でございます」: who they are to the shop
    r"[^。！？!?]{0,30}(?:を)?お願いして(?:おり|い)(?:ます|る)[、，\s]*(?:者|もの)?[^、。！？!?\s]{0,20}"
    r"(?:です|でございます|と申します)",
    # seasonal greetings of a letter: 「拝啓 秋も深まってまいりましたが、皆様お変わりなくお過ごしでしょうか」
    # (the season before it may run long — 「十一月の雨のあと、ようやく秋らしい気温になってきましたが、職員の皆様に
    # おかれましてはお変わりありませんか」 — as long as no one of theirs is in it)
    r"(?:拝啓|謹啓|前略)?[\s　]*(?:(?!娘|息子|母|父|夫|妻|主人|孫|子|私|僕|家族|手術|入院)[^。！？!?]){0,60}?"
    r"(?:お変わりなく|お変わりありません|いかがお過ごし|如何お過ごし|"
    r"お元気でお過ごし|お健やかにお過ごし|ご清祥|ご清栄|ご健勝)[^。！？!?]{0,20}",

    # a remark on the season that opens a letter (時候の挨拶 in plain words): 「朝晩はすっかり涼しくなり、金木犀の香りが
    # 漂ってくる季節になりましたね」「寒さが一段と厳しくなってまいりましたが」 — no one of theirs in it
    r"(?:拝啓|謹啓|前略)?[\s　]*(?:(?!娘|息子|母|父|夫|妻|主人|孫|子|私|僕|家族|手術|入院)[^。！？!?]){0,50}?"
    r"(?:季節|時期|頃|候|時節)(?:と|に)なりました(?:ね|が)?",
    r"(?:拝啓|謹啓|前略)?[\s　]*(?:朝晩|朝夕|日中|日ごと|日に日に)?[はの、]?"
    r"(?:すっかり|めっきり|ずいぶん|一段と|日ごとに)?"
    r"(?:寒さ|暑さ|冷え込み|日差し|陽気|寒い日|暑い日|肌寒い日|涼しく|寒く|暑く|暖かく)"
    r"[^。！？!?]{0,12}?(?:続いて|厳しく|増して|和らいで|なって|感じられる|まいり|きて)"
    r"[^。！？!?]{0,12}(?:おります|います|まいりました|きました|ました)(?:が|ね)?",
    # a regular's hello: 「やっほー、また来ちゃいました」「どうも、またまた来ました」
    r"(?:やっほー|やっほ|どうも|こんにちは|こんにちわ|こんばんは)?[、，！!\s]*(?:また|またまた)"
    r"(?:来|き)(?:ちゃいました|ちゃった|てしまいました|ました)",
    # closings
    _CUSHION + r"(?:(?:ご|お)[^、。]{1,8}の(?:ほど|程)[、，\s]*(?:どうぞ|何卒|なにとぞ)?)?[、，\s]*"
    r"(?:よろしく|宜しく)(?:お願い|お願い致し|お願いいたし|お願いし|お願い申し上げ)?(?:ます|します|いたします|致します)?[ねー〜～]*",
    _CUSHION + r"(?:ご|お)[^、。！？!?]{1,8}の(?:ほど|程)[、，\s]*(?:どうぞ|何卒|なにとぞ)?[、，\s]*"
    r"(?:よろしく|宜しく)?お願い(?:いたします|致します|申し上げます|します)",
    _CUSHION + r"(?:お返事|ご返事|ご返信|返信|ご連絡|ご回答|回答|お知らせ)(?:を|が)?(?:心より)?"
    r"(?:お待ちして|お待ち|待って)(?:おり|い)?(?:ます|申し上げます|しております)?",
    r"取り急ぎ[^。！？!?]{0,20}",
    r"以上(?:です|となります|になります|、?よろしくお願い[^。]*)?",
    r"(?:長々と|長文|乱文)[^。！？!?]{0,16}(?:失礼|すみません|申し訳|ご容赦)[^。！？!?]{0,12}",
    # 「長くなってしまいましたが、よろしくお願いします」「つい長くなってしまいました、ごめんなさい」:
    # about the length of this mail, nothing told about the writer
    r"(?:つい|ついつい|すっかり|思わず)?[、\s]*(?:話が|メールが|文章が|お便りが)?(?:長く|長文に|長々と)"
    r"(?:なって|なり|なっちゃ)(?:しまい|しまって|ちゃい|ちゃって)?(?:ました|まして|て|い)?(?:が|けど|けれど|けれども)?"
    r"[、，\s]*(?:すみません|ごめんなさい|申し訳(?:ありません|ございません)|失礼(?:いたしました|しました|いたします|します)|"
    r"(?:どうぞ|何卒|なにとぞ)?(?:よろしく|宜しく)(?:お願い)?[^。！？!?]{0,10})?",
    r"(?:それでは|では)?[、\s]*失礼(?:いたし|致し|し)ます",
    # the shop's own "ask us anything" line, when a customer uses it too
    r"(?:ご?不明な?点|何か|ご質問|ご不明点)[^。！？!?]{0,12}(?:あれば|ございましたら|ありましたら|あったら)[、，\s]*"
    r"(?:お気軽に)?(?:ご連絡|お知らせ|お問い合わせ|連絡)(?:ください|くださいませ|いただければ[^。！？!?]*)",
    # 「お手すきの際にご連絡ください」: a courtesy at the end, nothing concrete asked
    _CUSHION + r"(?:お手すき|お手隙|お時間のある|お時間がある|お時間の許す|ご都合の(?:よい|良い))の?"
    r"(?:際|時|とき|折)に?[、，\s]*"
    r"(?:ご連絡|ご返信|お返事|ご返事|ご回答)(?:を)?(?:ください|くださいませ|いただけますと幸いです|いただければ幸いです"
    r"|いただけると幸いです|いただけますでしょうか)",
    # wishing the shop well
    r"[^。！？!?]{0,30}(?:ご自愛|ご無理な(?:さらず|く)|お体に(?:気をつけて|お気をつけ)|お身体(?:に|を)|ご健勝|お元気で|"
    r"お過ごしください|良いお年を|よいお年を)[^。！？!?]{0,14}",
]


def _having(words: str) -> str:
    """The one pattern of `_FORMULAS` that holds `words` (each is found by what it says, not by its place)."""
    return next(p for p in _FORMULAS if words in p)


# Four patterns scan up to 30–60 characters before their key words (a bounded `[^。]` run, with a
# look-ahead per character in the seasonal ones) and cost most of the formula check: they are
# tried apart, each only when the sentence holds one of the key words it cannot match without
# (measured: the formula check's regex work per 2,000-character mail about halves). A
# whole-sentence match of an alternation is a whole-sentence match of one of its alternatives,
# so splitting them off changes no answer (tests/unit/test_analysis_speed.py compares the two).
_KEYED: Final = (
    (_having("お願いして(?:おり|い)"), ("お願いして",)),
    (_having("(?:お変わりなく|"), ("お変わり", "お過ごし", "ご清祥", "ご清栄", "ご健勝")),
    (_having("(?:季節|時期|頃|候|時節)(?:と|に)なりました"), ("なりました",)),
    (_having("(?:ご自愛|"), ("ご自愛", "ご無理な", "お体に", "お身体", "ご健勝", "お元気で", "お過ごしください",
                             "良いお年を", "よいお年を")),
)
_FORMULA_RE: Final = re.compile(
    "^(?:" + "|".join(f"(?:{p})" for p in _FORMULAS if all(p != keyed for keyed, _ in _KEYED)) + ")$")
_KEYED_RES: Final = tuple((re.compile(f"^(?:(?:{p}))$"), words) for p, words in _KEYED)
# Thanks are a formula only when short; the caller also checks they tell nothing personal.
_THANKS_RE: Final = re.compile(r"^[^。！？!?]{0,26}(?:ありがとうございま(?:す|した)|感謝(?:いたし|致し|申し上げ)ます)$")
_TRAIL: Final = frozenset("。！？!?、，,.…‥・〜～ー♪☆★")


_LAUGH: Final = ("（笑）", "(笑)", "笑", "ｗ", "w")


def _strip(text: str) -> str:
    text = text.strip()
    # Emoji and laugh marks (笑, (笑), ｗｗ) after a formula do not make it content.
    while text:
        last = text[-1]
        if ord(last) > 0x2000 and not ("\u3040" <= last <= "\u9fff") and not ("\uff00" <= last <= "\uffef"):
            text = text[:-1].rstrip()
            continue
        laugh = next((mark for mark in _LAUGH if text.endswith(mark) and len(text) > len(mark)), None)
        if laugh is None:
            break
        text = text[: -len(laugh)].rstrip()
    # Trailing punctuation and spaces (a loop, not a `[…]+$` regex: that one tries every position).
    end = len(text)
    while end and (text[end - 1] in _TRAIL or text[end - 1].isspace()):
        end -= 1
    return text[:end]


# Every pattern of `_FORMULAS` needs one of these words: a sentence with none of them is
# let off without `_FORMULA_RE`, whose cushion and `[^。]{0,30}` parts backtrack on long
# sentences (one search for all the words: a test per word would cost more).
_FORMULA_HINT_WORDS: Final = [
    "お世話", "めまして", "初めて", "はじめて", "突然", "こんにち", "こんばん", "おはよう", "お疲れ", "ご無沙汰",
    "と申します", "よろしく", "宜しく", "お願い", "待", "取り急ぎ", "以上", "長々", "長文", "乱文", "失礼", "長く",
    "あれば", "ましたら", "あったら", "ご自愛", "ご無理な", "お体に", "お身体", "ご健勝", "お元気で",
    "お過ごしください", "お年を", "お手すき", "お手隙", "お時間", "ご都合", "また来", "またき", "またまた",
    "お変わり", "お過ごし", "ご清祥", "ご清栄", "拝啓", "謹啓",
    "季節", "時期と", "時期に", "頃と", "頃に", "候", "時節", "寒さ", "暑さ", "冷え込", "日差し", "陽気", "寒い日",
    "暑い日", "涼しく", "寒く", "暑く", "暖かく", "如何お過ごし",
]


_FORMULA_HINTS: Final = trie_pattern(_FORMULA_HINT_WORDS)


# A heading the customer typed to organise a long mail: 「（ご相談したいこと）」「【家族の状況】」, or a
# subject line pasted into the body (「件名：浴室リフォームのご相談」). It says what follows, not itself.
_HEADING: Final = re.compile(r"(?:[（(【〔［\[][^（(【〔［\[）)】〕］\]]{1,24}[）)】〕］\]]|件名\s*[:：].*)")

_HEADING_STARTS: Final = ("（", "(", "【", "〔", "［", "[", "件名")


# A letter's address line: 「医院の皆さんへ」「○○苑 職員ご一同様へ」「株式会社〇〇 御中」. Short, and known by its end.
_ADDRESS_ENDS: Final = ("へ", "え", "御中", "各位", "皆様", "皆さん", "みなさま", "みなさん", "ご一同様")
_ADDRESS_RE: Final = re.compile(r"[^。！？!?]{0,30}(?:(?:様|さん|先生|皆様|皆さん|みなさま|みなさん|一同|スタッフ|各位)"
                                r"(?:へ|え)|御中|各位|皆様|皆さん|みなさま|みなさん|ご一同様)")


def is_formula(sentence: str) -> bool:
    """True when the whole sentence is a greeting, closing or well-wishing formula (or a heading)."""
    head = sentence.strip()
    # `_HEADING` starts with an opening bracket or 件名: other sentences skip the regex call.
    if head.startswith(_HEADING_STARTS) and _HEADING.fullmatch(head):
        return True
    text = _strip(sentence)
    if not text:
        return True
    if len(text) <= 32 and text.endswith(_ADDRESS_ENDS) and _ADDRESS_RE.fullmatch(text):
        return True
    if _FORMULA_HINTS.search(text) is None:
        return False
    return _whole_formula(text)


def _whole_formula(text: str) -> bool:
    """One of `_FORMULAS` matches the whole of `text` (the cheap ones at once, the keyed ones by their words)."""
    if _FORMULA_RE.match(text):
        return True
    return any(any(word in text for word in words) and pattern.match(text) is not None
               for pattern, words in _KEYED_RES)


def is_thanks(sentence: str) -> bool:
    """True when the sentence is a short thank-you (a formula unless it tells something personal)."""
    if "ありがとうございま" not in sentence and "感謝" not in sentence:
        return False  # what `_THANKS_RE` needs, tested without the regex
    return bool(_THANKS_RE.match(_strip(sentence)))
