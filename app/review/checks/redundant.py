"""redundant — 重複表現・冗長な表現 「同じ意味の言葉が重なっています」.

The user sees expressions that say one thing twice (一番最初, まず最初に,
あらかじめ予約, 後で後悔, 違和感を感じる, お体ご自愛ください), each with the
shorter form, and the roundabout ones a style guide shortens: 〜することが
できる (→ 〜できる) and a サ変 noun + を行う (検品を行います → 検品します; Sudachi
says which nouns are サ変: セールを行う, イベントを行う stay). The table is
general Japanese usage, not shop-specific.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.rules import scan, table_pattern

REDUNDANT: dict[str, str] = {
    "一番最初": "最初", "一番最後": "最後", "まず最初に": "まずは", "まず初めに": "まずは", "最後の最後": "最後",
    "あらかじめ予約": "予約", "予め予約": "予約", "事前に予約": "予約", "前もって予約": "予約",
    "後で後悔": "後悔", "あとで後悔": "後悔", "違和感を感じ": "違和感を覚え", "被害を被": "被害を受け",
    "返事を返": "返事をし", "必ず必要": "必要", "必ず必須": "必須", "各店舗ごと": "各店舗", "各ご家庭ごと": "各ご家庭",
    "今現在": "現在", "過半数を超え": "過半数を占め", "すべて全部": "すべて", "全て全部": "すべて",
    "お体をご自愛": "ご自愛", "お身体をご自愛": "ご自愛", "お体ご自愛": "ご自愛", "お身体ご自愛": "ご自愛",
    "元旦の朝": "元旦", "日本に来日": "来日", "思いがけないハプニング": "ハプニング", "未だに未": "未",
    "最も最適": "最適", "一番最適": "最適", "一番ベスト": "ベスト", "最もベスト": "ベスト",
    "従来から": "従来", "従来より": "従来", "およそ約": "約", "頭痛が痛": "頭が痛", "排気ガスを排出": "排気ガスを出",
    "収入が入": "収入があ", "連絡を連絡": "連絡を", "期待して待": "期待し", "炎天下の下": "炎天下",
    "挙式を挙げ": "式を挙げ", "あらかじめご予約": "ご予約", "予めご予約": "ご予約", "前もってご予約": "ご予約",
    "後々後悔": "後悔", "まずはじめに": "まずは", "馬から落馬": "落馬", "犯罪を犯": "罪を犯", "いまだに未": "未",
    "内定が決ま": "内定し", "捺印を押": "捺印し", "加工を加え": "加工し", "募金を募": "募金を集め",
    "前に前進": "前進", "後ろに後退": "後退", "上に上昇": "上昇", "下に下降": "下降", "色が変色": "変色",
    "有効に活用": "活用", "再度繰り返": "繰り返", "再び再開": "再開", "古来から": "古来", "第一日目": "第一日",
    "余分な贅肉": "贅肉", "秘密裏のうちに": "秘密裏に", "伝言を伝え": "伝言し", "すべて一任": "一任",
    "全て一任": "一任", "断トツの一位": "断トツ", "まだ未定": "未定", "いまだ未定": "未定", "受注を受け": "受注し",
    "であると言えます": "です", "であると言える": "である", "と言うことができ": "と言え", "ということができ": "と言え",
    "お返事を返": "お返事をし", "ご返信を返": "ご返信をし", "各種それぞれ": "各種", "各々それぞれ": "それぞれ",
    "するようにしてください": "してください",
    "することが可能です": "できます", "することが可能でございます": "できます", "することが可能": "できる",
    "製造メーカー": "メーカー", "返信を返": "返信をし", "重複が重な": "重複が生じ",
}


# 約 + a number + ほど/程度/くらい: both words say "about".
_ABOUT = re.compile(
    r"約([0-9０-９一二三四五六七八九十百千万,，.]+[^\s。、0-9０-９]{0,3}?)(ほど|程度|くらい|ぐらい|前後)"
)


_SURU_DEKIRU = re.compile(r"することが(でき|出来)(?=ます|る|ません|ない|れば|た)")
_OKONAU_END = {"行います": "します", "行っております": "しております", "行っています": "しています",
               "行いました": "しました", "行う": "する", "行って": "して", "行い": "し", "行った": "した",
               "行わ": "さ", "行え": "でき"}
_OKONAU_END.update({"実施いたします": "いたします", "実施します": "します", "実施する": "する", "実施し": "し",
                    "実施いたしました": "いたしました", "実施しました": "しました", "実行いたします": "いたします",
                    "実行します": "します", "実行する": "する"})
_OKONAU = re.compile("を(" + "|".join(sorted(_OKONAU_END, key=len, reverse=True)) + ")")


def _okonau(ctx: ReviewContext) -> list[Finding]:
    """A サ変 noun + を行う (検品を行います → 検品します); nouns that are not サ変 (セール, イベント) stay."""
    out = []
    for sentence in ctx.sentences:
        tokens = sentence.tokens
        for match in _OKONAU.finditer(sentence.text):
            at = sentence.start + match.start()
            noun = next((t for t in reversed(tokens) if t.end <= at), None)
            if noun is None or noun.end != at or noun.pos != "名詞" or noun.pos_sub != "サ変可能":
                continue
            start, end = noun.start, sentence.start + match.end()
            fixed = noun.surface + _OKONAU_END[match.group(1)]
            honorific = start > 0 and ctx.draft[start - 1] in "ごお"
            if honorific and match.group(1) == "行って" and ctx.draft.startswith("ください", end):
                # 「ご入金を行ってください」 → 「ご入金ください」, not the humble 「ご入金してください」.
                start, end = start - 1, end + len("ください")
                fixed = ctx.draft[start] + noun.surface + "ください"
            words = ctx.draft[start:end]
            out.append(messages.finding(FindingKind.REDUNDANT, Severity.INFO, start, end,
                                        messages.say(messages.REDUNDANT, words=words), fixed))
    return out


def check(ctx: ReviewContext) -> list[Finding]:
    about = scan(
        ctx,
        _ABOUT,
        FindingKind.REDUNDANT,
        Severity.INFO,
        lambda m: messages.say(messages.REDUNDANT_ABOUT, word=m.group(2)),
        lambda m: "約" + m.group(1),
    )
    about += scan(
        ctx,
        _SURU_DEKIRU,
        FindingKind.REDUNDANT,
        Severity.INFO,
        lambda m: messages.say(messages.REDUNDANT, words=m.group()),
        lambda m: m.group(1),
    )
    about += _okonau(ctx)
    return about + scan(
        ctx,
        table_pattern(REDUNDANT),
        FindingKind.REDUNDANT,
        Severity.INFO,
        lambda m: messages.say(messages.REDUNDANT, words=m.group()),
        lambda m: REDUNDANT[m.group()],
    )
