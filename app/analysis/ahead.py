"""Tokenising a mail ahead, on a second thread, while the analyser works on it.

Sudachi lets go of the GIL while it tokenises (measured: two threads tokenise
two texts in half the time of one), so its work can run on the other core
beside the analyser's Python rules instead of before them. `Ahead(body)` cuts
the body at line breaks into chunks of about `CHUNK` characters and has one
worker thread tokenise them in order, starting at once, while the analyser is
still zoning the mail; `need()` then narrows the plan to the chunks that hold
sentences worth analysing (a quoted thread or a signature is dropped unread),
and `take(i)` hands over chunk i's words, keeping `DEPTH` chunks in flight.

Cutting at line breaks keeps every chunk's words the words of its lines: no
word runs across a line break. A line too long for one chunk is cut after a
「。」 or, failing that, anywhere; a word cut in two that way is noticed by the
caller (it straddles a sentence edge) and its sentence tokenised again alone.
The worker is one thread for the whole process: analyses from several threads
share it, each waiting only for its own chunks.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Final

from app.analysis.tokenizer import MAX_CHARS, Word, morphemes_of, read

CHUNK: Final = 400  # characters a Sudachi call: small enough that the first is ready while the mail is zoned
DEPTH: Final = 3  # chunks the worker may be ahead of the analyser

_lock = threading.Lock()
_worker: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    # Always under the lock (see tokenizer._get_dictionary: a check outside it races once compiled).
    global _worker
    with _lock:
        if _worker is None:
            _worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aizuchi-sudachi")
        return _worker


def cut(body: str, size: int = CHUNK) -> list[int]:
    """Where each chunk of `body` ends: just after a line break about every `size` characters."""
    ends: list[int] = []
    pos = 0
    n = len(body)
    while pos < n:
        if pos + size >= n:
            ends.append(n)
            break
        limit = min(n, pos + MAX_CHARS)
        end = body.find("\n", pos + size, limit) + 1
        if end <= 0:
            end = body.rfind("。", pos + 1, limit) + 1
            if end <= pos + 1:
                end = limit
        ends.append(end)
        pos = end
    return ends


class Ahead:
    """The chunks of one body, tokenised ahead on the worker thread."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.ends = cut(body)
        self.starts = [0, *self.ends[:-1]] if self.ends else []
        self._futures: dict[int, Future[Any]] = {}
        self._plan: list[int] = list(range(min(DEPTH, len(self.ends))))
        self._next = 0  # index into _plan of the next chunk to submit
        self._fill(DEPTH)

    def chunk_of(self, offset: int) -> int:
        """The chunk holding the character at `offset`."""
        return bisect_right(self.ends, offset)

    def _fill(self, upto: int) -> None:
        worker = _executor()
        while self._next < min(upto, len(self._plan)):
            i = self._plan[self._next]
            if i not in self._futures:
                self._futures[i] = worker.submit(morphemes_of, self.body[self.starts[i] : self.ends[i]])
            self._next += 1

    def need(self, chunks: list[int]) -> None:
        """Only these chunks (ascending) will be taken: the rest are not tokenised, or dropped."""
        wanted = set(chunks)
        for i, future in list(self._futures.items()):
            if i not in wanted:
                future.cancel()
                del self._futures[i]
        self._plan = chunks
        self._next = 0
        self._fill(DEPTH)

    def take(self, at: int) -> tuple[int, list[Word], list[int]]:
        """Chunk `at` (the next of the plan): where it starts, its words, and where each begins in it."""
        self._fill(self._plan.index(at) + 1 + DEPTH)
        future = self._futures.pop(at, None)
        text = self.body[self.starts[at] : self.ends[at]]
        morphemes = future.result() if future is not None else morphemes_of(text)
        words, begins = read(text, morphemes)
        return self.starts[at], words, begins

    def close(self) -> None:
        """Drop what was not taken (an analysis cut short by an error)."""
        for future in self._futures.values():
            future.cancel()
        self._futures.clear()
