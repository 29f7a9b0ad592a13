"""A reply waiting in its grace period leaves from the mailbox it was written in, whatever the window
shows by then (known from session 10: a demo reply, then the window switched to another mailbox).

The reply is delivered into the demo's 送信済み, never into the other mailbox's; the list of the
mailbox now shown gets no answered mark and no new row from it, and switching back to the demo shows
the reply in the demo's 送信済み and its original answered.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.clock import FakeClock
from app.context import Changes
from app.mail.parse import parse_message
from app.outbox import Outbox, OutboxState
from app.service_hours import JST
from app.settings import UNDO_SECONDS, load_settings
from app.sources.base import FolderRole
from tests.ui.driver import Driver, on
from ui.main_window import MainWindow

TUESDAY_10 = datetime(2026, 12, 8, 10, 0, tzinfo=JST)
SHOP = timezone(timedelta(hours=9))


def _mail(number: int, subject: str, sender: str, to: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime(2026, 11, number, 10, 0, tzinfo=SHOP))
    message["Message-ID"] = f"<other-{number}@example.jp>"
    message.set_content(f"{subject}の件です。\n")
    return message


def _other_maildir(root: Path) -> Path:
    """Another shop's Maildir with an inbox and a 送信済み holding one reply of its own."""
    path = root / "もう一つのお店"
    box = mailbox.Maildir(path, create=True)
    box.add(mailbox.MaildirMessage(_mail(2, "石鹸の在庫", "山本 花子 <hanako@example.jp>", "shop@example.jp")))
    sent = box.add_folder("Sent")
    sent.add(mailbox.MaildirMessage(_mail(3, "Re: 石鹸の在庫", "shop@example.jp", "hanako@example.jp")))
    box.close()
    return path


def _sent_files(root: Path) -> set[Path]:
    return {p for sub in ("cur", "new") for p in (root / ".Sent" / sub).glob("*") if not p.name.startswith(".")}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TUESDAY_10)


@pytest.fixture
def win(qtbot: QtBot, demo_copy: Path, tmp_path: Path, clock: FakeClock) -> Iterator[MainWindow]:
    settings = load_settings(tmp_path / "settings.json")
    settings.set(UNDO_SECONDS, 10)
    window = MainWindow(demo_copy, settings, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        db_path=tmp_path / "store.sqlite3", clock=clock)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        window.show()
    yield window
    window.memory.stop_build()
    window.runner.wait_all(5000)


def _show_sent(driver: Driver, win: MainWindow) -> None:
    row = next(r for r in range(win.folder_model.rowCount()) if win.folder_model.folder(r).role is FolderRole.SENT)
    with driver.waiting(Changes.HEADERS):
        win.mailbox.folder_view.setCurrentIndex(win.folder_model.index(row, 0))


def test_a_waiting_demo_reply_leaves_into_the_demos_sent_after_the_window_switched(
    qtbot: QtBot, win: MainWindow, demo_copy: Path, dress_subject: str, clock: FakeClock, tmp_path: Path
) -> None:
    driver = Driver(qtbot, win)
    other = _other_maildir(tmp_path)
    demo_sent, other_sent = _sent_files(demo_copy), _sent_files(other)
    driver.open(dress_subject, wait=Changes.MESSAGE)
    original = win.mailbox.current
    assert original is not None
    driver.reply(wait_review=False)
    item = driver.submit()
    assert item.account_id == f"local:{demo_copy.resolve()}"

    # The grace period is still running when the shop switches to its own mailbox and looks at 送信済み.
    with driver.waiting(Changes.HEADERS):
        assert win.open_local_mailbox(other)
    _show_sent(driver, win)
    other_rows = {h.ref for h in driver.headers()}
    assert len(other_rows) == 1

    clock.advance(timedelta(seconds=11))
    with qtbot.waitSignal(win.send_service.item_done, timeout=10000):
        win.send_service.tick()
    win.runner.wait_all(10000)
    qtbot.wait(50)

    assert Outbox(win.db).item(item.id).state is OutboxState.SENT
    (delivered,) = _sent_files(demo_copy) - demo_sent
    assert parse_message(delivered.read_bytes()).message_id == item.message_id
    assert _sent_files(other) == other_sent  # nothing of the demo's in this shop's 送信済み
    # The list shown (the other shop's 送信済み) is as it was: no row of the demo's, nothing marked.
    assert {h.ref for h in driver.headers()} == other_rows
    assert not any(win.message_model.is_answered(ref) for ref in other_rows)
    assert not win.message_model.is_answered(original.ref)

    # Back in the demo, its 送信済み lists the reply and its original is answered.
    with driver.waiting(Changes.HEADERS):
        assert win.open_local_mailbox(demo_copy)
    _show_sent(driver, win)
    ids = {parse_message(win.mailbox.local_source.fetch(h.ref)).message_id  # type: ignore[union-attr]
           for h in driver.headers()}
    assert item.message_id in ids


def test_undo_after_the_window_switched_keeps_the_draft_for_its_own_mailbox(
    qtbot: QtBot, win: MainWindow, demo_copy: Path, dress_subject: str, clock: FakeClock, tmp_path: Path
) -> None:
    """「送信を取り消す」 after switching used to open the demo's reply beside the other shop's mail, and its
    送信 then delivered it from the shown mailbox: into the other shop's 送信済み."""
    driver = Driver(qtbot, win)
    other = _other_maildir(tmp_path)
    demo_sent, other_sent = _sent_files(demo_copy), _sent_files(other)
    driver.open(dress_subject, wait=Changes.MESSAGE)
    driver.reply(wait_review=False)
    win.compose.composer.editor.textCursor().insertText("ご注文の件、承知いたしました。明日発送いたします。")
    written = win.compose.composer.current_draft()
    assert written is not None
    item = driver.submit()
    with driver.waiting(Changes.HEADERS):
        assert win.open_local_mailbox(other)
    driver.open("石鹸の在庫", wait=Changes.MESSAGE)

    toast = win.outbox.toast
    assert toast.isVisible()
    with qtbot.waitSignal(win.compose.undone, timeout=10000):
        toast.button.click()
    # No composer over the other shop's mail; the shop is told where the draft is.
    assert not win.compose.composing
    assert "別のメールボックス" in win.status.bar.currentMessage()
    clock.advance(timedelta(minutes=5))
    win.send_service.tick()
    win.runner.wait_all(10000)
    assert Outbox(win.db).item(item.id).state is not OutboxState.SENT
    assert _sent_files(other) == other_sent and _sent_files(demo_copy) == demo_sent

    # Back in the demo, 返信 on the same mail brings the draft back, and it leaves from the demo.
    with driver.waiting(Changes.HEADERS):
        assert win.open_local_mailbox(demo_copy)
    driver.open(dress_subject, wait=Changes.MESSAGE)
    driver.reply(wait_review=False)
    again = win.compose.composer.current_draft()
    assert again is not None and again.body == written.body
    second = driver.submit()
    assert second.account_id == f"local:{demo_copy.resolve()}"
    clock.advance(timedelta(seconds=11))
    with qtbot.waitSignal(win.compose.sent, timeout=10000):
        win.send_service.tick()
    win.runner.wait_all(10000)
    assert len(_sent_files(demo_copy) - demo_sent) == 1
    assert _sent_files(other) == other_sent
