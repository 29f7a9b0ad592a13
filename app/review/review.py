"""Running the review: every check over one draft, findings in draft order.

A draft that is still only its frame (「〇〇様」, the shop's greeting, the
signature, the quote) gets one finding, NOT_WRITTEN, and nothing else.
Without a mail (or without an analysis of it) only the draft-side checks run:
tone and writing. `review()` also says which mail-side checks had nothing to
look at (a forwarded mail with no text of its own has no disclosure to
acknowledge), so the UI can show 「該当なし」 instead of a reassuring zero.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from app.model import Finding, FindingKind, HighlightKind, Insight, ReplyStats, Severity, same_sentence
from app.review import messages
from app.review.checks import DRAFT_CHECKS, MAIL_CHECKS
from app.review.context import ReviewContext, tokenize_mail_ahead
from app.review.meaning import core_keys, is_answered, key_pool
from app.text import tokenize_short

_MAIL_KINDS = {
    FindingKind.UNANSWERED_REQUEST: HighlightKind.REQUEST,
    FindingKind.IGNORED_DISCLOSURE: HighlightKind.DISCLOSURE,
    FindingKind.UNACKNOWLEDGED_WORRY: HighlightKind.WORRY,
}


class ReviewStopped(Exception):
    """The caller's `stop()` said the draft moved on: the live review of an older text ends early."""


@dataclass(frozen=True, slots=True)
class Review:
    findings: tuple[Finding, ...]
    # Mail-side kinds that could not apply: no mail, or the mail has no span of that label.
    not_applicable: frozenset[FindingKind]
    # The draft is only its frame (「〇〇様」, greeting, signature): one NOT_WRITTEN finding, nothing else.
    not_written: bool = False
    # Characters of the agent's own sentences (quotes left out): the composer reviews a very long
    # draft only when typing pauses.
    own_chars: int = 0


def review(
    draft: str,
    mail_body: str | None = None,
    insight: Insight | None = None,
    history: Sequence[ReplyStats] = (),
    stop: Callable[[], bool] | None = None,
) -> Review:
    """Review one draft; `history` is our earlier replies to this customer (oldest first), if known.

    `stop` is asked between checks; when it answers True the review raises `ReviewStopped` (the
    composer's live review of a text the agent has already changed: nobody will read its findings).
    """
    with _collector_paused():
        return _review(draft, mail_body, insight, history, stop)


# A review makes tens of thousands of short-lived objects (tokens, keys, form sets) and keeps some in its caches.
# With the cyclic collector on, that set off five young collections per 2,000-character review, a middle one every
# other review and now and then a full one over every cached token: the slowest reviews were the ones a full
# collection fell in. Refcounting frees the review's garbage as it goes (it makes no cycles), so the collector waits
# until the review ends and then runs once, as its thresholds say, on the review's survivors. Reviews may run on two
# threads at once (the live one, the memory's): the collector is on again when the last of them ends.
_collector_lock = threading.Lock()
_collector_pauses = 0
_collector_was_on = False


@contextmanager
def _collector_paused() -> Iterator[None]:
    global _collector_pauses, _collector_was_on
    with _collector_lock:
        if _collector_pauses == 0:
            _collector_was_on = gc.isenabled()
            gc.disable()
        _collector_pauses += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_was_on:
                gc.enable()


def _review(
    draft: str,
    mail_body: str | None,
    insight: Insight | None,
    history: Sequence[ReplyStats],
    stop: Callable[[], bool] | None,
) -> Review:
    if mail_body:
        tokenize_mail_ahead(mail_body)  # on the worker thread while the draft is read here
    ctx = ReviewContext(draft, mail_body, insight, tuple(history))
    not_applicable = frozenset(kind for kind, label in _MAIL_KINDS.items() if not ctx.highlights(label))
    if ctx.unwritten:
        # Nothing to say about an empty draft but that: every request "unanswered", every disclosure
        # "ignored" and a cold tone would be ten findings about words not yet written.
        at = ctx.sentences[0].end if ctx.sentences else 0
        for sentence in ctx.sentences:
            if sentence.start > at + 2:
                break
            at = sentence.end
        said = messages.say(messages.NOT_WRITTEN)
        return Review((messages.finding(FindingKind.NOT_WRITTEN, Severity.INFO, at, at, said),), not_applicable, True,
                      _own_chars(ctx))
    findings: list[Finding] = []
    for check in (*MAIL_CHECKS, *DRAFT_CHECKS) if ctx.has_mail else DRAFT_CHECKS:
        if stop is not None and stop():
            raise ReviewStopped
        findings += check(ctx)
    findings.sort(key=lambda f: (f.start, f.end, f.kind.value))
    return Review(tuple(_dedupe(findings, mail_body or "")), not_applicable, own_chars=_own_chars(ctx))


def _own_chars(ctx: ReviewContext) -> int:
    return sum(len(sentence.text) for sentence in ctx.sentences)


def reply_answers(request_text: str, reply: str) -> bool:
    """Whether `reply` answers a request by meaning, as `unanswered_request` first judges a draft.

    The memory asks this of sent replies (which of the customer's requests each answered):
    the reply's own sentences (quotes masked as the review masks them) against the keys of the
    request's last clause, widened to their paraphrase families (`app.review.meaning`).
    """
    ctx = ReviewContext(reply)
    pool = key_pool(s.tokens for s in ctx.sentences)
    return is_answered(core_keys(tokenize_short(request_text)), pool)


def review_draft(
    draft: str,
    mail_body: str | None = None,
    insight: Insight | None = None,
    history: Sequence[ReplyStats] = (),
    stop: Callable[[], bool] | None = None,
) -> list[Finding]:
    """The findings for one draft, in draft order (`stop`: see `review`)."""
    return list(review(draft, mail_body, insight, history, stop).findings)


def _dedupe(findings: list[Finding], mail_body: str) -> list[Finding]:
    # Two checks may report the same span with the same kind (e.g. a table and a rule). And a mail that says the
    # same sentence twice (pasted twice, a form that looped) has one thing to answer, not two: the side panel
    # groups the repeats by `same_sentence` too, so the review names the first one only.
    seen: set[tuple[FindingKind, int, int]] = set()
    heard: set[tuple[FindingKind, str]] = set()
    out = []
    for finding in findings:
        if finding.ref is not None:
            said = (finding.kind, same_sentence(mail_body[finding.ref.start:finding.ref.end]))
            if said[1] and said in heard:
                continue
            heard.add(said)
            out.append(finding)
            continue
        key = (finding.kind, finding.start, finding.end)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out
