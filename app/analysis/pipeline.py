"""One mail body through the analyser: zones, sentences, tokens, labels, topics, links.

`analyze(body)` zones the body (quotes, signature, greeting and closing
formulas), splits the rest into sentences and clauses, tokenises all its
sentences with few Sudachi calls, labels clauses as disclosure / request / worry,
and gives each highlight a topic, links and the cue that decided it. Offsets
are code points into `body`. This is the analyser's hot path, compiled with
mypyc by `make` (see `app/analysis/__init__.py`).
"""

from __future__ import annotations

import gc
import threading
from typing import Final

from app.analysis.ahead import Ahead
from app.analysis.detect import (
    Labelled,
    disclosure_score,
    explicit_request,
    kind_value,
    label_sentence,
    learned_may_add,
    refused_question,
    relieved,
)
from app.analysis.features import char_pairs, inside, reported_speech, sentence_features
from app.analysis.formulas import is_formula, is_thanks
from app.analysis.learned import SentenceModel, load
from app.analysis.links import Placed, link
from app.analysis.lists import after_mark, listed_items
from app.analysis.segment import Sentence, split_clauses, split_sentences
from app.analysis.tokenizer import Token, tokenize, tokenize_unwrapped
from app.analysis.topics import topic_of
from app.analysis.zones import find_zones
from app.model import CueKind, Highlight, HighlightKind, Insight, Zone, ZoneKind, make_cue

# The customer's own words analysed per mail, at most. A long chatty mail is ~2,000
# characters; this is thirty of them. Beyond it (a pasted log, a 2 MB body) the
# rest is shown and zoned but not searched, so the time per mail stays bounded.
MAX_ANALYSED_CHARS: Final = 60_000

_TRIM_TAIL: Final = set(" \t\r\n　、。，,.！？!?…‥・〜～ー♪☆★")
_LEADING_CONJUNCTIONS: Final = ("接続詞",)


def _sentence_end(text: str) -> str:
    for ch in reversed(text):
        if ch in "?？":
            return "？"
        if ch in "。！!":
            return "。"
        if ch.isalnum() and not (ord(ch) >= 0x1F000):
            return ""
    return ""


def _trim(body: str, item: Labelled) -> tuple[int, int]:
    start, end = item.start, item.end
    toks = [t for t in item.tokens if t.start >= start and t.end <= end]
    # A leading conjunction (ところで、 また、 ただ、) is not part of what was said.
    k = 0
    while k < len(toks) and (toks[k].main == "接続詞" or toks[k].main in ("補助記号", "空白")):
        k += 1
    if 0 < k < len(toks):
        start = toks[k].start
    # Trailing punctuation, emoji and laugh marks.
    while end > start:
        ch = body[end - 1]
        if ch in _TRIM_TAIL or ord(ch) >= 0x1F000 or 0x2600 <= ord(ch) <= 0x27BF:
            end -= 1
            continue
        if body[max(start, end - 3) : end] in ("（笑）", "（泣）", "(笑)", "(泣)"):
            end -= 3
            continue
        if ch in "笑泣" and end - 1 > start and body[end - 2] in "すたねよなだいうしか":
            end -= 1
            continue
        break
    return start, end


def _past(item: Labelled) -> bool:
    """The clause ends in the past tense (不安でした / 心配していました)."""
    content = [t for t in item.tokens if t.content]
    return bool(content) and content[-1].lemma == "た"


_Found = tuple[Labelled, int, int, int, int, str]  # item, start, end, sentence index, paragraph, topic


def _label(body: str, sentences: list[tuple[int, Sentence]], tokenized: list[list[Token]], k: int,
           found: list[_Found], zone_list: list[Zone]) -> None:
    """Label sentence k (its tokens and the next sentence's are complete)."""
    index, sentence = sentences[k]
    tokens = tokenized[k]
    text = body[sentence.start : sentence.end]
    if is_thanks(text) and disclosure_score(tokens) < 2:
        zone_list.append(Zone(ZoneKind.FORMULA, sentence.start, sentence.end))
        return
    for item in label_sentence(split_clauses(tokens), _sentence_end(text)):
        if (item.kind is HighlightKind.WORRY and k + 1 < len(sentences) and _past(item)
                and sentences[k + 1][1].paragraph == sentence.paragraph and relieved(tokenized[k + 1])):
            continue  # 「不安でした😅 でも無事届いて安心しました」: a worry told as over
        start, end = _trim(body, item)
        if end > start:
            topic = topic_of(item.kind, [t for t in item.tokens if t.start >= start and t.end <= end],
                             body[start:end])
            found.append((item, start, end, index, sentence.paragraph, topic))


_KINDS: Final = (HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY)
_REQUEST: Final = HighlightKind.REQUEST
_DISCLOSURE: Final = HighlightKind.DISCLOSURE
Row = tuple[int, int, list[str]]  # a sentence's start, end and features, for the trainer


def _verdicts(items: list[_Found]) -> list[str]:
    """The rules' kinds and kind:cuekind strings for one sentence's highlights."""
    here: list[str] = []
    for f in items:
        kind = kind_value(f[0].kind)
        if kind not in here:
            here.append(kind)
        cue = f[0].cue.split(":", 1)[0]
        if cue and kind + ":" + cue not in here:
            here.append(kind + ":" + cue)
    return here


_EXPLAINING: Final = ("名詞", "動詞", "形容詞", "形状詞", "副詞", "代名詞")


def _as_written(words: list[str], tokens: list[Token]) -> list[str]:
    """The three strongest of `words` that carry meaning, as the mail wrote them (御 → ご, 下さる → ください)."""
    out: list[str] = []
    for word in words:
        for t in tokens:
            if t.norm == word and t.main in _EXPLAINING and len(t.surface) > 1 and t.surface not in out:
                out.append(t.surface)
                break
        if len(out) == 3:
            break
    if not out:  # only endings weighed (〜だろう): name the sentence's last words
        content = [t.surface for t in tokens if t.content]
        out = content[-3:]
    return out


def _explicit(tokens: list[Token], text: str) -> bool:
    """The sentence's last clause asks by its grammar alone (asked only when the layer would drop an ask)."""
    clauses = split_clauses(tokens) if tokens else []
    return bool(clauses) and explicit_request(clauses[-1], _sentence_end(text),
                                              clauses[-2].tokens[-1].surface if len(clauses) > 1 else "")


class _Weigher:
    """The learned layer's say on each sentence, given as soon as the sentence after it is labelled.

    It runs inside the labelling loop, while the worker thread is still tokenising the chunks
    after, so its work overlaps Sudachi's instead of adding to it. A rule's mark the model is
    sure of the opposite of is taken back; a mark the rules did not make is added when the model
    is sure of it. Without a model (the trainer's view) it only records each sentence's features.
    """

    def __init__(self, body: str, sentences: list[tuple[int, Sentence]], tokenized: list[list[Token]],
                 model: SentenceModel | None, rows: list[Row] | None) -> None:
        self.body = body
        self.sentences = sentences
        self.tokenized = tokenized
        self.model = model
        self.rows = rows
        self.speech = reported_speech(body)
        self.verdicts: list[list[str]] = []
        self.dropped: set[tuple[int, str]] = set()
        self.added: list[_Found] = []
        self.active = model is not None or rows is not None

    def labelled(self, items: list[_Found], zone_list: list[Zone]) -> None:
        """The next sentence was labelled with `items`: weigh the one before it."""
        if not self.active:
            return
        self.verdicts.append(_verdicts(items))
        if len(self.verdicts) >= 2:
            self._weigh(len(self.verdicts) - 2, zone_list)

    def finish(self, found: list[_Found], zone_list: list[Zone]) -> list[_Found]:
        if self.active and self.verdicts:
            self._weigh(len(self.verdicts) - 1, zone_list)
        kept = [f for f in found if (f[3], kind_value(f[0].kind)) not in self.dropped] + self.added
        # 「…電話してくださいね」と言ってくださって: what someone else said over several sentences is their
        # ask or their fear, not the customer's (what it tells may still be the customer's news: 先生に
        # 「骨密度が低いですね。…」と言われました).
        return [f for f in kept if f[0].kind is HighlightKind.DISCLOSURE or not inside(self.speech, f[1], f[2])]

    def _weigh(self, k: int, zone_list: list[Zone]) -> None:
        index, sentence = self.sentences[k]
        if any(z.start == sentence.start and z.kind is ZoneKind.FORMULA for z in zone_list[-2:]):
            return  # a thanks formula `_label` dimmed: its zone is one of the two newest (this sentence's, the next's)
        body = self.body
        tokens = self.tokenized[k]
        count = len(self.sentences)
        verdicts = self.verdicts
        features = sentence_features(tokens, body[sentence.start : sentence.end], verdicts[k],
                                     verdicts[k - 1] if k > 0 else [],
                                     verdicts[k + 1] if k + 1 < len(verdicts) else [], k == 0, k == count - 1,
                                     any(a < sentence.start < b for a, b in self.speech))
        text = body[sentence.start : sentence.end]
        if self.rows is not None:
            self.rows.append((sentence.start, sentence.end, features + char_pairs(text)))
        model = self.model
        if model is None:
            return
        probabilities = model.probabilities(features, text)
        for label, kind in enumerate(_KINDS):
            value = kind_value(kind)
            marked = value in verdicts[k]
            if marked and probabilities[label] < model.drop[label] and not (count == 1 and kind is _REQUEST):
                # A mail of one sentence has no neighbour for the model to weigh (「返品したいのですが。」
                # is a preface when an ask follows and the ask itself when nothing does), and the corpus
                # it learned from has almost no such mails: the rules' ask there is why they wrote.
                if kind is _REQUEST and _explicit(tokens, text):
                    # 「〜の掲載をお願いします」「〜べきだと思う」 closing a long comment: the ending asks,
                    # whatever the story's words weigh (`request.explicit_ask`)
                    continue
                self.dropped.add((index, value))
            elif not marked and probabilities[label] >= model.add[label]:
                clauses = split_clauses(tokens) if kind is _REQUEST and tokens else []
                if clauses and refused_question(clauses[-1], _sentence_end(text),
                                                clauses[-2].tokens[-1].surface if len(clauses) > 1 else ""):
                    # 「〜必要ないのではないでしょうか」「お疲れは出ていませんか」「〜いいものだろうか」: a
                    # question form the rules turned down by its grammar; words that often ask do not
                    # make it one.
                    continue
                if kind is _DISCLOSURE and not learned_may_add(tokens, inside(self.speech, sentence.start,
                                                                             sentence.end)):
                    continue  # `detectors.LEARNED_DISCLOSURE_VETOES`: someone else's words, quoted at length
                item = Labelled(kind, sentence.start, sentence.end, tuple(tokens),
                                "learned:" + "・".join(_as_written(model.strongest(features, label, 8), tokens)))
                start, end = _trim(body, item)
                if end > start:
                    topic = topic_of(kind, [t for t in tokens if t.start >= start and t.end <= end], body[start:end])
                    self.added.append((item, start, end, index, sentence.paragraph, topic))


# A line may end after these without cutting a word: a particle, an ending, punctuation.
_WORD_ENDS: Final = ("助詞", "助動詞", "補助記号")


def _cut_by_a_break(tokens: list[Token]) -> bool:
    """A line break inside the sentence falls right after a word that does not end a phrase (a noun or a verb
    stem: 「心\n配」 read as 心 + 配), so the wrap may have cut a word in two; or right before a suffix, which
    never begins a word (「なった\nらと思うと」 read as た + the suffix ら: the break cut the ending たら)."""
    for i in range(1, len(tokens)):
        if tokens[i].main == "空白" and "\n" in tokens[i].surface and (
                tokens[i - 1].main not in _WORD_ENDS or (i + 1 < len(tokens) and tokens[i + 1].main == "接尾辞")):
            return True
    return False


def _without_breaks(tokens: list[Token]) -> list[Token]:
    """The sentence's words without the line breaks of a hard-wrapped paragraph (spaces elsewhere stay)."""
    return [t for t in tokens if not (t.main == "空白" and "\n" in t.surface)]


def _with_listed_asks(body: str, sentences: list[tuple[int, Sentence]], tokenized: list[list[Token]],
                      found: list[_Found]) -> list[_Found]:
    """`found` with the items of each asked list (「以下の点を教えてください」 then 「・ピアノの使用料金」) as
    requests (`app.analysis.lists`), each cue the announcement's words, and without a request on the
    announcement itself: with its items under it, it is their preface (the learned layer, which has seen
    writers mark such a line as an ask, may otherwise add it, and the review would ask the agent to
    answer an announcement)."""
    asked = {f[3] for f in found if f[0].kind is _REQUEST}
    announcements: set[int] = set()
    out: list[_Found] = []
    for announcement, k in listed_items(body, [(s.start, s.end) for _, s in sentences]):
        announcements.add(sentences[announcement][0])
        index, sentence = sentences[k]
        if index in asked:
            continue
        tokens = tokenized[k]
        intro = sentences[announcement][1]
        words = after_mark(body, sentence.start)
        item = Labelled(_REQUEST, words, sentence.end, tuple(t for t in tokens if t.start >= words),
                        make_cue(CueKind.LISTED, body[intro.start : intro.end].strip()[:20]))
        start, end = _trim(body, item)
        if end > start:
            topic = topic_of(_REQUEST, [t for t in tokens if t.start >= start and t.end <= end], body[start:end])
            out.append((item, start, end, index, sentence.paragraph, topic))
    if not announcements:
        return found
    return [f for f in found if not (f[0].kind is _REQUEST and f[3] in announcements)] + out


def analyze(body: str) -> Insight:
    """Highlights and dimmed zones for one body.

    Sudachi starts on the body's first lines at once, on the worker thread of
    `Ahead`, while this thread zones the mail; then each chunk's words are
    shared out to the sentences it holds, and a sentence is labelled as soon as
    it and the next one (a worry followed by relief is not a worry) are complete,
    while the worker tokenises the chunks after.
    """
    _pause_gc()
    try:
        ahead = Ahead(body)
        try:
            return _analyze(body, ahead, load(), None)
        finally:
            ahead.close()
    finally:
        _resume_gc()


# The cyclic garbage collector is paused while any analysis runs. Why: an analysis makes a few
# thousand tracked objects a mail (tokens, clauses, lists), so the collector would start several
# times per mail and walk them all, for nothing — an analysis makes no reference cycles (its
# objects are freed by reference counting as soon as it returns; checked over the whole corpus
# by tests/unit/test_analysis_speed.py), which is the only garbage the collector exists
# for. Measured: 0.64 M instructions (~3 %) less per 2,000-character mail. Safe for the rest of
# the process: a cycle made meanwhile on another thread waits until the last running analysis
# ends (milliseconds; ~1 s for the 200,000-character mail), and the collector is switched back
# on only if it was on when the first of the overlapping analyses began.
_gc_lock: Final = threading.Lock()
_gc_state: Final = [0, 0]  # analyses running, and whether the first of them switched the collector off


def _pause_gc() -> None:
    with _gc_lock:
        if _gc_state[0] == 0:
            _gc_state[1] = 1 if gc.isenabled() else 0
            if _gc_state[1]:
                gc.disable()
        _gc_state[0] += 1


def _resume_gc() -> None:
    with _gc_lock:
        _gc_state[0] -= 1
        if _gc_state[0] == 0 and _gc_state[1]:
            _gc_state[1] = 0
            gc.enable()


def sentence_rows(body: str) -> list[Row]:
    """The learned layer's input for each analysed sentence, with the rules alone deciding.

    The trainer's view of a mail: exactly the features `analyze` weighs, from the same code.
    """
    rows: list[Row] = []
    ahead = Ahead(body)
    try:
        _analyze(body, ahead, None, rows)
    finally:
        ahead.close()
    return rows


def _analyze(body: str, ahead: Ahead, model: SentenceModel | None, rows: list[Row] | None) -> Insight:
    zones, kept = find_zones(body)
    zone_list: list[Zone] = list(zones)
    sentences: list[tuple[int, Sentence]] = []
    budget = MAX_ANALYSED_CHARS
    cut_at = -1  # where the analysis stopped, when the budget ran out (the reader says so)
    for index, sentence in enumerate(split_sentences(body, kept)):
        budget -= sentence.end - sentence.start
        if budget < 0:
            cut_at = sentence.start
            break
        if is_formula(body[sentence.start : sentence.end]):
            zone_list.append(Zone(ZoneKind.FORMULA, sentence.start, sentence.end))
        else:
            sentences.append((index, sentence))
    count = len(sentences)
    chunks: list[int] = []
    for _, sentence in sentences:
        for i in range(max(ahead.chunk_of(sentence.start), chunks[-1] + 1 if chunks else 0),
                       ahead.chunk_of(sentence.end - 1) + 1):
            chunks.append(i)
    ahead.need(chunks)
    tokenized: list[list[Token]] = [[] for _ in sentences]
    redo: set[int] = set()  # sentences with a word across their edge: tokenised again alone
    found: list[_Found] = []
    weigher = _Weigher(body, sentences, tokenized, model, rows)
    k = 0  # the sentence the next word may belong to
    # Sentence k's offsets and word list, kept in locals while its words come in (this loop runs
    # once per word of the mail: no list and tuple lookups for each).
    s0 = s1 = 0
    words: list[Token] = []
    if count:
        s0, s1, words = sentences[0][1].start, sentences[0][1].end, tokenized[0]
    ready = 0  # sentences before this one have all their words
    labelled = 0
    for chunk in chunks:
        for token in ahead.take(chunk):
            b = token.start
            e = token.end
            if b >= s1:
                while k < count and b >= sentences[k][1].end:
                    k += 1
                if k == count:
                    break
                s0, s1, words = sentences[k][1].start, sentences[k][1].end, tokenized[k]
            if e <= s0:
                continue  # between sentences: spaces, a formula, a zone
            if b < s0:
                redo.add(k)
                if k > 0 and b < sentences[k - 1][1].end:
                    redo.add(k - 1)
                continue
            if e > s1:
                redo.add(k)
                if k + 1 < count and e > sentences[k + 1][1].start:
                    redo.add(k + 1)
                continue
            words.append(token)
        chunk_end = ahead.ends[chunk]
        while ready < count and sentences[ready][1].end <= chunk_end:
            sentence = sentences[ready][1]
            if "\n" in sentence.text and (ready in redo or _cut_by_a_break(tokenized[ready])):
                # A sentence across hard-wrapped lines (`segment._wrapped`) whose wrap fell inside a word:
                # read again without its line breaks, so the word cut by the wrap (「心\n配」) is one word
                # again. A break after a particle, an ending or a comma (most joined lines) cuts no word,
                # and the sentence keeps the words Sudachi already read (reading every joined sentence
                # twice cost the analysis a third more time).
                tokenized[ready] = tokenize_unwrapped(sentence.text, sentence.start)
            elif ready in redo:
                tokenized[ready] = tokenize(body[sentence.start : sentence.end], sentence.start)
            elif "\n" in sentence.text:
                # Joined across its breaks with no word cut: the breaks go, as they do from a sentence read
                # again. A rule reads the words next to each other (「分かりませ\nん」「見当がつかず\n、」),
                # and a break between them, no word of the writer's, would hide the pattern.
                tokenized[ready] = _without_breaks(tokenized[ready])
            ready += 1
        while labelled < ready - 1 or (labelled < count and ready == count):
            before = len(found)
            _label(body, sentences, tokenized, labelled, found, zone_list)
            weigher.labelled(found[before:], zone_list)
            labelled += 1
    found = weigher.finish(found, zone_list)
    found = _with_listed_asks(body, sentences, tokenized, found)
    found.sort(key=lambda f: (f[1], kind_value(f[0].kind)))
    links = link([Placed(f[0].kind, f[3], f[4]) for f in found])
    highlights = tuple(
        Highlight(kind=item.kind, start=start, end=end, topic=topic, links=links[i], cue=item.cue)
        for i, (item, start, end, _, _, topic) in enumerate(found)
    )
    zone_list.sort(key=lambda z: z.start)
    return Insight(highlights=highlights, zones=tuple(zone_list), analysed_up_to=cut_at)
