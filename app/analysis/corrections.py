"""Applying the agent's corrections to what the analyser heard in one mail.

`apply_corrections(body, insight, corrections)` is pure: it returns a new
Insight with dismissed highlights removed and marked words added (kind as the
agent chose, cue `manual:`, a topic from the words), in the order the
corrections were made, then links every request again to the worries and
disclosures around it (the same rule as the analyser's, `links.link`).

A correction finds its words by offsets when `body[start:end]` still reads as
it did; otherwise by searching for its text (the nearest occurrence), and a
correction whose words are gone is skipped rather than marking something else.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from app.analysis.links import Placed, link
from app.analysis.segment import split_sentences
from app.analysis.tokenizer import tokenize
from app.analysis.topics import topic_of
from app.analysis.zones import find_zones
from app.model import Correction, CorrectionAction, CueKind, Highlight, Insight, make_cue


def _locate(body: str, correction: Correction) -> tuple[int, int] | None:
    start, end = correction.start, correction.end
    if 0 <= start < end <= len(body) and body[start:end] == correction.text:
        return start, end
    if not correction.text:
        return None
    found = _occurrences(body, correction.text)
    if not found:
        return None
    at = min(found, key=lambda i: abs(i - start))
    return at, at + len(correction.text)


def _occurrences(body: str, text: str) -> list[int]:
    out = []
    at = body.find(text)
    while at >= 0:
        out.append(at)
        at = body.find(text, at + 1)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covers(highlight: Highlight, span: tuple[int, int]) -> bool:
    """The highlight is the one meant: most of the shorter of the two is shared."""
    shared = _overlap((highlight.start, highlight.end), span)
    shorter = min(highlight.end - highlight.start, span[1] - span[0])
    return shorter > 0 and shared * 2 > shorter


def _manual(body: str, correction: Correction, span: tuple[int, int]) -> Highlight:
    start, end = span
    text = body[start:end]
    return Highlight(
        kind=correction.kind,
        start=start,
        end=end,
        topic=topic_of(correction.kind, tokenize(text, start), text),
        cue=make_cue(CueKind.MANUAL),
    )


def _relink(body: str, highlights: list[Highlight]) -> tuple[Highlight, ...]:
    """Links by sentence and paragraph, as the analyser makes them."""
    _, kept = find_zones(body)
    sentences = split_sentences(body, kept)
    starts = [s.start for s in sentences]
    placed = []
    for h in highlights:
        index = max(0, bisect_right(starts, h.start) - 1)
        paragraph = sentences[index].paragraph if sentences else 0
        placed.append(Placed(h.kind, index, paragraph))
    links = link(placed)
    return tuple(replace(h, links=links[i]) for i, h in enumerate(highlights))


def apply_corrections(body: str, insight: Insight, corrections: Sequence[Correction]) -> Insight:
    """The insight as the agent corrected it (unchanged when there are no corrections)."""
    if not corrections:
        return insight
    highlights = list(insight.highlights)
    for correction in corrections:
        span = _locate(body, correction)
        if span is None:
            continue
        same_kind = [h for h in highlights if h.kind is correction.kind and _covers(h, span)]
        if correction.action is CorrectionAction.DISMISS:
            highlights = [h for h in highlights if h not in same_kind]
        else:
            # Marked words replace what the analyser had of the same kind there.
            highlights = [h for h in highlights if h not in same_kind]
            highlights.append(_manual(body, correction, span))
    highlights.sort(key=lambda h: (h.start, h.kind.value))
    return replace(insight, highlights=_relink(body, highlights))
