"""Sudachi morphology for the review: the analyser's dictionary, a split-mode-A tokenizer per thread.

The review matches by meaning on short units (mode A: 互換インク → 互換 / インク),
while the analyser wants whole compounds (mode C). Both come from the one
`sudachipy.Dictionary` that `app.analysis.tokenizer` loads, so the process maps
the 190 MB dictionary once; each thread gets its own mode-A tokenizer
(Sudachi tokenizers are not thread-safe), kept in `threading.local()`.

A text is tokenised in paragraph-sized chunks (Sudachi refuses inputs over
~49 kB); chunks are cached (bounded LRU, keyed by their text and place), so
the live review re-tokenises only from the paragraph being typed on, and
never the customer's mail.
`clear_cache()` is for measuring the review cold.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any, NamedTuple

_local = threading.local()
_pos_lock = threading.Lock()
_pos_names: list[tuple[str, str, str, str, str]] | None = None

# Chunks stay far below Sudachi's input limit (49,149 bytes, i.e. ~16,000 kana or kanji).
_CHUNK_CHARS = 1000


class Token(NamedTuple):
    """One morpheme. A named tuple, not a frozen dataclass: a 2,000-character draft has
    ~1,200 of them and a frozen dataclass's __init__ costs several times more per token."""

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


def _dictionary() -> Any:
    # The analyser owns the process's dictionary; sharing it avoids mapping a second copy.
    from app.analysis import tokenizer as analysis_tokenizer

    return analysis_tokenizer._get_dictionary()


def _tokenizer() -> Any:
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import SplitMode

        # Mode A: short units match paraphrases better (互換インク → 互換 / インク).
        tokenizer = _dictionary().tokenizer(SplitMode.A)
        _local.tokenizer = tokenizer
    return tokenizer


def _pos_table() -> list[tuple[str, str, str, str, str]]:
    """(pos, detail, sub, conjugation type, conjugation form) by part-of-speech id, built once.

    The dictionary has ~1,600 part-of-speech tuples; indexing a list by id costs less
    per token than asking Sudachi for the six-field tuple every time.
    """
    global _pos_names
    if _pos_names is None:
        with _pos_lock:
            if _pos_names is None:
                dictionary = _dictionary()
                table: list[tuple[str, str, str, str, str]] = []
                while True:
                    try:
                        full = dictionary.pos_of(len(table))
                    except (IndexError, ValueError, OverflowError):
                        break
                    if full is None:
                        break
                    table.append((full[0], full[1], full[2], full[4], full[5]))
                _pos_names = table
    return _pos_names


def tokenize(text: str, base: int = 0) -> tuple[Token, ...]:
    """Tokens of `text` with offsets shifted by `base` (the text's place in the draft)."""
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
    """Forget tokenised texts (not the per-word forms, which are the dictionary's, not a text's)."""
    _tokenize_at.cache_clear()


# Each distinct word's fields, read from Sudachi once: (pos, detail, sub, ctype, cform, normalized, lemma).
_Word = tuple[str, str, str, str, str, str, str]
_words: dict[tuple[str, int, int], _Word] = {}
_WORDS_LIMIT = 100_000  # distinct words kept; cleared when exceeded so memory stays bounded


@lru_cache(maxsize=4096)
def _tokenize_at(text: str, base: int) -> tuple[Token, ...]:
    # Keyed by place as well as text: building tokens at their final offsets costs less than
    # shifting cached ones, and a chunk before the one being edited keeps its place.
    # Per occurrence only the offsets and ids are asked of Sudachi; the same few thousand
    # words come back in every mail, so their forms are read once (as the analyser does).
    if not text.strip():
        return ()
    table, words, new = _pos_table(), _words, tuple.__new__
    if len(words) > _WORDS_LIMIT:
        words.clear()
    out = []
    for m in _tokenizer().tokenize(text):
        b = m.begin()
        e = m.end()
        surface = text[b:e]
        pos_id = m.part_of_speech_id()
        key = (surface, pos_id, m.word_id())
        word = words.get(key)
        if word is None:
            word = (*table[pos_id], m.normalized_form(), m.dictionary_form())
            words[key] = word
        out.append(new(Token, (surface, b + base, e + base, *word)))
    return tuple(out)


def warm_up() -> None:
    """Load the dictionary now rather than on the first keystroke."""
    tokenize("お問い合わせありがとうございます。")


@lru_cache(maxsize=2048)
def dictionary_words(text: str) -> tuple[tuple[int, int, bool], ...]:
    """(start, end, is_oov) of each short-unit word Sudachi finds in a short `text` (for spelling checks)."""
    if not text.strip():
        return ()
    return tuple((m.begin(), m.end(), bool(m.is_oov())) for m in _tokenizer().tokenize(text))
