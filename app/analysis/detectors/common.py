"""What the detectors share: the rule classes, the verdict "not this", class bits and token helpers.

A rule is a plain function with a docstring; the registry in `__init__.py` wraps
each in a `Rule` (a verdict: a cue, "" for no verdict, `NOT` for a veto) or an
`Evidence` (points towards a disclosure), with the lexicon class bits it needs:
a rule whose words are absent from the clause (or the token) is skipped with one
integer test, never called. Plain classes, not dataclasses: this module is
compiled with mypyc (see app/analysis/__init__.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from app.analysis import lexicon as lx
from app.analysis.tokenizer import Token

# A veto's verdict: "not this", whatever a later rule would say. (A cue is `CueKind:words`,
# never this string.)
NOT: Final = "-"


class Rule:
    """A named rule that gives a verdict: a cue (it fires), "" (no verdict: the next rule's turn) or NOT (a veto).

    `needs`: the lexicon class bits one of which the clause (or, for a rule at a token,
    the token) must have for the rule to be asked at all; 0 asks it always.
    `at`, for a rule at a token: the words (surface, dictionary or normalised form) it
    starts from; it is asked only at those tokens (empty: at every token).
    """

    __slots__ = ("at", "name", "needs", "test")

    def __init__(self, test: Callable[..., str], needs: int = 0, at: frozenset[str] = frozenset()) -> None:
        self.test: Callable[..., str] = test
        self.name: str = getattr(test, "__name__", "")
        self.needs: int = needs
        self.at: frozenset[str] = at

    def __repr__(self) -> str:
        return f"Rule({self.name})"


class Evidence:
    """A named rule that counts towards a disclosure: the points it gives (0: none).

    `lexical`: its points count as lexical evidence (who and what: the writer, their
    family, their life) rather than grammatical (how it is said: a plan, an experience).
    `needs` and `at` as for `Rule`.
    """

    __slots__ = ("at", "lexical", "name", "needs", "test")

    def __init__(self, test: Callable[..., int], needs: int = 0, lexical: bool = False,
                 at: frozenset[str] = frozenset()) -> None:
        self.test: Callable[..., int] = test
        self.name: str = getattr(test, "__name__", "")
        self.needs: int = needs
        self.lexical: bool = lexical
        self.at: frozenset[str] = at

    def __repr__(self) -> str:
        return f"Evidence({self.name})"


class AtIndex:
    """Which rules at a token to ask at a given token: those that start from its words, and those asked anywhere.

    Built once from a detector's rules at a token (their positions, in order), so that a
    token none of them starts from costs three dictionary look-ups and no call.
    """

    __slots__ = ("anywhere", "by_word")

    def __init__(self, words: Sequence[frozenset[str]]) -> None:
        self.anywhere: tuple[int, ...] = tuple(k for k, at in enumerate(words) if not at)
        by_word: dict[str, tuple[int, ...]] = {}
        for k, at in enumerate(words):
            for word in sorted(at):
                by_word[word] = (*by_word.get(word, ()), k)
        self.by_word: dict[str, tuple[int, ...]] = by_word

    def positions(self, t: Token) -> tuple[int, ...]:
        """The positions of the rules to ask at `t`, in the detector's order."""
        by_word = self.by_word
        surface = by_word.get(t.surface)
        lemma = by_word.get(t.lemma) if t.lemma != t.surface else None
        norm = by_word.get(t.norm) if t.norm != t.surface and t.norm != t.lemma else None
        if surface is None and lemma is None and norm is None:
            return self.anywhere
        merged = set(self.anywhere)
        for found in (surface, lemma, norm):
            if found is not None:
                merged.update(found)
        return tuple(sorted(merged))


_NEG_AUX: Final = ("ない", "ず", "ぬ", "ん")


def content_of(tokens: Sequence[Token]) -> list[Token]:
    """The words of `tokens`, without punctuation, spaces or laugh marks."""
    return [t for t in tokens if t.content]


# Class bits, tested inline in the hot loops (a call per token costs more than the test).
BIT_ASK_VERBS: Final = lx.BIT[lx.ASK_VERBS]
BIT_CIRCUMSTANCE: Final = lx.BIT[lx.CIRCUMSTANCE]
BIT_CONDITION: Final = lx.BIT[lx.CONDITION]
BIT_FEELING: Final = lx.BIT[lx.FEELING]
BIT_FORMULA_NOUNS: Final = lx.BIT[lx.FORMULA_NOUNS]
BIT_FORMULA_PLEASE: Final = lx.BIT[lx.FORMULA_PLEASE]
BIT_LIFE: Final = lx.BIT[lx.LIFE]
BIT_NERVOUS: Final = lx.BIT[lx.NERVOUS]
BIT_ORDER: Final = lx.BIT[lx.ORDER]
BIT_ORDER_VERBS: Final = lx.BIT[lx.ORDER_VERBS]
BIT_PREFACE_VERBS: Final = lx.BIT[lx.PREFACE_VERBS]
BIT_RELIEF: Final = lx.BIT[lx.RELIEF]
BIT_RISK: Final = lx.BIT[lx.RISK]
BIT_SELF: Final = lx.BIT[lx.SELF]
BIT_THIRD_PARTY: Final = lx.BIT[lx.THIRD_PARTY]
BIT_WORRY: Final = lx.BIT[lx.WORRY]
DISCLOSURE_CUE: Final = lx.CUE_BIT[lx.DISCLOSURE_CUES]
HYPOTHETICAL_CUE: Final = lx.CUE_BIT[lx.HYPOTHETICAL_CUES]
WORRY_GATE: Final = lx.CUE_BIT[lx.WORRY_CUES] | lx.BIT[lx.WORRY] | lx.BIT[lx.NERVOUS]
PERSONAL: Final = lx.BIT[lx.SELF] | lx.BIT[lx.FAMILY]
OTHERS: Final = lx.BIT[lx.FAMILY] | lx.BIT[lx.THIRD_PARTY]
NARRATIVE_CUE: Final = lx.CUE_BIT[lx.NARRATIVE_CUES]
DISCLOSURE_ANY: Final = PERSONAL | lx.BIT[lx.LIFE] | lx.BIT[lx.CIRCUMSTANCE] | DISCLOSURE_CUE | NARRATIVE_CUE
REQUEST_CUE: Final = lx.CUE_BIT[lx.REQUEST_CUES]
PREFACE_GATE: Final = lx.BIT[lx.PREFACE_VERBS] | lx.CUE_BIT[lx.PREFACE_CUES]
HEDGE_CUE: Final = lx.CUE_BIT[lx.HEDGE_CUES]
SHOPPING_CUE: Final = lx.CUE_BIT[lx.SHOPPING_CUES]
ANNOUNCE_GATE: Final = lx.CUE_BIT[lx.CAUSATIVE_CUES] | lx.BIT[lx.PREFACE_VERBS]


def is_neg(t: Token) -> bool:
    """A negation: ない / ず / ぬ / ん, or the adjective ない."""
    return (t.main == "助動詞" and (t.lemma in _NEG_AUX or t.ctype in ("助動詞-ナイ", "助動詞-ヌ"))) or (
        t.main == "形容詞" and t.lemma in ("ない", "無い")
    )


_QUOTE_OPEN: Final = ("「", "『")
_QUOTE_CLOSE: Final = ("」", "』")


def unquoted(toks: Sequence[Token]) -> list[Token]:
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


def span(toks: Sequence[Token], i: int, j: int) -> str:
    """The surfaces of toks[i:j] (clamped), as the mail wrote them: the words a cue shows."""
    return "".join(t.surface for t in toks[max(0, i) : max(0, j)] if t.main != "空白")


def tail(content: list[Token]) -> str:
    """The predicate ending of a clause (〜ますでしょうか → ますでしょうか), for a question cue."""
    k = len(content) - 1
    while k > 0 and len(content) - k < 4 and content[k - 1].main in ("助動詞", "助詞"):
        k -= 1
    return span(content, k, len(content))


def first(toks: Sequence[Token], test: Callable[[Token], bool]) -> int:
    """The index of the first token that passes `test` (0 when none does)."""
    return next((i for i, t in enumerate(toks) if test(t)), 0)
