"""Point 5: no draft is lost when the store cannot be written. A full disk (a small tmpfs when
the machine allows it, else an injected ENOSPC) sends the last draft to the journal beside the
store; closing the composer after a save that reached nowhere asks first."""

from __future__ import annotations

import errno
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.model import Address, Draft
from app.store import draft_journal
from app.store import drafts as drafts_module
from app.store.db import Database
from app.store.drafts import DraftNotSaved, DraftSaved, load_draft, load_draft_kept, save_draft_kept
from tests.faults.ledger import record
from tests.ui.driver import Driver
from ui.main_window import MainWindow


def _draft(body: str) -> Draft:
    return Draft(message_id="<d1@example.jp>", original_id="<o1@example.jp>", sender=Address("", "a@example.jp"),
                 to=(Address("", "c@example.jp"),), cc=(), subject="Re: 納期", body=body)


@contextmanager
def small_filesystem(tmp_path: Path, megabytes: int = 4) -> Iterator[Path | None]:
    """A tmpfs of `megabytes` (root only); None when this machine does not allow mounting."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as error:
            assert error.errno == errno.ENOSPC
    return filler


def test_a_full_disk_keeps_the_last_draft_in_the_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with small_filesystem(tmp_path) as mount:
        folder = mount or tmp_path
        db = Database(folder / "aizuchi.sqlite3")
        assert save_draft_kept(db, "shop", _draft("佐藤様\n\n最初の版です。\n")) is DraftSaved.STORE
        last = _draft("佐藤様\n\n" + "ディスクがいっぱいでも残したい文です。" * 4000 + "\n")
        if mount is not None:
            filler = _fill(mount)
        else:  # no small filesystem here: the store refuses as SQLite does on ENOSPC
            def full(*_args: object) -> None:
                raise sqlite3.OperationalError("database or disk is full")

            monkeypatch.setattr(drafts_module, "save_draft", full)
        saved = save_draft_kept(db, "shop", last)
        record("full-disk" if mount is not None else "enospc-injected", 0,
               int(load_draft_kept(db, "shop", last.original_id) != last))
        assert saved is DraftSaved.JOURNAL
        assert load_draft(db, "shop", last.original_id) != last  # the store could not take it...
        assert load_draft_kept(db, "shop", last.original_id) == last  # ...the journal did

        # Room again: the next save goes to the store and the journal lets go of it.
        if mount is not None:
            filler.unlink()
        else:
            monkeypatch.undo()
        again = _draft(last.body + "追記\n")
        assert save_draft_kept(db, "shop", again) is DraftSaved.STORE
        assert draft_journal.read(db.path, "shop", again.original_id) is None
        assert load_draft_kept(db, "shop", again.original_id) == again
        db.close()


def test_when_neither_the_store_nor_the_journal_can_write_the_caller_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database(tmp_path / "aizuchi.sqlite3")

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(drafts_module, "save_draft", full)
    monkeypatch.setattr(draft_journal, "write", full)
    with pytest.raises(DraftNotSaved):
        save_draft_kept(db, "shop", _draft("本文\n"))


def test_a_write_cut_short_leaves_the_previous_journal(tmp_path: Path) -> None:
    store = tmp_path / "aizuchi.sqlite3"
    draft_journal.reserve(store)
    first, second = _draft("一つ目\n"), _draft("二つ目\n")
    draft_journal.write(store, "shop", first)
    draft_journal.write(store, "shop", second)
    assert draft_journal.read(store, "shop", first.original_id) == second
    # A kill in the middle of the second write: its slot is half written.
    path = draft_journal.journal_path(store)
    data = bytearray(path.read_bytes())
    data[draft_journal.SLOT + 60] ^= 0xFF
    path.write_bytes(bytes(data))
    assert draft_journal.read(store, "shop", first.original_id) == first


def _open_reply(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    drive = Driver(qtbot, window)
    drive.open(dress_subject)
    drive.reply(wait_review=False)


def _type(window, text: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(window.compose.composer.editor, event)


def test_closing_the_composer_after_a_failed_save_asks_first(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window, dress_subject: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    def nowhere(*_args: object, **_kwargs: object) -> DraftSaved:
        raise DraftNotSaved("database or disk is full; journal: No space left on device")

    _open_reply(qtbot, window, dress_subject)
    monkeypatch.setattr(drafts_module, "save_draft_kept", nowhere)
    _type(window, "ただいま在庫を確認しております。")
    window.compose.save_now()
    qtbot.waitUntil(lambda: window.compose.composer.status.text().startswith("下書きを保存できませんでした"),
                    timeout=5000)
    record("composer-close-unsaved")

    window.compose.close()
    box = window.compose.discard_dialog
    assert isinstance(box, QMessageBox) and window.compose.composing
    keep = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.RejectRole)
    keep.click()
    assert window.compose.composing and "在庫を確認" in window.compose.composer.text()

    window.compose.close()
    box = window.compose.discard_dialog
    assert isinstance(box, QMessageBox)
    discard = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    assert not window.compose.composing


def test_a_draft_only_the_journal_could_take_comes_back_on_reopening(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window, dress_subject: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    _open_reply(qtbot, window, dress_subject)
    monkeypatch.setattr(drafts_module, "save_draft", full)
    _type(window, "予備のファイルに残る文です。")
    with qtbot.waitSignal(window.compose.draft_saved, timeout=5000):
        window.compose.save_now()
    assert "予備のファイル" in window.compose.composer.status.text()
    window.compose.close()
    assert not window.compose.composing and window.compose.discard_dialog is None
    with qtbot.waitSignal(window.compose.opened, timeout=10000):
        window.compose.reply_action.trigger()
    assert "予備のファイルに残る文です。" in window.compose.composer.text()


def test_closing_the_window_with_a_draft_no_save_could_keep_asks_first(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window, dress_subject: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    def nowhere(*_args: object, **_kwargs: object) -> DraftSaved:
        raise DraftNotSaved("database or disk is full; journal: No space left on device")

    _open_reply(qtbot, window, dress_subject)
    monkeypatch.setattr(drafts_module, "save_draft_kept", nowhere)
    _type(window, "ウィンドウを閉じる前の文です。")
    window.compose.save_now()
    qtbot.waitUntil(lambda: window.compose.composer.status.text().startswith("下書きを保存できませんでした"),
                    timeout=5000)
    assert not window.close()  # refused: the agent is asked
    box = window.compose.discard_dialog
    assert isinstance(box, QMessageBox) and window.isVisible()
    discard = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    record("window-close-unsaved")


def test_a_full_disk_with_no_room_for_the_journal_is_said_plainly_and_the_text_stays(  # type: ignore[no-untyped-def]
    qtbot: QtBot, demo_copy: Path, dress_subject: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills while a reply is being written and even the journal's room is gone: the
    composer's own line says why in plain Japanese (no 「DraftNotSaved」), the status bar too, and
    the typed text stays on screen. A real small tmpfs when the machine allows it."""
    import re

    from PySide6.QtCore import QSettings

    from app.settings import load_settings
    from app.store.db import open_database

    with small_filesystem(tmp_path, megabytes=96) as mount:
        folder = mount or tmp_path
        settings = load_settings(tmp_path / "settings.json")
        window = MainWindow(demo_copy, settings, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                            db=open_database(folder / "aizuchi.sqlite3"))
        qtbot.addWidget(window)
        with Driver(qtbot, window).waiting_all(Changes.HEADERS, Changes.MEMORY_BUILT, timeout=120000):
            window.show()
        try:
            _open_reply(qtbot, window, dress_subject)
            draft_journal.journal_path(folder / "aizuchi.sqlite3").unlink()  # its reserved room, gone too
            if mount is not None:
                _fill(mount)
            else:  # no small filesystem here: both refuse as they do on ENOSPC
                def full(*_args: object, **_kwargs: object) -> None:
                    raise OSError(errno.ENOSPC, "No space left on device")

                monkeypatch.setattr(drafts_module, "save_draft", full)
                monkeypatch.setattr(draft_journal, "write", full)
            typed = "ディスクがいっぱいでも消えてほしくない文です。" * 300
            _type(window, typed)
            window.compose.save_now()
            composer = window.compose.composer
            qtbot.waitUntil(lambda: composer.status.text().startswith("下書きを保存できませんでした"), timeout=10000)
            line = composer.status.text()
            record("full-disk-no-journal:window", 0, int(typed not in composer.text()))
            assert "ディスクの空きが足りません" in line and "画面に残っています" in line, line
            assert not re.search(r"[A-Za-z]{4,}", line), line  # no class name, no system English
            assert "ディスクの空き" in window.statusBar().currentMessage()
            assert typed in composer.text()
        finally:
            window.memory.stop_build()
            window.runner.wait_all(5000)
