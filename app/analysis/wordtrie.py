"""One regular expression for many literal words, factored by their shared beginnings.

It matches exactly what a flat alternation of the words, longest first, would; but `re` tries a flat
alternation's words one by one at every place that starts like one of them, and at a trie node at most
one branch can go on with the next character (``お(?:世話|疲れ|願い)|…``); a word that ends there is the
greedy ``?`` fallback, so a match is the longest word that fits. Measured: the analyser's formula hints
(seventy words) in half the time; the review's phrase tables (a table of 200 phrases had been a tenth
of the review's regex time) and its ~2,000 slips (`app.review.checks.typo`) twice as fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]  # a character -> the words' rest; "" marks a word's end


def trie_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of `words`, the longest where several start at one place."""
    trie: _Trie = {}
    for word in words:
        if not word:
            raise ValueError("trie_pattern: an empty word would match everywhere")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_branches(trie))


def _branches(node: _Trie) -> str:
    branches = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body
