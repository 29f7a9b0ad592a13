"""Zoning: quotes, signatures and formulas are returned as zones and never highlighted."""

from __future__ import annotations

import pytest

from app.analysis import analyze
from app.model import Insight, ZoneKind


def _zone_text(body: str, insight: Insight, kind: ZoneKind) -> str:
    return "\n".join(body[z.start : z.end] for z in insight.zones if z.kind is kind)


def _assert_no_highlight_in_zones(body: str, insight: Insight) -> None:
    for h in insight.highlights:
        for z in insight.zones:
            assert h.end <= z.start or h.start >= z.end, (body[h.start : h.end], z)


QUOTE_STYLES = {
    "gt": "交換をお願いします。\n\n> 在庫がございませんが、いかがいたしましょうか。\n> ご返信いただけますか。",
    "fullwidth_gt": "了解しました。\n＞ 返品は可能でしょうか？と担当者が確認いたしました。\n＞ お送りいただけますか。",
    "outlook": "その日程でお願いします。\n\n-----Original Message-----\n"
               "From: 店 <a@b.example>\n"
               "Sent: Monday\n\n配送日はいつがよろしいでしょうか。\n不安な点はお知らせください。",
    "outlook_headers_only": "確認しました。\n\nFrom: サポート <s@b.example>\nSent: 2026/06/01\nTo: 山田様\n"
                            "Subject: ご注文\n\n発送日をご指定いただけますか。",
    "gmail_jp": "承知しました。\n\n2026年10月3日(土) 14:02 サポート窓口 <help@example.jp>:\n"
                "ご注文の件、変更してもよろしいでしょうか。",
    "on_wrote": "了解です。\n\nOn Sat, Oct 3, 2026 at 2:02 PM Shop <help@example.com> wrote:\n"
                "返金をご希望でしょうか？",
    "sama_ga_kakimashita": "承知しました。\n\n山田様が書きました:\nサイズを教えていただけますか。",
    "forwarded": "こちら転送します。\n\n---------- Forwarded message ---------\nFrom: 母\n"
                 "心配なので確認してもらえますか。",
}


@pytest.mark.parametrize("name", sorted(QUOTE_STYLES))
def test_quoted_thread_is_a_quote_zone_and_not_analysed(name: str) -> None:
    body = QUOTE_STYLES[name]
    insight = analyze(body)
    quoted = _zone_text(body, insight, ZoneKind.QUOTE)
    # The last line of each body is inside the quoted thread.
    assert body.rstrip().splitlines()[-1] in quoted
    _assert_no_highlight_in_zones(body, insight)
    for h in insight.highlights:
        assert h.end <= min(z.start for z in insight.zones if z.kind is ZoneKind.QUOTE)


def test_interleaved_gt_lines_are_quotes_but_new_text_is_analysed() -> None:
    body = (
        "> 色はどうなさいますか。\n白でお願いします。\n> 日時のご指定はありますか。\n"
        "土曜の午前に届けていただけますか。"
    )
    insight = analyze(body)
    quoted = _zone_text(body, insight, ZoneKind.QUOTE)
    assert "色はどう" in quoted and "日時のご指定" in quoted
    texts = [body[h.start : h.end] for h in insight.highlights]
    assert any("土曜の午前" in t for t in texts)
    _assert_no_highlight_in_zones(body, insight)


SIGNATURES = {
    "dash": "納期を教えてください。\n\n-- \n山田 太郎\nTEL 03-0000-0000",
    "heavy_rule": "見積書をお送りください。\n━━━━━━━━━━━━\n株式会社ミナミ 営業部\n佐藤 花子\n"
                  "ご不明な点はお気軽にお問い合わせください。\n━━━━━━━━━━━━",
    "equals_rule": "請求書を再発行してください。\n＝＝＝＝＝＝＝＝＝＝\n有限会社キタ\n〒100-0001 東京都千代田区1-1\n"
                   "＝＝＝＝＝＝＝＝＝＝",
    "dash_rule": "在庫はありますか。\n――――――――――\n高橋 一郎\nhttps://example.jp\n――――――――――",
    "stars": "返品したいのですが。\n**********\n鈴木商店 鈴木\nmail: suzuki@example.jp\n**********",
    "trailing_contact": "サイズ交換をお願いします。\nよろしくお願いします。\n\n中村 さくら\n〒530-0001 大阪市北区1-2\n"
                        "TEL：06-0000-0000\nsakura@example.jp",
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signature_blocks(name: str) -> None:
    body = SIGNATURES[name]
    insight = analyze(body)
    sig = _zone_text(body, insight, ZoneKind.SIGNATURE)
    assert body.rstrip().splitlines()[-1].strip() in sig
    assert body.splitlines()[0] not in sig
    _assert_no_highlight_in_zones(body, insight)
    # The ask in the first line is still heard.
    assert any(h.start < len(body.splitlines()[0]) for h in insight.highlights)


@pytest.mark.parametrize(
    "formula",
    [
        "お世話になっております。",
        "いつもお世話になります。",
        "平素より大変お世話になっております。",
        "はじめまして。",
        "突然のご連絡失礼いたします。",
        "よろしくお願いいたします。",
        "どうぞよろしくお願いします！",
        "お忙しいところ恐縮ですが、何卒よろしくお願い申し上げます。",
        "お返事お待ちしております。",
        "ご確認のほどよろしくお願いいたします。",
        "取り急ぎご連絡まで。",
        "以上です。",
        "いつもありがとうございます。",
        "寒い日が続きますので、どうぞご自愛ください。",
        # a letter's remark on the season is its greeting (時候の挨拶), not something told about the writer
        "朝晩はすっかり涼しくなり、金木犀の香りが漂ってくる季節になりましたね。",
        "寒さが一段と厳しくなってまいりましたが、",
        "桜の便りが聞かれる頃となりました。",
        # a long season remark before the greeting question, no one of theirs in it
        "長雨が明けて、ようやく秋らしい風が吹くようになりましたが、スタッフの皆様にはお変わりありませんか。",
        "謹啓 師走に入り、皆様如何お過ごしでしょうか。",
        # a letter's address line
        "歯科医院の皆さんへ",
        "和菓子処 ことぶき 御中",
    ],
)
def test_formulas_are_zoned_and_never_highlighted(formula: str) -> None:
    body = f"{formula}\n来週の火曜日に届けていただけますか。"
    insight = analyze(body)
    formulas = _zone_text(body, insight, ZoneKind.FORMULA)
    assert formula in formulas
    assert all(h.start >= len(formula) for h in insight.highlights)
    assert any(body[h.start : h.end].startswith("来週の火曜日") for h in insight.highlights)


def test_address_lines_at_top_are_a_formula() -> None:
    body = "雑貨のお店 こもれび\nご担当 田中様\n\n母の誕生日に贈るマグカップを探しています。\n名入れはできますか。"
    insight = analyze(body)
    formulas = _zone_text(body, insight, ZoneKind.FORMULA)
    assert "ご担当 田中様" in formulas and "雑貨のお店 こもれび" in formulas
    assert all(h.start > body.index("田中様") for h in insight.highlights)


def test_content_request_with_onegai_is_not_a_formula() -> None:
    body = "お手数ですが、交換をお願いします。"
    insight = analyze(body)
    assert [h.kind.value for h in insight.highlights] == ["request"]
    assert not [z for z in insight.zones if z.kind is ZoneKind.FORMULA]


def test_the_season_with_someone_of_theirs_in_it_is_told() -> None:
    for told in ("娘の入学の季節になりました。", "寒くなってきたので、母の膝がまた痛み出しました。"):
        insight = analyze(told + "\n来週の火曜日に届けていただけますか。")
        assert any(h.kind.value == "disclosure" and h.start == 0 for h in insight.highlights), told


def test_a_season_greeting_that_tells_of_their_own_people_is_not_a_formula() -> None:
    body = "娘が春に手術をしましたが、おかげさまでお変わりなく過ごしています。\n来週の火曜日に届けていただけますか。"
    insight = analyze(body)
    assert any(h.kind.value == "disclosure" and body[h.start : h.end].startswith("娘") for h in insight.highlights)
