"""Issue 16 (9): timeline phrases never end mid-word on 「〜なのですが」."""

from __future__ import annotations

from app.customers.phrases import summary


def test_na_no_desu_ga_goes_as_a_whole() -> None:
    assert summary("身長が158cmなのですが、膝が隠れるくらいの丈になりますでしょうか", "身長") == "身長が158cm"
    assert summary("妻が卵アレルギーなんですが", "卵アレルギー") == "奥様が卵アレルギー"
    assert summary("息子が来月小学校に入学するのですが", "入学") == "息子さんが来月小学校に入学する"


def test_a_long_phrase_is_cut_after_a_clause_not_inside_a_word() -> None:
    text = ("妻のアレルギーは、加熱した卵でも口の周りが腫れることがあり、"
            "それ以来ずっと卵を避けてきましたので本当に助かりました")
    got = summary(text, "アレルギー")
    assert got.endswith("…") and got[:-1] in text.replace("妻", "奥様")
    assert got[-2] not in "腫", got  # not 「…口の周りが腫…」
