"""Replying to a very long mail: the window keeps answering while the review works, and says what it does.

The mail is 200,000 characters of ordinary customer sentences (`bench.long_drafts.long_mail`); the
reply quotes it whole. Responsiveness is counted, not timed: a 50 ms QTimer keeps firing while the
review of the typed text runs on its worker (a review holding the GUI thread, or the GIL in one long
call, would leave it at zero ticks).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot

import app.review as core_review
from app.analysis import MAX_ANALYSED_CHARS
from app.context import Changes
from app.settings import load_settings
from bench.long_drafts import long_mail
from tests.ui.driver import Driver, ime_commit
from ui.compose_controller import LIVE_REVIEW_MAX_CHARS
from ui.main_window import MainWindow

SUBJECT = "【長文】お問い合わせ（とても長いメール）"


@pytest.fixture
def long_window(qtbot: QtBot, demo_copy: Path, tmp_path: Path) -> Iterator[MainWindow]:
    mail = MIMEText(long_mail(200_000), "plain", "utf-8")
    mail["From"] = "山田 花子 <hanako@example.jp>"
    mail["To"] = "shop@example.jp"
    mail["Subject"] = SUBJECT
    mail["Date"] = format_datetime(datetime(2026, 12, 5, 14, 0, tzinfo=timezone(timedelta(hours=9))))
    mail["Message-ID"] = make_msgid(domain="example.jp")
    (demo_copy / "cur" / "1999999999.M1P1.longmail:2,").write_bytes(mail.as_bytes())
    settings = load_settings(tmp_path / "settings.json")
    win = MainWindow(demo_copy, settings, QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.001)  # as ui.main sets it for the application
    driver = Driver(qtbot, win)
    with driver.waiting(Changes.HEADERS, timeout=20000):
        win.show()
    yield win
    sys.setswitchinterval(switch)
    win.memory.stop_build()
    win.runner.wait_all(20000)


def test_typing_beside_a_long_review_keeps_the_window_answering(qtbot: QtBot, long_window: MainWindow) -> None:
    driver = Driver(qtbot, long_window)
    driver.open(SUBJECT)
    # The analyser read only the start of it, and the reader says so in one quiet line.
    reader = long_window.reader
    assert reader.cut_note.isVisible()
    assert f"{MAX_ANALYSED_CHARS:,}" in reader.cut_note.text()

    compose = long_window.compose
    driver.reply(wait_review=False)
    qtbot.waitUntil(lambda: compose.composer.findings_title.text() != "", timeout=60000)

    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(1))
    running: list[bool] = []
    during: list[int] = []
    real_review = core_review.review

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        running.append(True)
        start = len(ticks)
        try:
            return real_review(*args, **kwargs)
        finally:
            during.append(len(ticks) - start)
            running.pop()

    core_review.review = watched  # the composer's review operation imports it when it runs
    timer.start()
    try:
        with qtbot.waitSignal(compose.review_shown, timeout=120000):
            ime_commit(compose.composer.editor, "在庫を確認いたします。\n")
        qtbot.waitUntil(lambda: not running, timeout=60000)
    finally:
        core_review.review = real_review
        timer.stop()
    # The review against a 200,000-character quote and mail ran, and the event loop ticked on meanwhile.
    assert during, "the typed text was reviewed"
    assert max(during) >= 2
    assert "在庫を確認いたします" in compose.composer.text()
    # The reply is short, so never "a long draft"; its review against 200,000 characters may be slow
    # enough to wait for a longer pause, and then the composer says why.
    note = compose.composer.review_note
    assert "下書きが長い" not in note.text()
    assert note.isHidden() or ("長いメールへの返信" in note.text() and compose.review_timer.interval() > 1000)


def test_a_newer_keystroke_drops_the_queued_review(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.open(_first_subject(window))
    compose = window.compose
    driver.reply()
    runs: list[bool] = []  # True: ran to its end; False: stopped as stale
    real_review = core_review.review
    # Every review that starts waits at this gate until all six texts are typed, so the lane's two threads
    # are busy and the later texts queue behind them whatever the machine's speed (on a fast machine a short
    # draft's review could otherwise end before the next keystroke, and then nothing is ever superseded).
    typed_all = threading.Event()

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        typed_all.wait(20)
        try:
            result = real_review(*args, **kwargs)
        except core_review.ReviewStopped:
            runs.append(False)
            raise
        runs.append(True)
        return result

    core_review.review = counted
    try:
        shown: list[int] = []
        compose.review_shown.connect(lambda: shown.append(1))
        editor = compose.composer.editor
        # Six texts, each reviewed at once (no pause between them): the analysis lane has two threads,
        # so most of these wait in its queue when the next one comes.
        for number in range(6):
            ime_commit(editor, f"確認いたします（{number}）。\n")
            compose.review_now()
        typed_all.set()
        qtbot.waitUntil(lambda: bool(shown), timeout=20000)
        window.runner.wait_all(20000)
        qtbot.wait(50)
    finally:
        typed_all.set()
        core_review.review = real_review
    # Only the newest text's review runs to its end and is shown; the superseded ones queued behind the
    # running ones never started, and a running one told it was stale stopped.
    # At most the two held at the gate, the newest, and one more from the typing pause's own timer.
    assert runs.count(True) >= 1 and len(runs) <= 4
    assert "確認いたします（5）" in compose.composer.text()


def _first_subject(window: MainWindow) -> str:
    from ui.models import Role

    return window.proxy.index(0, 0).data(Role.HEADER).subject


def test_a_very_long_draft_is_reviewed_on_pause_and_says_so(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.open(_first_subject(window))
    compose = window.compose
    driver.reply()
    from bench.long_drafts import long_draft

    with qtbot.waitSignal(compose.review_shown, timeout=60000):
        ime_commit(compose.composer.editor, long_draft(LIVE_REVIEW_MAX_CHARS + 2_000))
    note = compose.composer.review_note
    assert not note.isHidden() and "入力の手を止めたとき" in note.text()
    assert compose.review_timer.interval() > 1000


def test_hundreds_of_findings_get_a_bounded_list(qtbot: QtBot) -> None:
    # A reply to a very long mail can have hundreds of findings: the list builds ROWS_SHOWN rows (widgets
    # made on the GUI thread after every pause) and counts the rest on one quiet line.
    from tests.ui.test_composer_qa import DRAFT, _chatty_findings, _composer
    from ui.composer import ROWS_SHOWN

    composer = _composer(qtbot, 500)
    findings = _chatty_findings(300)
    assert composer.set_findings(DRAFT, findings)
    view = composer.findings_view
    rows = [view.itemWidget(view.item(r)) for r in range(view.count())]
    assert sum(1 for row in rows if row is not None) == ROWS_SHOWN + 1  # the rows and the folded entry
    assert view.item(view.count() - 1).text() == f"ほか {len(findings) - ROWS_SHOWN} 件の指摘は一覧に載せていません"
    assert "触れていないお話が 300 件あります" in view.line(next(r for r in range(view.count())
                                                          if view.item(r) is view.folded_item))
    view.toggle_folded()  # opening the folded entry shows the rows it has, and nothing else moves
    assert composer.folded_open and not view.item(view.count() - 1).isHidden()
