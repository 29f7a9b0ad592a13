"""What one mail teaches the memory: pure functions, no database.

- From a customer's mail: its disclosures and requests (the analyser's
  highlights) and the nouns each is about, plus the mail's "context" nouns
  (subject and requests: the product or order it came with).
- From our reply: its length and warmth (`app.review.measure`) and which of
  the original's requests it answers, judged exactly as the review's
  `unanswered_request` judges a draft.
- For today's mail: which earlier disclosures it relates to (a reminder).

Nouns are compared as Sudachi normalised forms widened to the review's
paraphrase families (`app.review.meaning`), so 「奥様」 meets 「妻」 and
「卵アレルギー」 meets 「卵のアレルギー」 without exact string matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.model import Disclosure, HighlightKind, Insight, Message, Reminder, ZoneKind
from app.review import reply_answers
from app.review.meaning import family_forms, is_light_single
from app.review.vocab import STOP_WORDS
from app.text import Reading, own_text, tokenize_short


@dataclass(frozen=True, slots=True)
class LearnedSpan:
    kind: HighlightKind
    text: str
    topic: str
    nouns: frozenset[str]


@dataclass(frozen=True, slots=True)
class IncomingFacts:
    disclosures: tuple[LearnedSpan, ...]
    requests: tuple[LearnedSpan, ...]
    context_nouns: frozenset[str]  # subject + requests: what the mail was about (a product, an order)


def nouns(text: str, families: bool = True) -> frozenset[str]:
    """The nouns of `text` as normalised forms (and, with `families`, their paraphrase families).

    Only nouns: verbs like 食べる or 作る are in almost every mail to a cake shop
    and would relate everything to everything.
    """
    out: set[str] = set()
    for token in tokenize_short(text):
        if token.main != "名詞" or token.sub in ("数詞", "非自立可能", "代名詞") or token.pos[2] == "副詞可能":
            continue
        if token.norm in STOP_WORDS or token.surface in STOP_WORDS or is_light_single(token.surface):
            continue
        if not token.surface.strip() or (token.surface.isascii() and len(token.surface) < 3):
            continue
        out |= family_forms(token.norm) if families else {token.norm}
    return frozenset(out)


def own_body(body: str, insight: Insight | None = None) -> str:
    """The body without quoted earlier mail and signature (the customer's new words)."""
    found = insight.zones if insight is not None else None
    return own_text(body, Reading.MAIL, (ZoneKind.QUOTE, ZoneKind.SIGNATURE), found)


def learn_incoming(message: Message, insight: Insight) -> IncomingFacts:
    disclosures: list[LearnedSpan] = []
    requests: list[LearnedSpan] = []
    for highlight in insight.highlights:
        text = message.body[highlight.start : highlight.end]
        if highlight.kind is HighlightKind.DISCLOSURE:
            disclosures.append(LearnedSpan(highlight.kind, text, highlight.topic, nouns(text)))
        elif highlight.kind is HighlightKind.REQUEST:
            requests.append(LearnedSpan(highlight.kind, text, highlight.topic, nouns(text, families=False)))
    context = nouns(_strip_reply_prefix(message.subject), families=False)
    for request in requests:
        context |= request.nouns
    return IncomingFacts(tuple(disclosures), tuple(requests), frozenset(context))


def _strip_reply_prefix(subject: str) -> str:
    return re.sub(r"^(?:\s*(?:re|fw|fwd|ｒｅ)\s*[:：]\s*)+", "", subject, flags=re.IGNORECASE)


def reply_pool(reply_body: str) -> frozenset[str]:
    """Every form and family our reply holds: what `answers` looks a request's words up in.

    Computed once per reply (by the memory build's workers, outside the write), not once per request."""
    from app.review.context import ReviewContext
    from app.review.meaning import key_pool

    return frozenset(key_pool(s.tokens for s in ReviewContext(reply_body).sentences))


def answers(request_text: str, reply_body: str | frozenset[str]) -> bool:
    """Whether our reply (its body, or its `reply_pool`) answers a request, by the review's own rule."""
    if isinstance(reply_body, str):
        return reply_answers(request_text, reply_body)
    from app.review.meaning import core_keys, is_answered

    return is_answered(core_keys(tokenize_short(request_text)), reply_body)


def mail_nouns(message: Message, insight: Insight | None = None) -> frozenset[str]:
    """What today's mail is about: nouns of its subject and of the customer's new words."""
    return nouns(_strip_reply_prefix(message.subject)) | nouns(own_body(message.body, insight))


def reminders(
    today: frozenset[str],
    earlier: Iterable[tuple[Disclosure, frozenset[str], frozenset[str]]],
) -> tuple[Reminder, ...]:
    """Earlier disclosures today's mail relates to: same topic first, then same product.

    `earlier` yields (disclosure, its own nouns, its mail's context nouns).
    """
    same_topic: list[Reminder] = []
    same_product: list[Reminder] = []
    for disclosure, own, context in earlier:
        shared = own & today
        if shared:
            same_topic.append(Reminder(disclosure, _shown(shared, disclosure), True))
            continue
        shared = context & today
        if shared:
            same_product.append(Reminder(disclosure, _shown(shared, disclosure), False))
    # The closest relations first: the more words in common, the likelier it matters today.
    same_topic.sort(key=lambda r: -len(r.shared))
    same_product.sort(key=lambda r: -len(r.shared))
    return tuple(same_topic + same_product)


def _shown(shared: frozenset[str], disclosure: Disclosure) -> tuple[str, ...]:
    # Family tags (#family12) are how 妻 meets 奥様; the user sees words, or else the topic.
    words = sorted(w for w in shared if not w.startswith("#"))
    return tuple(words) if words else (disclosure.topic,)
