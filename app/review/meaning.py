"""Matching by meaning: the content words of a span, widened to their paraphrase families.

A span's keys are the Sudachi normalized forms of its nouns, verbs and
adjectives (minus `STOP_WORDS`), each also standing for the families it
belongs to. Adjacent nouns are joined too (誕生 + 日 → 誕生日) because Sudachi's
short units split the compounds the family table lists whole.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.review.tokens import Token, tokenize
from app.review.vocab import FAMILIES, STOP_WORDS

_CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞"})
# One-character nouns that are units or positions, not topics (unlike 母, 膝, 靴).
_LIGHT_SINGLE = frozenset("日時分月年回方点件度個円他等中後前上下内外際頃本枚目夜朝昼今")


@dataclass(frozen=True, slots=True)
class Key:
    """One content word: what it matches (its form and families) and how much it counts."""

    forms: frozenset[str]
    weight: float
    start: int
    end: int


@lru_cache(maxsize=1)
def _family_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for number, family in enumerate(FAMILIES):
        tag = f"#family{number}"
        for word in family:
            forms = {word}
            content = [t for t in tokenize(word) if t.pos in _CONTENT_POS]
            if len(content) == 1:
                forms.add(content[0].normalized)
                forms.add(content[0].lemma)
            elif len(content) > 1:
                forms.add("".join(t.normalized for t in content))
            for form in forms:
                index.setdefault(form, set()).add(tag)
    return {form: frozenset(tags) for form, tags in index.items()}


def _forms(*words: str) -> frozenset[str]:
    index = _family_index()
    out: set[str] = set()
    for word in words:
        out.add(word)
        out |= index.get(word, frozenset())
    return frozenset(out)


def _is_number(token: Token) -> bool:
    return token.pos_detail == "数詞" or unicodedata.normalize("NFKC", token.surface).isdigit()


def keys(tokens: Sequence[Token]) -> list[Key]:
    """The content words of a token run, with their families and weights."""
    out: list[Key] = []
    previous: Token | None = None
    for token in tokens:
        content = token.pos in _CONTENT_POS and token.pos_detail not in ("非自立可能", "代名詞")
        if not content or token.normalized in STOP_WORDS or token.lemma in STOP_WORDS:
            previous = token if token.pos == "名詞" else None
            continue
        if _is_number(token):
            # A number alone (5, 30) rarely identifies a topic; it only helps.
            out.append(Key(frozenset({unicodedata.normalize("NFKC", token.surface)}), 0.5, token.start, token.end))
            previous = None
            continue
        weight = 0.5 if token.surface in _LIGHT_SINGLE else 1.0
        forms = _forms(token.normalized, token.lemma, token.surface)
        if previous is not None and previous.pos == "名詞":
            joined = previous.normalized + token.normalized
            compound = _forms(joined, previous.surface + token.surface) - {joined}
            if compound - {previous.surface + token.surface}:
                forms = forms | compound
                weight = 1.0
        out.append(Key(forms, weight, token.start, token.end))
        previous = token if token.pos == "名詞" else None
    return out


def key_pool(token_runs: Iterable[Sequence[Token]]) -> set[str]:
    """All forms and families present in some token runs (e.g. the draft's own sentences)."""
    pool: set[str] = set()
    for run in token_runs:
        for key in keys(run):
            pool |= key.forms
    return pool


def matched_weight(span_keys: Sequence[Key], pool: set[str]) -> tuple[float, float]:
    """(weight of the span's keys found in the pool, total weight of the span's keys)."""
    total = sum(k.weight for k in span_keys)
    found = sum(k.weight for k in span_keys if k.forms & pool)
    return found, total
