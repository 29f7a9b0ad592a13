"""Sudachi morphology for the review: one dictionary, one tokenizer per thread.

`app.analysis` will own the project's tokenizer wrapper; until it exposes one,
the review keeps its own so it can run on the analysis lane and in the CLI.
Sudachi tokenizers are not thread-safe, hence `threading.local()`.

Tokens of a text are cached (bounded LRU, keyed by the text alone and shifted
to where it sits): the live review re-runs on every pause in typing, and the
mail's highlights and all but the edited sentence are the same as last time.
`clear_cache()` is for measuring the review cold.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_local = threading.local()
_dictionary_lock = threading.Lock()
_dictionary: Any = None


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    start: int          # offsets into the text given to `tokenize`, plus its base
    end: int
    pos: str            # 名詞, 動詞, 助詞, …
    pos_detail: str     # 普通名詞, 数詞, 格助詞, …
    pos_sub: str        # third field: 副詞可能 (来週, 毎日), サ変可能, …
    conj_type: str      # 五段-ラ行, 下一段-バ行, … or *
    conj_form: str      # 未然形-一般, … or *
    normalized: str
    lemma: str          # dictionary form of the surface


def _tokenizer() -> Any:
    global _dictionary
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import Dictionary, SplitMode

        with _dictionary_lock:
            if _dictionary is None:
                _dictionary = Dictionary()
        # Mode A: short units match paraphrases better (互換インク → 互換 / インク).
        tokenizer = _dictionary.tokenizer(SplitMode.A)
        _local.tokenizer = tokenizer
    return tokenizer


def tokenize(text: str, base: int = 0) -> tuple[Token, ...]:
    """Tokens of `text` with offsets shifted by `base` (the text's place in the draft)."""
    if not text.strip():
        return ()
    tokens = _tokenize_at_zero(text)
    if base == 0:
        return tokens
    return tuple(
        Token(t.surface, t.start + base, t.end + base, t.pos, t.pos_detail, t.pos_sub, t.conj_type, t.conj_form,
              t.normalized, t.lemma)
        for t in tokens
    )


def clear_cache() -> None:
    _tokenize_at_zero.cache_clear()


@lru_cache(maxsize=4096)
def _tokenize_at_zero(text: str) -> tuple[Token, ...]:
    result = []
    for m in _tokenizer().tokenize(text):
        pos = m.part_of_speech()
        result.append(
            Token(
                surface=m.surface(),
                start=m.begin(),
                end=m.end(),
                pos=pos[0],
                pos_detail=pos[1],
                pos_sub=pos[2],
                conj_type=pos[4],
                conj_form=pos[5],
                normalized=m.normalized_form(),
                lemma=m.dictionary_form(),
            )
        )
    return tuple(result)


def warm_up() -> None:
    """Load the dictionary now rather than on the first keystroke."""
    tokenize("お問い合わせありがとうございます。")
