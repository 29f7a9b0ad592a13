"""The reply's quote line says the time the reader shows: the agent's local time, labelled (QA run, item 5)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from app.identity import ShopIdentity
from app.mail.compose import attribution_line, new_reply, zone_label
from app.model import Address, Message

JST = timezone(timedelta(hours=9))


def _message() -> Message:
    return Message(subject="ドレスについて", sender=Address("前田 莉子", "riko@example.co.jp"),
                   date=datetime(2026, 10, 5, 12, 30, tzinfo=JST), body="ご相談です。")


def test_the_quote_line_is_in_the_agents_zone_and_says_which() -> None:
    shop = ShopIdentity("ルミエール", "shop@example.jp", "", "")
    reply = new_reply(_message(), shop, datetime(2026, 10, 6, 1, 0, tzinfo=UTC))
    # The reader on a UTC computer shows 2026/10/05 03:30; so does the quote, marked as UTC.
    assert "2026年10月5日(月) 03:30 (UTC) 前田 莉子 <riko@example.co.jp>:" in reply.draft.body
    # On Japan time nothing changes and nothing is labelled.
    reply = new_reply(_message(), shop, datetime(2026, 10, 6, 10, 0, tzinfo=JST))
    assert "2026年10月5日(月) 12:30 前田 莉子 <riko@example.co.jp>:" in reply.draft.body


def test_zone_labels_and_the_day_moving_with_the_zone() -> None:
    new_york = timezone(timedelta(hours=-4))
    assert attribution_line(_message(), new_york).startswith("2026年10月4日(日) 23:30 (UTC-4) ")
    assert zone_label(datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=5, minutes=30)))) == "UTC+5:30"
    assert zone_label(datetime(2026, 1, 1, tzinfo=JST)) == "UTC+9"
    assert attribution_line(_message()) == "2026年10月5日(月) 12:30 前田 莉子 <riko@example.co.jp>:"
