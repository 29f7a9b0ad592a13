"""style_mixed — 文体の混在 「です・ます調とだ・である調が混ざっています」.

The user sees the plain-style sentences (〜だ。〜である。〜する。) of a reply
otherwise written in です・ます. A reply to a customer is written in one
style; the polite one is expected, so the plain sentences are the ones marked.
Sentence ends are read from Sudachi's last inflecting word, so noun-ending
lines (体言止め, headings, item lists) are not counted either way.

A sentence cut inside a quotation (「かわいい！」と…) is the customer's words, not a style.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.text import Sentence, Token

_POLITE = frozenset({"です", "ます", "ござる", "御座る"})


def _style(sentence: Sentence) -> str | None:
    """"polite", "plain" or None (no inflecting end: heading, noun ending, greeting)."""
    text = sentence.text.rstrip()
    if text.endswith(("」", "』")) or text.count("「") != text.count("」"):
        return None  # cut inside a quotation (「かわいい！」と…): the customer's words, not our style
    words = [t for t in sentence.tokens if t.main not in ("補助記号", "空白", "記号")]
    if not words:
        return None
    # Drop final particles (か, ね, よ) to reach the inflecting word.
    while words and words[-1].main == "助詞" and words[-1].sub == "終助詞":
        words.pop()
    if not words:
        return None
    if any(t.norm in _POLITE or t.lemma in _POLITE for t in words[-4:]):
        return "polite"
    last: Token = words[-1]
    if "ください" in sentence.text or "くださいませ" in sentence.text:
        return "polite"
    if last.cform.startswith("終止形") and last.main in ("動詞", "形容詞", "助動詞"):
        return "plain"
    if last.lemma in ("だ", "である") or (last.main == "助動詞" and last.surface == "だ"):
        return "plain"
    return None


def sentence_style(sentence: Sentence) -> str | None:
    """"polite", "plain" or None, as this check reads a sentence's end (tone_cold asks too)."""
    return _style(sentence)


def check(ctx: ReviewContext) -> list[Finding]:
    styles = [(s, _style(s)) for s in ctx.sentences]
    polite = sum(1 for _, style in styles if style == "polite")
    plain = [s for s, style in styles if style == "plain"]
    if not polite or not plain or len(plain) > polite:
        return []
    out = []
    for sentence in plain:
        text = sentence.text.rstrip()
        start = sentence.start + len(text) - len(text.lstrip())
        out.append(
            messages.finding(
                FindingKind.STYLE_MIXED,
                Severity.INFO,
                start,
                sentence.start + len(text),
                messages.say(messages.STYLE_MIXED),
                "",
            )
        )
    return out
