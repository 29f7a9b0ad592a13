"""The damaged-store dialog says what really comes back. A store truncated under an open reply:
the next save of that reply goes to the journal beside the store, the restart finds the damage, and
the dialog names that reply as coming back (it does, with 返信 in the fresh store) and says the
other drafts, the outbox and the account settings do not (a draft saved only in the store does not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.settings import load_settings
from app.store import db as store_db
from app.store.db import Database, StoreProblem, StoreUnusable, check_store
from tests.faults.test_damaged_store import truncate
from tests.ui.driver import Driver, ime_commit, on
from ui.main_window import MainWindow
from ui.store_dialog import damaged_store_box, journaled_drafts, start_fresh

BEFORE = "壊れる前に書いた文です。"
AFTER = "壊れた後に書いた文です。"
ELSEWHERE = "別のお客様への書きかけです。"


def _window(qtbot: QtBot, demo: Path, tmp_path: Path, db: Database | None = None) -> MainWindow:
    win = MainWindow(demo, load_settings(tmp_path / "settings.json"),
                     QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                     db=db, db_path=None if db is not None else tmp_path / "data" / "aizuchi.sqlite3")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=20000):
        win.show()
    return win


def _reply_text(qtbot: QtBot, win: MainWindow, subject: str) -> str:
    drive = Driver(qtbot, win)
    drive.open(subject)
    drive.reply(wait_review=False)
    return win.compose.composer.text()


def _save(qtbot: QtBot, win: MainWindow) -> None:
    with qtbot.waitSignal(win.compose.draft_saved, timeout=5000):
        win.compose.save_now()


def test_the_dialog_names_the_drafts_that_come_back_and_they_do(  # type: ignore[no-untyped-def]
    qtbot: QtBot, demo_copy: Path, dress_subject: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(store_db, "_checked", set())
    store = tmp_path / "data" / "aizuchi.sqlite3"
    win = _window(qtbot, demo_copy, tmp_path)
    drive = Driver(qtbot, win)
    other = next(h.subject for h in drive.headers() if h.subject != dress_subject)
    # A reply to another customer, saved in the store and closed: it lives in the store only.
    _reply_text(qtbot, win, other)
    ime_commit(win.compose.composer.editor, ELSEWHERE)
    _save(qtbot, win)
    win.compose.close()
    # The reply still open when the store breaks.
    _reply_text(qtbot, win, dress_subject)
    ime_commit(win.compose.composer.editor, BEFORE)
    _save(qtbot, win)
    assert win.ctx is not None
    win.ctx.db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    truncate(store)
    ime_commit(win.compose.composer.editor, AFTER)
    _save(qtbot, win)  # the store refuses it: the journal beside it takes it
    win.close()
    win.runner.wait_all(5000)
    win.ctx.db.close()

    # The next start.
    store_db._checked.clear()
    with pytest.raises(StoreUnusable) as raised:
        check_store(store)
    problem = raised.value
    assert problem.problem is StoreProblem.DAMAGED
    text = damaged_store_box(problem).text()
    assert "復元できません" not in text  # the old message: wrong about the journal's drafts
    coming_back, _, lost = text.partition("戻らないもの")
    assert "戻る下書き" in coming_back and "1 件" in coming_back and dress_subject in coming_back
    assert other not in text
    assert "送信待ちの返信" in lost and "アカウントの設定" in lost and "下書き" in lost
    assert [d.subject for d in journaled_drafts(problem)] == [f"Re: {dress_subject}"]

    database, kept = start_fresh(problem)
    assert kept.exists()
    fresh = _window(qtbot, demo_copy, tmp_path, db=database)
    back = _reply_text(qtbot, fresh, dress_subject)
    assert BEFORE in back and AFTER in back  # as the dialog said: the whole reply, as written
    fresh.compose.close()
    assert ELSEWHERE not in _reply_text(qtbot, fresh, other)  # as the dialog said: not back
    fresh.compose.close()
    fresh.runner.wait_all(5000)


def test_with_no_journaled_draft_the_dialog_promises_none(tmp_path: Path) -> None:
    store = tmp_path / "aizuchi.sqlite3"
    Database(store).close()
    store.write_bytes(b"")
    problem = StoreUnusable(StoreProblem.EMPTY, store, "zero-length file")
    text = damaged_store_box(problem).text()
    assert "予備のファイルに保存された下書きはありません" in text and "戻る下書き" not in text
