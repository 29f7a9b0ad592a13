"""The disclosure detector's rules: do these words tell the writer's own situation?

A disclosure is scored, not matched: vetoes first (any one and nothing is told),
then evidence added up in the registry's order. Lexical evidence is who and what:
the writer or people close to them (2), a life event (2), their circumstances
(1 each, up to 2), feelings next to those (1). Grammatical evidence is how it is
said: plan and experience predicates (〜予定, 〜つもり, 〜ことになり, 〜たばかり),
an ongoing situation (〜ています). Rules at a token run at each disclosure cue word
and the first that gives points speaks for that word. A clause counts as told at
2 points; a reason clause before a request or worry needs less (see `label_sentence`),
because the reason construction itself says it is about the writer.

Every rule takes the clause as `Told` (its words, their class bits, whether it is a
reason, and what the early passes found); a veto returns `NOT` or "", evidence its
points (0: none).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from app.analysis import lexicon as lx
from app.analysis.detectors.common import (
    BIT_CIRCUMSTANCE,
    BIT_FEELING,
    BIT_LIFE,
    BIT_ORDER,
    BIT_ORDER_VERBS,
    BIT_PREFACE_VERBS,
    BIT_THIRD_PARTY,
    DISCLOSURE_CUE,
    HYPOTHETICAL_CUE,
    NARRATIVE_CUE,
    NOT,
    PERSONAL,
    content_of,
    is_neg,
    span,
    tail,
)
from app.analysis.tokenizer import Token
from app.model import CueKind, make_cue


class Told:
    """One clause (or sentence) as the disclosure rules see it, and the evidence found so far."""

    __slots__ = ("bits", "grammatical", "lexical", "life", "personal", "quoted", "reason", "toks")

    def __init__(self, toks: Sequence[Token], bits: int, reason: bool, quoted: bool = False) -> None:
        self.toks: Sequence[Token] = toks  # its words (no punctuation)
        self.bits: int = bits  # their lexicon class bits, OR-ed
        self.reason: bool = reason  # a reason clause before a request or worry
        self.quoted: bool = quoted  # inside a quotation that runs over several sentences (features.reported_speech)
        self.personal: bool = bool(bits & PERSONAL) and any(
            t.classes & PERSONAL and t.main in ("名詞", "代名詞")
            # 子ども用 / 大人用: a product's target, not the writer's child
            and not (t.in_(lx.GENERIC_PEOPLE) and i + 1 < len(toks) and toks[i + 1].is_("用"))
            for i, t in enumerate(toks)
        )
        self.life: bool = _life(toks, bits)  # a life event, or a role they hold
        self.lexical: int = 0
        self.grammatical: int = 0


# ---------------------------------------------------------------- vetoes, in the registry's order


def hypothetical_only(d: Told) -> str:
    """Veto: もし〜 / 仮に〜 / 〜とは限らない: a possibility, not their situation."""
    return NOT if hypothetical(d.toks) else ""


def someone_elses(d: Told) -> str:
    """Veto: the shop or a third party as the subject (担当の方が〜 / 御社の〜): their circumstances, not the writer's.

    Only when nothing names the writer or their family.
    """
    if d.personal:
        return ""
    toks = d.toks
    nouns = [t for t in toks if t.main in ("名詞", "代名詞")]
    for i, t in enumerate(toks[:-1]):
        marker = toks[i + 1].surface
        if ((t.classes & BIT_THIRD_PARTY) and marker in ("が", "は", "も", "の")
                and (marker != "の" or (nouns and nouns[0] is t))):
            return NOT
    return ""


def delivery_fact(d: Told) -> str:
    """Veto: the order's arrival (金曜日に届く予定です, 到着が夜7時頃になりそう): a delivery fact, not their schedule.

    前回は3日で届いたので still tells: their experience with the shop.
    """
    if not d.personal and not d.life and any(t.classes & BIT_ORDER and t.is_(*_DELIVERY) for t in d.toks) and not (
            d.bits & DISCLOSURE_CUE and any(t.is_(*_PAST_TIMES) for t in d.toks)):
        return NOT
    return ""


def customer_role(d: Told) -> str:
    """Veto: 「〜を注文している者です」: who they are as a customer, nothing more."""
    toks = d.toks
    if toks[-1].is_("です") and len(toks) > 1 and toks[-2].is_("者") and not d.personal and not d.life:
        return NOT
    return ""


def name_only(d: Told) -> str:
    """Veto: 「山田と申します」: a name only (but 「イラストレーターをしております、森と申します」 tells their work)."""
    toks = d.toks
    ending = "".join(t.surface for t in toks[-3:])
    if ending.endswith(("と申します", "と言います")) and not any(
            t.surface in ("て", "で") and k + 1 < len(toks) and toks[k + 1].norm in ("居る", "おる")
            for k, t in enumerate(toks)):
        return NOT
    return ""


def name_with_order(d: Told) -> str:
    """Veto: 「12日に予約している山田です」: a name with the order, nothing about them."""
    toks = d.toks
    if len(toks) > 1 and toks[-1].is_("です") and toks[-2].pos[2] == "人名" and not d.personal and not d.life:
        return NOT
    return ""


def shopping(d: Told) -> str:
    """Veto, once the evidence is in: 「〜を探しています」 with nothing about them is shopping, not telling.

    With why (膝への負担が少ないものを探しています) there is lexical evidence, and it tells.
    """
    return NOT if d.lexical < 1 and any(t.is_("探す") for t in d.toks) else ""


def gratitude_only(d: Told) -> str:
    """Veto, once the evidence is in: the only feeling told is gratitude (皆様に心から感謝しております /
    感謝の気持ちでいっぱいです) and nothing names the writer's people, a life event or their circumstances:
    a thanks formula however it is worded, not something told about them.

    With their own story in it (母の介護で感謝しております) there is lexical evidence, and it tells; another
    feeling beside it (感謝と同時に、寂しくもあります) tells too.
    """
    toks = d.toks
    if d.lexical >= 1:
        return ""
    # Gratitude is what the clause ends in (感謝しております, 感謝の気持ちでいっぱいです, 感謝申し上げます), not
    # what they did with it (感謝をお伝えしたくペンをとりました: an act of theirs, told).
    at = next((k for k in range(len(toks) - 1, max(-1, len(toks) - 7), -1) if toks[k].is_("感謝")), -1)
    if at < 0 or any(t.main == "動詞" and t.norm not in _GRATITUDE_VERBS for t in toks[at + 1 :]):
        return ""
    if any(t.classes & NARRATIVE_CUE and t.main != "助動詞" and not t.is_("感謝") for t in toks):
        return ""
    return NOT


def anothers_words(d: Told) -> str:
    """Veto on what the learned layer would add: a sentence inside a quotation that runs over several
    sentences (「4番線に電車が参ります。ご注意ください。」とアナウンスがあり) with no word for the writer or
    their people is someone else's words, not something the writer tells about themselves.

    The rules' own marks there stay (先生に「骨密度が低いですね。…」と言われました can be the writer's news),
    and so does a quoted sentence naming the writer's people (「娘さん、もう歩けますね。…」).
    """
    return NOT if d.quoted and not d.personal else ""


# ---------------------------------------------------------------- evidence on the clause, in the registry's order


def personal(d: Told) -> int:
    """The writer or the people close to them (私, 妻, 娘, 祖母): 2 (not 子ども用: a product's target)."""
    return 2 if d.personal else 0


def life_event(d: Told) -> int:
    """A life event (結婚, 出産, 入院, 引っ越し, 六十代) or a role they hold (広報を担当しております): 2.

    Not a product's purpose (介護用品, 出産祝い向け), not an age unit without a number (電気代).
    """
    return 2 if d.life else 0


def circumstances(d: Told) -> int:
    """Their circumstances (来週, 賃貸, 在宅, 一人暮らし): 1 each, up to 2; a date counts once however written.

    Not in a reason about the order itself (配送先の部屋番号が…ので) with nothing personal.
    """
    toks = d.toks
    # A date is one fact however it is written (来週の水曜日): calendar words count once together.
    found = {"calendar" if t.norm in _CALENDAR else t.norm for i, t in enumerate(toks)
             if t.main in _CIRCUMSTANCE_POS and (t.classes & BIT_CIRCUMSTANCE)
             and not (t.main == "副詞" and _first_season(toks, i)) and not _not_theirs(toks, i)}
    # A reason about the order itself (配送先の部屋番号が…) is not the writer's circumstance.
    about_order = bool(d.bits & BIT_ORDER) and any((t.classes & BIT_ORDER) for t in toks if t.main == "名詞")
    if d.reason and found and not d.personal and not d.life and about_order:
        return 0
    return min(2, len(found))


def _not_theirs(toks: Sequence[Token], i: int) -> bool:
    """A circumstance word that is not the writer's: honoured (お体 / ご予定 / お部屋: the reader's or the shop's),
    a counter (二つ目 / 三度目: not the eye), or inside a word for a person (運転手 / 運転士: not their driving)."""
    t = toks[i]
    if i > 0 and toks[i - 1].main == "接頭辞" and toks[i - 1].norm == "御":
        return True
    if t.main == "接尾辞" and t.surface == "目":
        return True
    return (t.main == "名詞" and len(t.surface) > 2 and t.surface.endswith(_PERSON_ENDINGS)
            and t.surface not in lx.CIRCUMSTANCE and t.norm not in lx.CIRCUMSTANCE)


_PERSON_ENDINGS: Final = ("手", "士", "者", "員", "師")
# The verbs a gratitude ends in: 感謝して(おり)ます, 感謝いたします, 感謝申し上げます.
_GRATITUDE_VERBS: Final = frozenset({"為る", "居る", "おる", "致す", "申し上げる", "申す"})


def feeling(d: Told) -> int:
    """A feeling (嬉しい, 楽しみ, 寂しい) next to other lexical evidence: 1.

    Alone, 「楽しみにしております」 is praise, not something about them.
    """
    if d.lexical and any(
            (t.classes & BIT_FEELING) for t in d.toks if t.main in ("名詞", "動詞", "形容詞", "形状詞")):
        return 1
    return 0


# ---------------------------------------------------------------- evidence at a cue word, in the registry's order


def plan_word(d: Told, i: int) -> int:
    """つもり / 計画 / 目標: a plan of theirs: 2."""
    return 2 if d.toks[i].is_("つもり", "心算", "計画", "目標") else 0


def own_plan(d: Told, i: int) -> int:
    """〜をお願いする予定です: a plan of theirs: 2 (not 届く予定 / 発送する予定: the parcel's)."""
    toks = d.toks
    if (toks[i].is_("予定") and i > 0 and toks[i - 1].main == "動詞"
            and not (toks[i - 1].classes & BIT_ORDER_VERBS) and not toks[i - 1].is_(*_DELIVERY)):
        return 2
    return 0


def own_date(d: Told, i: int) -> int:
    """引き渡しは十二月二十日の予定です: a date of theirs: 2 (not in a clause about the order)."""
    toks = d.toks
    if (toks[i].is_("予定") and i > 1 and toks[i - 1].surface == "の" and _dated(toks[i - 2])
            and not d.bits & BIT_ORDER):
        return 2
    return 0


def past_experience(d: Told, i: int) -> int:
    """前回注文したときに〜 / 始めたのは去年です: their own past experience: 2."""
    if d.toks[i].is_(*_PAST_TIMES) and any(x.lemma == "た" for x in d.toks):
        return 2
    return 0


def budget(d: Told, i: int) -> int:
    """予算は2万くらいです: what they can spend: 2 (予算 with a number)."""
    toks = d.toks
    return 2 if toks[i].is_("予算") and any(x.sub == "数詞" for x in toks[i + 1 : i + 5]) else 0


def own_schedule(d: Told, i: int) -> int:
    """午前中が都合がよいです: their own schedule: 2 (not ご都合のよい時に: the shop's)."""
    toks = d.toks
    if (toks[i].is_("都合") and not (i > 0 and toks[i - 1].surface in ("ご", "御", "お"))
            and any(x.is_("良い", "いい", "よい", "悪い", "付く", "つく") for x in toks[i + 1 : i + 4])):
        return 2
    return 0


def first_time(d: Told, i: int) -> int:
    """手配をするのは初めてで: a first time, told as their circumstance: 1."""
    toks = d.toks
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if toks[i].is_("初めて", "はじめて") and nxt is not None and (nxt.is_("です", "だ", "で") or nxt.surface == "な"):
        return 1
    return 0


def aptitude(d: Told, i: int) -> int:
    """機械に弱く / 自転車も得意ではなく / 料理が苦手で: what they are like (lexical): 1."""
    toks = d.toks
    t = toks[i]
    if (t.is_("苦手", "得意") and t.main in ("名詞", "形状詞")) or (
            t.is_("弱い") and any(x.surface in ("に", "は") for x in toks[max(0, i - 3) : i])):
        return 1
    return 0


def intended(d: Told, i: int) -> int:
    """購入しようと考えています / 引っ越そうと思って: a plan (volitional + と思う/考える): 2."""
    toks = d.toks
    if (toks[i].norm in ("思う", "考える") and i >= 2 and toks[i - 1].surface == "と"
            and toks[i - 2].cform.startswith("意志推量")):
        return 2
    return 0


def done_for_good(d: Told, i: int) -> int:
    """古い机を処分してしまった: something they did in their own life: 2.

    Not with a が-subject before it (someone or something else did it), not about the order.
    """
    toks = d.toks
    if (toks[i].lemma in ("しまう", "仕舞う", "ちゃう") and any(x.lemma == "た" for x in toks[i + 1 : i + 3])
            and not any(x.surface == "が" and x.main == "助詞" for x in toks[:i])
            and not (d.bits & BIT_ORDER) and i >= 2 and not (_verb_before(toks, i - 1).classes & BIT_ORDER_VERBS)):
        return 2
    return 0


def decided(d: Told, i: int) -> int:
    """〜ことになり: something decided in their life: 2 (not こんなことになり: a mishap)."""
    toks = d.toks
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (toks[i].is_("事", "こと") and nxt is not None and nxt.surface == "に" and i + 2 < len(toks)
            and toks[i + 2].norm == "成る" and not (i > 0 and toks[i - 1].surface in ("こんな", "そんな", "あんな"))):
        return 2
    return 0


def just_did(d: Told, i: int) -> int:
    """〜たばかり: something they just did: 2 (but 「注文したばかり」 is about the order)."""
    toks = d.toks
    if (toks[i].is_("ばかり") and i > 1 and toks[i - 1].lemma == "た"
            and not (_verb_before(toks, i - 1).classes & BIT_ORDER_VERBS)):
        return 2
    return 0


def went_through(d: Told, i: int) -> int:
    """〜たことがある: something they went through: 2 (not 「注文したことがある」)."""
    toks = d.toks
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (toks[i].is_("事", "こと") and i > 0 and toks[i - 1].lemma == "た" and nxt is not None
            and nxt.surface in ("が", "も", "は") and i + 2 < len(toks) and toks[i + 2].norm == "有る"
            and not (_verb_before(toks, i - 1).classes & BIT_ORDER_VERBS)):
        return 2
    return 0


def senses(d: Told, i: int) -> int:
    """見えにくい / 聞き取りづらい / 眠れない: how their body is (lexical): 1."""
    toks = d.toks
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (toks[i].lemma in _SENSES and nxt is not None
            and (nxt.norm in ("難い", "辛い") or nxt.lemma in ("にくい", "づらい") or is_neg(nxt))):
        return 1
    return 0


def actually(d: Told, i: int) -> int:
    """実は: what follows is something of theirs, confided: 1 (Sudachi splits it: 実 + は)."""
    toks = d.toks
    split = toks[i].surface == "実" and i + 1 < len(toks) and toks[i + 1].surface == "は"
    return 1 if split or toks[i].is_("実は") else 0


def longed_for(d: Told, i: int) -> int:
    """始める / 念願 / 憧れ / 挑戦 / ようやく / やっと: something they started, longed for or finally did: 1."""
    return 1 if d.toks[i].is_("始める", "念願", "憧れ", "挑戦", "初挑戦", "ようやく", "やっと") else 0


def wish_that_explains(d: Told, i: int) -> int:
    """〜たいと思って / 〜たくて: a plan, or a wish that explains: 1."""
    toks = d.toks
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return 1 if toks[i].lemma == "たい" and nxt is not None and nxt.surface in ("と", "て") else 0


def unfamiliar(d: Told, i: int) -> int:
    """詳しくない / 慣れていない: what they know (lexical): 1."""
    toks = d.toks
    return 1 if toks[i].is_("詳しい", "慣れる") and any(is_neg(x) for x in toks[i + 1 : i + 4]) else 0


def at_a_loss(d: Told, i: int) -> int:
    """「何も分からないので」: what they know, as the reason for an ask (lexical): 1 (only in a reason clause)."""
    toks = d.toks
    return 1 if d.reason and toks[i].is_("分かる", "わかる") and any(is_neg(x) for x in toks[i + 1 : i + 3]) else 0


# ---------------------------------------------------------------- evidence on the clause, after the cue words


def cannot(d: Told) -> int:
    """賃貸なので壁に穴をあけられません: what their situation does not let them do: 1 (with lexical evidence)."""
    if d.lexical and any(_cannot(d.toks, i) for i in range(len(d.toks))):
        return 1
    return 0


def lived(d: Told) -> int:
    """What the writer lived, told in the past with no one else as its subject: 2.

    「今日初めて来店しました」「階段でつまずいて転びかけました」「ようやく見つけました」: a Japanese
    sentence with no subject is the writer's. Not what the shop did for them (〜てくださいました,
    〜ていただきました), the order's arrival or the mail itself (届きました, ご連絡しました, 失礼
    いたしました), a thing's state (「箱の角も潰れていました」: a thing is the subject), what staff
    did to them (「〜と言われました」, a passive: a complaint's account), a question (〜たのでしょうか)
    or a condition (〜たら).
    """
    if d.lexical + d.grammatical >= 2 or not _told_in_past(d.toks, act=True):
        return 0
    # A passive (言われました, 勧められました) tells what staff did to them: the complaint's account.
    if any(t.lemma in ("れる", "られる") and t.main == "助動詞" for t in d.toks):
        return 0
    return 2 if _writers_own(d) and any(t.main == "動詞" and t.sub == "一般" for t in d.toks) else 0


def felt(d: Told) -> int:
    """A feeling the writer tells as theirs, lived or lasting (悔しかったです, 感激しております,
    がっかりしました): 2.

    Not a feeling of a condition the shop should meet (〜と嬉しいです, 〜ば助かります: an ask), nor
    someone else's (「娘がとても喜んで」 counts through the family word, 「スタッフの方が驚かれて」 not).
    """
    if d.lexical + d.grammatical >= 2:
        return 0
    toks = d.toks
    # Lived (楽しかったです, 感激しました) or lasting (感激しております): a bare 「ショックです」 is a
    # reaction to what happened to the order, a complaint's word, not something told about them.
    if not (_told_in_past(toks) or _lasting(toks)):
        return 0
    for i, t in enumerate(toks):
        if t.classes & NARRATIVE_CUE and t.main != "助動詞":
            if i > 0 and toks[i - 1].surface in ("と", "ば", "たら", "なら", "れば"):
                return 0  # 〜と嬉しいです: a condition put to the shop
            return 2 if _writers_own(d) else 0
    return 0


def ongoing(d: Told) -> int:
    """〜ている / 〜てます / 〜てきた / 〜てある: an ongoing situation, a habit, a thing done: 1."""
    prev: Token | None = None
    for t in d.toks:
        if t.norm == "てる" or (prev is not None and prev.surface in ("て", "で") and prev.main == "助詞" and (
                t.norm in ("居る", "おる", "来る", "有る") or t.surface in ("ます", "ました", "る", "た"))):
            return 1
        prev = t
    return 0


# ---------------------------------------------------------------- what the rules and the sentence share


# A past that is the shop's act, the order's or the mail's, not the writer's life (see `lived`).
_NOT_LIVED: Final = frozenset({
    "失礼", "世話", "連絡", "拝見", "拝読", "届く", "受け取る", "到着", "発送", "注文", "購入", "書く", "読む",
    "申し上げる", "承る", "受け付ける", "メール", "頂く", "貰う", "下さる", "呉れる", "有り難う", "ありがとう",
    "済む", "申し訳", "問い合わせ", "問合せ",
})
# What may follow a sentence-final past: 〜たです / 〜たんです / 〜たのに / 〜たよ.
_AFTER_PAST: Final = frozenset({
    "です", "の", "ん", "よ", "ね", "な", "わ", "けど", "けれど", "のに", "し", "が", "もん",
})


def _told_in_past(toks: Sequence[Token], act: bool = False) -> bool:
    """The clause ends in a past (〜ました / 〜かった / 〜たんです), not a question or a condition.

    `act`: the past must be of a verb (転びました, 見つけてしまいました), not of a description
    (「本当に素敵でした」「まるで別物でした」: praise or a report about a thing).
    """
    for k in range(len(toks) - 1, max(-1, len(toks) - 5), -1):
        t = toks[k]
        if t.lemma == "た":
            if not (t.cform.startswith(("終止形", "連体形")) and all(x.surface in _AFTER_PAST for x in toks[k + 1 :])):
                return False
            if not act:
                return True
            head = next((x for x in reversed(toks[:k]) if x.main != "助動詞"), None)
            return head is not None and head.main == "動詞"
    return False


def _lasting(toks: Sequence[Token]) -> bool:
    """The clause ends in 〜ています / 〜ております / 〜てる: a state that lasts."""
    for k in range(len(toks) - 1, max(0, len(toks) - 5), -1):
        t = toks[k]
        if t.norm == "てる" or (t.norm in ("居る", "おる") and toks[k - 1].surface in ("て", "で")):
            return True
    return False


def _writers_own(d: Told) -> bool:
    """Nobody but the writer (or their family) is the subject, and it is not the shop's act, the order's
    or the mail's (see `lived`): no が/は/も on another noun, except a time (今日は) or a feeling (涙が)."""
    toks = d.toks
    for i, t in enumerate(toks):
        if t.norm in _NOT_LIVED or t.lemma in _NOT_LIVED:
            return False
        if (i + 1 < len(toks) and toks[i + 1].surface in ("が", "は", "も") and toks[i + 1].main == "助詞"
                and t.main in ("名詞", "代名詞", "接尾辞") and not t.classes & (PERSONAL | NARRATIVE_CUE)
                and t.pos[2] != "副詞可能" and t.sub != "数詞"):
            return False
    return True



def _life(toks: Sequence[Token], bits: int) -> bool:
    """A life event in the words (not a product's purpose, not an age without a number), or a role they hold."""
    life = bool(bits & BIT_LIFE) and any(
        (t.classes & BIT_LIFE)
        # 介護用品 / 出産祝い向け: a product's purpose, not an event in the writer's life
        and not (i + 1 < len(toks) and toks[i + 1].surface in ("用品", "用", "向け", "グッズ"))
        # 六十代 / 十五歳: an age only after a number (not 電気代, not 何歳から使えますか)
        and not (t.surface in _AGE_UNITS and (i == 0 or toks[i - 1].sub != "数詞"))
        for i, t in enumerate(toks)
        if t.main in ("名詞", "動詞", "接尾辞")
    )
    # 広報を担当している者です: a role they hold (not 担当の方, not 担当していただいた方).
    works = bool(bits & DISCLOSURE_CUE) and any(
        t.is_("担当") and i + 1 < len(toks) and toks[i + 1].norm == "為る"
        and any(x.norm == "居る" or x.norm == "おる" for x in toks[i + 2 : i + 5])
        and not any(x.norm in ("頂く", "貰う", "呉れる") for x in toks[i + 1 : i + 5])
        for i, t in enumerate(toks))
    return life or works


def announces(toks: list[Token]) -> bool:
    """Veto on a sentence alone: 「弊社の状況についてご説明させてください」 announces what follows.

    It tells nothing itself (the sentences after it do).
    """
    for i, t in enumerate(toks):
        if t.lemma in ("せる", "させる") and any(b.classes & BIT_PREFACE_VERBS for b in toks[max(0, i - 3) : i]):
            return any(a.surface.startswith(("ください", "下さい", "いただ", "頂")) for a in toks[i + 1 : i + 4])
    return False


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
    return any(is_neg(x) for x in toks[i + 1 : i + 3])


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


def hypothetical(tokens: Sequence[Token]) -> bool:
    """もし〜 / 仮に〜 / 〜とは限らない: a possibility, not a situation."""
    toks = list(tokens)
    if not any(t.classes & HYPOTHETICAL_CUE for t in toks):
        return False
    if any(t.is_("もし", "仮に", "万一", "万が一") for t in toks):
        return True
    return any(t.lemma == "限る" and any(is_neg(x) for x in toks[i + 1 : i + 4]) for i, t in enumerate(toks))


def trigger(tokens: Sequence[Token]) -> bool:
    """A clause ending in 〜と聞いて / 〜と言われて / 〜を見て: what set off a worry, not a disclosure."""
    toks = content_of(tokens)
    if len(toks) < 2 or toks[-1].surface not in ("て", "で"):
        return False
    verbs = [t for t in toks[-4:] if t.main == "動詞"]
    return any(v.lemma in ("聞く", "言う", "見る", "読む", "知る") for v in verbs)


def disclosure_cue(tokens: Sequence[Token], reason: bool = False) -> str:
    """Why words count as a disclosure: the strongest evidence `disclosure_evidence` saw."""
    toks = content_of(tokens)
    noun_like = ("名詞", "代名詞", "動詞", "接尾辞")
    for bit, kind in ((lx.BIT[lx.FAMILY], CueKind.FAMILY), (lx.BIT[lx.LIFE], CueKind.LIFE)):
        for t in toks:
            if t.classes & bit and t.main in noun_like:
                return make_cue(kind, t.surface)
    for i, t in enumerate(toks):
        if not t.classes & DISCLOSURE_CUE:
            continue
        if t.is_("つもり", "心算", "計画"):
            return make_cue(CueKind.PLAN, t.surface)
        if t.norm in ("思う", "考える") and i >= 2 and toks[i - 2].cform.startswith("意志推量"):
            return make_cue(CueKind.PLAN, span(toks, i - 2, i + 1))
        if t.is_(*_PAST_TIMES) and any(x.lemma == "た" for x in toks[i + 1 :]):
            return make_cue(CueKind.EXPERIENCE, t.surface)
        if t.lemma in ("しまう", "仕舞う", "ちゃう") and any(x.lemma == "た" for x in toks[i + 1 : i + 3]):
            return make_cue(CueKind.EXPERIENCE, span(toks, i - 2, i + 2))
        if t.is_("事", "こと") and i + 2 < len(toks) and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る":
            return make_cue(CueKind.PLAN, span(toks, i, i + 3))
        if t.lemma == "たい" and i + 1 < len(toks) and toks[i + 1].surface == "と":
            return make_cue(CueKind.PLAN, span(toks, i - 1, i + 2))
        if t.is_("ばかり") and i > 1 and toks[i - 1].lemma == "た":
            return make_cue(CueKind.EXPERIENCE, span(toks, i - 1, i + 1))
        if t.is_("実は", "始める", "念願", "憧れ", "挑戦", "初挑戦", "ようやく", "やっと"):
            return make_cue(CueKind.EXPERIENCE, t.surface)
    for t in toks:
        if t.classes & lx.BIT[lx.CIRCUMSTANCE] and t.main in _CIRCUMSTANCE_POS:
            return make_cue(CueKind.CIRCUMSTANCE, t.surface)
    for i, t in enumerate(toks):
        if t.is_("詳しい", "慣れる", "分かる", "わかる") and any(is_neg(x) for x in toks[i + 1 : i + 4]):
            return make_cue(CueKind.KNOWLEDGE, span(toks, i, i + 3))
    for t in toks:
        if t.classes & lx.BIT[lx.SELF] and t.main in ("名詞", "代名詞"):
            return make_cue(CueKind.SELF, t.surface)
    for i, t in enumerate(toks[1:], 1):
        if t.norm == "てる" or (toks[i - 1].surface in ("て", "で") and toks[i - 1].main == "助詞"
                                and (t.norm in ("居る", "おる", "来る") or t.surface in ("ます", "ました"))):
            return make_cue(CueKind.ONGOING, span(toks, i - 1 if t.norm != "てる" else i, i + 2))
    for t in toks:
        if t.classes & NARRATIVE_CUE and t.main != "助動詞":
            return make_cue(CueKind.FEELING, t.surface)
    if reason and toks:
        return make_cue(CueKind.REASON, tail(toks))
    if _told_in_past(toks):
        return make_cue(CueKind.EXPERIENCE, tail(toks))
    return ""


