"""Issue 17: no database work on the GUI thread — opening the store, reading the outbox, the accounts, drafts.

The window is opened over a store whose every SQLite connection (ours and
SQLAlchemy's, through `sqlite3.connect`) and every `Database` use raises when made
from the GUI thread; the agent opens mails, replies, saves a draft, searches and
opens the outbox and the account dialog. Nothing may raise, and nothing may have
been attempted from the GUI thread.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.settings import load_settings
from app.sources.connection import AccountConfig, Security
from app.store.db import Database
from app.store.mail import MailStore
from tests.ui.driver import Driver
from ui.account_dialog import AccountDialog
from ui.main_window import MainWindow


class OnGuiThread(AssertionError):
    pass


@pytest.fixture
def touched(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every store use from the GUI thread, recorded and refused."""
    seen: list[str] = []
    gui = threading.main_thread()

    def refuse(what: str) -> None:
        if threading.current_thread() is gui:
            seen.append(what)
            raise OnGuiThread(f"{what} on the GUI thread")

    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        refuse("sqlite3.connect")
        return real_connect(*args, **kwargs)

    def guarded(name: str) -> Callable[..., Any]:
        real = getattr(Database, name)

        def call(self: Database, *args: Any, **kwargs: Any) -> Any:
            refuse(f"Database.{name}")
            return real(self, *args, **kwargs)

        return call

    monkeypatch.setattr(sqlite3, "connect", connect)
    for name in ("__init__", "read", "write"):
        monkeypatch.setattr(Database, name, guarded(name))
    real_connection = Database.connection
    monkeypatch.setattr(Database, "connection", property(
        lambda self: (refuse("Database.connection"), real_connection.fget(self))[1]))  # type: ignore[attr-defined]
    yield seen


def test_the_window_never_touches_the_store_from_the_gui_thread(
    qtbot: QtBot, demo_copy: Path, tmp_path: Path, dress_subject: str, touched: list[str],
) -> None:
    store_path = tmp_path / "aizuchi.sqlite3"
    # A saved account whose server is not there: the accounts pane, its sign-in attempt, its error and its
    # removal all run too. Saved from a worker thread (the guard is already on).
    account = AccountConfig("nowhere", "shop@example.jp", "shop", "127.0.0.1", "127.0.0.1", imap_port=9,
                            smtp_port=9, imap_security=Security.NONE, smtp_security=Security.NONE)
    saver = threading.Thread(target=lambda: MailStore(Database(store_path)).save_account(account))
    saver.start()
    saver.join()
    settings = load_settings(tmp_path / "settings.json")
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_copy, settings, qsettings, db_path=store_path)
    qtbot.addWidget(win)
    drive = Driver(qtbot, win)
    # The account cannot connect: said (in its tree and the status bar), never raised.
    with qtbot.waitSignal(win.accounts.error, timeout=30000), \
            drive.waiting_all(Changes.CONTEXT, Changes.HEADERS, Changes.MEMORY, timeout=60000):
        win.show()
    assert win.accounts_pane.isVisible() and "nowhere" in win.accounts.configs

    drive.open(dress_subject)                      # fetch, analysis with corrections, profile
    drive.reply()                                  # the saved draft looked up, a new one built
    drive.type_draft("ご連絡ありがとうございます。")
    with qtbot.waitSignal(win.compose.draft_saved, timeout=10000):
        win.compose.save_now()
    win.compose.close()
    drive.search("ドレス")                          # the mail index and the memory
    win.memory.close_search()
    drive.open_row(drive.row(lambda h: h.subject != dress_subject), Changes.MESSAGE)

    with drive.waiting(Changes.OUTBOX):
        win.account_control.open_outbox()         # the outbox's items, read on the db lane
    assert win.account_control.outbox_dialog is not None and win.account_control.outbox_dialog.isVisible()
    dialog = win.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    dialog.reject()
    box = win.account_control.ask_remove_account("nowhere")
    assert box is not None
    remove = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    with drive.waiting(Changes.ACCOUNTS):
        remove.click()
    assert win.accounts.configs == {} and not win.accounts_pane.isVisible()

    win.memory.stop_build()
    win.runner.wait_all(10000)
    assert touched == []
