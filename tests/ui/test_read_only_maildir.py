"""A read-only Maildir: one plain warning at the start, mail read without marking, and a send
that says what happened — nothing sent, the reply kept, why (QA issue 15 list, 5).

The folder is made truly unwritable: permission bits for a normal user, and the immutable
attribute when the tests run as root (whom permission bits do not stop).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app import paths
from app.clock import FakeClock
from app.context import Changes
from app.outbox import OutboxState, SendProblem
from app.service_hours import JST
from app.settings import UNDO_SECONDS, load_settings
from app.sources.maildir import unwritable_folder
from tests.ui.driver import Driver, on
from ui.main_window import MainWindow
from ui.models import Role


def _dirs(root: Path) -> list[Path]:
    return [root, *(p for p in root.rglob("*") if p.is_dir())]


def _release(root: Path) -> None:
    for folder in _dirs(root):
        if shutil.which("chattr"):
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)
        with contextlib.suppress(OSError):
            folder.chmod(0o755)


@pytest.fixture
def read_only_demo(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "demo"
    shutil.copytree(paths.DEMO_MAILDIR, root)
    try:
        for folder in _dirs(root):
            folder.chmod(0o555)
        if unwritable_folder(root) is None and os.geteuid() == 0 and shutil.which("chattr"):
            for folder in _dirs(root):
                subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if unwritable_folder(root) is None:
            pytest.skip("this machine cannot make a folder read-only (root without chattr)")
        yield root
    finally:
        _release(root)


def test_a_read_only_maildir_is_said_once_read_without_marking_and_a_send_says_nothing_went(
    qtbot: QtBot, read_only_demo: Path, tmp_path: Path
) -> None:
    settings = load_settings(tmp_path / "settings.json")
    settings.set(UNDO_SECONDS, 0)
    win = MainWindow(read_only_demo, settings, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                     db_path=tmp_path / "store.sqlite3", clock=FakeClock(datetime(2026, 12, 8, 10, 0, tzinfo=JST)))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    try:
        qtbot.waitUntil(lambda: win.mailbox.read_only_box is not None, timeout=10000)
        box = win.mailbox.read_only_box
        assert box is not None and box.isVisible()
        assert str(read_only_demo) in box.text() and "読み取り専用" in box.text()
        box.accept()

        # An unread mail opens, stays unread, and no error is said.
        before = sorted(p.name for p in (read_only_demo / "cur").iterdir())
        drive = Driver(qtbot, win)
        row = drive.row(lambda h: not h.seen)
        drive.open_row(row)
        win.runner.wait_all(5000)
        qtbot.wait(100)
        assert win.mailbox.current is not None
        assert sorted(p.name for p in (read_only_demo / "cur").iterdir()) == before
        assert not win.message_model.index(row, 0).data(Role.HEADER).seen
        status = win.status.bar.currentMessage()
        assert "Permission denied" not in status and "読み書きできませんでした" not in status, status

        # A reply: not sent, certainly, with why and that it is kept.
        drive.reply(wait_review=False)
        win.compose.composer.editor.textCursor().insertText("お問い合わせありがとうございます。確認のうえご案内いたします。")
        with qtbot.waitSignal(win.send_service.item_done, timeout=20000) as done:
            drive.submit()
        item = done.args[0]
        assert item.state is OutboxState.FAILED and item.problem is SendProblem.READ_ONLY
        said = win.status.bar.currentMessage()
        assert "送信していません" in said and "読み取り専用" in said and "残っています" in said, said
        assert "送信状態不明" not in said
        assert [p.name for p in (read_only_demo / ".Sent" / "tmp").iterdir()] == [".keep"]  # nothing half-written
    finally:
        win.memory.stop_build()
        win.runner.wait_all(5000)
