"""Detection: which clauses tell (disclosure), ask (request) or worry (worry).

Works on Sudachi tokens of one sentence at a time, clause by clause, using part
of speech, conjugation form and normalised forms rather than strings:
- a request is a question (sentence-final か, a question mark), an imperative
  〜てください, a benefactive asked for (〜ていただけますか / 〜ていただけると助かります /
  〜ていただきたい / 〜てほしい), an お願いします with a concrete object, or
  〜たい on a verb that asks something of the shop (知りたい, 変更したい);
- a worry is an anxiety word (心配, 不安, 怖い, 焦る, 気が気でない, どうしよう) or a
  feared hypothetical (〜たらと思うと), unless negated (心配はしていません), past and
  resolved (心配していた納期 / 心配でしたが…安心しました) or the shop's own phrase (ご心配);
- a disclosure is scored from the writer and the people close to them, life
  events, their circumstances and plan/experience predicates (〜予定, 〜つもり,
  〜ことになり, 〜たばかり, 〜ています). A reason clause before a request or worry
  needs less evidence than a sentence standing alone, because the reason
  construction itself says it is about the writer's situation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from app.analysis import lexicon as lx
from app.analysis.segment import Clause, Link
from app.analysis.tokenizer import Token
from app.model import CueKind, HighlightKind, make_cue

_NEG_AUX: Final = ("ない", "ず", "ぬ", "ん")
_LIGHT_VERBS: Final = ("為る", "居る", "有る", "成る", "御座る", "致す", "おる", "居る", "無い", "です", "だ", "ます",
                "てる", "仕舞う", "ちゃう", "しまう", "思う", "感じる", "為さる")


class Labelled:
    """A clause (or clauses) labelled disclosure, request or worry."""

    __slots__ = ("cue", "end", "kind", "start", "tokens")

    def __init__(self, kind: HighlightKind, start: int, end: int, tokens: tuple[Token, ...], cue: str = "") -> None:
        self.kind: HighlightKind = kind
        self.start: int = start
        self.end: int = end
        self.tokens: tuple[Token, ...] = tokens
        self.cue: str = cue  # `CueKind:words`, see app.model.Highlight.cue

    def __repr__(self) -> str:
        return f"Labelled({self.kind!r}, {self.start!r}, {self.end!r})"


def _content(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if t.content]


# Class bits, tested inline in the hot loops (a call per token costs more than the test).
_BIT_ASK_VERBS: Final = lx.BIT[lx.ASK_VERBS]
_BIT_CIRCUMSTANCE: Final = lx.BIT[lx.CIRCUMSTANCE]
_BIT_CONDITION: Final = lx.BIT[lx.CONDITION]
_BIT_FEELING: Final = lx.BIT[lx.FEELING]
_BIT_FORMULA_NOUNS: Final = lx.BIT[lx.FORMULA_NOUNS]
_BIT_FORMULA_PLEASE: Final = lx.BIT[lx.FORMULA_PLEASE]
_BIT_LIFE: Final = lx.BIT[lx.LIFE]
_BIT_NERVOUS: Final = lx.BIT[lx.NERVOUS]
_BIT_ORDER: Final = lx.BIT[lx.ORDER]
_BIT_ORDER_VERBS: Final = lx.BIT[lx.ORDER_VERBS]
_BIT_PREFACE_VERBS: Final = lx.BIT[lx.PREFACE_VERBS]
_BIT_RELIEF: Final = lx.BIT[lx.RELIEF]
_BIT_RISK: Final = lx.BIT[lx.RISK]
_BIT_THIRD_PARTY: Final = lx.BIT[lx.THIRD_PARTY]
_BIT_WORRY: Final = lx.BIT[lx.WORRY]
_DISCLOSURE_CUE: Final = lx.CUE_BIT[lx.DISCLOSURE_CUES]
_HYPOTHETICAL_CUE: Final = lx.CUE_BIT[lx.HYPOTHETICAL_CUES]
_WORRY_GATE: Final = lx.CUE_BIT[lx.WORRY_CUES] | lx.BIT[lx.WORRY] | lx.BIT[lx.NERVOUS]
_PERSONAL: Final = lx.BIT[lx.SELF] | lx.BIT[lx.FAMILY]
_OTHERS: Final = lx.BIT[lx.FAMILY] | lx.BIT[lx.THIRD_PARTY]
_HEARSAY: Final = frozenset({"よう", "様", "らしい", "みたい"})
_SOMEONE: Final = frozenset({"本人", "彼", "彼女"})
# What may stand between a question and 「気になる」 when the question is what is on their
# mind (「〜ないか、それが一番気になっています」): pointers and degree words, nothing of its own.
_POINTERS: Final = frozenset({"一番", "いちばん", "点", "ところ", "所", "事", "こと", "何より", "少し", "ちょっと",
                              "特", "本当", "非常", "大変", "とても", "すごく", "正直"})
_DISCLOSURE_ANY: Final = _PERSONAL | lx.BIT[lx.LIFE] | lx.BIT[lx.CIRCUMSTANCE] | _DISCLOSURE_CUE
_REQUEST_CUE: Final = lx.CUE_BIT[lx.REQUEST_CUES]
_PREFACE_GATE: Final = lx.BIT[lx.PREFACE_VERBS] | lx.CUE_BIT[lx.PREFACE_CUES]
_HEDGE_CUE: Final = lx.CUE_BIT[lx.HEDGE_CUES]
_SHOPPING_CUE: Final = lx.CUE_BIT[lx.SHOPPING_CUES]
_ANNOUNCE_GATE: Final = lx.CUE_BIT[lx.CAUSATIVE_CUES] | lx.BIT[lx.PREFACE_VERBS]


def _is_neg(t: Token) -> bool:
    return (t.main == "助動詞" and (t.lemma in _NEG_AUX or t.ctype in ("助動詞-ナイ", "助動詞-ヌ"))) or (
        t.main == "形容詞" and t.lemma in ("ない", "無い")
    )


# ---------------------------------------------------------------- requests


_QUOTE_OPEN: Final = ("「", "『")
_QUOTE_CLOSE: Final = ("」", "』")
# 〜てほしいと言われ / 〜てくださいと連絡があり: someone else's ask, reported.
_REPORTING: Final = ("言う", "云う", "連絡", "頼む", "有る", "言われる", "頼まれる", "伝える", "話す", "伺う", "聞く")
# What the writer does in the mail itself: 〜させてください / 〜させていただきたく announce it.
_OWN_ACTS: Final = ("確認", "話", "話す", "書く", "紹介", "説明", "報告", "相談", "質問", "伝える", "お伝え",
                    "述べる", "記す", "触れる", "整理")


def _unquoted(toks: Sequence[Token]) -> list[Token]:
    """The tokens outside 「…」/『…』: an ask inside a quote is someone's words, reported."""
    if not any(t.surface in _QUOTE_OPEN for t in toks):
        return list(toks)
    out: list[Token] = []
    depth = 0
    for t in toks:
        if t.surface in _QUOTE_OPEN:
            depth += 1
        elif t.surface in _QUOTE_CLOSE and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out


def _reported(toks: list[Token], i: int) -> bool:
    """The ask at i is followed by と + a verb of saying: 戻ってほしいと連絡があり."""
    rest = toks[i + 1 : i + 4]
    return any(r.surface == "と" and r.main == "助詞" for r in rest[:2]) and any(
        r.norm in _REPORTING or r.lemma in _REPORTING for r in toks[i + 2 : i + 6])


def _causative_own_act(toks: list[Token], i: int) -> bool:
    """させて(ください/いただきたい) at i on something the writer does: 確認させてください."""
    before = toks[max(0, i - 5) : i]
    if not any(b.lemma in ("せる", "させる") for b in before):
        return False
    return any(b.norm in _OWN_ACTS or b.lemma in _OWN_ACTS or (b.classes & _BIT_PREFACE_VERBS) for b in before)


# The reader's part in this mail itself: 読んでいただけたら / お付き合いいただければ.
_READING: Final = ("読む", "付き合う", "付き合い", "御付き合い")


def _someone_else_does(toks: Sequence[Token], i: int) -> bool:
    """A が/は-marked person before the verb at i: 娘が喜んでくれたら (their family, not the shop)."""
    return any(t.main in ("名詞", "代名詞") and (t.classes & (_PERSONAL | _BIT_LIFE))
               and i > j + 1 and toks[j + 1].surface in ("が", "は", "も") for j, t in enumerate(toks[:i]))


def _about(toks: Sequence[Token]) -> bool:
    """「納期について」「送料に関して」「ご注文の件で」: what the ask is about is named."""
    for i, t in enumerate(toks[1:], 1):
        if toks[i - 1].surface == "に" and (t.surface in ("つい", "つき", "付い", "関し", "関する")
                                           or t.lemma in ("就く", "関する")):
            return True
        if t.surface == "件" and toks[i - 1].surface == "の":
            return True
    return False


def _benefactive_asked(toks: list[Token]) -> bool:
    """〜ていただける/もらえる + か/と/ば/たら, 〜いただきたい, 〜てほしい, 〜てください."""
    for i, t in enumerate(toks):
        rest = toks[i + 1 : i + 5]
        if t.norm in ("頂く", "貰う", "呉れる", "下さる") or t.lemma in ("いただける", "もらえる", "頂ける"):
            nxt = rest[0] if rest else None
            if _reported(toks, i) or (_causative_own_act(toks, i) and not _about(toks[:i])):
                continue  # 来てほしいと言われて / ご相談させていただきたく: not an ask of the shop
            if i > 1 and (toks[i - 2].norm in _READING or toks[i - 1].norm in _READING):
                continue  # 読んでいただけたら嬉しい / お付き合いいただければ: about this mail, not an ask
            if any(r.lemma in ("ありがとう", "有り難う") or r.norm == "感謝" for r in toks[i + 1 : i + 4]):
                continue  # 聞いていただきありがとうございました: thanks for what was done
            if t.norm == "呉れる" and _someone_else_does(toks, i):
                continue  # ひ孫が眠ってくれたら: a wish about their family, not an ask of the shop
            if nxt is not None and nxt.lemma == "たい":
                return True
            potential = t.surface.startswith(("いただけ", "頂け", "もらえ", "貰え", "くれ", "下さ", "くださ"))
            if not potential:
                continue
            if nxt is None:
                return t.surface.startswith(("ください", "下さい", "くださ"))
            past = any(r.lemma == "た" and r.surface != "たら" for r in rest)
            if past or (nxt.surface.startswith("た") and nxt.surface != "たら"):
                continue  # いただけた / もらえませんでした: it already happened
            if any(r.norm == "居る" for r in rest):
                continue  # いただけていません: a state reported, not an ask
            if (nxt.surface == "と" and len(rest) > 1 and rest[1].lemma in ("思う", "考える")
                    and t.cform.startswith("終止形")):
                continue  # 〜てくれると思います: what they expect, not an ask (〜いただければと思います asks)
            # 〜ていただけませんか asks; 〜てくれません (without か) only reports.
            if any(r.surface in ("か", "かな", "かしら", "と", "ば", "れば", "たら") for r in rest):
                if not _embedded_question(toks, i):
                    return True
                continue
            if nxt.surface in ("の", "こと") and nxt.main in ("助詞", "名詞"):
                continue  # 来てくれるのが、ありがたい反面…: a fact they are grateful for, not an ask
            if any(r.lemma in ("助かる", "ありがたい", "有り難い", "嬉しい", "幸い", "思う") for r in rest):
                return True
        if (t.lemma in ("ほしい", "欲しい") and t.sub == "非自立可能" and i > 0 and toks[i - 1].surface in ("て", "で")
                and not _reported(toks, i) and not _wish_for_them(toks, i)):
            return True
    return False


def _embedded_question(toks: list[Token], i: int) -> bool:
    """〜てくれるか、心配です: the か after position i opens a clause that goes on, not an ask."""
    k = next((j for j in range(i + 1, min(len(toks), i + 5)) if toks[j].surface == "か"), -1)
    if k < 0:
        return False
    if k + 2 < len(toks) and toks[k + 1].surface == "と" and toks[k + 2].norm in ("思う", "考える"):
        return False  # 〜ていただけないかと思いまして: the polite ask itself
    return any(t.content and t.main in ("名詞", "動詞", "形容詞", "形状詞") for t in toks[k + 1 :])


_LONG_WISH: Final = ("これからも", "ずっと", "いつまでも", "末永く", "この先も")


def _wish_for_them(toks: Sequence[Token], i: int) -> bool:
    """これからも頑張ってください / お体を大切に / ずっと続けてほしい: a wish for the shop, nothing to answer."""
    norms = {t.norm for t in toks[:i]}
    if norms & {"頑張る", "長生き", "張り切る"}:
        return True
    if "大切" in norms and norms & {"体", "身体", "体調"}:
        return True
    said = "".join(t.surface for t in toks[:i])
    return "続ける" in norms and any(w in said for w in _LONG_WISH)


def _conjecture(content: Sequence[Token]) -> bool:
    """〜んだろう？ / どうしてなのだろうか: the writer wondering aloud, not a question put to the shop.

    Plain だろう (not polite でしょう) is how one talks to oneself in a letter; asking the shop
    takes でしょうか / ますか, or a bare casual question without だろう.
    """
    return any(t.lemma == "だ" and t.cform == "意志推量形" and t.surface.startswith("だろ") for t in content[-3:])


def _please(toks: list[Token]) -> bool:
    """〜てください / ご〇〇ください that really ask (not ご自愛ください, not 質問させてください)."""
    for i, t in enumerate(toks):
        if not t.surface.startswith(("ください", "下さい", "くださいませ")):
            continue
        before = toks[:i]
        if any((b.classes & _BIT_FORMULA_PLEASE) for b in before):
            return False
        if _reported(toks, i):
            return False  # 「すぐ来てください」と言われ: someone else's ask
        if _wish_for_them(toks, i):
            return False  # これからも頑張ってください: encouragement
        return not _causative_own_act(toks, i)
    return False


def _onegai(toks: list[Token]) -> bool:
    """An お願いします/お願いしたい/お願いできますか with something concrete to do."""
    for i, t in enumerate(toks):
        if t.norm != "願う" and t.surface not in ("お願い", "願い"):
            continue
        if (i == 0 or toks[i - 1].surface not in ("お", "御")) and t.surface != "お願い":
            continue
        after = [a for a in toks[i + 1 :] if a.main not in ("補助記号", "空白")]
        if after and after[0].main == "助詞" and after[0].surface in ("が", "も", "は"):
            return False  # お願いがございます: announces a request without making it
        if any(a.is_("事", "こと", "点") and k + 1 < len(after) and after[k + 1].surface in ("が", "は")
               for k, a in enumerate(after[:4])):
            return False  # お願いしたいことが三点ございます: announces the asks that follow
        if len(after) > 1 and after[0].norm == "為る" and after[1].is_("事", "こと", "の"):
            return False  # 修正をお願いすることもできます: an offer
        if any(a.surface in ("て", "で") for a in after[:2]) and any(a.norm == "居る" for a in after[:3]):
            return False  # お願いしている (an ongoing order), not an ask
        if after and after[0].norm == "為る" and len(after) > 1 and after[1].lemma == "た":
            return False
        if after and after[0].norm == "為る" and after[0].cform.startswith("意志推量"):
            return False  # お願いしようと思っています: a plan told
        if len(after) > 1 and after[0].norm == "為る" and after[1].is_("予定", "つもり"):
            return False  # お寺にお願いする予定です: their plan with someone else
        if any(a.lemma == "た" for a in after[:3]) and not any(a.lemma == "たい" for a in after[:3]):
            return False
        before = [b for b in toks[:i] if b.main in ("名詞", "動詞", "形容詞") and b.surface not in ("お", "御")]
        concrete = [b for b in before if not (b.classes & _BIT_FORMULA_NOUNS)]
        if concrete:
            return True
        if any(a.lemma in ("たい", "出来る", "できる") for a in after[:4]):
            return True
    return False


def _wants(toks: list[Token]) -> bool:
    """〜たい on a verb that asks the shop for something, not a plan (〜たいと思っています)."""
    for i, t in enumerate(toks):
        if t.lemma != "たい" or i == 0:
            continue
        verb = toks[i - 1]
        if verb.norm in ("為る", "致す", "出来る") and i >= 2:
            verb = toks[i - 2]
        if verb.norm in ("頂く", "貰う"):
            if (_causative_own_act(toks, i - 1) and not _about(toks[: i - 1])) or _contacted(toks[i + 1 :]):
                continue  # ご相談させていただきたく: announces what the mail is about
            return True
        if not (verb.classes & _BIT_ASK_VERBS):
            continue
        after = toks[i + 1 : i + 7]
        if (any(a.lemma in ("思う", "考える") for a in after) and any(a.norm in ("居る", "おる") for a in after)
                and not verb.in_(_CHANGE_VERBS)
                and not any(b.surface in ("あれば", "れば", "ば", "なら", "でしたら", "たら") for b in toks[:i])):
            return False  # a plan told (but 切り替えたいと / 体験があれば受けてみたいと思っています asks)
        if _contacted(toks[i + 1 :]):
            return False  # ご相談したいことがあってご連絡しました: why they write, the ask comes later
        if len(after) > 1 and after[0].is_("事", "こと", "点") and after[1].surface in ("が", "は"):
            return False  # お願いしたいことが二点ございます: announces the asks that follow
        return not any(a.norm == "居る" or a.lemma == "者" for a in after)
    return False


_CONTACT_WORDS: Final = ("連絡", "メール", "筆", "便り", "問い合わせ", "問合せ", "お便り", "手紙")


def _contacted(toks: Sequence[Token]) -> bool:
    """「〜ご連絡いたしました」「筆をとりました」: the writer says they are writing, in the past."""
    for i, t in enumerate(toks):
        if t.norm in _CONTACT_WORDS or t.surface in _CONTACT_WORDS:
            return any(a.lemma == "た" for a in toks[i + 1 : i + 6])
    return False


def _final_wish(content: Sequence[Token]) -> bool:
    """「予約をしたいのですが。」: a wish that ends the sentence, softened, is put to the shop."""
    k = next((j for j in range(len(content) - 1, -1, -1) if content[j].lemma == "たい"), -1)
    if k <= 0:
        return False
    after = [t.surface for t in content[k + 1 :]]
    return bool(after) and after[-1] in ("が", "けど", "けれど", "けれども") and all(
        a in ("の", "ん", "です", "が", "けど", "けれど", "けれども") for a in after)


def _order_intent(toks: Sequence[Token]) -> int:
    """「購入しようと思います」: an order they intend, told to the shop (index of the verb, or -1)."""
    for i, t in enumerate(toks):
        if (t.norm in ("思う", "考える") and i >= 2 and toks[i - 1].surface == "と"
                and toks[i - 2].cform.startswith("意志推量") and not any(x.lemma == "た" for x in toks[i + 1 : i + 4])
                # 〜しようと思っています: a plan of theirs told (〜しようと思います: what they will order now)
                and not any(x.norm in ("居る", "おる") for x in toks[i + 1 : i + 4])):
            verb = toks[i - 3] if i >= 3 and toks[i - 2].norm in ("為る", "致す") else toks[i - 2]
            if verb.classes & (_BIT_ORDER_VERBS | _BIT_ASK_VERBS):
                return i - 3 if verb is not toks[i - 2] else i - 2
    return -1


def _wanted_thing(content: list[Token]) -> int:
    """「2個欲しいです」: 欲しい ending the clause, present and not negated (not 前から欲しかった)."""
    for i, t in enumerate(content):
        if t.lemma in ("ほしい", "欲しい") and i > 0 and content[i - 1].surface not in ("て", "で"):
            after = content[i + 1 :]
            if all(a.is_("です", "ん", "の", "な", "が", "けど", "けれど") for a in after):
                return i
    return -1


_CHANGE_VERBS: Final = frozenset({"変更", "キャンセル", "取り消す", "返品", "交換", "返金", "解約", "退会",
                                  "切り替える", "切り替え", "切替"})


def _wish_to_ask(content: Sequence[Token]) -> int:
    """「あわせて伺えればと思います」「ご相談できればと存じます」: where the asking verb is, or -1."""
    for i in range(len(content) - 3):
        t = content[i]
        if (t.cform.startswith("仮定形") and content[i + 1].surface == "ば" and content[i + 2].surface == "と"
                and content[i + 3].norm in ("思う", "存じる", "考える")):
            k = i - 1 if t.norm == "出来る" and i > 0 else i
            # 伺う is also to visit (「来年は家族で伺えればと思います」): an ask only about a question
            # (〜か / 〜について, which Sudachi splits as に・つい・て)
            visit = content[k].norm == "伺う" and not any(
                x.surface == "か" or (x.norm in ("付く", "つく", "就く") and j > 0 and content[j - 1].surface == "に")
                for j, x in enumerate(content[:k]))
            if content[k].classes & _BIT_ASK_VERBS and not visit:
                return k
    return -1


def _question(content: Sequence[Token], last_in_sentence: bool, sentence_end: str) -> bool:
    if not content:
        return False
    if _conjecture(content):
        return False
    last = content[-1]
    if last.surface in ("か", "かね", "かな", "かしら") and last.main == "助詞" and len(content) > 1:
        if last.surface == "か" and len(content) > 2 and content[-2].surface == "どう" and content[-3].surface == "か":
            return False  # 「覚えられるかどうか…」: an open question left hanging, not put to the shop
        return not (last.surface == "かな" and not last_in_sentence)
    if not (last_in_sentence and sentence_end in ("?", "？")):
        return False
    # A predicate, or in casual mail a bare noun question (これって防水？), not a lone え？
    return any(t.main in ("動詞", "形容詞", "助動詞", "形状詞") for t in content) or (
        len(content) >= 2 and any(t.main == "名詞" for t in content))


# Words a preface may hold besides its verb (について, つきましては, いくつか…教えて).
_PREFACE_FILLERS: Final = frozenset({
    "為る", "有る", "下さる", "頂く", "一つ", "幾つ", "御座る", "居る", "点", "つく", "付く", "教える", "教示",
    "次",
})


def _preface(toks: list[Token]) -> bool:
    """「質問させてください」「いくつか質問があります」「教えてください」 alone: announces an ask."""
    content = [t for t in _content(toks) if t.main in ("名詞", "動詞") and t.lemma != "すむ"]
    if [t.lemma for t in content] in (["教える", "くださる"], ["教える", "下さる"]):
        return True
    verbs = [t for t in content if not (t.classes & _BIT_PREFACE_VERBS)
             and t.norm not in _PREFACE_FILLERS]
    return any((t.classes & _BIT_PREFACE_VERBS) for t in content) and not verbs


# Words a polite closing is made of besides formula nouns: the benefactive, the thanks, the cushion.
_CLOSING_WORDS: Final = frozenset({
    "頂く", "下さる", "呉れる", "貰う", "為る", "致す", "幸い", "助かる", "有り難い", "嬉しい", "無い", "範囲",
    "程度", "思う", "存じる", "願う", "申し上げる", "上げる", "有る", "御座る", "幸甚", "宜しい", "可能",
})


def _formula_only(toks: list[Token]) -> bool:
    """An ask of nothing but formula nouns (ご対応/ご検討/ご連絡いただければ幸いです), not put as a question."""
    words = [t for t in toks if t.main in ("名詞", "動詞", "形容詞", "形状詞", "代名詞")]
    if not words:
        return False
    content = _content(toks)
    if content and content[-1].surface in ("か", "かね", "かな", "かしら"):
        return False
    return all((t.classes & (_BIT_FORMULA_NOUNS | _BIT_FORMULA_PLEASE)) or t.norm in _CLOSING_WORDS
               or t.lemma in _CLOSING_WORDS for t in words)


def _announces(toks: list[Token]) -> bool:
    """「弊社の状況についてご説明させてください」: announces what follows, tells nothing itself."""
    for i, t in enumerate(toks):
        if t.lemma in ("せる", "させる") and any(b.classes & _BIT_PREFACE_VERBS for b in toks[max(0, i - 3) : i]):
            return any(a.surface.startswith(("ください", "下さい", "いただ", "頂")) for a in toks[i + 1 : i + 4])
    return False


def _hedged(toks: list[Token]) -> bool:
    """できれば〜たいのですが / なるべく〜のですが: a wish put to the shop."""
    content = _content(toks)
    # 「できれば水曜までに。」: a wish cut short at its deadline (or its means: 〜で)
    cut_short = len(content) >= 3 and content[-1].surface in ("までに", "まで", "に") and (
        content[-1].surface != "に" or content[-2].surface == "まで")
    if not content or not (content[-1].surface == "が" or cut_short or any(t.lemma == "たい" for t in content)):
        return False
    joined = "".join(t.surface for t in toks)
    return any(w in joined for w in _HEDGES)


_HEDGES: Final = ("できれば", "出来れば", "なるべく", "できましたら", "可能なら", "可能であれば")


def _hedge_word(toks: list[Token]) -> str:
    joined = "".join(t.surface for t in toks)
    return next((w for w in _HEDGES if w in joined), "")


def _span(toks: Sequence[Token], i: int, j: int) -> str:
    """The surfaces of toks[i:j] (clamped), as the mail wrote them: the words a cue shows."""
    return "".join(t.surface for t in toks[max(0, i) : max(0, j)] if t.main != "空白")


def _tail(content: list[Token]) -> str:
    """The predicate ending of a clause (〜ますでしょうか → ますでしょうか), for a question cue."""
    k = len(content) - 1
    while k > 0 and len(content) - k < 4 and content[k - 1].main in ("助動詞", "助詞"):
        k -= 1
    return _span(content, k, len(content))


def _first(toks: Sequence[Token], test: Callable[[Token], bool]) -> int:
    return next((i for i, t in enumerate(toks) if test(t)), 0)


# 〜と助かります / 〜ば幸いです / 〜できたら理想です / 〜届けばOKです: a condition the shop should meet.
_GLAD_IF: Final = ("助かる", "ありがたい", "有り難い", "幸い", "幸甚", "安心", "理想", "嬉しい", "うれしい", "最高",
                   "大丈夫", "OK", "ＯＫ")


def is_request(clause: Clause, last_in_sentence: bool, sentence_end: str) -> str:
    """The cue (`CueKind:words`) that makes the clause an ask, or "" when it is none."""
    toks = _unquoted(clause.tokens)
    cued = bool(clause.bits & _REQUEST_CUE)
    prefaced = bool(clause.bits & _PREFACE_GATE)
    if prefaced and _preface(toks):
        return ""
    content = _unquoted(clause.content) if len(toks) != len(clause.tokens) else list(clause.content)
    if _question(content, last_in_sentence, sentence_end):
        return make_cue(CueKind.QUESTION, _tail(content))
    if not cued:
        # The only ask left that needs none of the cue words.
        return make_cue(CueKind.HEDGED, _hedge_word(toks)) if clause.bits & _HEDGE_CUE and _hedged(toks) else ""
    if _formula_only(toks):
        return ""  # ご無理のない範囲でご対応いただければ幸いです: a closing, nothing to do
    if _please(toks):
        i = _first(toks, lambda t: t.surface.startswith(("ください", "下さい")))
        return make_cue(CueKind.PLEASE, _span(toks, i - 1 if toks[i - 1].surface in ("て", "で") else i, i + 1))
    if _benefactive_asked(toks):
        i = _first(toks, lambda t: t.norm in ("頂く", "貰う", "呉れる", "下さる", "欲しい")
                   or t.lemma in ("いただける", "もらえる", "頂ける", "ほしい"))
        return make_cue(CueKind.BENEFACTIVE, _span(toks, i, i + 4))
    if _onegai(toks):
        i = _first(toks, lambda t: t.norm == "願う" or t.surface in ("お願い", "願い"))
        return make_cue(CueKind.ONEGAI, _span(toks, i - 1 if toks[i - 1].surface in ("お", "御") else i, i + 3))
    if _wants(toks):
        i = _first(toks, lambda t: t.lemma == "たい")
        return make_cue(CueKind.WANT, _span(toks, i - 1, i + 1))
    if last_in_sentence and _final_wish(content) and not _contacted(toks):
        i = _first(content, lambda t: t.lemma == "たい")
        return make_cue(CueKind.WANT, _span(content, i - 1, len(content)))
    k = _order_intent(toks)
    if k >= 0:
        return make_cue(CueKind.WANT, _span(toks, k, k + 4))
    k = _wanted_thing(content)
    if k >= 0:
        return make_cue(CueKind.WANT, _span(content, k - 1, k + 1))
    k = _wish_to_ask(content)
    if k >= 0:
        return make_cue(CueKind.WANT, _span(content, k, len(content)))
    # 〜を希望します / 〜を希望いたします: a stated preference the shop should act on.
    for i, t in enumerate(toks[:-1]):
        if t.surface == "希望" and toks[i + 1].norm in ("為る", "致す") and not any(
            x.lemma == "た" for x in toks[i + 2 : i + 5]
        ):
            return make_cue(CueKind.HOPE, _span(toks, i, i + 3))
    # 〜と助かります / 〜ば幸いです / 〜とありがたいです / 〜と安心です on a conditional.
    for i, t in enumerate(toks):
        if (t.lemma in _GLAD_IF or t.surface in _GLAD_IF) and i > 0 and toks[
            i - 1
        ].surface in ("と", "ば", "たら", "ますと", "れば", "だと", "なら") and not any(
                x.norm in _READING for x in toks[:i]):  # 読んでいただけたら嬉しい: about this mail
            return make_cue(CueKind.CONDITIONAL, _span(toks, i - 1, i + 2))
    if clause.bits & _HEDGE_CUE and _hedged(toks):
        return make_cue(CueKind.HEDGED, _hedge_word(toks))
    # 〜ていただく形でも構いません / 〜ていただいても大丈夫です: an alternative asked for.
    if any(t.norm in ("頂く", "貰う") for t in toks) and (
        any(t.lemma in ("構う",) for t in toks) or any(t.is_("結構", "大丈夫") for t in toks)
    ):
        i = _first(toks, lambda t: t.lemma == "構う" or t.is_("結構", "大丈夫"))
        return make_cue(CueKind.ALTERNATIVE, _span(toks, i, i + 3))
    # 〜のかよく分かりません: an indirect question.
    final_neg = (len(content) >= 3 and _is_neg(content[-1]) and content[-1].cform.startswith("終止形")) or (
        len(content) >= 4 and content[-1].is_("です") and _is_neg(content[-2]))
    if final_neg:
        tail = content[-5:]
        if any(t.lemma in ("分かる", "わかる", "判る") for t in tail) and any(t.surface == "か" for t in content):
            i = _first(content, lambda t: t.lemma in ("分かる", "わかる", "判る"))
            # 「足りるのかも分かりません」「選べばいいのかもよくわかっていません」: one more thing they
            # do not know, listed as they tell about themselves, not a question put to the shop.
            also = any(t.surface == "かも" or (t.surface == "か" and k + 1 < len(content)
                                                and content[k + 1].surface == "も") for k, t in enumerate(content[:i]))
            if not also:
                return make_cue(CueKind.INDIRECT_QUESTION, "か" + _span(content, i, len(content)))
    return ""


# ---------------------------------------------------------------- worries


def _worry_at(toks: list[Token], i: int) -> bool:
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
        if _is_neg(a) or a.surface in ("なく", "無く", "無用", "いらない", "要らない"):
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
        content[k + 1].surface in ("は", "が", "も") and (bool(t.classes & _OTHERS) or t.surface in _SOMEONE)
        for k, t in enumerate(content[:-1])
    )


def is_worry(clause: Clause) -> str:
    """The cue (`CueKind:words`) that makes the clause a worry, or "" when it is none."""
    if not clause.bits & _WORRY_GATE:
        return ""  # none of the words the rules below start from
    if _anothers_feeling(clause.content):
        return ""  # the writer tells how another feels: that is told, not their own anxiety
    toks = _unquoted(clause.tokens)  # 「もう怖い」と言った: someone else's words, reported
    for i, t in enumerate(toks):
        if t.is_("自信") and any(_is_neg(x) or x.is_("無い") for x in toks[i + 1 : i + 5]) and not any(
                x.lemma == "た" for x in toks[i + 1 : i + 5]):
            return make_cue(CueKind.WORRY_WORD, _span(toks, i, i + 3))  # 〜られるか自信がないです
        if not t.classes & _WORRY_GATE:
            continue
        if (t.classes & _BIT_WORRY) and _worry_at(toks, i):
            return make_cue(CueKind.WORRY_WORD, t.surface)
        # どうしよう (but not どうしようか迷う: that is indecision)
        if t.surface == "どう" and i + 1 < len(toks) and toks[i + 1].norm == "為る" and toks[i + 1].cform.startswith(
            "意志推量"
        ):
            nxt = toks[i + 2] if i + 2 < len(toks) else None
            if nxt is None or nxt.surface != "か":
                return make_cue(CueKind.DOUSHIYOU, _span(toks, i, i + 2))
        # 気が気でない
        if t.surface == "気" and i + 2 < len(toks) and toks[i + 1].surface == "が" and toks[i + 2].surface == "気":
            return make_cue(CueKind.RESTLESS, _span(toks, i, i + 7))
        # 気が休まらない / 落ち着かない / 届くか気になって夜も眠れない: restlessness from worry
        # (a baby keeping them up is a circumstance: 眠れない needs an open question before it)
        sleep = t.lemma in ("眠れる", "寝つける", "寝付ける") or t.norm == "寝付く"
        if ((t.lemma in ("休まる", "落ち着く") or sleep) and any(_is_neg(x) for x in toks[i + 1 : i + 4])
                and (not sleep or any(x.surface in ("か", "たら", "ば") for x in toks[:i])
                     # 〜のことを考えると眠れない: kept awake by thinking about it
                     or any(x.norm in ("考える", "思う") and toks[j + 1].surface == "と"
                            for j, x in enumerate(toks[: i - 1])))):
            return make_cue(CueKind.RESTLESS, _span(toks, i, i + 2))
        # 〜たらと思うと / 〜たら可哀想だと思うと: a feared hypothetical
        if (t.norm == "思う" and i >= 2 and toks[i - 1].surface == "と"
                and any(x.surface in ("たら", "だら", "ば", "れば") for x in toks[max(0, i - 5) : i - 1])
                and i + 1 < len(toks) and toks[i + 1].surface == "と"):
            k = next(j for j in range(max(0, i - 5), i - 1) if toks[j].surface in ("たら", "だら", "ば", "れば"))
            return make_cue(CueKind.FEARED_IF, _span(toks, k, i + 2))
        # 覚えられるかどうか…: whether they will manage, left hanging
        if (t.surface == "か" and i + 2 < len(toks) and toks[i + 1].surface == "どう" and toks[i + 2].surface == "か"
                and i > 0 and (toks[i - 1].lemma in ("られる", "れる", "できる", "出来る")
                               or toks[i - 1].norm == "出来る" or toks[i - 1].cform.startswith("可能"))
                and not any(x.main in ("動詞", "形容詞") and x.content for x in toks[i + 3 :])):
            return make_cue(CueKind.WONDERING, _span(toks, i - 1, i + 3))
        # 間に合わないと困ってしまいます / 〜たら困る: a feared consequence (not 困っています: a problem told)
        k = i - 1
        while k > 0 and (toks[k].main == "副詞" or toks[k].is_("本当", "非常", "大変", "に")):
            k -= 1  # 届かないと本当に困る: an adverb may stand between
        if (t.lemma == "困る" and k >= 0 and toks[k].surface in ("と", "たら", "ば", "れば", "では", "ては")
                and not any(x.lemma == "た" for x in toks[i + 1 : i + 4])):
            return make_cue(CueKind.FEARED_IF, _span(toks, k, i + 2))
        # 間に合わないと食事をする場所がなくて困ってしまいます: the condition further back, the
        # trouble still to come (〜てしまいます, not 困ってしまいました)
        if (t.lemma == "困る" and any(x.lemma in ("しまう", "仕舞う", "ちゃう") for x in toks[i + 1 : i + 4])
                and not any(x.lemma == "た" for x in toks[i + 1 : i + 5])):
            ifs = [j for j in range(1, k) if _condition_at(toks, j)]
            if ifs:
                return make_cue(CueKind.FEARED_IF, _span(toks, ifs[-1], i + 2))
        # 〜のかドキドキ / 〜かそわそわ: nervous about an open question
        if (t.classes & _BIT_NERVOUS) and any(x.surface in ("か", "たら", "ば") for x in toks[:i]):
            return make_cue(CueKind.NERVOUS, t.surface)
        # 安全性が気になる / 副作用が気になる: a risk on their mind (not 「Lサイズが気になっています」)
        if (t.surface == "気" and i + 2 < len(toks) and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る"
                and i >= 2 and toks[i - 1].surface in ("が", "も") and _is_risk(toks[i - 2])):
            return make_cue(CueKind.RISK, _span(toks, i - 2, i + 3))
        # 〜か(も)気になって / 〜ないか、それが一番気になっています: keeps worrying whether
        if t.surface == "気" and i + 2 < len(toks) and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る":
            k = i - 1
            while k > 0 and (toks[k].main in ("代名詞", "副詞", "連体詞", "補助記号") or toks[k].surface in _POINTERS
                             or toks[k].surface in ("が", "も", "は")):
                k -= 1  # pointers back to the question: それが / 一番 / 少し
            if k >= 0 and toks[k].surface == "か" and k < i and (k == i - 1 or _worry_at(toks, i)):
                return make_cue(CueKind.WONDERING, _span(toks, k, i + 3))
    return ""


def _on_their_mind(clause: Clause) -> str:
    """The cue of 「〜が気になる」 in `clause` (present, not negated), or ""."""
    toks = _unquoted(clause.tokens)
    for i in range(2, len(toks) - 2):
        if (toks[i].surface == "気" and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る"
                and toks[i - 1].surface in ("が", "も") and toks[i - 2].main == "名詞" and _worry_at(toks, i)):
            return make_cue(CueKind.RISK, _span(toks, i - 2, i + 3))
    return ""


def _is_risk(t: Token) -> bool:
    return t.main == "名詞" and (t.surface.endswith(("性", "面")) or bool(t.classes & _BIT_RISK))


def relieved(tokens: Sequence[Token]) -> bool:
    return any((t.classes & _BIT_RELIEF) or t.surface.startswith(("よかっ", "良かっ")) for t in tokens)


# ---------------------------------------------------------------- disclosures


def disclosure_evidence(tokens: Sequence[Token], reason: bool = False, bits: int = -1,
                        content: Sequence[Token] | None = None) -> tuple[int, int]:
    """(lexical, grammatical) evidence that the words tell the writer's own situation.

    Lexical: the writer or people close to them (2), a life event (2), their
    circumstances (1 each, up to 2). Grammatical: plan and experience
    predicates. A reason clause needs lexical evidence: a progressive alone
    (「切れ味が落ちてきたので」) describes the item, not the writer.
    """
    if not bits & _DISCLOSURE_ANY:
        return 0, 0  # the words' classes, known before looking at them (-1: not known)
    toks = _content(tokens) if content is None else content
    if bits == -1:
        # Not known from the clause: gather them (no word any rule needs: at most 1, a
        # progressive, which no caller counts as told).
        bits = 0
        for t in toks:
            bits |= t.classes
        if not bits & _DISCLOSURE_ANY:
            return 0, 0
    # Each part below runs only when the class bits say its words are there.
    if bits & _HYPOTHETICAL_CUE and hypothetical(toks):
        return 0, 0
    personal = bool(bits & _PERSONAL) and any(
        t.classes & _PERSONAL and t.main in ("名詞", "代名詞")
        # 子ども用 / 大人用: a product's target, not the writer's child
        and not (t.in_(lx.GENERIC_PEOPLE) and i + 1 < len(toks) and toks[i + 1].is_("用"))
        for i, t in enumerate(toks)
    )
    if bits & _BIT_THIRD_PARTY and not personal:
        nouns = [t for t in toks if t.main in ("名詞", "代名詞")]
        # The shop or a third party as the subject: their circumstances are not the writer's.
        for i, t in enumerate(toks[:-1]):
            marker = toks[i + 1].surface
            if ((t.classes & _BIT_THIRD_PARTY) and marker in ("が", "は", "も", "の")
                    and (marker != "の" or (nouns and nouns[0] is t))):
                return 0, 0
    life = bool(bits & _BIT_LIFE) and any(
        (t.classes & _BIT_LIFE)
        # 介護用品 / 出産祝い向け: a product's purpose, not an event in the writer's life
        and not (i + 1 < len(toks) and toks[i + 1].surface in ("用品", "用", "向け", "グッズ"))
        # 六十代 / 十五歳: an age only after a number (not 電気代, not 何歳から使えますか)
        and not (t.surface in _AGE_UNITS and (i == 0 or toks[i - 1].sub != "数詞"))
        for i, t in enumerate(toks)
        if t.main in ("名詞", "動詞", "接尾辞")
    )
    # 広報を担当している者です: a role they hold (not 担当の方, not 担当していただいた方).
    works = bool(bits & _DISCLOSURE_CUE) and any(
        t.is_("担当") and i + 1 < len(toks) and toks[i + 1].norm == "為る"
        and any(x.norm == "居る" or x.norm == "おる" for x in toks[i + 2 : i + 5])
        and not any(x.norm in ("頂く", "貰う", "呉れる") for x in toks[i + 1 : i + 5])
        for i, t in enumerate(toks))
    life = life or works
    # The order's arrival (金曜日に届く予定です, 到着が夜7時頃になりそう): a delivery fact, not their schedule.
    # (前回は3日で届いたので: their experience with the shop still tells.)
    if not personal and not life and bits & _BIT_ORDER and any(
            t.classes & _BIT_ORDER and t.is_(*_DELIVERY) for t in toks) and not (
            bits & _DISCLOSURE_CUE and any(t.is_(*_PAST_TIMES) for t in toks)):
        return 0, 0
    tail = "".join(t.surface for t in toks[-3:])
    if toks[-1].is_("です") and len(toks) > 1 and toks[-2].is_("者") and not personal and not life:
        return 0, 0  # 「〜している者です」: who they are as a customer, nothing more
    if tail.endswith(("と申します", "と言います")) and not any(
            t.surface in ("て", "で") and k + 1 < len(toks) and toks[k + 1].norm in ("居る", "おる")
            for k, t in enumerate(toks)):
        return 0, 0  # a name only (but 「イラストレーターをしております、森と申します」 tells their work)
    if (len(toks) > 1 and toks[-1].is_("です") and toks[-2].pos[2] == "人名" and not personal and not life):
        return 0, 0  # 「12日に予約している山田です」: a name with the order, nothing about them
    lexical = 2 if personal else 0
    if life:
        lexical += 2
    # A date is one fact however it is written (来週の水曜日): calendar words count once together.
    circumstances = {"calendar" if t.norm in _CALENDAR else t.norm for i, t in enumerate(toks)
                     if t.main in _CIRCUMSTANCE_POS and (t.classes & _BIT_CIRCUMSTANCE)
                     and not (t.main == "副詞" and _first_season(toks, i))} if bits & _BIT_CIRCUMSTANCE else set()
    # A reason about the order itself (配送先の部屋番号が…) is not the writer's circumstance.
    about_order = bool(bits & _BIT_ORDER) and any((t.classes & _BIT_ORDER) for t in toks if t.main == "名詞")
    if reason and circumstances and not personal and not life and about_order:
        circumstances = set()
    lexical += min(2, len(circumstances))
    # Feelings tell something only next to other personal evidence (「楽しみにしております」 alone is praise).
    if lexical and bits & _BIT_FEELING and any(
            (t.classes & _BIT_FEELING) for t in toks if t.main in ("名詞", "動詞", "形容詞", "形状詞")):
        lexical += 1
    grammatical = 0
    for i, t in enumerate(toks if bits & _DISCLOSURE_CUE else ()):
        if not t.classes & _DISCLOSURE_CUE:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.is_("つもり", "心算", "計画", "目標"):
            grammatical += 2
        elif (t.is_("予定") and i > 0 and toks[i - 1].main == "動詞"
              and not (toks[i - 1].classes & _BIT_ORDER_VERBS) and not toks[i - 1].is_(*_DELIVERY)):
            grammatical += 2  # 〜をお願いする予定です: a plan of theirs (not 届く予定: the parcel's)
        elif (t.is_("予定") and i > 1 and toks[i - 1].surface == "の" and _dated(toks[i - 2])
              and not bits & _BIT_ORDER):
            grammatical += 2  # 引き渡しは十二月二十日の予定です: a date of theirs (not the order's)
        elif (t.is_(*_PAST_TIMES)
              and any(x.lemma == "た" for x in toks)):
            grammatical += 2  # 前回注文したときに〜 / 始めたのは去年です: their own past experience
        elif t.is_("予算") and any(x.sub == "数詞" for x in toks[i + 1 : i + 5]):
            grammatical += 2  # 予算は2万くらいです: what they can spend
        elif (t.is_("都合") and not (i > 0 and toks[i - 1].surface in ("ご", "御", "お"))
              and any(x.is_("良い", "いい", "よい", "悪い", "付く", "つく") for x in toks[i + 1 : i + 4])):
            grammatical += 2  # 午前中が都合がよいです: their own schedule (not ご都合のよい時に)
        elif t.is_("初めて", "はじめて") and nxt is not None and (nxt.is_("です", "だ", "で") or nxt.surface == "な"):
            grammatical += 1  # 手配をするのは初めてで: a first time, told as their circumstance
        elif (t.is_("苦手", "得意") and t.main in ("名詞", "形状詞")) or (
                t.is_("弱い") and any(x.surface in ("に", "は") for x in toks[max(0, i - 3) : i])):
            lexical += 1  # 機械に弱く / 自転車も得意ではなく: what they are like
        elif (t.norm in ("思う", "考える") and i >= 2 and toks[i - 1].surface == "と"
              and toks[i - 2].cform.startswith("意志推量")):
            grammatical += 2  # 購入しようと考えています: a plan
        elif (t.lemma in ("しまう", "仕舞う", "ちゃう") and any(x.lemma == "た" for x in toks[i + 1 : i + 3])
              and not any(x.surface == "が" and x.main == "助詞" for x in toks[:i])
              and not (bits & _BIT_ORDER) and i >= 2 and not (_verb_before(toks, i - 1).classes & _BIT_ORDER_VERBS)):
            grammatical += 2  # 古い机を処分してしまった: something they did in their own life
        elif (t.is_("事", "こと") and nxt is not None and nxt.surface == "に" and i + 2 < len(toks)
              and toks[i + 2].norm == "成る" and not (i > 0 and toks[i - 1].surface in ("こんな", "そんな", "あんな"))):
            grammatical += 2  # 〜ことになり: something decided in their life
        elif (t.is_("ばかり") and i > 1 and toks[i - 1].lemma == "た"
              and not (_verb_before(toks, i - 1).classes & _BIT_ORDER_VERBS)):
            grammatical += 2  # 〜たばかり (but 「注文したばかり」 is about the order)
        elif (t.is_("事", "こと") and i > 0 and toks[i - 1].lemma == "た" and nxt is not None
              and nxt.surface in ("が", "も", "は") and i + 2 < len(toks) and toks[i + 2].norm == "有る"
              and not (_verb_before(toks, i - 1).classes & _BIT_ORDER_VERBS)):
            grammatical += 2  # 〜たことがある: something they went through (not 「注文したことがある」)
        elif (t.lemma in _SENSES and nxt is not None
              and (nxt.norm in ("難い", "辛い") or nxt.lemma in ("にくい", "づらい") or _is_neg(nxt))):
            lexical += 1  # 見えにくい / 聞き取りづらい / 眠れない: how their body is
        elif t.is_("実は"):
            grammatical += 1
        elif t.is_("始める", "念願", "憧れ", "挑戦", "初挑戦", "ようやく", "やっと"):
            grammatical += 1  # something they started, longed for or finally did
        elif t.lemma == "たい" and nxt is not None and nxt.surface in ("と", "て"):
            grammatical += 1  # 〜たいと思って/考えて: a plan; 〜たくて: a wish that explains
        elif t.is_("詳しい", "慣れる") and any(_is_neg(x) for x in toks[i + 1 : i + 4]):  # 慣れていない
            lexical += 1  # what they know
        elif reason and t.is_("分かる", "わかる") and any(_is_neg(x) for x in toks[i + 1 : i + 3]):
            lexical += 1  # 「何も分からないので」: what they know, as the reason for an ask
    if lexical and any(_cannot(toks, i) for i in range(len(toks))):
        grammatical += 1  # 賃貸なので壁に穴をあけられません: what their situation does not let them do
    prev: Token | None = None
    for t in toks:
        if t.norm == "てる" or (prev is not None and prev.surface in ("て", "で") and prev.main == "助詞" and (
                t.norm in ("居る", "おる", "来る", "有る") or t.surface in ("ます", "ました", "る", "た"))):
            grammatical += 1  # 〜ている / 〜てます / 〜てきた / 〜てある: an ongoing situation, a habit, a thing done
            break
        prev = t
    if lexical < 1 and bits & _SHOPPING_CUE and any(t.is_("探す") for t in toks):
        return 0, 0  # 「〜を探しています」: shopping, not telling (with why — 膝への負担が — it tells)
    return lexical, grammatical


def _dated(t: Token) -> bool:
    """A day or month (二十日 / 3月 / 来週 / 土曜)."""
    return t.norm in _CALENDAR or (t.pos[2] in ("助数詞", "助数詞可能") and t.surface in ("日", "月")) or (
        t.sub == "数詞" and t.surface.endswith(("日", "月")))


def _cannot(toks: Sequence[Token], i: int) -> bool:
    """A potential verb negated: 「あけられません」「持てない」「できず」."""
    t = toks[i]
    # 持てる / 書ける: Sudachi keeps the potential form as the word and the plain verb as its norm
    potential = t.main == "動詞" and t.lemma != t.norm and len(t.norm) > 1 and t.lemma[:-2] == t.norm[:-1]
    if not (potential or t.lemma in ("られる", "れる", "できる", "出来る")):
        return False
    return any(_is_neg(x) for x in toks[i + 1 : i + 3])


_AGE_UNITS: Final = ("歳", "才", "代", "年生")
_DELIVERY: Final = ("到着", "配達", "お届け", "届け", "届く")
_PAST_TIMES: Final = ("前回", "以前", "去年", "昨年", "一昨年")
_CALENDAR: Final = frozenset({
    "来月", "来週", "来年", "今度", "週末", "平日", "年末", "年始", "来春", "今春", "月末", "年度末", "月曜",
    "火曜", "水曜", "木曜", "金曜", "土曜", "日曜", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日",
    "日曜日",
})
_CIRCUMSTANCE_POS: Final = ("名詞", "動詞", "形容詞", "形状詞", "接尾辞", "副詞")


def _first_season(toks: Sequence[Token], i: int) -> bool:
    """初めての冬 / 初めての夏: a season the thing goes through, not the writer's first time (初めての通販)."""
    return i + 2 < len(toks) and toks[i + 1].surface == "の" and toks[i + 2].pos[2] == "副詞可能"
_SENSES: Final = ("見える", "聞こえる", "聞き取る", "眠る", "眠れる")


def _verb_before(toks: Sequence[Token], k: int) -> Token:
    """The verb an auxiliary at k attaches to (the noun of a サ変 verb: 注文 for 注文した)."""
    verb = toks[k - 1]
    if verb.norm in ("為る", "致す") and k >= 2:
        verb = toks[k - 2]
    return verb


def disclosure_score(tokens: Sequence[Token], bits: int = -1) -> int:
    lexical, grammatical = disclosure_evidence(tokens, bits=bits)
    return lexical + grammatical


def hypothetical(tokens: Sequence[Token]) -> bool:
    """もし〜 / 仮に〜 / 〜とは限らない: a possibility, not a situation."""
    toks = list(tokens)
    if not any(t.classes & _HYPOTHETICAL_CUE for t in toks):
        return False
    if any(t.is_("もし", "仮に", "万一", "万が一") for t in toks):
        return True
    return any(t.lemma == "限る" and any(_is_neg(x) for x in toks[i + 1 : i + 4]) for i, t in enumerate(toks))


def _trigger(tokens: Sequence[Token]) -> bool:
    """A clause ending in 〜と聞いて / 〜と言われて / 〜を見て: what set off a worry, not a disclosure."""
    toks = _content(tokens)
    if len(toks) < 2 or toks[-1].surface not in ("て", "で"):
        return False
    verbs = [t for t in toks[-4:] if t.main == "動詞"]
    return any(v.lemma in ("聞く", "言う", "見る", "読む", "知る") for v in verbs)


def disclosure_cue(tokens: Sequence[Token], reason: bool = False) -> str:
    """Why words count as a disclosure: the strongest evidence `disclosure_evidence` saw."""
    toks = _content(tokens)
    noun_like = ("名詞", "代名詞", "動詞", "接尾辞")
    for bit, kind in ((lx.BIT[lx.FAMILY], CueKind.FAMILY), (lx.BIT[lx.LIFE], CueKind.LIFE)):
        for t in toks:
            if t.classes & bit and t.main in noun_like:
                return make_cue(kind, t.surface)
    for i, t in enumerate(toks):
        if not t.classes & _DISCLOSURE_CUE:
            continue
        if t.is_("つもり", "心算", "計画"):
            return make_cue(CueKind.PLAN, t.surface)
        if t.norm in ("思う", "考える") and i >= 2 and toks[i - 2].cform.startswith("意志推量"):
            return make_cue(CueKind.PLAN, _span(toks, i - 2, i + 1))
        if t.is_(*_PAST_TIMES) and any(x.lemma == "た" for x in toks[i + 1 :]):
            return make_cue(CueKind.EXPERIENCE, t.surface)
        if t.lemma in ("しまう", "仕舞う", "ちゃう") and any(x.lemma == "た" for x in toks[i + 1 : i + 3]):
            return make_cue(CueKind.EXPERIENCE, _span(toks, i - 2, i + 2))
        if t.is_("事", "こと") and i + 2 < len(toks) and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る":
            return make_cue(CueKind.PLAN, _span(toks, i, i + 3))
        if t.lemma == "たい" and i + 1 < len(toks) and toks[i + 1].surface == "と":
            return make_cue(CueKind.PLAN, _span(toks, i - 1, i + 2))
        if t.is_("ばかり") and i > 1 and toks[i - 1].lemma == "た":
            return make_cue(CueKind.EXPERIENCE, _span(toks, i - 1, i + 1))
        if t.is_("実は", "始める", "念願", "憧れ", "挑戦", "初挑戦", "ようやく", "やっと"):
            return make_cue(CueKind.EXPERIENCE, t.surface)
    for t in toks:
        if t.classes & lx.BIT[lx.CIRCUMSTANCE] and t.main in _CIRCUMSTANCE_POS:
            return make_cue(CueKind.CIRCUMSTANCE, t.surface)
    for i, t in enumerate(toks):
        if t.is_("詳しい", "慣れる", "分かる", "わかる") and any(_is_neg(x) for x in toks[i + 1 : i + 4]):
            return make_cue(CueKind.KNOWLEDGE, _span(toks, i, i + 3))
    for t in toks:
        if t.classes & lx.BIT[lx.SELF] and t.main in ("名詞", "代名詞"):
            return make_cue(CueKind.SELF, t.surface)
    for i, t in enumerate(toks[1:], 1):
        if t.norm == "てる" or (toks[i - 1].surface in ("て", "で") and toks[i - 1].main == "助詞"
                                and (t.norm in ("居る", "おる", "来る") or t.surface in ("ます", "ました"))):
            return make_cue(CueKind.ONGOING, _span(toks, i - 1 if t.norm != "てる" else i, i + 2))
    if reason and toks:
        return make_cue(CueKind.REASON, _tail(toks))
    return ""


def label_sentence(clauses: list[Clause], sentence_end: str) -> list[Labelled]:
    """Highlights for one sentence, clause by clause."""
    n = len(clauses)
    req = [is_request(c, i == n - 1, sentence_end) for i, c in enumerate(clauses)]
    wor = [is_worry(c) for c in clauses]
    all_tokens = [t for c in clauses for t in c.tokens]
    all_bits = 0
    for c in clauses:
        all_bits |= c.bits
    if all_bits & _BIT_CONDITION and n > 1:
        # 「妻に卵アレルギーがあり、原材料が気になっています」: once a health condition is told,
        # what is on their mind is a risk to that person, a worry (alone it is interest).
        for i in range(1, n):
            if not wor[i] and any(c.bits & _BIT_CONDITION for c in clauses[:i]):
                wor[i] = _on_their_mind(clauses[i])
    if any(wor) and relieved(all_tokens):
        wor = [""] * n
    out: list[Labelled] = []
    if not any(req) and not any(wor):
        if disclosure_score(all_tokens, all_bits) >= 2 and not (
                all_bits & _ANNOUNCE_GATE == _ANNOUNCE_GATE and _announces(all_tokens)):
            out.append(Labelled(HighlightKind.DISCLOSURE, clauses[0].start, clauses[-1].end, tuple(all_tokens),
                                disclosure_cue(all_tokens)))
        return out

    pending: list[Clause] = []  # て-clauses that lead into the next labelled clause
    for i, c in enumerate(clauses):
        if req[i] or wor[i]:
            lead = pending
            pending = []
            start = lead[0].start if lead else c.start
            toks = tuple(t for x in [*lead, c] for t in x.tokens)
            if req[i]:
                out.append(Labelled(HighlightKind.REQUEST, start, c.end, toks, req[i]))
                # 「娘の誕生日にケーキを注文したいです」: a wish that also tells their life.
                if _wants(list(c.tokens)) and disclosure_evidence(c.tokens, bits=c.bits, content=c.content)[0] >= 2:
                    out.append(Labelled(HighlightKind.DISCLOSURE, start, c.end, toks, disclosure_cue(c.tokens)))
            if wor[i]:
                out.append(Labelled(HighlightKind.WORRY, start, c.end, toks, wor[i]))
            continue
        later_main = any(req[i + 1 :]) or any(wor[i + 1 :])
        lexical, grammatical = disclosure_evidence(c.tokens, reason=later_main, bits=c.bits, content=c.content)
        if c.link is Link.REASON and later_main:
            told = lexical >= 1 or grammatical >= 2
        else:
            told = lexical + grammatical >= 2 and not (later_main and _trigger(c.tokens))
        if told:
            reason = c.link is Link.REASON and later_main
            for p in pending:
                out.append(Labelled(HighlightKind.DISCLOSURE, p.start, p.end, p.tokens, disclosure_cue(p.tokens)))
            pending = []
            out.append(Labelled(HighlightKind.DISCLOSURE, c.start, c.end, c.tokens,
                                disclosure_cue(c.tokens, reason)))
        elif c.link is Link.TE:
            pending.append(c)
        else:
            pending = []
    return _merge(out)


def _merge(items: list[Labelled]) -> list[Labelled]:
    """Join touching highlights of the same kind (consecutive disclosure clauses)."""
    items = sorted(items, key=lambda x: (x.start, x.kind.value))
    out: list[Labelled] = []
    for it in items:
        prev = next((o for o in reversed(out) if o.kind == it.kind), None)
        if prev is not None and it.start <= prev.end + 1 and it.start >= prev.start:
            merged = Labelled(it.kind, prev.start, max(prev.end, it.end), prev.tokens + it.tokens,
                              prev.cue or it.cue)
            out[out.index(prev)] = merged
        else:
            out.append(it)
    return sorted(out, key=lambda x: (x.start, x.kind.value))
