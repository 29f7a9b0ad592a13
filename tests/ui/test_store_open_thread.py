"""The store's first open (and its migrations) runs on a worker thread, like every later query:
`ui.store_dialog.open_store_or_ask` waits for it before the window exists (issue 17)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from ui import store_dialog


def test_the_first_open_connects_off_the_gui_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIZUCHI_DATA_DIR", str(tmp_path))
    threads: list[str] = []
    connect = sqlite3.connect

    def recording_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        threads.append(threading.current_thread().name)
        return connect(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", recording_connect)
    database = store_dialog.open_store_or_ask(headless=True)
    assert database is not None
    assert threads, "the store was not opened"
    assert threading.main_thread().name not in threads, threads
    assert (tmp_path / "aizuchi.sqlite3").exists()


def test_a_damaged_store_is_still_said_when_opened_off_the_gui_thread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("AIZUCHI_DATA_DIR", str(tmp_path))
    (tmp_path / "aizuchi.sqlite3").write_bytes(b"this is not a database" * 100)
    assert store_dialog.open_store_or_ask(headless=True) is None  # no one to ask: nothing changed
    assert capsys.readouterr().err.strip(), "the problem was not said"
    assert (tmp_path / "aizuchi.sqlite3").read_bytes().startswith(b"this is not a database")
