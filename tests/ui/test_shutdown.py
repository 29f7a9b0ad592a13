"""Closing the window while tasks run: they stop, and one finishing late never raises.

The tasks are held inside the source (a fetch of the memory build, a folder's
listing) past the window's wait at close, and let go while the window is being
deleted: exactly the moment a late `emit` used to hit a deleted relay
(`RuntimeError: Signal source has been deleted`).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.settings import load_settings
from app.sources.base import Folder, FolderRole, Header, MessageRef, SyncState
from app.sources.maildir import MaildirSource
from tests.ui.driver import on
from ui.main_window import MainWindow
from ui.models import Role


class _Gate:
    """Holds `fetch` and `headers` once armed, until opened."""

    def __init__(self) -> None:
        self.armed = False
        self.open = threading.Event()
        self.held: set[str] = set()  # which tasks wait at the gate

    def wait(self, what: str) -> None:
        if self.armed:
            self.held.add(what)
            assert self.open.wait(20)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Gate]:
    held = _Gate()
    fetch = MaildirSource.fetch
    headers = MaildirSource.headers

    def slow_fetch(self: MaildirSource, ref: MessageRef) -> bytes:
        held.wait("fetch")
        return fetch(self, ref)

    def slow_headers(self: MaildirSource, folder: Folder, since: SyncState | None = None) -> Iterator[Header]:
        for header in headers(self, folder, since):
            held.wait("listing")
            yield header

    monkeypatch.setattr(MaildirSource, "fetch", slow_fetch)
    monkeypatch.setattr(MaildirSource, "headers", slow_headers)
    yield held
    held.open.set()


@pytest.fixture
def raised(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Exceptions that reach sys.excepthook (where PySide reports one raised in a worker's run)."""
    seen: list[BaseException] = []
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        seen.append(error)
        previous(kind, error, trace)

    monkeypatch.setattr(sys, "excepthook", hook)
    return seen


def test_closing_mid_build_and_mid_listing_stops_them_and_raises_nothing(
    qtbot: QtBot, demo_copy: Path, tmp_path: Path, gate: _Gate, raised: list[BaseException],
    capfd: pytest.CaptureFixture[str],
) -> None:
    settings = load_settings(tmp_path / "settings.json")
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_copy, settings, qsettings)
    win.shutdown_wait_ms = 200  # the tasks below are held far longer than the window waits
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    qtbot.waitUntil(lambda: win.memory.opened is not None, timeout=10000)
    win.memory.start_build()
    assert win.memory.build_progress is not None
    qtbot.waitUntil(lambda: win.status.build_bar.value() >= 1, timeout=20000)  # the build is under way

    # Mid-build and mid-listing: the next fetch and the Sent folder's listing wait at the gate.
    gate.armed = True
    qtbot.waitUntil(lambda: "fetch" in gate.held, timeout=10000)
    for row in range(win.folder_model.rowCount()):
        index = win.folder_model.index(row, 0)
        folder = index.data(Role.FOLDER)
        if isinstance(folder, Folder) and folder.role is FolderRole.SENT:
            win.mailbox.folder_view.setCurrentIndex(index)
            break
    else:
        raise AssertionError("the demo mailbox has a Sent folder")

    qtbot.waitUntil(lambda: "listing" in gate.held, timeout=10000)

    win.close()
    assert win.runner.stopping.is_set()
    # The window is deleted while both tasks are still held; they are let go meanwhile.
    threading.Timer(0.3, gate.open.set).start()
    runner = win.runner
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(runner)
    QCoreApplication.processEvents()

    assert raised == []
    err = capfd.readouterr().err
    assert "Traceback" not in err and "RuntimeError" not in err, err


def test_shutdown_skips_queued_reads_but_runs_every_queued_write(qtbot: QtBot) -> None:
    from ui.tasks import TaskRunner

    runner = TaskRunner()
    first_runs = threading.Event()
    ran: list[str] = []

    def slow() -> None:
        first_runs.set()
        runner.stopping.wait(5)
        ran.append("slow")

    runner.submit("mail:x", slow)
    assert first_runs.wait(5)
    runner.submit("mail:x", lambda: ran.append("listing"), slot="headers", drop_at_shutdown=True)  # queued
    runner.submit("mail:x", lambda: ran.append("mark-read"))                    # queued, a write
    runner.submit("mail:x", lambda: ran.append("correction"), slot="correction")  # a write in a slot
    delivered: list[object] = []
    assert runner.shutdown(5000)
    runner.submit("mail:x", lambda: ran.append("after"), on_done=delivered.append)
    runner.wait_all(5000)
    QCoreApplication.processEvents()
    assert ran == ["slow", "mark-read", "correction"]
    assert delivered == []
    shiboken6.delete(runner)


def test_closing_mid_build_with_worker_processes_stops_them_and_raises_nothing(
    qtbot: QtBot, demo_copy: Path, tmp_path: Path, gate: _Gate, raised: list[BaseException],
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing

    from app.customers import build

    monkeypatch.setattr(build, "POOL_FROM", 5)  # the demo's few mails go to worker processes too
    monkeypatch.setattr(build, "CHUNK", 2)
    monkeypatch.setattr(build, "AHEAD", 1)  # a few mails in flight: the fetches go on as results come back
    settings = load_settings(tmp_path / "settings.json")
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_copy, settings, qsettings)
    win.shutdown_wait_ms = 200
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    qtbot.waitUntil(lambda: win.memory.opened is not None, timeout=10000)
    win.memory.start_build()
    # The workers start with the first mails handed to them; the build fetches a few chunks
    # ahead of them, then waits for their first results (they load the analyser first).
    qtbot.waitUntil(lambda: len(multiprocessing.active_children()) >= 1, timeout=20000)
    gate.armed = True
    qtbot.waitUntil(lambda: "fetch" in gate.held, timeout=20000)  # mid-build, workers running

    win.close()
    assert win.runner.stopping.is_set()
    threading.Timer(0.3, gate.open.set).start()
    runner = win.runner
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(runner)
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: multiprocessing.active_children() == [], timeout=20000)  # the workers are gone

    assert raised == []
    err = capfd.readouterr().err
    assert "Traceback" not in err and "RuntimeError" not in err, err
