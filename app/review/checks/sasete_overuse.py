"""sasete_overuse — 「させていただく」の多用 「させていただく」が続いています.

The user sees the second and later 〜させていただく of a sentence, or of a
short draft where most sentences end with it (「発送させていただきます。ご連絡
させていただきます。」). Used once, for something done with the customer's leave
(休業させていただきます, 掲載させていただいてもよろしいでしょうか), it is fine;
repeated, it reads as stiff and evasive. The fix for 〜(ご)Xさせていただきます is
(ご)Xいたします.

Used even once on the agent's own feelings (思わせていただきます, 喜ばせていただいて
おります, 感謝させていただきます) it is wrong: a feeling needs nobody's leave.
The fix is the plain polite verb (思いました, 喜んでおります). So it is on a thought
(考えさせていただいております → 考えております) and on a verb already humble
(申させていただきます → 申します: 申す needs no leave on top). 「〜させていただきたいと
思います」 hedges twice over what the shop simply does: flagged even once, with
(ご)Xいたします as the fix (ご連絡させていただきたいと思います → ご連絡いたします).

So it is on the shop's own history, trade and private life, done on its own account
(創業させていただきました → 創業しました, 入荷させていただきました, 自家製で作らせていただいております,
自宅で愛用させていただいております, 二十年教えさせていただいております): the plain verb is the fix.
Where leave is really asked (〜させていただいてもよろしいでしょうか, 〜させていただけますか) it stays.

In a sentence that uses it twice, the one that describes a noun (ご案内させていただいた料金に誤りがございましたので、
訂正させていただきます) is flagged as well as the later one: a description asks no leave (→ ご案内した料金).

The feelings are a class, not a phrase list: any verb of feeling or thought (思う, 喜ぶ, 信じる, 悔やむ) and
the サ変 nouns of feeling (反省, 納得, 心配, 痛感, 恐縮, 満足…), their forms made from the noun.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.gate import gated

SASETE = gated(re.compile(r"([おご]?[\u4e00-\u9fff]{1,6}?)?(さ|[かがさただなばまらわ])せて(?:いただ|頂)(き|く|け|い)"))
_FIX_END = {"き": "いたし", "く": "いたす", "け": "いたせ", "い": "いたし"}


# Feelings and thoughts of the agent's own: させていただく asks a leave they do not need.
# verb stem before せて → (連用形, dictionary form, te-form, ta-form)
_FEELINGS: dict[str, tuple[str, str, str, str]] = {
    "思わ": ("思い", "思う", "思って", "思った"), "喜ば": ("喜び", "喜ぶ", "喜んで", "喜んだ"),
    "感じさ": ("感じ", "感じる", "感じて", "感じた"), "驚か": ("驚き", "驚く", "驚いて", "驚いた"),
    "楽しま": ("楽しみ", "楽しむ", "楽しんで", "楽しんだ"), "感動さ": ("感動し", "感動する", "感動して", "感動した"),
    "安心さ": ("安心し", "安心する", "安心して", "安心した"), "感謝さ": ("感謝し", "感謝する", "感謝して", "感謝した"),
    "存じさ": ("存じ", "存じる", "存じて", "存じた"), "願わ": ("願い", "願う", "願って", "願った"),
    "祈ら": ("祈り", "祈る", "祈って", "祈った"), "期待さ": ("期待し", "期待する", "期待して", "期待した"),
    "共感さ": ("共感し", "共感する", "共感して", "共感した"),
    "考えさ": ("考え", "考える", "考えて", "考えた"), "申さ": ("申し", "申す", "申して", "申した"),
    "悲しま": ("悲しみ", "悲しむ", "悲しんで", "悲しんだ"), "信じさ": ("信じ", "信じる", "信じて", "信じた"),
    "望ま": ("望み", "望む", "望んで", "望んだ"), "悔やま": ("悔やみ", "悔やむ", "悔やんで", "悔やんだ"),
}
# Feelings and thoughts that are サ変 nouns (反省する, 納得する): the same rule, the forms made from the noun.
_FEELING_NOUNS = (
    "反省", "納得", "理解", "心配", "痛感", "実感", "確信", "恐縮", "後悔", "満足", "感心", "感激", "尊敬", "同情",
    "覚悟", "決意", "想像", "推察", "拝察", "感服", "敬服", "失望", "落胆", "困惑", "動揺", "緊張", "興奮", "得心",
)
for _noun in _FEELING_NOUNS:
    _FEELINGS[_noun + "さ"] = (_noun + "し", _noun + "する", _noun + "して", _noun + "した")
# The shop's own history, trade and private life (創業, 経営, 入荷, 自家製で作る, 自宅で愛用, 二十年教える):
# done on its own account, asking nobody's leave, so させていただく is needless here too.
_OWN_ACTS: dict[str, tuple[str, str, str, str]] = {
    "迎えさ": ("迎え", "迎える", "迎えて", "迎えた"), "作ら": ("作り", "作る", "作って", "作った"),
    "教えさ": ("教え", "教える", "教えて", "教えた"), "営ま": ("営み", "営む", "営んで", "営んだ"),
    "育てさ": ("育て", "育てる", "育てて", "育てた"), "勤めさ": ("勤め", "勤める", "勤めて", "勤めた"),
    "務めさ": ("務め", "務める", "務めて", "務めた"), "仕入れさ": ("仕入れ", "仕入れる", "仕入れて", "仕入れた"),
}
_OWN_ACT_NOUNS = (
    "創業", "開業", "設立", "創立", "開店", "経営", "入荷", "製造", "製作", "生産", "愛用", "勤務", "在籍", "出店",
    "受賞", "成長", "栽培", "収穫", "醸造", "焙煎",
)
for _noun in _OWN_ACT_NOUNS:
    _OWN_ACTS[_noun + "さ"] = (_noun + "し", _noun + "する", _noun + "して", _noun + "した")
_FEELINGS.update(_OWN_ACTS)
# Not when the leave is really asked (入荷させていただいてもよろしいでしょうか, 〜いただけますか).
_FEELING = re.compile("(" + "|".join(_FEELINGS) + ")せて(?:いただ|頂)(?!いても|けますか|けません|けないで|ければ)"
                      "(き|く|いて|いた|け)")


def _needless(ctx: ReviewContext) -> list[Finding]:
    """させていただく on a feeling of the agent's own, flagged even once, with the plain verb as the fix."""
    out = []
    for match in _FEELING.finditer(ctx.own_text):
        forms = _FEELINGS[match.group(1)]
        fix = {"き": forms[0], "く": forms[1], "いて": forms[2], "いた": forms[3]}.get(match.group(2), "")
        said = messages.say(messages.SASETE_OWN_ACT if match.group(1) in _OWN_ACTS else messages.SASETE_NEEDLESS,
                            word=match.group(1) + "せていただく")
        out.append(messages.finding(FindingKind.SASETE_OVERUSE, Severity.INFO, match.start(), match.end(), said, fix))
    return out


# 「ご連絡させていただきたいと思います」: leave asked and a wish hedged, for what the shop simply does.
_HEDGED = gated(re.compile(
    r"([おご]?[\u4e00-\u9fff]{1,6}?)?させて(?:いただ|頂)きたいと(?:思い|存じ|考え)(?:ます|ております)"))


def _hedged(ctx: ReviewContext) -> list[Finding]:
    out = []
    for match in _HEDGED.finditer(ctx.own_text):
        fix = (match.group(1) + "いたします") if match.group(1) else ""
        start = match.start(1) if match.group(1) else match.start()
        out.append(messages.finding(FindingKind.SASETE_OVERUSE, Severity.INFO, start, match.end(),
                                    messages.say(messages.SASETE_OVERUSE), fix))
    return out


# させていただい|た + a noun, させていただ|く + a noun: the verb describes the noun after it.
_RELATIVE = re.compile(r"(?<=い)た(?=[一-龥ァ-ヶ]|[おご][一-龥])|(?<=く)(?=[一-龥ァ-ヶ]|[おご][一-龥])")


def _fix(match: re.Match[str], text: str) -> str:
    noun = match.group(1)
    if noun and match.group(2) == "さ":
        return noun + _FIX_END[match.group(3)]
    return ""


def check(ctx: ReviewContext) -> list[Finding]:
    text = ctx.own_text
    needless = _needless(ctx)
    needless += [f for f in _hedged(ctx) if not any(g.start < f.end and f.start < g.end for g in needless)]
    uses = [m for m in SASETE.finditer(text)]
    if len(uses) < 2:
        return needless
    sentences = [s for s in ctx.sentences if s.text.strip()]
    dense = len(uses) >= 3 or len(uses) * 2 >= len(sentences)
    out = []
    seen_in: dict[int, int] = {}
    where = [next((i for i, s in enumerate(sentences) if s.start <= m.start() < s.end), -1) for m in uses]
    for number, match in enumerate(uses):
        sentence = where[number]
        seen_in[sentence] = seen_in.get(sentence, 0) + 1
        repeated = seen_in[sentence] >= 2 or (dense and number >= 1)
        # In a sentence that uses it twice, the one describing a past act of ours before a noun (ご案内させて
        # いただいた料金) is the needless one too: a description asks no leave (→ ご案内した料金).
        describing = where.count(sentence) >= 2 and _RELATIVE.match(text, match.end()) is not None
        if not repeated and not describing:
            continue
        start = match.start(1) if match.group(1) else match.start(2)
        if any(f.start <= match.start(2) < f.end for f in needless):
            continue
        out.append(messages.finding(FindingKind.SASETE_OVERUSE, Severity.INFO, start, match.end(),
                                    messages.say(messages.SASETE_OVERUSE), _fix(match, text)))
    return sorted(needless + out, key=lambda f: f.start)
