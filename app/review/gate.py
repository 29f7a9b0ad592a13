"""A pattern that first asks whether the text holds a word every match must contain.

`re` has no prefilter: a pattern whose branches do not all start with a plain character (a group, a
lookbehind such as `(?<!否定)`, a class) is tried at every place of the text, and the review runs about
two thousand searches per 2,000-character draft, most of which find nothing. Every match of such a pattern
contains one of a few literal words (REFUSAL: かね, ません, お断り, 難しい…), worked out here from the
pattern's own parse; when none of them is in the text (a C-speed `in` test each), the answer is "no match"
without running the pattern. This is the prefilter RE2 and Hyperscan build, reduced to what `re` lacks.

`gated(pattern)` returns the pattern itself when no such words can be found (an optional or a
character-class start everywhere), so wrapping is always safe; the answers are the pattern's own
(`tests/unit/test_review_speed.py` checks every required word on the review's cases).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any, Final

from app.analysis.wordtrie import trie_pattern

# `re`'s own parser and opcodes (not in the type stubs): the required words are read from the parse `re` compiles.
P: Any = importlib.import_module("re._parser")
C: Any = importlib.import_module("re._constants")

# Literal sets grow by concatenation (a run of 「(?:いたし|致し)かね」 is two words, not one); past this
# many words a set stops growing and the run is cut.
_MAX_WORDS: Final = 64
_Words = frozenset[str]


def _exact(items: Any) -> _Words | None:
    """Every string a (small, finite) subpattern can match, or None."""
    out: _Words = frozenset({""})
    for op, av in items:
        if op is C.LITERAL:
            part: _Words | None = frozenset({chr(av)})
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            part = frozenset({""})  # zero-width: what it checks is not part of the match
        elif op is C.SUBPATTERN:
            part = _exact(av[3])
        elif op is C.BRANCH:
            parts = [_exact(branch) for branch in av[1]]
            part = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        elif op is C.IN and all(o is C.LITERAL for o, _ in av):
            part = frozenset(chr(a) for _, a in av)
        else:
            return None
        if part is None or len(out) * len(part) > _MAX_WORDS:
            return None
        out = frozenset(a + b for a in out for b in part)
    return out


def _required(items: Any) -> _Words | None:
    """Words one of which every match of the sequence `items` contains, or None when there are none."""
    best: _Words | None = None

    def consider(words: _Words | None) -> None:
        nonlocal best
        if not words or "" in words:
            return
        if best is None or (min(map(len, words)), -len(words)) > (min(map(len, best)), -len(best)):
            best = words

    run: _Words = frozenset({""})
    for op, av in items:
        exact = _exact([(op, av)])
        if exact is not None and len(run) * len(exact) <= _MAX_WORDS:
            run = frozenset(a + b for a in run for b in exact)
            continue
        consider(run)
        run = exact if exact is not None else frozenset({""})
        if exact is not None:
            continue
        if op is C.SUBPATTERN:
            consider(_required(av[3]))
        elif op is C.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
        elif op is C.ATOMIC_GROUP:
            consider(_required(av))
    consider(run)
    return best


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Words one of which every match of `pattern` contains (None: no such words, or flags that change matching)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    words = _required(P.parse(pattern.pattern, pattern.flags))
    return frozenset(words) if words else None


# The most frequent characters of shop mail, most frequent first: a word is looked for by its rarest character.
_COMMON: Final = "。、のいてにをはしたすまでがとなるかれもおうごくこんりらさつよ"


def _rarest(word: str) -> str:
    # A character outside the common ones; else the least common of them.
    return max(word, key=lambda char: (char not in _COMMON, _COMMON.find(char)))


class Gated:
    """`pattern`, run only on texts that may hold one of its required words (see the module's docstring).

    The test is two C-speed steps: does the text hold the rarest character of any required word (a search for
    a class of characters, which `re` runs as a plain scan; most sentences already fail it), and then one of the
    words themselves (a search of the words as a trie, which `re` runs fast too: each branch starts with a plain
    character). `frozenset.isdisjoint(text)` would make a string of every character of the text: slower."""

    __slots__ = ("_compiled", "_has_char", "_has_word")

    def __init__(self, compiled: re.Pattern[str], words: frozenset[str]) -> None:
        self._compiled = compiled
        # Bound once: `search` and `sub` run about two thousand times a review.
        self._has_char = re.compile("[" + "".join(sorted(re.escape(_rarest(word)) for word in words)) + "]").search
        # Words of one character are the characters: nothing more to ask.
        self._has_word = trie_pattern(words).search if any(len(word) > 1 for word in words) else None

    @property
    def pattern(self) -> str:
        return self._compiled.pattern

    def _present(self, text: str) -> bool:
        return self._has_char(text) is not None and (self._has_word is None or self._has_word(text) is not None)

    def search(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        # `_present` written out: the most frequent call
        if self._has_char(text) is None or (self._has_word is not None and self._has_word(text) is None):
            return None
        return self._compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self._compiled.match(text, pos, endpos) if self._present(text) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self._compiled.fullmatch(text, pos, endpos) if self._present(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> Iterator[re.Match[str]]:
        return self._compiled.finditer(text, pos, endpos) if self._present(text) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> list[Any]:
        return self._compiled.findall(text, pos, endpos) if self._present(text) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self._compiled.sub(repl, text, count) if self._present(text) else text


Searcher = re.Pattern[str] | Gated


def gated(pattern: re.Pattern[str]) -> Searcher:
    """`pattern` behind its required-word test; the pattern itself when it has no required words."""
    words = required_words(pattern)
    return Gated(pattern, words) if words else pattern
