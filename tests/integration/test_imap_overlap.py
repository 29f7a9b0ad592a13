"""Bodies on a second connection while headers are listed, against a real Dovecot.

The sync engine fetches bodies on `ImapSource.twin()` as soon as their header
rows are stored. These tests hold that overlap to the promises of a plain sync:
every header and every body stored exactly once, HEADERS progress before
BODIES, a dropped body connection costs nothing, and a mailbox recreated under
the sync (new UIDVALIDITY) never gets an old mail's body.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import pytest
from imapclient import IMAPClient

from app.sources.base import Folder
from app.sources.delta import RemoteHeader
from app.sources.errors import NetworkDown
from app.sources.imap import ImapSource
from app.store.db import Database
from app.store.mail import MailStore
from app.sync import Phase, SyncEngine, SyncProgress
from tests.integration.conftest import account_for
from tests.servers import Dovecot, free_port, japanese_mail

_MESSAGE_ID = re.compile(rb"^Message-ID: *(<[^>]+>)", re.MULTILINE | re.IGNORECASE)


class RecordingSource(ImapSource):
    """An `ImapSource` that records every body it delivers, shared with its twins.

    `on_body(source, count)` runs on the delivering thread after each body (the
    tests cut connections there); `before_header_batch(index)` runs before the
    header pass receives batch `index`.
    """

    def __init__(self, *args: Any, shared: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shared: dict[str, Any] = shared if shared is not None else {
            "bodies": [], "lock": threading.Lock(), "on_body": None, "before_header_batch": None,
        }
        self.is_twin = shared is not None
        self.delivered = 0

    def twin(self) -> RecordingSource:
        return RecordingSource(self.config, self._password, self._ssl_context, self._timeout, shared=self.shared)

    def _bodies(self, folder: Folder, keys: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        for key, raw in super()._bodies(folder, keys):
            with self.shared["lock"]:
                self.shared["bodies"].append((folder.id, key, self.is_twin))
            self.delivered += 1
            hook: Callable[[RecordingSource, int], None] | None = self.shared["on_body"]
            if hook is not None:
                hook(self, self.delivered)
            yield key, raw

    def header_batches(self, folder: Folder, keys: Sequence[str], size: int = 500) -> Iterator[list[RemoteHeader]]:
        hook: Callable[[int], None] | None = self.shared["before_header_batch"]
        for index, batch in enumerate(super().header_batches(folder, keys, size)):
            if hook is not None:
                hook(index)
            yield batch


class RecordingStore(MailStore):
    """A `MailStore` that records the key of every body it stores (from any thread)."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.stored: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def store_bodies(self, account_id: str, folder_id: str, bodies: Iterable[tuple[str, bytes]]) -> int:
        batch = list(bodies)
        with self._lock:
            self.stored.extend((folder_id, key) for key, _raw in batch)
        return super().store_bodies(account_id, folder_id, batch)


def _engine(db: Database, dovecot: Dovecot, progress: Callable[[SyncProgress], None] | None = None
            ) -> tuple[SyncEngine, RecordingSource]:
    source = RecordingSource(account_for(dovecot), "secret")
    store = RecordingStore(db)
    store.save_account(account_for(dovecot))
    return SyncEngine(store, "shop", source, progress), source


def _stored_once(engine: SyncEngine) -> int:
    """Every body went into the store once (none stored twice); returns how many."""
    assert isinstance(engine.store, RecordingStore)
    counts = Counter(engine.store.stored)
    assert max(counts.values(), default=1) == 1, [k for k, n in counts.items() if n > 1][:5]
    return len(counts)


def _cut(source: ImapSource) -> None:
    """The connection dies under the source (a NAT timeout, Wi-Fi gone): both directions shut."""
    client = source._client
    assert client is not None
    client._imap.sock.shutdown(socket.SHUT_RDWR)


def _bodies_match_rows(engine: SyncEngine, folder: str) -> int:
    """Every stored body belongs to its row (its Message-ID is the row's); returns how many are stored."""
    stored = 0
    for row in engine.store.headers("shop", folder):
        if not row.body_fetched:
            continue
        raw = engine.store.body("shop", row.header.ref)
        assert raw is not None
        found = _MESSAGE_ID.search(raw)
        assert found is not None and found.group(1).decode() == row.message_id, row.header.ref
        stored += 1
    return stored


def _fetched_once(source: RecordingSource) -> Counter[tuple[str, str]]:
    counts = Counter((folder, key) for folder, key, _twin in source.shared["bodies"])
    assert max(counts.values(), default=1) == 1, [k for k, n in counts.items() if n > 1][:5]
    return counts


def test_bodies_arrive_while_headers_are_listed_each_exactly_once(dovecot: Dovecot, db: Database) -> None:
    dovecot.add_messages("alice", [japanese_mail(i, body_lines=10) for i in range(2_400)])
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.create_folder("注文")
        for i in range(5_000, 5_030):
            client.append("注文", japanese_mail(i))
    progress: list[SyncProgress] = []
    engine, source = _engine(db, dovecot, progress.append)
    overlapped = threading.Event()

    def wait_for_a_body(index: int) -> None:
        # Before the header pass takes its third batch of the inbox, a body of the
        # first must already be stored: the lane works while headers are listed.
        if index == 2 and not overlapped.is_set():
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                if db.read("SELECT count(*) FROM mail_messages WHERE body_fetched = 1")[0][0]:
                    overlapped.set()
                    return
                time.sleep(0.01)

    source.shared["before_header_batch"] = wait_for_a_body
    report = engine.sync()

    assert overlapped.is_set()
    assert report.new_headers == 2_430 and report.bodies == 2_430
    assert len(_fetched_once(source)) == 2_430
    assert _stored_once(engine) == 2_430
    assert any(twin for _f, _k, twin in source.shared["bodies"])  # the second connection did fetch
    assert _bodies_match_rows(engine, "INBOX") == 2_400
    assert _bodies_match_rows(engine, "注文") == 30
    assert db.read("SELECT count(*) FROM mail_messages WHERE body_fetched = 0")[0][0] == 0
    # The list's progress: every HEADERS report comes before the first BODIES one,
    # and each folder's bodies end at done == total.
    phases = [p.phase for p in progress if p.phase in (Phase.HEADERS, Phase.BODIES)]
    first_bodies = phases.index(Phase.BODIES)
    assert Phase.HEADERS not in phases[first_bodies:]
    for folder in ("INBOX", "注文"):
        done = [p.done for p in progress if p.phase is Phase.BODIES and p.folder_id == folder]
        assert done == sorted(done)
        last = [p for p in progress if p.phase is Phase.BODIES and p.folder_id == folder][-1]
        assert last.done == last.total == (2_400 if folder == "INBOX" else 30)
    # Nothing left to do, on either connection.
    again = engine.sync()
    assert again.new_headers == 0 and again.bodies == 0
    source.close()


def test_a_dropped_body_connection_resumes_on_its_own(dovecot: Dovecot, db: Database) -> None:
    dovecot.add_messages("alice", [japanese_mail(i, body_lines=30) for i in range(1_500)])
    engine, source = _engine(db, dovecot)
    cut = threading.Event()

    def cut_once(body_source: RecordingSource, delivered: int) -> None:
        if body_source.is_twin and delivered == 200 and not cut.is_set():
            cut.set()
            _cut(body_source)

    source.shared["on_body"] = cut_once
    report = engine.sync()
    assert cut.is_set()
    assert report.new_headers == 1_500 and report.bodies == 1_500
    assert _stored_once(engine) == 1_500
    assert _bodies_match_rows(engine, "INBOX") == 1_500
    source.close()


def test_a_body_connection_that_cannot_come_back_leaves_the_rest_to_the_first(
    dovecot: Dovecot, db: Database
) -> None:
    dovecot.add_messages("alice", [japanese_mail(i, body_lines=30) for i in range(1_500)])
    engine, source = _engine(db, dovecot)
    cut = threading.Event()

    def cut_for_good(body_source: RecordingSource, delivered: int) -> None:
        if body_source.is_twin and delivered == 200 and not cut.is_set():
            cut.set()
            # Reconnecting goes nowhere: a port nobody listens on.
            body_source.config = dataclasses.replace(body_source.config, imap_port=free_port())
            _cut(body_source)

    source.shared["on_body"] = cut_for_good
    report = engine.sync()
    assert cut.is_set()
    assert report.new_headers == 1_500 and report.bodies == 1_500
    # The 200 received before the cut are stored, not fetched again.
    assert len(_fetched_once(source)) == 1_500
    assert _stored_once(engine) == 1_500
    assert sum(1 for _f, _k, twin in source.shared["bodies"] if not twin) > 0  # the first connection took over
    assert _bodies_match_rows(engine, "INBOX") == 1_500
    source.close()


def test_server_gone_during_the_overlap_keeps_headers_and_resumes_bodies(dovecot: Dovecot, db: Database) -> None:
    dovecot.add_messages("alice", [japanese_mail(i, body_lines=30) for i in range(2_000)])
    engine, source = _engine(db, dovecot)
    killed = threading.Event()

    def kill_server(body_source: RecordingSource, delivered: int) -> None:
        # Both connections die: the server is gone. Only once the header pass is
        # over, so the header rows are all there and the bodies half: the twin
        # waits here for the last header row (on a busy machine it could
        # otherwise have fetched every body by then, and nothing would be cut).
        if body_source.is_twin and delivered == 300 and not killed.is_set():
            deadline = time.monotonic() + 30
            while db.read("SELECT count(*) FROM mail_messages")[0][0] < 2_000 and time.monotonic() < deadline:
                time.sleep(0.005)
            killed.set()
            dovecot.kill()

    source.shared["on_body"] = kill_server
    with pytest.raises(NetworkDown):
        engine.sync()
    assert killed.is_set()
    assert engine.store.count("shop", "INBOX") == 2_000  # every header is in
    fetched = db.read("SELECT count(*) FROM mail_messages WHERE body_fetched = 1")[0][0]
    assert 0 < fetched < 2_000
    assert _bodies_match_rows(engine, "INBOX") == fetched

    dovecot.start()
    source.shared["on_body"] = None
    report = engine.sync()
    assert report.new_headers == 0 and report.bodies == 2_000 - fetched
    assert _stored_once(engine) == 2_000
    assert _bodies_match_rows(engine, "INBOX") == 2_000
    source.close()


def test_a_mailbox_recreated_during_the_overlap_never_gets_old_bodies(dovecot: Dovecot, db: Database) -> None:
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.create_folder("注文")
        for i in range(600):
            client.append("注文", japanese_mail(i, body_lines=5))
    engine, source = _engine(db, dovecot)
    recreated = threading.Event()

    def recreate(index: int) -> None:
        # Once the first batch of headers is stored (and its bodies queued), the
        # mailbox is replaced: same name, new UIDVALIDITY, UIDs from 1 again.
        if index == 1 and not recreated.is_set():
            with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
                client.login("alice", "secret")
                client.delete_folder("注文")
                client.create_folder("注文")
            # Delivered into the new mailbox's Maildir (an APPEND may race with the
            # sync's sessions noticing the deletion).
            dovecot.add_messages("alice", [japanese_mail(i, body_lines=5) for i in range(10_000, 10_600)], "注文")
            recreated.set()

    source.shared["before_header_batch"] = recreate
    with contextlib.suppress(NetworkDown):  # Dovecot may hang up on a session whose mailbox was deleted
        engine.sync(folder_ids=["注文"])
    assert recreated.is_set()
    # Whatever was stored, no row holds another mail's body.
    _bodies_match_rows(engine, "注文")

    source.shared["before_header_batch"] = None
    report = engine.sync(folder_ids=["注文"])
    assert report.resets == ["注文"]
    rows = engine.store.headers("shop", "注文")
    assert sorted(r.message_id for r in rows) == sorted(f"<customer-{i}@example.jp>" for i in range(10_000, 10_600))
    assert _bodies_match_rows(engine, "注文") == 600
    source.close()


def test_a_pinned_twin_refuses_a_recreated_mailbox(dovecot: Dovecot) -> None:
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.create_folder("注文")
        client.append("注文", japanese_mail(1))
    source = ImapSource(account_for(dovecot), "secret")
    folder = Folder("注文", "注文")
    snapshot = source.snapshot(folder, None)
    twin = source.twin()
    twin.pin_validity(folder.id, snapshot.validity)
    assert [key for key, _raw in twin.bodies_for(folder, list(snapshot.keys))] == list(snapshot.keys)
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.delete_folder("注文")
        client.create_folder("注文")
        client.append("注文", japanese_mail(2))
    twin.close()  # a fresh connection SELECTs the new mailbox
    from app.sources.errors import NotFound

    with pytest.raises(NotFound):
        list(twin.bodies_for(folder, list(snapshot.keys)))
    twin.pin_validity(folder.id, None)
    assert len(list(twin.bodies_for(folder, ["1"]))) == 1
    twin.close()
    source.close()


class _StallingProxy:
    """Forwards the first connection to Dovecot; accepts every later one and never answers.

    A server that limits connections per user may leave a second login hanging
    like this. `stalled_closed` is set when the client gives up on one.
    """

    def __init__(self, target_port: int) -> None:
        self._target = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.stalled: list[socket.socket] = []
        self.stalled_closed = threading.Event()
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                client, _ = self._listener.accept()
                self._open.append(client)
                if not self._open[1:]:
                    server = socket.create_connection(("127.0.0.1", self._target))
                    self._open.append(server)
                    for a, b in ((client, server), (server, client)):
                        threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()
                else:
                    self.stalled.append(client)
                    threading.Thread(target=self._watch, args=(client,), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    def _watch(self, client: socket.socket) -> None:
        with contextlib.suppress(OSError):
            client.recv(1)  # b"" or an error: the client closed its end
        self.stalled_closed.set()

    def close(self) -> None:
        self._listener.close()
        for sock in self._open:
            with contextlib.suppress(OSError):
                sock.close()


def test_a_second_login_left_hanging_does_not_hold_the_sync(dovecot: Dovecot, db: Database) -> None:
    dovecot.add_messages("alice", [japanese_mail(i, body_lines=20) for i in range(300)])
    proxy = _StallingProxy(dovecot.port)
    try:
        config = dataclasses.replace(account_for(dovecot), imap_port=proxy.port)
        source = RecordingSource(config, "secret", timeout=30)
        store = RecordingStore(db)
        store.save_account(config)
        engine = SyncEngine(store, "shop", source)
        report = engine.sync()
        # The sync ended on its first connection while the second login still hung:
        # the client had not given up on it (that takes the 30 s socket timeout).
        assert proxy.stalled and not proxy.stalled_closed.is_set()
        assert report.new_headers == 300 and report.bodies == 300
        assert not any(twin for _f, _k, twin in source.shared["bodies"])
        assert _stored_once(engine) == 300
        assert _bodies_match_rows(engine, "INBOX") == 300
        source.close()
    finally:
        proxy.close()
