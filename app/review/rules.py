"""Helpers the writing checks share: scan the agent's own text with a pattern, build findings.

Scanning `ctx.own_text` (quotes blanked) keeps offsets in draft coordinates and
never flags the customer's quoted words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from app.analysis.wordtrie import trie_pattern
from app.model import Finding, FindingKind, Severity
from app.review.context import ReviewContext
from app.review.gate import Searcher
from app.review.messages import Said, finding

Suggest = Callable[[re.Match[str]], str]


def scan(
    ctx: ReviewContext,
    pattern: Searcher,
    kind: FindingKind,
    severity: Severity,
    message: Said | Callable[[re.Match[str]], Said],
    suggest: Suggest | None = None,
    group: int = 0,
) -> list[Finding]:
    """One finding per match of `pattern` (its `group`) in the agent's own text."""
    out = []
    for match in pattern.finditer(ctx.own_text):
        start, end = match.span(group)
        if start == end:
            continue
        said = message(match) if callable(message) else message
        out.append(finding(kind, severity, start, end, said, suggest(match) if suggest else ""))
    return out


def table_pattern(table: dict[str, str]) -> re.Pattern[str]:
    """A pattern matching any key of a wrong → right table, longest first."""
    return words_pattern(table)


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of `words`, the longest where several start at one place (see `trie_pattern`)."""
    return trie_pattern(words)


def end_of_own_text(ctx: ReviewContext) -> int:
    """Where a missing answer belongs: after the agent's last own sentence."""
    return ctx.sentences[-1].end if ctx.sentences else 0
