"""The one background task runner of the window, with its lanes.

Every core call that may be slow (listing a folder, fetching and parsing a mail,
analysing a body, marking a message read) runs here, never on the GUI thread.

Lanes, as ARCHITECTURE.md says:
- `mail:<account>`: one thread per account, so a source (a Maildir today, an IMAP
  connection tomorrow) is never used from two threads at once;
- `analysis`: parallel (the analyser keeps one Sudachi tokenizer per thread);
- `db`: a single thread, because SQLite has one writer.

Results come back through a relay `QObject` created on the GUI thread: a signal
emitted from a worker thread reaches it as a queued call, so callbacks always run
on the GUI thread and may touch widgets. The callable itself never does.

A task may carry a `slot` name ("reader", "analysis"…): submitting a new task in
the same slot makes the older one stale, and its result is dropped, so a slow
parse of the previously selected mail can never overwrite the current one.
`submit_latest` goes further for work only the newest of which matters (the live
review): a superseded task still queued never runs, and a running one is told it
is stale so it can stop.

Shutdown (`TaskRunner.shutdown`, when the window closes): `stopping` is set, so
long loops that watch it (a folder's listing, the memory build) end early, and
reads submitted with `drop_at_shutdown` (a listing, a fetch, an analysis, a
search) are skipped if still queued: only the window wanted their result. Every
other task still runs: a mark-read, a draft save, a correction. After the wait the relay is
closed: a task finishing later posts nothing, so it never emits on a relay Qt
has deleted with the window (`RuntimeError: Signal source has been deleted`).
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

log = logging.getLogger(__name__)

ANALYSIS = "analysis"
DB = "db"


def mail_lane(account: str) -> str:
    """The lane name of one mail account."""
    return f"mail:{account}"


def idle_lane(account: str) -> str:
    """The lane an account's IMAP IDLE waits on for new mail: waiting, not working (no busy bar)."""
    return mail_lane(f"{IDLE}{account}")


IDLE = "idle:"


def waiting(lane: str) -> bool:
    """Whether a task on `lane` only waits (IDLE for new mail), which the busy bar does not count."""
    return lane.startswith(mail_lane(IDLE))


@dataclass(frozen=True, slots=True)
class TaskFailure:
    """What a failed task raised, delivered to `on_error` on the GUI thread."""

    error: BaseException
    trace: str


class _Relay(QObject):
    """Lives on the GUI thread; workers emit, the GUI thread receives.

    Only the task id crosses threads in the signal; the result waits in
    `outcomes`. Passing Python objects (notably `True`/`False`/`None`) through a
    queued `object` signal hit a reference-count bug in PySide6 6.12 that
    crashed the interpreter at exit.
    """

    finished = Signal(int)  # task id

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._outcomes: dict[int, tuple[bool, object]] = {}
        self._closed = False

    def post(self, task_id: int, ok: bool, value: object) -> None:
        def send() -> None:
            self._outcomes[task_id] = (ok, value)
            self.finished.emit(task_id)

        self.guarded(self, send)

    def guarded(self, source: QObject, send: Callable[[], None]) -> None:
        """Run `send` (an emit) unless the relay is closed or `source` is deleted.

        Under the lock: `close` cannot slip in between the check and the emit.
        """
        with self._lock:
            if self._closed or not shiboken6.isValid(self) or not shiboken6.isValid(source):
                return
            try:
                send()
            except RuntimeError:  # deleted by Qt between the check and the emit: nobody listens
                log.debug("late emit dropped: its object was deleted")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._outcomes.clear()

    @property
    def closed(self) -> bool:
        return self._closed

    def take(self, task_id: int) -> tuple[bool, object] | None:
        with self._lock:
            return self._outcomes.pop(task_id, None)


class _Job(QRunnable):
    def __init__(
        self, task_id: int, fn: Callable[[], Any], relay: _Relay, stopping: threading.Event, droppable: bool,
        stale: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__()
        self._task_id = task_id
        self._fn = fn
        self._relay = relay
        self._stopping = stopping
        self._droppable = droppable
        self._stale = stale

    def run(self) -> None:
        if self._droppable and self._stopping.is_set():
            return  # a read queued when the window closed: nobody will see its result
        if self._stale is not None and self._stale():
            # Superseded while it waited: never started, only taken off the pending list.
            self._relay.post(self._task_id, True, None)
            return
        try:
            result = self._fn()
        except Exception as error:  # the GUI decides how to word it
            self._relay.post(self._task_id, False, TaskFailure(error, traceback.format_exc()))
        else:
            self._relay.post(self._task_id, True, result)


@dataclass(slots=True)
class _Pending:
    lane: str
    slot: str | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[TaskFailure], None] | None


class TaskRunner(QObject):
    """Runs callables on named lanes and calls back on the GUI thread."""

    busy_changed = Signal(int)  # number of tasks still running

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._pools: dict[str, QThreadPool] = {}
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}
        self._ids = itertools.count(1)
        # Set at shutdown: long tasks watch it and end early (see the module's docstring).
        self.stopping = threading.Event()

    # -- lanes -------------------------------------------------------------
    def _pool(self, lane: str) -> QThreadPool:
        pool = self._pools.get(lane)
        if pool is None:
            pool = QThreadPool(self)
            # Analysis may use every core; mail and db lanes are serial on purpose.
            pool.setMaxThreadCount(max(2, os.cpu_count() or 2) if lane == ANALYSIS else 1)
            self._pools[lane] = pool
        return pool

    # -- submitting --------------------------------------------------------
    def submit(
        self,
        lane: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
        slot: str | None = None,
        drop_at_shutdown: bool = False,
    ) -> int:
        """Run `fn` on `lane`; a newer task in the same `slot` makes this one stale.

        `drop_at_shutdown`: a read whose only use is its result; not started once the window closes.
        """
        task_id = next(self._ids)
        if self._relay.closed:
            log.debug("task %s submitted after shutdown: not run", task_id)
            return task_id
        self._pending[task_id] = _Pending(lane, slot, on_done, on_error)
        if slot is not None:
            self._latest[slot] = task_id
        self._pool(lane).start(_Job(task_id, fn, self._relay, self.stopping, droppable=drop_at_shutdown))
        self.busy_changed.emit(len(self._pending))
        return task_id

    def submit_latest(
        self,
        lane: str,
        slot: str,
        fn: Callable[[Callable[[], bool]], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
    ) -> int:
        """Run `fn(stale)` on `lane`, where only the newest task of `slot` matters (the live review).

        A task superseded while still queued is dropped, never run; one superseded while running
        sees `stale()` turn True and may stop early (its result is dropped either way). So a burst of
        keystrokes leaves at most the running task and the newest one, never a queue of old ones.
        """
        task_id = next(self._ids)

        def stale() -> bool:
            # Read from the worker thread: a dict lookup is atomic, and a late answer only costs one check.
            return self._latest.get(slot) != task_id

        if self._relay.closed:
            log.debug("task %s submitted after shutdown: not run", task_id)
            return task_id
        self._pending[task_id] = _Pending(lane, slot, on_done, on_error)
        self._latest[slot] = task_id
        self._pool(lane).start(_Job(task_id, lambda: fn(stale), self._relay, self.stopping, droppable=True,
                                    stale=stale))
        self.busy_changed.emit(len(self._pending))
        return task_id

    def cancel_slot(self, slot: str) -> None:
        """Make whatever runs in `slot` stale (its result will be ignored)."""
        self._latest[slot] = -1

    def is_current(self, task_id: int) -> bool:
        pending = self._pending.get(task_id)
        return pending is not None and (pending.slot is None or self._latest.get(pending.slot) == task_id)

    @property
    def running(self) -> int:
        return len(self._pending)

    def lanes(self) -> set[str]:
        """The lanes with a task pending (the status line says what the busy bar is doing)."""
        return {pending.lane for pending in self._pending.values()}

    # -- results (GUI thread) ----------------------------------------------
    def _take(self, task_id: int) -> _Pending | None:
        current = self.is_current(task_id)
        pending = self._pending.pop(task_id, None)
        self.busy_changed.emit(len(self._pending))
        if pending is None or not current:
            log.debug("task %s finished stale; result dropped", task_id)
            return None
        return pending

    def _on_finished(self, task_id: int) -> None:
        taken = self._relay.take(task_id)
        if taken is None:  # posted just before shutdown: its window is gone
            return
        ok, value = taken
        pending = self._take(task_id)
        if pending is None:
            return
        if ok:
            if pending.on_done is not None:
                pending.on_done(value)
            return
        failure = value
        assert isinstance(failure, TaskFailure)
        if pending.on_error is not None:
            pending.on_error(failure)
        else:
            log.error("background task failed:\n%s", failure.trace)

    def emit_from_worker(self, source: QObject, signal: SignalInstance, *args: object) -> None:
        """Emit `signal` of `source` from a worker (progress); dropped after shutdown or once deleted."""
        self._relay.guarded(source, lambda: signal.emit(*args))

    def shutdown(self, msecs: int = 3000) -> bool:
        """Stop: long tasks end early, then nothing more is posted to the GUI thread.

        Waits up to `msecs` for the lanes (a mark-read must reach the disk); True if all finished.
        """
        self.stopping.set()
        finished = self.wait_all(msecs)
        self._relay.close()
        self._pending.clear()
        self.busy_changed.emit(0)
        return finished

    def wait_all(self, msecs: int = 5000) -> bool:
        """Block until every lane is idle (shutdown and tests); True if all finished."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())
