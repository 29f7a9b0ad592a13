"""The memory build writes in batches: one transaction per batch, checkpoints included.

A crash loses at most the batch in hand and the next build resumes after the
last batch written; a mail the database refuses skips that mail only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from app.customers import Memory, build, build_memory, open_memory
from app.sources.base import MessageRef
from app.sources.maildir import MaildirSource
from bench.scale_mailbox import build as scaled_maildir

MAILS = 130
BATCH = 50


@pytest.fixture(scope="module")
def maildir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo copied until 130 mails: new Message-IDs, new customers per copy."""
    return scaled_maildir(tmp_path_factory.mktemp("scaled") / "mail", MAILS)


@pytest.fixture
def memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Memory]:
    monkeypatch.setattr(build, "BATCH", BATCH)
    opened = open_memory(f"sqlite:///{tmp_path / 'memory.sqlite3'}")
    yield opened
    opened.close()


def _write_transactions(memory: Memory) -> list[str]:
    begun: list[str] = []
    event.listen(memory.engine, "begin", lambda connection: begun.append(
        "read" if connection.get_execution_options().get("memory_read") else "write"))
    return begun


def test_the_build_writes_one_transaction_per_batch_not_per_mail(maildir: Path, memory: Memory) -> None:
    begun = _write_transactions(memory)
    result = build_memory(memory, MaildirSource(maildir), "scaled")
    assert result.done == result.total == MAILS and not result.stopped
    writes = begun.count("write")
    batches = -(-MAILS // BATCH)
    own_addresses = 1  # the shop's address, learnt from Sent before the first batch
    assert writes <= batches + own_addresses + 1, writes
    counts = memory.counts()
    assert counts["customers"] > 40  # a new set of customers in every copy of the demo
    assert build_memory(memory, MaildirSource(maildir), "scaled").total == 0


class _Crash(Exception):
    """Not a fault of one mail: the build stops at it, as at a lost connection or a kill."""


def test_a_crash_loses_at_most_the_batch_in_hand_and_the_next_build_resumes(
    maildir: Path, memory: Memory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = MaildirSource(maildir)
    fetch = MaildirSource.fetch
    fetched = 0

    def crashing_fetch(self: MaildirSource, ref: MessageRef) -> bytes:
        nonlocal fetched
        fetched += 1
        if fetched == BATCH + 20:  # in the middle of the second batch
            raise _Crash
        return fetch(self, ref)

    monkeypatch.setattr(MaildirSource, "fetch", crashing_fetch)
    with pytest.raises(_Crash):
        build_memory(memory, source, "scaled")
    built = sum(len(memory.built_keys("scaled", folder.id)) for folder in source.folders())
    assert built == BATCH  # the first batch, with its checkpoints; the second one is lost whole
    monkeypatch.setattr(MaildirSource, "fetch", fetch)

    resumed = build_memory(memory, source, "scaled")
    assert resumed.total == MAILS - BATCH and not resumed.stopped

    clean = open_memory(f"sqlite:///{tmp_path / 'clean.sqlite3'}")
    try:
        build_memory(clean, MaildirSource(maildir), "scaled")
        assert memory.counts() == clean.counts()  # nothing twice, nothing missing
    finally:
        clean.close()


def test_a_mail_the_database_refuses_skips_that_mail_only(
    maildir: Path, memory: Memory, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.customers.memory import Prepared

    incoming = Memory._incoming_in
    refused: list[str] = []

    def refusing(self: Memory, connection: object, prepared: Prepared, own: set[str]) -> bool:
        # The first mail with a Message-ID is refused, every time it is offered (as a database
        # refuses the same data again): after its rows are written, as a late constraint would.
        if not refused and prepared.message.message_id:
            refused.append(prepared.message.message_id)
        result = incoming(self, connection, prepared, own)  # type: ignore[arg-type]
        if prepared.message.message_id == refused[0]:
            raise IntegrityError("INSERT", {}, ValueError("refused"))
        return result

    batch_in = Memory._batch_in

    def refusing_batch(self: Memory, connection: object, batch: list[Prepared], own: set[str]) -> None:
        # The whole-batch write meets the same refusal when that mail is in it (its statements
        # hold every mail's rows at once).
        if not refused:
            refused.append(next(p.message.message_id for p in batch if p.message.message_id and p.stats is None))
        batch_in(self, connection, batch, own)  # type: ignore[arg-type]
        if any(p.message.message_id == refused[0] for p in batch):
            raise IntegrityError("INSERT", {}, ValueError("refused"))

    monkeypatch.setattr(Memory, "_incoming_in", refusing)
    monkeypatch.setattr(Memory, "_batch_in", refusing_batch)
    result = build_memory(memory, MaildirSource(maildir), "scaled")
    assert result.done == result.total == MAILS and result.skipped == 1
    with memory.engine.connect() as connection:
        from sqlalchemy import select

        from app.customers import schema

        stored = {r[0] for r in connection.execute(select(schema.customer_messages.c.message_id))}
    assert refused[0] not in stored  # its rows went with its savepoint
    assert len(stored) >= MAILS - 1 - 10  # the others are all there (a few are not a customer's)


def _stored(memory: Memory) -> dict[str, set[tuple[object, ...]]]:
    """What the memory holds, by content (ids differ between two builds)."""
    from sqlalchemy import select

    from app.customers import schema

    with memory.engine.connect() as connection:
        return {
            "messages": set(connection.execute(select(
                schema.customer_messages.c.message_id, schema.customer_messages.c.direction,
                schema.customer_messages.c.context_nouns))),
            "disclosures": set(connection.execute(select(schema.disclosures.c.message_id, schema.disclosures.c.text))),
            "requests": set(connection.execute(select(
                schema.requests.c.message_id, schema.requests.c.text, schema.requests.c.answered_by))),
            "replies": set(connection.execute(select(schema.replies.c.message_id, schema.replies.c.in_reply_to))),
        }


def test_worker_processes_build_the_same_memory_and_search_index_as_one_process(
    maildir: Path, memory: Memory, tmp_path: Path,
) -> None:
    from app.store import open_database
    from app.store.search import MailIndex

    here_db = open_database(tmp_path / "here.db")
    here = open_memory("", here_db.path)
    try:
        one = build_memory(here, MaildirSource(maildir), "scaled", index=MailIndex(here_db), workers=1)
        pooled_index = MailIndex(open_database(tmp_path / "pooled.db"))
        two = build_memory(memory, MaildirSource(maildir), "scaled", index=pooled_index, workers=2)
        assert (one.done, one.skipped) == (two.done, two.skipped) == (MAILS, 0)
        assert _stored(memory) == _stored(here)
        assert any(row[2] for row in _stored(memory)["requests"])  # replies answered requests, in both
        for query in ("配送", "靴", "ギフト"):
            assert {(h.folder_id, h.key) for h in pooled_index.search(query, limit=500)} == \
                {(h.folder_id, h.key) for h in MailIndex(here_db).search(query, limit=500)}
            assert pooled_index.search(query, limit=5), query
    finally:
        here.close()


def test_a_stop_during_a_pooled_build_keeps_what_was_analysed_and_the_next_build_resumes(
    maildir: Path, memory: Memory, tmp_path: Path,
) -> None:
    seen: list[int] = []
    stopped = build_memory(memory, MaildirSource(maildir), "scaled", progress=lambda d, _t: seen.append(d),
                           should_stop=lambda: len(seen) > 70, workers=2)
    assert stopped.stopped and 0 < stopped.done < MAILS
    source = MaildirSource(maildir)
    built = sum(len(memory.built_keys("scaled", folder.id)) for folder in source.folders())
    assert built == stopped.done  # the part of the batch already analysed was written at the stop
    resumed = build_memory(memory, source, "scaled", workers=2)
    assert resumed.total == MAILS - stopped.done and not resumed.stopped
    clean = open_memory(f"sqlite:///{tmp_path / 'clean.sqlite3'}")
    try:
        build_memory(clean, MaildirSource(maildir), "scaled", workers=1)
        assert _stored(memory) == _stored(clean)
    finally:
        clean.close()


def test_a_fetch_failing_mid_pooled_build_writes_the_whole_batches_fetched_before_it(
    maildir: Path, memory: Memory, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing

    fetch = MaildirSource.fetch
    fetched = 0

    def crashing_fetch(self: MaildirSource, ref: MessageRef) -> bytes:
        nonlocal fetched
        fetched += 1
        if fetched == 2 * BATCH + 20:
            raise _Crash
        return fetch(self, ref)

    monkeypatch.setattr(MaildirSource, "fetch", crashing_fetch)
    source = MaildirSource(maildir)
    with pytest.raises(_Crash):
        build_memory(memory, source, "scaled", workers=2)
    assert sum(len(memory.built_keys("scaled", folder.id)) for folder in source.folders()) == 2 * BATCH
    assert multiprocessing.active_children() == []  # the workers went with the failed build
