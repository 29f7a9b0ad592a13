"""Helpers the writing checks share: scan the agent's own text with a pattern, build findings.

Scanning `ctx.own_text` (quotes blanked) keeps offsets in draft coordinates and
never flags the customer's quoted words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from app.model import Finding, FindingKind, Severity
from app.review.context import ReviewContext
from app.review.messages import Said, finding

Suggest = Callable[[re.Match[str]], str]


def scan(
    ctx: ReviewContext,
    pattern: re.Pattern[str],
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
    """A pattern matching any of `words`, the longest where several start at one place.

    It matches exactly what `"|".join(longest first)` would, but written as a trie (おわかり(?:いただけ…|に…)):
    `re` tries a flat alternation's words one by one at every place that starts like one of them, and a
    table of 200 phrases was a tenth of the review's regex time. At a trie node at most one branch can go
    on with the next character, and a word that ends there is the greedy `?` fallback: the longest match.
    """
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            raise ValueError("words_pattern: an empty word would match everywhere")
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_trie_regex(trie))


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?"


def end_of_own_text(ctx: ReviewContext) -> int:
    """Where a missing answer belongs: after the agent's last own sentence."""
    return ctx.sentences[-1].end if ctx.sentences else 0
