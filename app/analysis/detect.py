"""Detection: which clauses tell (disclosure), ask (request) or worry (worry), sentence by sentence.

Works on Sudachi tokens of one sentence at a time, clause by clause, using part
of speech, conjugation form and normalised forms rather than strings. Whether one
clause asks, worries or tells is decided by the detectors in
`app.analysis.detectors` (one module a label, named rules in a registry, see
there); `label_sentence` here combines their verdicts for the sentence:
- a clause that asks or worries is highlighted, with the て-clauses leading into it;
- a reason clause before a request or worry needs less evidence to count as told
  than a sentence standing alone, because the reason construction itself says
  it is about the writer's situation (but 〜と聞いて, what set off a worry, is not);
- once a health condition is told, 〜が気になる in a later clause is a worry;
- relief in the sentence (安心しました) ends the worries told before it;
- a て-clause worry leading into a past told as a story (足がすくんで、…やっとでした) is the story's;
- a worry in a sentence set back then (当時は / あの頃), told in the past, is resolved;
- touching highlights of the same kind are joined.

The names other modules use from here (`Labelled`, `label_sentence`,
`disclosure_score`, `relieved`, …) stay here; the rules' helpers are re-exported.
"""

from __future__ import annotations

from typing import Final

from app.analysis.detectors import (
    disclosure_evidence,
    disclosure_score,
    explicit_request,
    is_request,
    is_worry,
    learned_may_add,
    refused_question,
)
from app.analysis.detectors.common import ANNOUNCE_GATE, BIT_CONDITION
from app.analysis.detectors.disclosure import announces, disclosure_cue, hypothetical, trigger
from app.analysis.detectors.request import wants_from_shop
from app.analysis.detectors.worry import back_then, on_their_mind, relieved, told_as_story
from app.analysis.segment import Clause, Link
from app.analysis.tokenizer import Token
from app.model import HighlightKind

__all__ = [
    "Labelled",
    "disclosure_cue",
    "disclosure_evidence",
    "disclosure_score",
    "explicit_request",
    "hypothetical",
    "is_request",
    "is_worry",
    "label_sentence",
    "learned_may_add",
    "refused_question",
    "relieved",
]


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


def label_sentence(clauses: list[Clause], sentence_end: str) -> list[Labelled]:
    """Highlights for one sentence, clause by clause."""
    n = len(clauses)
    req = [is_request(c, i == n - 1, sentence_end, clauses[i - 1].tokens[-1].surface if i and clauses[i - 1].tokens
                      else "") for i, c in enumerate(clauses)]
    wor = [is_worry(c) for c in clauses]
    all_tokens = [t for c in clauses for t in c.tokens]
    all_bits = 0
    for c in clauses:
        all_bits |= c.bits
    if all_bits & BIT_CONDITION and n > 1:
        # 「妻に卵アレルギーがあり、原材料が気になっています」: once a health condition is told,
        # what is on their mind is a risk to that person, a worry (alone it is interest).
        for i in range(1, n):
            if not wor[i] and any(c.bits & BIT_CONDITION for c in clauses[:i]):
                wor[i] = on_their_mind(clauses[i])
    if any(wor):
        # Relief ends the worries told before it (心配でしたが、安心しました), not one told after it
        # (「ひとまず安心しましたが、また同じことにならないか心配です」).
        last_relief = max((i for i, c in enumerate(clauses) if relieved(c.tokens)), default=-1)
        wor = [w if i > last_relief else "" for i, w in enumerate(wor)]
        # 「足がすくんで、…行くのがやっとでした」: a て-clause leading into a past told as a story.
        if n > 1 and told_as_story(clauses[-1].content):
            wor = [w if i == n - 1 or clauses[i].link is not Link.TE else "" for i, w in enumerate(wor)]
        # 「あの頃、水が怖くてたまらなかったのが嘘のようです」: a worry set back then, resolved.
        if any(wor) and back_then(all_tokens):
            wor = [""] * n
    out: list[Labelled] = []
    if not any(req) and not any(wor):
        if disclosure_score(all_tokens, all_bits) >= 2 and not (
                all_bits & ANNOUNCE_GATE == ANNOUNCE_GATE and announces(all_tokens)):
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
                if (wants_from_shop(list(c.tokens))
                        and disclosure_evidence(c.tokens, bits=c.bits, content=c.content)[0] >= 2):
                    out.append(Labelled(HighlightKind.DISCLOSURE, start, c.end, toks, disclosure_cue(c.tokens)))
            if wor[i]:
                out.append(Labelled(HighlightKind.WORRY, start, c.end, toks, wor[i]))
            continue
        later_main = any(req[i + 1 :]) or any(wor[i + 1 :])
        lexical, grammatical = disclosure_evidence(c.tokens, reason=later_main, bits=c.bits, content=c.content)
        if c.link is Link.REASON and later_main:
            told = lexical >= 1 or grammatical >= 2
        else:
            told = lexical + grammatical >= 2 and not (later_main and trigger(c.tokens))
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


_DISCLOSURE: Final = HighlightKind.DISCLOSURE
_REQUEST: Final = HighlightKind.REQUEST


def kind_value(kind: HighlightKind) -> str:
    """`kind.value`, without the enum's `value` property: that is Python code the compiled build calls
    through the interpreter (a few thousand instructions), and the hot loops ask it per highlight."""
    if kind is _DISCLOSURE:
        return "disclosure"
    if kind is _REQUEST:
        return "request"
    return "worry"


def _merge(items: list[Labelled]) -> list[Labelled]:
    """Join touching highlights of the same kind (consecutive disclosure clauses)."""
    items = sorted(items, key=lambda x: (x.start, kind_value(x.kind)))
    out: list[Labelled] = []
    for it in items:
        prev = next((o for o in reversed(out) if o.kind == it.kind), None)
        if prev is not None and it.start <= prev.end + 1 and it.start >= prev.start:
            merged = Labelled(it.kind, prev.start, max(prev.end, it.end), prev.tokens + it.tokens,
                              prev.cue or it.cue)
            out[out.index(prev)] = merged
        else:
            out.append(it)
    return sorted(out, key=lambda x: (x.start, kind_value(x.kind)))
