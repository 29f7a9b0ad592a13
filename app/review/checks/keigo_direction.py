"""keigo_direction — 尊敬語と謙譲語の取り違え 「お客様の行為に謙譲語を使っています」.

The user sees the customer's own action put in humble form (ご利用できます,
お使いできます, 申されました, 参られる, 拝見してください, 伺ってください). The
customer is raised with 尊敬語: ご利用いただけます, おっしゃいました, いらっしゃる,
ご覧ください. The customer's past action in the humble ご〜した (ご購入した商品,
お申し込みしたプラン) → ご購入になった.

The customer (or their family) as the subject of a humble verb (お客様が
おりましたら, ご家族の方が参りましたら) → いらっしゃいましたら.

The other direction too: our own side (弊社の社長, 当店のスタッフ, 担当者) raised
with 尊敬語 (いらっしゃいます, おっしゃった) to the customer → 参ります, 申した. Words that
can only mean our side (担当の者, 係の者, 担当者, スタッフ) need no 弊社 before them, and
the honorific お/ご〜になる is one of those verbs too (「担当者がご説明になります」 →
ご説明いたします).

Questions put to the customer in humble verbs: 「〜を存じていますか」 (→ ご存じですか),
「お名前は何と申しますか」 (→ 何とおっしゃいますか); the customer as the subject of いたす
(「お客様がご注文いたしました」 → なさいました).

The customer as the subject of the humble お〜する (「お客様がお持ちしますか」「お客様が
お申し込みしました」) → お持ちになりますか, お申し込みになりました.

Read from Sudachi's parts of speech rather than lists: the prefix お/ご, then a サ変 noun or a
verb's 連用形, then できる is the humble お〜する made potential; it is wrong when the act is the
customer's (ご確認できます, ご提示できます → いただけます) and right for acts we do for them (ご案内,
ご用意, お届け, お伺い: a closed list of giving and telling acts and humble verbs) or with our side
as subject. お/ご + act + して + ください is wrong for any act (ご署名してください → ご署名ください),
and お湯でのばして is not one (お + noun + particle). Our side raised by any お/ご〜になる or ご〜される
(当店の職人がお作りになりました → お作りいたしました), and a humble verb in a question to the customer
(何時に参りますか, 資料は拝見しましたか → いらっしゃいますか, ご覧になりましたか) are the same mistake.
私 as the subject is our side too (私がおっしゃった → 申した); the customer as subject may be followed by a
comma (お客様が、先ほど申していた), and raises ご〜した as well as お〜した when no verb of ours comes between.
お/ご + act + される (お帰りされる, ご参加される: the humble form made honorific) → お/ご〜になる; the customer asked
to do a humble act (拝見していただけますか → ご覧いただけますか); 弊社の佐藤様 is our staff, not the customer.

A question put to the customer, named or addressed with a comma (お客様、当日は保険証をお持ちしますか; お客様は、
どちらのプランにいたしますか), in the humble お〜する or いたす → お持ちになりますか, なさいますか. Our staff
named after the word that makes them ours (担当の鈴木がおっしゃっておりました → 申しておりました), and our side's
wish in お〜になりたい (弊社の部長がお会いになりたいと → お会いいたしたい) are raised by mistake as well.
Round 21: an act of ours that Sudachi reads as a noun (お直しできます, お渡しできます: 直し → 直す) is ours;
our staff named with さん after the word that makes them ours (担当の佐藤さんがいらっしゃいます,
スタッフの森さんも召し上がった: the verb is this check's, the さん business_manner's), and うちの as our side.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.gate import gated
from app.review.rules import scan
from app.text import Token

# ご/お + an action the customer does + できる: the humble 「ご〜する」 made potential.
_CUSTOMER_ACTIONS = (
    "利用|使用|購入|注文|予約|来店|参加|応募|返品|返送|試着|選択|入金|記入|記載|投函|視聴|乗車|宿泊|入場|入会|退会|"
    "登録|申請|持参|検討|活用|指定|請求|変更"
)
_GO_DEKIRU = re.compile(rf"(ご(?:{_CUSTOMER_ACTIONS}))(?:でき|出来)(る|ます|ません|ない|れば|た)")
_O_DEKIRU = re.compile(
    r"(お(?:使い|買い求め|求め|受け取り|選び|召し上がり|楽しみ|試し|買い上げ|持ち帰り|申し込み|支払い|読み))"
    r"(?:でき|出来)(る|ます|ません|ない|れば|た)"
)
_MOUSARE = re.compile(
    r"申され(?:る|た|ました|ます|て)|申し上げられ|参られ(?:る|た|ました|ます)|いたされ(?:る|た|ました|ます)|"
    r"拝読され|拝見され|拝聴され|伺われ"
)
# 「ご記入してください」: the humble ご〜する asked of the customer (→ ご記入ください).
_GO_SHITE_KUDASAI = re.compile(
    rf"(ご(?:{_CUSTOMER_ACTIONS}|確認|連絡|相談|了承|理解|協力|返信|回答|提出|送付|入力))して(ください|下さい)"
)
# 「お待ちしてください」: the humble お〜する asked of the customer (→ お待ちください).
_O_SHITE_KUDASAI = re.compile(
    r"(お(?:待ち|使い|読み|書き|選び|買い求め|求め|申し込み|持ち帰り|受け取り|越し|問い合わせ|支払い|試し|"
    r"召し上がり|確かめ|急ぎ|気をつけ|休み|過ごし|申し付け))して(ください|下さい)"
)
# 「ご利用される」「ご注文された」: the humble ご〜する with the honorific れる (→ ご利用になる).
_GO_SARERU = re.compile(rf"(ご(?:{_CUSTOMER_ACTIONS}))され(る|ます|ました|た|て|ません)")
_NARU_END = {"る": "になる", "ます": "になります", "ました": "になりました", "た": "になった", "て": "になって",
             "ません": "になりません"}
# 「どうぞいただいてください」: the humble いただく offered to the customer (→ お召し上がりください).
_ITADAITE_KUDASAI = re.compile(r"(いただいて|頂いて)(?:ください|下さい)")
_HUMBLE_IMPERATIVE = re.compile(
    r"(拝見|拝読|拝聴|伺っ|伺い|うかがっ|うかがい|参っ|まいっ|申し)(?:して|て|し)?(?:ください|下さい)|"
    # The customer asked to do a humble act: 「資料を拝見していただけますか」 (→ ご覧いただけますか).
    r"(拝見|拝読|拝聴)(?:して|し)(?=いただ|頂|もらえ|くださ)"
)

# 「お客様がご利用した店舗」: the customer's past action in the humble ご〜する (→ ご利用になった).
_ONLY_CUSTOMER = (
    "利用|使用|購入|注文|来店|参加|応募|試着|入金|記入|投函|視聴|乗車|宿泊|入場|入会|退会|持参|検討|活用|申請|"
    "愛用|契約|加入|覧"
)
_GO_SHITA = re.compile(
    rf"((?:ご(?:{_ONLY_CUSTOMER})|お(?:申し込み|申込み|申込|買い求め|買い上げ|求め)))"
    r"(した|しました|して(?:いる|います|いた|おり|おられ)|している|しておられる)"
)
_NATTA = {"した": "になった", "しました": "になりました", "している": "になっている"}
# Our own side raised with 尊敬語: 「弊社の社長もいらっしゃいます」「担当者がおっしゃったとおり」.
_OWN_SIDE = re.compile(
    r"(?:弊社|当社|当店|弊店|私ども|わたくしども|私共|手前ども|(?<![ぁ-ゖ])うちの)の?[^。、「」]{0,12}?"
    r"(?:社長|部長|課長|店長|係長|担当者?|スタッフ|社員|職人|店員|者|上司|代表|責任者|係|"
    # (any staff role: パティシエ, シェフ, 店主, デザイナー…)
    r"パティシエ|シェフ|店主|オーナー|デザイナー|技術者|作家|講師|職員|従業員|バイヤー|料理長|工房長|ソムリエ|"
    r"アルバイト|主任|整備士|調理師|薬剤師|専務|常務|会長|一同)(?:の[^。「」]{0,4})?"
    r"(?:が|は|も|から|より)[^。「」]{0,20}?"
    r"(いらっしゃ[いるっ]|おっしゃ[いるっ]|仰[いるっ]|なさ[いるっ]|召し上が[りるっ]|ご覧にな[りるっ]|"
    r"お越しにな[りるっ]|お見えにな[りるっ]|"
    r"[おご][一-龥]{1,4}[いきしちにひみりぎじびえけせてねべめれ]?にな(?:ります|りました|りたい|る|った|って))"
)
# Subjects that can only be our own side (担当の者, 係の者), with no 弊社 before them; an
# honorific verb after them, or the honorific お/ご〜になる (ご説明になります).
_HONORIFIC_VERB = (
    r"いらっしゃ[いるっ]|おっしゃ[いるっ]|仰[いるっ]|なさ[いるっ]|召し上が[りるっ]|ご覧にな[りるっ]|"
    r"お越しにな[りるっ]|お見えにな[りるっ]"
)
_OWN_ONLY = re.compile(
    r"(?<![ご御貴])(?:担当の者|係の者|店の者|当店の者|弊社の者|担当者|担当|スタッフ|店長|私ども|わたくしども|"
    r"(?<![ぁ-ゖ一-龥])(?:私|わたくし|わたし))"
    # (担当の鈴木が: our staff named after the word that makes them ours)
    # (担当の佐藤さんが: our staff given さん is still ours, the さん is business_manner's; 様 may be the customer's)
    r"(?:の[一-龥々]{1,4}(?:さん)?)?(?![様さ])(?:が|から|より|も)、?[^。「」]{0,20}?"
    rf"({_HONORIFIC_VERB}|[おご][一-龥]{{1,4}}[いきしちにひみりぎじびえけせてねべめれ]?にな(?:ります|りました|る|った|って)|"
    r"[おご][一-龥]{1,4}[いきしちにひみりぎじびえけせてねべめれ]?され(?:ます|ました|る))"
)
_NARU_HUMBLE = {"ります": "いたします", "りました": "いたしました", "りたい": "いたしたい", "る": "いたす",
                "った": "した", "って": "して"}  # お作りになった → お作りした (the humble お〜する)
# The customer as subject of the humble お〜する: 「お客様がお持ちしますか」 (→ お持ちになりますか).
_CUSTOMER_O_SURU = re.compile(
    r"(?:お客様|お客さま|ご家族(?:の方|様)?|お子様|ご本人(?:様)?|皆様|皆さま|[一-龥]{1,4}(?<![同模仕多異])様)(?:が|も)、?"
    # (ご〜した only with no verb between: 「お客様が来られる時間に合わせてご用意します」 is ours.)
    r"(?:[^。、がは]{0,12}?(お[一-龥][ぁ-ゖ]{0,2}?)|[^。、がはてるた]{0,12}?(ご[一-龥]{2,3}))(し(?:ます|まし|て|た))"
)
# A question to the customer in a humble verb: 存じていますか, 何と申しますか.
_HUMBLE_QUESTION = gated(re.compile(
    r"(?<![ご御])(存じ(?:上げ)?(?:て(?:い|おり)ますか|ていらっしゃいますか|ですか|でしょうか))|(何と申しますか|なんと申しますか)"
))
# The customer as the subject of いたす: 「お客様がご注文いたしました」.
_CUSTOMER_ITASU = re.compile(
    r"(?:お客様|お客さま|ご家族(?:の方|様)?|ご本人(?:様)?|皆様|皆さま)(?:が|も)[^。、がはを]{0,12}?[おご][一-龥]{1,4}(いたし|致し)(?=ま|た|て)"
)
# A question put to the customer, named or addressed (「お客様、当日は保険証をお持ちしますか」「お客様は、
# どちらのプランにいたしますか」), in the humble お〜する or いたす (→ お持ちになりますか, なさいますか).
_CUSTOMER_QUESTION = re.compile(
    r"(?:お客様|お客さま|[一-龥]{1,4}(?<![同模仕多異])様)(?:は|が|も)?、?[^。？?「」]{0,30}?"
    r"(?:(お[一-龥][ぁ-ゖ]{0,2}?)し|(いたし|致し))(?=ますか|ましたか|ますでしょうか)"
)
_O_NARU = {"します": "になります", "しまし": "になりまし", "して": "になって", "した": "になった"}


def _own_only(ctx: ReviewContext, kind: FindingKind, severity: Severity, seen: list[Finding]) -> list[Finding]:
    out = []
    for match in _OWN_ONLY.finditer(ctx.own_text):
        start, end = match.span(1)
        if "様" in match.group()[: match.start(1) - match.start()] or any(f.start <= start < f.end for f in seen):
            continue  # the customer is the subject after all, or the 弊社 rule has it already
        word = match.group(1)
        if word.startswith(("お", "ご")) and "され" in word:
            stem, _, end_form = word.partition("され")
            fix = stem + {"ます": "いたします", "ました": "いたしました", "る": "いたす"}[end_form]
            said = messages.say(messages.KEIGO_DIRECTION_OWN, word=stem + "される", humble=stem + "いたす")
        elif word.startswith(("お", "ご")) and "にな" in word and not word.startswith(("お越し", "お見え", "ご覧")):
            stem, _, end_form = word.partition("にな")
            fix = stem + _NARU_HUMBLE[end_form]
            said = messages.say(messages.KEIGO_DIRECTION_OWN, word=stem + "になる", humble=stem + "いたす")
        else:
            plain = word[:-1] + "る"
            fix = _humble(word)
            said = messages.say(messages.KEIGO_DIRECTION_OWN, word=plain, humble=_humble(plain))
        out.append(messages.finding(kind, severity, start, end, said, fix))
    return out


# A humble verb in a question put to the customer (明日は何時に参りますか, 資料は拝見しましたか): the
# customer is its subject (→ いらっしゃいますか, ご覧になりましたか). 参りましょうか offers our visit and stays.
_QUESTION = re.compile(r"(参り|まいり|拝見し|拝読し|拝聴し|伺い)(ますか|ましたか|ませんでしたか)")
_QUESTION_FIX = {"参り": "いらっしゃい", "まいり": "いらっしゃい", "拝見し": "ご覧になり", "拝読し": "お読みになり",
                 "拝聴し": "お聞きになり", "伺い": "お聞きになり"}


def _questions(ctx: ReviewContext, kind: FindingKind, severity: Severity, seen: list[Finding]) -> list[Finding]:
    out = []
    for match in _QUESTION.finditer(ctx.own_text):
        if match.group(1) == "伺い" and match.group(2) == "ますか":
            continue  # 「明日伺いますか」 may ask whether we should come
        if any(f.start <= match.start() < f.end for f in seen):
            continue
        fix = _QUESTION_FIX[match.group(1)] + match.group(2)
        said = messages.say(messages.KEIGO_DIRECTION_CUSTOMER, word=match.group(), honorific=fix)
        out.append(messages.finding(kind, severity, match.start(), match.end(), said, fix))
    return out


def _customer_o_suru(ctx: ReviewContext, kind: FindingKind, severity: Severity) -> list[Finding]:
    out = []
    for match in _CUSTOMER_O_SURU.finditer(ctx.own_text):
        stem, ending = match.group(1) or match.group(2), match.group(3)
        form = next(k for k in _O_NARU if ending.startswith(k))
        fix = stem + _O_NARU[form]
        said = messages.say(messages.KEIGO_DIRECTION_CUSTOMER, word=stem + "する", honorific=stem + "になる")
        start = match.start(1) if match.group(1) else match.start(2)
        out.append(messages.finding(kind, severity, start, match.start(3) + len(form), said, fix))
    return out


# The honorific verb's form → the humble one in the same form (おっしゃった → 申した).
_HUMBLE_STEM = {"いらっしゃ": "参", "おっしゃ": "申", "仰": "申", "なさ": "いた", "召し上が": "いただ",
                "ご覧にな": "拝見", "お越しにな": "参", "お見えにな": "参"}
_HUMBLE_END = {"い": "り", "り": "り", "る": "る", "っ": "っ"}
_SU_END = {"い": "し", "り": "し", "る": "す", "っ": "し"}  # 申し, 申す; いたし, いたす; 拝見し, 拝見する
_KU_END = {"い": "き", "り": "き", "る": "く", "っ": "い"}  # いただき, いただく, いただい


def _humble(word: str) -> str:
    stem, end = word[:-1], word[-1]
    humble = _HUMBLE_STEM[stem]
    if humble == "参":
        return humble + _HUMBLE_END[end]
    if humble == "いただ":
        return humble + _KU_END[end]
    if humble == "拝見":
        return humble + ("する" if end == "る" else "し")
    return humble + _SU_END[end]


# The customer (or their family) as the subject of a humble verb: 「お客様がおりましたら」「ご家族の方が
# 参りましたら」「お客様が申したとおり」 → いらっしゃいましたら, いらっしゃいましたら, おっしゃった.
_CUSTOMER_SUBJECT = re.compile(
    r"(?:お客様|お客さま|ご家族(?:の方|様)?|お子様|ご本人(?:様)?|皆様|皆さま|ご友人|[一-龥]{1,4}(?<![同模仕多異])様)(?:が|は|も)、?"
    r"[^。、がは]{0,12}?(おり(?=ます|まし|ません)|おら(?=れ)|参り(?=ます|まし)|参っ(?=て|た)|参る|"
    r"申し(?=まし|て|た)|申す|拝見し|拝読し|伺い(?=ます|まし)|伺っ(?=て|た)|存じ(?=て|ま|た))"
)
_RAISED = {"おり": "いらっしゃい", "おら": "いらっしゃら", "参り": "いらっしゃい", "参っ": "いらっしゃっ",
           "参る": "いらっしゃる", "申し": "おっしゃい", "申す": "おっしゃる", "拝見し": "ご覧になり",
           "拝読し": "お読みになり", "伺い": "お聞きになり", "伺っ": "お聞きになっ", "存じ": "ご存じ"}
_DIRECT = {"申され": "おっしゃ", "申し上げられ": "おっしゃ", "参られ": "いらっしゃ", "いたされ": "なさ",
           "拝読され": "お読みにな", "拝見され": "ご覧にな", "拝聴され": "お聞きにな", "伺われ": "お尋ねにな"}
_IMPERATIVE = {
    "拝見": "ご覧", "拝読": "お読み", "拝聴": "お聞き", "伺っ": "お尋ね", "伺い": "お尋ね", "参っ": "お越し",
    "申し": "おっしゃって", "うかがっ": "お尋ね", "うかがい": "お尋ね", "まいっ": "お越し",
}
_POLITE_END = {"る": "ます", "ます": "ます", "ません": "ません", "ない": "ない", "れば": "れば", "た": "ました"}


# Acts done for or to the customer: our humble ご/お〜する, whose potential is right
# (ご案内できます, お届けできます, ご用意できる色). Any other act after ご/お + できる is the customer's.
_OUR_ACTS = frozenset({
    "案内", "用意", "連絡", "説明", "報告", "紹介", "提案", "返金", "送付", "提供", "手配", "相談", "返信", "回答",
    "招待", "依頼", "協力", "対応", "準備", "配送", "発送", "送金", "交換", "修理", "調整", "訂正", "郵送", "配達",
    "請求", "用立て", "支援", "援助", "奉仕", "挨拶", "返事", "助言", "電話", "約束", "見積もり", "見積り", "礼",
    "知らせ", "世話", "話し", "邪魔", "詫び", "願い", "迎え", "見舞い", "祝い",
    "送る", "届ける", "渡す", "知らせる", "伝える", "作る", "預かる", "取り置く", "取り寄せる", "答える", "返す",
    "調べる", "待つ", "貸す", "包む", "直す", "手伝う", "引き受ける", "付ける", "見せる", "分ける", "取り替える",
    "譲る", "出す", "入れる", "探す", "応える", "受ける", "引き取る", "話す", "会う", "聞く", "持つ", "願う",
    "迎える", "届く", "掛ける", "かける", "作り直す", "選ぶ",
    # Humble verbs are ours by their meaning (お伺いできます, お受けできかねます).
    "伺う", "参る", "申し上げる", "承る", "差し上げる", "目にかかる", "目に掛かる", "申す", "致す", "いたす",
})
# The customer's choosing (お好きな色をお選びできます) is theirs: 選ぶ is ours only with our subject.
_OUR_ACTS = _OUR_ACTS - {"選ぶ"}
_OUR_SUBJECT = re.compile(r"当店|弊社|当社|弊店|私ども|わたくしども|私共|当方|こちらで|こちらから|担当|スタッフ|係の者")


_I_TO_U = {"い": "う", "き": "く", "ぎ": "ぐ", "し": "す", "ち": "つ", "に": "ぬ", "び": "ぶ", "み": "む", "り": "る"}


def _as_verb(noun: str) -> str:
    """A 五段 verb's 連用形 read as a noun, back to the verb (直し → 直す, 包み → 包む)."""
    return noun[:-1] + _I_TO_U[noun[-1]] if noun[-1:] in _I_TO_U else noun


def _honorific_act(tokens: tuple[Token, ...], i: int) -> int:
    """After the お/ご prefix at `i`: the index of the act word (サ変 noun or verb stem), or -1."""
    if i + 1 >= len(tokens):
        return -1
    word = tokens[i + 1]
    if word.start != tokens[i].end:
        return -1
    if word.main == "名詞" and word.pos[2] == "サ変可能":
        return i + 1
    if word.main == "動詞" and word.cform.startswith("連用形"):
        return i + 1
    if word.main == "名詞" and word.surface[-1] in "いきしちにひみりぎじび" and len(word.surface) >= 2:
        return i + 1  # a verb's 連用形 made a noun: お帰り, お休み, お待ち
    return -1


_GRAMMAR_HINT = gated(re.compile(r"[おご御].{1,6}?(?:でき|出来|して(?:くださ|下さ)|され)"))


def _grammar(ctx: ReviewContext, kind: FindingKind, severity: Severity) -> list[Finding]:
    """ご/お + act + できる on the customer's act, and ご/お + act + して + ください (any act)."""
    out = []
    for sentence in ctx.sentences:
        if not _GRAMMAR_HINT.search(sentence.text):
            continue  # no できる, して+ください or される: nothing for the token walk below
        tokens = sentence.tokens
        for i, prefix in enumerate(tokens):
            if prefix.main != "接頭辞" or prefix.surface not in ("お", "ご", "御"):
                continue
            j = _honorific_act(tokens, i)
            if j < 0 or j + 1 >= len(tokens):
                continue
            act, after = tokens[j], tokens[j + 1]
            word = ctx.own_text[prefix.start : act.end]
            if after.lemma in ("できる", "出来る") and after.main == "動詞":
                if act.lemma in _OUR_ACTS or act.surface in _OUR_ACTS or _as_verb(act.surface) in _OUR_ACTS:
                    continue  # (お直しできます: Sudachi reads 直し as a noun; its verb 直す is ours)
                if _OUR_SUBJECT.search(ctx.own_text[sentence.start : prefix.start]):
                    continue
                fix = word + "いただけ"  # the ending after でき (ます, ない, れば) stays as written
                said = messages.say(messages.KEIGO_DIRECTION_DEKIRU, word=word)
                out.append(messages.finding(kind, severity, prefix.start, after.end, said, fix))
            elif (after.lemma == "する" and after.surface == "さ" and j + 2 < len(tokens)
                  and tokens[j + 2].lemma == "れる" and tokens[j + 2].main == "助動詞"):
                # お/ご〜される: the humble お〜する made honorific with れる (→ お/ご〜になる).
                if _OUR_SUBJECT.search(ctx.own_text[sentence.start : prefix.start]):
                    continue  # our side: _own_only says いたす
                said = messages.say(messages.KEIGO_DIRECTION_RERU, word=word + "する", honorific=word + "になる")
                out.append(messages.finding(kind, severity, prefix.start, tokens[j + 2].end, said, word + "にな"))
            elif (after.lemma == "する" and after.surface == "し" and j + 3 < len(tokens)
                  and tokens[j + 2].surface == "て" and tokens[j + 3].lemma == "くださる"):
                request = tokens[j + 3]
                said = messages.say(messages.KEIGO_DIRECTION_REQUEST, word=word + "する")
                out.append(messages.finding(kind, severity, prefix.start, request.end, said,
                                            word + request.surface))
    return out


def _message(m: re.Match[str]) -> messages.Said:
    return messages.say(messages.KEIGO_DIRECTION_DEKIRU, word=m.group(1))


def _fix(m: re.Match[str]) -> str:
    return m.group(1) + "いただけ" + _POLITE_END[m.group(2)]


# 弊社の佐藤様が伺います / 当店の佐藤様: our own staff named just before (the 様 is business_manner's).
_OUR_STAFF = re.compile(r"(?:弊社|当店|当社|弊店|私ども)の[^。、]{0,6}$")


def _our_staff_before(text: str, at: int) -> bool:
    return _OUR_STAFF.search(text[max(0, at - 8) : at + 4]) is not None


def check(ctx: ReviewContext) -> list[Finding]:
    kind, severity = FindingKind.KEIGO_DIRECTION, Severity.WARNING
    findings = scan(ctx, _GO_DEKIRU, kind, severity, _message, _fix)
    findings += scan(ctx, _O_DEKIRU, kind, severity, _message, _fix)
    for match in _MOUSARE.finditer(ctx.own_text):
        word = next(k for k in sorted(_DIRECT, key=len, reverse=True) if match.group().startswith(k))
        said = messages.say(messages.KEIGO_DIRECTION_RERU, word=word, honorific=_DIRECT[word])
        findings.append(messages.finding(kind, severity, match.start(), match.start() + len(word), said, _DIRECT[word]))
    findings += scan(ctx, _GO_SHITE_KUDASAI, kind, severity,
                     lambda m: messages.say(messages.KEIGO_DIRECTION_REQUEST, word=m.group(1) + "する"),
                     lambda m: m.group(1) + m.group(2))
    findings += scan(ctx, _O_SHITE_KUDASAI, kind, severity,
                     lambda m: messages.say(messages.KEIGO_DIRECTION_REQUEST, word=m.group(1) + "する"),
                     lambda m: m.group(1) + m.group(2))
    findings += scan(ctx, _GO_SARERU, kind, severity,
                     lambda m: messages.say(messages.KEIGO_DIRECTION_RERU, word=m.group(1) + "する",
                                            honorific=m.group(1) + "になる"),
                     lambda m: m.group(1) + _NARU_END[m.group(2)])
    findings += [f for f in scan(ctx, _GO_SHITA, kind, severity,
                                 lambda m: messages.say(messages.KEIGO_DIRECTION_RERU, word=m.group(1) + "する",
                                                        honorific=m.group(1) + "になる"),
                                 lambda m: m.group(1) + _NATTA.get(m.group(2), "になって"))
                 if not ctx.own_text.startswith("ください", f.end) and not ctx.own_text.startswith("下さい", f.end)]
    for match in _CUSTOMER_SUBJECT.finditer(ctx.own_text):
        word = match.group(1)
        if word == "おら":
            continue  # おられる: a regional honorific, not worth a finding
        if _our_staff_before(ctx.own_text, match.start()):
            continue  # 弊社の佐藤様が伺います: our own staff (the 様 is business_manner's), not the customer
        fix = _RAISED[word]
        if word == "申し" and ctx.own_text.startswith(("た", "て"), match.end(1)):
            fix = "おっしゃっ"
        said = messages.say(messages.KEIGO_DIRECTION_CUSTOMER, word=word, honorific=fix)
        findings.append(messages.finding(kind, severity, match.start(1), match.end(1), said, fix))
    for match in _OWN_SIDE.finditer(ctx.own_text):
        head = match.group()[:-len(match.group(1))]
        object_only = head.replace("お客様に", "").replace("お客様を", "")
        if re.search(r"お客様(?:が|は|も)", match.group()) or "様" in object_only:
            continue  # the customer is the subject after all (お客様に / お客様を is only the object)
        word = match.group(1)
        if word.startswith(("お", "ご")) and "にな" in word and not word.startswith(("お越し", "お見え", "ご覧")):
            stem, _, end_form = word.partition("にな")
            said = messages.say(messages.KEIGO_DIRECTION_OWN, word=stem + "になる", humble=stem + "いたす")
            findings.append(messages.finding(kind, severity, match.start(1), match.end(1), said,
                                             stem + _NARU_HUMBLE[end_form]))
            continue
        plain = word[:-1] + "る"
        said = messages.say(messages.KEIGO_DIRECTION_OWN, word=plain, humble=_humble(plain))
        findings.append(messages.finding(kind, severity, match.start(1), match.end(1), said, _humble(word)))
    for match in _HUMBLE_QUESTION.finditer(ctx.own_text):
        fix = "ご存じですか" if match.group(1) else "何とおっしゃいますか"
        said = messages.say(messages.KEIGO_DIRECTION_CUSTOMER, word=match.group(), honorific=fix)
        findings.append(messages.finding(kind, severity, match.start(), match.end(), said, fix))
    for match in _CUSTOMER_ITASU.finditer(ctx.own_text):
        fix = "なさい" if ctx.own_text.startswith("ま", match.end(1)) else "なさっ"
        said = messages.say(messages.KEIGO_DIRECTION_CUSTOMER, word="いたす", honorific="なさる")
        findings.append(messages.finding(kind, severity, match.start(1), match.end(1), said, fix))
    findings += [f for f in _grammar(ctx, kind, severity) if not any(g.start < f.end and f.start < g.end
                                                                     for g in findings)]
    findings += _questions(ctx, kind, severity, findings)
    findings += _own_only(ctx, kind, severity, findings)
    findings += _customer_o_suru(ctx, kind, severity)
    for match in _CUSTOMER_QUESTION.finditer(ctx.own_text):
        start, end = match.span(1) if match.group(1) else match.span(2)
        if any(f.start < end and start < f.end for f in findings):
            continue
        if _our_staff_before(ctx.own_text, match.start()):
            continue  # 当店の佐藤様: our own staff
        if match.group(1):
            stem = match.group(1)
            said = messages.say(messages.KEIGO_DIRECTION_CUSTOMER, word=stem + "する", honorific=stem + "になる")
            fix = stem + "にな"  # + ります / りました
            end = match.end(1) + 1
            fix += "り"
        else:
            said = messages.say(messages.KEIGO_DIRECTION_CUSTOMER, word="いたす", honorific="なさる")
            fix = "なさい"
        findings.append(messages.finding(kind, severity, start, end, said, fix))
    findings += scan(ctx, _ITADAITE_KUDASAI, kind, severity,
                     lambda m: messages.say(messages.KEIGO_DIRECTION_REQUEST, word="いただく"),
                     lambda m: "お召し上がりください")
    findings += scan(ctx, _HUMBLE_IMPERATIVE, kind, severity,
                     lambda m: messages.say(messages.KEIGO_DIRECTION_REQUEST, word=m.group(1) or m.group(2)),
                     lambda m: _IMPERATIVE[m.group(1)] + "ください" if m.group(1) else _IMPERATIVE[m.group(2)],
                     group=0)
    return findings
