"""Kinds of real mail the rules used to mishear (issue 13), one small test per rule.

The sentences are our own, written for the kind of mistake, not copied from any mail.
"""

from __future__ import annotations

import pytest

from app.analysis import analyze
from app.analysis.features import inside, reported_speech
from app.model import HighlightKind, ZoneKind


def _marked(text: str, kind: HighlightKind) -> list[str]:
    return [text[h.start : h.end] for h in analyze(text).highlights if h.kind is kind]


@pytest.mark.parametrize("text", [
    "あの時の笑顔って何だったんだろう？",
    "どうしてあんなに落ち着くのだろうか。",
    "あんなお店が近所にあったら毎日通うんだろうな。",
])
def test_wondering_aloud_with_plain_darou_is_not_a_request(text: str) -> None:
    assert _marked(text, HighlightKind.REQUEST) == []


@pytest.mark.parametrize("text", [
    "冬の剪定はいつ頃すればいいのでしょうか。",
    "これって防水？",
    "明日までに届きますか？",
])
def test_questions_put_to_the_shop_stay_requests(text: str) -> None:
    assert _marked(text, HighlightKind.REQUEST)


@pytest.mark.parametrize("text", [
    "これからも頑張ってください。",
    "お体を大切になさってください。",
    "このお店をずっと続けてほしいです。",
    "スタッフの皆さんもお元気で、これからも頑張ってほしいです。",
])
def test_wishes_for_the_shop_are_not_requests(text: str) -> None:
    assert _marked(text, HighlightKind.REQUEST) == []


@pytest.mark.parametrize("text", [
    "割れ物なので大切に扱ってください。",
    "配送を続けてください。",
    "明日までに送ってほしいです。",
])
def test_asks_that_look_like_wishes_stay_requests(text: str) -> None:
    assert _marked(text, HighlightKind.REQUEST)


def test_an_ask_inside_a_quotation_over_several_lines_is_someone_elses() -> None:
    text = ("受付の方が「小さいお子さんがいると大変ですよね。\n"
            "何かあったらいつでも電話してくださいね」と言ってくださって、本当に救われました。\n"
            "来月の予約を一つ取っていただけますか。")
    asked = _marked(text, HighlightKind.REQUEST)
    assert asked == ["来月の予約を一つ取っていただけますか"]


def test_reported_speech_needs_more_than_one_sentence_and_a_closing_bracket() -> None:
    body = "「また来てね」と言われた。\n先生が「無理しないでください。\n休んでくださいね」と。\n「閉じていない"
    ranges = reported_speech(body)
    assert [body[a:b] for a, b in ranges] == ["無理しないでください。\n休んでくださいね"]
    start = body.index("休んで")
    assert inside(ranges, start, start + 4)
    assert not inside(ranges, 0, 8)


def test_contact_form_fields_are_facts_and_its_free_text_is_the_customers() -> None:
    text = ("ホームページのお問い合わせフォームから送信されました。\n"
            "━━━━━━━━━━━━\n"
            "【お名前】山田 花子\n"
            "【メールアドレス】hanako@example.jp\n"
            "【電話番号】090-0000-0000\n"
            "【お問い合わせ内容】\n"
            "娘の入学祝いに贈るつもりのマグカップが割れて届きました。\n"
            "交換していただけますか？\n"
            "━━━━━━━━━━━━\n")
    insight = analyze(text)
    kinds = {h.kind for h in insight.highlights}
    assert {HighlightKind.DISCLOSURE, HighlightKind.REQUEST} <= kinds
    fields = [text[z.start : z.end] for z in insight.zones if z.kind is ZoneKind.FIELD]
    assert fields and "山田" in fields[0] and "090" in fields[0]
    assert not any(z.kind is ZoneKind.SIGNATURE and z.start < text.index("交換") < z.end for z in insight.zones)


def test_a_signature_under_a_rule_line_is_still_a_signature() -> None:
    text = "明日までに届きますか？\n━━━━━━━━\n株式会社サンプル商事\n山田 太郎\nTEL 03-0000-0000\n"
    insight = analyze(text)
    assert any(z.kind is ZoneKind.SIGNATURE and text[z.start : z.end].startswith("━") for z in insight.zones)


def test_a_postscript_label_is_not_a_field() -> None:
    text = "お名前：佐藤\nメール：a@example.jp\n\n追伸：来月から出張で家を空けるので、早めに送ってください。\n"
    assert _marked(text, HighlightKind.REQUEST) == ["早めに送ってください"]
    assert _marked(text, HighlightKind.DISCLOSURE)
