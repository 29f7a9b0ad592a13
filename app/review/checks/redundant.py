"""redundant — 重複表現・冗長な表現 「同じ意味の言葉が重なっています」.

The user sees expressions that say one thing twice (一番最初, まず最初に,
あらかじめ予約, 後で後悔, 違和感を感じる, お体ご自愛ください), each with the
shorter form, and the roundabout ones a style guide shortens: 〜することが
できる (→ 〜できる) and a サ変 noun + を行う (検品を行います → 検品します; Sudachi
says which nouns are サ変: セールを行う, イベントを行う stay; a noun that is a サ行
verb's stem goes back to the verb: 見直しを行います → 見直します). 約・およそ with
ほど・程度・前後 say "about" twice. The table is general Japanese usage, not
shop-specific: time and place words with their own meaning (炎天下の中), "in
advance" twice (あらかじめ事前に), "again" twice (再度再送), "together" with
同封, 新しい新商品.

The proofreader's rule: two words that say one thing (満天の星空, 引き続き継続, 改めて再確認,
早めに前倒し, 急に突然, すぐに即日, など等, 全員みんな, まず第一に), "about" said twice (約半月ほど,
約十日程), and ja-no-redundant-expression's roundabout endings (〜であると考える → 〜と考える,
〜することは可能です → 〜できます, 〜することが可能となっております, サ変 noun + を行う/実施する).

Round 21: any 五段 verb + ことができる, read from Sudachi (縫うことができます → 縫えます, ご利用いただくことが
できます → ご利用いただけます); a 一段 verb keeps it (食べることができます: 食べられる is also the passive), as
do verbs with no potential of their own (知ることができる, あることが), honorific verbs and humble ones
(承ることができます is the set form).
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.gate import gated
from app.review.rules import scan, table_pattern
from app.text import tokenize_short

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
    # Both words say the same: a time or place word and its own meaning, "in advance" twice, "new" twice.
    "炎天下の中": "炎天下", "炎天下のなか": "炎天下", "真夏日の中": "真夏日", "あらかじめ事前": "事前",
    "予め事前": "事前", "前もって事前": "事前", "事前にあらかじめ": "あらかじめ", "事前に前もって": "前もって",
    "あらかじめ前もって": "あらかじめ", "一緒に同封": "同封", "一緒に同梱": "同梱", "ともに同封": "同封",
    "もう一度再": "再", "再度再": "再", "再び再": "再", "今の現状": "現状", "現在の現状": "現状",
    "はっきり明言": "明言", "最後の結末": "結末", "過去の経歴": "経歴", "過去の前歴": "前歴", "すべて完売": "完売",
    "全て完売": "完売", "全部完売": "完売", "一番最高": "最高", "最も最高": "最高", "一番最新": "最新",
    "最も最新": "最新", "新年明けまして": "明けまして", "初デビュー": "デビュー", "はじめてのデビュー": "デビュー",
    "数日間の間": "数日間", "期間中の間": "期間中", "すでに既読": "既読", "既にすでに": "すでに",
    **{f"まだ未{w}": f"未{w}" for w in ("使用", "開封", "発送", "入荷", "着", "確認", "回答", "決定", "対応", "完成")},
    "お互いに協力し合": "協力し合", "互いに協力し合": "協力し合",
    "いまだ未": "未", "未だ未": "未", "募集を募": "募集し", "ほぼ大体": "ほぼ", "大体ほぼ": "ほぼ",
    "およそ大体": "およそ", "約およそ": "約",
    # Round 20: two words that say the same thing, the rest of a proofreading guide's common list.
    "満天の星空": "満天の星", "はっきりと明言": "明言", "思わぬハプニング": "ハプニング",
    "予期せぬハプニング": "ハプニング",
    "突然のハプニング": "ハプニング", "過半数以上": "過半数", "一番初め": "最初", "いちばん最初": "最初",
    "いちばん最後": "最後", "一番はじめ": "最初",
    "事前に予告": "予告", "あらかじめ予告": "予告", "予め予告": "予告", "前もって予告": "予告",
    "一緒に協力": "協力", "共に協力": "協力", "引き続き継続": "継続", "引き続いて継続": "継続",
    "改めて再確認": "再確認", "改めて再度": "改めて", "再度改めて": "改めて", "もう一度改めて": "改めて",
    "早めに前倒し": "前倒し", "前倒しで早め": "早め", "毎回いつも": "毎回", "いつも毎回": "いつも",
    "毎日毎朝": "毎朝", "急に突然": "突然", "突然急に": "突然", "すぐに即日": "即日", "すぐ即日": "即日",
    "など等": "など", "等など": "など", "全員みんな": "全員", "みんな全員": "全員", "皆全員": "全員",
    "まず第一に": "第一に", "最初の第一歩": "第一歩", "絶対に必須": "必須", "絶対必須": "必須",
    "過信しすぎ": "過信し", "そもそもの発端": "発端", "あとで後から": "後から", "後で後から": "後から",
    "ほとんど大部分": "大部分", "大部分のほとんど": "大部分", "被害をこうむ": "被害を受け", "新たに新設": "新設",
    "新たに新規": "新規", "まだ未だ": "未だ", "後ろにバック": "バック",
    "成功裏のうちに": "成功裏に",
    "過大評価しすぎ": "過大評価し", "日々毎日": "毎日", "元来から": "元来",
    "一番最善": "最善", "最も最善": "最善", "最善のベスト": "最善",
    "製造元メーカー": "製造元", "販売元メーカー": "販売元",
    "お客様各自それぞれ": "お客様それぞれ", "各自それぞれ": "各自",
    # 「〜であると考える」「〜することは可能です」: ja-no-redundant-expression's roundabout endings.
    "であると考えて": "と考えて", "であると考えております": "と考えております", "であると考え": "と考え",
    "であると思われ": "と思われ", "であると思い": "と思い", "であると存じ": "と存じ",
    "することは可能です": "できます", "することは可能でございます": "できます", "することは可能": "できる",
    "することも可能です": "することもできます", "することが可能となっております": "できます",
    "することが可能となります": "できます", "することが可能になっております": "できます",
}

# Compiled once: the table is long, and the live review runs on every keystroke.
_TABLE = table_pattern(REDUNDANT)


# 約/およそ/おおよそ + a number + ほど/程度/くらい/前後: both words say "about".
_ABOUT = re.compile(
    r"(約|およそ|おおよそ|大体|だいたい)([0-9０-９一二三四五六七八九十百千万数半,，.]+[^\s。、0-9０-９]{0,3}?)"
    r"(ほど|程度|くらい|ぐらい|前後|程(?!度))"
)


# 各部署ごとに: 各 and ごと both say "each".
_EACH = re.compile(r"各([\u4e00-\u9fff]{1,4})(ごと|毎)")
# 毎週ごとに: 毎 and ごと both say "every".
_EVERY = re.compile(r"毎(日|週|月|年|回|朝|晩|夜|度)(ごと|毎)")
# 新しい新商品: "new" twice (新幹線, 新聞, 新宿 are names, not a second "new").
_NEW_NEW = re.compile(r"(?:新しい|新しく|新たな|新たに)(新)(?!幹線|聞|宿|潟|橋|大阪|横浜|千歳|郎|婦|居浜|鮮)")
# ja-no-redundant-expression's "すること[助詞]できる": with が, は or も (することもできます → もできます is
# not shorter: も keeps its own word, 〜もできます).
_SURU_DEKIRU = re.compile(
    r"することが(でき|出来)(?=ます|る|ません|ない|れば|た)|することは(でき|出来)(?=ません|ない|ます|る)"
)
# "すること[助詞](不)可能": することは不可能です, することが不可能 → できません.
_SURU_FUKANOU = re.compile(r"すること(?:が|は|も)?(?:不可能|不可)(?:です|でございます|となります|となっております)?")
_OKONAU_END = {"行います": "します", "行っております": "しております", "行っています": "しています",
               "行いました": "しました", "行う": "する", "行って": "して", "行い": "し", "行った": "した",
               "行わ": "さ", "行え": "でき"}
_OKONAU_END.update({"実施いたします": "いたします", "実施します": "します", "実施する": "する", "実施し": "し",
                    "実施いたしました": "いたしました", "実施しました": "しました", "実行いたします": "いたします",
                    "実行します": "します", "実行する": "する"})
# The same endings for a サ行 godan verb's stem (見直 + します, 見直 + す).
_VERB_END = {"行います": "します", "行っております": "しております", "行っています": "しています",
             "行いました": "しました", "行う": "す", "行って": "して", "行い": "し", "行った": "した", "行わ": "さ",
             "行え": "せ"}
_OKONAU = gated(re.compile("を(" + "|".join(sorted(_OKONAU_END, key=len, reverse=True)) + ")"))


@lru_cache(maxsize=1024)
def _sa_godan_noun(noun: str) -> bool:
    """見直し, 手直し, 取り消し: the noun is the stem of a サ行 godan verb (見直す) Sudachi knows."""
    if len(noun) < 2 or noun[-1] != "し":
        return False
    verb = tokenize_short(noun[:-1] + "す")
    return bool(verb) and all(t.main == "動詞" for t in verb) and verb[-1].ctype == "五段-サ行"


def _okonau(ctx: ReviewContext) -> list[Finding]:
    """A サ変 noun + を行う (検品を行います → 検品します); nouns that are not サ変 (セール, イベント) stay.

    A noun made of a サ行 verb's stem (見直しを行います → 見直します) is shortened to that verb."""
    out = []
    for sentence in ctx.sentences:
        tokens = sentence.tokens
        for match in _OKONAU.finditer(sentence.text):
            at = sentence.start + match.start()
            noun = next((t for t in reversed(tokens) if t.end <= at), None)
            if noun is None or noun.end != at or noun.main != "名詞":
                continue
            ending = _OKONAU_END[match.group(1)]
            if noun.pos[2] == "サ変可能":
                fixed = noun.surface + ending
            elif _sa_godan_noun(noun.surface) and match.group(1) in _VERB_END:
                fixed = noun.surface[:-1] + _VERB_END[match.group(1)]
            else:
                continue
            start, end = noun.start, sentence.start + match.end()
            honorific = start > 0 and ctx.draft[start - 1] in "ごお"
            if honorific and match.group(1) == "行って" and ctx.draft.startswith("ください", end):
                # 「ご入金を行ってください」 → 「ご入金ください」, not the humble 「ご入金してください」.
                start, end = start - 1, end + len("ください")
                fixed = ctx.draft[start] + noun.surface + "ください"
            words = ctx.draft[start:end]
            out.append(messages.finding(FindingKind.REDUNDANT, Severity.INFO, start, end,
                                        messages.say(messages.REDUNDANT, words=words), fixed))
    return out


# 「縫うことができます」: a 五段 verb has a potential of its own (縫えます), as する has できる. A 一段 verb's
# potential (食べられる) reads as its passive and honorific too, so 〜ことができる stays after it; so it does after
# verbs with no potential of their own (ある, 分かる, 知る, 要る) and honorific verbs (いらっしゃる, なさる).
_KOTO_DEKIRU = re.compile(r"ことが(でき|出来)(?=ます|る|ません|ない|なかった|れば|た|て|ず)")
_E_ROW = {"う": "え", "く": "け", "ぐ": "げ", "す": "せ", "つ": "て", "ぬ": "ね", "ぶ": "べ", "む": "め", "る": "れ"}
_NO_POTENTIAL = frozenset({
    "ある", "有る", "在る", "分かる", "わかる", "判る", "解る", "要る", "知る", "見つかる", "助かる", "かかる",
    "掛かる", "異なる", "困る", "いらっしゃる", "おっしゃる", "なさる", "くださる", "下さる", "ござる",
    # Humble verbs: 承ることができます is the set form (承れます is not said), as is 参ることが.
    "承る", "申す", "参る", "いたす", "致す", "賜る",
})


def _godan_dekiru(ctx: ReviewContext) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        if "ことが" not in sentence.text:
            continue
        for match in _KOTO_DEKIRU.finditer(sentence.text):
            at = sentence.start + match.start()
            verb = next((t for t in reversed(sentence.tokens) if t.end <= at), None)
            if verb is None or verb.end != at or verb.main != "動詞" or not verb.ctype.startswith("五段"):
                continue
            if verb.lemma in _NO_POTENTIAL or verb.surface[-1:] not in _E_ROW or verb.surface == verb.lemma[:-1]:
                continue
            stem = verb.surface[:-1] + _E_ROW[verb.surface[-1]]
            words = ctx.own_text[verb.start : sentence.start + match.end()]
            out.append(messages.finding(FindingKind.REDUNDANT, Severity.INFO, verb.start, sentence.start + match.end(),
                                        messages.say(messages.REDUNDANT, words=words), stem))
    return out


def check(ctx: ReviewContext) -> list[Finding]:
    about = scan(
        ctx,
        _ABOUT,
        FindingKind.REDUNDANT,
        Severity.INFO,
        lambda m: messages.say(messages.REDUNDANT_ABOUT, word=m.group(3))
        if m.group(1) == "約" else messages.say(messages.REDUNDANT, words=m.group()),
        lambda m: m.group(1) + m.group(2),
    )
    about += scan(
        ctx,
        _SURU_DEKIRU,
        FindingKind.REDUNDANT,
        Severity.INFO,
        lambda m: messages.say(messages.REDUNDANT, words=m.group()),
        lambda m: m.group(1) or m.group(2),
    )
    about += scan(ctx, _SURU_FUKANOU, FindingKind.REDUNDANT, Severity.INFO,
                  lambda m: messages.say(messages.REDUNDANT, words=m.group()), lambda m: "できません")
    about += _okonau(ctx)
    about += [f for f in _godan_dekiru(ctx) if not any(g.start < f.end and f.start < g.end for g in about)]
    about += [f for f in scan(
        ctx,
        _EACH,
        FindingKind.REDUNDANT,
        Severity.INFO,
        lambda m: messages.say(messages.REDUNDANT, words=m.group()),
        lambda m: "各" + m.group(1),
    ) if not any(g.start <= f.start < g.end for g in about)]
    about += scan(
        ctx,
        _EVERY,
        FindingKind.REDUNDANT,
        Severity.INFO,
        lambda m: messages.say(messages.REDUNDANT, words=m.group()),
        lambda m: "毎" + m.group(1),
    )
    about += scan(
        ctx,
        _NEW_NEW,
        FindingKind.REDUNDANT,
        Severity.INFO,
        lambda m: messages.say(messages.REDUNDANT, words=m.group()),
        lambda m: m.group(1),
    )
    return about + scan(
        ctx,
        _TABLE,
        FindingKind.REDUNDANT,
        Severity.INFO,
        lambda m: messages.say(messages.REDUNDANT, words=m.group()),
        lambda m: REDUNDANT[m.group()],
    )
