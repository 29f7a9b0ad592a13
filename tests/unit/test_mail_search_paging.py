"""Issue 16: the mail search says how many mails match and hands them over page by page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.store import open_database
from app.store.search import IndexRow, MailIndex


def test_count_is_true_and_pages_cover_every_hit(tmp_path: Path) -> None:
    index = MailIndex(open_database(tmp_path / "db.sqlite3"))
    start = datetime(2026, 1, 1, tzinfo=UTC)
    index.add_many(
        IndexRow("test", "", str(i), f"<{i}@x>", start + timedelta(hours=i), "客 <c@x>", f"件名 {i}",
                 "配送日を変更したいです。" if i % 2 == 0 else "サイズの交換をお願いします。")
        for i in range(240)
    )
    for query, expected in (("配送", 120), ("変更したい", 120), ("配送 変更", 120), ("交換", 120), ("無い言葉", 0)):
        assert index.count_matches(query) == expected, query
        keys: list[str] = []
        while True:
            page = index.search(query, limit=50, offset=len(keys))
            if not page:
                break
            keys += [h.key for h in page]
        assert len(keys) == len(set(keys)) == expected, query
    assert len(index.search("配送")) == 50  # the default page stays 50
