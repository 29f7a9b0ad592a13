"""One Aizuchi per data dir: a lock file held with the OS's own lock for the life of the process.

Two copies of the app on one store could each take the other's `sending` item for a
crashed one and send it again (issue 14). The window and `aizuchi sync` take the lock
at start (`acquire`); a second start is told which process has it. The lock is the
kernel's (`flock` on POSIX, `msvcrt.locking` on Windows), so it goes with the process,
however it ends: a lock file left behind by a killed process locks nothing.

`Outbox.recover` runs only under the lock (`guarded`): held by this process, or taken
for the moment; held by another, nothing is recovered.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from app.store.db import StoreProblem, StoreUnusable

LOCK_NAME = "aizuchi.lock"

_held: dict[Path, IO[bytes]] = {}
_mutex = threading.Lock()


class AlreadyRunning(Exception):
    """Another process holds the data dir's lock."""

    def __init__(self, data_dir: Path, pid: int | None) -> None:
        super().__init__(f"another Aizuchi (pid {pid}) uses {data_dir}")
        self.data_dir = data_dir
        self.pid = pid

    def japanese(self) -> str:
        who = f"（プロセス {self.pid}）" if self.pid else ""
        return (f"相槌はすでに起動しています{who}。同じデータフォルダ（{self.data_dir}）を"
                "二つの相槌で同時に開くと、返信が二重に送られるおそれがあるため、起動しませんでした。"
                "開いているウィンドウをお使いください。")


def _try_lock(handle: IO[bytes]) -> bool:
    # msvcrt exists only on Windows and fcntl only elsewhere: each is imported where the platform is known.
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _key(data_dir: Path) -> Path:
    return data_dir.resolve()


def holder(data_dir: Path) -> int | None:
    """The pid written by the process holding the lock (None when unreadable)."""
    try:
        text = (data_dir / LOCK_NAME).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def holds(data_dir: Path) -> bool:
    with _mutex:
        return _key(data_dir) in _held


def acquire(data_dir: Path) -> None:
    """Hold the data dir's lock until `release` or the end of the process; raises `AlreadyRunning`.
    Taking it again in the process that holds it does nothing. A data dir that cannot be
    written raises `StoreUnusable` (read-only), as opening the store would."""
    key = _key(data_dir)
    with _mutex:
        if key in _held:
            return
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            handle = open(data_dir / LOCK_NAME, "a+b")  # noqa: SIM115 - kept open while the lock is held
        except OSError as error:
            raise StoreUnusable(StoreProblem.READ_ONLY, data_dir / "aizuchi.sqlite3", str(error)) from error
        if not _try_lock(handle):
            handle.close()
            raise AlreadyRunning(data_dir, holder(data_dir))
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode("ascii"))
        handle.flush()
        _held[key] = handle


def release(data_dir: Path) -> None:
    with _mutex:
        handle = _held.pop(_key(data_dir), None)
    if handle is not None:
        _unlock(handle)
        handle.close()


@contextmanager
def guarded(data_dir: Path) -> Iterator[bool]:
    """True inside when this process has the lock (held already, or taken for the block);
    False when another process holds it."""
    if holds(data_dir):
        yield True
        return
    try:
        acquire(data_dir)
    except AlreadyRunning:
        yield False
        return
    try:
        yield True
    finally:
        release(data_dir)
