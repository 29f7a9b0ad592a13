"""Team mode in the window, two clients on the real PostgreSQL test server: B (this window) sees A on a
mail in the reader and the list within a beat; A sends first, and B's send stops with A's reply shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import create_engine, text

from app.context import Changes
from app.mail.parse import parse_message
from app.settings import MEMORY_DATABASE_URL, TEAM_STAFF_NAME, load_settings
from app.team.room import TeammateReplied, TeamRoom, open_room
from tests.ui.driver import Driver, on
from ui.main_window import MainWindow
from ui.models import Role
from ui.team_controller import TeamController
from ui.team_presence import ListPresence

DRESS = "<20251112.dress01@example.com>"


@pytest.fixture
def team_url(postgres_url: str, request: pytest.FixtureRequest) -> str:
    name = f"team_ui{abs(hash(request.node.nodeid)) % 10**8}"  # a database of its own: a closed window's
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")  # pool may still hold the last one
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return postgres_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def team_window(qtbot, demo_copy: Path, tmp_path: Path, team_url: str,  # type: ignore[no-untyped-def]
                monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(TeamController, "beat_seconds", 0.3)
    settings = load_settings(tmp_path / "settings.json")
    settings.set(MEMORY_DATABASE_URL, team_url)
    settings.set(TEAM_STAFF_NAME, "鈴木")
    win = MainWindow(demo_copy, settings, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                     db_path=tmp_path / "store.sqlite3")
    qtbot.addWidget(win)
    with Driver(qtbot, win).waiting_all(Changes.HEADERS, Changes.MEMORY_BUILT, timeout=60000):
        win.show()
    qtbot.waitUntil(lambda: win.team.active, timeout=10000)
    yield win
    win.close()
    win.runner.wait_all(5000)


@pytest.fixture
def teammate(team_url: str) -> Iterator[TeamRoom]:
    room = open_room(team_url, "佐藤")
    yield room
    room.close()


def _row(win: MainWindow, subject: str) -> int:
    proxy = win.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(Role.HEADER).subject == subject)


def _sent(mailbox: Path) -> list[Path]:
    return [p for sub in ("cur", "new") for p in (mailbox / ".Sent" / sub).glob("*") if not p.name.startswith(".")]


def test_b_sees_a_on_a_mail_in_the_list_and_the_reader(qtbot, team_window: MainWindow,  # type: ignore[no-untyped-def]
                                                       teammate: TeamRoom, dress_subject: str) -> None:
    win = team_window
    teammate.beat(viewing=DRESS, writing=DRESS)
    row = _row(win, dress_subject)
    qtbot.waitUntil(lambda: isinstance(win.proxy.index(row, 1).data(Role.PRESENCE), ListPresence), timeout=5000)
    shown = win.proxy.index(row, 1).data(Role.PRESENCE)
    assert shown.writing and shown.text == "佐藤さんが返信を書いています"
    assert "佐藤さんが返信を書いています" in win.proxy.index(row, 1).data(0x03)  # the subject's tooltip
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.MESSAGE), timeout=10000):
        win.message_view.selectRow(row)
    qtbot.waitUntil(lambda: win.team.banner.isVisible(), timeout=5000)
    assert win.team.banner.label.text() == "佐藤さんが返信を書いています"
    # And A sees B (this window) reading it.
    qtbot.waitUntil(lambda: [(p.staff, p.activity.value) for p in teammate.present()] == [("鈴木", "viewing")],
                    timeout=5000)
    teammate.leave()  # A closes: gone from the reader and the list at the next beat
    qtbot.waitUntil(lambda: not win.team.banner.isVisible(), timeout=5000)
    assert win.proxy.index(row, 1).data(Role.PRESENCE) is None


def _send_through_review(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Click 送信; if the review objects, send anyway: the team guard comes after the review."""
    win.compose.composer.send_button.click()
    qtbot.waitUntil(lambda: win.compose.review_dialog is not None or win.team.dialog is not None
                    or not win.compose.composing, timeout=20000)
    if win.compose.review_dialog is not None:
        win.compose.review_dialog.send_button.click()


def test_a_sends_first_and_b_is_stopped_with_a_reply_shown(qtbot, team_window: MainWindow,  # type: ignore[no-untyped-def]
                                                          teammate: TeamRoom, demo_copy: Path,
                                                          dress_subject: str) -> None:
    win = team_window
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.INSIGHT), timeout=20000):
        win.message_view.selectRow(_row(win, dress_subject))
    with qtbot.waitSignal(win.compose.opened, timeout=10000):
        win.compose.reply_action.trigger()
    composer = win.compose.composer
    composer.editor.insertPlainText("9号の在庫がございます。")
    written = composer.text()
    sent_before = set(_sent(demo_copy))
    # Meanwhile A answered the same mail.
    teammate.record_reply(DRESS, "<reply-a@lumiere.example.jp>", "Re: ドレスの在庫",
                          "小野寺様\n\n在庫がございますので、本日発送いたします。\n佐藤")

    _send_through_review(qtbot, win)
    qtbot.waitUntil(lambda: win.team.dialog is not None, timeout=10000)
    dialog = win.team.dialog
    assert "佐藤さんが" in dialog.intro.text()
    assert "本日発送いたします" in dialog.their_reply.toPlainText()
    assert dialog.back_button.isDefault()
    with qtbot.waitSignal(win.team.guard_done, timeout=5000) as decided:
        dialog.back_button.click()
    assert decided.args == [False]
    assert set(_sent(demo_copy)) == sent_before  # nothing went
    assert win.compose.composing and composer.text() == written  # the draft as it was
    assert composer.send_button.isEnabled()

    # Asked again, the agent decides to send all the same: one mail goes, and A's guard now sees it.
    _send_through_review(qtbot, win)
    qtbot.waitUntil(lambda: win.team.dialog is not None, timeout=10000)
    with qtbot.waitSignal(win.compose.sent, timeout=20000):
        win.team.dialog.send_button.click()
    new = set(_sent(demo_copy)) - sent_before
    assert len(new) == 1 and "9号の在庫がございます。" in parse_message(next(iter(new)).read_bytes()).body
    qtbot.waitUntil(lambda: len(teammate.replies_to(DRESS)) == 2, timeout=5000)
    ours = next(r for r in teammate.replies_to(DRESS) if r.client_id != teammate.client_id)
    assert ours.staff == "鈴木" and "9号の在庫がございます。" in ours.body


def test_a_reply_sent_before_b_began_does_not_stop_b(qtbot, team_window: MainWindow,  # type: ignore[no-untyped-def]
                                                     teammate: TeamRoom, demo_copy: Path,
                                                          dress_subject: str) -> None:
    win = team_window
    teammate.record_reply(DRESS, "<old-a@lumiere.example.jp>", "Re: ドレス", "以前の返信")
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.INSIGHT), timeout=20000):
        win.message_view.selectRow(_row(win, dress_subject))
    with qtbot.waitSignal(win.compose.opened, timeout=10000):
        win.compose.reply_action.trigger()
    win.compose.composer.editor.insertPlainText("追加のご案内です。")
    with qtbot.waitSignal(win.compose.sent, timeout=30000):
        _send_through_review(qtbot, win)
    assert win.team.dialog is None


def test_a_teammates_snippet_is_offered_here(qtbot, team_window: MainWindow, teammate: TeamRoom) -> None:  # type: ignore[no-untyped-def]
    from app.model import HighlightKind
    from app.sharing.saved import save_team
    from app.snippets import Snippet

    saved = save_team(teammate.engine, Snippet("", "close_celebration", "{topic}、本当におめでとうございます。",
                                               (HighlightKind.DISCLOSURE,), "佐藤", "Re: ドレス"))
    win = team_window
    win.team.load_snippets()  # done when team mode starts; again here for the snippet made since
    qtbot.waitUntil(lambda: any(s.id == saved.id for s in win.compose.pack.snippets), timeout=5000)
    shared = next(s for s in win.compose.pack.snippets if s.id == saved.id)
    assert (shared.made_by, shared.kinds) == ("佐藤", (HighlightKind.DISCLOSURE,))


def test_closing_the_window_leaves_at_once(qtbot, team_window: MainWindow, teammate: TeamRoom,  # type: ignore[no-untyped-def]
                                           dress_subject: str) -> None:
    win = team_window
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.MESSAGE), timeout=10000):
        win.message_view.selectRow(_row(win, dress_subject))
    qtbot.waitUntil(lambda: [p.staff for p in teammate.present()] == ["鈴木"], timeout=5000)
    outbox = win.send_service.outbox
    # While the room is open, its guard checks waiting replies (予約, undo window) at send time.
    assert [g for g in outbox.guards if isinstance(g, TeammateReplied)] == [win.team.send_guard]
    win.close()
    assert teammate.present() == []  # gone now, not after the 30-second expiry
    assert not any(isinstance(g, TeammateReplied) for g in outbox.guards)  # and its guard with it
