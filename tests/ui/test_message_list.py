"""Issue 16 (2): filter and sort see the whole folder, not the rows the list happened to load."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.settings import MEMORY_AUTO_BUILD, load_settings
from tests.ui.driver import on
from ui.main_window import MainWindow
from ui.models import Column, Role

FOLDER_SIZE = 3000
SPECIAL = 150  # mails from one sender, all older than the first page of the list


def _mail(i: int, sender: str, subject: str, when: datetime) -> bytes:
    return (
        f"From: {sender}\nTo: shop@example.jp\nSubject: {subject}\n"
        f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S +0900')}\nMessage-ID: <m{i}@example.jp>\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        f"本文 {i}\n"
    ).encode()


@pytest.fixture(scope="module")
def big_maildir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big") / "mail"
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True)
    start = datetime(2026, 11, 30, 12, 0, tzinfo=timezone(timedelta(hours=9)))
    for i in range(FOLDER_SIZE):
        when = start - timedelta(hours=i)
        if i >= FOLDER_SIZE - SPECIAL:  # the oldest: beyond any first page
            sender = f"Zenkoku Yamada <yamada.z{i % 3}@example.com>"
        else:
            sender = f"お客様{i:04d} <c{i:04d}@example.jp>"
        # The alphabetically first subject lives on the very last row of the date order.
        subject = "あいうえお最初" if i == FOLDER_SIZE - 1 else f"ご注文について {i:04d}"
        (root / "cur" / f"{1700000000 + i}.M{i}P1.host:2,S").write_bytes(_mail(i, sender, subject, when))
    return root


@pytest.fixture
def big_window(qtbot: QtBot, big_maildir: Path, tmp_path: Path) -> Iterator[MainWindow]:
    settings = load_settings(tmp_path / "settings.json")
    settings.set(MEMORY_AUTO_BUILD, False)
    qsettings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(big_maildir, settings, qsettings, db_path=tmp_path / "db.sqlite3")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=30000):
        win.show()
    yield win
    win.runner.wait_all(5000)


def _all_rows(win: MainWindow) -> list[object]:
    model = win.message_model
    while model.canFetchMore():
        model.fetchMore()
    return [win.proxy.index(r, 0).data(Role.HEADER) for r in range(win.proxy.rowCount())]


def test_filter_finds_a_sender_beyond_the_first_page(qtbot: QtBot, big_window: MainWindow) -> None:
    win = big_window
    assert win.proxy.rowCount() < FOLDER_SIZE  # the list is lazy: a first page only
    loaded = [win.proxy.index(r, 0).data(Role.HEADER) for r in range(win.proxy.rowCount())]
    assert not any("Yamada" in h.sender.display() for h in loaded)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=20000):
        win.search.setText("yamada")
    rows = _all_rows(win)
    assert len(rows) == SPECIAL
    assert all("yamada" in h.sender.email for h in rows)
    assert win.message_model.matching == SPECIAL
    assert str(SPECIAL) in win.filter_label.text() and win.filter_label.isVisible()
    # Full-width input finds the same rows (NFKC), and clearing shows the folder again.
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=20000):
        win.search.setText("ＹＡＭＡＤＡ")
    assert win.message_model.matching == SPECIAL
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=20000):
        win.search.setText("")
    assert win.message_model.matching == FOLDER_SIZE
    assert win.filter_label.isHidden()


def test_nothing_found_says_so(qtbot: QtBot, big_window: MainWindow) -> None:
    win = big_window
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=20000):
        win.search.setText("存在しない差出人")
    assert win.proxy.rowCount() == 0
    assert "ありません" in win.filter_label.text()


def test_sort_covers_every_row(qtbot: QtBot, big_window: MainWindow) -> None:
    win = big_window
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=20000):
        win.message_view.sortByColumn(Column.SUBJECT, Qt.SortOrder.AscendingOrder)
    # The alphabetically first subject was the oldest mail: the last of 3,000 by date.
    assert win.proxy.index(0, Column.SUBJECT).data() == "あいうえお最初"
    subjects = [h.subject.casefold() for h in _all_rows(win)]
    assert len(subjects) == FOLDER_SIZE
    assert subjects == sorted(subjects)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=20000):
        win.message_view.sortByColumn(Column.SENDER, Qt.SortOrder.DescendingOrder)
    senders = [h.sender.display().casefold() for h in _all_rows(win)]
    assert senders == sorted(senders, reverse=True)
    assert senders[-1].startswith("zenkoku")  # Latin before kana: last when descending
    # Sort and filter together, then back to newest first.
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=20000):
        win.search.setText("yamada")
    assert len(_all_rows(win)) == SPECIAL
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=20000):
        win.message_view.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
    stamps = [h.date for h in _all_rows(win)]
    assert stamps == sorted(stamps, reverse=True)


def test_the_open_mail_stays_selected_through_a_sort(qtbot: QtBot, big_window: MainWindow) -> None:
    win = big_window
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.MESSAGE), timeout=20000):
        win.message_view.selectRow(3)
    ref = win.proxy.index(3, 0).data(Role.HEADER).ref
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=20000):
        win.message_view.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
    selected = win.message_view.selectionModel().selectedRows()
    assert selected and selected[0].data(Role.HEADER).ref == ref
    assert win.mailbox.current is not None and win.mailbox.current.ref == ref


def test_a_new_listing_keeps_the_open_mail_selected(qtbot: QtBot, big_window: MainWindow) -> None:
    """A sync lists the folder again (new mail arrived): the open mail stays selected, not reopened."""
    win = big_window
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.MESSAGE), timeout=20000):
        win.message_view.selectRow(5)
    opened = win.mailbox.current
    assert opened is not None and win.mailbox.current_folder is not None
    while win.message_model.canFetchMore():
        win.message_model.fetchMore()
    headers = [win.message_model.header_at(r) for r in range(win.message_model.rowCount())]
    win.mailbox._on_headers(win.mailbox.current_folder, headers)
    selected = win.message_view.selectionModel().selectedRows()
    assert selected and selected[0].data(Role.HEADER).ref == opened.ref
    assert win.mailbox.current is opened


def test_a_large_local_folder_shows_its_newest_screenful_first_then_fills_in(
    qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from bench.scale_mailbox import build as scaled_maildir
    from ui.operations.mailbox import FIRST_SCREEN

    mailbox = scaled_maildir(tmp_path / "mail", 160)  # about 130 in the Inbox
    settings = load_settings(tmp_path / "settings.json")
    win = MainWindow(mailbox, settings, QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    shown: list[tuple[str, int]] = []

    def changed(changes: Changes) -> None:
        if Changes.FIRST_HEADERS in changes:
            shown.append(("first", win.message_model.total))
        if Changes.HEADERS in changes:
            shown.append(("all", win.message_model.total))

    win.changed.connect(changed)
    win.show()
    qtbot.waitUntil(lambda: any(kind == "all" for kind, _ in shown), timeout=20000)
    assert shown[0] == ("first", FIRST_SCREEN)
    assert shown[-1][0] == "all" and shown[-1][1] > FIRST_SCREEN
    dates = [win.message_model.header_at(row).date for row in range(win.message_model.rowCount())]
    assert dates == sorted(dates, reverse=True)  # newest first, as the screenful was
    win.close()


def test_a_filter_typed_before_the_folder_is_listed_claims_nothing_until_it_is(
    qtbot: QtBot, big_maildir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a first start of a 20,000-mail Maildir the newest screenful shows in 0.2 s and the whole folder
    some seconds later; a filter typed meanwhile said 「一致するメールはこのフォルダにありません」 (the store
    had no rows yet), or showed the screenful unfiltered under the typed words with nothing said. The
    listing is held at a gate here."""
    import threading

    from app.sources.maildir import MaildirSource

    gate = threading.Event()
    whole = MaildirSource.headers

    def held(self, folder, since=None):  # type: ignore[no-untyped-def]
        assert gate.wait(30)
        yield from whole(self, folder, since)

    monkeypatch.setattr(MaildirSource, "headers", held)
    settings = load_settings(tmp_path / "settings.json")
    settings.set(MEMORY_AUTO_BUILD, False)
    win = MainWindow(big_maildir, settings, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                     db_path=tmp_path / "db.sqlite3")
    qtbot.addWidget(win)
    try:
        with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.FIRST_HEADERS), timeout=30000):
            win.show()
        assert win.message_model.total < FOLDER_SIZE  # the screenful only
        win.search.setText("Yamada")  # all 150 are older than the screenful
        win.mailbox.query_list()
        win.runner.wait_all(5000)
        qtbot.wait(50)
        label = win.filter_label.text()
        assert "ありません" not in label and "件中" not in label, label
        assert "読み込み" in label and win.filter_label.isVisible(), label  # it says it waits for the folder
        with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.LIST), timeout=30000):
            gate.set()
        assert win.message_model.matching == SPECIAL
        assert f"{SPECIAL} 件（このフォルダの {FOLDER_SIZE} 件中）" in win.filter_label.text()
    finally:
        gate.set()
        win.runner.wait_all(5000)
