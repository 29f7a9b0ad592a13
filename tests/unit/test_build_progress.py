"""The memory build's time left: at the rate so far, none before there is a rate."""

from __future__ import annotations

import pytest

from app.customers.build import remaining_seconds


def test_time_left_is_the_mails_left_at_the_rate_so_far() -> None:
    assert remaining_seconds(250, 1000, 10.0) == pytest.approx(30.0)
    assert remaining_seconds(999, 1000, 999.0) == pytest.approx(1.0)


def test_no_time_left_before_a_rate_and_none_left_at_the_end() -> None:
    assert remaining_seconds(0, 1000, 5.0) is None
    assert remaining_seconds(10, 1000, 0.0) is None
    assert remaining_seconds(1000, 1000, 20.0) == 0.0
