"""Length and warmth of replies, and the review's length_decline / warmth_decline checks."""

from __future__ import annotations

from datetime import UTC, datetime

from app.model import FindingKind, ReplyStats
from app.review import review_draft
from app.review.measure import measure_reply

WARM = (
    "森本 健一 様\n\n"
    "この度はお問い合わせいただき、誠にありがとうございます。\n"
    "奥様と二人で同じケーキを囲みたいというお気持ち、とても嬉しく拝読しました。\n"
    "加熱した卵でも症状が出られるとのことですので、製造環境について正直にお伝えいたします。\n"
    "お手数ですが、かかりつけの先生にもご相談いただけますと幸いです。\n"
    "当日は別の箱・別の保冷剤でお渡しいたします。ご不安な点があればお気軽にお申し付けください。\n\n"
    "────────────\n洋菓子工房 こむぎ\n店主　小林 真理\nTEL 0422-55-0188\n────────────\n"
)
CURT = (
    "森本様\n\nご予約を承りました。4号、12月24日17時、店頭でのお渡しです。"
    "代金は4,800円です。当日お支払いください。\n"
)


def _history(n: int, length: int, warmth: int) -> list[ReplyStats]:
    return [ReplyStats(datetime(2025, 12, i + 1, tzinfo=UTC), length, thanks=warmth) for i in range(n)]


def test_measure_leaves_out_signature_quote_and_address() -> None:
    stats = measure_reply(WARM + "\n> 妻が卵アレルギーで、ありがとうございます\n> お礼申し上げます\n")
    bare = measure_reply(WARM)
    assert stats == bare, "quoted customer words count neither as length nor as warmth"
    assert stats.thanks == 1
    assert stats.cushion >= 2 and stats.empathy >= 2 and stats.personal >= 2
    # The signature (shop name, phone) and the 「森本 健一 様」 line are not the reply's length.
    assert stats.length < len("".join(WARM.split())) - 30


def test_short_cold_reply_after_long_warm_ones_warns_both() -> None:
    history = _history(3, measure_reply(WARM).length, measure_reply(WARM).warmth)
    kinds = {f.kind for f in review_draft(CURT, history=history)}
    assert FindingKind.LENGTH_DECLINE in kinds
    assert FindingKind.WARMTH_DECLINE in kinds


def test_no_warning_without_history_or_for_a_similar_reply() -> None:
    assert not {FindingKind.LENGTH_DECLINE, FindingKind.WARMTH_DECLINE} & {f.kind for f in review_draft(CURT)}
    history = _history(3, measure_reply(WARM).length, measure_reply(WARM).warmth)
    kinds = {f.kind for f in review_draft(WARM, history=history)}
    assert FindingKind.LENGTH_DECLINE not in kinds and FindingKind.WARMTH_DECLINE not in kinds


def test_one_earlier_reply_is_not_a_habit() -> None:
    history = _history(1, 600, 8)
    kinds = {f.kind for f in review_draft(CURT, history=history)}
    assert FindingKind.LENGTH_DECLINE not in kinds and FindingKind.WARMTH_DECLINE not in kinds


def test_recent_replies_count_not_old_ones() -> None:
    # One long reply long ago, then several short ones: a short draft is the usual now.
    history = _history(1, 900, 9) + _history(5, 60, 1)
    kinds = {f.kind for f in review_draft(CURT, history=history)}
    assert FindingKind.LENGTH_DECLINE not in kinds and FindingKind.WARMTH_DECLINE not in kinds
