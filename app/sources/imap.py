"""An IMAP mailbox (rental servers, Gmail/iCloud/Yahoo! with app passwords) via IMAPClient.

Owns the IMAP conversation: connecting (SSL/TLS, STARTTLS, or plain on loopback),
logging in, listing folders (IMAPClient decodes modified UTF-7: 送信済み,
迷惑メール), the incremental snapshot the sync engine asks for (UIDVALIDITY, UID
list, flags changed since HIGHESTMODSEQ with CONDSTORE or a plain scan without),
fetching headers and bodies in batches, flags, APPEND to Sent, a Message-ID
lookup (so the outbox can tell whether an unknown send went out), and IDLE.

Speed (RECIPES.md): header rows come from `BODY.PEEK[HEADER.FIELDS (...)]` and
`app.mail.headers.read_summary`, never a full MIME parse; UIDs go out as ranges
in batches of 500, bodies in batches capped by size so a folder of 20 MB mails
does not hold gigabytes in memory. A dropped connection is reopened once for
commands that are safe to repeat; APPEND is never repeated blindly.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import ssl
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError
from imapclient.response_parser import parse_fetch_response

from app.mail.headers import read_summary
from app.sources.base import Folder, FolderRole, Header, MessageRef, SyncState
from app.sources.connection import DEFAULT_TIMEOUT, AccountConfig, Security, connect_error, tls_context
from app.sources.delta import Flag, FolderSnapshot, RemoteHeader
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

T = TypeVar("T")

BATCH = 500
BODY_BATCH_BYTES = 24 * 1024 * 1024
_HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS (SUBJECT FROM DATE MESSAGE-ID)]"
_FLAG_NAMES = {b"\\Seen": Flag.SEEN, b"\\Answered": Flag.ANSWERED, b"\\Flagged": Flag.FLAGGED}
_IMAP_FLAG = {flag: name for name, flag in _FLAG_NAMES.items()}
_SPECIAL_USE = {
    b"\\Sent": FolderRole.SENT, b"\\Drafts": FolderRole.DRAFTS, b"\\Trash": FolderRole.TRASH,
    b"\\Junk": FolderRole.JUNK,
}
_UID = re.compile(rb"\bUID (\d+)")
_SIZE = re.compile(rb"\bRFC822\.SIZE (\d+)")
_FLAGS_TEXT = re.compile(rb"\bFLAGS \(([^)]*)\)")
_MESSAGE_START = re.compile(rb"^\d+ \(")
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


def _item(values: dict[bytes, Any], prefix: bytes) -> Any:
    for key, value in values.items():
        if key.startswith(prefix):
            return value
    return None


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

    def twin(self) -> ImapSource:
        """A second, independent connection to the same account (for IDLE)."""
        return ImapSource(self.config, self._password, self._ssl_context, self._timeout)

    # -- connection ---------------------------------------------------------------
    def connect(self) -> IMAPClient:
        """Connect and log in (again, after a drop); raises our errors only."""
        if self._client is not None:
            return self._client
        config = self.config
        context = self._ssl_context or tls_context()
        try:
            client = IMAPClient(
                config.imap_host, port=config.imap_port, ssl=config.imap_security is Security.SSL,
                ssl_context=context, timeout=SocketTimeout(connect=self._timeout, read=self._timeout),
            )
        except Exception as error:
            raise connect_error(error) from error
        try:
            if config.imap_security is Security.STARTTLS:
                if not client.has_capability("STARTTLS"):
                    raise ConnectFailed(ConnectProblem.NO_STARTTLS, config.imap_host)
                client.starttls(context)
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

    def _fetch_literals(self, client: IMAPClient, uid_set: str, items: Sequence[str]) -> dict[int, tuple[bytes, bytes]]:
        """uid → (the response's non-literal text, its one literal): the hot path of a sync.

        IMAPClient's general parser tokenises every byte in Python, which costs more
        than the transfer for 10,000 mails; a FETCH with one literal per message
        needs only the UID, FLAGS and RFC822.SIZE picked out of the text around it.
        """
        imap = client._imap
        tag = imap._command("UID", "FETCH", uid_set, "(" + " ".join(items) + ")")
        typ, data = imap._command_complete("FETCH", tag)
        if typ != "OK":
            raise IMAPClientError(f"FETCH failed: {data!r}")
        typ, data = imap._untagged_response(typ, data, "FETCH")
        found: dict[int, tuple[bytes, bytes]] = {}
        meta: list[bytes] = []
        literal = b""

        def flush() -> None:
            text = b"".join(meta)
            match = _UID.search(text)
            if match is not None:
                found[int(match.group(1))] = (text, literal)

        for part in data:
            if isinstance(part, tuple):
                if meta:
                    flush()
                meta, literal = [part[0]], part[1]
            elif isinstance(part, bytes):
                if _MESSAGE_START.match(part):
                    if meta:
                        flush()
                    meta, literal = [part], b""
                else:
                    meta.append(part)
        if meta:
            flush()
        return found

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
        if not keys:
            return []

        def fetch(client: IMAPClient) -> list[RemoteHeader]:
            self._select(client, folder.id)
            data = self._fetch_literals(
                client, uid_ranges([int(k) for k in keys]), ["FLAGS", "RFC822.SIZE", _HEADER_ITEM]
            )
            rows = []
            for uid in sorted(data):
                text, head = data[uid]
                summary = read_summary(head)
                flag_match = _FLAGS_TEXT.search(text)
                flags = _flags(flag_match.group(1).split() if flag_match else ())
                size_match = _SIZE.search(text)
                rows.append(RemoteHeader(
                    Header(
                        ref=MessageRef(folder.id, str(uid)), subject=summary.subject, sender=summary.sender,
                        date=summary.date, seen=Flag.SEEN in flags, size=int(size_match.group(1)) if size_match else 0,
                    ),
                    message_id=summary.message_id,
                    flags=flags,
                ))
            return rows

        return self._run(fetch)

    def bodies_for(self, folder: Folder, keys: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        if not keys:
            return

        def fetch(client: IMAPClient) -> list[tuple[str, bytes]]:
            self._select(client, folder.id)
            data = self._fetch_literals(client, uid_ranges([int(k) for k in keys]), ["BODY.PEEK[]"])
            return [(str(uid), literal) for uid, (_text, literal) in sorted(data.items())]

        yield from self._run(fetch)

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
        for key, raw in self.bodies_for(Folder(ref.folder_id, ref.folder_id), [ref.key]):
            if key == ref.key:
                return raw
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
