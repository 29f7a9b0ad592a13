"""`group_bodies`: batches by count and size, and what a failing stream still hands over."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.sources.delta import group_bodies
from app.sources.errors import NetworkDown


def _stream(count: int, fail: bool) -> Iterator[tuple[str, bytes]]:
    for index in range(count):
        yield str(index), b"x" * 10
    if fail:
        raise NetworkDown("gone")


def test_batches_by_count_and_by_size() -> None:
    assert [len(b) for b in group_bodies(_stream(7, False), 3, 1000)] == [3, 3, 1]
    assert [len(b) for b in group_bodies(_stream(7, False), 100, 25)] == [2, 2, 2, 1]


def test_a_failing_stream_hands_over_what_arrived_then_fails() -> None:
    got: list[list[tuple[str, bytes]]] = []
    with pytest.raises(NetworkDown):
        for batch in group_bodies(_stream(7, True), 3, 1000):
            got.append(batch)
    assert [[key for key, _raw in batch] for batch in got] == [["0", "1", "2"], ["3", "4", "5"], ["6"]]


def test_a_caller_that_lets_go_gets_nothing_more() -> None:
    batches = group_bodies(_stream(7, True), 3, 1000)
    assert len(next(batches)) == 3
    batches.close()  # the stream's connection is let go; no last batch is forced on anyone
