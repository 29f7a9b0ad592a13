"""An IMAP mailbox (rental servers, Gmail/iCloud/Yahoo! with app passwords) via IMAPClient.

Owns the IMAP conversation: connecting (SSL/TLS, STARTTLS, or plain on loopback),
logging in, listing folders (IMAPClient decodes modified UTF-7: 送信済み,
迷惑メール), the incremental snapshot the sync engine asks for (UIDVALIDITY, UID
list, flags changed since HIGHESTMODSEQ with CONDSTORE or a plain scan without),
fetching headers and bodies in batches, flags, APPEND to Sent, a Message-ID
lookup (so the outbox can tell whether an unknown send went out), and IDLE.

Speed (ARCHITECTURE.md §4): header rows come from `BODY.PEEK[HEADER.FIELDS (...)]` and
`app.mail.headers.read_listing`, never a full MIME parse: the date and
Message-ID are read at once, Subject and From stay as sent until the row is
shown (`Header.listed`, decoded by `decode_listed`). The FETCHes of a
sync bypass imaplib: `imap_wire.FetchPipeline` writes `UID FETCH` commands of
500 UIDs (as ranges) one ahead of the response it reads, straight from the
connection's reader (widened to 1 MB so a 4 KB mail is not three syscalls), and
the caller gets batches capped by count and size, so a folder of 20 MB mails
does not hold gigabytes in memory. Dovecot's usual response shape is read
without the general tokeniser (`imap_wire`). The sync engine runs the body
FETCHes on a `twin()` — a second connection, so a second Dovecot process —
while this one lists headers; `pin_validity` keeps that twin from reading a
mailbox recreated meanwhile (new UIDVALIDITY). A dropped connection is reopened for
commands that are safe to repeat (a streamed FETCH resumes with the UIDs it has
not delivered yet); APPEND is never repeated blindly.
"""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError
from imapclient.response_parser import parse_fetch_response

from app.mail.headers import decode_listed, read_listing
from app.model import (
    AccountConfig,
    Flag,
    Folder,
    FolderRole,
    FolderSnapshot,
    Header,
    MessageRef,
    RemoteHeader,
    Security,
    SyncState,
)
from app.sources.connection import DEFAULT_TIMEOUT, connect_error, tls_context
from app.sources.delta import group_bodies
from app.sources.errors import (
    AuthExpired,
    ConnectFailed,
    ConnectProblem,
    NetworkDown,
    NotFound,
    ServerRejected,
    SourceError,
)
from app.sources.folders import role_for_name
from app.sources.imap_wire import FetchPipeline, Value, WireError, flag_list, number, section

T = TypeVar("T")

BATCH = 500
BODY_BATCH_BYTES = 24 * 1024 * 1024
# UIDs per streamed FETCH command: short command lines (servers cap them at ~8 KB)
# and a cheap resumption point after a drop.
FETCH_CHUNK = 500
# The connection's read buffer: imaplib's default (8 KB) costs a syscall per few
# kilobytes of mail; this is what lets 200 MB arrive in well under a second.
READ_BUFFER = 1024 * 1024
_HEADER_ITEMS = "UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (SUBJECT FROM DATE MESSAGE-ID)]"
_BODY_ITEMS = "UID BODY.PEEK[]"
_FLAG_NAMES = {b"\\Seen": Flag.SEEN, b"\\Answered": Flag.ANSWERED, b"\\Flagged": Flag.FLAGGED}
_IMAP_FLAG = {flag: name for name, flag in _FLAG_NAMES.items()}
_NO_FLAGS: frozenset[Flag] = frozenset()
_SPECIAL_USE = {
    b"\\Sent": FolderRole.SENT, b"\\Drafts": FolderRole.DRAFTS, b"\\Trash": FolderRole.TRASH,
    b"\\Junk": FolderRole.JUNK,
}
# What a dead connection looks like from IMAPClient/imaplib/ssl/socket.
_DROPS = (IMAPClientAbortError, OSError, EOFError)


def uid_ranges(uids: Sequence[int]) -> str:
    """`1:500,502,510:600`: a UID set as short as IMAP allows (servers cap the line length)."""
    ordered = sorted(set(uids))
    parts: list[str] = []
    start = previous = ordered[0] if ordered else 0
    for uid in ordered[1:]:
        if uid == previous + 1:
            previous = uid
            continue
        parts.append(f"{start}:{previous}" if previous > start else str(start))
        start = previous = uid
    if ordered:
        parts.append(f"{start}:{previous}" if previous > start else str(start))
    return ",".join(parts)


def _flags(raw: Sequence[bytes]) -> frozenset[Flag]:
    return frozenset(_FLAG_NAMES[f] for f in raw if f in _FLAG_NAMES)


def _widen_reader(client: IMAPClient) -> None:
    """Give imaplib's connection a bigger read buffer.

    Only called when nothing is buffered: right after the greeting and after
    STARTTLS, when the server waits for us to speak.
    """
    imap = client._imap
    old = imap.file
    imap.file = imap.sock.makefile("rb", buffering=READ_BUFFER)
    with contextlib.suppress(OSError):
        old.close()  # the reader only, not the socket


class ImapSource:
    """One IMAP account. Use from one thread at a time (the account's lane)."""

    def __init__(
        self,
        config: AccountConfig,
        password: str,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.config = config
        self._password = password
        self._ssl_context = ssl_context
        self._timeout = timeout
        self._client: IMAPClient | None = None
        self._selected: str | None = None
        self._select_info: dict[bytes, Any] = {}
        self._condstore = False
        self._folders: list[Folder] | None = None
        self._pinned: dict[str, int] = {}

    def twin(self) -> ImapSource:
        """A second, independent connection to the same account: IDLE, and the bodies of a sync."""
        return ImapSource(self.config, self._password, self._ssl_context, self._timeout)

    def pin_validity(self, folder_id: str, validity: int | None) -> None:
        """Stream from `folder_id` only while its UIDVALIDITY is `validity` (None: any).

        The sync engine pins the twin that fetches bodies to the UIDVALIDITY its
        headers were listed under; a mailbox recreated meanwhile makes the
        stream raise `NotFound` rather than deliver a new mail for an old UID.
        """
        if validity is None:
            self._pinned.pop(folder_id, None)
        else:
            self._pinned[folder_id] = validity

    # -- connection ---------------------------------------------------------------
    def connect(self) -> IMAPClient:
        """Connect and log in (again, after a drop); raises our errors only."""
        if self._client is not None:
            return self._client
        config = self.config
        context: ssl.SSLContext | None = None
        if config.imap_security is not Security.NONE:
            if self._ssl_context is None:
                # Once per source, then handed to its twins: loading the system's trust
                # store takes ~25 ms, on the path of every sync's first connection.
                self._ssl_context = tls_context()
            context = self._ssl_context
        try:
            client = IMAPClient(
                config.imap_host, port=config.imap_port, ssl=config.imap_security is Security.SSL,
                ssl_context=context, timeout=SocketTimeout(connect=self._timeout, read=self._timeout),
            )
        except Exception as error:
            raise connect_error(error) from error
        try:
            _widen_reader(client)
            if config.imap_security is Security.STARTTLS:
                if not client.has_capability("STARTTLS"):
                    raise ConnectFailed(ConnectProblem.NO_STARTTLS, config.imap_host)
                client.starttls(context)
                _widen_reader(client)
            client.login(config.username, self._password)
            self._condstore = client.has_capability("CONDSTORE")
            if self._condstore:
                client.enable("CONDSTORE")
        except LoginError as error:
            _close_quietly(client)
            raise AuthExpired(_text(error)) from error
        except SourceError:
            _close_quietly(client)
            raise
        except (IMAPClientError, *_DROPS) as error:
            _close_quietly(client)
            raise connect_error(error) from error
        self._client = client
        self._selected = None
        return client

    def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            try:
                client.logout()
            except Exception:  # already gone: nothing to tell the server
                _close_quietly(client)
        self._selected = None

    def _drop(self) -> None:
        if self._client is not None:
            _close_quietly(self._client)
        self._client = None
        self._selected = None

    def _run(self, operation: Callable[[IMAPClient], T], repeatable: bool = True) -> T:
        """Run one step; after a drop reconnect and run it once more when that is safe."""
        for attempt in (1, 2):
            client = self.connect()
            try:
                return operation(client)
            except SourceError:
                raise
            except IMAPClientAbortError as error:
                self._drop()
                if not repeatable or attempt == 2:
                    raise NetworkDown(_text(error)) from error
            except IMAPClientError as error:
                raise ServerRejected(_text(error)) from error
            except _DROPS as error:
                self._drop()
                if not repeatable or attempt == 2:
                    raise connect_error(error) from error
        raise AssertionError("unreachable")

    def _select(self, client: IMAPClient, folder_id: str) -> dict[bytes, Any]:
        if self._selected != folder_id:
            try:
                self._select_info = client.select_folder(folder_id)
            except IMAPClientAbortError:
                raise
            except IMAPClientError as error:
                raise NotFound(folder_id) from error
            self._selected = folder_id
        return self._select_info

    def _fetch(self, client: IMAPClient, uid_set: str, items: Sequence[str],
               modifiers: Sequence[str] = ()) -> dict[int, dict[bytes, Any]]:
        # IMAPClient's own fetch() re-filters replies by the UIDs it was given and so
        # cannot take a range ("1:500"); this is its code path without that filter.
        imap = client._imap
        args = ["UID", "FETCH", uid_set, "(" + " ".join(items) + ")"]
        if modifiers:
            args.append("(" + " ".join(modifiers) + ")")
        tag = imap._command(*args)
        typ, data = imap._command_complete("FETCH", tag)
        if typ != "OK":
            raise IMAPClientError(f"FETCH failed: {data!r}")
        typ, data = imap._untagged_response(typ, data, "FETCH")
        parsed: dict[int, dict[bytes, Any]] = parse_fetch_response(data, client.normalise_times, True)
        return parsed

    def _stream(self, folder: Folder, uids: Sequence[int], items: str) -> Iterator[tuple[int, dict[bytes, Value]]]:
        """(UID, FETCH items) of each UID that still exists, streamed; resumes after a drop.

        After a drop the connection is reopened and only the UIDs not delivered
        yet are asked for again; a second drop without a message in between is
        the end (NetworkDown). Whatever stops the stream half-way (an error, the
        caller letting go) closes the connection: its responses are out of step.
        """
        pending = list(dict.fromkeys(uids))  # the caller's order (newest first) across commands
        delivered: set[int] = set()
        retried = False
        while pending:
            client = self.connect()
            finished = False
            progressed = False
            try:
                info = self._select(client, folder.id)
                pinned = self._pinned.get(folder.id)
                if pinned is not None and int(info.get(b"UIDVALIDITY", 0)) != pinned:
                    raise NotFound(f"{folder.id}: UIDVALIDITY is no longer {pinned}")
                imap = client._imap
                pipeline = FetchPipeline(imap.send, imap.file)
                chunks = [uid_ranges(pending[i : i + FETCH_CHUNK]) for i in range(0, len(pending), FETCH_CHUNK)]
                for values in pipeline.fetch(chunks, items):
                    uid = number(values, b"UID")
                    if uid is None or uid in delivered:
                        continue
                    delivered.add(uid)
                    progressed = True
                    yield uid, values
                finished = True
                return
            except WireError as error:
                raise ServerRejected(str(error)) from error
            except IMAPClientAbortError as error:
                if retried and not progressed:
                    raise NetworkDown(_text(error)) from error
            except IMAPClientError as error:
                raise ServerRejected(_text(error)) from error
            except _DROPS as error:
                if retried and not progressed:
                    raise connect_error(error) from error
            finally:
                if not finished:
                    self._drop()
            retried = True
            pending = [uid for uid in pending if uid not in delivered]

    def _header_rows(self, folder: Folder, keys: Sequence[str]) -> Iterator[RemoteHeader]:
        folder_id = folder.id
        for uid, values in self._stream(folder, [int(k) for k in keys], _HEADER_ITEMS):
            # Subject and From stay as sent until the row is shown (`Header.listed`).
            raw_subject, raw_sender, date, message_id = read_listing(section(values) or b"")
            # Most new mail has no flags: skip building (and hashing into) a set for it.
            flags = _flags(flag_list(values)) if values.get(b"FLAGS") else _NO_FLAGS
            yield RemoteHeader(
                Header.listed(
                    MessageRef(folder_id, str(uid)), raw_subject, raw_sender, date,
                    bool(flags) and Flag.SEEN in flags, number(values, b"RFC822.SIZE") or 0, decode_listed,
                ),
                message_id=message_id,
                flags=flags,
            )

    def _bodies(self, folder: Folder, keys: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        for uid, values in self._stream(folder, [int(k) for k in keys], _BODY_ITEMS):
            raw = section(values)
            if raw is not None:  # NIL: expunged meanwhile; the next snapshot lets it go
                yield str(uid), raw

    # -- folders ---------------------------------------------------------------------
    def folders(self) -> list[Folder]:
        def listing(client: IMAPClient) -> list[Folder]:
            found: list[Folder] = []
            for flags, _delimiter, name in client.list_folders():
                if b"\\Noselect" in flags or b"\\NonExistent" in flags:
                    continue
                name = name if isinstance(name, str) else name.decode("utf-8", "replace")
                role = next((r for f, r in _SPECIAL_USE.items() if f in flags), None)
                if name.upper() == "INBOX":
                    role = FolderRole.INBOX
                found.append(Folder(id=name, name=name, role=role or role_for_name(name)))
            found.sort(key=lambda f: (f.role is not FolderRole.INBOX, f.name))
            return found

        self._folders = self._run(listing)
        return list(self._folders)

    def _folder_with_role(self, role: FolderRole) -> Folder | None:
        folders = self._folders if self._folders is not None else self.folders()
        return next((f for f in folders if f.role is role), None)

    # -- sync -------------------------------------------------------------------------
    def snapshot(self, folder: Folder, since: SyncState | None) -> FolderSnapshot:
        saved: dict[str, int] = json.loads(since.token) if since is not None else {}

        def take(client: IMAPClient) -> FolderSnapshot:
            self._selected = None  # SELECT again: UIDVALIDITY/UIDNEXT must be fresh
            info = self._select(client, folder.id)
            validity = int(info.get(b"UIDVALIDITY", 0))
            next_uid = int(info[b"UIDNEXT"]) if b"UIDNEXT" in info else None
            modseq = int(info[b"HIGHESTMODSEQ"]) if self._condstore and b"HIGHESTMODSEQ" in info else None
            reset = bool(saved) and saved.get("v") != validity
            uids: list[int] = list(client.search("ALL")) if info.get(b"EXISTS", 1) else []
            flags: dict[str, frozenset[Flag]] = {}
            if uids:
                if modseq is not None and not reset and saved.get("m"):
                    changed = self._fetch(client, "1:*", ["FLAGS"], [f"CHANGEDSINCE {saved['m']}"])
                    flags = {str(uid): _flags(v.get(b"FLAGS", ())) for uid, v in changed.items()}
                elif saved and not reset:
                    # No CONDSTORE: a plain scan of every message's flags, batch by batch.
                    for start in range(0, len(uids), BATCH * 4):
                        chunk = self._fetch(client, uid_ranges(uids[start : start + BATCH * 4]), ["FLAGS"])
                        flags.update({str(uid): _flags(v.get(b"FLAGS", ())) for uid, v in chunk.items()})
            token = json.dumps({"v": validity, "m": modseq or 0})
            return FolderSnapshot(
                state=SyncState(token), keys=tuple(str(u) for u in sorted(uids)), reset=reset, flags=flags,
                validity=validity, next_key=next_uid, modseq=modseq,
            )

        return self._run(take)

    def headers_for(self, folder: Folder, keys: Sequence[str]) -> list[RemoteHeader]:
        rows = list(self._header_rows(folder, keys))
        rows.sort(key=lambda row: int(row.header.ref.key))
        return rows

    def header_batches(self, folder: Folder, keys: Sequence[str], size: int = BATCH) -> Iterator[list[RemoteHeader]]:
        """Header rows of `keys` in lists of `size`, streamed: the server works while a list is stored."""
        batch: list[RemoteHeader] = []
        for row in self._header_rows(folder, keys):
            batch.append(row)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def bodies_for(self, folder: Folder, keys: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        yield from self._bodies(folder, keys)

    def body_batches(
        self, folder: Folder, keys: Sequence[str], max_count: int = BATCH, max_bytes: int = BODY_BATCH_BYTES
    ) -> Iterator[list[tuple[str, bytes]]]:
        """Raw bodies of `keys` in lists of at most `max_count` mails or `max_bytes` (a bigger mail alone)."""
        return group_bodies(self._bodies(folder, keys), max_count, max_bytes)

    def set_flag(self, ref: MessageRef, flag: Flag, on: bool = True) -> None:
        def store(client: IMAPClient) -> None:
            self._select(client, ref.folder_id)
            if on:
                client.add_flags([int(ref.key)], [_IMAP_FLAG[flag]], silent=True)
            else:
                client.remove_flags([int(ref.key)], [_IMAP_FLAG[flag]], silent=True)

        self._run(store)

    # -- MailSource -------------------------------------------------------------------
    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]:
        keys = self.snapshot(folder, None).keys
        for start in range(0, len(keys), BATCH):
            for row in self.headers_for(folder, keys[start : start + BATCH]):
                yield row.header

    def fetch(self, ref: MessageRef) -> bytes:
        if not ref.key.isdigit():
            raise NotFound(f"{ref.folder_id}/{ref.key}")
        # Read the stream to its end: letting go of it half-way closes the connection.
        found = dict(self.bodies_for(Folder(ref.folder_id, ref.folder_id), [ref.key]))
        if ref.key in found:
            return found[ref.key]
        raise NotFound(f"{ref.folder_id}/{ref.key}")

    def mark_read(self, ref: MessageRef, read: bool = True) -> None:
        self.set_flag(ref, Flag.SEEN, read)

    # -- sending support ----------------------------------------------------------------
    def sent_folder(self) -> Folder:
        """The Sent folder; created (as "Sent") when the account has none."""
        found = self._folder_with_role(FolderRole.SENT)
        if found is not None:
            return found
        self._run(lambda client: client.create_folder("Sent"), repeatable=False)
        self._folders = None
        return self._folder_with_role(FolderRole.SENT) or Folder("Sent", "Sent", FolderRole.SENT)

    def append(self, folder: Folder, raw: bytes, flags: Sequence[Flag] = (Flag.SEEN,)) -> None:
        # Not repeatable: APPEND after a drop may already have landed.
        self._run(lambda client: client.append(folder.id, raw, [_IMAP_FLAG[f] for f in flags]), repeatable=False)
        if self._selected == folder.id:
            self._selected = None  # the selected view is stale until SELECT again

    def find_message_id(self, folder: Folder, message_id: str) -> list[str]:
        def search(client: IMAPClient) -> list[str]:
            self._selected = None  # a fresh SELECT sees messages appended since
            self._select(client, folder.id)
            return [str(uid) for uid in client.search(["HEADER", "Message-ID", message_id])]

        return self._run(search)

    def find_sent(self, message_id: str) -> bool | None:
        """Whether Sent holds this Message-ID; None when the server cannot be asked now."""
        try:
            return bool(self.find_message_id(self.sent_folder(), message_id))
        except NetworkDown:
            return None

    # -- new mail ---------------------------------------------------------------------------
    def idle_wait(self, folder: Folder, seconds: float, stop: threading.Event | None = None) -> bool:
        """Wait up to `seconds` in IDLE; True as soon as the server reports a change.

        Needs its own connection (its own `ImapSource`): IDLE blocks the connection.
        """
        client = self.connect()
        try:
            self._select(client, folder.id)
            client.idle()
            waited = 0.0
            changed = False
            while waited < seconds and not (stop is not None and stop.is_set()):
                responses = client.idle_check(timeout=1.0)
                waited += 1.0
                if any(r[1] in (b"EXISTS", b"EXPUNGE", b"FETCH") for r in responses if len(r) > 1):
                    changed = True
                    break
            client.idle_done()
            return changed
        except IMAPClientError as error:
            raise ServerRejected(_text(error)) from error
        except _DROPS as error:
            self._drop()
            raise connect_error(error) from error


def _text(error: BaseException) -> str:
    text = str(error)
    return text[2:-1] if text.startswith(("b'", 'b"')) else text


def _close_quietly(client: IMAPClient) -> None:
    with contextlib.suppress(OSError, IMAPClientError, AttributeError, socket.error):
        client.shutdown()
