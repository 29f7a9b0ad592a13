"""The Sudachi wrapper: one dictionary per process, one tokenizer per thread.

Sudachi tokenizers are not thread-safe, but the dictionary is (it is a
read-only memory map), so the dictionary is loaded once, lazily, under a lock,
and each thread gets its own tokenizer from `threading.local()`.
Tokens come back as small frozen records with offsets into the caller's text,
so nothing downstream needs to know Sudachi's API.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

_lock = threading.Lock()
_dictionary: Any = None
_local = threading.local()


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    pos: tuple[str, ...]  # Sudachi's six part-of-speech fields
    lemma: str            # dictionary form (written as in the text: 子ども, いただける)
    norm: str             # normalised form (子供, 頂く): the one to compare against lexicons
    start: int            # code-point offsets into the text given to `tokenize`, end exclusive
    end: int

    @property
    def main(self) -> str:
        return self.pos[0]

    @property
    def sub(self) -> str:
        return self.pos[1]

    @property
    def ctype(self) -> str:
        """Conjugation type, e.g. 助動詞-タ."""
        return self.pos[4]

    @property
    def cform(self) -> str:
        """Conjugation form, e.g. 連用形-一般."""
        return self.pos[5]

    def in_(self, words: frozenset[str]) -> bool:
        """True when the surface, dictionary form or normalised form is in `words`."""
        return self.surface in words or self.lemma in words or self.norm in words

    def is_(self, *words: str) -> bool:
        """True when the surface, dictionary form or normalised form is one of `words`."""
        return self.surface in words or self.lemma in words or self.norm in words


def _get_dictionary() -> Any:
    global _dictionary
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                from sudachipy import Dictionary

                _dictionary = Dictionary()
    return _dictionary


def _get_tokenizer() -> Any:
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import SplitMode

        # Mode C keeps compounds whole (卵アレルギー, 資格試験), which is what topics want.
        tokenizer = _get_dictionary().tokenizer(SplitMode.C)
        _local.tokenizer = tokenizer
    return tokenizer


def warm_up() -> None:
    """Load the dictionary and this thread's tokenizer (the UI calls this in the background)."""
    tokenize("お世話になっております。")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokenise `text`; offsets are shifted by `offset` so they index the whole body."""
    if not text:
        return []
    out: list[Token] = []
    for m in _get_tokenizer().tokenize(text):
        out.append(
            Token(
                surface=m.surface(),
                pos=tuple(m.part_of_speech()),
                lemma=m.dictionary_form(),
                norm=m.normalized_form(),
                start=m.begin() + offset,
                end=m.end() + offset,
            )
        )
    return out
