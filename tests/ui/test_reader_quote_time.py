"""On a computer not on Japan time, the reader and the reply's quote line say the same time (QA run, item 5)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.driver import Driver


@pytest.fixture
def utc_computer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_reader_and_quote_agree_off_japan_time(utc_computer: None, qtbot: QtBot, driver: Driver,
                                              dress_subject: str) -> None:
    driver.open(dress_subject)
    shown = driver.window.reader.date.text()  # 「日時: 2026/10/05 03:30」 in the computer's (UTC) time
    hour = re.search(r"(\d{4})/(\d{2})/(\d{2}) (\d{2}:\d{2})", shown)
    assert hour is not None, shown
    driver.reply(wait_review=False)
    draft = driver.window.compose.composer.editor.toPlainText()
    year, month, day, hhmm = hour.groups()
    line = next(line for line in draft.splitlines() if line.endswith(">:"))
    assert line.startswith(f"{year}年{int(month)}月{int(day)}日(") and f" {hhmm} (UTC) " in line, (shown, line)
