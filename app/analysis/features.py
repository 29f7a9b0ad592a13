"""What the learned layer sees of one sentence: words, its ending, the rules' verdicts, its neighbours.

The rules (`detectors/`) decide from cues they were written for; the learned layer
(`learned.py`) weighs, per label, the evidence the rules do not name: the words of a
narrative disclosure with no cue word, the shape of a rhetorical question, a sentence
inside a quotation that opened lines earlier. Its features are plain strings so that
the trainer (`scripts/train_model.py`, scikit-learn) and the app (a dictionary of
weights, no library) compute exactly the same thing from the same function:

- ``w:`` each content word's normalised form (numbers and proper names as a class);
- ``c2:`` each pair of adjacent characters (what Sudachi splits oddly: dialect, slang, 笑);
- ``e1:`` ``e2:`` ``e3:`` the sentence's last one, two, three words, and ``t:`` the
  last word's part of speech and conjugation (where Japanese puts the speech act);
- ``c:`` the lexicon classes its words belong to (family, life events, worry words…);
- ``r:`` the rules' label and cue kind for this sentence, ``rr:`` the pair when the rules gave
  two labels, ``rp:``/``rn:`` the labels of the sentences before and after;
- ``s1:`` its first word (ただ, 幸い, 最初は); ``m:`` whether its end is past or negative, also
  crossed with the classes and the rules' verdicts (不安でした is told as over, 不安です is not);
- ``q`` inside a quotation that runs over several sentences; ``qe`` a sentence that
  closes a quotation (「…」と言われました); ``end:`` the final punctuation;
  ``first``/``last``, and a length class.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Final

from app.analysis.tokenizer import Token

_MAX_CLASS_BITS: Final = 40


def word_of(token: Token) -> str:
    """The form a word is counted under: its normalised form, numbers and names as classes
    (`tokenizer.counted_form`, kept on the dictionary word with its ``w:`` feature)."""
    return token.word.counted


_PAST: Final = frozenset({"た"})  # 助動詞 た (its voiced だ after ん/い has the same normalised form)
_NEGATIVE: Final = frozenset({"ない", "無い", "ず", "ぬ", "ん"})


def _mood(words: Sequence[str]) -> str:
    """"past", "neg", "past+neg" or "" for the last few words (where the predicate ends)."""
    last = words[-4:]
    past = any(w in _PAST for w in last[-3:])
    negative = any(w in _NEGATIVE for w in last)
    return "past+neg" if past and negative else "past" if past else "neg" if negative else ""


PAIR: Final = "c2:"

# The features that recur in every mail, made once and interned like the model's keys
# (`learned.SentenceModel`): weighing them is a probe with a cached hash and an identity match.
_MOODS: Final = ("past", "neg", "past+neg")
_CLASS_FEATURES: Final = tuple(sys.intern("c:" + str(bit)) for bit in range(_MAX_CLASS_BITS))
_CLASS_MOOD_FEATURES: Final = {mood: tuple(sys.intern("c:" + str(bit) + "|" + mood) for bit in range(_MAX_CLASS_BITS))
                               for mood in _MOODS}
_MOOD_FEATURES: Final = {mood: sys.intern("m:" + mood) for mood in _MOODS}
_LENGTH_FEATURES: Final = tuple(sys.intern("len:" + str(n)) for n in range(7))
_END_FEATURES: Final = {mark: sys.intern("end:" + mark) for mark in ("?", "。", "!", "…", "」", "emoji", "none")}
_verdict_features: dict[str, str] = {}  # "r:" + verdict, interned as verdicts are first seen (a few dozen)


def _verdict_feature(verdict: str) -> str:
    feature = _verdict_features.get(verdict)
    if feature is None:
        feature = _verdict_features[verdict] = sys.intern("r:" + verdict)
    return feature


def char_pairs(text: str) -> list[str]:
    """The ``c2:`` features of a sentence: each pair of adjacent characters of its stripped text.

    Kept out of `sentence_features` because they are as many as the sentence's characters: the
    trainer adds them to each row, while the app weighs them straight from the text
    (`SentenceModel.probabilities`) without building a string per pair, which cost a third of
    the analysis time beyond Sudachi's own.
    """
    compact = text.strip()
    return [PAIR + compact[i : i + 2] for i in range(len(compact) - 1)]


def _end_mark(text: str) -> str:
    for ch in reversed(text):
        if ch in " \t\r\n　":
            continue
        if ch in "?？":
            return "?"
        if ch in "。":
            return "。"
        if ch in "!！":
            return "!"
        if ch in "…‥":
            return "…"
        if ch in "」』":
            return "」"
        if ord(ch) >= 0x2600:
            return "emoji"
        return "none"
    return "none"


def sentence_features(tokens: Sequence[Token], text: str, rules: Sequence[str], before: Sequence[str],
                      after: Sequence[str], first: bool, last: bool, in_quote: bool) -> list[str]:
    """The feature strings of one sentence, except its character pairs (`char_pairs`).

    `rules` are the rules' verdicts for this sentence as ``kind`` and ``kind:cuekind``
    strings; `before`/`after` the same for the neighbouring sentences (kinds only are used).
    """
    features: list[str] = []
    words: list[str] = []
    classes = 0
    last_token: Token | None = None
    for token in tokens:
        if not token.content:
            continue
        last_token = token
        words.append(token.word.counted)
        classes |= token.classes
        features.append(token.word.feature)
    if words:
        features.append("e1:" + words[-1])
    if len(words) > 1:
        features.append("e2:" + words[-2] + "|" + words[-1])
    if len(words) > 2:
        features.append("e3:" + words[-3] + "|" + words[-2] + "|" + words[-1])
    if last_token is not None:
        features.append("t:" + last_token.main + "-" + last_token.sub + "-" + last_token.cform)
    if words:
        features.append("s1:" + words[0])
    # Tense and polarity of the sentence's end: 不安でした (told as over) vs 不安です.
    mood = _mood(words)
    if mood:
        features.append(_MOOD_FEATURES[mood])
    with_mood = _CLASS_MOOD_FEATURES[mood] if mood else ()
    for bit in range(_MAX_CLASS_BITS):
        if classes >> bit & 1:
            features.append(_CLASS_FEATURES[bit])
            if mood:
                features.append(with_mood[bit])
    for verdict in rules:
        features.append(_verdict_feature(verdict))
        if mood and ":" not in verdict:
            features.append("r:" + verdict + "|" + mood)
    if not rules:
        features.append("r:none")
    kinds = [v for v in rules if ":" not in v]
    if len(kinds) > 1:
        # 「旅行するので、届きますか」: a reason told with an ask is a disclosure far more often than
        # either verdict alone says; the pair gets its own weight.
        features.append("rr:" + "&".join(sorted(kinds)))
    if "request" in rules:
        # 「返品したいのですが。」 is a preface when the ask follows and the ask itself when nothing does:
        # the rules' request cue weighed with whether the next sentence asks.
        follows = "ask-after" if "request" in after else "alone"
        for verdict in rules:
            if verdict.startswith("request:"):
                features.append("ra:" + verdict[8:] + "|" + follows)
    for verdict in before:
        if ":" not in verdict:
            features.append("rp:" + verdict)
    for verdict in after:
        if ":" not in verdict:
            features.append("rn:" + verdict)
    features.append(_END_FEATURES[_end_mark(text)])
    if in_quote:
        features.append("q")
    stripped = text.rstrip()
    if "」と" in stripped or "』と" in stripped or "」って" in stripped:
        features.append("qe")
    if first:
        features.append("first")
    if last:
        features.append("last")
    features.append(_LENGTH_FEATURES[min(len(words) // 6, 6)])
    return features


_BREAKS: Final = frozenset("。！？!?\n")
_BRACKETS: Final = re.compile("[「『」』]|\n\n")


def reported_speech(body: str) -> list[tuple[int, int]]:
    """The insides of 「…」/『…』 that hold more than one sentence, in order.

    A quotation the customer reports over several sentences or lines (「…してくださいね。
    …ですよ」と言ってくださいました) is split into sentences by the scorer and the segmenter
    alike, so the rules, which drop the quoted words of one sentence, see each piece alone.
    Its words are someone else's. A bracket not closed in its paragraph is left alone (a typo
    must not swallow the rest of the mail); a one-sentence quote is the rules' business.
    """
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _BRACKETS.finditer(body):
        ch = m.group()
        i = m.start()
        if ch == "\n\n":
            stack.clear()
        elif ch in "「『":
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack and any(c in _BREAKS for c in body[start + 1 : i]):
                out.append((start + 1, i))
    return out


def inside(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """More than half of [start, end) lies in the ranges."""
    covered = 0
    for a, b in ranges:
        if b <= start or a >= end:
            continue
        covered += min(b, end) - max(a, start)
    return covered * 2 > end - start
