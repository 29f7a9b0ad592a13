"""Quoted text in a draft never answers, acknowledges or sets the tone."""

from __future__ import annotations

from app.model import FindingKind, Highlight, HighlightKind, Insight
from app.review import review, review_draft
from app.review.context import ReviewContext, quoted_ranges

MAIL = "お世話になります。\n送料はいくらかかりますか。\n急ぎなので間に合うか心配です😢"
REQUEST = Highlight(HighlightKind.REQUEST, MAIL.index("送料"), MAIL.index("送料") + len("送料はいくらかかりますか"))
WORRY = Highlight(HighlightKind.WORRY, MAIL.index("急ぎ"), MAIL.index("急ぎ") + len("急ぎなので間に合うか心配です"))
INSIGHT = Insight((REQUEST, WORRY))


def _quoting(reply: str) -> str:
    quoted = "".join(f"> {line}\n" for line in MAIL.splitlines())
    return f"{reply}\n\n2026年11月4日(水) 10:15 <taro@example.jp>:\n{quoted}"


def test_attribution_and_quote_lines_are_masked() -> None:
    draft = _quoting("ご連絡ありがとうございます。")
    ranges = quoted_ranges(draft)
    assert len(ranges) == 1
    start, end = ranges[0]
    assert draft[start:].startswith("2026年11月4日")
    assert end == len(draft)
    ctx = ReviewContext(draft)
    assert all("送料" not in s.text for s in ctx.sentences)
    assert len(ctx.own_text) == len(draft)


def test_quoted_request_and_worry_count_for_nothing() -> None:
    kinds = {f.kind for f in review_draft(_quoting("ご連絡ありがとうございます。確認いたします。"), MAIL, INSIGHT)}
    assert FindingKind.UNANSWERED_REQUEST in kinds
    assert FindingKind.UNACKNOWLEDGED_WORRY in kinds


def test_same_reply_answering_in_own_words_passes() -> None:
    reply = (
        "ご連絡ありがとうございます。\n"
        "お急ぎとのこと、間に合うかご心配なことと存じます。\n送料は全国一律550円でございます。"
    )
    kinds = {f.kind for f in review_draft(_quoting(reply), MAIL, INSIGHT)}
    assert FindingKind.UNANSWERED_REQUEST not in kinds
    assert FindingKind.UNACKNOWLEDGED_WORRY not in kinds


def test_quoted_emoji_do_not_make_the_reply_overfamiliar() -> None:
    reply = "ご連絡ありがとうございます。\n送料は全国一律550円でございます。"
    draft = _quoting(reply).replace("心配です😢", "心配です😢😢😢🙏✨")
    assert FindingKind.TONE_OVERFAMILIAR not in {f.kind for f in review_draft(draft, MAIL, INSIGHT)}


def test_without_mail_only_draft_checks_run_and_disclosure_is_not_applicable() -> None:
    result = review("了解です！送っとくね😊✨")
    assert {f.kind for f in result.findings} >= {FindingKind.TONE_OVERFAMILIAR}
    assert all(f.ref is None for f in result.findings)
    assert FindingKind.IGNORED_DISCLOSURE in result.not_applicable
    with_mail = review("ご連絡ありがとうございます。", MAIL, INSIGHT)
    assert FindingKind.IGNORED_DISCLOSURE in with_mail.not_applicable  # the mail told nothing about the customer
    assert FindingKind.UNANSWERED_REQUEST not in with_mail.not_applicable


def test_findings_point_into_the_draft() -> None:
    draft = "お問い合わせありがとうございます。\nご覧になられましたら、ｺﾝﾋﾞﾆでお支払いください。"
    for finding in review_draft(draft):
        assert 0 <= finding.start <= finding.end <= len(draft)
        assert finding.message
