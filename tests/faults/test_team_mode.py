"""Point 6: team mode on a real PostgreSQL (and the same cases on SQLite): NUL bytes in mail,
three clients creating a new team database at once, a customer deleted while others write,
real deadlocks retried, and NUL or 100,000-character search queries."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.customers import build_memory, open_memory
from app.model import Address, Message
from app.sources import open_source
from app.store import open_database
from app.store.search import MailIndex
from tests.faults.ledger import record


def _fresh_database(base: str, name: str) -> str:
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'memory.sqlite3'}"
        return
    base: str = request.getfixturevalue("postgres_url")
    yield _fresh_database(base, f"f{abs(hash(request.node.nodeid)) % 10**10}")


def _mail(number: int, sender: str = "hanako@example.jp", subject: str = "納期について",
          body: str = "娘の結婚式に間に合うか心配です。納期を教えていただけますでしょうか。\n") -> Message:
    return Message(subject=subject, sender=Address("佐藤 花子", sender), date=datetime(2026, 12, 1, tzinfo=UTC),
                   body=body, to=(Address("", "shop@example.jp"),), message_id=f"<m{number}@example.jp>")


def test_nul_bytes_in_a_mail_are_dropped_before_they_reach_the_database(url: str, tmp_path: Path) -> None:
    memory = open_memory(url)
    try:
        assert memory.remember_incoming(_mail(1, subject="納期\x00について", body="心配\x00です。お願いできますか？\n"))
        customer = memory.customer_id_for("hanako@example.jp")
        assert customer is not None
        # The build takes such a mail from a mailbox too, and goes on.
        maildir = tmp_path / "mail"
        for sub in ("cur", "new", "tmp"):
            (maildir / sub).mkdir(parents=True)
        (maildir / "cur" / "1.nul:2,S").write_bytes(
            b"From: suzuki@example.jp\r\nTo: shop@example.jp\r\nSubject: =?UTF-8?B?57SN5pyfAA==?=\r\n"
            b"Message-ID: <nul@example.jp>\r\nDate: Sat, 05 Dec 2026 10:00:00 +0900\r\n"
            b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + "妻に\x00卵アレルギーがあります。\r\n".encode())
        result = build_memory(memory, open_source(maildir), "nul")
        assert result.done == result.total == 1 and not result.stopped
        assert memory.customer_id_for("suzuki@example.jp") is not None
        record("team:nul-bytes")
    finally:
        memory.close()


def test_nul_and_overlong_queries_are_answered_on_both_backends(url: str) -> None:
    memory = open_memory(url)
    try:
        memory.remember_incoming(_mail(1))
        assert memory.search("\x00") == []  # not "everything"
        assert memory.search("納期\x00") != []  # the NUL is dropped, the word is looked for
        assert memory.search("配" * 100_000) == []
        long_text = "納期" + "。" * 2000
        assert memory.search(long_text) == []
        record("team:queries")
    finally:
        memory.close()


def test_mail_search_takes_nul_and_overlong_queries(tmp_path: Path) -> None:
    index = MailIndex(open_database(tmp_path / "search.sqlite3"))
    index.add("s", "INBOX", "1", _mail(1))
    assert index.search("\x00") == []
    assert len(index.search("心配\x00")) == 1
    assert index.search("配" * 100_000) == []
    assert len(index.search("心配 " * 30_000)) == 1  # one word said 30,000 times
    words = " ".join(f"語{n}" for n in range(40))
    assert index.search("心配 " + words) == []  # 41 different words: the last ones still count


def _open_at_once(url: str, clients: int = 3) -> list[BaseException]:
    barrier = threading.Barrier(clients)
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            barrier.wait(10)
            open_memory(url).close()
        except BaseException as error:  # every failure is the finding
            errors.append(error)

    threads = [threading.Thread(target=open_one) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return errors


def test_three_clients_open_a_new_team_database_at_once(postgres_url: str) -> None:
    for _round in range(3):
        assert _open_at_once(_fresh_database(postgres_url, "f_three_clients")) == []
    record("team:three-clients")


def test_a_customer_deleted_while_others_write_never_reaches_the_callers(postgres_url: str) -> None:
    url = _fresh_database(postgres_url, "f_delete_race")
    open_memory(url).close()
    errors: list[BaseException] = []
    stop = threading.Event()

    def writer(offset: int) -> None:
        memory = open_memory(url)
        try:
            for number in range(offset, offset + 40):
                memory.remember_incoming(_mail(number))
        except BaseException as error:
            errors.append(error)
        finally:
            memory.close()

    def deleter() -> None:
        memory = open_memory(url)
        try:
            while not stop.is_set():
                customer = memory.customer_id_for("hanako@example.jp")
                if customer is not None:
                    memory.delete_customer(customer)
        except BaseException as error:
            errors.append(error)
        finally:
            memory.close()

    threads = [threading.Thread(target=writer, args=(n * 1000,)) for n in range(2)]
    killer = threading.Thread(target=deleter)
    killer.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    stop.set()
    killer.join(30)
    assert errors == [], errors
    record("team:delete-while-writing")


def test_a_real_deadlock_is_retried_not_raised(postgres_url: str) -> None:
    from app.customers.sql import make_engine, retried

    url = _fresh_database(postgres_url, "f_deadlock")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE pair (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"))
        connection.execute(text("INSERT INTO pair VALUES (1, 0), (2, 0)"))
    barrier = threading.Barrier(2)
    attempts: list[int] = []
    errors: list[BaseException] = []

    def transfer(first: int, second: int) -> None:
        @retried
        def once() -> None:
            attempts.append(first)
            with engine.begin() as connection:
                connection.execute(text("UPDATE pair SET n = n + 1 WHERE id = :id"), {"id": first})
                if len(attempts) <= 2:
                    barrier.wait(10)  # both hold their first row: each now waits for the other's
                connection.execute(text("UPDATE pair SET n = n + 1 WHERE id = :id"), {"id": second})

        try:
            once()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=transfer, args=(1, 2)), threading.Thread(target=transfer, args=(2, 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert len(attempts) == 3  # one of the two was chosen as the deadlock victim and ran again
    with engine.connect() as connection:
        assert connection.execute(text("SELECT sum(n) FROM pair")).scalar_one() == 4
    engine.dispose()
    record("team:deadlock")
