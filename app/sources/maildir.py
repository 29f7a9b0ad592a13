"""A local Maildir (Maildir++ sub-folders) as a `MailSource`: the embedded default.

Read state lives in the file name (`:2,S`), as every Maildir tool expects, so the
same mailbox can be shared with mutt, Dovecot or mbsync without surprises.
`MaildirSender` "sends" on a local mailbox: the reply is delivered into
`.Sent` (the demo and offline use), the way a mailer saves its copy.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from itertools import count
from pathlib import Path
from typing import Protocol

from app.mail.headers import read_summary

# Re-exports (marked `X as X`): these value types live in app.model now; code written against
# this module, including other branches, still imports them from here.
from app.model import IndexedHeader as IndexedHeader
from app.sources.base import Folder, FolderRole, Header, MessageRef, OutgoingMessage, SyncState
from app.sources.errors import NotFound, ReadOnlyMailbox
from app.sources.folders import role_for_name

_INFO_SEPARATOR = ":2,"
INBOX_ID = ""


_HEAD_CHUNK = 16384
_HEAD_LIMIT = 256 * 1024  # a header block larger than this is broken anyway


def read_head(path: Path) -> bytes:
    """The header block of a mail file, without reading a possibly huge body."""
    data = b""
    with path.open("rb") as handle:
        while len(data) < _HEAD_LIMIT:
            chunk = handle.read(_HEAD_CHUNK)
            if not chunk:
                break
            data += chunk
            end = min((i for i in (data.find(b"\r\n\r\n"), data.find(b"\n\n")) if i >= 0), default=-1)
            if end >= 0:
                return data[: end + 2]
    return data


def is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


class HeaderIndex(Protocol):
    """A folder's headers kept between starts (`app.store.local_index.LocalIndex`)."""

    def load(self, mailbox: str, folder_id: str) -> dict[str, IndexedHeader]: ...

    def update(self, mailbox: str, folder_id: str, changed: Iterable[tuple[str, IndexedHeader]],
               gone: Iterable[str]) -> None: ...

    def file_state(self, mailbox: str, folder_id: str) -> tuple[int, int] | None: ...

    def update_file(self, mailbox: str, folder_id: str, changed: Iterable[tuple[str, IndexedHeader]],
                    gone: Iterable[str], size: int, mtime_ns: int) -> None: ...

    def newest(self, mailbox: str, folder_id: str, count: int) -> list[tuple[str, IndexedHeader]]: ...


def delivered(name: str) -> int:
    """When a Maildir file was delivered, as its name says (`<seconds>.<unique>.<host>`); 0 when it does not."""
    head = name.partition(".")[0]
    return int(head) if head.isdigit() else 0


class MaildirSource:
    """Inbox at the root, Maildir++ folders as `.Name` sub-directories.

    Each folder's key → (sub-directory, file name) is remembered from its last
    listing, so `fetch` opens one file instead of listing the folder. A name that
    is no longer there (another program moved the mail from `new/` to `cur/` or
    changed its flags) makes the folder listed again once, then looked up anew.
    """

    def __init__(self, root: Path, index: HeaderIndex | None = None) -> None:
        if not is_maildir(root):
            raise NotFound(str(root))
        self.root = root
        self.index = index  # with one, a listing opens only the files new since the last one
        self._names: dict[str, dict[str, tuple[str, str]]] = {}  # folder id → key → (sub, name)
        self._names_lock = threading.Lock()  # the mail lane and the memory build both fetch

    # -- folders ---------------------------------------------------------
    def folders(self) -> list[Folder]:
        found = [Folder(id=INBOX_ID, name="INBOX", role=FolderRole.INBOX)]
        subdirs = sorted(
            entry.name for entry in self.root.iterdir() if entry.name.startswith(".") and is_maildir(entry)
        )
        for dirname in subdirs:
            name = dirname[1:]
            found.append(Folder(id=dirname, name=name, role=role_for_name(name)))
        return found

    def _folder_dir(self, folder_id: str) -> Path:
        path = self.root / folder_id if folder_id else self.root
        if folder_id and (not folder_id.startswith(".") or "/" in folder_id or not is_maildir(path)):
            raise NotFound(folder_id)
        return path

    # -- messages --------------------------------------------------------
    def _entries(self, folder_dir: Path, folder_id: str | None = None) -> Iterator[tuple[str, str, str, str]]:
        """(key, sub-directory, file name, flags) for every message; dot files are not mail.

        Names, not paths: a folder of 100,000 would otherwise build 100,000 path objects
        to read a handful. With `folder_id`, the listing also becomes that folder's name index.
        """
        names_of: dict[str, tuple[str, str]] = {}
        listed: list[tuple[str, str, str, str]] = []
        for sub in ("new", "cur"):
            try:
                names = os.listdir(folder_dir / sub)
            except FileNotFoundError:
                continue
            for name in names:
                if name.startswith("."):
                    continue
                key, _, flags = name.partition(_INFO_SEPARATOR)
                names_of[key] = (sub, name)
                listed.append((key, sub, name, flags if sub == "cur" else ""))
        if folder_id is not None:
            with self._names_lock:
                self._names[folder_id] = names_of
        yield from listed

    def _indexed(self, folder_id: str, key: str) -> tuple[str, str] | None:
        with self._names_lock:
            names = self._names.get(folder_id)
            return None if names is None else names.get(key)

    def _locate(self, ref: MessageRef, fresh: bool = False) -> tuple[Path, str]:
        """The message's file and flags: from the index, or after one new listing of its folder."""
        folder_dir = self._folder_dir(ref.folder_id)
        known = None if fresh else self._indexed(ref.folder_id, ref.key)
        if known is not None:
            path = folder_dir / known[0] / known[1]
            if path.exists():
                return path, self._flags(known)
        for _ in self._entries(folder_dir, ref.folder_id):  # moved or renamed meanwhile: list once
            pass
        known = self._indexed(ref.folder_id, ref.key)
        if known is None:
            raise NotFound(f"{ref.folder_id}/{ref.key}")
        return folder_dir / known[0] / known[1], self._flags(known)

    @staticmethod
    def _flags(known: tuple[str, str]) -> str:
        sub, name = known
        return name.partition(_INFO_SEPARATOR)[2] if sub == "cur" else ""

    def _remember(self, folder_id: str, key: str, path: Path) -> None:
        with self._names_lock:
            names = self._names.get(folder_id)
            if names is not None:
                names[key] = (path.parent.name, path.name)

    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]:
        if self.index is not None:
            yield from self._indexed_headers(folder, self.index)
            return
        folder_dir = self._folder_dir(folder.id)
        for key, sub, name, flags in self._entries(folder_dir, folder.id):
            found = self._read_header(folder_dir / sub / name)
            if found is not None:
                yield self._header(folder.id, key, found, flags)

    def newest(self, folder: Folder, count: int) -> list[Header]:
        """About the folder's newest `count` mails, at once, for the first screenful (`headers` follows).

        From the store's index when it knows the folder (no file opened; a mail delivered
        since the last listing waits for `headers`); else the `count` files whose names
        say they were delivered last, only those opened. Newest first by Date."""
        folder_dir = self._folder_dir(folder.id)
        found: list[Header] = []
        known = self.index.newest(str(self.root.resolve()), folder.id, count) if self.index is not None else []
        if known:
            for key, header in known:
                sub, _, name = header.name.partition("/")
                found.append(self._header(folder.id, key, header, self._flags((sub, name))))
        else:
            names = []
            for sub in ("new", "cur"):
                try:
                    names += [(delivered(name), sub, name) for name in os.listdir(folder_dir / sub)
                              if not name.startswith(".")]
                except FileNotFoundError:
                    continue
            for _when, sub, name in heapq.nlargest(count, names):
                read = self._read_header(folder_dir / sub / name)
                if read is not None:
                    key = name.partition(_INFO_SEPARATOR)[0]
                    self._remember(folder.id, key, folder_dir / sub / name)
                    found.append(self._header(folder.id, key, read, self._flags((sub, name))))
        return sorted(found, key=lambda h: h.date.timestamp() if h.date else float("-inf"), reverse=True)

    @staticmethod
    def _read_header(path: Path) -> IndexedHeader | None:
        try:
            head = read_head(path)
            size = path.stat().st_size
        except FileNotFoundError:  # moved by another program meanwhile
            return None
        summary = read_summary(head)
        return IndexedHeader(f"{path.parent.name}/{path.name}", summary.subject, summary.sender, summary.date, size)

    @staticmethod
    def _header(folder_id: str, key: str, found: IndexedHeader, flags: str) -> Header:
        return Header(MessageRef(folder_id, key), found.subject, found.sender, found.date, "S" in flags, found.size)

    def _indexed_headers(self, folder: Folder, index: HeaderIndex) -> Iterator[Header]:
        """The folder's rows from the index; only files new since the last listing are opened.

        The index learns the changes once the whole folder is listed (a listing stopped
        half-way, at shutdown, writes nothing and the next one reads those files again).
        """
        mailbox = str(self.root.resolve())
        known = index.load(mailbox, folder.id)
        changed: list[tuple[str, IndexedHeader]] = []
        listed: set[str] = set()
        folder_dir = self._folder_dir(folder.id)
        for key, sub, file_name, flags in self._entries(folder_dir, folder.id):
            listed.add(key)
            name = f"{sub}/{file_name}"
            found = known.get(key)
            if found is None:
                found = self._read_header(folder_dir / sub / file_name)
                if found is None:
                    continue
                changed.append((key, found))
            elif found.name != name:  # moved to cur/ or flags changed: same mail, same header
                found = IndexedHeader(name, found.subject, found.sender, found.date, found.size)
                changed.append((key, found))
            yield self._header(folder.id, key, found, flags)
        gone = known.keys() - listed
        if changed or gone:
            index.update(mailbox, folder.id, changed, gone)

    def answered_keys(self, folder: Folder) -> set[str]:
        """Keys of the folder's messages flagged `R` (replied to): the list's reply arrows."""
        entries = self._entries(self._folder_dir(folder.id), folder.id)
        return {key for key, _sub, _name, flags in entries if "R" in flags}

    def fetch(self, ref: MessageRef) -> bytes:
        path, _ = self._locate(ref)
        try:
            return path.read_bytes()
        except FileNotFoundError:  # moved between the look-up and the read
            path, _ = self._locate(ref, fresh=True)
            return path.read_bytes()

    def mark_read(self, ref: MessageRef, read: bool = True) -> None:
        self._set_flag(ref, "S", read)

    def mark_answered(self, ref: MessageRef) -> None:
        """The `R` flag (IMAP \\Answered): the list shows the mail as replied to."""
        self._set_flag(ref, "R", True)

    def _set_flag(self, ref: MessageRef, flag: str, on: bool) -> None:
        path, flags = self._locate(ref)
        new_flags = set(flags)
        if on:
            new_flags.add(flag)
        else:
            new_flags.discard(flag)
        # Maildir wants flags in ASCII order, and a message seen once lives in cur/.
        target = path.parent.parent / "cur" / f"{ref.key}{_INFO_SEPARATOR}{''.join(sorted(new_flags))}"
        if target != path:
            os.replace(path, target)
            self._remember(ref.folder_id, ref.key, target)


SENT_DIR = ".Sent"
_PROBE = ".aizuchi-write-check"  # a dot name: every Maildir reader skips it


def unwritable_folder(root: Path) -> Path | None:
    """The first folder of a Maildir that cannot be written (read state, replies filed in Sent
    need it), or None. Checked by writing — an empty dot file, removed at once — because
    permission bits do not tell (a root process ignores them; a read-only disk ignores them)."""
    folders = [root / "cur", root / "new"]
    sent = root / SENT_DIR
    folders += [sent / "tmp", sent / "cur"] if sent.is_dir() else [root]
    for folder in folders:
        if not folder.is_dir():
            continue
        probe = folder / f"{_PROBE}.{os.getpid()}"
        try:
            fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another check of ours just now: it could write
        except OSError:
            return folder
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(probe)
    return None
_deliveries = count(1)


def _unique_name() -> str:
    # The Maildir naming scheme: time, a per-process unique part, host.
    host = socket.gethostname().replace("/", "\\057").replace(":", "\\072") or "localhost"
    return f"{int(time.time())}.M{time.time_ns() % 1_000_000}P{os.getpid()}Q{next(_deliveries)}.{host}"


class MaildirSender:
    """Delivers replies into the mailbox's own `.Sent` folder, flagged seen."""

    def __init__(self, root: Path) -> None:
        if not is_maildir(root):
            raise NotFound(str(root))
        self.root = root
        self.sent = root / SENT_DIR

    def _ensure_sent(self) -> None:
        for sub in ("tmp", "new", "cur"):
            (self.sent / sub).mkdir(parents=True, exist_ok=True)

    def send(self, message: OutgoingMessage) -> None:
        """Write to `tmp/`, fsync, then rename into `cur/` with `:2,S`: never a half-written mail.

        A folder that cannot be written raises `ReadOnlyMailbox`: up to the rename nothing is
        delivered (a file left in `tmp/` is no mail), so the outbox can say "not sent" for sure."""
        try:
            self._ensure_sent()
        except OSError as error:
            raise ReadOnlyMailbox(str(self.sent), error.strerror or str(error)) from error
        if self.find_sent(message.message_id):
            return  # already there: sending twice would show the reply twice
        name = _unique_name()
        temp = self.sent / "tmp" / name
        try:
            with temp.open("wb") as handle:
                handle.write(message.raw)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.sent / "cur" / f"{name}{_INFO_SEPARATOR}S")
        except OSError as error:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise ReadOnlyMailbox(str(self.sent), error.strerror or str(error)) from error

    def find_sent(self, message_id: str) -> bool | None:
        if not message_id or not is_maildir(self.sent):
            return False
        for sub in ("cur", "new"):
            try:
                entries = list((self.sent / sub).iterdir())
            except FileNotFoundError:
                continue
            for path in entries:
                if path.name.startswith("."):
                    continue
                try:
                    head = read_head(path)
                except FileNotFoundError:
                    continue
                if read_summary(head).message_id == message_id:
                    return True
        return False
