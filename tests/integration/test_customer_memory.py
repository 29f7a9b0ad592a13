"""The memory suite, run twice: on SQLite (the embedded default) and on a real PostgreSQL.

Demo mail is used where the behaviour is about Japanese text (the allergy
customer and our replies to them); small hand-made mails where it is about
bookkeeping (merge, delete, concurrency).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app import paths
from app.customers import Memory, build_memory, open_memory
from app.mail.parse import parse_message
from app.model import Address, Message
from app.sources import open_source
from app.sources.base import OutgoingMessage

JST = timezone(timedelta(hours=9))


@pytest.fixture(params=["sqlite", "postgresql"])
def memory_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'memory.sqlite3'}"
        return
    base: str = request.getfixturevalue("postgres_url")
    # A fresh database per test, so tests never see each other's customers.
    from sqlalchemy import create_engine, text

    name = f"t{abs(hash(request.node.nodeid)) % 10**10}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    yield base.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def memory(memory_url: str) -> Iterator[Memory]:
    opened = open_memory(memory_url)
    yield opened
    opened.close()


def _demo(mid: str) -> Message:
    for path in paths.DEMO_MAILDIR.rglob("*"):
        if path.is_file() and path.parent.name in ("cur", "new"):
            message = parse_message(path.read_bytes())
            if message.message_id == mid:
                return message
    raise AssertionError(mid)


def _mail(mid: str, sender: str, to: str, body: str, day: int, subject: str = "ご相談", reply_to: str = "") -> Message:
    return Message(
        subject=subject, sender=Address("", sender), date=datetime(2026, 3, day, 10, 0, tzinfo=JST), body=body,
        to=(Address("", to),), message_id=mid, in_reply_to=reply_to, references=(reply_to,) if reply_to else (),
    )


def test_build_from_demo_mailbox_remembers_the_allergy(memory: Memory, tmp_path: Path) -> None:
    result = build_memory(memory, open_source(paths.DEMO_MAILDIR), "demo")
    assert not result.stopped and result.done == result.total > 30
    second = _demo("<20251203.cake02@example.jp>")
    profile = memory.profile_for(second)
    assert profile is not None and not profile.first_time
    assert profile.mail_count == 2
    assert profile.since is not None and profile.since.astimezone(JST).date().isoformat() == "2025-12-01"
    summaries = [d.summary for d in profile.disclosures]
    assert "奥様が卵アレルギー" in summaries
    allergy = next(d for d in profile.disclosures if d.summary == "奥様が卵アレルギー")
    assert allergy.message_id == "<20251201.cake01@example.jp>"
    assert allergy.date is not None and allergy.date.astimezone(JST).strftime("%Y-%m") == "2025-12"
    # Our first reply answered the cake request: judged by the review's own rule.
    cake = next(r for r in profile.requests if "クリスマスケーキ" in r.text)
    assert cake.answered
    assert [r.message_id for r in profile.replies] == ["<20251202.re-cake01@komugi.example.jp>"]
    # The reminder: today's order relates to the allergy told before.
    assert any(r.disclosure.summary == "奥様が卵アレルギー" for r in profile.reminders)
    # Only the past: the second mail's own disclosures are not "told before".
    assert all(d.message_id != second.message_id for d in profile.disclosures)


def test_first_time_customer_and_machines(memory: Memory) -> None:
    first = _demo("<20251201.cake01@example.jp>")
    profile = memory.profile_for(first)
    assert profile is not None and profile.first_time and profile.customer.id == 0
    assert memory.remember_incoming(first)
    assert not memory.remember_incoming(first), "remembering twice must be a no-op"
    notice = _mail("<n1@pay.example>", "no-reply@paynext.example.com", "shop@example.jp", "決済が完了しました。", 1)
    assert not memory.remember_incoming(notice)
    assert memory.counts()["customers"] == 1


def test_a_contact_form_mail_belongs_to_the_customer_in_reply_to(memory: Memory) -> None:
    form = Message(
        subject="お問い合わせ", sender=Address("お問い合わせフォーム", "no-reply@form.example.jp"),
        date=datetime(2026, 3, 2, 10, 0, tzinfo=JST),
        body="お名前：山田 花子\n娘の入学式に着るワンピースを探しています。",
        to=(Address("", "shop@example.jp"),), message_id="<form-1@form.example.jp>",
        reply_to=(Address("山田 花子", "hanako@example.com"),),
    )
    assert memory.remember_incoming(form)
    later = _mail("<h2@example.com>", "hanako@example.com", "shop@example.jp", "先日はありがとうございました。", 9)
    profile = memory.profile_for(later)
    assert profile is not None and not profile.first_time  # the same customer, by her own address
    assert memory.counts()["customers"] == 1


def test_build_stops_and_resumes_without_duplicates(memory: Memory) -> None:
    source = open_source(paths.DEMO_MAILDIR)
    seen: list[tuple[int, int]] = []
    first = build_memory(memory, source, "demo", progress=lambda d, t: seen.append((d, t)),
                         should_stop=lambda: len(seen) > 10)
    assert first.stopped and 0 < first.done < first.total
    assert seen[0][0] == 0 and seen[-1][0] == first.done
    second = build_memory(memory, source, "demo")
    assert not second.stopped and second.total == first.total - first.done
    third = build_memory(memory, source, "demo")
    assert third.total == 0
    fresh = open_memory(str(memory.engine.url.render_as_string(hide_password=False)))
    try:
        other = Memory(fresh.engine)
        assert other.counts() == memory.counts()
    finally:
        fresh.close()
    customer = memory.customer_id_for("kenichi.morimoto@example.jp")
    assert customer is not None
    assert len(memory.history(customer)) == 3


def test_reply_before_original_is_still_matched(memory: Memory) -> None:
    original = _demo("<20251201.cake01@example.jp>")
    reply = _demo("<20251202.re-cake01@komugi.example.jp>")
    outgoing = OutgoingMessage(
        raw=(paths.DEMO_MAILDIR / ".Sent" / "cur").joinpath(
            next(p.name for p in (paths.DEMO_MAILDIR / ".Sent" / "cur").iterdir()
                 if parse_message(p.read_bytes()).message_id == reply.message_id)).read_bytes(),
        message_id=reply.message_id, envelope_from="order@komugi.example.jp",
        recipients=("kenichi.morimoto@example.jp",),
    )
    assert memory.remember_reply(outgoing)  # the send path hands raw bytes
    assert memory.remember_incoming(original)
    exported = memory.export_customer(memory.customer_id_for("kenichi.morimoto@example.jp") or -1)
    answered = {r["text"][:10]: r["answered"] for r in exported["requests"]}
    assert any(answered.values()), answered
    reply_row = exported["replies"][0]
    assert reply_row["length"] > 300 and reply_row["warmth"] >= 5


def test_merge_export_and_delete(memory: Memory) -> None:
    memory.add_own_address("shop@example.jp")
    memory.remember_incoming(_mail("<a1@x>", "hana@pc.example", "shop@example.jp",
                                   "母の還暦祝いに贈りたいと思っています。ラッピングをお願いできますか。", 1))
    memory.remember_incoming(_mail("<a2@x>", "hana@phone.example", "shop@example.jp",
                                   "娘が来月結婚します。配送日を変更していただけますか。", 2))
    pc = memory.customer_id_for("hana@pc.example")
    phone = memory.customer_id_for("hana@phone.example")
    assert pc is not None and phone is not None and pc != phone
    memory.add_tag(pc, "常連")
    memory.add_tag(phone, "常連")
    memory.add_tag(phone, "ギフト")
    memory.set_note(phone, "電話よりメール希望")
    memory.merge(pc, phone)
    assert memory.customer_id_for("hana@phone.example") == pc
    customer = memory.customer(pc)
    assert customer is not None
    assert customer.addresses == ("hana@pc.example", "hana@phone.example")
    assert customer.tags == ("ギフト", "常連") and customer.note == "電話よりメール希望"
    record = memory.export_customer(pc)
    json.dumps(record, ensure_ascii=False)  # JSON-ready
    assert {m["message_id"] for m in record["messages"]} == {"<a1@x>", "<a2@x>"}
    assert any("還暦" in d["text"] for d in record["disclosures"])
    assert memory.search("還暦") and memory.search("電話より")
    memory.delete_customer(pc)
    assert memory.customer(pc) is None and memory.customer_id_for("hana@pc.example") is None
    assert memory.counts() == {"customers": 0, "disclosures": 0, "requests": 0, "replies": 0}
    assert memory.search("還暦") == []


def test_two_instances_writing_one_customer_lose_nothing(memory_url: str) -> None:
    first, second = open_memory(memory_url), open_memory(memory_url)
    try:
        for m in (first, second):
            m.add_own_address("shop@example.jp")
        mails = [
            _mail(f"<c{i}@x>", "regular@example.jp", "shop@example.jp",
                  f"いつも{i}番の品を使っています。在庫はありますか。", 1 + i % 27)
            for i in range(24)
        ]
        errors: list[BaseException] = []

        def work(memory: Memory, part: list[Message]) -> None:
            try:
                for message in part:
                    memory.remember_incoming(message)
                    memory.add_tag(memory.customer_id_for("regular@example.jp") or 0, "常連")
            except BaseException as error:  # reported below, in the test thread
                errors.append(error)

        # Both instances take every mail, in opposite orders: each must land exactly once.
        threads = [threading.Thread(target=work, args=(first, mails)),
                   threading.Thread(target=work, args=(second, list(reversed(mails))))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not errors, errors
        assert len(first.customers()) == 1
        customer_id = first.customer_id_for("regular@example.jp")
        assert customer_id is not None
        record = second.export_customer(customer_id)
        assert len(record["messages"]) == 24
        assert len(record["requests"]) == 24
        assert record["customer"]["tags"] == ["常連"]
    finally:
        first.close()
        second.close()
