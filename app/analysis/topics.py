"""A short topic for each highlight: a head noun or compound noun from its own words.

Compound nouns are runs of nouns, prefixes and suffixes (卵アレルギー, 資格試験,
二人目の出産 → 出産); 「N での N」 is kept whole (階段での搬入) because the pair names
one thing. Formal nouns (こと, もの, 方, ため …) and pronouns are never a topic.
A request or worry takes the thing it is about (the last noun marked by を/は/が/も,
or the noun right before its predicate); a disclosure prefers a life-event word.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from app.analysis import lexicon as lx
from app.analysis.tokenizer import Token
from app.model import HighlightKind

_MAX_LEN: Final = 14
# Per-word bits computed once by lexicon.classes_of (see there): the loops below test integers.
_PART: Final = lx.NOUN_PART
_FORMAL: Final = lx.FORMAL
_WEAK: Final = lx.WEAK
_LONE_EMPTY: Final = ("人", "ひと", "もの", "者")


def _is_part(t: Token) -> bool:
    # 接尾辞 joins a compound only when it is noun-like (〜さん, 〜用), not 〜にくい / 〜っぽい.
    return bool(t.classes & _PART)


def _weak(group: list[Token]) -> bool:
    """Time words (来週, 今月中), worry words and bare family words say little about the subject."""
    return all(t.classes & _WEAK for t in group)


def _candidates(tokens: Sequence[Token]) -> list[tuple[str, int, list[Token]]]:
    """(text, index after the group, group tokens) for each compound noun."""
    out: list[tuple[str, int, list[Token]]] = []
    toks = tokens if isinstance(tokens, list) else list(tokens)
    n = len(toks)
    i = 0
    while i < n:
        if not toks[i].classes & _PART:
            i += 1
            continue
        j = i + 1
        while j < n and toks[j].classes & _PART:
            j += 1
        # 「N での N」: one thing (階段での搬入).
        if (j + 2 < n and toks[j].surface == "で" and toks[j + 1].surface == "の"
                and toks[j + 2].classes & _PART):
            k = j + 2
            while k < n and toks[k].classes & _PART:
                k += 1
            j = k
        group = toks[i:j]
        # Drop honorific prefixes, counters and formal nouns at the edges.
        while group and (group[0].main == "接頭辞" or group[0].classes & _FORMAL
                         or (len(group) > 1 and group[0].pos[2] == "副詞可能")):  # 最近ピアノ → ピアノ
            group = group[1:]
        while group and (group[-1].main == "接頭辞" or group[-1].classes & _FORMAL
                         or group[-1].sub == "数詞"):
            group = group[:-1]
        # A formal noun alone is no topic, nor a bare 人 (歯ぐきが弱い人 is about 歯ぐき);
        # inside a compound both stay (家族四人).
        if group and (len(group) > 1 or not (group[0].classes & _FORMAL or group[0].surface in _LONE_EMPTY)):
            text = "".join([t.surface for t in group])
            if len(text) <= _MAX_LEN and not all(t.sub == "数詞" or t.main == "接尾辞" for t in group):
                out.append((text, j, group))
        i = j
    return out


def topic_of(kind: HighlightKind, tokens: Sequence[Token], text: str) -> str:
    toks = list(tokens)
    all_cands = _candidates(toks)
    cands = [c for c in all_cands if not _weak(c[2])]
    if not cands:
        # No content noun: the main verb says what it is about (間に合う), else a weak noun, else the text.
        verbs = [i for i, t in enumerate(toks) if t.main == "動詞" and t.pos[1] == "一般"]
        if verbs:
            return _verb_topic(toks, verbs[0])
        if all_cands:
            return all_cands[0][0]
        return text.strip(" 　、。！？!?")[:10]
    if kind is HighlightKind.DISCLOSURE:
        for c_text, _, group in cands:
            if any(t.main == "名詞" and t.classes & lx.LIFE_INSIDE
                   for t in group):
                return c_text
        for c_text, _, group in cands:
            if not all(t.in_(lx.SELF) or t.in_(lx.FAMILY) for t in group):  # (rare: runs once per highlight)
                return c_text
        return cands[0][0]
    # Requests and worries: what they are about. A noun inside a relative clause
    # (膝が隠れるくらいの丈) describes the noun it modifies, which is the topic (丈).
    for particles in (("を", "は", "が", "も", "って"), ("で", "に")):
        marked = [c for c in cands if c[1] < len(toks) and toks[c[1]].surface in particles]
        if marked:
            return _head_of(toks, marked[-1], cands)[0]
    return cands[-1][0]


def _verb_topic(toks: Sequence[Token], i: int) -> str:
    """A verb as the topic: お知らせ / お届け as written when an honorific お・ご makes it a noun-like phrase
    (its lemma 知る would name the wrong act), else its dictionary form (間に合う)."""
    verb = toks[i]
    if i > 0 and toks[i - 1].main == "接頭辞" and toks[i - 1].surface in ("お", "ご", "御"):
        written = toks[i - 1].surface + verb.surface
        if verb.cform.startswith("未然形") and i + 1 < len(toks) and toks[i + 1].surface in ("せ", "させ"):
            return written + toks[i + 1].surface  # お知ら|せ
        if verb.cform.startswith("連用形"):
            return written
    return verb.lemma


_LINKERS: Final = ("くらい", "ぐらい", "ほど", "程", "の", "な", "よう", "ような", "様", "だけ")


def _head_of(toks: Sequence[Token], cand: tuple[str, int, list[Token]],
             cands: list[tuple[str, int, list[Token]]]) -> tuple[str, int, list[Token]]:
    """The noun a relative clause starting at `cand` modifies, or `cand` itself."""
    k = cand[1] + 1  # past the particle
    if k >= len(toks) or toks[k].main not in ("動詞", "形容詞") or not toks[k].cform.startswith(("終止形", "連体形")):
        return cand
    k += 1
    while k < len(toks) and (toks[k].surface in _LINKERS or toks[k].main == "助動詞"):
        k += 1
    return next((c for c in cands if c[1] > k and c[2][0] is toks[k]), cand)
