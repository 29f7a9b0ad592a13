"""Per-customer memory: what each customer told us, what they asked, how we answered.

- `open_memory(url)`: the memory on the local SQLite file (default) or a team's PostgreSQL.
- `Memory.remember_incoming(message, ref)` / `Memory.remember_reply(outgoing, original)`:
  called by the sync and send paths as mail arrives and leaves.
- `build_memory(...)`: the first-start build from every folder but Drafts, Trash and Junk, stoppable and resumable.
- `Memory.profile_for(message)`: what 「このお客様について」 shows; `Memory.history(id)`:
  our replies' length and warmth, for the review's consistency checks.
- `reference_phrase(...)`: 「以前お話しくださった…」 for the composer.
"""

from __future__ import annotations

from pathlib import Path

from app.customers.build import BuildResult, build_account, build_memory
from app.customers.memory import Memory, MemoryHit
from app.customers.phrases import reference_phrase, summary
from app.customers.sql import make_engine, sqlite_url
from app.store.db import default_path

__all__ = [
    "BuildResult",
    "Memory",
    "MemoryHit",
    "build_account",
    "build_memory",
    "open_memory",
    "reference_phrase",
    "summary",
]


def open_memory(url: str = "", sqlite_path: Path | None = None) -> Memory:
    """The memory at `url` (PostgreSQL, team mode) or, when "", in the local database file."""
    return Memory(make_engine(url or sqlite_url(sqlite_path or default_path())))
