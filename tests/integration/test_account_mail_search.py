"""Gmail and Microsoft 365 mail is searched like local mail (the real client libraries against the
local servers of `tests/fake_gmail.py` and `tests/fake_graph.py`).

`build_account` takes an account's synced mail from the store into the customer memory and the
search index; what is not synced whole yet is counted (`MailIndex.unsearchable`), never silently
missing, and a mail deleted on the server leaves the results with the next build.
"""

from __future__ import annotations

from pathlib import Path

from app.accounts import add_account
from app.customers import build_account, open_memory
from app.customers.build import BUILT_ROLES
from app.session import AccountSession
from app.sources.rest import Backoff
from app.store.db import Database
from app.store.mail import MailStore
from app.store.search import MailIndex
from tests.providers import Harness

ROLES = [role.value for role in BUILT_ROLES]


def _raw(number: int, subject: str, body: str) -> bytes:
    from email.header import Header as EmailHeader

    return (
        f"From: {EmailHeader('松本 由紀', 'utf-8').encode()} <yuki@example.jp>\r\n"
        "To: shop@example.jp\r\n"
        f"Subject: {EmailHeader(subject, 'utf-8').encode()}\r\n"
        f"Date: Mon, {number} Nov 2026 10:00:00 +0900\r\n"
        f"Message-ID: <flowers-{number}@example.jp>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    ).encode("ascii") + body.replace("\n", "\r\n").encode("utf-8")


def test_synced_mail_is_searchable_what_is_not_is_counted_and_deleted_mail_leaves(
    provider: Harness, db: Database, tmp_path: Path
) -> None:
    provider.add(_raw(2, "ミモザのリース", "ミモザのリースの直径は何センチですか。\n"))
    gone = provider.add(_raw(3, "スワッグの色", "ユーカリのスワッグは写真と同じ色ですか。\n"))
    email, secret = provider.sign_in()
    config = provider.config(email)
    add_account(MailStore(db), config, secret)
    session = AccountSession(db, config, providers=provider.providers(),
                             backoff=Backoff(attempts=4, base=0.5, max_total=10.0, sleep=lambda _s: None))
    index, memory = MailIndex(db), open_memory("", db.path)
    try:
        session.sync()
        assert index.unsearchable([config.id], ROLES) == 2  # synced, not built yet: said, not hidden
        result = build_account(memory, session.store, config.id, index=index, workers=1)
        assert (result.done, result.total, result.stopped) == (2, 2, False)
        assert [hit.subject for hit in index.search("ミモザ", sources=[config.id])] == ["ミモザのリース"]
        assert index.count_matches("ユーカリ", sources=[config.id]) == 1
        assert index.unsearchable([config.id], ROLES) == 0
        assert memory.customer_id_for("yuki@example.jp") is not None  # counted in the records too

        # New mail whose body has not come yet (headers only): not searchable, and counted.
        provider.add(_raw(4, "ラナンキュラスの花束", "ラナンキュラスの花束を母の日に届けてください。\n"))
        session.sync(bodies=False)
        again = build_account(memory, session.store, config.id, index=index, workers=1)
        assert (again.done, again.total) == (0, 0)  # only mail synced whole is taken in
        assert index.count_matches("ラナンキュラス", sources=[config.id]) == 0
        assert index.unsearchable([config.id], ROLES) == 1
        # Its body arrives: the next build takes in that one mail alone.
        provider.delete(gone)
        session.sync()
        last = build_account(memory, session.store, config.id, index=index, workers=1)
        assert (last.done, last.total) == (1, 1)
        assert index.count_matches("ラナンキュラス", sources=[config.id]) == 1
        # Deleted on the server: out of the results, so none points at a mail that is gone.
        assert index.count_matches("ユーカリ", sources=[config.id]) == 0
        assert index.unsearchable([config.id], ROLES) == 0
        # Another mailbox's search does not see the account's mail, and the other way round.
        assert index.count_matches("ミモザ", sources=["local:/elsewhere"]) == 0
    finally:
        memory.close()
        session.close()


def test_in_team_mode_each_computer_indexes_the_account_itself(
    provider: Harness, db: Database, tmp_path: Path, postgres_url: str
) -> None:
    """The checkpoints live in the team's memory, the index on each computer: a teammate having
    built the account's mail must not leave this computer's search without it (same account id)."""
    from app.store.db import open_database
    from tests.postgres import fresh_database

    provider.add(_raw(2, "ミモザのリース", "ミモザのリースの直径は何センチですか。\n"))
    email, secret = provider.sign_in()
    config = provider.config(email)
    team = open_memory(fresh_database(postgres_url, f"acct{abs(hash(str(tmp_path))) % 10**8}"))
    other_db = open_database(tmp_path / "teammate.sqlite3")
    sessions = []
    try:
        for store_db in (other_db, db):  # the teammate's computer first, then this one
            add_account(MailStore(store_db), config, secret)
            session = AccountSession(store_db, config, providers=provider.providers(),
                                     backoff=Backoff(attempts=4, base=0.5, max_total=10.0, sleep=lambda _s: None))
            sessions.append(session)
            session.sync()
            build_account(team, session.store, config.id, index=MailIndex(store_db), workers=1)
        index = MailIndex(db)
        assert index.count_matches("ミモザ", sources=[config.id]) == 1
        assert index.unsearchable([config.id], ROLES) == 0
        counts = team.counts()  # her mail remembered once, not once per computer
        assert counts["customers"] == 1 and counts["requests"] == 1, counts
        again = build_account(team, sessions[-1].store, config.id, index=index, workers=1)
        assert (again.done, again.total) == (0, 0)  # indexed here now: nothing to do
    finally:
        for session in sessions:
            session.close()
        team.close()
