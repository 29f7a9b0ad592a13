"""The worry detector's rules: does this clause tell an anxiety of the writer's, present and theirs?

Two kinds of rules. A rule on the clause (`Clause` -> verdict) decides for the
whole clause; the only one is a veto. A rule at a token (`toks, i` -> verdict)
looks at the clause's words outside quotes (「もう怖い」と言った: someone else's
words) from position i: the detector walks the tokens and asks each rule in the
registry's order at each one, so the first token where some rule fires decides,
and the cue names that rule's words. Verdicts: a cue (`CueKind:words`), "" (no
verdict) or `NOT` (a veto).

A worry is an anxiety word (心配, 不安, 怖い, 焦る, 気が気でない, どうしよう) — or, as most real
worries are said, without one: a feared possibility (〜のではないかと, 〜んじゃないか), a feared
thought and what thinking it does (〜たらと思うと, 〜のかと考えると), a body that shows it now
(胃が痛い, 手が震える, 食事が喉を通らない, after what sets it off), a question the writer cannot stop
thinking about (〜か、そればかり考えてしまいます), something on their mind now (〜ないか引っかかって
います), a hope that the feared thing has not happened (〜ないといいのですが), how bad a condition
would be (〜たらやばい / 顔向けできない) or a fear that holds them back (〜ないかと、ためらっています);
an outcome that may well come (信用を失いかねません) or a deadline they will miss (このペースだと
間に合いません); a question they cannot answer (〜のか見当もつきません / 判断がつきません / 見通しが
立ちません / 〜たら、…のかどうかも分かりません); a doubt they cannot shake (〜のか半信半疑です); nerves
now (今から緊張しています / 私のほうがドキドキしています); a thought that wakes them at night (そのことを考えると、
夜中に目が覚めてしまいます); the loss a feared condition would bring, told as what will happen (このまま止まったら、
店を閉めるしかなくなってしまいます / 期日までに届かないと、発表会に出られなくなります).

Not the traps around them: negated (心配はしていません; but 不安で仕方ありません is no negation),
told as past (怖くて途中で帰りました: a story, a disclosure; 怖くなってしまいました and 不安になり、
ご連絡しました are still now), someone else's (本人は落ち込んでいます, 娘が怖がって, 心配されて),
looked back on (〜たらと思うと、今でもぞっとします), an opinion (〜のではないかと思います), a glad
thought (〜と思うと楽しみです), resolved (心配でしたが…安心しました) or the shop's own phrase (ご心配);
a skill told (料理は自信がありません), a weak point named (膝に不安がある方), a general remark (〜のは怖い
ものですね), someone's words reported (不安だと話しています), a requirement or an ask's reason (青でない
と困ります / 車がないと困ってしまいます / 〜と困るので), how a thing always goes (洗うと縮んでしまいます: a plain
〜と with no deadline, このまま or もし), a habit (混んでいると落ち着かない), or what the writer does not know
told as a layman (素人なので見当がつきません: a disclosure).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from app.analysis.detectors.common import (
    BIT_NERVOUS,
    BIT_RELIEF,
    BIT_RISK,
    BIT_SELF,
    BIT_WORRY,
    NOT,
    OTHERS,
    is_neg,
    span,
    unquoted,
)
from app.analysis.lexicon import NEAR_DATES
from app.analysis.segment import Clause
from app.analysis.tokenizer import Token
from app.model import CueKind, make_cue

_LIGHT_VERBS: Final = ("為る", "居る", "有る", "成る", "御座る", "致す", "おる", "居る", "無い", "です", "だ", "ます",
                "てる", "仕舞う", "ちゃう", "しまう", "思う", "感じる", "為さる")
_HEARSAY: Final = frozenset({"よう", "様", "らしい", "みたい"})
_SOMEONE: Final = frozenset({"本人", "彼", "彼女"})
# どう and its dialect forms (どないしよ, どげんしよう, どがんしよう).
_HOW: Final = frozenset({"どう", "どない", "どげん", "どがん", "どぎゃん", "どがい"})
# What may stand between a question and 「気になる」 when the question is what is on their
# mind (「〜ないか、それが一番気になっています」): pointers and degree words, nothing of its own.
_POINTERS: Final = frozenset({"一番", "いちばん", "点", "ところ", "所", "事", "こと", "何より", "少し", "ちょっと",
                              "特", "本当", "非常", "大変", "とても", "すごく", "正直"})


# ---------------------------------------------------------------- on the clause


def anothers_feeling(clause: Clause) -> str:
    """Veto: 「本人は今からずいぶん不安なようです」: how someone else feels, as the writer sees it.

    Told, not the writer's own anxiety (a family member is a disclosure's business).
    """
    return NOT if _anothers_feeling(clause.content) else ""


def kept_awake_last_night(clause: Clause) -> str:
    """「〜たらと思うと、昨夜は一睡もできませんでした」「〜のかと思うと、ゆうべはほとんど眠れませんでした」: a
    fear that kept the writer awake last night. Past in form, but the night before the mail: the fear is
    still theirs as they write, not a story told (runs before `told_as_past`, which would take it as one).

    Needs the night named (昨夜 / 昨晩 / ゆうべ / 昨日の夜), the sleep lost (眠れなかった / 一睡もできなかった)
    and what kept them up before it: an open question, a fear, a condition or a thought of it (〜と思うと).
    Not 昨夜は痛がって眠れませんでした (a body in pain, nothing feared), not a danger escaped looked back
    on (〜ていたらと思うと: it did not happen), not someone else's night (眠れなかったようです).
    """
    toks = unquoted(clause.content)
    night = -1
    for k, x in enumerate(toks):
        if x.surface in _LAST_NIGHT or (x.surface == "夜" and k >= 2 and toks[k - 1].surface == "の"
                                        and toks[k - 2].surface == "昨日"):
            night = k
            break
    if night < 1 or any(x.surface in _HEARSAY for x in toks[-4:]):
        return ""
    sleep = next((k for k in range(night + 1, len(toks)) if toks[k].lemma in _SLEEP or toks[k].norm in _SLEEP
                  or toks[k].surface == "一睡"), -1)
    if sleep < 0 or not any(is_neg(x) for x in toks[sleep + 1 : sleep + 5]):
        return ""
    if not _dread_trigger(toks, night):
        return ""
    if any(x.surface in ("たら", "だら") and toks[j - 1].norm == "居る" and toks[j - 2].surface in ("て", "で")
           for j, x in enumerate(toks[:night]) if j >= 2):
        return ""  # 〜食べさせていたらと思うと: what did not happen, escaped
    return make_cue(CueKind.RESTLESS, span(toks, night, min(len(toks), sleep + 4)))


_LAST_NIGHT: Final = frozenset({"昨夜", "昨晩", "ゆうべ", "夕べ", "昨夜中"})
_SLEEP: Final = frozenset({"眠れる", "眠る", "寝る", "寝られる", "寝付ける", "寝つける", "寝付く", "寝つく"})


def _lost_sleep_last_night(content: Sequence[Token]) -> bool:
    """The clause says sleep was lost last night (昨夜はほとんど眠れませんでした): a past of the night before
    the mail, which leaves a worry told before it the writer's now (`told_as_story`)."""
    night = next((k for k, x in enumerate(content) if x.surface in _LAST_NIGHT), -1)
    if night < 0 or any(x.surface in _HEARSAY for x in content[-4:]):
        return False
    for k in range(night + 1, len(content)):
        x = content[k]
        if x.lemma in _SLEEP or x.norm in _SLEEP or x.surface == "一睡":
            return any(is_neg(y) for y in content[k + 1 : k + 5])
    return False


def told_as_past(clause: Clause) -> str:
    """Veto: 「怖くて途中で上がりました」「不安でいっぱいでした」「途方に暮れていました」: the clause's own
    predicate is past, so whatever anxiety it names is a story told (a disclosure), not one the writer has now.

    Not a past inside it (届かなかったら: a condition; 生きた心地がしない: a past form before a noun):
    only a past that ends the clause, with nothing after it but particles and endings (〜でしたが /
    〜たのです / 〜たけど).
    """
    return NOT if _ends_past(clause.content) else ""


# ---------------------------------------------------------------- at a token, in the registry's order


def no_confidence(toks: list[Token], i: int) -> str:
    """〜られるか自信がないです / 一人で見られる自信がなくて / 見落としそうで自信がありません: no confidence
    that something will go right, now (not 自信がなかった).

    What they lack confidence in is an outcome: an open question (〜か), what they would manage (〜られる
    自信) or a slip they foresee (〜そうで). Not 料理は自信がありません / 二重太鼓はまだ自信がありません: a
    skill they have not got, told (a disclosure of what they can do).
    """
    t = toks[i]
    if not (t.is_("自信") and any(is_neg(x) or x.is_("無い") for x in toks[i + 1 : i + 5]) and not any(
            x.lemma == "た" for x in toks[i + 1 : i + 5])):
        return ""
    k = i - 1
    while k > 0 and (toks[k].main in ("副詞", "補助記号", "空白") or toks[k].surface in ("に", "は", "が", "も")
                     or toks[k].surface in _POINTERS):
        k -= 1
    x = toks[k] if k >= 0 else None
    if x is None or not (x.surface in ("か", "かどうか")
                         or (x.main in ("動詞", "助動詞") and x.cform.startswith("連体"))
                         or (x.surface in ("で", "て") and k > 0 and toks[k - 1].surface == "そう")):
        return ""  # 料理は自信がありません: a skill, told
    return make_cue(CueKind.WORRY_WORD, span(toks, i, i + 3))


def worry_not_held(toks: list[Token], i: int) -> str:
    """Veto: an anxiety word that names a worry no one here holds now: someone else's (本人の不安が和らぐ
    ように / 妻の不安な顔), a kind of worry listed (そういう不安とか), one caused in others (不安を与える /
    不安を増進させる / 不安をあおる), a fear reported as hearsay (入れるのが怖いそうです), or a thing
    described as frightening (怖い話ばかり耳に入る / 怖い場面がある本: an adjective before its noun).

    Not the writer's own (私の不安 / 不安を感じています / 不安を募らせています / 怖い気持ちでいっぱいです), and
    not when the clause goes on to an anxiety of its own (怖い人だったらどうしよう / 怖い記憶がよみがえるのでは
    ないかと心配です): the veto speaks only for a clause with no other worry cue after the word.
    """
    if any(x.classes & _ANXIETY or x.surface in _HOW for x in toks[i + 1 :]):
        return ""  # 怖い人だったらどうしよう / 怖い記憶が…のではないかと心配です
    t = toks[i]
    if i >= 2 and toks[i - 1].surface == "の" and toks[i - 1].main == "助詞":
        who = toks[i - 2]
        if not who.classes & BIT_SELF and (who.classes & OTHERS or who.surface in _SOMEONE):
            return NOT  # 本人の不安 / 妻の不安な顔
    kind_of = i >= 1 and (toks[i - 1].surface in _KIND_OF or (
        i >= 2 and toks[i - 1].norm == "言う" and toks[i - 2].surface in ("そう", "こう", "ああ")))
    if kind_of and i + 1 < len(toks) and (toks[i + 1].surface in _LISTING or (
            toks[i + 1].surface == "と" and i + 2 < len(toks) and toks[i + 2].surface == "か")):
        return NOT  # そういう不安とか: a kind named in a list
    if i + 2 < len(toks) and toks[i + 1].surface == "を":
        verb = toks[i + 2]
        if verb.norm in _GROWING:
            return ""  # 不安を募らせています: the writer's own, growing
        if verb.lemma in _CAUSED or verb.norm in _CAUSED or any(
                x.lemma in ("せる", "させる") and x.main == "助動詞" for x in toks[i + 3 : i + 5]):
            return NOT  # 不安を与える / 不安を増進させる: caused in others
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if t.main == "形容詞" and nxt is not None and nxt.surface == "そう" and nxt.sub == "助動詞語幹":
        return NOT  # 指を入れるのが怖いそうです: hearsay, someone else's fear reported
    if (t.main == "形容詞" and t.cform.startswith("連体") and nxt is not None and nxt.main == "名詞"
            and nxt.sub != "助動詞語幹" and nxt.norm not in _FELT):
        return NOT  # 怖い話 / 怖い場面: a thing described, not a feeling held
    return ""


# After an anxiety adjective, nouns that name the feeling itself (怖い気持ち / 心細い思い) or point at what is
# feared (今いちばん怖いところです / 心許ない点): still the writer's.
_FELT: Final = frozenset({"気持ち", "思い", "想い", "気", "感じ", "心持ち", "気分", "心地", "心境", "毎日", "日々",
                          "夜", "ところ", "所", "点"})
_ANXIETY: Final = BIT_WORRY | BIT_NERVOUS


# Determiners that name a kind (そういう不安とか); after the worry word, a listing particle.
_KIND_OF: Final = frozenset({"そういう", "そういった", "ああいう", "ああいった", "こういう", "こういった", "そんな",
                             "こんな", "あんな"})
_LISTING: Final = frozenset({"とか", "など", "なんか", "や"})
# 不安を募らせる: causative in form, the writer's own worry growing.
_GROWING: Final = frozenset({"募る", "募らせる"})
# Verbs that cause a worry in someone (不安を与える / あおる): the worry is theirs, not the writer's.
_CAUSED: Final = frozenset({"与える", "煽る", "あおる", "招く", "増す", "増やす", "かき立てる", "掻き立てる",
                            "植え付ける", "増進"})


def worry_word(toks: list[Token], i: int) -> str:
    """An anxiety word (心配, 不安, 怖い, 焦る) the writer has now.

    Not ご心配 (the shop's phrase), 心配性 (a trait), 心配り (thoughtfulness), 心配をおかけして (someone else's worry),
    不安な点があれば (a possibility), 心配はしていません (negated) or 心配していた納期 /
    不安でしたが (past, and something else follows).
    """
    return make_cue(CueKind.WORRY_WORD, toks[i].surface) if _worry_at(toks, i) else ""


def doushiyou(toks: list[Token], i: int) -> str:
    """どうしよう (どないしよ / どげんしよう / どうすっぺ): at a loss.

    Not どうしようか迷う (indecision between choices), unless a feared condition comes first:
    「友達ができなかったらどうしようかと」 is the dread again.
    """
    t = toks[i]
    if (t.surface == "ど" and i + 3 < len(toks) and toks[i + 1].surface == "ない" and toks[i + 2].surface == "し"
            and toks[i + 3].surface == "よ"):
        return make_cue(CueKind.DOUSHIYOU, span(toks, i, i + 4))  # 〜たらどないしよ, which Sudachi cuts after たら
    if t.surface not in _HOW or i + 1 >= len(toks):
        return ""
    nxt = toks[i + 1]
    after = toks[i + 2] if i + 2 < len(toks) else None
    if nxt.norm == "為る" and nxt.cform.startswith("意志推量"):
        end = i + 2
    elif nxt.surface == "し" and after is not None and after.surface == "よ":
        end = i + 3  # どうしよ / どないしよ
    elif nxt.surface == "す" and after is not None and after.surface == "っぺ":
        end = i + 3  # どうすっぺ
    else:
        return ""
    if end < len(toks) and toks[end].surface == "か" and not any(_condition_at(toks, j) for j in range(1, i)):
        return ""
    return make_cue(CueKind.DOUSHIYOU, span(toks, i, end))


def ki_ga_ki_denai(toks: list[Token], i: int) -> str:
    """気が気でない: too anxious to rest."""
    t = toks[i]
    if t.surface == "気" and i + 2 < len(toks) and toks[i + 1].surface == "が" and toks[i + 2].surface == "気":
        return make_cue(CueKind.RESTLESS, span(toks, i, i + 7))
    return ""


def restless(toks: list[Token], i: int) -> str:
    """気が休まらない / 落ち着かない / 届くか気になって夜も眠れない: restlessness from worry.

    Also 〜を考えると落ち着いて仕事ができません (what sets it off, then calm out of reach).
    眠れない alone is a circumstance (a baby keeping them up): it needs an open question
    before it, or 〜のことを考えると (kept awake by thinking about it). Not a habit or a trait (混んでいると
    落ち着かないので / 飲み忘れると落ち着かない性分 / 落ち着かない様子 / 落ち着かないこともあります): whenever
    something happens, nothing feared now.
    """
    t = toks[i]
    after = toks[i + 1 : i + 6]
    if any(x.surface in ("性分", "性格", "質", "様子", "こと", "事", "ので", "ため")
           or (x.surface == "の" and y.surface == "で") for x, y in pairwise(after)):
        return ""  # a trait, someone's look, now and then, or the reason for an ask
    if not _dread_trigger(toks, i) and any(
            x.surface == "と" and x.main == "助詞" and j > 0 and toks[j - 1].main in ("動詞", "助動詞")
            and toks[j - 1].lemma != "た" and toks[j - 1].cform.startswith(("終止", "連体"))
            and toks[j + 1].norm not in _SAYING  # 〜になると聞いてから: a quotation, not a condition
            for j, x in enumerate(toks[:i])):
        return ""  # 日があると / 変わると落ち着かない: whenever it happens
    if (t.lemma == "落ち着く" and i + 1 < len(toks) and toks[i + 1].surface in ("て", "で") and _dread_trigger(toks, i)
            and any(x.norm in ("出来る",) or x.lemma in ("できる", "出来る") for x in toks[i + 2 : i + 6])
            and any(is_neg(x) for x in toks[i + 3 : i + 8])
            and not any(x.lemma == "た" and x.main == "助動詞" for x in toks[i + 2 : i + 9])):
        return make_cue(CueKind.RESTLESS, span(toks, i, i + 2))  # それを考えると落ち着いて仕事ができません
    sleep = t.lemma in ("眠れる", "寝つける", "寝付ける") or t.norm == "寝付く"
    if ((t.lemma in ("休まる", "落ち着く") or sleep) and _negated_here(toks, i)
            and (not sleep or any(x.surface in ("か", "たら", "ば") for x in toks[:i]) or _dread_trigger(toks, i)
                 # 〜のことを考えると眠れない: kept awake by thinking about it
                 or any(x.norm in ("考える", "思う") and toks[j + 1].surface == "と"
                        for j, x in enumerate(toks[: i - 1])))):
        return make_cue(CueKind.RESTLESS, span(toks, i, i + 2))
    return ""


def _negated_here(toks: Sequence[Token], i: int) -> bool:
    """The verb at i is itself negated (落ち着かない, 眠れません, 休まらず; also 〜ていられない): not a
    negation further on (「落ち着いた声がなかったら」: a calm voice, the ない is another predicate's)."""
    for x in toks[i + 1 : i + 6]:
        if is_neg(x):
            return True
        if x.main not in ("助動詞", "助詞", "動詞") or (x.main == "動詞" and x.sub != "非自立可能"):
            return False
    return False


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
    """間に合わないと困ります / 〜たら困る / 週末までに届かないと本当に困る: a feared consequence.

    Not 困っています or 困りました: a problem told, not feared. Not a requirement put to the shop: a
    thing's specification (青でないと困ります / 組み立てが必要なものだと困ります: a noun with だと / でないと),
    the reason for an ask (冷凍庫に入りきらないと困るので、教えてください), or what the writer always needs
    (車がないと困ってしまいます / 量が減ると困ります: a plain 〜と with no case to come — no deadline, このまま
    or もし — says how things are, not what is feared).
    """
    t = toks[i]
    if t.lemma != "困る":
        return ""
    k = _before_adverbs(toks, i)
    if k >= 1 and toks[k].surface == "と" and (
            (toks[k - 1].norm == "だ" and toks[k - 1].surface == "だ")
            or (is_neg(toks[k - 1]) and k >= 2 and toks[k - 2].surface in ("で", "じゃ"))):
        return ""  # 〜ものだと困ります / 青でないと困ります: what the thing must be
    if any(x.surface in ("ので", "から") or (x.surface == "の" and y.surface == "で")
           for x, y in pairwise(toks[i + 1 : i + 6])):
        return ""  # 〜と困るので、…: the reason for an ask
    if toks[k].surface == "と" and not _case_to_come(toks, k):
        return ""  # 車がないと困ってしまいます / 量が減ると困ります: what the writer needs, always
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
    """〜のかドキドキ / 〜かそわそわ: nervous about an open question (alone, ドキドキ may be excitement);
    or the state told as the writer's now, the clause ending on it (親の私のほうがドキドキしています).

    Not 楽しみでドキドキしています (looking forward: excitement), not ドキドキしていました (past), not
    娘がそわそわしているようです (someone else's), not 練習の音にこちらまでドキドキしています (こちらまで /
    私まで: caught from someone else's moment, sympathy more than fear).
    """
    if any(x.surface in ("か", "たら", "ば") for x in toks[:i]):
        return make_cue(CueKind.NERVOUS, toks[i].surface)
    rest = [x for x in toks[i + 1 :] if x.main not in ("補助記号", "空白")]
    if (len(rest) >= 3 and rest[0].norm == "為る" and rest[1].surface in ("て", "で")
            and (rest[2].norm == "居る" or rest[2].lemma in ("いる", "おる", "てる", "とる"))
            and all(x.main in ("助動詞", "助詞") and x.lemma != "た" and x.surface not in _HEARSAY
                    and x.surface not in ("が", "けど", "けれど") for x in rest[3:])
            and not any(x.norm in _GLAD or x.surface in _GLAD for x in toks)
            and not any(x.surface == "まで" and j > 0
                        and (toks[j - 1].main == "代名詞" or toks[j - 1].classes & BIT_SELF)
                        for j, x in enumerate(toks[:i]))
            and not _someone_elses(toks, i)):
        return make_cue(CueKind.NERVOUS, span(toks, i, i + 4))
    return ""


def risk_on_mind(toks: list[Token], i: int) -> str:
    """安全性が気になる / 副作用が気になる: a risk on their mind (not 「Lサイズが気になっています」: interest)."""
    t = toks[i]
    if (t.surface == "気" and i + 2 < len(toks) and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る"
            and i >= 2 and toks[i - 1].surface in ("が", "も") and _is_risk(toks[i - 2])):
        return make_cue(CueKind.RISK, span(toks, i - 2, i + 3))
    return ""


def whether_on_mind(toks: list[Token], i: int) -> str:
    """〜か(も)気になって / 〜ないか、それが一番気になっています: keeps worrying whether.

    Not いくつか気になっていることがあります (いくつか: "some", no question; and it announces what follows).
    """
    t = toks[i]
    if t.surface == "気" and i + 2 < len(toks) and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る":
        k = i - 1
        while k > 0 and (toks[k].main in ("代名詞", "副詞", "連体詞", "補助記号") or toks[k].surface in _POINTERS
                         or toks[k].surface in ("が", "も", "は")):
            k -= 1  # pointers back to the question: それが / 一番 / 少し
        if k > 0 and toks[k - 1].norm in _SOME:
            return ""  # いくつか / 何か: "some", not a question
        if k >= 0 and toks[k].surface == "か" and k < i and (k == i - 1 or _worry_at(toks, i)):
            return make_cue(CueKind.WONDERING, span(toks, k, i + 3))
    return ""


# Before か, words that make it "some" (いくつか, 何か), not a question.
_SOME: Final = frozenset({"幾つ", "いくつ", "何", "なに", "誰", "どこ", "何処", "いつ", "何時"})
_CONSEQUENCES: Final = frozenset({"しまう", "仕舞う", "ちゃう", "かねる", "影響", "間に合う", "困る", "無理", "出来る",
                                   "できる", "なる", "成る"})


def memory_on_mind(toks: list[Token], i: int) -> str:
    """Veto: 「振り返ったあの子の顔が、今も頭から離れません」「あれから、その言葉が頭から離れないんです」: a
    memory that stays — a face, words, a scene, or what has stayed since a moment back then — not a
    feared thing (`preoccupied` hears 頭から離れない as a worry).

    Not when a fear or an open question is what stays (〜のではないかと、それが頭から離れません / 〜たら
    どうしようという思いが頭から離れません), and not a thing with no memory named (〜と言われたことが、
    ずっと頭から離れません / ヒートショックのことが頭から離れません).
    """
    rest = toks[i + 1 : i + 5]
    if not (toks[i].surface == "頭" and len(rest) >= 3 and rest[0].surface == "から" and rest[1].lemma == "離れる"
            and any(is_neg(x) for x in rest[2:4])):
        return ""
    if any(_open_or_feared(toks, j) or toks[j].cform.startswith("意志推量") for j in range(1, i)):
        return ""
    for j in range(i):
        x = toks[j]
        if x.surface in _REMEMBERED or x.norm in _REMEMBERED:
            return NOT  # その言葉が / あの子の顔が: a memory
        if x.surface in _SINCE_THEN or (x.surface == "から" and j >= 2 and toks[j - 1].surface in ("て", "で")
                                         and toks[j - 2].main == "動詞"):
            return NOT  # あれから / 帰ってから: what has stayed since
    return ""


# What a memory is made of (頭から離れない: a face, words, a scene), and anchors at a moment back then.
_REMEMBERED: Final = frozenset({"顔", "姿", "言葉", "声", "笑顔", "表情", "光景", "場面", "一言", "台詞", "せりふ",
                                "セリフ", "メロディー", "歌", "曲"})
_SINCE_THEN: Final = frozenset({"あれから", "あの日", "あの時", "あのとき"})


def preoccupied(toks: list[Token], i: int) -> str:
    """Anxiety said as an idiom, now: 頭から離れません / 頭を抱えています / 居ても立ってもいられない /
    気が重い / 気を揉んでいます / このままでは…影響が出てしまいます.

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
        elif (rest[0].surface == "を" and rest[1].norm == "過る"
              and any(_open_or_feared(toks, j) for j in range(1, i))):
            found = 2  # 〜のか、走るたびに頭をよぎります (not 昔のことが頭をよぎります: nothing feared)
        elif rest[0].lemma == "抱える" and any(x.lemma in ("てる", "いる", "居る", "おる") or x.norm == "居る"
                                               for x in rest[1:3]):
            found = 1  # 頭抱えてます (を left out)
        elif (rest[0].surface == "を" and rest[1].lemma == "抱える"
              and any(x.lemma in ("てる", "いる", "居る", "おる") or x.norm == "居る" for x in rest[2:4])):
            found = 2
    elif (t.lemma == "立つ" and i >= 3 and toks[i - 1].surface == "も" and toks[i - 2].surface == "て"
          and toks[i - 3].norm == "居る"):
        return make_cue(CueKind.RESTLESS, span(toks, i - 3, i + 5))
    elif t.surface == "気" and len(rest) >= 2 and rest[0].surface == "が" and rest[1].lemma == "重い":
        found = 2
    elif (t.surface == "気" and len(rest) >= 4 and rest[0].surface in ("を", "が")
          and (rest[1].lemma in ("揉む", "揉める") or rest[1].norm in ("揉む", "揉める"))
          and rest[2].surface in ("て", "で")
          and (rest[3].lemma in ("いる", "おる") or rest[3].norm == "居る")):
        found = 2  # 気を揉んでおります / 気が揉めています (気を揉むのも良くない: not now)
    elif (t.surface == "気" and len(rest) >= 4 and rest[0].surface == "が" and rest[1].lemma == "急く"
          and rest[2].surface in ("て", "で") and (rest[3].lemma in ("いる", "おる") or rest[3].norm == "居る")):
        found = 2  # 今から気が急いています
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


def feared_maybe(toks: list[Token], i: int) -> str:
    """〜のではないかと / 〜んじゃないか / 〜んちゃうか / 〜んでねえか: a bad possibility the writer fears.

    「息子が嫌いになってしまうんじゃないかと思うと」「信用を失うのではないかと、手が震えて」, or the
    sentence left hanging on it (「自分が泣き崩れてしまうのではないか。」). Not the polite question
    〜のではないでしょうか (a suggestion put to the shop: its か follows でしょう), not a guess about
    what already happened (「箱の中で動いたのではないかと思います」: a past before の) unless a
    reaction of the writer's follows (〜たのではないかと気になって), and not 〜かと思いますが (an opinion
    leading into the ask). A sentence left hanging on it is a fear only when something befalls in it
    (〜てしまう, からかわれる, 〜なくなる, 迷惑 / 傷): 「電子版があれば安くなるのではないか。」「区分けする
    理由がないのではないか。」 argue a point (complaints and opinions put them so).
    """
    if toks[i].surface != "か" or i < 3:
        return ""
    k = i - 1
    if toks[k].surface in ("ちゃう", "ちゃうん"):
        k -= 1  # 〜んちゃうか (関西)
    elif is_neg(toks[k]) or toks[k].norm == "無い":
        k -= 1
        if toks[k].surface == "は":
            k -= 1  # 〜のではないか
        if k < 1 or toks[k].norm != "だ" or toks[k].surface not in ("で", "じゃ", "や"):
            return ""
        k -= 1
    else:
        return ""
    if k < 0 or toks[k].surface not in ("の", "ん"):
        return ""
    after = [x for x in toks[i + 1 :] if x.main != "空白"]
    while after and after[0].surface in ("な", "なあ", "なぁ"):
        after = after[1:]  # 〜んじゃないかな
    before = toks[max(0, k - 6) : k]
    if _hindsight(toks, i) or (before and before[-1].norm == "良い"):
        return ""  # 〜と、今でも胸が痛みます (looked back on) / 〜た方がいいのではないか (a suggestion)
    if any((x.norm in _NOT_FEARING or x.lemma in _NOT_FEARING or x.surface in _NOT_FEARING) and x.surface != "いう"
           and x.surface != "という" for x in after[:8]):
        return ""  # 〜のではないかと期待しています / 〜という声が上がって / 〜と園長と話しております
    if any(x.classes & OTHERS and y.surface in ("が", "は", "も") and y.main == "助詞"
           for x, y in zip(after[:6], after[1:7], strict=False)):  # noqa: RUF007 (only the first few)
        return ""  # 〜のではないかと、オーナー様が気にされております: someone else's fear
    if any(x.lemma in ("くれる", "呉れる", "もらえる", "貰える") or x.surface in ("きっと", "喜ぶ") or x.lemma == "喜ぶ"
           for x in before):
        return ""  # 〜笑ってくれるんじゃないかな: a hope, not a fear
    if (after and after[0].surface in ("と", "って") and len(after) > 2 and after[1].norm in ("思う", "考える")
            and (after[2].lemma == "ます" or (after[2].surface == "て" and len(after) > 3))
            and not _has_reaction(after[2:])
            and not any(x.lemma in _DONE_FOR or is_neg(x) for x in before)):
        return ""  # 〜のではないかと思います / 考えています: an opinion (unless what it fears is said: 〜てしまう)
    if k > 0 and toks[k - 1].lemma == "た" and not _has_reaction(after):
        return ""  # 〜たのではないか: a guess about what happened
    if not any(x.main not in ("補助記号", "空白") for x in after) and not any(
            x.lemma in _BEFALLING or x.norm in _BEFALLING or (x.lemma in ("れる", "られる") and x.main == "助動詞")
            or (x.norm == "成る" and toks[j - 1].surface in ("なく", "無く"))
            for j, x in enumerate(toks[: k]) if j >= max(1, k - 6)):
        return ""  # 電子版があれば安くなるのではないか。/ 区分けする理由がないのではないか。: an argument put
    return make_cue(CueKind.FEARED_IF, span(toks, max(0, k - 2), i + 1))


# In a sentence left hanging on 〜のではないか, what makes it a fear: something befalls (〜てしまう, passive
# からかわれる, 〜なくなる) or a harm is named (迷惑 / 傷がつく / パニック).
_BEFALLING: Final = frozenset({"しまう", "仕舞う", "ちゃう", "ちまう", "なくなる", "無くなる", "迷惑", "傷", "失う",
                               "パニック", "怪我", "病気", "倒れる", "困る", "駄目", "だめ", "ダメ", "台無し"})


def feared_thought(toks: list[Token], i: int) -> str:
    """〜たらと思うと / 〜のではと考えると / 〜のかと思うと / 〜かもしれないと思うと: a feared thought,
    and what thinking it does (〜と思うと胸が痛みます / 〜と考えてしまいます / 〜と考えるだけで).

    The thought is feared when it is a condition (〜たら / 〜ば), a possibility (〜のでは / 〜かもしれない)
    or an open question (〜のか / 〜だろう). Not 「娘が喜ぶと思うと楽しみです」 (a glad thought), not
    「あのとき気づかなかったらと思うと、今でもぞっとします」 (a past escaped, thought of now), not
    「〜と思います」 (an opinion).
    """
    t = toks[i]
    if t.norm not in ("思う", "考える") or i < 2 or toks[i - 1].surface not in ("と", "って"):
        return ""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return ""
    after = toks[i + 2] if i + 2 < len(toks) else None
    thinking = (nxt.surface in ("と", "たら", "ば", "だけ") or nxt.lemma == "込む"
                or (nxt.lemma in ("出す", "始める") and after is not None and after.surface in ("と", "たら", "ば"))
                or (nxt.surface in ("て", "で") and after is not None and after.lemma in _DONE_FOR))
    if not thinking:
        return ""
    k = _feared_content(toks, i - 1)
    if k < 0 or _hindsight(toks, i) or _glad_after(toks, i):
        return ""
    return make_cue(CueKind.FEARED_IF, span(toks, k, i + 2))


def anxious_body(toks: list[Token], i: int) -> str:
    """A body that shows the anxiety, now: 胃が痛い / 胸がざわつく / 手が震える / 冷や汗 / 心臓がバクバク /
    食事が喉を通らない / 寝つきが悪い / 足がすくむ / 頭が真っ白 / 生きた心地がしない.

    Only with what sets it off in the same clause — an open question (〜か), a feared possibility
    (〜のでは), a condition (〜たら), a thought (〜と思うと / 考えるだけで) or 〜たびに / 今から:
    「最近胃が痛くて」 alone is a symptom (a disclosure). Not in hindsight (今でも手が震えます after
    a danger escaped).
    """
    found = _body_sign(toks, i)
    if not found or _hindsight(toks, i) or _glad_after(toks, i):
        return ""
    # 食事が喉を通らない: food will not go down (not 青魚はどうしても喉を通りません, a dislike)
    meal = toks[i].surface in ("喉", "のど") and any(x.surface in _MEALS for x in toks[max(0, i - 4) : i])
    if toks[i].surface not in _SIGNS_ALONE and not meal and not _dread_trigger(toks, i):
        return ""
    if _someone_elses(toks, i) or any(x.surface == "様子" for x in toks[i + found : i + found + 3]):
        return ""  # 娘は…ご飯が喉を通らない様子です: someone else's
    return make_cue(CueKind.RESTLESS, span(toks, i, i + found))


def woken_by_thought(toks: list[Token], i: int) -> str:
    """そのことを考えると、夜中に目が覚めてしまいます / 〜のかと思うと、明け方に目が覚めます: a thought that
    wakes the writer at night, now — lost sleep said as waking rather than as 眠れない (`restless`).

    Needs the thought before it in the clause (〜と思うと / 〜を考えると / 想像すると / 考えただけで) or an
    open question or fear (〜のか / 〜のでは / 〜たら): a baby or a noise that wakes them (夜泣きで目が覚める /
    物音がするたびに目が覚める) tells a circumstance, not a fear. Not told as past (the clause veto), not in
    hindsight (今でも), not someone else's night (娘は…目が覚めるようです).
    """
    if not (toks[i].lemma in ("覚める", "醒める") and i >= 2 and toks[i - 1].surface in ("が", "も")
            and toks[i - 2].surface == "目"):
        return ""
    trigger = any((_open_or_feared(toks, j) and not (toks[j].surface == "か" and toks[j - 1].main == "名詞"))
                  or _thought_at(toks, j, i - 2) for j in range(1, i - 2))  # not 何度か: no question
    if (not trigger or _hindsight(toks, i) or _someone_elses(toks, i - 2)
            or any(x.surface in _HEARSAY for x in toks[i + 1 :])):
        return ""
    return make_cue(CueKind.RESTLESS, span(toks, i - 2, i + 1))


def dire_outcome(toks: list[Token], i: int) -> str:
    """〜間に合わなければ、出展がお詫びだけで終わってしまいます / このまま止まったら、閉めるしかなくなって
    しまいます / 私が倒れたら、二人ともどうにもならなくなっちゃう / もし休めなくなったら、送り迎えができなく
    なります: a condition the writer fears and the loss it would bring them, told as what will happen
    (〜てしまいます or 〜なくなります, non-past, ending the clause).

    The condition is one that may come (〜たら / 〜なければ / 〜ないと / このまま…と): not a general rule of how a
    thing behaves (洗うと縮んでしまいます: a plain と after an affirmative verb, with no このまま or もし), not
    a danger escaped (渡していたら…なってしまうところでした: past; 〜ていたら: what did not happen), not a
    question or the reason for an ask (〜てしまうので、…: the clause goes on), not in hindsight (今でも).
    """
    t = toks[i]
    lost = t.norm == "成る" and i >= 3 and toks[i - 1].surface == "なく" and toks[i - 1].main == "助動詞"
    if not lost and (not (t.lemma in _DONE_FOR or t.norm in _DONE_FOR) or i < 3 or (
            toks[i - 1].surface not in ("て", "で") and t.lemma not in ("ちゃう", "ちまう"))):
        return ""  # neither 〜てしまう nor 〜なくなる (できなくなります: what they could do, lost)
    after = toks[i + 1 :]
    if not after and t.cform.startswith("連用"):
        return ""  # 〜落ちてしまい、…: a step in a story, not the outcome the clause ends on
    if any(x.lemma in ("てる", "いる", "居る") or x.norm == "居る" for x in after):
        return ""  # 切れてしもてる: it has happened, a state
    if not all(x.main in ("助動詞", "補助記号", "空白") or x.surface in _END_PARTICLES for x in after) or any(
            x.lemma == "た" or x.surface in ("か", "でしょう", "ね", "よね") for x in after) or any(
            x.surface == "の" and y.surface == "で" for x, y in pairwise(after)):
        return ""  # 〜てしまいました (past) / 〜てしまいますか / 〜ますよね (asked) / 〜てしまうので (a reason)
    if _hindsight(toks, i):
        return ""
    ifs = [j for j in range(1, i - 1) if _feared_condition(toks, j)]
    if not ifs:
        return ""
    return make_cue(CueKind.FEARED_IF, span(toks, ifs[-1], i + 1))


_ABLE: Final = frozenset({"できる", "出来る", "られる", "れる"})


def _able(t: Token) -> bool:
    """A verb or auxiliary of being able: できる, 〜られる, or a potential verb (使える, 行ける, 作れる: Sudachi
    gives the potential its own lemma, a 下一段 verb whose normalised form is the plain verb)."""
    if t.lemma in _ABLE or t.norm == "出来る":
        return True
    return t.main == "動詞" and t.lemma != t.norm and t.ctype.startswith("下一段") and t.norm.endswith(
        ("う", "く", "ぐ", "す", "つ", "ぬ", "ぶ", "む", "る"))


# Not what a condition shuts the writer out of: a hedge (〜かもしれません) and disbelief or anger (信じられ
# ません / 考えられません / 許せません / 納得できません).
_NOT_SHUT_OUT: Final = frozenset({"知れる", "しれる", "信じる", "考える", "思う", "思える", "許す", "許せる", "納得",
                                  "理解", "我慢"})


def _ends_clause_now(after: Sequence[Token]) -> bool:
    """Only auxiliaries, the explaining の / ん and sentence-final particles follow, non-past, no question,
    no reason and no tag asking agreement (〜ませんよね / 〜ないので)."""
    if not all(x.main in ("助動詞", "補助記号", "空白") or x.surface in _END_PARTICLES for x in after):
        return False
    if any(x.lemma == "た" or x.surface in ("か", "でしょう", "ね", "よね") for x in after):
        return False
    return not any(x.surface == "の" and y.surface == "で" for x, y in pairwise(after))


def shut_out_if(toks: list[Token], i: int) -> str:
    """試験に間に合わないと受験できません / このままでは当日着るものがありません / 間に合わないと他の靴ないんです
    / 日曜までに戻ってこないと、向こうで凍えることになります: a condition the writer fears and what it would shut
    them out of — what they then cannot do, what they would be left without, where it would leave them, the one way
    left (〜しかありません / 〜しかなくなります) — told as what will happen, non-past, the clause ending on it.
    Asked only where the clause has a worry cue word: a deadline (間に合う, 〜までに), このまま, ことになる's 成る,
    or the condition's own 〜たら / 〜ば (a plain 〜と needs one of the others).

    Said without a worry word and without 〜てしまう (`dire_outcome` hears those). The condition is one that
    may come (`_feared_condition`: 〜たら, or 〜ないと / 〜なければ with a deadline, このまま, もし or an awaited
    arrival; or このままでは): not how the shop's service always works (会員登録しないと注文できません: a plain
    〜と), not a question (〜できませんか / 〜ありませんよね), not past (〜られませんでした), not the reason for an
    ask (〜できないので、…), not looked back on (今でも).
    """
    t = toks[i]
    if t.lemma in _LEFT_WITH_ONLY or t.norm in _LEFT_WITH_ONLY:  # 食費を削るしかなくなります: no other way left
        if i < 2 or toks[i - 1].surface != "しか":
            return ""
        end = i
    elif t.norm == "成る":  # 〜ことになります / 〜状態になります: where it would leave them
        if i < 3 or toks[i - 1].surface != "に" or toks[i - 2].surface not in ("こと", "事", "状態"):
            return ""
        end = i
    elif is_neg(t):
        if t.main == "形容詞":  # 服がないです / 他の靴ないんです: left without it
            if i < 2 or (toks[i - 1].surface not in ("が", "も", "は", "しか") and toks[i - 1].main != "名詞"):
                return ""
            if toks[i - 1].surface == "は" and toks[i - 2].surface in ("で", "じゃ"):
                return ""  # 〜ではなく: not this but that
        else:
            k = i - 1
            while k > 0 and toks[k].lemma in ("ます", "せる", "させる"):
                k -= 1
            v = toks[k]
            if v.lemma in ("られる", "れる") and k > 0:
                v = toks[k - 1]  # 出られません: the verb is the one before
                able = True
            else:
                able = _able(v)
            if v.norm in _NOT_SHUT_OUT or v.lemma in _NOT_SHUT_OUT or (
                    v.norm == "出来る" and k > 0 and toks[k - 1].norm in _NOT_SHUT_OUT):
                return ""  # 〜かもしれません (a maybe) / 信じられません, 許せません (disbelief, anger)
            if v.lemma == "いける" and k > 0 and toks[k - 1].surface in ("と", "ば", "ては", "では"):
                return ""  # 〜ておかないといけません / 〜なければいけません: what must be done, not a fear
            if not (able or (v.norm == "有る" and k > 0 and toks[k - 1].surface in ("が", "も", "しか"))):
                return ""
        end = i
    else:
        return ""
    if not _ends_clause_now(toks[end + 1 :]) or _hindsight(toks, i):
        return ""
    ifs = [j for j in range(1, i - 1) if _feared_condition(toks, j)]
    if not ifs:
        ifs = [j for j in range(1, i - 2) if toks[j].surface == "まま" and toks[j - 1].surface == "この"
               and toks[j + 1].surface == "で" and toks[j + 2].surface == "は"]
    # Someone else's only when they are the topic before the condition (夫は、このままでは…): after it
    # (〜までに届かなければ、娘は…教室に入ることになります) they are whom the feared outcome befalls, the
    # fear the writer's.
    if not ifs or _someone_elses(toks, ifs[-1]):
        return ""
    return make_cue(CueKind.FEARED_IF, span(toks, ifs[-1], i + 1))


# 〜しかなくなる as one verb: the one way left (連れて行くしかなくなります).
_LEFT_WITH_ONLY: Final = frozenset({"なくなる", "無くなる"})

# Arrivals a writer waits for: 〜が届かないと / 返事が来ないと is a case that may come, not a requirement.
_AWAITED: Final = frozenset({"届く", "着く", "来る", "くる", "戻る", "返る", "間に合う"})


# What may end a clause after its predicate: sentence-final particles and the explaining の / ん.
_END_PARTICLES: Final = frozenset({"の", "ん", "よ", "ね", "わ", "な", "さ", "ぞ", "ぜ", "やん", "やろ", "わい", "って",
                                   "よね", "けん", "もん"})


def _feared_condition(toks: Sequence[Token], j: int) -> bool:
    """toks[j] ends a condition that may come: 〜たら / 〜れば / 〜なければ / 〜ないと, or a plain 〜と or 〜ては with
    このまま / もし before it (このまま止まっていると). Not 〜ていたら (a past that did not happen)."""
    x, p = toks[j], toks[j - 1]
    if x.surface in ("たら", "だら") or (x.lemma == "た" and x.cform.startswith("仮定")):
        return not ((j >= 3 and p.norm == "居る" and toks[j - 2].surface in ("て", "で"))
                    or (p.norm == "思う" and j >= 2 and toks[j - 2].surface == "と"))  # 寝たと思ったら: just as
    if p.norm in ("言う", "思う"):
        return False  # 正直に言えば / 今思えば: a way of speaking
    if x.surface in ("ば", "れば", "と", "ては", "では") and p.main in ("動詞", "助動詞", "形容詞"):
        # 〜と / 〜ば also say how things always go (絞らないとずり落ちてしまいます): only with something that
        # makes it a case to come — このまま, もし, a deadline (までに / 間に合わないと)
        return _case_to_come(toks, j)
    return False


def _case_to_come(toks: Sequence[Token], j: int) -> bool:
    """Before toks[j], what makes a plain 〜と / 〜ば condition a case that may come rather than how things
    always are or what the writer needs (ないと困ります: a requirement): このまま, もし, 万一, a deadline (それまでに
    / 今日中に / 間に合わないと), or an awaited arrival that may not come (届かないと / 返事が来ないと)."""
    if j >= 2 and is_neg(toks[j - 1]) and toks[j - 2].lemma in _AWAITED:
        return True
    return any(y.surface in ("もし", "万一", "万が一", "までに") or y.lemma == "間に合う"
               or (y.surface in ("まで", "中") and toks[k + 1].surface == "に")
               or (y.surface == "まま" and k > 0 and toks[k - 1].surface == "この") for k, y in enumerate(toks[:j]))


def ruminating(toks: list[Token], i: int) -> str:
    """〜のか、そればかり考えてしまいます / 〜か、考え出すと止まりません / 〜と考え込んでしまいます:
    a feared question the writer cannot stop thinking about.

    Needs the question or fear before it (〜か / 〜のでは / 〜たら / どうしよう) and the thinking told as
    going on (ばかり考える, 考えてしまう, 考え込む, 考え出すと止まらない). Not 「どこに行こうか考えています」
    (planning: no ばかり, no しまう).
    """
    t = toks[i]
    if t.norm not in ("考える", "考え込む") and t.lemma != "考え込む":
        return ""
    prev = toks[i - 1] if i > 0 else None
    rest = toks[i + 1 : i + 4]
    kept_on = ((prev is not None and prev.surface in ("ばかり", "ばっかり", "ばっか"))
               or t.lemma == "考え込む" or any(x.lemma in _DONE_FOR for x in rest[:2])
               or (len(rest) > 1 and rest[0].lemma in ("出す", "始める") and rest[1].surface in ("と", "たら")))
    if not kept_on:
        return ""
    if not any(_open_or_feared(toks, j) for j in range(i)) or _hindsight(toks, i):
        return ""
    return make_cue(CueKind.WONDERING, span(toks, i - 1, i + 3))


def hope_not(toks: list[Token], i: int) -> str:
    """〜ないといいのですが / 〜なければいいけど: hoping the feared thing has not happened.

    「内部まで壊れていないといいのですが」. Not 「気に入ってもらえるといいのですが」 (a hope with nothing
    feared: no negation before と), not 〜ないといいですね (a wish said to the shop).
    """
    if i < 2 or toks[i].norm != "良い" or toks[i - 1].surface not in ("と", "ば"):
        return ""
    neg = toks[i - 2]
    if not (is_neg(neg) or neg.surface in ("なけれ", "なきゃ") or neg.norm == "無い"):
        return ""
    if any(x.surface in ("迷惑", "差し支え", "支障") for x in toks[max(0, i - 5) : i]):
        return ""  # ご迷惑でなければよいのですが: politeness
    after = [x.surface for x in toks[i + 1 :] if x.main != "空白"]
    if after and after[0] in ("の", "ん") and len(after) > 1 and after[1] in ("です", "だ"):
        after = after[2:]  # いいのですが / いいんだけど
    if not after or after[0] in ("けど", "けれど", "けども", "が", "な", "なあ", "なぁ", "…", "。", "‥"):
        return make_cue(CueKind.FEARED_IF, span(toks, i - 2, i + 3))
    return ""


def dire_if(toks: list[Token], i: int) -> str:
    """〜たらやばい / 〜なかったら詰む / 間に合わなかったら顔向けできない / 〜たら立ち直れない: a condition
    and how bad it would be for the writer.

    Not やばい alone (slang praise: 「このケーキやばい」) and not without the condition.
    """
    t = toks[i]
    rest = toks[i + 1 : i + 4]
    bad = (t.norm in ("やばい",) or t.lemma in ("詰む", "かなう")
           or (t.surface == "顔向け" and any(is_neg(x) for x in rest))
           or (t.lemma in ("立ち直る", "立ち直れる") and any(is_neg(x) for x in rest))
           or (t.surface == "顔" and i > 0 and toks[i - 1].lemma == "合わせる" and any(x.norm == "無い" for x in rest)))
    if not bad:
        return ""
    if t.lemma == "かなう" and not any(is_neg(x) for x in rest):
        return ""  # かなわん: it would be too much
    ifs = [j for j in range(1, i) if _condition_at(toks, j)]
    if not ifs or any(x.lemma == "た" and x.main == "助動詞" and not x.cform.startswith("仮定") for x in rest):
        return ""
    return make_cue(CueKind.FEARED_IF, span(toks, ifs[-1], i + 2))


_WONDER_ENDINGS: Final = frozenset({"だろう", "だろ", "やろ", "んやろ", "っちゃろ", "か", "かな"})


def what_becomes(toks: list[Token], i: int) -> str:
    """〜たら、夫はどうなるのだろう / 〜たらどうなるっちゃろか: a condition and a dread of what follows.

    Not どうなるのでしょうか put to the shop (a request), not どうなっていたか (a past escaped).
    """
    t = toks[i]
    if t.surface != "どう" or i + 2 >= len(toks) or toks[i + 1].norm != "成る":
        return ""
    nxt = toks[i + 2]
    if nxt.lemma == "た" or nxt.surface in ("て", "で") or nxt.surface == "でしょう":
        return ""
    tail = toks[i + 2 : i + 6]
    if not any(x.surface in _WONDER_ENDINGS or x.cform.startswith("意志推量") for x in tail) or any(
            x.surface in ("でしょう", "ます") for x in tail):
        return ""
    if not any(_condition_at(toks, j) for j in range(1, i)) or any(
            x.norm in ("教える", "下さる", "頂く", "貰う") or x.surface in ("ください", "でしょう")
            for x in toks[i + 2 :]):
        return ""  # 〜の場合はどうなるのかを教えてください: a question put to the shop
    return make_cue(CueKind.FEARED_IF, span(toks, i, i + 4))


def on_mind_now(toks: list[Token], i: int) -> str:
    """〜ないか引っかかっています / 〜のではと気になっています / 〜のが気になって仕方ない /
    ひとつ気になっていることがあります: something on the writer's mind, now and going on.

    気になる / 引っかかる / 気にかかる / 心にかかる told as going on (〜ている, 〜て仕方ない), with what is on
    the mind before it: an open question or a fear (〜か / 〜のではと), a clause made a noun (〜のが /
    〜ことも), nothing but どうしても / ちょっと (said of what came before), or announcing it (気になって
    いることがあります). Not 「新作が気になっています」 (a thing: interest), not 「袖が引っかかって」
    (literal, not going on), not 「気になることがあれば」 or 気になったこと (not now).
    """
    t = toks[i]
    n = len(toks)
    kinaru = t.surface == "気" and i + 2 < n and toks[i + 1].surface == "に" and toks[i + 2].norm == "成る"
    hooked = t.lemma in ("引っかかる", "引っ掛かる")
    kakaru = (t.lemma in ("かかる", "掛かる") and i >= 2 and toks[i - 1].surface == "に"
              and toks[i - 2].surface in ("気", "心"))
    if not (kinaru or hooked or kakaru):
        return ""
    start = i - 2 if kakaru else i
    verb = i + 2 if kinaru else i
    rest = toks[verb + 1 : verb + 4]
    if not rest:
        return ""
    progressive = (rest[0].lemma in ("てる", "とる") or (rest[0].surface in ("て", "で") and len(rest) > 1 and (
        rest[1].lemma in ("いる", "おる", "てる") or rest[1].norm == "居る" or rest[1].lemma in _DONE_FOR)))
    intensified = rest[0].surface in ("て", "で") and len(rest) > 1 and (
        rest[1].surface in ("仕方", "しかた", "しょう", "しょうが") or rest[1].norm == "成る"
        or rest[1].lemma in ("たまる", "堪る"))
    if not (progressive or intensified) or any(
            (x.lemma == "た" and x.main == "助動詞") or x.surface in ("ば", "たら") for x in toks[verb + 1 :]):
        return ""  # ずっと気になっていた〜 (past) / 気になっている点があれば (a possibility)
    if _someone_elses(toks, start):
        return ""  # 先生方が気になっている: someone else's mind
    cue = make_cue(CueKind.WONDERING, span(toks, start, verb + 3))
    ends = all(x.main in ("助詞", "助動詞", "補助記号", "空白") or x.lemma in ("いる", "おる", "居る", "てる")
               or x.norm == "居る" for x in toks[verb + 1 :])
    if kinaru and progressive:
        k = verb + 2 if rest[0].surface in ("て", "で") else verb + 1
        k += 1
        if (k + 1 < n and toks[k].surface in ("こと", "事", "点", "ところ")
                and toks[k + 1].surface in ("が", "も")):
            return ""  # ひとつ気になっていることがあります: announces what follows (a preface), fears nothing yet
        if (k + 1 < n and toks[k].surface in ("こと", "事", "の", "点", "ところ")
                and toks[k + 1].surface in ("が", "は", "も")):
            return cue  # 一番気になっているのは〜です
    k = start - 1
    marked = False  # a が / も / は between: what is on the mind is the subject
    if start > 0 and toks[start - 1].surface in ("その", "本気", "やる"):
        return ""  # すっかりその気になっております: in the mood, not worried
    pointed = False  # それが / それだけが: what is on the mind was said before
    while k >= 0 and (toks[k].main in ("代名詞", "副詞", "連体詞", "補助記号", "空白") or toks[k].surface in _POINTERS
                      or toks[k].surface in ("が", "も", "は", "だけ", "ばかり", "のみ", "今")):
        if k >= 3 and span(toks, k - 3, k + 1) == "どうしても":
            k -= 4  # 〜ないか、どうしても気になってしまいます (Sudachi cuts どうしても in four)
            continue
        if k >= 2 and span(toks, k - 2, k + 1) == "正直なところ":
            k -= 3  # 正直なところ、少し気になっています
            continue
        if toks[k].surface in ("こと", "事") and k > 0 and toks[k - 1].main in ("動詞", "形容詞", "助動詞"):
            break  # 〜たままだったことも: a clause made a noun, not a pointer
        marked = marked or toks[k].surface in ("が", "も", "は")
        pointed = pointed or toks[k].main == "代名詞"
        k -= 1
    if k < 0:
        # ちょっと気になっています / それだけがずっと引っかかっています: about what came before
        return cue if (kinaru or kakaru or (hooked and pointed)) and ends else ""
    x = toks[k]
    if ends and x.main == "助詞" and (x.surface in _BECAUSE or (
            x.surface == "て" and k > 1 and toks[k - 1].norm == "為る" and toks[k - 2].surface == "気")):
        return cue  # 声が元気なかったけん、ちょっと気になっとります / 〜気がして、少し気になっています
    if x.surface == "か" and x.main == "助詞" and not (k > 0 and toks[k - 1].main == "代名詞"):
        return cue  # 〜ないか(、それが)引っかかっています
    if x.surface in ("と", "って") and k > 0 and _open_or_feared(toks, k - 1):
        return cue  # 〜のではと気になって / 〜撮れなかったらと、少し気になっています
    if marked and x.surface in ("の", "こと", "事") and k > 0 and toks[k - 1].main in ("動詞", "形容詞", "助動詞"):
        return cue  # 口数が減ってきたのも気になっています
    return ""


# Verbs a quotation mark と leads into (〜と聞いて / 〜と言われ): not a condition.
_SAYING: Final = frozenset({"聞く", "言う", "思う", "考える", "話す", "申す", "書く", "伺う", "知る", "教わる"})
# A cause given before what is on the mind (〜ので / 〜けん, 気になっています): what worries them, said first.
_BECAUSE: Final = frozenset({"ので", "から", "けん", "けえ", "さかい", "ばってん", "もんで"})
# 見通しが立たない / 目処が立たない: no outlook.
_OUTLOOK: Final = frozenset({"見通し", "目処", "めど", "目途"})
_HESITATE: Final = frozenset({"ためらう", "躊躇う", "迷う"})
_HOLDING_BACK: Final = _HESITATE | frozenset({"踏み切る", "踏ん切り", "踏み出す"})


def held_back(toks: list[Token], i: int) -> str:
    """〜ないかと、少し迷っています / 〜のではと、予約をためらっています / 〜と思うと、踏み切れずにいます:
    a fear that holds the writer back from a step, now.

    Needs the fear before it — a question with a negation (〜ないか), 〜のでは or a condition (〜たら) —
    and the holding back told as now (〜ている / 〜ずにいる). Not 「AかBか迷っています」 (a choice to
    make, nothing feared), not 〜ためらいました (past).
    """
    t = toks[i]
    if not t.in_(_HOLDING_BACK):
        return ""
    rest = toks[i + 1 : i + 5]
    if any(x.lemma == "た" and x.main == "助動詞" for x in rest):
        return ""
    if t.in_(_HESITATE) and rest and is_neg(rest[0]):
        return ""  # 迷わずお願いします: without hesitating
    now = any(x.lemma in ("いる", "おる", "てる") or x.norm == "居る" or x.lemma in _DONE_FOR or is_neg(x)
              for x in rest)
    if not now:
        return ""
    feared = False
    for j in range(1, i):
        x = toks[j]
        if x.surface == "か" and x.main == "助詞" and is_neg(toks[j - 1]):
            feared = True  # 〜ないか
        elif _open_or_feared(toks, j) and x.surface != "か":
            feared = True  # 〜のでは / 〜たら
    if not feared:
        return ""
    return make_cue(CueKind.FEARED_IF, span(toks, i, i + 3))


def half_believing(toks: list[Token], i: int) -> str:
    """〜のか半信半疑です / うまくいくか半信半疑なのですが: a doubt the writer cannot shake, now.

    Not 半信半疑で申し込みました (how they once did something: a story), not 半信半疑でした (past),
    not 主人はまだ半信半疑で (someone else's).
    """
    t = toks[i]
    if t.surface != "半疑" or i == 0 or toks[i - 1].surface != "半信":
        return ""
    rest = [x for x in toks[i + 1 :] if x.main not in ("補助記号", "空白")]
    if rest and (rest[0].surface in ("で", "の") or not (rest[0].lemma in ("だ", "です") or rest[0].main == "助詞")):
        return ""  # 半信半疑で〜 / 半信半疑のまま: how something was done
    if any(x.lemma == "た" and x.main == "助動詞" for x in rest[:4]) or _someone_elses(toks, i - 1):
        return ""
    return make_cue(CueKind.WONDERING, span(toks, i - 1, i + 2))


def may_well_happen(toks: list[Token], i: int) -> str:
    """信頼にかかわりかねません / 取り返しのつかない損害になりかねない: a bad outcome the writer says may well come.

    〜かねない names the outcome as feared (a good one is never said so). Not 〜かねます (cannot: the
    shop's refusal, or 判断がつきかねます, which no_idea hears), not 〜かねなかった (past).
    """
    t = toks[i]
    if t.lemma != "かねる" or t.main != "接尾辞" or i == 0:
        return ""
    rest = toks[i + 1 : i + 5]
    if not any(is_neg(x) for x in rest[:2]) or any(x.lemma == "た" and x.main == "助動詞" for x in rest):
        return ""
    return make_cue(CueKind.FEARED_IF, span(toks, i - 1, i + 3))


def no_idea(toks: list[Token], i: int) -> str:
    """〜のか見当もつきません / 〜てよいのか判断がつきません / 〜か判断がつきかねております / 〜のか、まるで
    見通しが立ちません: an open question the writer cannot answer, hanging over them now.

    Needs the question (〜か) in the clause: 「素人なので見当がつきません」 (the question put in an earlier
    clause, the reason given here) tells what they know, a disclosure. Not past (見当もつきませんでした),
    not 見当たらない (another word).
    """
    t = toks[i]
    if i + 3 >= len(toks) or toks[i + 1].surface not in ("が", "も", "は"):
        return ""
    if not ((t.surface in ("見当", "判断") and toks[i + 2].norm == "付く")
            or (t.norm in _OUTLOOK and toks[i + 2].lemma == "立つ")):
        return ""  # 見当がつく / 判断がつく / 見通しが立つ, and nothing else
    rest = toks[i + 3 : i + 8]
    if not (any(is_neg(x) for x in rest[:2]) or rest[0].lemma == "かねる"):
        return ""
    if any(x.lemma == "た" and x.main == "助動詞" for x in rest):
        return ""
    if not any(x.surface == "か" and x.main == "助詞" for x in toks[:i]) or any(
            x.surface in ("素人", "初心者") for x in toks):
        return ""  # 素人の私には見当もつきません: what they know, told (a disclosure)
    return make_cue(CueKind.WONDERING, span(toks, i, i + 5))


def cornered(toks: list[Token], i: int) -> str:
    """先方への説明に窮しております / 正直お返事に窮しております: cornered now, with no answer to give — the
    formal writer's way (B2B, a shop's own customer waiting) of saying the situation weighs on them.

    Not past (返答に窮しました: a story), not someone else's (担当者は説明に窮しています), not 窮屈 (cramped:
    another word, never this lemma), not the reason for an ask (窮しておりますので、…).
    """
    t = toks[i]
    if t.lemma != "窮する":
        return ""
    after = toks[i + 1 :]
    if any(x.lemma == "た" and x.main == "助動詞" for x in after) or any(
            x.surface in ("ので", "から") for x in after) or any(
            x.surface == "の" and y.surface == "で" for x, y in pairwise(after)) or _someone_elses(toks, i):
        return ""
    return make_cue(CueKind.RESTLESS, span(toks, max(0, i - 2), i + 1))


def at_a_loss_if(toks: list[Token], i: int) -> str:
    """〜たら、店を開けられるのかどうかも分かりません / 〜と思うと、どうしていいか分からなくなります: a dreaded
    condition or thought, then a question the writer cannot answer.

    The condition (〜たら、 / 〜としたら、 / 〜と思うと) comes before the question, set off by a comma or a
    thought: 「どうしたらいいのか分かりません」 alone (its たら is the question's own) or 「〜かどうか
    分からないので、教えてください」 (the reason for an ask) tell what they know, a disclosure. Not past, nor
    a past question (〜なかったら、どうなっていたか分かりません: a danger escaped).
    """
    t = toks[i]
    if t.norm != "分かる" or t.main != "動詞" or i < 3:
        return ""
    rest = toks[i + 1 : i + 6]
    if not rest or any(x.lemma == "た" and x.main == "助動詞" for x in rest):
        return ""
    lost = (is_neg(rest[0]) or (len(rest) > 1 and rest[0].lemma == "ます" and is_neg(rest[1]))
            or (rest[0].surface in ("なく", "無く") and any(x.norm == "成る" for x in rest[1:3])))
    if not lost or any(x.surface in ("ので", "から", "し") and x.main == "助詞" for x in rest):
        return ""
    qs = [j for j in range(max(1, i - 8), i) if toks[j].surface == "か" and toks[j].main == "助詞"]
    if not qs or any(toks[j - 1].lemma == "た" or (toks[j - 1].surface in ("の", "ん") and toks[j - 2].lemma == "た")
                     for j in qs if j >= 2):
        return ""  # 〜なかったら、どうなっていたか分かりません: a danger escaped, looked back on
    dread = False
    for j in range(1, i):
        x = toks[j]
        if (x.surface in ("たら", "だら", "ば", "れば") or (x.lemma == "た" and x.cform.startswith("仮定"))) and (
                j + 1 < i and toks[j + 1].surface in ("、", "，")):
            dread = True  # 〜たら、
        elif x.norm in ("思う", "考える") and toks[j - 1].surface in ("と", "って") and j + 1 < i and (
                toks[j + 1].surface in ("と", "たら", "ば")):
            dread = True  # 〜と思うと
    if not dread:
        return ""
    return make_cue(CueKind.WONDERING, span(toks, i, i + 3))


def nerves_now(toks: list[Token], i: int) -> str:
    """今からもう緊張しています / 正直、少し緊張しております: nerves before what is coming, now.

    Not 緊張しました / 緊張していた父 (past), not 娘が緊張しているようです (someone else's, as the writer
    sees it), not 緊張していますが、楽しみのほうが大きいです (outweighed by looking forward).
    """
    t = toks[i]
    if (t.surface != "緊張" or i + 3 >= len(toks) or toks[i + 1].norm != "為る"
            or toks[i + 2].surface not in ("て", "で")):
        return ""
    rest = toks[i + 3 :]
    if not (rest[0].norm == "居る" or rest[0].lemma in ("いる", "おる", "てる")):
        return ""
    tail = [x for x in rest[1:] if x.main not in ("補助記号", "空白")]
    if any(x.lemma == "た" and x.main == "助動詞" for x in tail) or any(x.surface in _HEARSAY for x in tail):
        return ""
    if _glad_after(toks, i) or _someone_elses(toks, i):
        return ""
    return make_cue(CueKind.NERVOUS, span(toks, i, i + 4))


def too_late_if(toks: list[Token], i: int) -> str:
    """このペースだと期限に間に合いません / 今から練習しないと間に合いそうにありません: a condition, then the
    deadline the writer fears missing.

    Not a reason for an ask (仕事帰りだと間に合わないので、延ばしてほしい: the clause goes on with ので),
    not given up (間に合わないと諦めています), not past.
    """
    t = toks[i]
    if t.lemma != "間に合う" or i < 2:
        return ""
    rest = toks[i + 1 : i + 7]
    if not rest or not (is_neg(rest[0]) or (len(rest) > 1 and rest[0].lemma == "ます" and is_neg(rest[1]))
                        or (rest[0].surface == "そう" and any(is_neg(x) or x.norm == "無い" for x in rest[1:5]))):
        return ""
    after = [x for x in toks[i + 1 :] if x.main not in ("補助記号", "空白")]
    if any((x.lemma == "た" and x.main == "助動詞") or x.surface in ("ので", "から", "し")
           or x.norm in ("諦める", "思う")
           or (x.main in ("名詞", "動詞") and x.norm not in ("有る", "成る", "居る", "為る") and x.surface != "そう")
           for x in after) or any(x.surface == "の" and y.surface == "で" for x, y in pairwise(after)):
        return ""  # 間に合わないので (a reason) / 間に合わない日が多い (a fact told) / 諦めています
    if not any(_condition_at(toks, j) for j in range(1, i)):  # このペースだと / 練習しないと
        return ""
    return make_cue(CueKind.FEARED_IF, span(toks, i, i + 3))



def pressed_for_time(toks: list[Token], i: int) -> str:
    """式まであと二か月しかないのに、まだ何ひとつ決まっていません / 退院は明後日なのに、食べさせられるものがまだ何も
    ありません / 期限が来月二十日なのに、何を用意すればいいのか分かりません: a date close at hand (〜のに), and
    what the writer has not got ready for it — not done, not there, not known — said now. The deadline pressing
    is the worry, with no worry word.

    Needs the date before 〜のに (〜まで, 明日, 明後日, 来週, 来月, 週末, 月末), the のに clause non-past (not
    予約したのに: what happened, a complaint's reproach), and the clause ending on a non-past negation. Not an
    arrival or an answer awaited from the shop (受験票がまだ届いていません / 返事もありません: its delay, a
    complaint), not an obligation (〜なければなりません), not a question, not past (〜できませんでした).
    """
    if not (toks[i].surface == "に" and i >= 3 and toks[i - 1].surface == "の" and i + 2 < len(toks)
            and toks[i + 1].surface in ("、", "，")):
        return ""  # 〜のに、 (Sudachi reads の + に)
    if toks[i - 2].lemma == "た" or not any(
            (x.surface == "まで" and x.main == "助詞") or x.surface in NEAR_DATES for x in toks[: i - 1]):
        return ""
    rest = [x for x in toks[i + 2 :] if x.main not in ("補助記号", "空白")]
    k = len(rest)
    while k > 0 and (rest[k - 1].main in ("助動詞", "助詞") or rest[k - 1].norm == "居る"
                     or rest[k - 1].lemma in ("いる", "おる")):
        k -= 1
    tail = rest[k:]
    if k == 0 or (not any(is_neg(x) for x in tail) and not (rest[k - 1].main == "形容詞" and is_neg(rest[k - 1]))):
        return ""
    if any(x.lemma == "た" or x.surface in ("か", "ので", "から") for x in tail):
        return ""  # 〜できませんでした / 〜ありませんか / 〜ないので
    v = rest[k - 1]
    if v.lemma in _AWAITED or v.norm in _AWAITED or v.norm in ("成る", "行ける") or v.lemma == "いける" or any(
            x.surface in _REPLIES for x in rest):
        return ""  # まだ届いていません / 返事もありません: the shop's delay; 〜なければなりません: an obligation
    return make_cue(CueKind.FEARED_IF, span(toks, i - 1, min(len(toks), i + 1)))


# An answer awaited from the shop: its absence is a complaint of the delay, not the writer unready.
_REPLIES: Final = frozenset({"返事", "返信", "連絡", "回答", "ご連絡", "ご返事", "ご返信", "ご回答", "メール", "電話"})


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
    if t.surface.startswith("心配り"):
        return False  # 心配り: thoughtfulness, another word that only begins like one
    if (i + 2 < len(toks) and toks[i + 1].surface == "を" and toks[i + 2].norm in ("掛ける", "お掛け", "かける")) or (
        i + 3 < len(toks) and toks[i + 1].surface == "を" and toks[i + 2].surface == "お"
    ):
        return False  # 心配をおかけして: the worry is someone else's
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and (nxt.lemma == "がる" or (nxt.surface == "そう" and nxt.main == "形状詞")):
        return False  # 怖がって / 不安そうに: how someone else feels, as the writer sees it
    if nxt is not None and nxt.norm == "為る" and any(
            x.lemma in ("れる", "られる", "せる", "させる", "くれる", "呉れる", "下さる", "くださる", "もらう", "貰う")
            or x.norm in ("呉れる", "下さる", "貰う") for x in toks[i + 2 : i + 5]):
        return False  # 心配されて / 心配してくれて / 心配させて: someone else's worry, about the writer
    if _someone_elses(toks, i):
        return False  # 妻はかなり落ち込んでいます: the feeling of the person the clause is about
    if (i > 0 and toks[i - 1].surface == "に" and i + 2 < len(toks) and toks[i + 1].surface in ("が", "の")
            and toks[i + 2].norm in ("有る", "御座る")):
        return False  # 膝に不安がある人 / 足腰に不安のある方: a weak point named, a condition, not a fear felt
    if (nxt is not None and nxt.surface == "もの" and i + 2 < len(toks)
            and toks[i + 2].norm in ("だ", "です")):
        return False  # 知らない相手に言うのは怖いものですね: a general remark
    for k in range(i + 1, min(len(toks) - 1, i + 6)):
        if toks[k].surface in ("と", "って") and toks[k + 1].norm in ("言う", "話す", "申す", "零す"):
            return False  # 父は…不安だと話しています / 憂うつだと言っていた: someone's words, reported
    if nxt is not None and nxt.norm == "為る" and i + 2 < len(toks) and toks[i + 2].lemma in ("すぎる", "過ぎる"):
        return False  # 心配しすぎかもしれません: the writer calling their worry too much
    for a in toks[i + 1 : i + 6]:
        if (a.sub == "接続助詞" and a.surface in ("ば", "たら")) or (a.lemma == "た" and a.surface == "たら"):
            return False  # 不安な点があれば…: a possibility put to the shop, not a worry they have
        if a.main in ("動詞", "形容詞") and a.norm not in _LIGHT_VERBS and a.norm not in ("有る", "無い", "御座る"):
            break
    for a in toks[i + 1 : i + 10]:  # 不安に思うことは特にありません: the negation comes late
        if (is_neg(a) and not _intensifier(toks, toks.index(a, i + 1))) or a.surface in (
                "なく", "無く", "無用", "いらない", "要らない") or a.lemma in ("なくなる", "無くなる") or (
                a.surface == "なか" and toks[toks.index(a, i + 1) - 1].surface in ("は", "も")):
            return False  # also 心配はなくなりました / 心配はなかです (九州)
        if a.norm == "要る":
            continue  # 心配いらん: the negation comes after
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


def _intensifier(toks: Sequence[Token], k: int) -> bool:
    """The negation at k closes 〜で仕方(が)ない / 〜でならない / 〜てたまらない / 〜てしょうがない:
    「不安で仕方ありません」 says the worry is strong, it negates nothing."""
    j = k - 1
    while j > 0 and (toks[j].lemma in ("ます", "です") or toks[j].norm == "有る"
                     or toks[j].surface in ("が", "は", "も")):
        j -= 1
    x = toks[j]
    if x.surface in ("仕方", "しかた", "しょう", "しよう", "仕様") or x.lemma in ("たまる", "堪る"):
        return True
    return x.norm == "成る" and j > 0 and toks[j - 1].surface in ("で", "て") and x.cform.startswith(("未然", "連用"))


_CLAUSE_ENDS: Final = frozenset({"ので", "から", "て", "で", "が", "けど", "けれど", "けれども", "のに"})


def _someone_elses(toks: Sequence[Token], i: int) -> bool:
    """The clause is about someone else's feeling: 「本人はかなり落ち込んでいます」「主人は…と心配していますが」.

    A family member or another person as its topic or subject (は / も / が), with no open question,
    fear or condition between it and the feeling word: 「母が一人で大丈夫か心配です」 (with 〜か) is the
    writer's fear for her. 親として is the writer in their role.
    """
    for j in range(i - 1, 0, -1):
        x = toks[j]
        # A clause boundary ends the search: 「子供もまだ一人目ですが、次の子を産むのは不安です」 — the child is the
        # topic of the clause before ですが, the fear after it is the writer's.
        if _open_or_feared(toks, j) or (x.surface in _CLAUSE_ENDS and x.sub == "接続助詞"):
            return False
        if x.surface in ("は", "も", "が") and x.main == "助詞":
            who = toks[j - 1]
            if who.classes & BIT_SELF:
                return False
            if (who.classes & OTHERS or who.surface in _SOMEONE) and not (
                    j + 1 < len(toks) and toks[j + 1].surface == "として"):
                return True
    return False


# What may follow a verb to say the thinking goes on by itself (考えてしまう) or will not stop.
_DONE_FOR: Final = frozenset({"しまう", "仕舞う", "ちゃう", "ちまう"})
# A glad or grateful thought is not a feared one (〜と思うと楽しみです / 〜と思うと嬉しい).
_GLAD: Final = frozenset({"楽しみ", "嬉しい", "うれしい", "幸せ", "楽しい", "わくわく", "ワクワク", "悔しい", "感謝",
                          "有り難い", "ありがたい", "誇らしい", "感慨深い", "微笑ましい", "頼もしい", "残念",
                          "腹立たしい", "不思議"})
# What follows 〜のではないかと when it is a hope, a discussion or someone else's voice, not the writer's fear.
_NOT_FEARING: Final = frozenset({"期待", "話す", "話し合う", "声", "意見", "言う", "指摘", "提案", "相談",
                                 "楽しみ", "願う", "祈る"})
# Looking back on a danger escaped: 今でもぞっとします / 今さらながら / いまだに.
_HINDSIGHT: Final = frozenset({"今でも", "今さら", "今更", "いまさら", "いまだに", "未だに", "今もって"})
# What the thinking does to the writer, after 〜と: a reaction, not an opinion.
_REACTIONS: Final = frozenset({"気", "胸", "胃", "手", "心臓", "夜", "眠れる", "眠る", "考える", "不安", "心配", "怖い",
                               "冷や汗", "落ち着く", "踏み切る", "ためらう", "躊躇う", "迷う"})

# Writing to the shop: a past of these is this mail (〜と不安になり、ご連絡しました), not a story.
_CONTACTING: Final = frozenset({"連絡", "伺う", "問い合わせる", "問い合わせ", "問合せ", "質問", "メール", "相談",
                                "書く", "便り", "電話", "お願い", "尋ねる", "お尋ね", "お伺い", "お問い合わせ"})


def _ends_past(content: Sequence[Token]) -> bool:
    """The clause's own predicate is past: a た with nothing after it but particles and endings."""
    for k in range(len(content) - 1, -1, -1):
        x = content[k]
        if x.lemma == "た" and x.main == "助動詞":
            if x.cform.startswith("仮定"):
                return False
            # 怖くなってしまいました / 不安になってきました: a state that began and goes on
            j = k - 1
            while j > 0 and content[j].lemma == "ます":
                j -= 1
            p = content[j]
            if (p.lemma in ("くる", "来る") or p.norm == "来る") and j > 0 and content[j - 1].surface in ("て", "で"):
                return False
            if p.lemma in _DONE_FOR and j > 1 and content[j - 2].norm == "成る":
                return False
            # 不安になり、ご連絡しました: the past is this very mail, sent because of a worry still held
            return not any(x.norm in _CONTACTING or x.lemma in _CONTACTING for x in content[max(0, j - 4) : j + 1])
        if x.main == "助詞" or x.surface in ("の", "ん", "です", "だ", "ね", "よ", "わ", "な"):
            continue
        return False
    return False


def told_as_story(content: Sequence[Token]) -> bool:
    """The clause ends a story: its predicate is past (〜やっとでした), or it remembers one (〜たのを覚えています).

    Not sleep lost last night (そう思うと怖くて、昨夜は眠れませんでした): the fear before it is still held.
    """
    if _lost_sleep_last_night(content):
        return False
    if _ends_past(content):
        return True
    n = len(content)
    return (n >= 4 and content[-1].lemma == "ます" and any(x.lemma == "覚える" for x in content[-4:])
            and any(x.lemma == "た" and x.main == "助動詞" for x in content[-8:-3]))


def _has_reaction(rest: Sequence[Token]) -> bool:
    """What follows a thought is the writer's reaction (気になって / 胸が / 眠れない), not a plain 思います."""
    return any(x.norm in _REACTIONS or x.lemma in _REACTIONS or x.surface in _REACTIONS for x in rest)


def _feared_content(toks: Sequence[Token], q: int) -> int:
    """Where the feared thought quoted by toks[q] (と / って) starts, or -1 when it is not a feared one:
    a condition (〜たら), a possibility (〜のでは / 〜かもしれない / 〜ないか) or an open question (〜のか /
    〜だろう) just before the quotation mark (commas and 「……」 may stand between)."""
    k = q - 1
    while k > 0 and toks[k].main in ("補助記号", "空白"):
        k -= 1
    if k < 1:
        return -1
    x = toks[k]
    if x.surface in ("たら", "だら", "ば", "れば", "なら", "としたら", "とか") or (
            x.lemma == "た" and x.cform.startswith("仮定")):
        return k  # 〜たら / 〜としたら / 〜たらとか
    if (x.surface == "は" and toks[k - 1].surface in ("で", "じゃ") and k >= 2
                              and toks[k - 2].surface in ("の", "ん")):
        return max(0, k - 2)  # 〜のでは
    if x.surface in ("な", "なあ") and toks[k - 1].surface == "か":
        k -= 1  # 〜のかな
        x = toks[k]
    if x.surface in ("か", "かしら") or x.cform.startswith("意志推量") or x.surface in ("だろう", "やろ", "っちゃろ"):
        # 〜のか / 〜だろう / 〜ないか: open or feared — not 〜するしかないか (a plan weighed), not
        # 〜たのか (wondering about the past: 「祖父も同じ感触を覚えていたのかと思うと」)
        p = toks[k - 1]
        if x.surface in ("か", "かしら"):
            if p.surface in ("の", "ん") and k >= 2:
                if toks[k - 2].lemma == "た" and toks[k - 2].main == "助動詞":
                    return -1
            elif not (is_neg(p) and k >= 2 and toks[k - 2].surface != "しか"):
                return -1
        return max(0, k - 3)
    if is_neg(x) and k >= 2 and toks[k - 1].surface == "しれ" and toks[k - 2].surface in ("も",):
        return max(0, k - 3)  # 〜かもしれない
    # a condition a little further back: 〜たら、あの子がやめてしまうと思うと
    for j in range(max(1, q - 8), q):
        if toks[j].surface in ("たら", "だら", "れば") or (toks[j].lemma == "た" and toks[j].cform.startswith("仮定")):
            return j
    return -1


def _hindsight(toks: Sequence[Token], i: int) -> bool:
    """A danger escaped, looked back on: 今でも / 今さら / いまだに in the clause (今も is not: 今も不安です)."""
    return any(x.surface in _HINDSIGHT or (x.surface == "今" and j + 2 < len(toks) and toks[j + 1].surface == "で"
                                           and toks[j + 2].surface == "も")
               for j, x in enumerate(toks))


def _glad_after(toks: Sequence[Token], i: int) -> bool:
    return any(x.norm in _GLAD or x.lemma in _GLAD or x.surface in _GLAD for x in toks[i + 1 :])


def _open_or_feared(toks: Sequence[Token], j: int) -> bool:
    """toks[j] ends an open question (〜か), a fear (〜のでは) or a condition (〜たら)."""
    x = toks[j]
    if x.surface == "か" and x.main == "助詞" and not (j > 0 and toks[j - 1].main == "代名詞"):
        return True
    if x.surface == "は" and j >= 2 and toks[j - 1].surface in ("で", "じゃ") and toks[j - 2].surface in ("の", "ん"):
        return True
    return x.surface in ("たら", "だら") or (x.lemma == "た" and x.cform.startswith("仮定"))


# Body words that show anxiety, with what must follow them (after が / の / も): 胃が痛い, 胸がざわつく.
_BODY: Final[dict[str, frozenset[str]]] = {
    "胃": frozenset({"痛い", "痛む", "重い", "キリキリ", "きりきり"}),
    # (not 胸が痛む: sorrow as often as fear; a feared thought before it is heard by feared_thought)
    "胸": frozenset({"ざわつく", "ざわざわ", "ザワザワ", "きゅっと", "ぎゅっと", "ぎゅー", "キュッと", "締め付ける",
                    "締めつける", "苦しい", "詰まる", "重い", "ドキドキ", "どきどき", "騒ぐ", "つかえる",
                    "張り裂ける", "ざわめく"}),
    "手": frozenset({"震える", "震え", "冷たい", "止まる", "汗", "汗ばむ"}),
    # The hands, fingertips, throat and stomach of a fear told as plain fact (手のひらが汗ばんできます /
    # 指先が冷たくなります / 喉がからからになります / お腹が痛くなります), heard only after what sets them off
    # (`_dread_trigger`: 想像しただけで / 考えるだけで / 〜たびに / 今から): alone they are a symptom.
    "手のひら": frozenset({"汗", "汗ばむ", "湿る", "震える", "冷たい"}),
    "掌": frozenset({"汗", "汗ばむ", "湿る", "震える", "冷たい"}),
    "指先": frozenset({"冷たい", "冷える", "震える", "汗"}),
    "喉": frozenset({"からから", "カラカラ", "渇く", "乾く", "詰まる"}),
    "のど": frozenset({"からから", "カラカラ", "渇く", "乾く", "詰まる"}),
    "お腹": frozenset({"痛い", "いたい", "いたく", "痛む", "キリキリ", "きりきり", "ゆるい", "下す"}),
    "おなか": frozenset({"痛い", "いたい", "いたく", "痛む", "キリキリ", "きりきり", "ゆるい", "下す"}),
    "血の気": frozenset({"引く"}),
    "心臓": frozenset({"バクバク", "ばくばく", "ドキドキ", "どきどき", "止まる", "バクバクする", "跳ね上がる",
                      "跳ねる", "どきん", "ドキン", "どきっと", "ドキッと", "縮む", "口"}),
    "背筋": frozenset({"寒い", "冷たい", "凍る", "冷える"}),
    "足": frozenset({"すくむ", "竦む", "震える"}),
    "息": frozenset({"詰まる"}),
    "寝つき": frozenset({"悪い"}),
    "寝付き": frozenset({"悪い"}),
    "頭": frozenset({"真っ白", "痛い"}),
}

# Signs that say anxiety with nothing before them: 食事が喉を通らない, 仕事が手につかない, 冷や汗,
# 生きた心地がしない (a stomach ache, a pounding heart or 動悸 alone may be only the body).
_SIGNS_ALONE: Final = frozenset({"冷や汗", "心地"})

_MEALS: Final = frozenset({"食事", "ご飯", "ごはん", "御飯", "食べ物", "何", "なにも", "食"})


def _body_sign(toks: Sequence[Token], i: int) -> int:
    """How many tokens from i say a body shows anxiety (0: none)."""
    t = toks[i]
    if t.surface in ("冷や汗", "動悸") or t.norm == "冷や汗":
        return 2
    if (t.surface in ("喉", "のど") and i + 3 < len(toks) and toks[i + 1].surface == "を"
            and toks[i + 2].lemma == "通る"):
        return 4 if any(is_neg(x) for x in toks[i + 3 : i + 5]) else 0
    if (t.surface == "手" and i + 2 < len(toks) and toks[i + 1].surface == "に"
            and toks[i + 2].lemma in ("付く", "つく")):
        return 4 if any(is_neg(x) for x in toks[i + 3 : i + 5]) else 0  # 手につかない
    if t.surface == "心地" and i >= 2 and toks[i - 2].lemma == "生きる":
        return 3 if any(is_neg(x) for x in toks[i + 1 : i + 5]) else 0  # 生きた心地がしない
    words = _BODY.get(t.surface)
    if words is None or i + 2 >= len(toks) or toks[i + 1].surface not in ("が", "の", "も", "に"):
        return 0
    for k in range(i + 2, min(len(toks), i + 5)):
        x = toks[k]
        if x.surface in words or x.lemma in words or x.norm in words:
            return k - i + 1
        if x.main in ("動詞", "形容詞") and x.lemma not in ("なる", "成る"):
            break
    return 0


def _dread_trigger(toks: Sequence[Token], i: int) -> bool:
    """What sets an anxious body off, before it in the clause: an open question, a fear, a condition,
    a thought (〜と思うと / 考えるだけで / 想像すると), 〜たびに, 今から."""
    for j in range(i):
        x = toks[j]
        if _open_or_feared(toks, j) or x.surface in ("たび", "度") or (x.surface == "今" and j + 1 < len(toks)
                                                                     and toks[j + 1].surface == "から"):
            return True
        if x.surface in ("今から", "いまから"):
            return True
        if _thought_at(toks, j, i) or _just_by(toks, j, i):
            return True
    return False


def _just_by(toks: Sequence[Token], j: int, i: int) -> bool:
    """toks[j] is 〜ただけで, before i: 言葉を聞いただけで / 名前を見ただけで — the act once, enough to set the body
    off.

    Past in form only (the act, not a story). Not the plain 〜るだけで (押さえているだけで手が震える / 音を聞くだけで:
    what always happens, effort or a habit of the body) and not 思い出しただけで (a memory, looked back on)."""
    if not (toks[j].surface == "だけ" and j >= 2 and j + 1 < i and toks[j + 1].surface == "で"):
        return False
    return (toks[j - 1].lemma == "た" and toks[j - 1].main == "助動詞" and toks[j - 2].main == "動詞"
            and toks[j - 2].lemma != "思い出す")


def _thought_at(toks: Sequence[Token], j: int, i: int) -> bool:
    """toks[j] (before i) thinks of it: 〜と思うと / 想像すると / 考え出したら / 考えただけで."""
    x = toks[j]
    return (x.norm in ("思う", "考える") or x.surface == "想像") and j + 1 < i and (
        toks[j + 1].surface in ("と", "たら", "だけ") or toks[j + 1].norm in ("為る", "出す", "始める")
        or (toks[j + 1].lemma == "た" and j + 2 < i and toks[j + 2].surface == "だけ"))


def _condition_at(toks: Sequence[Token], j: int) -> bool:
    """A condition after a predicate: 間に合わないと / 届かなかったら / なければ (Sudachi may call と 格助詞)."""
    return toks[j].surface in ("と", "たら", "ば", "ては", "では") and toks[j - 1].main in ("助動詞", "動詞", "形容詞")


def _anothers_feeling(content: Sequence[Token]) -> bool:
    """「本人は今からずいぶん不安なようです」: someone else's feeling, as the writer sees it."""
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
    """Relief or good news (安心しました / よかった): a worry in the sentence is over.

    Not relief denied (夜も安心して休めません / 安心できない): that is the worry going on.
    """
    for k, t in enumerate(tokens):
        if ((t.classes & BIT_RELIEF) or t.surface.startswith(("よかっ", "良かっ"))) and not _denied(tokens, k):
            return True
    return False


def _denied(tokens: Sequence[Token], k: int) -> bool:
    """The word at k is negated a few words on, before the clause or the tense ends (安心して休めません)."""
    for x in tokens[k + 1 : k + 6]:
        if x.surface in ("、", "。", "が", "けど", "ので", "から") or x.lemma == "た":
            return False
        if is_neg(x):
            return True
    return False



# Words that set a story in the past: 当時は / あの頃 / あのとき / 昔.
_BACK_THEN: Final = frozenset({
    "当時", "あの頃", "その頃", "頃", "昔", "かつて", "あの時", "あのとき", "その時", "そのとき",
})
_STILL: Final = frozenset({"今", "今も", "今でも", "未だ", "まだ", "いまだに", "現在"})


def back_then(tokens: Sequence[Token]) -> bool:
    """A worry in a sentence set back then (当時は / あの頃 / あのとき) and told in the past after it
    (「怖くてたまらなかったのが嘘のようです」「当時は本気で〜と思っていました」): resolved, a story.

    Not when the writer says it goes on (今でも / まだ), nor a sentence with no such anchor
    (「以前〜と聞いて、気が気ではありません」: the worry itself is present).
    """
    anchored = False
    tokens = unquoted(tokens)  # 「昔は〜ものよ」と: someone else's words
    for k, t in enumerate(tokens):
        if t.norm in _STILL or t.surface in _STILL:
            return False
        if t.surface in _BACK_THEN or t.norm in _BACK_THEN:
            if t.surface != "頃" or (k > 0 and tokens[k - 1].surface in ("あの", "その")):
                anchored = True
        elif anchored and t.lemma == "た" and t.main == "助動詞" and t.surface != "たら":
            return True
    return False
