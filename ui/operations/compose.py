"""Composer operations: the store (drafts), the live review, and sending a reply.

Drafts go through the single `db` lane (SQLite has one writer); the review runs
on the parallel `analysis` lane in the "review" slot, so a newer keystroke makes
an older result stale; sending runs on the account's mail lane. Sending is ONE
function, `send_reply`, so the outbox (IMAP/SMTP, retries, never twice) can take
its place without touching the composer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.model import Draft, Finding, Insight, ReplyStats
from app.sources.base import MailSource, OutgoingMessage
from app.store.db import Database
from app.store.drafts import DraftSaved
from ui.tasks import ANALYSIS, DB, TaskFailure, TaskRunner, mail_lane

ErrorCallback = Callable[[TaskFailure], None]
REVIEW_SLOT = "review"


class CannotSendHere(Exception):
    """This kind of mailbox has no way to send yet (an mbox file, for one)."""


@dataclass(frozen=True, slots=True)
class ReviewResult:
    text: str                  # the draft text the findings index
    findings: list[Finding]


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

    def run() -> ReviewResult:
        from app.review import review_draft as core_review

        return ReviewResult(text, core_review(text, mail_body, insight, history))

    return runner.submit(ANALYSIS, run, on_done, on_error, slot=slot)


def _send(source: MailSource, message: OutgoingMessage) -> None:
    from app.sources.maildir import MaildirSender, MaildirSource

    # Until the outbox lands, only a local Maildir can "send": into its own Sent folder.
    if not isinstance(source, MaildirSource):
        raise CannotSendHere(type(source).__name__)
    MaildirSender(source.root).send(message)
    if message.replying_to is not None:
        source.mark_answered(message.replying_to)


def send_reply(
    runner: TaskRunner, account: str, source: MailSource, message: OutgoingMessage,
    on_done: Callable[[None], None], on_error: ErrorCallback,
) -> int:
    """Send one reply and flag the original answered (the seam the outbox will replace)."""
    return runner.submit(mail_lane(account), lambda: _send(source, message), on_done, on_error)
