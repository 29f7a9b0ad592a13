"""unacknowledged_worry — 「お客様のご不安に寄り添う言葉がありません」.

The user sees a worry of the customer's (「間に合うか不安です」) that the draft
answers only with facts.

The principle, as a careful senior agent applies it (round pairs22): a worried customer first needs to hear that
the worry was *felt*, then that it is taken away. So a worry is met by either

- a sentence that recognises the feeling, in any words: naming it back (ご心配, ご不安, 気がかり, お焦り, お悩み),
  imagining it (さぞ〜ことと存じます, お察しします), owning it as natural (〜のも無理はありません, 迷われますよね,
  焦ってしまいますよね, 怖いですよね, 大変かと思います), sharing it (お気持ちよくわかります), or agreeing with the
  very trouble (「この時期はなかなか乾きませんよね」) — not a bare 「ご心配なく」; or
- a sentence that takes away *what it fears*: a reassurance about the worry's object (「十分間に合います。ご安心
  ください」), the risk denied (「混入はございません」), or a concrete step that removes it (a guarantee, a free
  exchange, a make that prevents it).

A span the analyser calls something told but that ends by stating a worry (〜が心配です) is a worry.
Sympathy with another trouble the customer told is not empathy with this worry; a reassurance taken back in the
same breath (「〜予定ではおりますが、お約束は出来かねます」) meets nothing; a worry is a stated feeling, not a fact
told about someone else (that is a disclosure).

How the code applies it. Empathy is a sentence of the agent's own that names
the feeling (ご心配, ご不安, お察し, お気持ち, 気がかり…); reassurance that
dismisses it (「ご心配なく」) does not count on its own. With several worries, an empathy
sentence counts for the worry it shares words with, or for all of them when
it names none in particular.

A worry is also met when the draft takes away what it fears, as a careful agent does:
reassurance about its object (「月末のお引っ越しには十分間に合います。ご安心ください。」,
「〜ので問題ございません」) or a concrete step that removes the risk (「靴擦れしにくい作りに
なっております」, 「無料で修理・交換できる保証」). The reassurance must be about the worry's
object — its words other than the feeling (心配, 不安, 気になる) — in the sentence or the one
just before a bare 「どうぞご安心ください」 (an answer to the request next to the worry is not
enough: 「加湿器は明日お届けします。ご安心ください。」 says nothing of the daughter's cough); a
worry that names no object (「心配です」 alone)
is met by any reassurance. A reassurance taken back in its own sentence
(「間に合う予定ではおりますが、お約束は出来かねます」) meets nothing. Sympathy with another trouble
the customer told (「パソコンが起動しないとなると、お困りのことと存じます」) is no empathy with a worry it
does not touch (「全部消えてしまったらと思うと眠れません」); a sentence naming the worry (ご不安, ご心配) is.

A worry is a stated 不安・心配 (REVIEW_FORMAT.md): a span the analyser marks as a worry that
states no feeling of the customer's (「怖がりな子で、まだ家の中でも落ち着かない様子です」 tells
about the dog) is something told, and `ignored_disclosure` judges it as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.model import Finding, FindingKind, Highlight, HighlightKind, Severity
from app.review import messages
from app.review.checks.refusal_without_alternative import REFUSAL
from app.review.context import ReviewContext
from app.review.gate import gated
from app.review.meaning import Key, matched_weight
from app.review.rules import end_of_own_text
from app.review.vocab import EMPATHY, NOT_EMPATHY
from app.text import Sentence

_EMPATHY = gated(re.compile(EMPATHY))
# Empathy that names a worry, not a hardship (お困り, 大変): it is about the customer's worry.
_NAMES_WORRY = re.compile(r"ご?心配|ご?不安|気がかり|気掛かり|気にな|気にかか|ご懸念|懸念|お焦り|焦られ|心細|"
                          r"気が気|やきもき|"
                          r"ハラハラ")
_NOT_EMPATHY = gated(re.compile(NOT_EMPATHY))


# Words that take the fear away: reassurance, or a step that removes the risk.
REASSURANCE = gated(re.compile(
    r"ご安心|安心して|安心いただ|ご心配(?:なく|には及びません|いりません)|"
    r"心配(?:は|には|も)?(?:ございません|いりません|要りません|及びません|ない|無用)|"
    r"問題(?:ございません|ありません|なく|ない)|間に合います|大丈夫(?:です|でございます)|"
    r"差し支え(?:ございません|ありません)|(?:し|り|れ|き|ぎ|ち|み|び|え|け|せ|て|ね|べ|め)(?:にく|づら)い|防[ぎげ]|"
    r"保証|無料で(?:交換|修理|返品|お取り替え)|(?:交換|返品|返金|修理)(?:も|を)?(?:承|可能|いたし|できます|いただけ)|"
    # The risk itself denied: 「小麦の混入はありません」「色移りのおそれはございません」.
    r"(?:混入|おそれ|恐れ|危険|リスク|可能性|影響|色移り|破損)(?:は|も)?(?:一切)?(?:ありません|ございません|ない)"
))
# Reassurance said in so many words, or the risk denied: about the worry's neighbour sentence too.
EXPLICIT = re.compile(
    r"ご安心|安心して|安心いただ|ご心配(?:なく|には及びません|いりません)|"
    r"心配(?:は|には|も)?(?:ございません|いりません|要りません|及びません|無用)|"
    r"(?:混入|おそれ|恐れ|危険|リスク|可能性|影響|色移り|破損)(?:は|も)?(?:一切)?(?:ありません|ございません|ない)"
)
# The feeling in a worry, not its object: a reassurance need not repeat it.
_FEELING = frozenset({"心配", "不安", "気がかり", "気掛かり", "怖い", "恐い", "焦る", "困る", "悩む", "迷う", "緊張",
                      "憂鬱", "落ち着く", "気", "残念", "がっかり", "辛い", "つらい", "大丈夫", "思う", "気になる"})


# The customer's own concern, stated: the feeling, or a doubt about the outcome (〜か, 〜のでは).
STATED_FEELING = re.compile(
    r"心配|不安|気にな|気がかり|気掛かり|困|焦|怖い|怖く|恐い|恐ろし|悩|迷って|迷い|緊張|ドキドキ|ハラハラ|憂鬱|"
    r"落ち着きません|落ち着かなくて|心細|残念|がっかり|大丈夫か|でしょうか|だろうか|のでは|ないか|かどうか|か[がも]?(?:気|分から|わから)|"
    r"どうしよう|間に合う|間に合わ|わかりません|分かりません|自信が|気が気|気が休ま|気を揉|胸が|やきもき|そわそわ|"
    r"眠れ|たまらな|仕方(?:が|)ない|参って|滅入|つらい|辛い|しんどい|"
    # a state of mind the worry leaves them in: hesitating, at a loss (「合わなかったらと思うと、踏み切れずにおります」
    # 「どうしたらよいのか途方に暮れております」) — a concern stated, judged as a worry, not as something told
    r"踏み切れ|途方に暮れ|(?:たら|れば)と思うと"
)


def states_a_feeling(text: str) -> bool:
    """Whether a worry span states the customer's own concern (else it only tells something)."""
    return bool(STATED_FEELING.search(text))


# A span marked as something told that ends by stating the customer's own worry (「間に合うか心配しています」) is a
# worry (REVIEW_FORMAT.md: a stated 不安・心配), whatever the analyser called it. 「困っています」 after a trouble told
# stays something told (「古いテーブルはもう処分してしまったので、困っています」): its labellers read it so.
WORRY_STATED = gated(re.compile(r"(?:心配|不安|焦って|気がかり|気掛かり)(?:です|でたまりません|しています|しております|"
                          r"(?:い|お)ます|(?:い|お)りまして|なんです)?$"))


def worries(ctx: ReviewContext) -> list[Highlight]:
    """The worry spans that state a concern (see the module docstring), and the told spans that state one."""
    stated = [w for w in ctx.highlights(HighlightKind.WORRY) if states_a_feeling(ctx.highlight_text(w))]
    stated += [d for d in ctx.highlights(HighlightKind.DISCLOSURE) if WORRY_STATED.search(ctx.highlight_text(d))
               and not any(w.start < d.end and d.start < w.end for w in stated)]
    return sorted(stated, key=lambda h: h.start)


def _object_keys(worry_keys: list[Key]) -> list[Key]:
    return [k for k in worry_keys if not (k.forms & _FEELING)]


_END = re.compile(r"[。！？!?\n]")


def _neighbour_keys(ctx: ReviewContext, worry: Highlight) -> list[Key]:
    """The words of the mail sentences just before and just after the worry's sentence."""
    mail = ctx.mail or ""
    start = max(mail.rfind(c, 0, worry.start) for c in "。！？!?\n") + 1
    following = _END.search(mail, worry.end)
    end = following.end() if following else len(mail)
    stop = start
    while stop > 0 and mail[stop - 1] in "。！？!?\n ":
        stop -= 1  # past the previous sentence's own 。 and line break
    before = max(mail.rfind(c, 0, stop) for c in "。！？!?\n") + 1
    while end < len(mail) and mail[end] in "。！？!?\n ":
        end += 1
    after = _END.search(mail, end)
    return ctx.range_keys(before, start) + ctx.range_keys(end, after.start() if after else len(mail))


@dataclass(frozen=True, slots=True)
class _Told:
    """Something else the customer told: a disclosure span, or any sentence of the mail, with its object keys."""

    start: int
    end: int
    keys: list[Key]
    disclosure: Highlight | None = None


@dataclass(frozen=True, slots=True)
class _Own:
    """What belongs to one worry and so is not "told elsewhere": its words, its reason, its sentence."""

    forms: frozenset[str]
    reason: Highlight | None   # the disclosure told right before the worry
    reason_start: int          # mail sentences from here …
    end: int                   # … to here are the worry's own and its reason's


def _own_of(ctx: ReviewContext, worry: Highlight, disclosures: list[Highlight]) -> _Own:
    mail = ctx.mail or ""
    before = [h for h in disclosures if h.end <= worry.start]
    reason = before[-1] if before and not mail[before[-1].end : worry.start].strip("、。！？!?\n 　") else None
    forms = frozenset(form for key in _object_keys(ctx.highlight_keys(worry)) for form in key.forms)
    start = max(mail.rfind(c, 0, worry.start) for c in "。！？!?\n") + 1
    stop = start
    while stop > 0 and mail[stop - 1] in "。！？!?\n 　":
        stop -= 1
    reason_start = max(mail.rfind(c, 0, stop) for c in "。！？!?\n") + 1
    following = _END.search(mail, worry.end)
    return _Own(forms, reason, reason_start, following.end() if following else len(mail))


def _told_elsewhere_matches(worry: Highlight, own: _Own, candidates: list[_Told], pool: set[str]) -> bool:
    """Whether one of `candidates` (told items whose keys meet `pool`) is told away from this worry and still
    meets `pool` without the worry's own words: the disclosures other than the worry's reason and the ones
    overlapping it, and the mail's sentences other than the worry's own and the one just before it (the
    analyser may not mark the trouble told: 「昨日から仕事用のパソコンが起動しなくなり」)."""
    for told in candidates:
        if told.disclosure is not None:
            highlight = told.disclosure
            if highlight is own.reason or (highlight.start < worry.end and worry.start < highlight.end):
                continue
        elif not (told.end <= own.reason_start or told.start >= own.end):
            continue
        keys = [k for k in told.keys if k.forms.isdisjoint(own.forms)]
        if sum(k.weight for k in keys) >= 1.0 and matched_weight(keys, pool)[0] >= 1.0:
            return True
    return False


_MAIL_SENTENCE = re.compile(r"[^。！？!?\n]+")
_AGREES = gated(re.compile(r"(?:ません|です|ます|でした|ました)よね[。！!]?\s*$"))


def is_empathy(sentence: Sentence) -> bool:
    text = _NOT_EMPATHY.sub("", sentence.text)
    return bool(_EMPATHY.search(text))


def check(ctx: ReviewContext) -> list[Finding]:
    if not ctx.has_mail:
        return []
    stated = worries(ctx)
    if not stated:
        return []
    worry_keys = [ctx.highlight_keys(w) for w in stated]
    # What else the customer told, away from each worry: an empathy sentence about that (「お仕事でお使いのパソコンが
    # 起動しないとなると、お困りのことと存じます」 for 「起動しなくなり」) is no empathy with a worry it does not
    # touch (「全部消えてしまったらと思うと眠れません」). The span told just before a worry is its reason
    # (「週末のフェスで着たくて買ったんで、金曜までに来ないと困る」) and counts as the worry's own.
    # Found only when an empathy sentence names no worry and shares no word with one (the live review runs often);
    # each such sentence first keeps the told items that meet it at all (dropping a worry's words can only lose
    # weight), so the work is the mail's items once per sentence, not once per sentence and worry.
    told: list[_Told] = []
    told_disclosures: list[Highlight] = []
    owns: dict[int, _Own] = {}

    objects_of = [_object_keys(k) for k in worry_keys]
    # Which worries each empathy sentence is about (by shared words); none → all it is not about something else.
    covered: set[int] = set()
    for sentence, sentence_keys in zip(ctx.sentences, ctx.sentence_keys, strict=True):
        if not is_empathy(sentence):
            # Agreeing with the very trouble they worry about (「この時期はなかなか乾きませんよね」) shares it.
            if _AGREES.search(sentence.text):
                pool = {form for key in sentence_keys for form in key.forms}
                covered |= {i for i, k in enumerate(objects_of) if matched_weight(k, pool)[0] >= 1.0}
            continue
        pool = {form for key in sentence_keys for form in key.forms}
        about = {i for i, k in enumerate(worry_keys) if matched_weight(k, pool)[0] >= 1.0}
        # A sentence naming the worry itself (ご不安, ご心配) is about a worry whatever else it names.
        names_worry = bool(_NAMES_WORRY.search(_NOT_EMPATHY.sub("", sentence.text)))
        if about or names_worry:
            covered |= about or set(range(len(stated)))
            continue
        if not told:
            disclosures = sorted(ctx.highlights(HighlightKind.DISCLOSURE), key=lambda h: h.start)
            told += [_Told(h.start, h.end, _object_keys(ctx.highlight_keys(h)), h) for h in disclosures]
            told_disclosures += disclosures
            told += [_Told(m.start(), m.end(), _object_keys(ctx.range_keys(m.start(), m.end())))
                     for m in _MAIL_SENTENCE.finditer(ctx.mail or "")]
        candidates = [t for t in told if matched_weight(t.keys, pool)[0] >= 1.0]
        for i in range(len(stated)):
            if i in covered:
                continue
            if i not in owns:
                owns[i] = _own_of(ctx, stated[i], told_disclosures)
            if not _told_elsewhere_matches(stated[i], owns[i], candidates, pool):
                covered.add(i)
    objects = [_object_keys(k) for k in worry_keys]
    # The mail sentence right before or after a worry often names what it is about (「息子に小麦アレル
    # ギーがあります。…同じラインで作っていますか。誕生日に食べさせたいのですが、少し心配です」):
    # an explicit reassurance or a denied risk about it meets the worry.
    beside = [_object_keys(_neighbour_keys(ctx, w)) for w in stated]
    previous: set[str] = set()
    for sentence, sentence_keys in zip(ctx.sentences, ctx.sentence_keys, strict=True):
        pool = {form for key in sentence_keys for form in key.forms}
        # 「間に合う予定ではおりますが、お約束は出来かねます」 takes back what it reassured.
        if REASSURANCE.search(sentence.text) and not REFUSAL.search(sentence.text):
            # A bare 「どうぞご安心ください」 reassures about what the sentence before it said.
            near = pool | previous if sum(k.weight for k in _object_keys(sentence_keys)) < 1.0 else pool
            explicit = bool(EXPLICIT.search(sentence.text))
            for i, object_keys in enumerate(objects):
                total = sum(k.weight for k in object_keys)
                if total < 1.0 or matched_weight(object_keys, near)[0] >= 1.0 or (
                        explicit and matched_weight(beside[i], near)[0] >= 1.0):
                    covered.add(i)
        previous = pool
    at = end_of_own_text(ctx)
    out = []
    for i, worry in enumerate(stated):
        if i in covered:
            continue
        out.append(
            messages.finding(
                FindingKind.UNACKNOWLEDGED_WORRY,
                Severity.WARNING,
                at,
                at,
                messages.say(messages.UNACKNOWLEDGED_WORRY, worry=ctx.highlight_text(worry)),
                "",
                worry,
            )
        )
    return out
