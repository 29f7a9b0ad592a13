"""Composer operations: the store (drafts) and the live review.

Drafts go through the single `db` lane (SQLite has one writer); the review runs
on the parallel `analysis` lane in the "review" slot, so a newer keystroke makes
an older review stale: dropped if it has not started, stopped between checks if it has.
Sending is not here: every reply, local or not, goes through the outbox by `ui.send_service.SendService.send_reply`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.model import Draft, Finding, Insight, ReplyStats
from app.store.db import Database
from app.store.drafts import DraftSaved
from ui.tasks import ANALYSIS, DB, TaskFailure, TaskRunner

ErrorCallback = Callable[[TaskFailure], None]
REVIEW_SLOT = "review"


@dataclass(frozen=True, slots=True)
class ReviewResult:
    text: str                  # the draft text the findings index
    findings: list[Finding]
    own_chars: int = 0         # the agent's own characters in it (quotes left out)
    seconds: float = 0.0       # how long the review took (the composer paces the next one by it)


def load_sent_draft(
    runner: TaskRunner, db: Database, message_id: str,
    on_done: Callable[[tuple[str, Draft] | None], None], on_error: ErrorCallback,
) -> int:
    """The draft a reply in the outbox was written from (reopening a held one)."""
    from app.store import drafts

    return runner.submit(DB, lambda: drafts.load_by_message_id(db, message_id), on_done, on_error)


def load_draft(
    runner: TaskRunner, db: Database, mailbox: str, original_id: str,
    on_done: Callable[[Draft | None], None], on_error: ErrorCallback,
) -> int:
    from app.store import drafts

    return runner.submit(DB, lambda: drafts.load_draft_kept(db, mailbox, original_id), on_done, on_error,
                         slot="draft-load")


def save_draft(
    runner: TaskRunner, db: Database, mailbox: str, draft: Draft,
    on_done: Callable[[DraftSaved], None] | None, on_error: ErrorCallback,
) -> int:
    from app.store import drafts

    # No slot: every save must land, in order (the db lane is serial). A store that cannot be
    # written keeps the draft in its journal file instead (DraftSaved.JOURNAL).
    return runner.submit(DB, lambda: drafts.save_draft_kept(db, mailbox, draft), on_done, on_error)


def delete_draft(
    runner: TaskRunner, db: Database, mailbox: str, original_id: str, on_error: ErrorCallback,
) -> int:
    from app.store import drafts

    return runner.submit(DB, lambda: drafts.delete_draft(db, mailbox, original_id), None, on_error)


def review_draft(
    runner: TaskRunner, text: str, mail_body: str | None, insight: Insight | None,
    on_done: Callable[[ReviewResult], None], on_error: ErrorCallback, slot: str = REVIEW_SLOT,
    history: Sequence[ReplyStats] = (),
) -> int:
    """Review on the analysis lane; `history` (our earlier replies to this customer) enables
    the consistency checks (length_decline, warmth_decline)."""

    def run(stale: Callable[[], bool]) -> ReviewResult:
        from app.review import review as core_review

        # Between its checks the review asks whether a newer keystroke made this text stale, and stops.
        started = time.perf_counter()
        reviewed = core_review(text, mail_body, insight, history, stop=stale)
        return ReviewResult(text, list(reviewed.findings), reviewed.own_chars, time.perf_counter() - started)

    # Only the newest text's review matters: an older one still queued never runs (see submit_latest).
    return runner.submit_latest(ANALYSIS, slot, run, on_done, on_error)
