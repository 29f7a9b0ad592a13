"""The review's general rules on small mails: answers by commitment, what counts as acknowledging,
refusals and their alternatives, cold tone, and tokenising long text.

Each test is one rule on a made-up mail; the case files (`test_review_sets.py`)
measure the rules together.
"""

from __future__ import annotations

from app.model import FindingKind, HighlightKind, Insight
from app.review import review_draft
from app.review.context import ReviewContext, quoted_ranges
from app.review.tokens import tokenize
from tests.review_support import insight_of


def _kinds(draft: str, mail: str, insight: Insight) -> list[FindingKind]:
    return [f.kind for f in review_draft(draft, mail, insight)]


NOTIFY_MAIL = "お世話になっております。\n発送日が決まりましたら、お手数ですがお知らせいただけると助かります。"
NOTIFY = (HighlightKind.REQUEST, "発送日が決まりましたら、お手数ですがお知らせいただけると助かります")


def test_a_promise_to_tell_answers_a_request_to_be_told() -> None:
    insight = insight_of(NOTIFY_MAIL, NOTIFY)
    draft = "お問い合わせありがとうございます。\n次回の発送日は調整中のため、決まり次第メールでご連絡いたします。"
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(draft, NOTIFY_MAIL, insight)


def test_a_promise_to_tell_about_something_else_does_not() -> None:
    insight = insight_of(NOTIFY_MAIL, NOTIFY)
    draft = "お問い合わせありがとうございます。\n新商品の入荷はメールマガジンでご案内いたします。"
    assert FindingKind.UNANSWERED_REQUEST in _kinds(draft, NOTIFY_MAIL, insight)


def test_asking_the_customer_to_tell_us_is_no_promise() -> None:
    insight = insight_of(NOTIFY_MAIL, NOTIFY)
    draft = "お問い合わせありがとうございます。\n発送日のご希望がございましたらお知らせください。"
    assert FindingKind.UNANSWERED_REQUEST in _kinds(draft, NOTIFY_MAIL, insight)


def test_a_commitment_on_the_same_thing_answers_a_wish() -> None:
    mail = "色違いのピンクはありますか。\nあったら2個欲しいです。"
    insight = insight_of(
        mail, (HighlightKind.REQUEST, "色違いのピンクはありますか"), (HighlightKind.REQUEST, "あったら2個欲しいです")
    )
    draft = "ありがとうございます。\nピンクの色違いは在庫がございますので、2個お取り置きいたします。"
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(draft, mail, insight)
    # A closing formula commits to nothing.
    cold = "ありがとうございます。\nピンクの色違いは在庫がございます。\nご注文をお待ちしております。"
    findings = review_draft(cold, mail, insight)
    assert [mail[f.ref.start : f.ref.end] for f in findings if f.ref] == ["あったら2個欲しいです"]


def test_an_ask_pointing_back_is_matched_with_its_whole_request() -> None:
    mail = "キャンセル料がかかるようでしたら、その金額も教えてください。"
    insight = insight_of(mail, (HighlightKind.REQUEST, "キャンセル料がかかるようでしたら、その金額も教えてください"))
    answered = "ご連絡ありがとうございます。\n出発の30日前まではキャンセル料はかかりません。"
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(answered, mail, insight)
    unrelated = "ご連絡ありがとうございます。\nご出発を楽しみにお待ちしております。"
    assert FindingKind.UNANSWERED_REQUEST in _kinds(unrelated, mail, insight)


SHOES_MAIL = "こんにちは。\n膝への負担が少ないランニングシューズを探しています。\n23.5センチの在庫はありますか。"
SHOES = insight_of(
    SHOES_MAIL,
    (HighlightKind.DISCLOSURE, "膝への負担が少ないランニングシューズを探しています"),
    (HighlightKind.REQUEST, "23.5センチの在庫はありますか"),
)


def test_naming_the_product_acknowledges_nothing() -> None:
    draft = "お問い合わせありがとうございます。\nこちらのランニングシューズは、23.5センチの在庫がございます。"
    assert FindingKind.IGNORED_DISCLOSURE in _kinds(draft, SHOES_MAIL, SHOES)
    heard = draft + "\n膝への負担を抑えたいとのこと、クッション性の高い中敷きもおすすめです。"
    assert FindingKind.IGNORED_DISCLOSURE not in _kinds(heard, SHOES_MAIL, SHOES)


def test_words_of_the_order_do_not_acknowledge_a_disclosure() -> None:
    mail = "先週ダイニングテーブルを注文した佐々木です。\n古いテーブルはもう処分してしまったので、困っています。"
    insight = insight_of(mail, (HighlightKind.DISCLOSURE, "古いテーブルはもう処分してしまったので、困っています"))
    draft = "ご注文ありがとうございます。\nテーブルは来週の火曜日にお届けいたします。"
    assert FindingKind.IGNORED_DISCLOSURE in _kinds(draft, mail, insight)


def test_generic_thanks_acknowledges_nothing() -> None:
    mail = "毎月お米の定期便を利用しています。\n来月の配送日を教えてください。"
    insight = insight_of(
        mail,
        (HighlightKind.DISCLOSURE, "毎月お米の定期便を利用しています"),
        (HighlightKind.REQUEST, "来月の配送日を教えてください"),
    )
    draft = "いつもご利用いただき、ありがとうございます。\n来月の配送日は5日です。"
    assert FindingKind.IGNORED_DISCLOSURE in _kinds(draft, mail, insight)


def test_a_counted_age_acknowledges() -> None:
    mail = "12歳になる柴犬を飼っています。"
    insight = insight_of(mail, (HighlightKind.DISCLOSURE, "12歳になる柴犬を飼っています"))
    heard = "メールありがとうございます。\n12歳のわんちゃん、長生きですね。"
    assert FindingKind.IGNORED_DISCLOSURE not in _kinds(heard, mail, insight)
    same_number = "メールありがとうございます。\n発送は12時までです。"
    assert FindingKind.IGNORED_DISCLOSURE in _kinds(same_number, mail, insight)


def test_empathy_in_other_words() -> None:
    mail = "娘の咳が続いたらと思うと、気が気ではありません。"
    insight = insight_of(mail, (HighlightKind.WORRY, "娘の咳が続いたらと思うと、気が気ではありません"))
    draft = "ご連絡ありがとうございます。\nさぞ気が休まらない日々をお過ごしのことと存じます。"
    assert FindingKind.UNACKNOWLEDGED_WORRY not in _kinds(draft, mail, insight)
    facts = "ご連絡ありがとうございます。\n加湿器は明日お届けします。ご安心ください。"
    assert FindingKind.UNACKNOWLEDGED_WORRY in _kinds(facts, mail, insight)


def _refusals(draft: str) -> list[str]:
    return [draft[f.start : f.end] for f in review_draft(draft) if f.kind is FindingKind.REFUSAL_WITHOUT_ALTERNATIVE]


def test_an_answer_to_another_question_is_no_alternative() -> None:
    draft = (
        "お問い合わせありがとうございます。\nクッキーへの名入れは対応いたしかねます。\n"
        "クッキー缶は金曜日の午前11時からお渡しできます。"
    )
    assert _refusals(draft) == ["クッキーへの名入れは対応いたしかねます。"]


def test_the_thing_refused_is_no_alternative_to_itself() -> None:
    draft = "ありがとうございます。\n申し訳ございませんが、セール品のお取り置きは承っておりません。\nご理解ください。"
    assert len(_refusals(draft)) == 1
    other = "ありがとうございます。\n別のお色への交換はお受けできません。\nご了承くださいませ。"
    assert len(_refusals(other)) == 1


def test_an_offer_after_the_refusal_is_an_alternative() -> None:
    draft = (
        "ありがとうございます。\n申し訳ございませんが、一時休止は承っておりません。\n"
        "その代わり、配送先の変更でしたらすぐに承ります。"
    )
    assert _refusals(draft) == []
    before = "ありがとうございます。\n三日間の延長でしたら承れますが、一週間の延長はお受けできません。"
    assert _refusals(before) == []


def test_a_purpose_is_no_reason_but_a_cause_is() -> None:
    purpose = "ありがとうございます。\n申し訳ございませんが、お届けを早めるための特別便はご用意いたしかねます。"
    assert len(_refusals(purpose)) == 1
    cause = "ありがとうございます。\nメーカー直送品のため、お届け日を早めることはできかねます。"
    assert _refusals(cause) == []


def test_soft_refusal_is_a_refusal() -> None:
    assert len(_refusals("ありがとうございます。\n一週間の延長は難しい状況です。")) == 1


def test_the_stock_closing_does_not_warm_a_cold_reply() -> None:
    draft = (
        "ご注文の商品は明日発送します。\n追跡番号は配送業者のサイトで確認してください。\n"
        "ご不明な点がございましたら、お気軽にお問い合わせください。"
    )
    assert FindingKind.TONE_COLD in [f.kind for f in review_draft(draft)]
    warm = "ご注文ありがとうございます。\n" + draft
    assert FindingKind.TONE_COLD not in [f.kind for f in review_draft(warm)]


def test_an_outlook_header_block_starts_a_quote() -> None:
    draft = "承知いたしました。\n\nFrom: 山田 <yamada@example.jp>\nSent: Monday\nSubject: 交換\n\n交換できますか。"
    (start, end), = quoted_ranges(draft)
    assert draft[start:].startswith("From:") and end == len(draft)
    assert all("交換" not in s.text for s in ReviewContext(draft).sentences)


def test_text_longer_than_sudachi_accepts_is_tokenised_in_chunks() -> None:
    text = "本日はご注文ありがとうございます。\n" * 3000  # ~51,000 characters, ~150 kB
    tokens = tokenize(text)
    assert tokens[-1].end == len(text)
    assert all(text[t.start : t.end] == t.surface for t in tokens[::97])
    shifted = tokenize("ご注文", 10)
    assert (shifted[0].start, shifted[-1].end) == (10, 13)
