"""The Sudachi wrapper: one dictionary per process, one tokenizer per thread.

Sudachi tokenizers are not thread-safe, but the dictionary is (it is a
read-only memory map), so the dictionary is loaded once, lazily, under a lock,
and each thread gets its own tokenizer from `threading.local()`.
Tokens come back as small immutable records with offsets into the caller's text,
so nothing downstream needs to know Sudachi's API.

Speed: reading a morpheme's fields costs a call into Sudachi each, and the same
few thousand words come back in every mail. So each distinct word is read once
and kept as a `Word` of its fields, with the part-of-speech tuple taken from the
dictionary's `pos_of` and the lexicon classes of `lexicon.classes_of` computed
once; a token is those fields plus its offsets. Per occurrence only `begin` and
`word_id` are asked of Sudachi: morphemes tile the text, so a morpheme ends where
the next begins, and a word id fixes the part of speech (an unknown word's id
carries its part-of-speech id in its low bits), so the cache is keyed by word id,
with the surface checked because a normalised input (ﾃﾞｽ, です) can share an entry.
"""

from __future__ import annotations

import sys
import threading
from typing import Any, Final

from sudachipy import Dictionary, SplitMode

from app.analysis.lexicon import classes_of

_lock = threading.Lock()
_dictionary: Any = None
_local = threading.local()

# Sudachi refuses inputs over ~49,149 bytes of UTF-8; a sentence of 200,000 characters
# without punctuation is cut into pieces this long (4 bytes a code point at most).
MAX_CHARS: Final = 12_000
_CACHE_LIMIT: Final = 200_000  # distinct words kept; cleared when exceeded so memory stays bounded


NUMBER_FORM: Final = "<数>"
NAME_FORM: Final = "<名>"
WORD_FEATURE: Final = "w:"


def counted_form(sub: str, pos2: str, norm: str) -> str:
    """The form the learned layer counts a word under: its normalised form, numbers and names as classes.

    Part of the learned layer's features (`features.sentence_features` reads it through `Word.counted`) but
    kept here to be made once per dictionary word; the model's features stamp hashes features.py only, so a
    change here needs `make model` by hand.
    """
    if sub == "数詞":
        return NUMBER_FORM
    if sub == "固有名詞" and pos2 in ("人名", "地名"):
        return NAME_FORM
    return norm


class Word:
    """One dictionary word's fields, read from Sudachi once and shared by every occurrence.

    A native object rather than a tuple: the compiled build would unpack a ten-field tuple
    (a type check and a reference per field) each time one is taken from the cache, where a
    token now copies the fields with plain loads.
    """

    __slots__ = ("cform", "classes", "content", "counted", "ctype", "feature", "lemma", "main", "norm", "pos", "sub",
                 "surface")

    def __init__(self, surface: str, pos: tuple[str, ...], lemma: str, norm: str, main: str, sub: str, ctype: str,
                 cform: str, classes: int, content: bool) -> None:
        # The form the learned layer counts the word under, and its feature (`features.word_of`), made once
        # per word and interned: the model's keys are interned too (`learned.SentenceModel`), so each
        # occurrence is weighed by one dictionary probe with a cached hash and an identity match, without
        # building, hashing and comparing a new string.
        self.counted: str = counted_form(sub, pos[2], norm)
        self.feature: str = sys.intern(WORD_FEATURE + self.counted)
        self.surface = surface
        self.pos = pos
        self.lemma = lemma
        self.norm = norm
        self.main = main
        self.sub = sub
        self.ctype = ctype
        self.cform = cform
        self.classes = classes
        self.content = content


class Token:
    """One morpheme: its dictionary fields (shared by every occurrence) and its offsets."""

    __slots__ = (
        "cform",
        "classes",
        "content",
        "ctype",
        "end",
        "lemma",
        "main",
        "norm",
        "pos",
        "start",
        "sub",
        "surface",
        "word",
    )

    def __init__(self, word: Word, start: int, end: int) -> None:
        self.surface: str = word.surface
        self.pos: tuple[str, ...] = word.pos  # Sudachi's six part-of-speech fields
        self.lemma: str = word.lemma  # dictionary form (written as in the text: 子ども, いただける)
        self.norm: str = word.norm  # normalised form (子供, 頂く): the one to compare against lexicons
        self.main: str = word.main  # pos[0]
        self.sub: str = word.sub  # pos[1]
        self.ctype: str = word.ctype  # conjugation type, e.g. 助動詞-タ (pos[4])
        self.cform: str = word.cform  # conjugation form, e.g. 連用形-一般 (pos[5])
        self.classes: int = word.classes  # lexicon classes the word belongs to (bits of `lexicon.classes_of`)
        self.content: bool = word.content  # not punctuation, space or a laugh/cry mark
        self.start: int = start      # code-point offsets into the text given to `tokenize`, end exclusive
        self.end: int = end
        self.word: Word = word  # what the learned layer reads (`Word.counted`, `Word.feature`)

    def __repr__(self) -> str:
        return f"Token({self.surface!r}, {self.main}, {self.start}-{self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.surface, self.pos, self.lemma, self.norm, self.start,
                                             self.end) == (other.surface, other.pos, other.lemma, other.norm,
                                                           other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.surface, self.pos, self.start, self.end))

    def in_(self, words: frozenset[str]) -> bool:
        """True when the surface, dictionary form or normalised form is in `words`."""
        return self.surface in words or self.lemma in words or self.norm in words

    def is_(self, *words: str) -> bool:
        """True when the surface, dictionary form or normalised form is one of `words`."""
        # A loop of string comparisons rather than `in words`: the compiled build compares str to str
        # directly instead of through the tuple's generic rich comparison (the rules ask this often).
        surface, lemma, norm = self.surface, self.lemma, self.norm
        return any(surface == word or lemma == word or norm == word for word in words)


_words: dict[int, Word] = {}  # word id -> fields, for the surface first seen with it
_variants: dict[tuple[str, int], Word] = {}  # (surface, word id) for other surfaces of an entry
_pos_cache: dict[int, tuple[str, ...]] = {}
_NOT_CONTENT_POS: Final = ("補助記号", "空白")
_MARKS: Final = ("笑", "泣", "汗")


def dictionary() -> Any:
    """The process's one `sudachipy.Dictionary` (a read-only memory map), loaded on first use.

    Public through `app.text.dictionary`: the review's short-unit tokenizer is made from it too,
    so the 190 MB dictionary is mapped once.
    """
    # Always under the lock: it is asked only when a thread makes its tokenizer or a new
    # word is read, and a check outside the lock is a race once compiled (mypyc trusts the
    # `is None` it saw and rejects the dictionary another thread has just loaded).
    global _dictionary
    with _lock:
        if _dictionary is None:
            _dictionary = Dictionary()
        return _dictionary


def _get_tokenizer() -> Any:
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        # Mode C keeps compounds whole (卵アレルギー, 資格試験), which is what topics want.
        tokenizer = dictionary().tokenizer(SplitMode.C)
        _local.tokenizer = tokenizer
    return tokenizer


def warm_up() -> None:
    """Load the dictionary and this thread's tokenizer (the UI calls this in the background)."""
    tokenize("お世話になっております。")


def _word(m: Any, surface: str) -> Word:
    pos_id = m.part_of_speech_id()
    pos = _pos_cache.get(pos_id)
    if pos is None:
        pos = tuple(dictionary().pos_of(pos_id))
        _pos_cache[pos_id] = pos
    lemma = m.dictionary_form()
    norm = m.normalized_form()
    main = pos[0]
    content = main not in _NOT_CONTENT_POS and not (
        surface in _MARKS or lemma in _MARKS or norm in _MARKS)
    return Word(surface, pos, lemma, norm, main, pos[1], pos[4], pos[5],
                classes_of(surface, lemma, norm, main, pos[1], pos[2]), content)


def _pieces(text: str) -> list[tuple[str, int]]:
    """`text` cut under Sudachi's input limit, at a line break or space when there is one."""
    if len(text) <= MAX_CHARS:
        return [(text, 0)]
    out: list[tuple[str, int]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + MAX_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n", pos, end), text.rfind("。", pos, end), text.rfind(" ", pos, end))
            if cut > pos:
                end = cut + 1
        out.append((text[pos:end], pos))
        pos = end
    return out


def _scan(text: str) -> list[Token]:
    """The tokens of `text`, offsets into it."""
    return read(text, _get_tokenizer().tokenize(text), 0)


def read(text: str, morphemes: Any, base: int) -> list[Token]:
    """Tokens of Sudachi's `morphemes` of `text`, offsets shifted by `base`.

    The hot loop: one pass, and per morpheme only `begin` and `word_id` are asked of
    Sudachi (a morpheme ends where the next begins).
    """
    words = _words
    if len(words) > _CACHE_LIMIT:
        words.clear()
        _variants.clear()
    out: list[Token] = []
    last: Any = None
    b = 0
    for m in morphemes:
        e: int = m.begin()
        if last is not None:
            out.append(Token(_word_at(words, last, text, b, e), b + base, e + base))
        last = m
        b = e
    if last is not None:
        out.append(Token(_word_at(words, last, text, b, len(text)), b + base, len(text) + base))
    return out


def _word_at(words: dict[int, Word], m: Any, text: str, b: int, e: int) -> Word:
    # Kept as the object Sudachi returned: typed `int`, the compiled build would unbox it and box
    # it again (a new integer object: word ids are large) for the dictionary lookup.
    wid: Any = m.word_id()
    word = words.get(wid)
    if word is None or not _spells(text, b, e, word.surface):
        return _lookup(m, text[b:e], wid)
    return word


def _spells(text: str, b: int, e: int, surface: str) -> bool:
    """text[b:e] == surface, compared in place: no slice is made for the nine words in ten the cache holds."""
    return e - b == len(surface) and text.find(surface, b, e) == b


def morphemes_of(text: str) -> Any:
    """Sudachi's morphemes of `text` from this thread's tokenizer (Sudachi lets go of the GIL meanwhile)."""
    return _get_tokenizer().tokenize(text)


def _lookup(m: Any, surface: str, wid: int) -> Word:
    """A word not in the fast cache: another surface of a known entry, or a new word."""
    if wid not in _words:
        word = _words[wid] = _word(m, surface)
        return word
    variant = _variants.get((surface, wid))
    if variant is None:
        variant = _variants[(surface, wid)] = _word(m, surface)
    return variant


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokenise `text`; offsets are shifted by `offset` so they index the whole body."""
    out: list[Token] = []
    for piece, base in _pieces(text):
        out += read(piece, _get_tokenizer().tokenize(piece), offset + base)
    return out


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def tokenize_unwrapped(text: str, offset: int = 0) -> list[Token]:
    """Tokenise a sentence of several lines as if its line breaks were not there.

    A hard-wrapped line breaks anywhere, inside a word too (「心\n配」, 「間に合わ\nない」): read with
    the break, Sudachi sees two words and the cue is lost. The breaks (and the spaces at them) are
    left out before Sudachi reads the sentence, a space kept between two English words, and each
    token's offsets still index the text as written (a word across a break spans it).
    """
    if "\n" not in text:
        return tokenize(text, offset)
    kept: list[str] = []
    where: list[int] = []  # offset in `text` of each kept character
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            j = i
            while j < n and text[j] in "\r\n \t　":
                j += 1
            while kept and kept[-1] in " \t　":
                kept.pop()
                where.pop()
            if kept and j < n and _ascii_word(kept[-1]) and _ascii_word(text[j]):
                kept.append(" ")
                where.append(i)
            i = j
            continue
        kept.append(ch)
        where.append(i)
        i += 1
    out = tokenize("".join(kept), 0)
    for t in out:
        end = where[t.end - 1] + 1 if t.end > t.start else where[t.start]
        t.start = where[t.start] + offset
        t.end = end + offset
    return out
