"""The analyser: what the customer told, asked and worried about in one mail body.

`analyze(body)` zones the body (quotes, signature, greeting and closing
formulas), splits the rest into sentences and clauses, tokenises all its
sentences in one Sudachi call, labels clauses as disclosure / request / worry,
and gives each highlight a topic, links and the cue that decided it. Offsets
are code points into `body`. The agent's corrections are applied afterwards by
`app.analysis.corrections.apply_corrections`.
`warm_up()` loads the dictionary ahead of time; both are safe from any thread.
"""

from __future__ import annotations

from app.analysis.detect import Labelled, disclosure_score, label_sentence, relieved
from app.analysis.formulas import is_formula, is_thanks
from app.analysis.links import Placed, link
from app.analysis.segment import split_clauses, split_sentences
from app.analysis.tokenizer import tokenize_many, warm_up
from app.analysis.topics import topic_of
from app.analysis.zones import find_zones
from app.model import Highlight, HighlightKind, Insight, Zone, ZoneKind

__all__ = ["MAX_ANALYSED_CHARS", "analyze", "warm_up"]

# The customer's own words analysed per mail, at most. A long chatty mail is ~2,000
# characters; this is thirty of them. Beyond it (a pasted log, a 2 MB body) the
# rest is shown and zoned but not searched, so the time per mail stays bounded.
MAX_ANALYSED_CHARS = 60_000

_TRIM_TAIL = set(" \t\r\n　、。，,.！？!?…‥・〜～ー♪☆★")
_LEADING_CONJUNCTIONS = ("接続詞",)


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


def analyze(body: str) -> Insight:
    """Highlights and dimmed zones for one body."""
    zones, kept = find_zones(body)
    zone_list: list[Zone] = list(zones)
    found: list[tuple[Labelled, int, int, int, int]] = []  # item, start, end, sentence, paragraph
    sentences = []
    budget = MAX_ANALYSED_CHARS
    for index, sentence in enumerate(split_sentences(body, kept)):
        budget -= sentence.end - sentence.start
        if budget < 0:
            break
        if is_formula(body[sentence.start : sentence.end]):
            zone_list.append(Zone(ZoneKind.FORMULA, sentence.start, sentence.end))
        else:
            sentences.append((index, sentence))
    # One Sudachi call for the whole mail, not one per sentence.
    tokenized = tokenize_many(body, [(s.start, s.end) for _, s in sentences])
    for k, ((index, sentence), tokens) in enumerate(zip(sentences, tokenized, strict=True)):
        text = body[sentence.start : sentence.end]
        if is_thanks(text) and disclosure_score(tokens) < 2:
            zone_list.append(Zone(ZoneKind.FORMULA, sentence.start, sentence.end))
            continue
        for item in label_sentence(split_clauses(tokens), _sentence_end(text)):
            if (item.kind is HighlightKind.WORRY and k + 1 < len(sentences) and _past(item)
                    and sentences[k + 1][1].paragraph == sentence.paragraph and relieved(tokenized[k + 1])):
                continue  # 「不安でした😅 でも無事届いて安心しました」: a worry told as over
            start, end = _trim(body, item)
            if end > start:
                found.append((item, start, end, index, sentence.paragraph))
    found.sort(key=lambda f: (f[1], f[0].kind.value))
    placed = [Placed(f[0].kind, f[3], f[4]) for f in found]
    links = link(placed)
    highlights = tuple(
        Highlight(
            kind=item.kind,
            start=start,
            end=end,
            topic=topic_of(item.kind, [t for t in item.tokens if t.start >= start and t.end <= end],
                           body[start:end]),
            links=links[i],
            cue=item.cue,
        )
        for i, (item, start, end, _, _) in enumerate(found)
    )
    zone_list.sort(key=lambda z: z.start)
    return Insight(highlights=highlights, zones=tuple(zone_list))
