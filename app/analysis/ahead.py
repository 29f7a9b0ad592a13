"""Tokenising a mail ahead, on a second thread, while the analyser works on it.

Sudachi lets go of the GIL while it tokenises (measured: two threads tokenise
two texts in half the time of one), so its work can run on the other core
beside the analyser's Python rules instead of before them. `Ahead(body)` cuts
the body at line breaks into chunks — the first about `FIRST_CHUNK` characters,
each next a third longer, up to `CHUNK` — and has one worker thread tokenise
them in order from the second, while the analyser is still zoning the mail;
`need()` then narrows the plan to the chunks that hold sentences worth analysing
(a quoted thread or a signature is dropped unread), and `take(i)` hands over
chunk i's tokens, keeping `DEPTH` chunks queued. The first chunk of the plan the
analyser tokenises itself when it takes it: the worker needs the GIL to pick up
a job and to hand back its tokens, and the compiled analyser lets go of the GIL
only when it waits, so a first chunk handed to the worker would cost two thread
wake-ups on top of Sudachi's time before the first sentence; tokenising it
itself lets the worker start on the second at that moment. After that the worker
is one chunk ahead of the rules: wall time is about the first chunk's Sudachi
time + the rules + a handover per chunk (each wakes both threads), which is why
chunks grow as the pipeline fills (`make bench` prints the figures).

Cutting at line breaks keeps every chunk's words the words of its lines: no
word runs across a line break. A line too long for one chunk is cut after a
「。」 or, failing that, anywhere; a word cut in two that way is noticed by the
caller (it straddles a sentence edge) and its sentence tokenised again alone.
The worker is one thread for the whole process: analyses from several threads
share it, each waiting only for its own chunks.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_right
from queue import SimpleQueue
from typing import Any, Final

from app.analysis.tokenizer import MAX_CHARS, Token, morphemes_of, read

# Characters a Sudachi call: the first chunk small, since the analyser waits for all of it before its first
# sentence (the worker gets the GIL to start only when the analyser blocks), then each a third larger
# than the one before, as the analyser reads a chunk in about the time Sudachi takes for one a third
# larger, so it never waits long; fewer chunks, fewer handovers (each wakes both threads).
FIRST_CHUNK: Final = 150
CHUNK: Final = 600  # the largest
DEPTH: Final = 3  # chunks the worker may be ahead of the analyser

# The worker's queue: (the Ahead asking, chunk index, text). A plain thread and C-level
# queues rather than an executor's futures: a handover costs a few hundred instructions,
# not thousands of interpreted ones, and there are several per mail.
_jobs: Final[SimpleQueue[tuple[Ahead, int, str]]] = SimpleQueue()
_lock: Final = threading.Lock()
_started: Final[list[threading.Thread]] = []


def _work() -> None:
    while True:
        ahead, index, text = _jobs.get()
        result: Any = None
        if not ahead.closed and index in ahead.wanted:
            try:
                result = morphemes_of(text)
            except Exception as error:  # handed to the analyser, which raises it
                result = error
        ahead.replies.put((index, result))


def _start_worker() -> None:
    with _lock:
        if not _started:
            worker = threading.Thread(target=_work, name="aizuchi-sudachi", daemon=True)
            worker.start()
            _started.append(worker)


def _forget_worker() -> None:
    _started.clear()  # a forked child has no worker thread: start one again when needed


os.register_at_fork(after_in_child=_forget_worker)


def cut(body: str, first: int = FIRST_CHUNK, largest: int = CHUNK) -> list[int]:
    """Where each chunk of `body` ends: just after a line break, the first about `first` characters in,
    each next a third longer, up to `largest`."""
    ends: list[int] = []
    pos = 0
    n = len(body)
    size = first
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
        size = min(largest, size * 4 // 3)
    return ends


class Ahead:
    """The chunks of one body, tokenised ahead on the worker thread."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.ends = cut(body)
        self.starts = [0, *self.ends[:-1]] if self.ends else []
        self.replies: SimpleQueue[tuple[int, Any]] = SimpleQueue()
        self.closed = False
        # Until `need()` says otherwise, the first chunks are wanted: most mails start
        # with the customer's own words.
        self.wanted: set[int] = set(range(min(DEPTH + 1, len(self.ends))))
        self._plan: list[int] = sorted(self.wanted)
        # The first chunk of the plan is not sent: the caller tokenises it itself when it takes it
        # (`take`), letting go of the GIL meanwhile, so the worker starts on the second at that moment
        # instead of being handed the first and handing it back — two thread wake-ups the caller would
        # wait through before its first sentence.
        self._next = 1  # index into _plan of the next chunk to send
        self._sent: set[int] = set()
        self._pending = 0  # replies not yet read
        self._taken = 0  # index into _plan of the next chunk `take` expects
        if self.ends:
            _start_worker()
        self._fill(DEPTH + 1)

    def chunk_of(self, offset: int) -> int:
        """The chunk holding the character at `offset`."""
        return bisect_right(self.ends, offset)

    def _fill(self, upto: int) -> None:
        while self._next < min(upto, len(self._plan)):
            i = self._plan[self._next]
            if i not in self._sent:
                self._sent.add(i)
                self._pending += 1
                _jobs.put((self, i, self.body[self.starts[i] : self.ends[i]]))
            self._next += 1

    def need(self, chunks: list[int]) -> None:
        """Only these chunks (ascending) will be taken: the rest are not tokenised, or dropped."""
        self.wanted = set(chunks)
        self._plan = chunks
        self._next = 1 if chunks and chunks[0] not in self._sent else 0  # the first is the caller's own
        self._taken = 0
        self._fill(DEPTH + 1)

    def take(self, at: int) -> list[Token]:
        """The tokens of chunk `at` (the next of the plan), offsets into the body."""
        self._taken += 1
        self._fill(self._taken + DEPTH + 1)
        text = self.body[self.starts[at] : self.ends[at]]
        morphemes: Any = None
        if at in self._sent:
            # Replies come in the order the chunks were sent; earlier ones are not wanted.
            while True:
                index, result = self.replies.get()
                self._pending -= 1
                if index == at:
                    morphemes = result
                    break
        if isinstance(morphemes, Exception):
            raise morphemes
        if morphemes is None:
            morphemes = morphemes_of(text)
        return read(text, morphemes, self.starts[at])

    def close(self) -> None:
        """Tell the worker to skip what was not taken (the analysis is over or cut short)."""
        self.closed = True
