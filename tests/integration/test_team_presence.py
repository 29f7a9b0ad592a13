"""Team mode on the real PostgreSQL test server: two clients see each other on a mail, the second
reply to a mail is stopped with the first one shown, and a killed client's presence expires."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.team.room import Activity, open_room, teammate_replied_since

REPO = Path(__file__).resolve().parents[2]
MAIL = "<20251112.dress01@example.com>"


def _fresh(base: str, name: str) -> str:
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def team_url(postgres_url: str, request: pytest.FixtureRequest) -> str:
    return _fresh(postgres_url, f"team{abs(hash(request.node.nodeid)) % 10**8}")


def test_b_sees_a_viewing_then_writing_and_not_itself(team_url: str) -> None:
    a, b = open_room(team_url, "佐藤"), open_room(team_url, "鈴木")
    try:
        assert b.beat(viewing=MAIL) == []  # nobody else yet
        a.beat(viewing=MAIL)
        seen = b.beat(viewing=MAIL)
        assert [(p.staff, p.activity, p.message_id) for p in seen] == [("佐藤", Activity.VIEWING, MAIL)]
        a.beat(viewing=MAIL, writing=MAIL)
        started = b.beat(viewing=MAIL)[0]
        assert started.activity is Activity.WRITING
        time.sleep(0.05)
        a.beat(viewing=MAIL, writing=MAIL)
        assert b.beat(viewing=MAIL)[0].since == started.since  # writing since it began, not since the last beat
        assert [p.staff for p in a.beat(viewing=MAIL, writing=MAIL)] == ["鈴木"]  # B is viewing it too
        a.beat(viewing="<other@example.jp>")  # A moved on: its row on MAIL goes at once
        assert [(p.message_id, p.activity) for p in b.present()] == [("<other@example.jp>", Activity.VIEWING)]
        a.leave()
        assert b.present() == []
    finally:
        a.close()
        b.close()


def test_a_sends_first_and_b_is_stopped_with_a_reply(team_url: str) -> None:
    a, b = open_room(team_url, "佐藤"), open_room(team_url, "鈴木")
    try:
        b_started = datetime.now(UTC) - timedelta(seconds=1)
        assert teammate_replied_since(b, MAIL, b_started) is None
        a.record_reply(MAIL, "<reply-a@shop.example>", "Re: ドレス", "小野寺様\n\n9号の在庫がございます。\n")
        a.record_reply(MAIL, "<reply-a@shop.example>", "Re: ドレス", "twice")  # the same reply again: one row
        found = teammate_replied_since(b, MAIL, b_started)
        assert found is not None
        assert (found.staff, found.subject) == ("佐藤", "Re: ドレス")
        assert "9号の在庫がございます" in found.body
        # A's own send is not stopped by A's own reply, and an older reply (before B started) is not news.
        assert teammate_replied_since(a, MAIL, b_started) is None
        assert teammate_replied_since(b, MAIL, datetime.now(UTC) + timedelta(minutes=5)) is None
        assert teammate_replied_since(b, "<another@example.jp>", None) is None
        assert b.replied([MAIL, "<another@example.jp>"]) == {MAIL}
    finally:
        a.close()
        b.close()


_HOLDER = """
import sys, time
from datetime import timedelta
from app.team.room import open_room
room = open_room(sys.argv[1], "佐藤", timedelta(seconds=float(sys.argv[3])), client_id="holder")
room.beat(viewing=sys.argv[2], writing=sys.argv[2])
print("ready", flush=True)
while True:
    time.sleep(0.2)
    room.beat(viewing=sys.argv[2], writing=sys.argv[2])
"""


def test_a_killed_client_leaves_no_stale_presence(team_url: str) -> None:
    expiry = 1.5
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, team_url, MAIL, str(expiry)], cwd=REPO, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    b = open_room(team_url, "鈴木", timedelta(seconds=expiry))
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        time.sleep(expiry + 0.3)  # alive for longer than the expiry: its beats keep it present
        assert [(p.staff, p.activity) for p in b.beat(viewing=MAIL)] == [("佐藤", Activity.WRITING)]
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(10)
        killed = time.monotonic()
        while b.beat(viewing=MAIL):
            assert time.monotonic() - killed < expiry + 1.0, "a dead client's presence outlived the expiry"
            time.sleep(0.1)
        assert b.present() == []
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(10)
        b.close()


def test_a_snippet_shared_by_one_client_is_offered_by_the_other(team_url: str) -> None:
    from app.customers.sql import make_engine
    from app.model import HighlightKind
    from app.sharing.saved import save_team, team_pack
    from app.snippets import Snippet

    a, b = make_engine(team_url), make_engine(team_url)
    try:
        saved = save_team(a, Snippet("", "close_celebration", "{topic}、本当におめでとうございます。",
                                     (HighlightKind.DISCLOSURE,), "佐藤", "Re: ドレス（2025/11/13）"))
        assert saved.id.startswith("team_")
        shared = team_pack(b).snippets
        assert [(s.id, s.text, s.kinds, s.made_by, s.made_from) for s in shared] == [
            (saved.id, "{topic}、本当におめでとうございます。", (HighlightKind.DISCLOSURE,), "佐藤",
             "Re: ドレス（2025/11/13）")]
    finally:
        a.dispose()
        b.dispose()
