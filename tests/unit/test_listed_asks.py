"""Asked lists (app/analysis/lists.py): the items under 「以下の点を教えてください」 are asks, one a line.

Our own mails: an enquiry that lists its questions as bare noun phrases, and the lists that are not asks
(an order's lines, the circumstances told as a list, a form's fields, a list inside a quoted earlier mail).
"""

from __future__ import annotations

from app.analysis import analyze
from app.analysis.lists import announces_a_list, listed_items
from app.model import CueKind, HighlightKind, cue_parts
from app.review import review_draft

HALL = ("お世話になっております。\n社内の発表会で大ホールの利用を考えております。\n"
        "以下の点を教えていただけますでしょうか。\n\n・六月の土日の空き状況\n・ピアノの使用料金\n・搬入口の場所\n\n"
        "よろしくお願いいたします。")


def _asks(body: str) -> list[str]:
    return [body[h.start : h.end] for h in analyze(body).highlights if h.kind is HighlightKind.REQUEST]


def test_each_item_of_an_asked_list_is_a_request_whose_cue_names_the_list() -> None:
    insight = analyze(HALL)
    asks = [h for h in insight.highlights if h.kind is HighlightKind.REQUEST]
    assert [HALL[h.start : h.end] for h in asks] == ["六月の土日の空き状況", "ピアノの使用料金", "搬入口の場所"]
    assert all(cue_parts(h.cue)[0] is CueKind.LISTED for h in asks)


def test_the_review_names_the_item_the_reply_skipped() -> None:
    draft = ("お問い合わせありがとうございます。\n六月の土日は、十四日と二十一日が空いております。\n"
             "ピアノの使用料金は一日一万円です。\nご検討のほど、よろしくお願いいたします。")
    unanswered = [f for f in review_draft(draft, HALL, analyze(HALL)) if f.kind.value == "unanswered_request"]
    assert len(unanswered) == 1 and "搬入口の場所" in unanswered[0].message


def test_other_list_marks_and_a_blank_line_after_the_announcement() -> None:
    body = ("そこで、次の三点についてお聞かせください。\n\n①納品までの日数\n②見積書の宛名の変更\n"
            "③支払い方法の選択肢\n")
    assert _asks(body) == ["納品までの日数", "見積書の宛名の変更", "支払い方法の選択肢"]
    numbered = "下記についてご回答をお願いします。\n1. 保証期間\n2. 修理の受付窓口\n"
    assert _asks(numbered)[-2:] == ["保証期間", "修理の受付窓口"]  # (the announcement may be an ask of its own)


def test_an_order_s_lines_and_told_circumstances_are_not_asks() -> None:
    order = "下記の通り注文をお願いいたします。\n・折りたたみ椅子 20脚\n・長机 6台\n・紙コップ 300個\n"
    assert not any(t in "".join(_asks(order)) for t in ("折りたたみ椅子", "長机", "紙コップ"))
    told = ("ご相談したいことがあり、以下に事情を書きます。\n・母は八十五歳で、足が少し不自由です。\n"
            "・二階の部屋を使っております。\n")
    assert not any("母は" in a or "二階" in a for a in _asks(told))
    form = "以下の内容でお問い合わせをお願いします。\n・お名前：田中一郎\n・電話番号：000-0000-0000\n"
    assert not any("田中" in a or "電話番号" in a for a in _asks(form))


def _lines(body: str) -> list[tuple[int, int]]:
    """(start, end) of each line with words, as the analyser's sentences would be here."""
    out, start = [], 0
    for line in body.split("\n"):
        if line:
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def test_a_list_under_a_sentence_that_asks_for_no_list_is_no_ask() -> None:
    thanks = "先日は丁寧な対応をありがとうございました。\n・ケーキ\n・焼き菓子\nどれもおいしかったです。\n"
    assert not announces_a_list("先日は丁寧な対応をありがとうございました。")
    assert listed_items(thanks, _lines(thanks)) == []
    asked = thanks.replace("先日は丁寧な対応をありがとうございました。", "次の二点を教えてください。")
    assert listed_items(asked, _lines(asked)) == [(0, 1), (0, 2)]  # the same lines under an announcement


def test_a_list_in_a_quoted_earlier_mail_is_not_the_customer_s_ask() -> None:
    body = ("ご返信ありがとうございます。承知しました。\n\n> 以下の点を教えてください。\n> ・ご希望の日時\n> ・人数\n")
    assert not any("日時" in a or "人数" in a for a in _asks(body))
