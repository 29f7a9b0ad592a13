"""A local mbox file (or a directory of them) as a `MailSource`.

We never rewrite the user's mbox: other programs own that file and a rewrite
can damage 8-bit mail. Read state comes from the `Status:` header the mail
client wrote, plus our own record (`ReadStateFile`) of what was read here.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from hashlib import sha1
from pathlib import Path
from typing import BinaryIO

from app.mail.headers import read_summary
from app.model import Folder, FolderRole, Header, IndexedHeader, MessageRef, SyncState
from app.paths import user_data_dir
from app.sources.errors import NotFound
from app.sources.folders import role_for_name
from app.sources.maildir import HeaderIndex

_FROM_LINE = re.compile(rb"^From [^\r\n]*\r?\n", re.MULTILINE)
_STATUS = re.compile(rb"^(?:X-)?Status:[ \t]*([A-Za-z]*)", re.MULTILINE | re.IGNORECASE)


def is_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # first byte after the "From " separator line
    end: int


def _split(data: bytes) -> list[_Span]:
    """Messages between "From " lines; writers escape a body's "From " as ">From "."""
    starts = [(m.start(), m.end()) for m in _FROM_LINE.finditer(data)]
    spans = []
    for index, (_, body_start) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(data)
        spans.append(_Span(body_start, end))
    return spans


_CHUNK = 65536
_FROM_LINE_LIMIT = 4096  # a separator line longer than this is not one a mail client wrote


def _follows_from_line(handle: BinaryIO, start: int) -> bool:
    """True if a "From " separator line ends right before `start` (the key is a message's offset)."""
    if start <= 0:
        return False
    before = max(0, start - _FROM_LINE_LIMIT)
    handle.seek(before)
    data = handle.read(start - before)
    if not data.endswith(b"\n"):
        return False
    line_start = data.rfind(b"\n", 0, len(data) - 1) + 1
    if line_start == 0 and before > 0:
        return False
    return data.startswith(b"From ", line_start)


def _read_message(handle: BinaryIO, start: int) -> bytes:
    """From `start` to the next "From " line (or the end): one message's bytes, never the whole file."""
    handle.seek(start)
    buffer = bytearray()
    search_from = 0
    while True:
        chunk = handle.read(_CHUNK)
        buffer += chunk
        found = _FROM_LINE.search(buffer, search_from)
        if found is not None:
            return bytes(buffer[: found.start()])
        if not chunk:
            return bytes(buffer)
        # The next search starts at the last, maybe incomplete, line: a separator may straddle chunks.
        search_from = buffer.rfind(b"\n") + 1


def _unescape(raw: bytes) -> bytes:
    # mboxrd quoting: ">From " at a line start was "From " in the mail.
    return re.sub(rb"(?m)^>(>*From )", rb"\1", raw)


class ReadStateFile:
    """Keys of mbox messages marked read in Aizuchi, per mbox file, as JSON."""

    def __init__(self, mbox_path: Path) -> None:
        digest = sha1(str(mbox_path.resolve()).encode("utf-8")).hexdigest()[:16]
        self.path = user_data_dir() / "mbox-state" / f"{digest}.json"

    def load(self) -> dict[str, bool]:
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): bool(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}

    def save(self, state: dict[str, bool]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_suffix(".tmp")
        temp.write_text(json.dumps(state), encoding="utf-8")
        os.replace(temp, self.path)  # atomic: a crash leaves the old state


class MboxSource:
    """One mbox file is one folder; a directory of mbox files is several."""

    def __init__(self, path: Path, index: HeaderIndex | None = None) -> None:
        self.index = index  # with one, an unchanged file is not read, a grown one from its old end
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and is_mbox(p))
        elif path.is_file():
            files = [path]
        else:
            raise NotFound(str(path))
        self._files = {p.name: p for p in files}
        self._single = path.is_file()

    def folders(self) -> list[Folder]:
        result = []
        for name in self._files:
            role = FolderRole.INBOX if self._single else role_for_name(name)
            result.append(Folder(id=name, name=name, role=role))
        return result

    def _file(self, folder_id: str) -> Path:
        try:
            return self._files[folder_id]
        except KeyError:
            raise NotFound(folder_id) from None

    def headers(self, folder: Folder, since: SyncState | None = None) -> Iterator[Header]:
        path = self._file(folder.id)
        read_here = ReadStateFile(path).load()
        if self.index is not None:
            rows = self._indexed_rows(path, folder.id, self.index)
        else:
            rows = self._rows(path.read_bytes(), 0)
        for key, found in rows:
            yield Header(MessageRef(folder.id, key), found.subject, found.sender, found.date,
                         read_here.get(key, found.name == "R"), found.size)

    def _rows(self, data: bytes, base: int) -> list[tuple[str, IndexedHeader]]:
        """(key, header) of every message in `data`, which starts at offset `base` of the file.

        `IndexedHeader.name` holds "R" when the mail client's Status header said read.
        """
        rows = []
        for span in _split(data):
            raw = data[span.start : span.end]
            head_end = raw.find(b"\n\n")
            crlf_end = raw.find(b"\r\n\r\n")
            if crlf_end >= 0 and (head_end < 0 or crlf_end < head_end):
                head_end = crlf_end
            head = raw if head_end < 0 else raw[: head_end + 2]
            summary = read_summary(head)
            status = b"".join(_STATUS.findall(head))
            key = str(base + span.start)
            rows.append((key, IndexedHeader("R" if b"R" in status.upper() else "", summary.subject,
                                            summary.sender, summary.date, span.end - span.start)))
        return rows

    def _indexed_rows(self, path: Path, folder_id: str, index: HeaderIndex) -> list[tuple[str, IndexedHeader]]:
        """The file's rows from the index: unchanged, none read; grown after its old end, the tail only."""
        mailbox = str(path.resolve())
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            state = index.file_state(mailbox, folder_id)
            known = index.load(mailbox, folder_id) if state is not None else {}
            if state == (stat.st_size, stat.st_mtime_ns):
                return sorted(known.items(), key=lambda row: int(row[0]))
            if state is not None and 0 < state[0] < stat.st_size:
                handle.seek(state[0] - 1)
                before = handle.read(1)
                tail = handle.read()
                if before == b"\n" and tail.startswith(b"From ") and known:  # appended: the old rows hold
                    added = self._rows(tail, state[0])
                    index.update_file(mailbox, folder_id, added, (), state[0] + len(tail), stat.st_mtime_ns)
                    return sorted([*known.items(), *added], key=lambda row: int(row[0]))
            handle.seek(0)
            data = handle.read()
        rows = self._rows(data, 0)
        gone = known.keys() - {key for key, _ in rows}
        index.update_file(mailbox, folder_id, rows, gone, len(data), stat.st_mtime_ns)
        return rows

    def fetch(self, ref: MessageRef) -> bytes:
        """The message at the offset its key names: a seek and one message's read, not a scan of the file."""
        path = self._file(ref.folder_id)
        start = int(ref.key) if ref.key.isdigit() else -1
        with path.open("rb") as handle:
            if not _follows_from_line(handle, start):
                raise NotFound(f"{ref.folder_id}/{ref.key}")
            return _unescape(_read_message(handle, start))

    def mark_read(self, ref: MessageRef, read: bool = True) -> None:
        state_file = ReadStateFile(self._file(ref.folder_id))
        state = state_file.load()
        state[ref.key] = read
        state_file.save(state)
