"""A short topic for each highlight: a head noun or compound noun from its own words.

Compound nouns are runs of nouns, prefixes and suffixes (卵アレルギー, 資格試験,
二人目の出産 → 出産); 「N での N」 is kept whole (階段での搬入) because the pair names
one thing. Formal nouns (こと, もの, 方, ため …) and pronouns are never a topic.
A request or worry takes the thing it is about (the last noun marked by を/は/が/も,
or the noun right before its predicate); a disclosure prefers a life-event word.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.analysis import lexicon as lx
from app.analysis.tokenizer import Token
from app.model import HighlightKind

_NOUNISH = ("名詞", "接頭辞", "接尾辞")
_MAX_LEN = 14


def _is_part(t: Token) -> bool:
    if t.main not in _NOUNISH:
        return False
    return t.sub not in ("数詞",) or True


def _candidates(tokens: Sequence[Token]) -> list[tuple[str, int, list[Token]]]:
    """(text, index after the group, group tokens) for each compound noun."""
    out: list[tuple[str, int, list[Token]]] = []
    i = 0
    toks = list(tokens)
    while i < len(toks):
        if not _is_part(toks[i]):
            i += 1
            continue
        j = i
        while j < len(toks) and _is_part(toks[j]):
            j += 1
        # 「N での N」: one thing (階段での搬入).
        if (j + 2 < len(toks) and toks[j].surface == "で" and toks[j + 1].surface == "の"
                and _is_part(toks[j + 2])):
            k = j + 2
            while k < len(toks) and _is_part(toks[k]):
                k += 1
            j = k
        group = toks[i:j]
        # Drop honorific prefixes, counters and formal nouns at the edges.
        while group and (group[0].main == "接頭辞" or group[0].is_(*lx.FORMAL_NOUNS)):
            group = group[1:]
        while group and (group[-1].main == "接頭辞" or group[-1].is_(*lx.FORMAL_NOUNS)
                         or group[-1].sub == "数詞"):
            group = group[:-1]
        text = "".join(t.surface for t in group)
        if group and not all(t.sub == "数詞" or t.main == "接尾辞" for t in group) and len(text) <= _MAX_LEN:
            if not (len(group) == 1 and (group[0].main == "代名詞" or group[0].is_(*lx.FORMAL_NOUNS))):
                out.append((text, j, group))
        i = j
    return out


def topic_of(kind: HighlightKind, tokens: Sequence[Token], text: str) -> str:
    cands = _candidates(tokens)
    if not cands:
        fallback = text.strip(" 　、。！？!?")
        return fallback[:10]
    toks = list(tokens)
    if kind is HighlightKind.DISCLOSURE:
        for c_text, _, group in cands:
            if any(t.main == "名詞" and (t.is_(*lx.LIFE) or any(len(w) >= 2 and w in t.surface for w in lx.LIFE))
                   for t in group):
                return c_text
        for c_text, _, group in cands:
            if not all(t.is_(*lx.SELF) or t.is_(*lx.FAMILY) for t in group):
                return c_text
        return cands[0][0]
    # Requests and worries: what they are about.
    marked = [c for c in cands if c[1] < len(toks) and toks[c[1]].surface in ("を", "は", "が", "も", "で", "って")]
    if marked:
        return marked[-1][0]
    return cands[-1][0]
