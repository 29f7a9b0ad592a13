"""The agent's corrections of highlights: analyse with them, record a new one.

The database is the application context's (app.context), opened off the GUI
thread before any mail is shown. Reading corrections happens with the analysis (any thread may read);
recording one runs on the single `db` lane (SQLite has one writer) and hands
back the insight with every correction of that mail applied to the analyser's
own, uncorrected insight.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from app.context import AppContext
from app.model import Correction, Insight
from ui.tasks import ANALYSIS, DB, TaskFailure, TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Analysed:
    key: str            # what the mail's corrections are kept under (app.store.corrections.mail_key)
    raw: Insight        # what the analyser heard
    corrected: Insight  # with the agent's corrections of this mail applied


def _analyse(ctx: AppContext, message_id: str, raw_mail: bytes, body: str) -> Analysed:
    from app.analysis import analyze
    from app.analysis.corrections import apply_corrections
    from app.store.corrections import corrections_for, mail_key

    key = mail_key(message_id, raw_mail)  # hashing a big mail is work: here, not on the GUI thread
    raw = analyze(body)
    try:
        corrections = corrections_for(ctx.db, key)
    except Exception:  # a broken store must not cost the agent the highlights
        log.exception("could not read corrections for %s", key)
        corrections = []
    return Analysed(key, raw, apply_corrections(body, raw, corrections))


def analyze_message(
    runner: TaskRunner, ctx: AppContext, message_id: str, raw_mail: bytes, body: str,
    on_done: Callable[[Analysed], None], on_error: Callable[[TaskFailure], None],
) -> int:
    """Analyse a body and apply the corrections kept for that mail."""
    return runner.submit(
        ANALYSIS, lambda: _analyse(ctx, message_id, raw_mail, body), on_done, on_error, slot="analysis"
    )


def _correct(ctx: AppContext, key: str, correction: Correction, body: str, raw: Insight) -> Insight:
    from app.analysis.corrections import apply_corrections
    from app.store.corrections import corrections_for, record

    database = ctx.db
    record(database, key, correction)
    return apply_corrections(body, raw, corrections_for(database, key))


def correct(
    runner: TaskRunner, ctx: AppContext, key: str, correction: Correction, body: str, raw: Insight,
    on_done: Callable[[Insight], None], on_error: Callable[[TaskFailure], None],
) -> int:
    """Keep one correction and hand back the mail's insight with all its corrections."""
    return runner.submit(DB, lambda: _correct(ctx, key, correction, body, raw), on_done, on_error,
                         slot="correction")
