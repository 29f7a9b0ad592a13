"""Writing checks: each fires on the mistake, offers the fix, and leaves the correct form alone."""

from __future__ import annotations

import pytest

from app.model import FindingKind, Severity
from app.review import review_draft

# (kind, text with the mistake, the mistaken span, the suggested replacement or None)
WRONG = [
    (FindingKind.KEIGO_DOUBLE, "資料をご覧になられましたか。", "ご覧になられ", "ご覧にな"),
    (FindingKind.KEIGO_DOUBLE, "お客様がおっしゃられた件です。", "おっしゃられ", "おっしゃ"),
    (FindingKind.KEIGO_DOUBLE, "メールを拝見させていただきました。", "拝見させていただ", "拝見し"),
    (FindingKind.KEIGO_BAITO, "こちらでよろしかったでしょうか。", "よろしかったでしょうか", "よろしいでしょうか"),
    (FindingKind.KEIGO_BAITO, "こちらがご注文の商品になります。", "になります", "でございます"),
    (FindingKind.KEIGO_BAITO, "お支払いのほうをお願いいたします。", "のほう", ""),
    (FindingKind.KEIGO_DIRECTION, "クーポンは次回からご利用できます。", "ご利用できます", "ご利用いただけます"),
    (FindingKind.KEIGO_DIRECTION, "お客様が申されました通りです。", "申され", "おっしゃ"),
    (FindingKind.KEIGO_DIRECTION, "添付の資料を拝見してください。", "拝見してください", "ご覧ください"),
    (FindingKind.RANUKI, "明日には来れますか。", "来れ", "来られ"),
    (FindingKind.RANUKI, "長く着れるお品物です。", "着れる", "着られる"),
    (FindingKind.SA_IRE, "本日は休まさせていただきます。", "休まさせ", "休ませ"),
    (FindingKind.INUKI, "在庫は確認してます。", "て", "てい"),
    (FindingKind.REDUNDANT, "一番最初にご連絡いたします。", "一番最初", "最初"),
    (FindingKind.REDUNDANT, "約2週間ほどかかります。", "約2週間ほど", "約2週間"),
    (FindingKind.TYPO, "どうぞお元気でお過ごしくだいませ。", "くだいませ", "くださいませ"),
    (FindingKind.TYPO, "ありがとうござます。", "ござます", "ございます"),
    (FindingKind.PARTICLE_REPEAT, "商品をを発送いたしました。", "をを", "を"),
    (FindingKind.MACHINE_DEPENDENT_CHAR, "①箱を開けてください。", "①", "(1)"),
    (FindingKind.MACHINE_DEPENDENT_CHAR, "㈱ミドリからお届けします。", "㈱", "(株)"),
    (FindingKind.HALFWIDTH_KANA, "ｶﾞｲﾄﾞをご覧ください。", "ｶﾞｲﾄﾞ", "ガイド"),
    (FindingKind.UNFILLED_PLACEHOLDER, "{customer}様、ありがとうございます。", "{customer}", None),
    (FindingKind.UNFILLED_PLACEHOLDER, "〇〇様のご注文を承りました。", "〇〇", None),
]

RIGHT = [
    "早めに帰れるよう手配いたします。",           # godan potential, not ら抜き
    "お話しさせていただきます。",                 # サ行 godan causative is correct
    "不要な箱は捨てますのでご安心ください。",     # 捨てる: the て is the verb's own
    "ご案内できます。",                           # the shop's own humble action
    "ご利用いただけます。",
    "お願いいたします。いつもありがとうございます。",
    "こちらのほうが軽くてお持ち運びに便利です。",  # のほう that compares
    "商品は明日発送いたします。",
    "ますますのご発展をお祈りいたします。",
]


@pytest.mark.parametrize(("kind", "text", "span", "fix"), WRONG, ids=[f"{k.value}:{t[:8]}" for k, t, _, _ in WRONG])
def test_mistake_is_found_with_its_fix(kind: FindingKind, text: str, span: str, fix: str | None) -> None:
    findings = [f for f in review_draft(text) if f.kind is kind]
    assert findings, f"{kind.value} not found in {text}"
    finding = findings[0]
    assert text[finding.start : finding.end] == span
    if fix is not None:
        assert finding.suggestion == fix


@pytest.mark.parametrize("text", RIGHT)
def test_correct_form_is_left_alone(text: str) -> None:
    writing = [f for f in review_draft(text) if f.kind not in (FindingKind.TONE_COLD, FindingKind.TONE_OVERFAMILIAR)]
    assert writing == [], [(f.kind.value, text[f.start : f.end]) for f in writing]


def test_a_signature_drawn_with_marks_is_no_blank_but_a_blank_in_it_is() -> None:
    # The demo's shops draw their signatures between lines of ＊ or ●: decoration, not 〇〇 left unfilled.
    draft = (
        "いつもありがとうございます。\n明日発送いたします。\n\n"
        "＊＊＊＊＊＊＊＊＊＊＊＊\n毛糸と雑貨の店 いとへん\n担当：〇〇\n●●●●● ●●●●●\n"
    )
    blanks = [draft[f.start : f.end] for f in review_draft(draft) if f.kind is FindingKind.UNFILLED_PLACEHOLDER]
    assert blanks == ["〇〇"]


def test_style_mixed_marks_the_plain_sentence() -> None:
    draft = (
        "ご注文ありがとうございます。\n商品は明日発送いたします。\n"
        "到着まで二日かかる。\nどうぞよろしくお願いいたします。"
    )
    findings = [f for f in review_draft(draft) if f.kind is FindingKind.STYLE_MIXED]
    assert [draft[f.start : f.end] for f in findings] == ["到着まで二日かかる。"]


def test_long_sentence_threshold() -> None:
    from app.review.checks.long_sentence import MAX_CHARS

    short = "あ" * (MAX_CHARS - 1) + "。"
    long = "あ" * (MAX_CHARS + 5) + "。"
    assert not [f for f in review_draft(short) if f.kind is FindingKind.LONG_SENTENCE]
    assert [f for f in review_draft(long) if f.kind is FindingKind.LONG_SENTENCE]


def test_refusal_needs_reason_or_alternative() -> None:
    bare = "お問い合わせありがとうございます。\n申し訳ございませんが、日時のご指定はいたしかねます。"
    reason = "お問い合わせありがとうございます。\n申し訳ございませんが、繁忙期のため日時のご指定はいたしかねます。"
    option = bare + "\n店頭でのお受け取りでしたら、ご希望の日に合わせてご用意できます。"
    assert FindingKind.REFUSAL_WITHOUT_ALTERNATIVE in {f.kind for f in review_draft(bare)}
    assert FindingKind.REFUSAL_WITHOUT_ALTERNATIVE not in {f.kind for f in review_draft(reason)}
    assert FindingKind.REFUSAL_WITHOUT_ALTERNATIVE not in {f.kind for f in review_draft(option)}


def test_tone_cold_and_overfamiliar_are_exclusive() -> None:
    cold = "商品は明日発送します。\n到着後は中身を確認してください。\n不足があれば三日以内に連絡すること。"
    warm = "ご注文ありがとうございます。\n商品は明日発送いたします。\nお手数ですが、到着後に中身をご確認くださいませ。"
    casual = "明日送るね！\n届いたら確認してね😊✨"
    assert {f.kind for f in review_draft(cold)} & {FindingKind.TONE_COLD, FindingKind.TONE_OVERFAMILIAR} == {
        FindingKind.TONE_COLD
    }
    assert not {f.kind for f in review_draft(warm)} & {FindingKind.TONE_COLD, FindingKind.TONE_OVERFAMILIAR}
    assert {f.kind for f in review_draft(casual)} & {FindingKind.TONE_COLD, FindingKind.TONE_OVERFAMILIAR} == {
        FindingKind.TONE_OVERFAMILIAR
    }


@pytest.mark.parametrize("text, stacked", [
    ("三日以内にお召し上がりになってください。", "お召し上がりにな"),
    ("明日の午後にお伺いいたします。", "お伺いいたし"),
])
def test_a_double_honorific_accepted_by_custom_gets_a_note_not_a_warning(text: str, stacked: str) -> None:
    findings = [f for f in review_draft(text) if f.kind is FindingKind.KEIGO_DOUBLE]
    assert [(text[f.start:f.end], f.severity) for f in findings] == [(stacked, Severity.INFO)]
    # Stacking on top of the custom is still wrong.
    assert any(f.kind is FindingKind.KEIGO_DOUBLE and f.severity is Severity.WARNING
               for f in review_draft("焼き立てをお召し上がりになられてください。"))
