"""What the review tests share: an insight made of spans named by their text in the mail."""

from __future__ import annotations

from app.model import Highlight, HighlightKind, Insight


def insight_of(mail: str, *spans: tuple[HighlightKind, str]) -> Insight:
    """Highlights of `kind` over the first occurrence of each text in `mail`."""
    return Insight(tuple(Highlight(kind, mail.index(t), mail.index(t) + len(t)) for kind, t in spans))
