"""Matching by meaning: the content words of a span, widened to their paraphrase families.

A span's keys are the Sudachi normalized forms of its nouns, verbs and
adjectives (minus `STOP_WORDS`), each also standing for the families it
belongs to. Adjacent nouns are joined too (誕生 + 日 → 誕生日) because Sudachi's
short units split the compounds the family table lists whole.

Public API: the customer memory (`app.customers.learn`) relates a customer's words with
`family_forms` and `is_light_single`, and judges a sent reply with `core_keys` and
`is_answered` (through `app.review.reply_answers`), exactly as the review judges a draft.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import NamedTuple

from app.review.vocab import FAMILIES, STOP_WORDS
from app.text import Token, tokenize_short

_CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞"})
# One-character nouns that are units or positions, not topics (unlike 母, 膝, 靴).
_LIGHT_SINGLE = frozenset("日時分月年回方点件度個円他等中後前上下内外際頃本枚目夜朝昼今")


class Key(NamedTuple):
    """One content word: what it matches (its form and families) and how much it counts.

    A named tuple rather than a frozen dataclass: a review builds a couple of thousand.
    """

    forms: frozenset[str]
    weight: float
    start: int
    end: int
    # The word itself as written and normalised (no families, no variants): what "the same word" means.
    words: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _family_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for number, family in enumerate(FAMILIES):
        tag = f"#family{number}"
        for word in family:
            forms = {word}
            if word[0] in "おご" and len(word) > 2:
                forms.add(word[1:])  # お届け: Sudachi gives the noun 届け after the prefix お
            content = [t for t in tokenize_short(word) if t.main in _CONTENT_POS]
            if len(content) == 1:
                forms.add(content[0].norm)
                forms.add(content[0].lemma)
            elif len(content) > 1:
                forms.add("".join(t.norm for t in content))
            for form in forms:
                index.setdefault(form, set()).add(tag)
    return {form: frozenset(tags) for form, tags in index.items()}


# Units Sudachi tags as plain nouns, not counters: 170|cm is one measurement, like 350|グラム.
_UNITS = frozenset({"cm", "mm", "m", "km", "kg", "g", "mg", "ml", "l", "cc", "kcal", "インチ", "センチ", "ミリ",
                    "キロ", "グラム", "メートル", "リットル"})
# A verb's 連用形 used as a noun (休み, 届け, 立ち) stands for the verb: お休みできます answers 休めますか.
_I_TO_U = dict(zip("いきぎしじちにびみり", "うくぐすずつぬぶむる", strict=True))
_E_ROW = frozenset("えけげせぜてでねべめれ")
_CHUNK = re.compile(r"[一-龥々]+[ぁ-ん]*")
_KANJI = re.compile(r"[一-龥々]+")


@lru_cache(maxsize=8192)
def _variant_forms(surface: str) -> frozenset[str]:
    """Other spellings a noun is found by: the verb of a 連用形 noun, and the parts of a compound.

    Sudachi's short units keep many compounds whole (立ち仕事, 婚約指輪, 配送料) that the other
    side says in part (お仕事, 指輪, 送料); a part stands for the compound it heads or ends.
    """
    pieces = {surface}
    if len(surface) >= 3:
        chunks = _CHUNK.findall(surface)
        if len(chunks) > 1:
            # A noun part stands for the compound (立ち仕事 → 仕事); a verb part does not (打ち合わせ is no
            # 合わせる, 買い替え no 替える): only parts written in kanji alone are taken.
            pieces.update(chunk for chunk in chunks if len(chunk) >= 2 and _KANJI.fullmatch(chunk))
        elif chunks and chunks[0] == surface and len(surface) in (3, 4) and _KANJI.fullmatch(surface):
            # 婚約指輪 → 婚約, 指輪 (not 日持ち → 持ち: a kanji and its okurigana are one word)
            pieces.update({surface[:2], surface[-2:]})
    out: set[str] = set(pieces)
    for piece in pieces:
        last = piece[-1]
        if len(piece) >= 2 and last in _I_TO_U:
            out.add(piece[:-1] + _I_TO_U[last])
            out.add(piece + "る")  # 起き → 起きる
        elif len(piece) >= 2 and last in _E_ROW:
            out.add(piece + "る")  # 届け → 届ける
    out.discard(surface)
    return frozenset(out)


@lru_cache(maxsize=8192)
def _forms(*words: str) -> frozenset[str]:
    index = _family_index()
    out: set[str] = set()
    for word in words:
        out.add(word)
        out |= index.get(word, frozenset())
    return frozenset(out)


def variant_forms(*words: str) -> frozenset[str]:
    """The words with their other spellings (a 連用形 noun's verb, a compound's parts), without families."""
    out: set[str] = set(words)
    for word in words:
        out |= _variant_forms(word)
    return frozenset(out)


def family_forms(*words: str) -> frozenset[str]:
    """The words themselves plus the paraphrase families they belong to (as `#familyN` tags)."""
    return _forms(*words)


def is_light_single(surface: str) -> bool:
    """A one-character unit or position noun (日, 回, 中): never a topic on its own."""
    return surface in _LIGHT_SINGLE


@lru_cache(maxsize=16384)
def _token_forms(norm: str, lemma: str, surface: str, noun: bool) -> tuple[frozenset[str], frozenset[str]]:
    """(the word itself, everything it is matched by): computed once per word, the live review asks often."""
    words = frozenset({norm, lemma, surface})
    forms = _forms(norm, lemma, surface)
    if noun:
        forms |= _forms(*_variant_forms(surface))
    return words, forms


def _is_number(token: Token) -> bool:
    return token.sub == "数詞" or _digits(token.surface)


@lru_cache(maxsize=16384)
def _digits(surface: str) -> bool:
    # Kept per word, as `_token_forms` is: every content word of mail and draft is asked, the vocabulary recurs.
    return unicodedata.normalize("NFKC", surface).isdigit()


def _compound(previous: Token | None, token: Token, last: Key | None) -> Key | None:
    """The previous key widened to a compound with `token`, when the two are one word.

    Sudachi's short units split compounds: 誕生|日, 振り|替える. Noun + noun is one
    word only when the family table knows the whole (誕生日); verb + verb (a
    compound verb) always is, so 振り替える counts once, not as 振る and 替える;
    when the table knows the compound (送り返す), the first verb's families
    (送る among the presents) are not the compound's.
    """
    if previous is None or last is None or last.end != previous.end:
        return None
    nouns = previous.main == "名詞" and token.main == "名詞"
    if not nouns and not (previous.main == "動詞" and token.main == "動詞" and previous.cform.startswith("連用形")):
        return None  # most pairs: asked before the joined forms are built (the review asks ~600 times a draft)
    joined = {previous.norm + token.norm, previous.surface + token.lemma, previous.surface + token.surface}
    if nouns:
        known = _forms(*joined) - joined
        return Key(last.forms | known | joined, 1.0, last.start, token.end, last.words | joined) if known else None
    # a compound verb
    whole = _forms(*joined)
    if whole - joined:
        # A compound the family table knows (送り返す: a return) means that, not its first verb
        # (送る: sending, or a present): the parts' families are dropped.
        return Key(whole | {previous.norm, previous.lemma}, 1.0, last.start, token.end, last.words | joined)
    return Key(last.forms | whole, 1.0, last.start, token.end, last.words | joined)


def _is_family_adverb(token: Token) -> bool:
    """An adverb the family table lists (初めて, いつも): it carries the topic like a noun."""
    return any(form.startswith("#family") for form in _forms(token.norm, token.lemma, token.surface))


def keys(tokens: Sequence[Token]) -> list[Key]:
    """The content words of a token run, with their families and weights."""
    out: list[Key] = []
    previous: Token | None = None
    taken = -1  # the end of a unit already counted with its number (170|cm)
    for i, token in enumerate(tokens):
        if token.start < taken:
            continue
        if token.main not in _CONTENT_POS and not (token.main == "副詞" and _is_family_adverb(token)):
            previous = None  # most tokens: particles, endings, punctuation
            continue
        # Time words (来週, 来月, 毎日: Sudachi's 副詞可能 nouns) date a span but are not its topic.
        content = token.sub not in ("非自立可能", "代名詞") and not (
            token.main == "名詞" and token.pos[2] == "副詞可能"
        )
        if not content or token.norm in STOP_WORDS or token.lemma in STOP_WORDS:
            previous = None
            continue
        if _is_number(token):
            number = unicodedata.normalize("NFKC", token.surface)
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            counter = following is not None and following.start == token.end and (
                following.pos[2] == "助数詞" or following.main == "接尾辞"
                or unicodedata.normalize("NFKC", following.surface).lower() in _UNITS)
            if following is not None and counter:
                # A counted number (12歳, 500個, 40周年) is specific: the dog's age, the order size. A counter
                # that is a word of a family (二色, 500円) also stands for it: 二色 answers 色違い.
                counted = frozenset({number + following.surface}) | (_forms(following.surface) - {following.surface})
                out.append(Key(counted, 1.0, token.start, following.end, frozenset({number + following.surface})))
                taken = following.end
            else:
                # A number alone (5, 30) rarely identifies a topic; it only helps.
                out.append(Key(frozenset({number}), 0.5, token.start, token.end, frozenset({number})))
            previous = None
            continue
        weight = 0.5 if token.surface in _LIGHT_SINGLE else 1.0
        words, forms = _token_forms(token.norm, token.lemma, token.surface, token.main == "名詞")
        merged = _compound(previous, token, out[-1] if out else None)
        if merged is not None:
            out[-1] = Key(merged.forms | forms, 1.0, merged.start, token.end, merged.words | words)
        else:
            out.append(Key(forms, weight, token.start, token.end, words))
        previous = token if token.main in ("名詞", "動詞") else None
    return out


# What a reply (or a mail) calls "the product": 「こちらの〜」「ご注文の〜」. Naming it answers
# questions about it but acknowledges nothing the customer told about themselves.
_DETERMINER = frozenset({"こちら", "此方", "この", "此の", "当店", "弊社", "貴店", "御社", "そちら", "其方"})
_ORDER_NOUNS = frozenset({"注文", "購入", "買い上げ", "求め", "お買い上げ"})
_TRIGGERS = _DETERMINER | _ORDER_NOUNS


def product_mentions(tokens: Sequence[Token]) -> set[int]:
    """Start offsets of the tokens naming the product after a determiner (こちらの|ランニングシューズ)."""
    out: set[int] = set()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.surface not in _TRIGGERS and token.norm not in _TRIGGERS:
            i += 1
            continue
        after = -1
        if token.surface in ("この", "此の") or token.lemma == "この":
            after = i + 1
        elif (token.norm in _DETERMINER or token.norm in _ORDER_NOUNS) and i + 1 < len(tokens) \
                and tokens[i + 1].surface == "の":
            after = i + 2
        if after < 0:
            i += 1
            continue
        j = after
        while j < len(tokens) and tokens[j].main in ("名詞", "接頭辞", "接尾辞"):
            out.add(tokens[j].start)
            j += 1
        i = max(j, i + 1)
    return out


def key_pool(token_runs: Iterable[Sequence[Token]]) -> set[str]:
    """All forms and families present in some token runs (e.g. the draft's own sentences)."""
    pool: set[str] = set()
    for run in token_runs:
        for key in keys(run):
            pool |= key.forms
    return pool


def matched_weight(span_keys: Sequence[Key], pool: AbstractSet[str]) -> tuple[float, float]:
    """(weight of the span's keys found in the pool, total weight of the span's keys)."""
    # One plain loop: the review calls this about a thousand times per draft (every ask against every act).
    total = found = 0.0
    for key in span_keys:
        total += key.weight
        if not key.forms.isdisjoint(pool):
            found += key.weight
    return found, total


# Words in the ask that point back at the clause before it.
_ANAPHORA = frozenset({"その", "それ", "そちら", "其の", "其れ", "其方", "これ"})


# The frame of an ask for an explanation (「なぜ遅れたのか、説明していただけますか」): the question is the
# clause before it, not the frame.
_FRAME = frozenset({"説明", "ご説明", "教示", "ご教示", "回答", "ご回答", "返答", "ご返答", "案内", "ご案内",
                    "アドバイス", "助言", "説明する"})


def core_keys(tokens: Sequence[Token]) -> list[Key]:
    """Keys of the clause after the request's last 、, or of the whole request when that says nothing."""
    last_comma = max((i for i, t in enumerate(tokens) if t.surface in ("、", "，", ",")), default=-1)
    clause = tokens[last_comma + 1 :]
    core = [k for k in keys(clause) if not k.words & _FRAME]
    if sum(k.weight for k in core) >= 1.0 and not any(t.surface in _ANAPHORA for t in clause):
        return core
    return keys(tokens)


def is_answered(span_keys: list[Key], pool: AbstractSet[str]) -> bool:
    """Whether `pool` (the forms of a reply's own sentences) holds enough of a request's keys to answer it."""
    found, total = matched_weight(span_keys, pool)
    if total == 0:
        return True  # nothing to look for: do not accuse the draft on a guess
    return found >= 1.0 and (found >= 2.0 or found / total >= 0.5)
