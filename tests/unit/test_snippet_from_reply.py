"""「定型文にする」: a passage of a sent demo reply loses everything of its customer and fills for another."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import paths
from app.mail.compose import customer_name, unfilled_placeholders
from app.mail.parse import parse_message
from app.model import HighlightKind, Message
from app.sharing.generalize import generalize, guess_situation
from app.sharing.saved import save_local
from app.snippets import Snippet, fill, load_user_pack, parse_pack


def _sent(subject_part: str) -> Message:
    for path in sorted((paths.DEMO_MAILDIR / ".Sent" / "cur").glob("*")):
        message = parse_message(path.read_bytes())
        if subject_part in message.subject:
            return message
    raise AssertionError(subject_part)


def _own_part(body: str) -> str:
    return re.split(r"━━|────", body)[0]


PERSONAL = ("小野寺", "さやか", "三浦", "大学時代", "ご友人のご結婚", "ネイビー", "レースドレス", "D-2418",
            "11月", "14日", "15日", "9号", "105", "158", "14時")


def test_a_sent_demo_reply_keeps_nothing_of_its_customer() -> None:
    reply = _sent("レースドレス")
    made = generalize(_own_part(reply.body), customer=customer_name(reply.to[0]), reply_body=reply.body,
                      subject=reply.subject)
    for word in PERSONAL:
        assert word not in made.text, word
    assert not re.search(r"[0-9０-９]", made.text)  # no number of hers is left
    assert made.text.startswith("{customer}様\n")
    assert "担当の{staff}と申します" in made.text
    assert "{topic}、本当におめでとうございます。" in made.text
    assert "お問い合わせの{product}は、{number}の在庫がございます。" in made.text
    assert "{date}にご注文いただけましたら" in made.text and "{date}にはお届けできる見込みです" in made.text
    # What was replaced is listed for the dialog, by kind.
    kinds = {(r.original, r.placeholder) for r in made.replaced}
    assert ("ネイビーのレースドレス（D-2418）", "product") in kinds
    assert ("大学時代のご友人のご結婚", "topic") in kinds
    assert ("11月14日（金）の14時まで", "date") in kinds
    # The shop's words stay as they were.
    assert "スタッフ一同とても嬉しく思っております。" in made.text


def test_the_snippet_fills_correctly_for_another_customer(tmp_path: Path) -> None:
    reply = _sent("レースドレス")
    passage = "\n".join(_own_part(reply.body).splitlines()[5:13])  # the congratulation and the stock answer
    made = generalize(passage, customer=customer_name(reply.to[0]), reply_body=reply.body, subject=reply.subject)
    situation, kinds = guess_situation(made.text)
    assert kinds == (HighlightKind.DISCLOSURE,)
    snippet = Snippet("x", situation, made.text, kinds, made_by="鈴木", made_from=reply.subject)
    saved = save_local(snippet, tmp_path / "snippets.toml")
    again = load_user_pack(tmp_path / "snippets.toml").snippets
    assert [(s.id, s.made_by, s.made_from) for s in again] == [(saved.id, "鈴木", reply.subject)]
    filled = fill(again[0], {"customer": "森本 健一", "topic": "お嬢様のご就職", "product": "ノーカラーワンピース",
                             "number": "11号", "staff": "鈴木", "date": "12月3日"})
    assert not filled.unfilled and not unfilled_placeholders(filled.text)
    assert "お嬢様のご就職、本当におめでとうございます。" in filled.text
    assert "お問い合わせのノーカラーワンピースは、11号の在庫がございます。" in filled.text
    for word in PERSONAL:
        assert word not in filled.text, word
    # Unfilled, a placeholder stays visible and is listed (the review stops it being sent).
    partial = fill(again[0], {"topic": "ご就職"})
    assert {u.name for u in partial.unfilled} >= {"product", "number"}


@pytest.mark.parametrize(("passage", "expected"), [
    ("ご注文番号：A-100234 の商品は明日発送いたします。", "ご注文番号：{order} の商品は{date}発送いたします。"),
    ("佐々木様もご無理なさいませんように。", "{customer}様もご無理なさいませんように。"),
    ("お母様のリハビリが順調に進みますよう、お祈りしております。", "{topic}が順調に進みますよう、お祈りしております。"),
    ("お代金は4,800円（税込）です。", "お代金は{number}（税込）です。"),
])
def test_each_kind_of_personal_data(passage: str, expected: str) -> None:
    made = generalize(passage.replace("明日", "12月3日"), customer="佐々木 美穂")
    assert made.text == expected


def test_the_new_placeholders_round_trip_through_a_pack() -> None:
    pack = parse_pack('[[snippet]]\nid = "a"\nsituation = "answer"\nfor = ["request"]\n'
                      'text = "{order}の{number}点、{staff}が承りました。"\nmade_by = "佐藤"\n')
    assert pack.snippets[0].placeholders == ("order", "number", "staff")
    assert pack.snippets[0].made_by == "佐藤"
    assert unfilled_placeholders("{order}") == ["{order}"]
