"""The agent's corrections of highlights: analyse with them, record a new one.

The database opens on first use from a worker thread (`LazyStore`), never on the
GUI thread. Reading corrections happens with the analysis (any thread may read);
recording one runs on the single `db` lane (SQLite has one writer) and hands
back the insight with every correction of that mail applied to the analyser's
own, uncorrected insight.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.model import Correction, Insight
from app.store.db import Database, open_database
from ui.tasks import ANALYSIS, DB, TaskFailure, TaskRunner

log = logging.getLogger(__name__)


class LazyStore:
    """The window's database (`path`, or the user's), opened by the first task that needs it."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._database: Database | None = None
        self._lock = threading.Lock()

    def get(self) -> Database:
        with self._lock:
            if self._database is None:
                self._database = open_database(self._path)
            return self._database


@dataclass(frozen=True, slots=True)
class Analysed:
    key: str            # what the mail's corrections are kept under (app.store.corrections.mail_key)
    raw: Insight        # what the analyser heard
    corrected: Insight  # with the agent's corrections of this mail applied


def _analyse(store: LazyStore, message_id: str, raw_mail: bytes, body: str) -> Analysed:
    from app.analysis import analyze
    from app.analysis.corrections import apply_corrections
    from app.store.corrections import corrections_for, mail_key

    key = mail_key(message_id, raw_mail)  # hashing a big mail is work: here, not on the GUI thread
    raw = analyze(body)
    try:
        corrections = corrections_for(store.get(), key)
    except Exception:  # a broken store must not cost the agent the highlights
        log.exception("could not read corrections for %s", key)
        corrections = []
    return Analysed(key, raw, apply_corrections(body, raw, corrections))


def analyze_message(
    runner: TaskRunner, store: LazyStore, message_id: str, raw_mail: bytes, body: str,
    on_done: Callable[[Analysed], None], on_error: Callable[[TaskFailure], None],
) -> int:
    """Analyse a body and apply the corrections kept for that mail."""
    return runner.submit(
        ANALYSIS, lambda: _analyse(store, message_id, raw_mail, body), on_done, on_error, slot="analysis"
    )


def _correct(store: LazyStore, key: str, correction: Correction, body: str, raw: Insight) -> Insight:
    from app.analysis.corrections import apply_corrections
    from app.store.corrections import corrections_for, record

    database = store.get()
    record(database, key, correction)
    return apply_corrections(body, raw, corrections_for(database, key))


def correct(
    runner: TaskRunner, store: LazyStore, key: str, correction: Correction, body: str, raw: Insight,
    on_done: Callable[[Insight], None], on_error: Callable[[TaskFailure], None],
) -> int:
    """Keep one correction and hand back the mail's insight with all its corrections."""
    return runner.submit(DB, lambda: _correct(store, key, correction, body, raw), on_done, on_error,
                         slot="correction")
