"""The mail search index: 1-, 2- and 3+-character Japanese queries, replacing, several terms."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.store import open_database
from app.store.search import IndexRow, MailIndex, grams


def _row(key: str, subject: str, body: str) -> IndexRow:
    return IndexRow("test", "", key, f"<{key}@x>", datetime(2026, 1, int(key) + 1, tzinfo=UTC), "客 <c@x>",
                    subject, body)


def test_queries_of_every_length(tmp_path: Path) -> None:
    index = MailIndex(open_database(tmp_path / "db.sqlite3"))
    index.add_many([
        _row("0", "配送について", "配送日を変更したいです。革靴のサイズが合いません。"),
        _row("1", "ギフトの相談", "母の還暦祝いにストールを贈りたいです。"),
        _row("2", "ｻｲｽﾞ交換", "ＳサイズをＭサイズに交換できますか。"),
    ])
    keys = lambda q: [h.key for h in index.search(q)]  # noqa: E731
    assert keys("配送") == ["0"]          # two characters: the trigram table alone misses this
    assert keys("靴") == ["0"]            # one character, inside a run
    assert keys("す") != []               # one character at the end of a run
    assert keys("還暦祝い") == ["1"]       # three and more: trigram
    assert keys("サイズ") == ["2", "0"]    # half-width kana normalised; newest first
    assert keys("m") == ["2"]             # full-width Ｍ, case folded
    assert keys("サイズ 交換") == ["2"]     # every term must match
    assert keys("ドレス") == []
    hit = index.search("還暦")[0]
    assert "還暦" in hit.snippet and hit.subject == "ギフトの相談"


def test_reindexing_replaces(tmp_path: Path) -> None:
    index = MailIndex(open_database(tmp_path / "db.sqlite3"))
    index.add_many([_row("0", "配送", "古い本文")])
    index.add_many([_row("0", "配送", "新しい本文")])
    assert index.count() == 1
    assert [h.key for h in index.search("古い")] == []
    assert [h.key for h in index.search("新し")] == ["0"]
    index.remove_source("test")
    assert index.count() == 0 and index.search("配送") == []


def test_grams() -> None:
    assert set(grams("配送日、靴").split()) == {"配送", "送日", "日", "靴"}


def test_a_date_term_limits_to_that_month_or_day_instead_of_matching_text(tmp_path: Path) -> None:
    """QA (issue 15 list, 2): 「2024年3月」 found nothing; a date is how a shop owner remembers an order."""
    from app.store.search import date_prefix

    index = MailIndex(open_database(tmp_path / "db.sqlite3"))
    march = IndexRow("test", "", "m", "<m@x>", datetime(2024, 3, 5, 10, tzinfo=UTC), "客 <c@x>", "配送", "ケーキの配送")
    april = IndexRow("test", "", "a", "<a@x>", datetime(2024, 4, 2, 10, tzinfo=UTC), "客 <c@x>", "配送", "ケーキの配送")
    index.add_many([march, april])
    keys = lambda q: [h.key for h in index.search(q)]  # noqa: E731
    assert keys("2024年3月") == ["m"] and index.count_matches("2024年3月") == 1
    assert keys("２０２４年３月５日") == ["m"]      # full-width digits, a day
    assert keys("2024/4") == ["a"] and keys("2024-03-05") == ["m"]
    assert keys("ケーキ 2024年4月") == ["a"]       # with a word: that word in that month
    assert keys("2024年") == ["a", "m"]
    assert keys("2024年2月") == []
    assert date_prefix("2024") is None and date_prefix("2024年13月") is None  # an order number, no month 13
    assert index.search("2024年3月")[0].snippet.startswith("ケーキ")
