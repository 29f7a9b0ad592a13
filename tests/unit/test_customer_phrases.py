"""Timeline phrases, the composer's reference and reminders, from the customer's own words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.customers.learn import nouns, reminders
from app.customers.phrases import reference_phrase, reference_sentence, summary
from app.model import Disclosure


@pytest.mark.parametrize(
    ("text", "topic", "expected"),
    [
        ("実は、妻が卵アレルギーで、結婚してから一度も", "卵アレルギー", "奥様が卵アレルギー"),
        ("離乳食を始めたところ、娘にも卵のアレルギーがあることがわかりました", "アレルギー",
         "娘さんにも卵のアレルギーがあることがわかりました"),
        ("母の還暦祝いに贈りたいのですが", "還暦祝い", "お母様の還暦祝いに贈りたい"),
        ("妻はインターネットが苦手なもので", "インターネット", "奥様はインターネットが苦手"),
        ("妻が貴店の毛糸を愛用しており、私から代わりにご連絡いたします", "毛糸", "奥様が貴店の毛糸を愛用しています"),
        ("3月に娘の中学の卒業式があり、今年は新しいワンピースで", "卒業式", "3月に娘さんの中学の卒業式があります"),
        ("実は先月から母が入院しておりまして", "入院", "先月からお母様が入院しています"),
        # A clause that leans on the next one says little alone: the sentence's start instead.
        # The timeline wraps: the whole sentence when it is short enough, never cut mid-word (issue 16).
        ("家に帰って箱を開けたとき、妻はしばらく言葉が出ないようでした", "家",
         "家に帰って箱を開けたとき、奥様はしばらく言葉が出ないようでした"),
        ("大きな病気ではなく、転んで足の骨を", "病気", "大きな病気ではなく、転んで足の骨を"),
        ("吉祥寺に住んでおりまして、お店の前はいつも通っています", "吉祥寺", "吉祥寺に住んでいます"),
        ("実はこの春、娘が生まれました", "生まれる", "娘さんが生まれました"),
        # A quotation's ！ or 、 does not end the clause: never 「一口食べて「ふわふわ」.
        ("一口食べて「ふわふわ！」と言った顔は、たぶん一生忘れないと思います", "一口",
         "一口食べて「ふわふわ！」と言った顔は、たぶん一生忘れないと思います"),
        ("娘が「また来たい、絶対！」と言っていて、帰りの車でもその話ばかりしていました", "娘",
         "娘さんが「また来たい、絶対！」と言っていて、帰りの車でもその話ばかりしていました"),
    ],
)
def test_summary(text: str, topic: str, expected: str) -> None:
    assert summary(text, topic) == expected


def test_reference_phrase() -> None:
    phrase = reference_phrase("実は、妻が卵アレルギーで", "卵アレルギー")
    assert phrase == "以前お話しくださった奥様の卵アレルギーのこと"
    assert reference_phrase("吉祥寺に住んでおりまして", "吉祥寺").startswith("以前お話しくださった「吉祥寺")


def test_nouns_are_normalised_and_widened_to_families() -> None:
    told = nouns("妻が卵アレルギーで")
    assert {"卵", "アレルギー", "妻"} <= told
    # 「奥様」 in today's mail meets 「妻」 told before through the family table.
    assert nouns("奥様の分も") & told


def test_reminders_prefer_same_topic_over_same_product() -> None:
    day = datetime(2025, 12, 1, tzinfo=UTC)
    allergy = Disclosure(1, day, "妻が卵アレルギーで", "卵アレルギー", "奥様が卵アレルギー", "<a>")
    town = Disclosure(2, day, "吉祥寺に住んでいます", "吉祥寺", "吉祥寺に住んでいます", "<a>")
    context = nouns("卵を使わないクリスマスケーキ", families=False)
    today = nouns("今年もクリスマスケーキを予約したいです")
    found = reminders(today, [(allergy, nouns(allergy.text), context), (town, nouns(town.text), context)])
    assert [r.disclosure.id for r in found] == [1, 2]
    assert not found[0].same_topic and "ケーキ" in found[0].shared
    today = nouns("娘にも卵のアレルギーがありました")
    found = reminders(today, [(town, nouns(town.text), context), (allergy, nouns(allergy.text), context)])
    assert found[0].disclosure.id == 1 and found[0].same_topic
    assert reminders(nouns("領収書をお願いします"), [(allergy, nouns(allergy.text), context)]) == ()


def test_reference_sentence_is_a_finished_sentence() -> None:
    sentence = reference_sentence("実は、妻が卵アレルギーで", "卵アレルギー")
    assert sentence == "以前お話しくださった奥様の卵アレルギーのこと、今回もしっかり心に留めてご用意いたします。"
    plain = reference_sentence("3月に娘の中学の卒業式があり", "卒業式")
    assert plain.startswith("以前お話しくださった") and plain.endswith("。") and "、、" not in plain
