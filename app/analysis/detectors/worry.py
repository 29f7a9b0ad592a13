"""The worry detector's rules: does this clause tell an anxiety of the writer's, present and theirs?

Two kinds of rules. A rule on the clause (`Clause` -> verdict) decides for the
whole clause; the only one is a veto. A rule at a token (`toks, i` -> verdict)
looks at the clause's words outside quotes (「もう怖い」と言った: someone else's
words) from position i: the detector walks the tokens and asks each rule in the
registry's order at each one, so the first token where some rule fires decides,
and the cue names that rule's words. Verdicts: a cue (`CueKind:words`), "" (no
verdict) or `NOT` (a veto).

A worry is an anxiety word (心配, 不安, 怖い, 焦る, 気が気でない, どうしよう) or a
feared hypothetical (〜たらと思うと), unless negated (心配はしていません), past and
resolved (心配していた納期 / 心配でしたが…安心しました) or the shop's own phrase (ご心配).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from app.analysis.detectors.common import (
    BIT_RELIEF,
    BIT_RISK,
    NOT,
    OTHERS,
    is_neg,
    span,
    unquoted,
)
from app.analysis.segment import Clause
from app.analysis.tokenizer import Token
from app.model import CueKind, make_cue

_LIGHT_VERBS: Final = ("為る", "居る", "有る", "成る", "御座る", "致す", "おる", "居る", "無い", "です", "だ", "ます",
                "てる", "仕舞う", "ちゃう", "しまう", "思う", "感じる", "為さる")
_HEARSAY: Final = frozenset({"よう", "様", "らしい", "みたい"})
_SOMEONE: Final = frozenset({"本人", "彼", "彼女"})
# What may stand between a question and 「気になる」 when the question is what is on their
# mind (「〜ないか、それが一番気になっています」): pointers and degree words, nothing of its own.
_POINTERS: Final = frozenset({"一番", "いちばん", "点", "ところ", "所", "事", "こと", "何より", "少し", "ちょっと",
                              "特", "本当", "非常", "大変", "とても", "すごく", "正直"})


# ---------------------------------------------------------------- on the clause


def anothers_feeling(clause: Clause) -> str:
    """Veto: 「本人は今からずいぶん緊張しているようです」: how someone else feels, as the writer sees it.

    Told, not the writer's own anxiety (a family member is a disclosure's business).
    """
    return NOT if _anothers_feeling(clause.content) else ""


# ---------------------------------------------------------------- at a token, in the registry's order


def no_confidence(toks: list[Token], i: int) -> str:
    """〜られるか自信がないです: no confidence, now (not 自信がなかった)."""
    t = toks[i]
    if t.is_("自信") and any(is_neg(x) or x.is_("無い") for x in toks[i + 1 : i + 5]) and not any(
            x.lemma == "た" for x in toks[i + 1 : i + 5]):
        return make_cue(CueKind.WORRY_WORD, span(toks, i, i + 3))
    return ""


def worry_word(toks: list[Token], i: int) -> str:
    """An anxiety word (心配, 不安, 怖い, 焦る) the writer has now.

    Not ご心配 (the shop's phrase), 心配性 (a trait), 心配をおかけして (someone else's worry),
    不安な点があれば (a possibility), 心配はしていません (negated) or 心配していた納期 /
    不安でしたが (past, and something else follows).
    """
    return make_cue(CueKind.WORRY_WORD, toks[i].surface) if _worry_at(toks, i) else ""


def doushiyou(toks: list[Token], i: int) -> str:
    """どうしよう: at a loss (but not どうしようか迷う: that is indecision)."""
    t = toks[i]
    if t.surface == "どう" and i + 1 < len(toks) and toks[i + 1].norm == "為る" and toks[i + 1].cform.startswith(
        "意志推量"
    ):
        nxt = toks[i + 2] if i + 2 < len(toks) else None
        if nxt is None or nxt.surface != "か":
            return make_cue(CueKind.DOUSHIYOU, span(toks, i, i + 2))
    return ""


def ki_ga_ki_denai(toks: list[Token], i: int) -> str:
    """気が気でない: too anxious to rest."""
    t = toks[i]
    if t.surface == "気" and i + 2 < len(toks) and toks[i + 1].surface == "が" and toks[i + 2].surface == "気":
        return make_cue(CueKind.RESTLESS, span(toks, i, i + 7))
    return ""


def restless(toks: list[Token], i: int) -> str:
    """気が休まらない / 落ち着かない / 届くか気になって夜も眠れない: restlessness from worry.

    眠れない alone is a circumstance (a baby keeping them up): it needs an open question
    before it, or 〜のことを考えると (kept awake by thinking about it).
    """
    t = toks[i]
    sleep = t.lemma in ("眠れる", "寝つける", "寝付ける") or t.norm == "寝付く"
    if ((t.lemma in ("休まる", "落ち着く") or sleep) and any(is_neg(x) for x in toks[i + 1 : i + 4])
            and (not sleep or any(x.surface in ("か", "たら", "ば") for x in toks[:i])
                 # 〜のことを考えると眠れない: kept awake by thinking about it
                 or any(x.norm in ("考える", "思う") and toks[j + 1].surface == "と"
                        for j, x in enumerate(toks[: i - 1])))):
        return make_cue(CueKind.RESTLESS, span(toks, i, i + 2))
    return ""


def feared_thought(toks: list[Token], i: int) -> str:
    """〜たらと思うと / 〜たら可哀想だと思うと: a feared hypothetical, thought of."""
    t = toks[i]
    if (t.norm == "思う" and i >= 2 and toks[i - 1].surface == "と"
            and any(x.surface in ("たら", "だら", "ば", "れば") for x in toks[max(0, i - 5) : i - 1])
            and i + 1 < len(toks) and toks[i + 1].surface == "と"):
        k = next(j for j in range(max(0, i - 5), i - 1) if toks[j].surface in ("たら", "だら", "ば", "れば"))
        return make_cue(CueKind.FEARED_IF, span(toks, k, i + 2))
    return ""


def whether_able(toks: list[Token], i: int) -> str:
    """覚えられるかどうか…: whether they will manage, left hanging (nothing said after it)."""
    t = toks[i]
    if (t.surface == "か" and i + 2 < len(toks) and toks[i + 1].surface == "どう" and toks[i + 2].surface == "か"
            and i > 0 and (toks[i - 1].lemma in ("られる", "れる", "できる", "出来る")
                           or toks[i - 1].norm == "出来る" or toks[i - 1].cform.startswith("可能"))
            and not any(x.main in ("動詞", "形容詞") and x.content for x in toks[i + 3 :])):
        return make_cue(CueKind.WONDERING, span(toks, i - 1, i + 3))
    return ""


def feared_trouble(toks: list[Token], i: int) -> str:
    """間に合わないと困ります / 〜たら困る / 届かないと本当に困る: a feared consequence.

    Not 困っています or 困りました: a problem told, not feared.
    """
    t = toks[i]
    if t.lemma != "困る":
        return ""
    k = _before_adverbs(toks, i)
    if (k >= 0 and toks[k].surface in ("と", "たら", "ば", "れば", "では", "ては")
            and not any(x.lemma == "た" for x in toks[i + 1 : i + 4])):
        return make_cue(CueKind.FEARED_IF, span(toks, k, i + 2))
    return ""


def trouble_to_come(toks: list[Token], i: int) -> str:
    """間に合わないと食事をする場所がなくて困ってしまいます: the condition further back, the trouble to come.

    〜てしまいます, not 困ってしまいました (that happened).
    """
    t = toks[i]
    if (t.lemma == "困る" and any(x.lemma in ("しまう", "仕舞う", "ちゃう") for x in toks[i + 1 : i + 4])
            and not any(x.lemma == "た" for x in toks[i + 1 : i + 5])):
        ifs = [j for j in range(1, _before_adverbs(toks, i)) if _condition_at(toks, j)]
        if ifs:
            return make_cue(CueKind.FEARED_IF, span(toks, ifs[-1], i + 2))
    return ""


def nervous(toks: list[Token], i: int) -> str:
    """〜のかドキドキ / 〜かそわそわ: nervous about an open question (alone, ドキドキ may be excitement)."""
    if any(x.surface in ("か", "たら", "ば") for x in toks[:i]):
        return make_cue(CueKind.NERVOUS, toks[i].surface)
    return ""


def risk_on_mind(toks: list[Token], i: int) -> str:
    """安全性が気になる / 副作用が気になる: a risk on their mind (not 「Lサイズが気になっています」: interest)."""
    t = toks[i]
    if (t.surface == "気" and i + 2 < len(toks) and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る"
            and i >= 2 and toks[i - 1].surface in ("が", "も") and _is_risk(toks[i - 2])):
        return make_cue(CueKind.RISK, span(toks, i - 2, i + 3))
    return ""


def whether_on_mind(toks: list[Token], i: int) -> str:
    """〜か(も)気になって / 〜ないか、それが一番気になっています: keeps worrying whether."""
    t = toks[i]
    if t.surface == "気" and i + 2 < len(toks) and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る":
        k = i - 1
        while k > 0 and (toks[k].main in ("代名詞", "副詞", "連体詞", "補助記号") or toks[k].surface in _POINTERS
                         or toks[k].surface in ("が", "も", "は")):
            k -= 1  # pointers back to the question: それが / 一番 / 少し
        if k >= 0 and toks[k].surface == "か" and k < i and (k == i - 1 or _worry_at(toks, i)):
            return make_cue(CueKind.WONDERING, span(toks, k, i + 3))
    return ""


_CONSEQUENCES: Final = frozenset({"しまう", "仕舞う", "ちゃう", "かねる", "影響", "間に合う", "困る", "無理", "出来る",
                                   "できる", "なる", "成る"})


def preoccupied(toks: list[Token], i: int) -> str:
    """Anxiety said as an idiom, now: 頭から離れません / 頭を抱えています / 居ても立ってもいられない /
    気が重い / このままでは…影響が出てしまいます.

    Not when told as over (頭から離れませんでした, 頭を抱えていた): a past anxiety is a story.
    このままでは needs a consequence feared after it (〜てしまう, 〜かねない, 間に合わない, 影響,
    できなくなる): 「このままでは使えません」 states a fault, it fears nothing.
    """
    t = toks[i]
    rest = toks[i + 1 :]
    if any(x.lemma == "た" for x in rest[:8]):
        return ""
    found = 0
    if t.surface == "頭" and len(rest) >= 3:
        if rest[0].surface == "から" and rest[1].lemma == "離れる" and any(is_neg(x) for x in rest[2:4]):
            found = 3
        elif (rest[0].surface == "を" and rest[1].lemma == "抱える"
              and any(x.lemma in ("てる", "いる", "居る", "おる") or x.norm == "居る" for x in rest[2:4])):
            found = 2
    elif (t.lemma == "立つ" and i >= 3 and toks[i - 1].surface == "も" and toks[i - 2].surface == "て"
          and toks[i - 3].norm == "居る"):
        return make_cue(CueKind.RESTLESS, span(toks, i - 3, i + 5))
    elif t.surface == "気" and len(rest) >= 2 and rest[0].surface == "が" and rest[1].lemma == "重い":
        found = 2
    elif (t.surface == "まま" and i > 0 and toks[i - 1].surface == "この" and len(rest) >= 2
          and (rest[0].surface in ("では", "じゃ")
               or (rest[0].surface in ("で", "だ") and rest[1].surface in ("は", "と"))
               or rest[0].lemma == "行く" or rest[0].surface in ("いく", "続く", "続け"))):
        feared = [x for x in rest[2:] if x.lemma in _CONSEQUENCES or x.norm in _CONSEQUENCES]
        # 〜なくなる / 〜てしまう / 間に合わない / 影響: something gets worse if nothing changes
        if feared and (any(x.lemma in ("しまう", "仕舞う", "ちゃう", "かねる") or x.surface in ("影響", "無理")
                           for x in feared)
                       or any(x.lemma == "間に合う" and any(is_neg(y) for y in rest[k + 1 : k + 4])
                              for k, x in enumerate(rest) if x in feared)
                       or any(x.norm == "成る" and k > 0 and rest[k - 1].surface in ("なく", "無く")
                              for k, x in enumerate(rest) if x in feared)):
            return make_cue(CueKind.FEARED_IF, span(toks, i - 1, i + 2))
        return ""
    if not found:
        return ""
    return make_cue(CueKind.RESTLESS, span(toks, i, i + 1 + found))


# ---------------------------------------------------------------- what the rules and the sentence share


def _before_adverbs(toks: list[Token], i: int) -> int:
    """The token before i, skipping adverbs (届かないと本当に困る: と, not 本当に)."""
    k = i - 1
    while k > 0 and (toks[k].main == "副詞" or toks[k].is_("本当", "非常", "大変", "に")):
        k -= 1
    return k


def _worry_at(toks: list[Token], i: int) -> bool:
    """The anxiety word at i is the writer's, now: not negated, not past and over, not the shop's."""
    t = toks[i]
    if i > 0 and toks[i - 1].surface in ("ご", "御"):
        return False  # ご心配 / ご不安: the shop's phrase, or ご心配なく
    if t.surface.endswith("性") or (i + 1 < len(toks) and toks[i + 1].surface == "性"):
        return False  # 心配性: a trait, not a present worry
    if (i + 2 < len(toks) and toks[i + 1].surface == "を" and toks[i + 2].norm in ("掛ける", "お掛け", "かける")) or (
        i + 3 < len(toks) and toks[i + 1].surface == "を" and toks[i + 2].surface == "お"
    ):
        return False  # 心配をおかけして: the worry is someone else's
    if i + 1 < len(toks) and toks[i + 1].lemma == "がる" and any(x.lemma == "た" for x in toks[i + 2 :]):
        return False  # 怖がって…しませんでした: someone's past fear, told as a story
    for a in toks[i + 1 : i + 6]:
        if (a.sub == "接続助詞" and a.surface in ("ば", "たら")) or (a.lemma == "た" and a.surface == "たら"):
            return False  # 不安な点があれば…: a possibility put to the shop, not a worry they have
        if a.main in ("動詞", "形容詞") and a.norm not in _LIGHT_VERBS and a.norm not in ("有る", "無い", "御座る"):
            break
    for a in toks[i + 1 : i + 10]:  # 不安に思うことは特にありません: the negation comes late
        if is_neg(a) or a.surface in ("なく", "無く", "無用", "いらない", "要らない"):
            return False
        if a.lemma == "た":
            # 心配していた納期 / 不安でしたが: past, then something else follows.
            k = toks.index(a, i + 1)
            after = [x for x in toks[k + 1 :] if x.main not in ("補助記号", "空白")]
            if after and (after[0].main == "名詞" or after[0].surface in ("が", "けど", "けれど", "けれども")):
                return False
            # 心配していたのが嘘みたい / 不安だったことも忘れて: the past worry is talked about as over
            if (len(after) > 1 and after[0].surface in ("の", "こと", "ん")
                    and after[1].surface in ("が", "は", "も", "を")):
                return False
            break
        if a.sub == "接続助詞" and a.surface in ("て", "で"):
            continue  # 心配して(い)ません: the negation is still to come
        if a.sub == "接続助詞" or (a.main in ("動詞", "形容詞") and a.norm not in _LIGHT_VERBS
                                   and a.lemma not in ("なる", "しまう", "ちゃう")):
            break
    return True


def _condition_at(toks: Sequence[Token], j: int) -> bool:
    """A condition after a predicate: 間に合わないと / 届かなかったら / なければ (Sudachi may call と 格助詞)."""
    return toks[j].surface in ("と", "たら", "ば", "ては", "では") and toks[j - 1].main in ("助動詞", "動詞", "形容詞")


def _anothers_feeling(content: Sequence[Token]) -> bool:
    """「本人は今からずいぶん緊張しているようです」: someone else's feeling, as the writer sees it."""
    if not any(t.surface in _HEARSAY for t in content[-3:]):
        return False
    return any(
        content[k + 1].surface in ("は", "が", "も") and (bool(t.classes & OTHERS) or t.surface in _SOMEONE)
        for k, t in enumerate(content[:-1])
    )


def on_their_mind(clause: Clause) -> str:
    """The cue of 「〜が気になる」 in `clause` (present, not negated), or ""."""
    toks = unquoted(clause.tokens)
    for i in range(2, len(toks) - 2):
        if (toks[i].surface == "気" and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る"
                and toks[i - 1].surface in ("が", "も") and toks[i - 2].main == "名詞" and _worry_at(toks, i)):
            return make_cue(CueKind.RISK, span(toks, i - 2, i + 3))
    return ""


def _is_risk(t: Token) -> bool:
    """A noun naming a risk: 安全性 / 衛生面 / 副作用."""
    return t.main == "名詞" and (t.surface.endswith(("性", "面")) or bool(t.classes & BIT_RISK))


def relieved(tokens: Sequence[Token]) -> bool:
    """Relief or good news (安心しました / よかった): a worry in the sentence is over."""
    return any((t.classes & BIT_RELIEF) or t.surface.startswith(("よかっ", "良かっ")) for t in tokens)

