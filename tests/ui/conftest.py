"""Fixtures for the window tests: a private copy of the demo mailbox and a window on it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app import paths
from app.context import Changes
from app.model import Message
from app.settings import load_settings
from tests.servers import DOVECOT, Certs, Dovecot, SmtpServer
from tests.ui.driver import Driver, on
from ui.main_window import MainWindow


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """The demo Maildir copied so marking read never dirties the repo."""
    target = tmp_path / "demo"
    shutil.copytree(paths.DEMO_MAILDIR, target)
    return target


@pytest.fixture
def html_mail(demo_copy: Path) -> Message:
    """The demo's HTML-only mail with remote images (found by content, not by name)."""
    from app.mail.parse import parse_message

    for sub in ("cur", "new"):
        for path in sorted((demo_copy / sub).glob("*")):
            if path.is_file() and not path.name.startswith("."):
                message = parse_message(path.read_bytes())
                if message.html is not None and message.remote_images:
                    return message
    raise AssertionError("the demo mailbox should hold an HTML-only mail with remote images")


@pytest.fixture
def dress_subject(demo_copy: Path) -> str:
    """Subject of the party-dress mail: 「ドレス」 in the subject, the party in the body."""
    from app.mail.parse import parse_message

    for path in sorted((demo_copy / "cur").glob("*")):
        message = parse_message(path.read_bytes())
        if "ドレス" in message.subject and ("パーティ" in message.body or "連休" in message.body):
            return message.subject
    raise AssertionError("the demo mailbox should hold the party-dress mail")


@pytest.fixture
def window(qtbot: QtBot, demo_copy: Path, tmp_path: Path) -> Iterator[MainWindow]:
    settings = load_settings(tmp_path / "settings.json")
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_copy, settings, qsettings)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    yield win
    win.memory.stop_build()  # the memory build stops between two messages; it resumes on the next start
    win.runner.wait_all(5000)


@pytest.fixture
def memory_window(qtbot: QtBot, demo_copy: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """A window on its own store whose customer memory is built from the demo mailbox."""
    settings = load_settings(tmp_path / "settings.json")
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_copy, settings, qsettings, db_path=tmp_path / "aizuchi.sqlite3")
    qtbot.addWidget(win)
    with Driver(qtbot, win).waiting_all(Changes.HEADERS, Changes.MEMORY_BUILT, timeout=60000):
        win.show()
    yield win
    win.memory.stop_build()
    win.runner.wait_all(5000)


@pytest.fixture
def driver(qtbot: QtBot, window: MainWindow) -> Driver:
    return Driver(qtbot, window)


@contextmanager
def running_servers(certs: Certs, fill: Callable[[Dovecot], None]) -> Iterator[tuple[Dovecot, SmtpServer]]:
    """A real Dovecot, its mail put in by `fill` before it starts, and an aiosmtpd beside it; both stopped after."""
    if not DOVECOT.exists():
        pytest.fail("Dovecot is missing: `make test` installs dovecot-imapd (scripts/system-deps.sh)")
    dovecot = Dovecot(certs=certs)
    fill(dovecot)
    dovecot.start()
    smtp = SmtpServer(certs=certs)
    smtp.start()
    try:
        yield dovecot, smtp
    finally:
        smtp.stop()
        dovecot.cleanup()
