"""The insight: the open mail's highlights (the analyser's, with the agent's corrections).

Listens to the mailbox: a mail opening → the panels wait; opened → analysed on
the analysis lane with the corrections kept for it. A dismiss in the panel or a
mark in the reader is recorded on the db lane and shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal

from app.context import AppContext, Changes
from app.model import Correction, CorrectionAction, HighlightKind, Insight
from app.sources.base import MessageRef
from ui.controllers.mailbox import MailboxController
from ui.controllers.status import StatusLine
from ui.customer_panel import CustomerPanel
from ui.insight_panel import InsightPanel
from ui.operations import analysis as analysis_ops
from ui.operations import corrections as correction_ops
from ui.operations.mailbox import OpenedMessage
from ui.tasks import TaskFailure, TaskRunner
from ui.wording import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


class InsightController(QObject):
    shown = Signal()  # the open mail's insight is known (the memory reads the customer's profile)

    def __init__(self, runner: TaskRunner, mailbox: MailboxController, status: StatusLine,
                 notify: Callable[[Changes], None], panel: InsightPanel, customer_panel: CustomerPanel) -> None:
        super().__init__(panel)
        self.runner = runner
        self.mailbox = mailbox
        self.status = status
        self.notify = notify
        self.panel = panel
        self.customer_panel = customer_panel
        self.ctx: AppContext | None = None
        self.current: Insight | None = None
        # The analyser's own insight of the open mail, which corrections apply to.
        self._raw: Insight | None = None
        self._mail_key = ""
        panel.highlight_activated.connect(mailbox.reader.jump_to)
        panel.dismiss_requested.connect(self._dismiss)
        mailbox.reader.mark_requested.connect(self._mark)
        mailbox.folder_shown.connect(self._clear)
        mailbox.opening.connect(self._wait)
        mailbox.opened.connect(self._on_opened)
        mailbox.first_listed.connect(lambda: analysis_ops.warm_up(runner))  # after the list (see there)

    def _clear(self) -> None:
        self.panel.clear()
        self.customer_panel.clear()

    def _wait(self) -> None:
        self.current = None
        self._raw = None
        self.panel.set_busy()
        self.customer_panel.set_busy()
        self.runner.cancel_slot("analysis")

    def _on_opened(self, opened: OpenedMessage, own: bool) -> None:
        if own or self.ctx is None:
            self.panel.set_own()
            self.customer_panel.set_own()
            self.status.busy("")
            return
        self.status.busy_words("InsightController", QT_TRANSLATE_NOOP("InsightController", "解析中…"))
        message = opened.message
        correction_ops.analyze_message(
            self.runner, self.ctx, message.message_id, opened.raw, message.body,
            partial(self._on_analysed, opened.ref), self._on_analysis_error,
        )

    def _is_open(self, ref: MessageRef) -> bool:
        return self.mailbox.current is not None and self.mailbox.current.ref == ref

    def _on_analysed(self, ref: MessageRef, analysed: correction_ops.Analysed) -> None:
        if not self._is_open(ref):
            return  # the user moved on while the analyser ran
        self._raw = analysed.raw
        self._mail_key = analysed.key
        self._show(analysed.corrected)
        self.status.busy_words("InsightController", QT_TRANSLATE_NOOP("InsightController", "解析が完了しました"))
        self.notify(Changes.INSIGHT)
        self.shown.emit()

    def _show(self, insight: Insight) -> None:
        assert self.mailbox.current is not None
        self.current = insight
        self.mailbox.reader.set_insight(insight)
        self.panel.set_insight(self.mailbox.current.message.body, insight)

    def _on_analysis_error(self, failure: TaskFailure) -> None:
        log.error("analysis failed:\n%s", failure.trace)
        self.panel.set_failed()
        self.status.busy_words("InsightController", QT_TRANSLATE_NOOP("InsightController", "解析できませんでした"))

    # -- corrections -----------------------------------------------------------
    def _dismiss(self, highlight_index: int) -> None:
        insight, opened = self.current, self.mailbox.current
        if opened is None or insight is None or not 0 <= highlight_index < len(insight.highlights):
            return
        h = insight.highlights[highlight_index]
        body = opened.message.body
        self._correct(Correction(CorrectionAction.DISMISS, h.kind, h.start, h.end, body[h.start : h.end]))

    def _mark(self, kind: str, start: int, end: int) -> None:
        if self.mailbox.current is not None:
            body = self.mailbox.current.message.body
            self._correct(Correction(CorrectionAction.ADD, HighlightKind(kind), start, end, body[start:end]))

    def _correct(self, correction: Correction) -> None:
        opened = self.mailbox.current
        if opened is None or self._raw is None or self.ctx is None:
            return  # not analysed yet: nothing to correct
        correction_ops.correct(
            self.runner, self.ctx, self._mail_key, correction, opened.message.body, self._raw,
            partial(self._on_corrected, opened.ref), self._on_correction_error,
        )

    def _on_corrected(self, ref: MessageRef, insight: Insight) -> None:
        if not self._is_open(ref):
            return  # kept in the store; shown next time the mail is opened
        self._show(insight)
        self.status.busy(self.tr("修正を保存しました"))
        self.notify(Changes.CORRECTIONS)

    def _on_correction_error(self, failure: TaskFailure) -> None:
        log.error("correction failed:\n%s", failure.trace)
        self.status.busy(self.tr("修正を保存できませんでした"))
