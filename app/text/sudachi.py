"""Sudachi for everyone: the one dictionary, a tokenizer per thread and split mode, the one `Token`.

The analyser reads whole compounds (split mode C: 卵アレルギー, 資格試験 — what topics want);
the review and the memory match by meaning on short units (mode A: 互換インク → 互換 / インク).
Both tokenizers come from the one `sudachipy.Dictionary` (`dictionary()`), so the process maps
the 190 MB dictionary once, and both give the same `Token` (surface, offsets, Sudachi's six
part-of-speech fields, lemma, normalised form, the analyser's lexicon classes). Sudachi
tokenizers are not thread-safe: each thread gets its own, kept in `threading.local()`.

The dictionary, mode C and the `Token` are compiled with the analyser
(`app/analysis/tokenizer.py` is in its mypyc build, where the per-token rules read tokens as
native objects); this module is their public door and adds the short-unit tokenizer.

Short units (`tokenize_short`): a text is tokenised in paragraph-sized chunks (Sudachi refuses
inputs over ~49 kB); chunks are cached (bounded LRU, keyed by their text and place), so the live
review re-tokenises only from the paragraph being typed on, and never the customer's mail.
`clear_cache()` is for measuring the review cold.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from sudachipy import SplitMode

from app.analysis.tokenizer import Token, dictionary, read
from app.analysis.tokenizer import tokenize as tokenize
from app.analysis.tokenizer import warm_up as warm_up_compounds

__all__ = [
    "Token",
    "clear_cache",
    "dictionary",
    "dictionary_words",
    "tokenize",
    "tokenize_short",
    "warm_up",
    "warm_up_compounds",
]

_local = threading.local()

# Chunks stay far below Sudachi's input limit (49,149 bytes, i.e. ~16,000 kana or kanji).
_CHUNK_CHARS = 1000


def short_tokenizer() -> Any:
    """This thread's split-mode-A tokenizer (short units match paraphrases better)."""
    tokenizer = getattr(_local, "short", None)
    if tokenizer is None:
        tokenizer = dictionary().tokenizer(SplitMode.A)
        _local.short = tokenizer
    return tokenizer


def tokenize_short(text: str, base: int = 0) -> tuple[Token, ...]:
    """Short-unit tokens of `text` with offsets shifted by `base` (the text's place in a draft)."""
    if not text.strip():
        return ()
    chunks = _chunks(text)
    if len(chunks) == 1:
        return _tokenize_at(text, base)
    out: list[Token] = []
    for offset, chunk in chunks:
        out.extend(_tokenize_at(chunk, base + offset))
    return tuple(out)


def _chunks(text: str) -> list[tuple[int, str]]:
    """The text cut after line breaks into pieces of at most ~_CHUNK_CHARS (longer lines at 。)."""
    if len(text) <= _CHUNK_CHARS:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind("。", start, end))
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def clear_cache() -> None:
    """Forget tokenised texts (not the per-word fields, which are the dictionary's, not a text's)."""
    _tokenize_at.cache_clear()


@lru_cache(maxsize=4096)
def _tokenize_at(text: str, base: int) -> tuple[Token, ...]:
    # Keyed by place as well as text: building tokens at their final offsets costs less than
    # shifting cached ones, and a chunk before the one being edited keeps its place. The tokens
    # are read by the analyser's compiled loop, which reads each distinct word's fields once.
    if not text.strip():
        return ()
    return tuple(read(text, short_tokenizer().tokenize(text), base))


def warm_up() -> None:
    """Load the dictionary and this thread's short-unit tokenizer now rather than on the first keystroke."""
    tokenize_short("お問い合わせありがとうございます。")


@lru_cache(maxsize=2048)
def dictionary_words(text: str) -> tuple[tuple[int, int, bool], ...]:
    """(start, end, is_oov) of each short-unit word Sudachi finds in a short `text` (for spelling checks)."""
    if not text.strip():
        return ()
    return tuple((m.begin(), m.end(), bool(m.is_oov())) for m in short_tokenizer().tokenize(text))
