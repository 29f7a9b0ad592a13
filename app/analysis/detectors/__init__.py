"""The detectors, one module a label, and their rules in the order they run.

`label_sentence` (app/analysis/detect.py) asks each clause `is_request` and
`is_worry`, and counts `disclosure_evidence`; each runs its label's rules below.
A rule is a function with a docstring saying what it catches and why, in its
label's module (`request`, `worry`, `disclosure`); `common` holds what they share.

- A `Rule` gives a verdict: a cue (`CueKind:words`: the rule fires and the cue
  says why, as the tooltip shows it), "" (no verdict: the next rule's turn) or
  `NOT` (a veto: not this label, whatever a later rule would say). The first
  rule with a verdict decides.
- An `Evidence` gives points towards a disclosure; a clause is told at 2.
- `needs`: lexicon class bits (app/analysis/lexicon.py), one of which the clause
  (or the token, for rules at a token) must have for the rule to be asked at
  all: the rule is skipped with one integer test. It must cover every word the
  rule starts from, or the rule never fires on it.
- `at`, for rules at a token: the words (surface, dictionary or normalised form)
  the rule starts from; it is asked only at those tokens. Same caution: a word
  the rule tests for at position i must be in `at`.

Order matters: a veto stops only the rules after it, and a cue names the first
rule that fires (the learned layer's features include the cue kinds). Every rule
has its own cases in tests/unit/test_detector_rules.py.

Adding a rule: see the steps in docs/ARCHITECTURE.md §10. In short: the
function in its label's module, its place in the tuples below (with what it
`needs`), a row in tests/unit/test_detector_rules.py, then `make` and a snapshot
(`scripts/analysis_snapshot.py`) before and after. New cue words go to the
lexicon's classes, so that `needs` keeps skipping what cannot fire.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from app.analysis.detectors import disclosure, request, worry
from app.analysis.detectors.common import (
    BIT_CIRCUMSTANCE,
    BIT_FEELING,
    BIT_LIFE,
    BIT_NERVOUS,
    BIT_ORDER,
    BIT_THIRD_PARTY,
    BIT_WORRY,
    DISCLOSURE_ANY,
    DISCLOSURE_CUE,
    HEDGE_CUE,
    HYPOTHETICAL_CUE,
    NARRATIVE_CUE,
    NOT,
    PERSONAL,
    PREFACE_GATE,
    REQUEST_CUE,
    SHOPPING_CUE,
    WORRY_GATE,
    AtIndex,
    Evidence,
    Rule,
    content_of,
    unquoted,
)
from app.analysis.segment import Clause
from app.analysis.tokenizer import Token

# ---------------------------------------------------------------- request: rules on the clause (`request.Asked`)

REQUEST: Final[tuple[Rule, ...]] = (
    Rule(request.preface, needs=PREFACE_GATE),  # veto
    Rule(request.greeting_question),  # veto
    Rule(request.rhetorical),  # veto
    Rule(request.question),
    Rule(request.formula_only, needs=REQUEST_CUE),  # veto
    Rule(request.please, needs=REQUEST_CUE),
    Rule(request.benefactive, needs=REQUEST_CUE),
    Rule(request.onegai, needs=REQUEST_CUE),
    Rule(request.wants, needs=REQUEST_CUE),
    Rule(request.final_wish, needs=REQUEST_CUE),
    Rule(request.order_intent, needs=REQUEST_CUE),
    Rule(request.wanted_thing, needs=REQUEST_CUE),
    Rule(request.wish_to_ask, needs=REQUEST_CUE),
    Rule(request.hope, needs=REQUEST_CUE),
    Rule(request.glad_if, needs=REQUEST_CUE),
    Rule(request.hedged, needs=HEDGE_CUE),  # the one ask without the request cue words
    Rule(request.alternative, needs=REQUEST_CUE),
    Rule(request.indirect_question, needs=REQUEST_CUE),
    Rule(request.proposal),  # plain-form proposals carry none of the request cue words
    Rule(request.better_way),  # nor does 〜方が親切だと思います
    Rule(request.wished_otherwise),  # nor もう少し軽かったら良かったです
)

# ---------------------------------------------------------------- worry: rules on the clause, then at each token

# No rule below is asked of a clause without one of these words.
WORRY_NEEDS: Final = WORRY_GATE
WORRY: Final[tuple[Rule, ...]] = (
    Rule(worry.anothers_feeling),  # veto
    Rule(worry.kept_awake_last_night),  # before told_as_past: last night's lost sleep is no story
    Rule(worry.told_as_past),  # veto
)
# At each token of the clause outside quotes, in this order; the first token where one fires decides.
WORRY_AT: Final[tuple[Rule, ...]] = (
    Rule(worry.no_confidence, at=frozenset({"自信"})),
    Rule(worry.worry_not_held, needs=BIT_WORRY),  # veto
    Rule(worry.worry_word, needs=BIT_WORRY),
    Rule(worry.doushiyou, needs=WORRY_GATE,
         at=frozenset({"どう", "どない", "どげん", "どがん", "どぎゃん", "どがい", "ど"})),
    Rule(worry.ki_ga_ki_denai, needs=WORRY_GATE, at=frozenset({"気"})),
    Rule(worry.restless, needs=WORRY_GATE,
         at=frozenset({"休まる", "落ち着く", "眠れる", "寝つける", "寝付ける", "寝付く"})),
    Rule(worry.feared_thought, needs=WORRY_GATE, at=frozenset({"思う", "考える"})),
    Rule(worry.whether_able, needs=WORRY_GATE, at=frozenset({"か"})),
    Rule(worry.feared_trouble, needs=WORRY_GATE, at=frozenset({"困る"})),
    Rule(worry.trouble_to_come, needs=WORRY_GATE, at=frozenset({"困る"})),
    Rule(worry.nervous, needs=BIT_NERVOUS),
    Rule(worry.nerves_now, needs=WORRY_GATE, at=frozenset({"緊張"})),
    Rule(worry.half_believing, needs=WORRY_GATE, at=frozenset({"半疑"})),
    Rule(worry.no_idea, needs=WORRY_GATE, at=frozenset({"見当", "判断", "見通し", "目処", "めど", "目途"})),
    Rule(worry.at_a_loss_if, needs=WORRY_GATE, at=frozenset({"分かる", "わかる"})),
    Rule(worry.cornered, needs=WORRY_GATE, at=frozenset({"窮する"})),
    Rule(worry.risk_on_mind, needs=WORRY_GATE, at=frozenset({"気"})),
    Rule(worry.whether_on_mind, needs=WORRY_GATE, at=frozenset({"気"})),
    Rule(worry.memory_on_mind, needs=WORRY_GATE, at=frozenset({"頭"})),  # veto
    Rule(worry.preoccupied, needs=WORRY_GATE, at=frozenset({"頭", "立つ", "気", "まま"})),
    Rule(worry.feared_maybe, needs=WORRY_GATE, at=frozenset({"か"})),
    Rule(worry.anxious_body, needs=WORRY_GATE,
         at=frozenset({"胃", "胸", "手", "心臓", "冷や汗", "背筋", "足", "息", "寝つき", "寝付き", "頭", "喉", "のど",
                       "心地", "動悸", "手のひら", "掌", "指先", "お腹", "おなか", "血の気"})),
    Rule(worry.woken_by_thought, needs=WORRY_GATE, at=frozenset({"覚める", "醒める"})),
    Rule(worry.ruminating, needs=WORRY_GATE, at=frozenset({"考える", "考え込む"})),
    Rule(worry.hope_not, needs=WORRY_GATE, at=frozenset({"良い"})),
    Rule(worry.dire_if, needs=WORRY_GATE,
         at=frozenset({"やばい", "ヤバい", "詰む", "かなう", "顔向け", "立ち直る", "立ち直れる", "顔"})),
    Rule(worry.may_well_happen, needs=WORRY_GATE, at=frozenset({"かねる"})),
    Rule(worry.too_late_if, needs=WORRY_GATE, at=frozenset({"間に合う"})),
    Rule(worry.dire_outcome, needs=WORRY_GATE, at=frozenset({"しまう", "仕舞う", "ちゃう", "ちまう", "成る"})),
    # Asked at a negation whatever its class bits (ない / ず are no cue words: as one they would set the worry-cue
    # feature of most sentences); the clause still needs a cue word (間に合う, まま, 成る…) to be asked at all.
    Rule(worry.shut_out_if, at=frozenset({"成る", "ない", "無い", "ず", "なくなる", "無くなる"})),
    Rule(worry.what_becomes, needs=WORRY_GATE, at=frozenset({"どう"})),
    # Asked at 〜のに's に whatever its class bits; the clause needs a date word (まで, 明日, 来週…) to be asked at all.
    Rule(worry.pressed_for_time, at=frozenset({"に"})),
    Rule(worry.on_mind_now, needs=WORRY_GATE, at=frozenset({"引っかかる", "引っ掛かる", "かかる", "掛かる", "気"})),
    Rule(worry.held_back, needs=WORRY_GATE,
         at=frozenset({"ためらう", "躊躇う", "迷う", "踏み切る", "踏ん切り", "踏み出す"})),
)
WORRY_AT_INDEX: Final = AtIndex([r.at for r in WORRY_AT])

# ---------------------------------------------------------------- disclosure: vetoes, then evidence added up

DISCLOSURE_VETOES: Final[tuple[Rule, ...]] = (
    Rule(disclosure.hypothetical_only, needs=HYPOTHETICAL_CUE),
    Rule(disclosure.someone_elses, needs=BIT_THIRD_PARTY),
    Rule(disclosure.delivery_fact, needs=BIT_ORDER),
    Rule(disclosure.customer_role),
    Rule(disclosure.name_only),
    Rule(disclosure.name_with_order),
)
# On the clause, in this order (a later one may read the points counted so far).
DISCLOSURE_EVIDENCE: Final[tuple[Evidence, ...]] = (
    Evidence(disclosure.personal, needs=PERSONAL, lexical=True),
    Evidence(disclosure.life_event, needs=BIT_LIFE | DISCLOSURE_CUE, lexical=True),
    Evidence(disclosure.circumstances, needs=BIT_CIRCUMSTANCE, lexical=True),
    Evidence(disclosure.feeling, needs=BIT_FEELING, lexical=True),
)
# At each disclosure cue word: the first rule that gives points speaks for the word.
DISCLOSURE_AT: Final[tuple[Evidence, ...]] = (
    Evidence(disclosure.plan_word, at=frozenset({"つもり", "心算", "計画", "目標"})),
    Evidence(disclosure.own_plan, at=frozenset({"予定"})),
    Evidence(disclosure.own_date, at=frozenset({"予定"})),
    Evidence(disclosure.past_experience, at=frozenset({"前回", "以前", "去年", "昨年", "一昨年"})),
    Evidence(disclosure.budget, at=frozenset({"予算"})),
    Evidence(disclosure.own_schedule, at=frozenset({"都合"})),
    Evidence(disclosure.first_time, at=frozenset({"初めて", "はじめて"})),
    Evidence(disclosure.aptitude, lexical=True, at=frozenset({"苦手", "得意", "弱い"})),
    Evidence(disclosure.intended, at=frozenset({"思う", "考える"})),
    Evidence(disclosure.done_for_good, at=frozenset({"しまう", "仕舞う", "ちゃう"})),
    Evidence(disclosure.decided, at=frozenset({"事", "こと"})),
    Evidence(disclosure.just_did, at=frozenset({"ばかり"})),
    Evidence(disclosure.went_through, at=frozenset({"事", "こと"})),
    Evidence(disclosure.senses, lexical=True, at=frozenset({"見える", "聞こえる", "聞き取る", "眠る", "眠れる"})),
    Evidence(disclosure.actually, at=frozenset({"実は", "実"})),
    Evidence(disclosure.longed_for, at=frozenset({"始める", "念願", "憧れ", "挑戦", "初挑戦", "ようやく", "やっと"})),
    Evidence(disclosure.wish_that_explains, at=frozenset({"たい"})),
    Evidence(disclosure.unfamiliar, lexical=True, at=frozenset({"詳しい", "慣れる"})),
    Evidence(disclosure.at_a_loss, lexical=True, at=frozenset({"分かる", "わかる"})),
)
DISCLOSURE_AT_INDEX: Final = AtIndex([e.at for e in DISCLOSURE_AT])
# On the clause once the cue words are counted.
DISCLOSURE_AFTER: Final[tuple[Evidence, ...]] = (
    Evidence(disclosure.cannot),
    Evidence(disclosure.ongoing),
    Evidence(disclosure.lived, needs=NARRATIVE_CUE),
    Evidence(disclosure.felt, needs=NARRATIVE_CUE),
)
# Vetoes that read the evidence counted.
DISCLOSURE_LAST_VETOES: Final[tuple[Rule, ...]] = (
    Rule(disclosure.shopping, needs=SHOPPING_CUE),
    Rule(disclosure.gratitude_only, needs=NARRATIVE_CUE),
)
# Asked only where the learned layer would add a disclosure the rules did not make (`learned_may_add`).
LEARNED_DISCLOSURE_VETOES: Final[tuple[Rule, ...]] = (
    Rule(disclosure.anothers_words),
)


# ---------------------------------------------------------------- running them


def is_request(clause: Clause, last_in_sentence: bool, sentence_end: str, after: str = "") -> str:
    """The cue (`CueKind:words`) that makes the clause an ask, or "" when it is none; `after` is the word
    the sentence's clause before it ended on ("" for the first)."""
    asked = request.Asked(clause, last_in_sentence, sentence_end, after)
    bits = clause.bits
    for rule in REQUEST:
        if rule.needs and not bits & rule.needs:
            continue
        verdict = rule.test(asked)
        if verdict:
            return "" if verdict == NOT else verdict
    return ""


def explicit_request(clause: Clause, sentence_end: str, after: str = "") -> bool:
    """The sentence's last clause asks by its grammar alone (`request.explicit_ask`)."""
    return request.explicit_ask(request.Asked(clause, True, sentence_end, after))


def refused_question(clause: Clause, sentence_end: str, after: str = "") -> bool:
    """The sentence's last clause is a question the rules turn down on purpose (`request.refused_question`)."""
    return request.refused_question(request.Asked(clause, True, sentence_end, after))


def is_worry(clause: Clause) -> str:
    """The cue (`CueKind:words`) that makes the clause a worry, or "" when it is none."""
    if not clause.bits & WORRY_NEEDS:
        return ""  # none of the words the rules start from
    for rule in WORRY:
        if rule.needs and not clause.bits & rule.needs:
            continue
        verdict = rule.test(clause)
        if verdict:
            return "" if verdict == NOT else verdict
    toks = unquoted(clause.tokens)  # 「もう怖い」と言った: someone else's words, reported
    for i in range(len(toks)):
        t = toks[i]
        for k in WORRY_AT_INDEX.positions(t):
            rule = WORRY_AT[k]
            if rule.needs and not t.classes & rule.needs:
                continue
            verdict = rule.test(toks, i)
            if verdict:
                return "" if verdict == NOT else verdict
    return ""


def disclosure_evidence(tokens: Sequence[Token], reason: bool = False, bits: int = -1,
                        content: Sequence[Token] | None = None) -> tuple[int, int]:
    """(lexical, grammatical) evidence that the words tell the writer's own situation.

    `bits`: the words' class bits OR-ed, when the caller knows them (-1: not known);
    `content`: the words without punctuation, when known. A reason clause needs
    lexical evidence: a progressive alone (「切れ味が落ちてきたので」) describes the
    item, not the writer.
    """
    if not bits & DISCLOSURE_ANY:
        return 0, 0  # the words' classes, known before looking at them (-1: not known)
    toks = content_of(tokens) if content is None else content
    if bits == -1:
        # Not known from the clause: gather them (no word any rule needs: at most 1, a
        # progressive, which no caller counts as told).
        bits = 0
        for t in toks:
            bits |= t.classes
        if not bits & DISCLOSURE_ANY:
            return 0, 0
    told = disclosure.Told(toks, bits, reason)
    for rule in DISCLOSURE_VETOES:
        if (not rule.needs or bits & rule.needs) and rule.test(told) == NOT:
            return 0, 0
    for evidence in DISCLOSURE_EVIDENCE:
        if not evidence.needs or bits & evidence.needs:
            _add(told, evidence, evidence.test(told))
    if bits & DISCLOSURE_CUE:
        for i in range(len(toks)):
            t = toks[i]
            if not t.classes & DISCLOSURE_CUE:
                continue
            for k in DISCLOSURE_AT_INDEX.positions(t):
                evidence = DISCLOSURE_AT[k]
                points = evidence.test(told, i)
                if points:
                    _add(told, evidence, points)
                    break
    for evidence in DISCLOSURE_AFTER:
        if not evidence.needs or bits & evidence.needs:
            _add(told, evidence, evidence.test(told))
    for rule in DISCLOSURE_LAST_VETOES:
        if (not rule.needs or bits & rule.needs) and rule.test(told) == NOT:
            return 0, 0
    return told.lexical, told.grammatical


def learned_may_add(tokens: Sequence[Token], quoted: bool) -> bool:
    """Whether the learned layer may mark the sentence a disclosure the rules passed over: no rule of
    `LEARNED_DISCLOSURE_VETOES` turns it down. `quoted`: the sentence lies inside a quotation that runs over
    several sentences (`features.reported_speech`)."""
    toks = content_of(tokens)
    bits = 0
    for t in toks:
        bits |= t.classes
    told = disclosure.Told(toks, bits, False, quoted)
    return not any((not rule.needs or bits & rule.needs) and rule.test(told) == NOT
                   for rule in LEARNED_DISCLOSURE_VETOES)


def _add(told: disclosure.Told, evidence: Evidence, points: int) -> None:
    if evidence.lexical:
        told.lexical += points
    else:
        told.grammatical += points


def disclosure_score(tokens: Sequence[Token], bits: int = -1) -> int:
    """Lexical and grammatical evidence together: the words tell at 2."""
    lexical, grammatical = disclosure_evidence(tokens, bits=bits)
    return lexical + grammatical


def registered() -> list[tuple[str, str, Rule | Evidence]]:
    """Every registered rule in the order it runs, with its label and where it runs (for tests and readers)."""
    out: list[tuple[str, str, Rule | Evidence]] = []
    out += [("request", "clause", r) for r in REQUEST]
    out += [("worry", "clause", r) for r in WORRY]
    out += [("worry", "token", r) for r in WORRY_AT]
    out += [("disclosure", "veto", r) for r in DISCLOSURE_VETOES]
    out += [("disclosure", "clause", e) for e in DISCLOSURE_EVIDENCE]
    out += [("disclosure", "token", e) for e in DISCLOSURE_AT]
    out += [("disclosure", "after", e) for e in DISCLOSURE_AFTER]
    out += [("disclosure", "last veto", r) for r in DISCLOSURE_LAST_VETOES]
    out += [("disclosure", "learned veto", r) for r in LEARNED_DISCLOSURE_VETOES]
    return out
