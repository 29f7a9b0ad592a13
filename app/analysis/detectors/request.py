"""The request detector's rules: is this clause an ask put to the shop?

Each rule takes the clause as `Asked` (its words outside quotes, its content words,
where it stands in the sentence) and gives a cue (`CueKind:words`, it is an ask),
"" (no verdict, the next rule's turn) or `NOT` (a veto: it is no ask, whatever the
rules after it would say). The registry in `__init__.py` runs them in order; the
private helpers below them are the tests the rules share, with the cases they
exclude named in their comments: someone else's words reported (〜と言われ), what
the writer does in the mail itself (質問させてください), a wish for the shop
(これからも頑張ってください), thanks for what was done (〜いただきありがとうございました).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from app.analysis.detectors.common import (
    BIT_ASK_VERBS,
    BIT_FORMULA_NOUNS,
    BIT_FORMULA_PLEASE,
    BIT_LIFE,
    BIT_ORDER_VERBS,
    BIT_PREFACE_VERBS,
    NOT,
    PERSONAL,
    content_of,
    first,
    is_neg,
    span,
    tail,
    unquoted,
)
from app.analysis.segment import Clause
from app.analysis.tokenizer import Token
from app.model import CueKind, make_cue


class Asked:
    """One clause as the request rules see it."""

    __slots__ = ("after", "bits", "content", "last", "sentence_end", "toks")

    def __init__(self, clause: Clause, last_in_sentence: bool, sentence_end: str, after: str = "") -> None:
        toks = unquoted(clause.tokens)
        self.toks: list[Token] = toks  # outside 「…」: an ask inside a quote is someone's words, reported
        self.content: list[Token] = (unquoted(clause.content) if len(toks) != len(clause.tokens)
                                     else list(clause.content))
        self.bits: int = clause.bits
        self.last: bool = last_in_sentence  # the sentence's last clause
        self.sentence_end: str = sentence_end  # "？", "。" or ""
        self.after: str = after  # the word the clause before this one in the sentence ended on ("" for the first)


# ---------------------------------------------------------------- the rules, in the registry's order


def preface(a: Asked) -> str:
    """Veto: 「質問させてください」「いくつか質問があります」「教えてください」 alone announce an ask.

    The ask itself comes in the next sentences; highlighting the announcement would
    make the review ask the agent to answer it.
    """
    return NOT if _preface(a.toks) else ""


def greeting_question(a: Asked) -> str:
    """Veto: 「皆さんお変わりないでしょうか」「お元気ですか」: a greeting put as a question, nothing to answer.

    Only a person's state asked after (お変わり, 元気): 「サイズに変わりはないでしょうか」 asks.
    """
    return NOT if _asks_after_them(a.content) and _question(a.content, a.last, a.sentence_end) else ""


def rhetorical(a: Asked) -> str:
    """Veto: a question that argues or exclaims, with no answer wanted.

    「〜のではないでしょうか」「〜のでは？」 (a complaint's claim put as a question), 「どれだけ
    救われたか」 (a degree exclaimed), 「覚えていらっしゃいますか」 (a letter's memory offered).
    Not 「ご迷惑ではないでしょうか」 or 「在庫はないでしょうか」: no の before では, a real question.
    """
    content = a.content
    if not content or not (content[-1].surface in ("か", "かね") or a.sentence_end in ("?", "？")
                           or content[-1].surface == "は"):
        return ""
    return NOT if (_argues(content) or _exclaims(content) or _recalls(content) or _reproaches(content)
                   or _muses(content, a.sentence_end, a.after) or _questions_their_standard(content)) else ""


def refused_question(a: Asked) -> bool:
    """A question form the rules refuse to take as an ask: a greeting, an argued or exclaimed
    question, or the writer wondering aloud (〜いいものだろうか). The learned layer may not add an
    ask the rules turned down on purpose (`app.analysis.pipeline`): these are decided by grammar,
    not by the words a model weighs."""
    content = a.content
    if not content:
        return False
    asked = content[-1].surface in ("か", "かね", "かな") or a.sentence_end in ("?", "？")
    return asked and (greeting_question(a) == NOT or rhetorical(a) == NOT or _conjecture(content))


def explicit_ask(a: Asked) -> bool:
    """The sentence ends on an ask its grammar alone makes, whatever the words around it: a proposal
    (〜べきだと思う, 〜してみては, 〜方が親切だと思います), a favour wanted (〜てほしいです / 〜てほしいと
    思いました / 〜てほしいものです / 〜ていただきたいことです), a thing asked for (〜の掲載をお願いします).

    The learned layer may not take such an ask back (`app.analysis.pipeline`): in a long comment or
    complaint its words are those of the story around it, and the model, which learned from enquiries,
    weighs the story; the ending is what asks. (The layer keeps the last word on every other ask: its
    words-based doubts are right far more often than not on the corpus.)
    """
    content = a.content
    if len(content) < 3:
        return False
    if better_way(a) or wished_otherwise(a):
        return True
    if proposal(a):
        # 〜人が増えるとよい: an outcome wished for, which the layer may weigh; 〜すればいい / 〜べき propose
        return not any(content[j].surface == "と" and content[j + 1].norm == "良い" for j in range(len(content) - 1))
    k = len(content) - 1
    while k > 0 and (content[k].surface in _ASK_TAIL or content[k].norm in ("思う", "事", "物")):
        k -= 1  # 〜と思いました / 〜ことです / 〜ものです: the frame after the wish
    wish = content[k]
    if wish.lemma in ("ほしい", "欲しい") and k > 0 and content[k - 1].surface in ("て", "で"):
        return not wish.cform.startswith("連用形") and not _reported(content, k) and not _wish_for_them(content, k)
    if wish.lemma == "たい" and k > 0 and content[k - 1].norm in ("頂く", "貰う"):
        return (not wish.cform.startswith("連用形") and not _reported(content, k)
                and not _causative_own_act(content, k - 1))
    # 〇〇の掲載をお願いします: the object named, then the polite ask and nothing after it
    return (len(content) >= 5 and content[-1].surface == "ます" and content[-2].norm in ("為る", "致す")
            and content[-3].norm == "願う" and content[-4].surface in ("お", "御") and content[-5].surface == "を")


_ASK_TAIL: Final = frozenset({"です", "と", "思い", "まし", "た", "ます", "の", "もの", "こと", "だ"})


def question(a: Asked) -> str:
    """A question put to the shop: sentence-final か / かね / かしら, or ？ on a predicate or a bare noun.

    Not 〜だろう？ (the writer wondering aloud) nor 〜かどうか… left hanging.
    """
    return make_cue(CueKind.QUESTION, tail(a.content)) if _question(a.content, a.last, a.sentence_end) else ""


def formula_only(a: Asked) -> str:
    """Veto: an ask made only of formula nouns (ご対応いただければ幸いです): a closing, nothing to do."""
    return NOT if _formula_only(a.toks) else ""


def please(a: Asked) -> str:
    """〜てください / ご〇〇ください that really ask.

    Not ご自愛ください (a formula), not 「来てください」と言われ (someone else's ask), not
    これからも頑張ってください (a wish for the shop), not 確認させてください (the writer's act).
    """
    toks = a.toks
    if not _please(toks):
        return ""
    i = first(toks, lambda t: t.surface.startswith(("ください", "下さい")))
    return make_cue(CueKind.PLEASE, span(toks, i - 1 if toks[i - 1].surface in ("て", "で") else i, i + 1))


def benefactive(a: Asked) -> str:
    """A favour asked: 〜ていただけますか / 〜ていただけると助かります / 〜ていただきたい / 〜てほしい.

    Not what already happened (いただけた), a state (いただけていません), an expectation
    (〜てくれると思います), a wish about their family (娘が喜んでくれたら) or for the shop.
    """
    toks = a.toks
    if not _benefactive_asked(toks):
        return ""
    i = first(toks, lambda t: t.norm in ("頂く", "貰う", "呉れる", "下さる", "欲しい")
              or t.lemma in ("いただける", "もらえる", "頂ける", "ほしい"))
    return make_cue(CueKind.BENEFACTIVE, span(toks, i, i + 4))


def onegai(a: Asked) -> str:
    """〇〇をお願いします / お願いしたい / お願いできますか with something concrete to do.

    Not お願いがございます (announces one), not an offer, an ongoing order or a plan told.
    """
    toks = a.toks
    if not _onegai(toks):
        return ""
    i = first(toks, lambda t: t.norm == "願う" or t.surface in ("お願い", "願い"))
    return make_cue(CueKind.ONEGAI, span(toks, i - 1 if toks[i - 1].surface in ("お", "御") else i, i + 3))


def wants(a: Asked) -> str:
    """〜たい on a verb that asks the shop for something (知りたい, 変更したい, 〜ていただきたい).

    Not a plan told (〜たいと思っています) nor why they write (ご相談したいことがあってご連絡しました).
    """
    toks = a.toks
    if not wants_from_shop(toks):
        return ""
    i = first(toks, lambda t: t.lemma == "たい")
    return make_cue(CueKind.WANT, span(toks, i - 1, i + 1))


def final_wish(a: Asked) -> str:
    """「予約をしたいのですが。」: a softened wish that ends the sentence is put to the shop."""
    if not (a.last and _final_wish(a.content) and not _contacted(a.toks)):
        return ""
    content = a.content
    i = first(content, lambda t: t.lemma == "たい")
    return make_cue(CueKind.WANT, span(content, i - 1, len(content)))


def order_intent(a: Asked) -> str:
    """「購入しようと思います」: an order they intend now, told to the shop (not 〜しようと思っています)."""
    k = _order_intent(a.toks)
    return make_cue(CueKind.WANT, span(a.toks, k, k + 4)) if k >= 0 else ""


def wanted_thing(a: Asked) -> str:
    """「2個欲しいです」: 欲しい ending the clause, present and not negated (not 前から欲しかった)."""
    k = _wanted_thing(a.content)
    return make_cue(CueKind.WANT, span(a.content, k - 1, k + 1)) if k >= 0 else ""


def wish_to_ask(a: Asked) -> str:
    """「あわせて伺えればと思います」「ご相談できればと存じます」: a polite wish to ask.

    伺う is also to visit: 「家族で伺えればと思います」 asks only with a question or a topic.
    """
    k = _wish_to_ask(a.content)
    return make_cue(CueKind.WANT, span(a.content, k, len(a.content))) if k >= 0 else ""


def hope(a: Asked) -> str:
    """〜を希望します / 〜を要望します / 〜を求めます / 〜を望みます: a stated preference or demand the
    business should act on — a comment card's 「議会に準じた扱いを求めます」. Not told as past (希望した,
    求めていました), negated (求めません) or named as a thing (要望の声): the verb ends the clause.
    """
    toks = a.toks
    for i, t in enumerate(toks[:-1]):
        if t.surface in ("希望", "要望", "要求") and toks[i + 1].norm in ("為る", "致す") and not any(
            x.lemma in ("た", "たり") for x in toks[i + 2 : i + 5]  # 希望したり憧れたり: a past listed
        ):
            if _wish_for_them(toks, i) or _announces(toks[:i]):
                return ""  # 今後も続けられることを希望いたします (a wish) / 下記について要望したい (a preface)
            return make_cue(CueKind.HOPE, span(toks, i, i + 3))
    content = a.content
    for i in range(1, len(content)):
        t = content[i]
        if t.norm in ("求める", "望む") and t.main == "動詞" and content[i - 1].surface == "を":
            rest = content[i + 1 :]
            if all(r.lemma in ("ます", "です") or r.surface == "ます" for r in rest) and not any(
                    is_neg(r) for r in rest):
                return make_cue(CueKind.HOPE, span(content, i - 1, len(content)))
    return ""


# 「下記について」「以下の点を」: what is asked comes after this sentence.
_BELOW: Final = frozenset({"下記", "以下", "次", "後述"})


def _announces(before: Sequence[Token]) -> bool:
    """The words before a wish point at the asks listed below (下記について要望したい): a preface."""
    return any(t.norm in _BELOW or t.surface in _BELOW for t in before) and _about(before)


def glad_if(a: Asked) -> str:
    """〜と助かります / 〜ば幸いです / 〜とありがたいです / 〜と安心です: a condition the shop should meet.

    Not 読んでいただけたら嬉しい: that is about reading this mail.
    """
    toks = a.toks
    for i, t in enumerate(toks):
        if i + 1 < len(toks) and toks[i + 1].surface == "そう":
            continue  # 「〜と嬉しそうに」: how someone looked, not a condition
        if (t.lemma in _GLAD_IF or t.surface in _GLAD_IF) and i > 0 and toks[
            i - 1
        ].surface in ("と", "ば", "たら", "ますと", "れば", "だと", "なら") and not any(
                x.norm in _READING for x in toks[:i]):  # 読んでいただけたら嬉しい: about this mail
            return make_cue(CueKind.CONDITIONAL, span(toks, i - 1, i + 2))
    return ""


def hedged(a: Asked) -> str:
    """できれば〜たいのですが / なるべく〜のですが / できれば水曜までに: a wish put to the shop.

    The one ask that needs none of the request cue words (its own gate is the hedge words).
    """
    return make_cue(CueKind.HEDGED, _hedge_word(a.toks)) if _is_hedged(a.toks) else ""


def alternative(a: Asked) -> str:
    """〜ていただく形でも構いません / 〜ていただいても大丈夫です: an alternative asked for."""
    toks = a.toks
    if any(t.norm in ("頂く", "貰う") for t in toks) and (
        any(t.lemma in ("構う",) for t in toks) or any(t.is_("結構", "大丈夫") for t in toks)
    ):
        i = first(toks, lambda t: t.lemma == "構う" or t.is_("結構", "大丈夫"))
        return make_cue(CueKind.ALTERNATIVE, span(toks, i, i + 3))
    return ""


def indirect_question(a: Asked) -> str:
    """〜のかよく分かりません: an indirect question.

    Not 「足りるのかも分かりません」: one more thing they do not know, told about themselves.
    """
    content = a.content
    final_neg = (len(content) >= 3 and is_neg(content[-1]) and content[-1].cform.startswith("終止形")) or (
        len(content) >= 4 and content[-1].is_("です") and is_neg(content[-2]))
    if final_neg:
        ending = content[-5:]
        if any(t.lemma in ("分かる", "わかる", "判る") for t in ending) and any(t.surface == "か" for t in content):
            i = first(content, lambda t: t.lemma in ("分かる", "わかる", "判る"))
            # 「足りるのかも分かりません」「選べばいいのかもよくわかっていません」: one more thing they
            # do not know, listed as they tell about themselves, not a question put to the shop.
            also = any(t.surface == "かも" or (t.surface == "か" and k + 1 < len(content)
                                                and content[k + 1].surface == "も") for k, t in enumerate(content[:i]))
            if not also and not _own_state_of_knowing(content[:i]):
                return make_cue(CueKind.INDIRECT_QUESTION, "か" + span(content, i, len(content)))
    return ""


def proposal(a: Asked) -> str:
    """A proposal to the business in a comment or complaint: 「会計の人員を増やすべきだと思う」
    「係の人が回収すれば良い」「持ち込みを認めても良いのでは」「受付の流れを見直す必要がある」.

    Customer-voice comments ask in plain form; what they propose is for the business to act on.
    Not the writer's own duty (私がもっと早く言うべきでした: past, or the writer as subject), not a
    wish in polite form (晴れるといいですね), not a need the writer has (手術を受ける必要がある: no
    change of the business's ways named).
    """
    content = a.content
    if len(content) < 3:
        return ""
    if (a.last and a.sentence_end != "" and content[-1].surface in ("ては", "では") and content[-2].norm == "見る"
            and content[-3].surface in ("て", "で") and not any(t.norm in _SELF for t in content)
            and not _from_someone(content)):
        # もう少し考慮してみては。 (〜てみてはいかがでしょうか, its end left unsaid): a suggestion to the business
        return make_cue(CueKind.PROPOSAL, span(content, len(content) - 3, len(content)))
    tail_ = content[-6:]
    # Most clauses end in none of its words: that test first, it is asked of every clause left.
    if not any(t.lemma in _PROPOSING for t in tail_) or any(t.lemma == "た" for t in tail_):
        return ""
    if any(t.norm in _SELF for t in content):
        return ""
    for j, t in enumerate(tail_):
        if (t.lemma == "べし" or t.surface == "べき") and not any(
                r.surface in ("か", "が", "けど", "けれど", "でしょ") for r in tail_[j + 1 :]):
            # not べきか迷っています (deliberation), not 本来ならやるべきなのでしょうが (conceded)
            return make_cue(CueKind.PROPOSAL, span(tail_, j - 1 if j else j, len(tail_)))
    polite = any(t.lemma in ("です", "ます") for t in tail_)
    for j in range(1, len(tail_)):
        t = tail_[j]
        conditional = tail_[j - 1].surface in ("ば", "と", "ても", "でも", "たら") or (
            j >= 2 and tail_[j - 1].surface == "も" and tail_[j - 2].surface in ("て", "で"))
        if t.lemma in ("良い", "いい", "よい") and conditional:
            rest = tail_[j + 1 :]
            if polite or not all(r.surface in _PROPOSAL_END for r in rest):
                # 晴れるといいですね / 届くといいのですが (a hope), 駅に近ければいいのに (a lament),
                # どこを見ればいいか (a question of their own)
                return ""
            return make_cue(CueKind.PROPOSAL, span(tail_, j - 1, len(tail_)))
    norms = {t.norm for t in content}
    if "必要" in norms and norms & _WAYS_CHANGED and any(t.norm == "有る" for t in tail_):
        return make_cue(CueKind.PROPOSAL, span(tail_, 0, len(tail_)))
    return ""


def better_way(a: Asked) -> str:
    """A way the business should take, said as the better one: 「名前で呼ぶ方が親切だと思います」
    「対応を統一するのがいいと思います」「案内を流した方が良い」.

    An act (a verb before 方 / の / こと) weighed as better, in plain form or framed as the writer's
    opinion (〜と思う / 〜と思います / 〜と思われる) at the sentence's end. Not the writer's own act
    (私も早めに行った方がいいと思います), a choice between things (Mサイズの方がいいです: no verb), a
    thought in the past or one that runs on (〜方がいいと思って…), a question.
    """
    content = a.content
    n = len(content)
    if n < 4 or not a.last or content[-1].norm not in _OPINION_END:
        return ""  # every clause is asked this: its last word first
    k = n - 1
    while k > 0 and (content[k].surface in ("ます", "れる", "られる") or content[k].norm in ("思う", "考える")):
        k -= 1
    if k < n - 1 and content[k].surface != "と":
        return ""  # 思う only as the frame 〜と思う
    if k < n - 1:
        k -= 1
        if content[k].lemma == "だ" and content[k].surface == "だ":
            k -= 1
    better = content[k]
    if not (better.norm in _BETTER or better.lemma in _BETTER) or better.cform.startswith("連用形") or k < 3:
        return ""
    if content[k - 1].surface != "が" or not (content[k - 2].norm in ("方", "事") or (
            content[k - 2].surface == "の" and content[k - 2].main == "助詞")):
        return ""
    if k == n - 1 and content[k - 2].norm != "方":
        return ""  # 説明してくれるのがいい。: praise of what they do; 〜方がいい。 and 〜のがいいと思う propose
    act = content[k - 3]
    if act.lemma == "た" or is_neg(act):
        act = content[k - 4] if k >= 4 else act
    if act.main != "動詞" or any(t.norm in _SELF for t in content):
        return ""
    return make_cue(CueKind.PROPOSAL, span(content, k - 2, n))


# What the better way is called: 〜方が良い / 親切 / 便利 / 望ましい.
_BETTER: Final = frozenset({"良い", "いい", "よい", "親切", "便利", "望ましい", "適切", "丁寧", "ベター", "効率的",
                            "合理的", "分かり易い", "わかりやすい", "安心"})
_OPINION_END: Final = frozenset({"思う", "考える", "ます", "れる", "られる"}) | _BETTER


def wished_otherwise(a: Asked) -> str:
    """A quality the thing should have had, said as a comment card says it: 「もう少し軽かったら良かったです」
    「もっと静かだと良かった」. A degree asked for (もう少し / もっと) of a quality (an adjective, or 〜だ),
    not of the writer's own act (もっと早く行けば良かった: a verb, their regret).
    """
    content = a.content
    n = len(content)
    if n < 5 or not a.last:
        return ""
    end = n - 1 if content[-1].surface == "です" else n
    if end < 3 or content[end - 1].lemma != "た" or content[end - 2].norm != "良い":
        return ""
    cond = content[end - 3]
    if cond.surface not in ("たら", "ば", "と") or end < 4:
        return ""
    quality = content[end - 4]
    if quality.lemma == "た" and end >= 5:
        quality = content[end - 5]  # 軽かっ|たら
    if not (quality.main == "形容詞" or quality.lemma == "だ" or is_neg(quality)):
        return ""
    said = "".join(t.surface for t in content[: end - 3])
    if not any(w in said for w in _MORE) or any(t.norm in _SELF for t in content):
        return ""
    return make_cue(CueKind.PROPOSAL, span(content, max(0, end - 5), n))


_MORE: Final = ("もう少し", "もっと", "もうちょっと", "もうすこし", "もう少々")


def _from_someone(content: Sequence[Token]) -> bool:
    """「〇〇さんから相談してみては！」: a suggestion someone else made, told (a person, then から)."""
    return any(t.surface == "から" and j > 0 and (content[j - 1].surface in ("さん", "様", "先生", "さま", "ちゃん")
                                                  or content[j - 1].classes & PERSONAL)
               for j, t in enumerate(content))


_PROPOSING: Final = frozenset({"べし", "良い", "いい", "よい", "有る", "ある"})
_PROPOSAL_END: Final = frozenset({"事", "こと", "だ", "と", "思う", "思い", "の", "で", "は", "では", "考える"})
_SELF: Final = frozenset({"私", "自分", "僕", "俺", "あたし", "わたくし"})
# What a business changes when a customer proposes it: 検討する / 見直す / 改善する必要がある.
_WAYS_CHANGED: Final = frozenset({"検討", "改善", "見直し", "見直す", "増員", "周知", "配慮", "対策", "工夫", "徹底"})


# ---------------------------------------------------------------- what the rules share


# Who does not know, or how much: 私には分かりません / さっぱり分かりません tell the writer's state.
_KNOWERS: Final = ("私", "誰", "自分", "僕", "今", "正直", "さっぱり", "全く", "まったく", "未だ", "まだ")


def _own_state_of_knowing(before: Sequence[Token]) -> bool:
    """〜か分かりません told about the writer, not asked: the knower named (私には, 誰にも), the
    bewilderment stressed (正直, さっぱり, まだ), a past looked back on (〜たのか), or a degree
    exclaimed (どれだけ救われたか). 「どれを選べばいいのかよく分かりません」 asks.
    """
    if _exclaims(before):
        return True
    k = next((j for j in range(len(before) - 1, 0, -1) if before[j].surface == "か"), -1)
    if k > 0 and (before[k - 1].lemma == "た" or (before[k - 1].surface == "の" and k > 1
                                                   and before[k - 2].lemma == "た")):
        return True
    return any(t.norm in _KNOWERS or t.surface in _KNOWERS for t in before)


# 〜てほしいと言われ / 〜てくださいと連絡があり: someone else's ask, reported.
# 〜てくださいと勧めました / 〜てもらいたいと申し出たところ / 〜てもらいたいと願いました: an ask or a wish
# the writer reports having made, or made to someone else, not one made of the reader now.
_REPORTING: Final = ("言う", "云う", "連絡", "頼む", "有る", "言われる", "頼まれる", "伝える", "話す", "伺う", "聞く",
                     "勧める", "申し出る", "願う")
# What the writer does in the mail itself: 〜させてください / 〜させていただきたく announce it.
_OWN_ACTS: Final = ("確認", "話", "話す", "書く", "紹介", "説明", "報告", "相談", "質問", "伝える", "お伝え",
                    "述べる", "記す", "触れる", "整理")


def _reported(toks: list[Token], i: int) -> bool:
    """The ask at i is followed by と + a verb of saying (戻ってほしいと連絡があり), or by とのこと
    (受け取っていただけるとのことでした: what they were told)."""
    rest = toks[i + 1 : i + 4]
    if len(rest) > 2 and rest[0].surface == "と" and rest[1].surface == "の" and rest[2].is_("事", "こと"):
        return True
    if not any(r.surface == "と" and r.main == "助詞" for r in rest[:2]):
        return False
    for k in range(i + 2, min(len(toks), i + 6)):
        r = toks[k]
        if r.norm in _REPORTING or r.lemma in _REPORTING:
            if r.norm == "言う" and k + 1 < len(toks) and toks[k + 1].is_("事", "こと"):
                # 予約させていただきたいということです: the wish itself, named (〜ということではありません
                # denies it: no ask either)
                return any(is_neg(x) for x in toks[k + 2 : k + 8])
            # 〜していただければと願っております: the polite ask (as 〜ればと思います), not a wish told
            return not (r.norm == "願う" and toks[i].norm in ("頂く", "貰う") and any(
                x.surface in ("ば", "たら", "れば") for x in rest))
    return False


def _causative_own_act(toks: list[Token], i: int) -> bool:
    """させて(ください/いただきたい) at i on something the writer does: 確認させてください."""
    before = toks[max(0, i - 5) : i]
    if not any(b.lemma in ("せる", "させる") for b in before):
        return False
    return any(b.norm in _OWN_ACTS or b.lemma in _OWN_ACTS or (b.classes & BIT_PREFACE_VERBS) for b in before)


# The reader's part in this mail itself: 読んでいただけたら / お付き合いいただければ.
_READING: Final = ("読む", "付き合う", "付き合い", "御付き合い")


def _someone_else_does(toks: Sequence[Token], i: int) -> bool:
    """A が/は-marked person before the verb at i: 娘が喜んでくれたら (their family, not the shop)."""
    return any(t.main in ("名詞", "代名詞") and (t.classes & (PERSONAL | BIT_LIFE))
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
            if _counterfactual(toks, i) or _hope_for_family(toks, i):
                continue
            if nxt is not None and nxt.lemma == "たい":
                if _wish_told(toks, i + 1):
                    continue
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
                and not _reported(toks, i) and not _wish_for_them(toks, i) and not _wish_told(toks, i)):
            return True
    return False


def _counterfactual(toks: Sequence[Token], i: int) -> bool:
    """「教えていただければ、こうはならなかったと思います」「保護してくださらなかったら、会えません
    でした」: a condition on what is past, a reproach or a thanks, not an ask."""
    k = next((j for j in range(i + 1, min(len(toks), i + 5)) if toks[j].surface in ("ば", "たら", "れば")), -1)
    if k < 0:
        return False
    return any((t.lemma == "た" and t.surface != "たら") or t.norm == "筈" or t.surface == "はず"
               for t in toks[k + 1 :])


def _hope_for_family(toks: Sequence[Token], i: int) -> bool:
    """「母に選んでもらえればと思っています」: what they hope their family will do, told; the doer is
    their own (母に, 本人には), and the hope is said with と思う (「母に電話していただけますか」 asks)."""
    if toks[i].norm not in ("貰う", "頂く"):
        return False
    doer = any(t.classes & PERSONAL and t.main in ("名詞", "代名詞") and toks[j + 1].surface == "に"
               for j, t in enumerate(toks[: i - 1]))
    return doer and any(t.norm in ("思う", "考える") for t in toks[i + 1 : i + 6])


def _wish_told(toks: Sequence[Token], k: int) -> bool:
    """The wish at k (たい / ほしい) is told, not put to the shop: in the past (「連絡をいただき
    たかったです」, a complaint about what was not done), denied (「返していただきたいとは申しません」),
    or announcing the asks to come (「教えていただきたいことがあります」「ご相談したいのは〜です」).
    """
    t = toks[k]
    rest = toks[k + 1 : k + 3]
    if t.cform.startswith("連用形") and rest and rest[0].lemma == "た":
        return True
    if rest and rest[0].surface == "と" and len(rest) > 1 and rest[1].surface == "は":
        return True
    return len(rest) > 1 and ((rest[0].is_("事", "こと", "点") and rest[1].surface in ("が", "は", "です"))
                              or (rest[0].surface == "の" and rest[1].surface == "は"))


def _embedded_question(toks: list[Token], i: int) -> bool:
    """〜てくれるか、心配です: the か after position i opens a clause that goes on, not an ask."""
    k = next((j for j in range(i + 1, min(len(toks), i + 5)) if toks[j].surface == "か"), -1)
    if k < 0:
        return False
    if k + 2 < len(toks) and toks[k + 1].surface == "と" and toks[k + 2].norm in ("思う", "考える"):
        return False  # 〜ていただけないかと思いまして: the polite ask itself
    return any(t.content and t.main in ("名詞", "動詞", "形容詞", "形状詞") for t in toks[k + 1 :])


_THEIR_WORK: Final = frozenset({"仕事", "店", "御店", "お店", "営業", "活動", "商売", "研究", "教室", "診療"})
_LONG_WISH: Final = ("これからも", "ずっと", "いつまでも", "末永く", "この先も", "これからは")
_BODY: Final = frozenset({"体", "身体", "体調", "健康", "風邪", "腰", "お体", "御身体"})
_CARE: Final = frozenset({"大切", "大事", "気", "労る", "無理", "自愛"})


def _wish_for_them(toks: Sequence[Token], i: int) -> bool:
    """A wish for the shop, nothing to answer: これからも頑張ってください, ずっとつづけてください,
    お体に気をつけてください, 無理しないでくださいね, ゆっくりお過ごしください, 今のままでいてください.

    What makes it a wish is what is wished for: their health, their going on (a long-time word:
    これからも, ずっと), their being as they are (〜でいて), their rest. 「今後は午前中に届けて
    ください」 asks: 今後 is an instruction's time, not a long-time wish.
    """
    norms = {t.norm for t in toks[:i]}
    if norms & {"頑張る", "長生き", "張り切る", "過ごす"}:
        return True
    if "続ける" in norms and norms & _THEIR_WORK:
        return True  # お仕事を続けてください / お店をつづけてくださいね: their going on
    if norms & _BODY and norms & _CARE:
        return True
    said = "".join(t.surface for t in toks[:i])
    if any(w in said for w in _LONG_WISH):
        return True
    if i >= 2 and "無理" in norms and is_neg(toks[i - 2]):
        return True  # 無理しないでください / 無理なさらないでくださいね
    # 元気でいてください / 今のままでいてください: their being as they are
    return i >= 3 and toks[i - 1].surface == "て" and toks[i - 2].norm == "居る" and toks[i - 3].surface == "で"


def _asks_after_them(content: Sequence[Token]) -> bool:
    """お変わり / 元気 asked after: the reader's state, as a letter's greeting (「お変わりございませんか」).

    変わり alone is a thing's change (「仕様に変わりはないでしょうか」): only the honorific お変わり,
    or お変わる as Sudachi may cut it, is a person's.
    """
    for j, t in enumerate(content):
        if t.norm == "元気" and ((j > 0 and content[j - 1].surface == "お") or j == len(content) - 1
                                 or content[j + 1].surface in ("です", "でしょう", "か", "だ", "なの")):
            return True  # お元気ですか (not 元気にしているでしょうか, 元気にできますか: asked about a thing)
        if t.norm in ("変わり", "変わる") and j > 0 and content[j - 1].surface == "お":
            return True
        if t.norm in ("疲れ", "疲れる") and j > 0 and content[j - 1].surface == "お" and any(
                is_neg(r) for r in content[j + 1 :]):
            return True  # お疲れは出ていませんか: the reader's tiredness asked after (お疲れ様です is a greeting too)
        if t.norm in _HEALTH and j > 0 and content[j - 1].surface in ("お", "ご", "御") and any(
                r.surface in ("いかが", "如何") for r in content[j + 1 :]):
            return True  # 足のお怪我はその後いかがでしょうか / お加減はいかがですか: the reader's health asked after
        if t.lemma == "過ごす" and j > 0 and content[j - 1].surface == "お":
            return True  # いかがお過ごしでしょうか (its いかが sometimes left on the line before)
        if t.norm == "体調" and any(r.norm == "崩す" for r in content[j + 1 :]) and any(
                is_neg(r) for r in content[j + 1 :]):
            return True  # 体調を崩されていませんか (体調はいかがですか may ask after a patient: not here)
    return False


# A person's health, asked after with an honorific prefix (お怪我, お加減, ご体調): the reader's or their family's.
_HEALTH: Final = frozenset({"怪我", "加減", "具合", "体調", "体", "身体", "風邪"})


def _argues(content: Sequence[Token]) -> bool:
    """〜のではないでしょうか / 〜のでは？ / 〜んじゃないですか: a claim put as a question.

    The の (ん) before では makes it the writer's view of what happened; 「ご迷惑ではないでしょうか」
    (no の) asks the reader's view.
    """
    for j in range(1, len(content) - 1):
        t = content[j]
        if (t.surface in ("では", "じゃ") or (t.lemma == "だ" and content[j + 1].surface == "は")) and (
                content[j - 1].surface in ("の", "ん") and content[j - 1].main == "助詞"):
            if (j >= 3 and content[j - 2].lemma == "た" and content[j - 3].norm == "良い"
                    and any(b.surface in ("ば", "たら", "れば", "と") for b in content[: j - 3])):
                return True  # その場で言えばよかったのではないでしょうか: what should have been done, a reproach
            if any(b.surface in ("ば", "たら", "れば") for b in content[: j - 1]):
                return False  # チラシを置けば集まるのでは？: a proposal, which asks
            if (j >= 3 and content[j - 2].norm == "良い" and content[j - 3].surface in ("も", "ても", "でも")
                    and all(r.surface == "は" for r in content[j + 1 :])):
                return False  # 水筒は認めても良いのでは。: a comment's proposal, said short (`proposal`);
                # 〜あってもいいのではないでしょうか argues what should have been
            rest = content[j + 1 :]
            # 〜なのではないでしょうか / 〜のではありませんか (ある is the negated copula's verb here)
            return all(r.main in ("助詞", "助動詞", "形容詞") or r.norm == "有る" for r in rest)
    n = len(content)
    # 業務中ではないのか？: a claim put in plain form (asking the shop takes ではないですか / でしょうか)
    return (n >= 5 and content[-1].surface == "か" and content[-2].surface in ("の", "ん") and is_neg(content[-3])
            and (content[-4].surface in ("では", "じゃ")
                 or (content[-4].surface == "は" and content[-5].surface == "で"))
            and not any(t.lemma in ("です", "ます") for t in content))


# Words that make a question a reproach: 何のための予約なのか, 何と思っているのか, 如何なものか.
_REPROACH_WORDS: Final = frozenset({"如何", "如何な", "いかが", "いかがな"})
_FEELING_NOUNS: Final = frozenset({"気持ち", "不安", "辛さ", "つらさ", "苦しみ", "悔しさ", "怒り", "悲しみ", "痛み"})


def _reproaches(content: Sequence[Token]) -> bool:
    """A question in a complaint that reproaches, with no answer wanted.

    - put in plain form on こと/もの: 「掃除をしていないということか」 (a question put to the shop is
      polite, でしょうか / ますか, or casual 〜の？ / 〜かな), or on の asking what is wrong with them:
      「親として何がいけないのか？」 (a plain 〜はどうなるのか in a list of questions asks);
    - why the writer must bear it: 「なぜ…言われなければいけないのでしょうか」;
    - what the other side thinks of them: 「…とでも思っておられるのでしょうか」「何と思っているのか」;
    - whether the reader understands a feeling: 「この不安がわかりますか」;
    - 如何なものか: the idiom of disapproval.
    「在庫はないのでしょうか」「どの色が人気なのですか」 ask.
    """
    n = len(content)
    if n < 2 or content[-1].surface != "か":
        return False
    prev = content[-2]
    polite = any(t.lemma in ("です", "ます") or t.surface.startswith(("でしょ", "ござい")) for t in content[-5:])
    if not polite and prev.is_("事", "こと", "物", "もの"):
        # 掃除をしていないということか / そんなことがあるものか; but 〜ようにできないものか hopes
        # for a change (a proposal), it does not reproach
        return not (prev.is_("物", "もの") and n >= 3 and is_neg(content[-3]))
    if not polite and prev.surface in ("の", "ん") and prev.main == "助詞" and any(
            t.surface == "何" for t in content) and any(t.lemma in ("いけない", "悪い", "違う") or (
                t.lemma in ("いける", "行ける") and k + 1 < n and is_neg(content[k + 1]))
            for k, t in enumerate(content)):
        return True  # 親として何がいけないのか: the writer asking themselves (どうなるのか？ asks)
    norms = {t.norm for t in content}
    surfaces = {t.surface for t in content}
    # the writer made to bear it (浴びせられなければ): 「なぜ運転手はそこまでしなければならなかったのか」 asks
    if (norms & {"何故", "なぜ"} or surfaces & {"なぜ", "何故", "どうして"}) and any(
            t.surface in ("なけれ", "なきゃ", "ねば") for t in content) and any(
            t.lemma in ("れる", "られる") for t in content):
        return True
    for j in range(n - 2):
        if content[j].surface == "と" and content[j + 1].surface == "で" and content[j + 2].surface == "も" and (
                j + 3 < n and content[j + 3].norm == "思う"):
            return True
        if content[j].surface == "何" and content[j + 1].surface in ("と", "の") and (
                content[j + 2].norm == "思う" or content[j + 2].norm in ("為", "ため")):
            return True
    if n >= 4 and content[-2].surface == "ん" and content[-3].surface == "ませ" and content[-4].norm == "過ぎる":
        return True  # 手薄すぎませんか: too much, said as a question, is a complaint's verdict
    said = "".join(t.surface for t in content)
    if any(t.lemma in ("分かる", "わかる", "判る") for t in content[-4:]) and any(w in said for w in _FEELING_NOUNS):
        return True
    return any(t.norm in _REPROACH_WORDS or t.surface in _REPROACH_WORDS for t in content) and "物" in norms


# Words that ask how much, when what follows is exclaimed: どれだけ救われたか, 何度思ったか.
_DEGREE: Final = ("どれ", "どれほど", "どんなに", "いかに", "何度", "何回", "何年", "幾度")


def _exclaims(content: Sequence[Token]) -> bool:
    """「どれだけ救われたか」「何度思ったか分かりません」「どんなに幸せか」: a degree exclaimed, not asked."""
    k = next((j for j in range(len(content) - 1, 0, -1) if content[j].surface == "か"), -1)
    if k < 1:
        return False
    degree = content[k - 1].main in ("形容詞", "形状詞") or "形状詞可能" in content[k - 1].pos
    said = "".join(t.surface for t in content[:k])
    if degree and k == len(content) - 1 and any(w in said for w in ("どんなに", "なんと", "何と", "どれほど")):
        return True  # 「その店があってどんなに幸せか」: a degree exclaimed in the present (no です/ます)
    if not any(t.surface in _DEGREE or t.norm in _DEGREE for t in content[:k]):
        return False
    return content[k - 1].lemma == "た" or (content[k - 1].surface == "の" and k > 1 and content[k - 2].lemma == "た")


def _muses(content: Sequence[Token], sentence_end: str, after: str) -> bool:
    """The writer guessing a cause or naming a feeling, put as a question to themselves:
    「市内に大学がないからでしょうか。」「年のせいでしょうか」「これがご縁というものでしょうか」.

    A guessed cause ends on 。 or runs on (、): with ？ it may ask the shop (「住所が違うからでしょうか？」),
    and 「何時からでしょうか」 (から on a noun, a case particle) asks when.
    〜というものでしょうか names what the writer felt; 「なんとかならないものでしょうか」 (no という) asks.
    """
    k = len(content) - 1
    while k > 0 and content[k].surface in ("か", "かね", "ね", "な"):
        k -= 1
    if content[k].lemma not in ("です", "だ") or not content[k].surface.startswith(("でしょ", "だろ")):
        return False
    if k + 2 < len(content) and content[k + 1].surface == "か" and content[k + 2].surface in ("ね", "な"):
        return True  # 〜なんでしょうかね / 本当に大丈夫なのでしょうかね: musing, agreement sought, no answer
    if any(t.surface in ("果たして", "はたして") for t in content[:k]):
        return True  # 果たして本当に必要でしょうか: the writer doubting aloud
    if k == 0:
        # The clause is the copula alone, cut after a conjunctive から (〜ないから|でしょうか); a hard-wrapped
        # 「可能\nでしょうか。」 starts its own sentence and asks.
        return after == "から" and sentence_end not in ("?", "？")
    before = content[k - 1]
    if (before.surface == "から" and before.pos[1] == "接続助詞") or before.surface == "せい":
        return sentence_end not in ("?", "？")
    return before.is_("物", "もの") and k >= 3 and content[k - 2].lemma in ("いう", "言う") and (
        content[k - 3].surface == "と")


_THIS: Final = frozenset({"此れ", "其れ", "彼れ", "これ", "それ", "あれ"})
_ASKING_WORDS: Final = frozenset({"何", "どう", "何時", "いつ", "何処", "どこ", "どれ", "誰", "何故", "なぜ", "どの",
                                  "幾ら", "いくら", "どちら", "如何", "いかが", "どんな"})


def _questions_their_standard(content: Sequence[Token]) -> bool:
    """「これが御社の普通なのでしょうか」「話を聞かずに切るのが、プロの仕事なのでしょうか」: what was done
    to the writer (a clause made a noun with の, or これ / それ) held up against a name it does not deserve,
    as a question: indignation, no answer wanted. Not 「送料は無料なのでしょうか」 (a thing, with は), nor
    a question with a question word (これは何の部品なのでしょうか).
    """
    n = len(content)
    if n < 6 or content[-1].surface != "か" or not content[-2].surface.startswith(("でしょ", "です")):
        return False
    if not (content[-3].surface in ("の", "ん") and content[-4].surface == "な" and content[-5].main == "名詞"):
        return False
    if any(t.norm in _ASKING_WORDS or t.surface in _ASKING_WORDS for t in content):
        return False
    for j in range(1, n - 5):
        if content[j].surface == "が" and content[j].main == "助詞":
            before = content[j - 1]
            if (before.surface == "の" and before.pos[1] == "準体助詞" and j > 1
                    and content[j - 2].main in ("動詞", "助動詞")) or before.norm in _THIS:
                return True
    return False


def _recalls(content: Sequence[Token]) -> bool:
    """「覚えていらっしゃいますか」「覚えてますかね？」: a memory offered in a letter, nothing to answer."""
    return any(t.lemma == "覚える" for t in content) and not any(
        t.norm in ("頂く", "貰う", "下さる", "呉れる") for t in content)


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
        if any((b.classes & BIT_FORMULA_PLEASE) for b in before):
            return False
        if _reported(toks, i):
            return False  # 「すぐ来てください」と言われ: someone else's ask
        if any(r.lemma in _THANKS or r.norm in _THANKS for r in toks[i + 1 : i + 3]):
            return False  # 親身に接してください有難うございます: くださり mistyped, thanks for what was done
        if _wish_for_them(toks, i):
            return False  # これからも頑張ってください: encouragement
        if _told_not_asked(toks, i):
            continue  # 説明してくださいました: what the shop did, told (an ask may follow)
        if _courtesy(toks, i):
            return False  # よろしくお伝えください / お付き合いください: nothing to do
        return not _causative_own_act(toks, i)
    return False


_THANKS: Final = ("ありがとう", "有り難う", "有難う", "感謝")


def _told_not_asked(toks: Sequence[Token], i: int) -> bool:
    """ください at i is the honorific of a statement: 説明してくださいました / 言ってくださいます(ね).

    The imperative is ください alone or くださいませ; 〜くださいますか, 〜くださいませんか and
    〜くださいますようお願いします ask. くださいますように ends a prayer, a wish for them.
    """
    t = toks[i]
    if not t.cform.startswith("連用形") or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    if nxt.lemma != "ます" or nxt.cform == "命令形":
        return False
    rest = toks[i + 2 : i + 6]
    if any(r.surface in ("か", "たら", "ば") for r in rest):
        return False  # くださいませんか / くださいましたら: asks
    if any(r.surface == "よう" for r in rest):
        return not any(r.norm == "願う" or r.surface in ("お願い", "願い") for r in toks[i + 2 :])
    return True


# 〜を許してください / 堪忍してください (an apology), 聞き流してください (leave offered), お付き合いください
# (the reader's part in this mail): nothing to do. 断る is leave only with 遠慮なく.
_LEAVE: Final = ("聞き流す", "読み流す", "読み飛ばす", "許す", "堪忍", "付き合う", "付き合い")


def _courtesy(toks: Sequence[Token], i: int) -> bool:
    """よろしくお伝えください, お付き合いください, 遠慮なくお断りください: a courtesy, not a task.

    伝える asks only a greeting passed on with よろしく (「担当の方に日付をお伝えください」 asks).
    """
    before = toks[max(0, i - 4) : i]
    if any(b.norm in _LEAVE or b.lemma in _LEAVE for b in before):
        return True
    if any(b.norm in ("受け取る", "納める") for b in before) and any(
            b.surface in ("どうぞ", "どうか", "ささやか", "心ばかり") for b in toks[:i]):
        return True  # どうぞお受け取りください / ささやかですがお納めください: a gift offered
    if any(b.lemma in ("断る", "断り") for b in before) and any(b.norm == "遠慮" for b in toks[:i]):
        return True  # ご迷惑でしたら遠慮なくお断りください (お断りしてください alone asks)
    return any(b.lemma == "伝える" for b in before) and any(b.norm == "宜しく" or b.surface == "よろしく"
                                                           for b in toks[:i])


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
        if _onegai_told(toks, i, after):
            return False
        if any(a.is_("事", "こと", "点") and k + 1 < len(after) and after[k + 1].surface in ("が", "は")
               for k, a in enumerate(after[:4])):
            return False  # お願いしたいことが三点ございます: announces the asks that follow
        if len(after) > 1 and after[0].norm == "為る" and after[1].is_("事", "こと", "の"):
            return False  # 修正をお願いすることもできます: an offer
        if any(a.surface in ("て", "で") for a in after[:2]) and any(a.norm == "居る" for a in after[:3]):
            return False  # お願いしている (an ongoing order), not an ask
        if after and after[0].norm == "為る" and len(after) > 1 and after[1].lemma == "た":
            return False
        if (after and after[0].norm == "為る" and after[0].cform.startswith("連用形")
                and (len(after) == 1 or (after[1].main not in ("助動詞", "助詞") and after[1].sub != "非自立可能"))):
            return False  # 姉にもお願いしやっと許してもらいました: one step of a story, chained, not an ask
        if after and after[0].norm == "為る" and after[0].cform.startswith("意志推量"):
            return False  # お願いしようと思っています: a plan told
        if len(after) > 1 and after[0].norm == "為る" and after[1].is_("予定", "つもり"):
            return False  # お寺にお願いする予定です: their plan with someone else
        if any(a.lemma == "た" for a in after[:3]) and not any(a.lemma == "たい" for a in after[:3]):
            return False
        before = [b for b in toks[:i] if b.main in ("名詞", "動詞", "形容詞") and b.surface not in ("お", "御")]
        concrete = [b for b in before if not (b.classes & BIT_FORMULA_NOUNS)]
        if concrete:
            return True
        if any(a.lemma in ("たい", "出来る", "できる") for a in after[:4]):
            return True
    return False


_FUTURE_WISH: Final = ("今後とも", "今後も", "これからも", "いつまでも", "末永く", "ますます", "益々")


def _onegai_told(toks: Sequence[Token], i: int, after: Sequence[Token]) -> bool:
    """お願い at i that makes no ask: a closing (〜をよろしくお願いします), the noun talked about
    (「急なお願いにもかかわらず」「変更のお願いです」), the plain verb in a story (「業者さんにお願い
    するとなると」), or what was asked before (「お願いしてきました」).

    「再送をお願いします」「お願いしたいのですが」「お願いできますか」 ask.
    """
    if any(b.norm == "宜しく" or b.surface == "よろしく" for b in toks[max(0, i - 3) : i]):
        return True  # 〜をよろしくお願いいたします: a closing formula
    if any(b.norm in ("受け取る", "納める") for b in toks[max(0, i - 5) : i]) and any(
            b.surface in ("どうぞ", "どうか", "ささやか", "心ばかり") for b in toks[:i]):
        return True  # どうぞお受け取りくださいますようお願いいたします: a gift offered
    said = "".join(t.surface for t in toks[:i])
    if any(w in said for w in _FUTURE_WISH) and any(b.surface in ("よう", "ように") for b in toks[max(0, i - 3) : i]):
        return True  # 今後とも地域の皆さまに愛されるお店であるようお願い申し上げます: a wish for their future
    if not after:
        return False
    head = after[0]
    if head.surface in ("です", "でした", "だ", "と", "に", "で", "の", "とは", "にも", "を") and not (
            head.surface == "を" and len(after) > 1 and after[1].norm in ("為る", "致す")):
        return True  # 急なお願いにも / 変更のお願いです: the noun, not the ask
    if head.norm == "為る" and head.cform.startswith(("終止形", "連体形")):
        return True  # お願いする際 / お願いするとなると: told, the polite ask takes ます or たい
    if (head.norm == "出来る" and head.cform.startswith("連体形") and len(after) > 1
            and after[1].main == "名詞" and after[1].sub != "数詞"):
        return True  # お願いできる翻訳会社を探しています: what they look for, not an ask of this shop
    return any(a.lemma == "た" for a in after[:5]) and not any(a.lemma == "たい" for a in after[:5])


def wants_from_shop(toks: list[Token]) -> bool:
    """〜たい on a verb that asks the shop for something, not a plan (〜たいと思っています)."""
    for i, t in enumerate(toks):
        if t.lemma != "たい" or i == 0:
            continue
        verb = toks[i - 1]
        if verb.norm in ("為る", "致す", "出来る") and i >= 2:
            verb = toks[i - 2]
        if verb.norm in ("頂く", "貰う"):
            if ((_causative_own_act(toks, i - 1) and not _about(toks[: i - 1])) or _contacted(toks[i + 1 :])
                    or _reported(toks, i)):  # 教えてもらいたいと申し出たところ: an ask reported
                continue  # ご相談させていただきたく: announces what the mail is about
            return True
        if not (verb.classes & BIT_ASK_VERBS):
            continue
        after = toks[i + 1 : i + 7]
        if (any(a.lemma in ("思う", "考える") for a in after) and any(a.norm in ("居る", "おる") for a in after)
                and not verb.in_(_CHANGE_VERBS)
                and not any(b.surface in ("あれば", "れば", "ば", "なら", "でしたら", "たら") for b in toks[:i])):
            return False  # a plan told (but 切り替えたいと / 体験があれば受けてみたいと思っています asks)
        if _contacted(toks[i + 1 :]):
            return False  # ご相談したいことがあってご連絡しました: why they write, the ask comes later
        if _wish_told(toks, i):
            return False  # お願いしたいことが二点ございます / ご相談したいのは〜です: announces the asks
        return not any(a.norm == "居る" or a.lemma == "者" for a in after)
    return False


_CONTACT_WORDS: Final = ("連絡", "メール", "筆", "便り", "問い合わせ", "問合せ", "お便り", "手紙")


def _contacted(toks: Sequence[Token]) -> bool:
    """「〜ご連絡いたしました」「筆をとりました」: the writer says they are writing, in the past."""
    for i, t in enumerate(toks):
        if t.norm in _CONTACT_WORDS or t.surface in _CONTACT_WORDS:
            # ご連絡させていただきました: the past may come six words after
            return any(a.lemma == "た" for a in toks[i + 1 : i + 7])
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
            if verb.classes & (BIT_ORDER_VERBS | BIT_ASK_VERBS):
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
            if content[k].classes & BIT_ASK_VERBS and not visit:
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


# 「いくつか教えてください」: how many questions follow.
_HOW_MANY: Final = frozenset({"幾つ", "一つ", "二つ", "三つ", "少し", "点", "何点", "数点"})


def _preface(toks: list[Token]) -> bool:
    """「質問させてください」「いくつか質問があります」「教えてください」 alone: announces an ask."""
    content = [t for t in content_of(toks) if t.main in ("名詞", "動詞") and t.lemma != "すむ"]
    core = [t.norm for t in content if t.norm not in _HOW_MANY and t.sub != "数詞"]
    if core in (["教える", "下さる"], ["教える", "頂ける"], ["教える", "頂く"]) and (
            len(core) < len(content) or core[1] == "下さる"):
        return True  # 教えてください alone / いくつか教えていただけますか: the questions follow
    verbs = [t for t in content if not (t.classes & BIT_PREFACE_VERBS)
             and t.norm not in _PREFACE_FILLERS]
    return any((t.classes & BIT_PREFACE_VERBS) for t in content) and not verbs


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
    content = content_of(toks)
    if content and content[-1].surface in ("か", "かね", "かな", "かしら"):
        return False
    return all((t.classes & (BIT_FORMULA_NOUNS | BIT_FORMULA_PLEASE)) or t.norm in _CLOSING_WORDS
               or t.lemma in _CLOSING_WORDS for t in words)


def _is_hedged(toks: list[Token]) -> bool:
    """できれば〜たいのですが / なるべく〜のですが: a wish put to the shop."""
    content = content_of(toks)
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


# 〜と助かります / 〜ば幸いです / 〜できたら理想です / 〜届けばOKです: a condition the shop should meet.
_GLAD_IF: Final = ("助かる", "ありがたい", "有り難い", "幸い", "幸甚", "安心", "理想", "嬉しい", "うれしい", "最高",
                   "大丈夫", "OK", "ＯＫ")

