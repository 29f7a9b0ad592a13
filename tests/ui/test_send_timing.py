"""Issue 19 through the window, on the demo Maildir (the local path goes through the outbox too):
undo in the grace period brings the draft back intact and sends nothing; the grace period ends in
exactly one copy in Sent; outside service hours the next opening is the default, 「今すぐ送信」 one
click away, and the 予約 shows in the outbox; a customer writing again holds it, and opening it
reviews the draft against the new mail; a 予約 due while the app was closed goes at the next start,
with a note. Time is a FakeClock the test moves; the service's timer is not waited for (`tick`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.context import Changes
from app.mail.parse import parse_message
from app.model import FindingKind
from app.outbox import Outbox, OutboxItem, OutboxState
from app.review import review_draft
from app.service_hours import JST
from app.settings import UNDO_SECONDS, load_settings
from tests.ui.driver import Driver, on
from ui.main_window import MainWindow

TUESDAY_10 = datetime(2026, 12, 8, 10, 0, tzinfo=JST)
SUNDAY_NIGHT = datetime(2026, 12, 6, 22, 40, tzinfo=JST)
MONDAY_9 = datetime(2026, 12, 7, 9, 0, tzinfo=JST)


def _make(qtbot: QtBot, demo: Path, tmp_path: Path, clock: FakeClock, undo: int) -> MainWindow:
    settings = load_settings(tmp_path / "settings.json")
    settings.set(UNDO_SECONDS, undo)
    win = MainWindow(demo, settings, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                     db_path=tmp_path / "store.sqlite3", clock=clock)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    return win


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TUESDAY_10)


@pytest.fixture
def win(qtbot: QtBot, demo_copy: Path, tmp_path: Path, clock: FakeClock) -> Iterator[MainWindow]:
    window = _make(qtbot, demo_copy, tmp_path, clock, undo=10)
    yield window
    window.memory.stop_build()
    window.runner.wait_all(5000)


def _sent_files(mailbox: Path) -> list[Path]:
    return [p for sub in ("cur", "new") for p in (mailbox / ".Sent" / sub).glob("*") if not p.name.startswith(".")]


def _open_and_reply(qtbot: QtBot, win: MainWindow, subject: str) -> None:
    drive = Driver(qtbot, win)
    current = win.mailbox.current
    if current is None or current.message.subject != subject:
        drive.open(subject, wait=Changes.MESSAGE)
    drive.reply(wait_review=False)


def _click_send(qtbot: QtBot, win: MainWindow, button: str = "send_button") -> OutboxItem:
    """Click a send button, accept the review if it objects; the outbox item it went in as."""
    return Driver(qtbot, win).submit(button)


def _tick(qtbot: QtBot, win: MainWindow) -> None:
    """What the service's timer does when it fires; then every lane is done."""
    win.send_service.tick()
    win.runner.wait_all(10000)
    qtbot.wait(50)
    win.runner.wait_all(10000)


def test_undo_within_the_grace_period_sends_nothing_and_brings_the_draft_back(
    qtbot: QtBot, win: MainWindow, demo_copy: Path, dress_subject: str, clock: FakeClock
) -> None:
    before = set(_sent_files(demo_copy))
    _open_and_reply(qtbot, win, dress_subject)
    composer = win.compose.composer
    composer.cc_edit.setText("tencho@lumiere.example.jp")
    cursor = composer.editor.textCursor()
    cursor.insertText("ご注文の件、承知いたしました。明日発送いたします。")
    written = composer.current_draft()
    assert written is not None and composer.send_button.text() == "送信"

    item = _click_send(qtbot, win)
    assert item.undoable and not win.compose.composing  # the composer stepped aside, as Gmail does
    toast = win.outbox.toast
    assert toast.isVisible() and toast.button.text() == "送信を取り消す"
    assert "あと 10 秒" in toast.label.text()
    clock.advance(timedelta(seconds=6))
    _tick(qtbot, win)
    assert set(_sent_files(demo_copy)) == before  # still in its grace period
    with qtbot.waitSignal(win.compose.undone, timeout=10000):
        toast.button.click()
    assert not toast.isVisible()
    assert win.compose.composing and composer.isVisible()
    again = composer.current_draft()
    assert again is not None
    assert (again.to, again.cc, again.subject, again.body, again.sender) == (
        written.to, written.cc, written.subject, written.body, written.sender)

    clock.advance(timedelta(minutes=5))
    _tick(qtbot, win)
    assert set(_sent_files(demo_copy)) == before
    states = [i.state for i in Outbox(win.db).items()]
    assert states == [OutboxState.RETIRED]


def test_the_demo_reply_leaves_once_after_the_grace_period(
    qtbot: QtBot, win: MainWindow, demo_copy: Path, dress_subject: str, clock: FakeClock
) -> None:
    before = set(_sent_files(demo_copy))
    _open_and_reply(qtbot, win, dress_subject)
    item = _click_send(qtbot, win)
    assert item.account_id == f"local:{demo_copy.resolve()}"
    clock.advance(timedelta(seconds=9))
    _tick(qtbot, win)
    assert set(_sent_files(demo_copy)) == before
    clock.advance(timedelta(seconds=1))
    with qtbot.waitSignal(win.compose.sent, timeout=10000):
        win.send_service.tick()
    clock.advance(timedelta(minutes=1))
    _tick(qtbot, win)
    (path,) = set(_sent_files(demo_copy)) - before
    assert parse_message(path.read_bytes()).message_id == item.message_id
    assert not win.outbox.toast.isVisible()
    assert Outbox(win.db).item(item.id).state is OutboxState.SENT


def test_outside_service_hours_the_next_opening_is_the_default(
    qtbot: QtBot, win: MainWindow, demo_copy: Path, dress_subject: str, clock: FakeClock
) -> None:
    clock.set(SUNDAY_NIGHT)
    before = set(_sent_files(demo_copy))
    _open_and_reply(qtbot, win, dress_subject)
    composer = win.compose.composer
    assert composer.send_button.text() == "次の営業時間（12月7日(月) 9:00）に送信"
    assert composer.send_now_button.isVisible() and composer.send_now_button.text() == "今すぐ送信"
    item = _click_send(qtbot, win)
    assert item.scheduled and item.due_at == MONDAY_9
    assert "12月7日(月) 9:00 に送信するよう予約しました" in win.statusBar().currentMessage()

    dialog = win.outbox.open_dialog()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    assert dialog.model.index(0, 0).data() == "予約 12月7日(月) 9:00"
    dialog.view.selectRow(0)
    assert dialog.time_button.isEnabled() and dialog.cancel_button.isEnabled() and dialog.now_button.isEnabled()
    assert win.status.outbox_button.isVisible() and "予約 1" in win.status.outbox_button.text()

    # Moved by the agent to 9:30; nothing goes at 9:00, once at 9:30.
    with qtbot.waitSignal(win.send_service.changed, timeout=5000):
        dialog.reschedule_requested.emit(item.id, MONDAY_9 + timedelta(minutes=30))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1
                    and dialog.model.index(0, 0).data() == "予約 12月7日(月) 9:30", timeout=5000)
    clock.set(MONDAY_9)
    _tick(qtbot, win)
    assert set(_sent_files(demo_copy)) == before
    clock.set(MONDAY_9 + timedelta(minutes=30))
    with qtbot.waitSignal(win.compose.sent, timeout=10000):
        win.send_service.tick()
    _tick(qtbot, win)
    assert len(set(_sent_files(demo_copy)) - before) == 1
    assert not win.outbox.notes  # on time: no "late" note


def test_send_now_outside_hours_and_a_cancelled_reservation(
    qtbot: QtBot, win: MainWindow, demo_copy: Path, dress_subject: str, clock: FakeClock
) -> None:
    clock.set(SUNDAY_NIGHT)
    before = set(_sent_files(demo_copy))
    _open_and_reply(qtbot, win, dress_subject)
    item = _click_send(qtbot, win, "send_now_button")
    assert item.undoable  # 今すぐ: only the grace period
    clock.advance(timedelta(seconds=10))
    with qtbot.waitSignal(win.compose.sent, timeout=10000):
        win.send_service.tick()
    assert len(set(_sent_files(demo_copy)) - before) == 1

    # A second reply, reserved, then cancelled in the outbox: nothing more goes out.
    _open_and_reply(qtbot, win, dress_subject)
    reserved = _click_send(qtbot, win)
    assert reserved.scheduled
    dialog = win.outbox.open_dialog()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(win.send_service.changed, timeout=5000):
        dialog.cancel_requested.emit(reserved.id)
    clock.set(MONDAY_9 + timedelta(hours=1))
    _tick(qtbot, win)
    assert len(set(_sent_files(demo_copy)) - before) == 1
    assert Outbox(win.db).item(reserved.id).state is OutboxState.RETIRED


def _customer_writes_again(demo: Path, subject: str, at: datetime) -> str:
    original = next(p for p in (demo / "cur").glob("*") if parse_message(p.read_bytes()).subject == subject)
    sender = parse_message(original.read_bytes()).sender
    raw = (f"From: {sender.email}\r\nTo: shop@lumiere.example.jp\r\nSubject: =?utf-8?b?"
           + __import__("base64").b64encode("サイズについて追加の質問です".encode()).decode()
           + f"?=\r\nDate: {format_datetime(at)}\r\nMessage-ID: <again@example.com>\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           ).encode() + "やはりMサイズではなくLサイズにできますか？\r\n".encode()
    (demo / "new" / "1765000000.again.host").write_bytes(raw)
    return sender.email


def test_a_customer_writing_again_holds_the_reservation_and_reopening_reviews_the_new_mail(
    qtbot: QtBot, win: MainWindow, demo_copy: Path, dress_subject: str, clock: FakeClock
) -> None:
    clock.set(SUNDAY_NIGHT)
    before = set(_sent_files(demo_copy))
    _open_and_reply(qtbot, win, dress_subject)
    win.compose.composer.editor.textCursor().insertText("ご注文ありがとうございます。")
    item = _click_send(qtbot, win)
    assert item.scheduled
    clock.set(MONDAY_9 - timedelta(minutes=40))
    _customer_writes_again(demo_copy, dress_subject, MONDAY_9 - timedelta(minutes=48))
    with qtbot.waitSignal(win.outbox.notice, timeout=10000) as notice:
        win.send_service.check_waiting()
    assert "新しいメール" in notice.args[0] and "サイズについて追加の質問です" in notice.args[0]
    assert "保留しました" in notice.args[0]
    clock.set(MONDAY_9 + timedelta(hours=1))
    _tick(qtbot, win)
    assert set(_sent_files(demo_copy)) == before  # held: nothing sent
    dialog = win.outbox.open_dialog()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.model.index(0, 0).data() == "保留", timeout=5000)
    dialog.view.selectRow(0)
    assert dialog.reopen_button.isEnabled()
    held = dialog.selected()
    assert held is not None
    with qtbot.waitSignal(win.compose.opened, timeout=20000):
        dialog.reopen_button.click()
    current = win.mailbox.current
    assert current is not None and current.message.subject == "サイズについて追加の質問です"
    assert "ご注文ありがとうございます。" in win.compose.composer.text()
    # The review now reads the new mail: its question (L size?) is not answered by the draft.
    composer = win.compose.composer
    new_mail = current.message.body
    qtbot.waitUntil(lambda: win.compose.insight is not None and bool(win.compose.insight.highlights), timeout=20000)
    insight = win.compose.insight
    assert insight is not None
    expected = review_draft(composer.text(), new_mail, insight, win.memory.customer_history())
    assert any(f.kind is FindingKind.UNANSWERED_REQUEST and f.ref is not None
               and "Lサイズ" in new_mail[f.ref.start:f.ref.end] for f in expected), expected
    qtbot.waitUntil(lambda: composer.findings == expected, timeout=20000)
    assert "新しいメール" in win.compose.composer.status.text()
    assert Outbox(win.db).item(held.id).state is OutboxState.RETIRED


def test_a_reservation_due_while_closed_goes_once_at_the_next_start_with_a_note(
    qtbot: QtBot, demo_copy: Path, tmp_path: Path, dress_subject: str
) -> None:
    clock = FakeClock(SUNDAY_NIGHT)
    before = set(_sent_files(demo_copy))
    first = _make(qtbot, demo_copy, tmp_path, clock, undo=10)
    _open_and_reply(qtbot, first, dress_subject)
    item = _click_send(qtbot, first)
    assert item.scheduled
    first.memory.stop_build()
    first.close()  # closed over Monday 9:00
    first.runner.wait_all(5000)
    clock.set(MONDAY_9 + timedelta(minutes=95))
    for _start in (1, 2):
        again = _make(qtbot, demo_copy, tmp_path, clock, undo=10)
        qtbot.waitUntil(lambda w=again: Outbox(w.db).item(item.id).state is OutboxState.SENT, timeout=20000)
        again.runner.wait_all(5000)
        qtbot.wait(50)
        if _start == 1:
            assert any("1時間35分遅れて送信しました" in n for n in again.outbox.notes), again.outbox.notes
            assert again.outbox.late_box is not None
        else:
            assert not again.outbox.notes  # already sent: no second send, no second note
        again.memory.stop_build()
        again.close()
        again.runner.wait_all(5000)
    assert len(set(_sent_files(demo_copy)) - before) == 1


def test_a_grace_period_over_before_the_store_recorded_it_shows_no_undo(
    qtbot: QtBot, win: MainWindow, demo_copy: Path, dress_subject: str, clock: FakeClock
) -> None:
    """The store was busy (the db lane is serial) while the grace period ran out: the toast came up
    already over and stayed for good, 「返信を送信します（あと 10 秒）」 left from an earlier reply over a
    「送信を取り消す」 that did nothing, while the reply went (or failed) (walkthrough, SMTP down)."""
    import threading

    from app.mail.outgoing import build_message
    from app.model import Address
    from ui.tasks import DB

    before = set(_sent_files(demo_copy))
    toast = win.outbox.toast
    gate = threading.Event()
    win.runner.submit(DB, lambda: gate.wait(20))  # the store busy, as during a long write
    reply = build_message(sender=Address("ドレスショップ ルミエール", "shop@lumiere.example.jp"),
                          to=[Address("客", "c@example.jp")], subject="Re: ご注文", body="承知いたしました。\n")
    items: list[OutboxItem] = []
    win.send_service.send_reply(f"local:{demo_copy.resolve()}", reply, None,
                                lambda item: (items.append(item), win.outbox.on_submitted(item)), lambda _f: None)
    clock.advance(timedelta(seconds=11))  # the grace period (10 s) ends while the store is busy
    with qtbot.waitSignal(win.send_service.item_done, timeout=20000):
        gate.set()
    assert items and items[0].due_at is not None and items[0].due_at < clock.now()
    qtbot.wait(600)  # the toast's timer ticks
    assert not toast.isVisible()
    (path,) = set(_sent_files(demo_copy)) - before
    assert parse_message(path.read_bytes()).message_id == items[0].message_id
