"""The one send path of the window: every reply goes into the outbox and leaves from here.

`SendService.send_reply` submits a reply (a server account or the local Maildir alike)
to the outbox with the time it may leave: after the grace period (「送信を取り消す」)
or at the shop's next opening. The timing is outbox state (`due_at`); this service
only wakes when the next item comes due (a single-shot timer, capped at a minute so
a changed system clock or a sleep is caught up) and sends every due item along its
account's route on that account's lane; local mailboxes use `mail:outbox`. When an
account's session opens, its waiting items are retried (unknown ones only looked up).
New mail (a sync, a local listing) makes it run the send guards over every waiting
item at once (`check_waiting`), so a 予約 held because the customer wrote again shows
as held straight away.

The outbox is the application context's (`app.context`: one `Outbox` with the
window's clock and the send guards, recovered after a crash when the context
opened); the service starts with the context. Nothing here runs SQL on the GUI
thread: every outbox call is a task on the `db` lane or on the sending lane. The
window words what happens (`ui.controllers.outbox`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from app.clock import Clock, default_clock
from app.context import AppContext
from app.local_send import is_local, local_route
from app.model import OutgoingMessage
from app.outbox import DueKind, Outbox, OutboxItem, OutboxState, SendProblem
from app.service_hours import hours_for
from app.session import AccountSession
from app.settings import SERVICE_HOURS, Settings
from ui.tasks import DB, TaskFailure, TaskRunner, mail_lane

log = logging.getLogger(__name__)

OUTBOX_LANE = mail_lane("outbox")  # local sends and the guards' look at new mail
MAX_WAIT_MS = 60_000


class SendService(QObject):
    changed = Signal(object)     # list[OutboxItem]: what the agent should see (waiting, 予約, held, failed…)
    item_done = Signal(object)   # OutboxItem after a send attempt (sent, held, failed, unknown)
    held = Signal(object)        # OutboxItem newly held by a send guard
    went_late = Signal(object)   # OutboxItem sent later than its 予約 (Aizuchi was closed then)
    error = Signal(str, object)  # account id, TaskFailure

    def __init__(self, runner: TaskRunner, settings: Settings, clock: Clock | None = None,
                 sessions: Callable[[str], AccountSession | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.clock = clock or default_clock()
        self.sessions = sessions or (lambda _account: None)
        # The context's outbox (its guards are the pre-send check point, ARCHITECTURE.md §5: team
        # mode appends its guard to `outbox.guards`); None until the context is open.
        self._outbox: Outbox | None = None
        self._in_flight: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)

    # -- when ---------------------------------------------------------------------------
    def next_opening(self, sender_email: str) -> datetime | None:
        """When a reply from this identity may go: None while the shop is open (send now)."""
        now = self.clock.now()
        saved: dict[str, object] = self.settings.get(SERVICE_HOURS)
        opening = hours_for(sender_email, saved).next_opening(now)
        return None if opening is None or opening <= now else opening

    @property
    def outbox(self) -> Outbox:
        assert self._outbox is not None, "the send service starts with the context (start)"
        return self._outbox

    @property
    def started(self) -> bool:
        return self._outbox is not None

    # -- sending -------------------------------------------------------------------------
    def start(self, ctx: AppContext) -> None:
        """The context is open (a crash's cut-short sends are unknown by now): whatever is due goes."""
        self._outbox = ctx.outbox
        self.tick()

    def send_reply(
        self, account_id: str, message: OutgoingMessage, at: datetime | None,
        on_done: Callable[[OutboxItem], None], on_error: Callable[[TaskFailure], None],
        despite_unknown: bool = False,
    ) -> int:
        """THE send: recorded in the outbox to leave at `at` (a 予約), or after the grace period
        (`at` None). A local mailbox that cannot send (an mbox) fails here, with nothing recorded;
        so does a changed reply whose earlier version may have arrived (`MayHaveArrived`), unless
        the agent said `despite_unknown`."""
        now = self.clock.now()
        grace = self.settings.undo_seconds
        due, kind = (at, DueKind.HOURS) if at is not None else (
            (now + timedelta(seconds=grace), DueKind.UNDO) if grace else (None, DueKind.NOW))

        def run() -> OutboxItem:
            if is_local(account_id):
                local_route(account_id)  # CannotSendHere before anything is recorded
            return self.outbox.submit(account_id, message, due, kind, despite_unknown=despite_unknown)

        def done(item: OutboxItem) -> None:
            on_done(item)
            if item.state is OutboxState.UNKNOWN and despite_unknown:
                self.deliver(item, resend_unknown=True)  # the agent said so: Sent is looked in first
            self.tick()

        return self.runner.submit(DB, run, done, on_error)

    def tick(self) -> None:
        """Send whatever has come due, and wake again for the next one."""
        self.timer.stop()
        if not self.started:
            return

        def run() -> tuple[list[OutboxItem], datetime | None, list[OutboxItem]]:
            return self.outbox.due(), self.outbox.next_due(), self.outbox.attention()

        self.runner.submit(DB, run, self._on_due, self._failed(""))

    def _on_due(self, found: tuple[list[OutboxItem], datetime | None, list[OutboxItem]]) -> None:
        due, next_due, attention = found
        self.changed.emit(attention)
        for item in due:
            self.deliver(item)
        if next_due is not None:
            wait = (next_due - self.clock.now()).total_seconds() * 1000
            self.timer.start(int(min(MAX_WAIT_MS, max(50.0, wait))))

    def deliver(self, item: OutboxItem, resend_unknown: bool = False) -> bool:
        """Send one item on its account's lane; False when its account is not connected (yet)."""
        if item.id in self._in_flight:
            return True
        if is_local(item.account_id):
            lane = OUTBOX_LANE

            def run() -> OutboxItem:
                return self.outbox.deliver(item.id, local_route(item.account_id), resend_unknown)
        else:
            session = self.sessions(item.account_id)
            if session is None:
                return False  # retried when its session opens (account_ready)
            lane = mail_lane(item.account_id)
            route = session.route

            def run() -> OutboxItem:
                return self.outbox.deliver(item.id, route, resend_unknown)

        self._in_flight.add(item.id)
        self.runner.submit(lane, run, partial(self._on_delivered, item.id),
                           partial(self._on_deliver_failed, item))
        return True

    def _on_delivered(self, item_id: int, item: OutboxItem) -> None:
        self._in_flight.discard(item_id)
        if item.state is OutboxState.HELD:
            self.held.emit(item)
        if item.late_by is not None:
            self.went_late.emit(item)
        self.item_done.emit(item)
        self.refresh()

    def _on_deliver_failed(self, item: OutboxItem, failure: TaskFailure) -> None:
        self._in_flight.discard(item.id)
        self.error.emit(item.account_id, failure)
        self.refresh()

    def retry(self, item_id: int, resend_unknown: bool) -> None:
        """The outbox dialog's 再試行・再確認 / 再送する."""
        self.runner.submit(DB, lambda: self.outbox.item(item_id),
                           lambda item: self._retry_now(item, resend_unknown), self._failed(""))

    def _retry_now(self, item: OutboxItem, resend_unknown: bool) -> None:
        if not self.deliver(item, resend_unknown):
            self.error.emit(item.account_id, None)

    def account_ready(self, account_id: str) -> None:
        """A session opened: waiting items go out again; unknown ones are only looked up (never
        resent by themselves); a refused sign-in may be fixed now; sent ones finish their Sent copy."""
        if not self.started:
            return

        def run() -> list[OutboxItem]:
            again = [
                item for item in self.outbox.attention(account_id)
                if (item.state is OutboxState.UNKNOWN and item.problem is not SendProblem.NOT_IN_SENT)
                or (item.state is OutboxState.FAILED and item.problem is SendProblem.AUTH)
                or (item.state is OutboxState.QUEUED and (item.due_at is None or item.due_at <= self.clock.now()))
            ]
            return again + self.outbox.unfinished(account_id)

        def go(items: list[OutboxItem]) -> None:
            for item in items:
                self.deliver(item)
            self.tick()

        self.runner.submit(DB, run, go, self._failed(account_id))

    # -- taking back, changing the time ------------------------------------------------------------
    def cancel(self, item_id: int, on_done: Callable[[OutboxItem | None], None]) -> int:
        """Undo / 予約の取り消し / reopening a held reply; None to `on_done` when it was too late."""

        def done(item: OutboxItem | None) -> None:
            on_done(item)
            self.refresh()

        return self.runner.submit(DB, lambda: self.outbox.cancel(item_id), done, self._failed(""))

    def reschedule(self, item_id: int, at: datetime | None, on_done: Callable[[bool], None] | None = None) -> int:
        """A new time for a waiting item (None: 今すぐ送信)."""

        def done(changed: bool) -> None:
            if on_done is not None:
                on_done(changed)
            self.tick()

        return self.runner.submit(DB, lambda: self.outbox.reschedule(item_id, at), done, self._failed(""))

    def check_waiting(self) -> None:
        """New mail came in: run the send guards over every waiting item now."""
        if not self.started:
            return

        def done(items: list[OutboxItem]) -> None:
            for item in items:
                self.held.emit(item)
            if items:
                self.refresh()

        self.runner.submit(OUTBOX_LANE, self.outbox.check_waiting, done, self._failed(""))

    def refresh(self) -> None:
        """What the agent should see, read again (`changed`)."""
        if not self.started:
            return
        self.runner.submit(DB, self.outbox.attention, self.changed.emit, self._failed(""))

    def _failed(self, account_id: str) -> Callable[[TaskFailure], None]:
        def failed(failure: TaskFailure) -> None:
            log.warning("outbox: %s", failure.trace)
            self.error.emit(account_id, failure)

        return failed
