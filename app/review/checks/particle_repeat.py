"""particle_repeat — 助詞の重複 「同じ助詞が続いています」.

The user sees a clause where the same case particle marks two different words
before the verb they belong to (「商品が在庫がございません」「箱をラッピングを」; not
「お客様がご希望の色が」, where the first が sits in a clause modifying the noun),
or の chained four times (AのBのCのDのE), or a particle typed twice (「にに」,
「はは」, 「もも」: Sudachi reads both as particles, so 母 (はは) and 桃 (もも) stay).
Each reads as a slip; the fix is to rephrase, so no automatic suggestion is
given except for a doubled particle.
"""

from __future__ import annotations

import itertools

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.text import Token

_CASE = frozenset({"が", "を"})
# A particle typed twice: case particles and the topic and focus ones (送料はは, 本日もも).
_DOUBLED = frozenset({"が", "を", "に", "で", "と", "へ", "の", "は", "も", "から", "まで", "より"})
_CLAUSE_END = frozenset({"動詞", "形容詞", "助動詞", "補助記号", "形状詞"})


def _clause_repeats(tokens: tuple[Token, ...]) -> list[tuple[Token, Token]]:
    """Pairs of the same case particle with no predicate or punctuation between them."""
    pairs = []
    seen: dict[str, Token] = {}
    for token in tokens:
        if token.main in _CLAUSE_END:
            seen.clear()
        elif token.main == "助詞" and token.sub == "格助詞" and token.surface in _CASE:
            if token.surface in seen:
                pairs.append((seen[token.surface], token))
            seen[token.surface] = token
        elif token.main == "助詞" and token.surface == "の":
            # 「お客様がご希望の色が」: the first が belongs to a clause modifying the noun; both are right.
            seen.clear()
        elif token.main == "助詞" and token.sub in ("接続助詞", "係助詞"):
            seen.clear()
    return pairs


def _no_chains(tokens: tuple[Token, ...]) -> list[tuple[Token, Token]]:
    chains = []
    run: list[Token] = []
    for token in tokens:
        if token.main == "助詞" and token.surface == "の" and token.sub == "格助詞":
            run.append(token)
        elif token.main not in ("名詞", "接頭辞", "接尾辞", "記号"):
            if len(run) >= 4:
                chains.append((run[0], run[-1]))
            run = []
    if len(run) >= 4:
        chains.append((run[0], run[-1]))
    return chains


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        tokens = sentence.tokens
        for first, second in itertools.pairwise(tokens):
            doubled = first.main == second.main == "助詞" and first.surface == second.surface
            if doubled and first.surface in _DOUBLED:
                said = messages.say(messages.PARTICLE_DOUBLED, particle=first.surface)
                out.append(messages.finding(FindingKind.PARTICLE_REPEAT, Severity.WARNING, first.start, second.end,
                                            said, first.surface))
        for first, second in _clause_repeats(tokens):
            said = messages.say(messages.PARTICLE_IN_CLAUSE, particle=first.surface)
            out.append(messages.finding(FindingKind.PARTICLE_REPEAT, Severity.INFO, first.start, second.end, said))
        for first, last in _no_chains(tokens):
            said = messages.say(messages.PARTICLE_NO_CHAIN)
            out.append(messages.finding(FindingKind.PARTICLE_REPEAT, Severity.INFO, first.start, last.end, said))
    return out
