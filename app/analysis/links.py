"""Links between highlights: a request and the worry and disclosures that motivate it.

Motivation sits next to the request in Japanese mail: in the same sentence (a
reason clause), or a sentence or two before it, or the sentence right after it
(「〜していただけますか。〜なので。」). Links never cross a paragraph break, and
they are symmetric: the request lists the worry, the worry lists the request.
"""

from __future__ import annotations

from app.model import HighlightKind


class Placed:
    """Where a highlight sits: its sentence and paragraph."""

    __slots__ = ("kind", "paragraph", "sentence")

    def __init__(self, kind: HighlightKind, sentence: int, paragraph: int) -> None:
        self.kind: HighlightKind = kind
        self.sentence: int = sentence  # index of the sentence it is in
        self.paragraph: int = paragraph

    def __repr__(self) -> str:
        return f"Placed({self.kind!r}, {self.sentence!r}, {self.paragraph!r})"


def link(items: list[Placed]) -> list[tuple[int, ...]]:
    links: list[set[int]] = [set() for _ in items]
    for r, req in enumerate(items):
        if req.kind is not HighlightKind.REQUEST:
            continue
        for o, other in enumerate(items):
            if other.kind is HighlightKind.REQUEST or other.paragraph != req.paragraph:
                continue
            if -2 <= other.sentence - req.sentence <= 1:
                links[r].add(o)
                links[o].add(r)
    return [tuple(sorted(s)) for s in links]
