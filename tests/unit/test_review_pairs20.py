"""Issue 15, Deliver 2 (round pairs20): the reply review recognises answers, acknowledgements and
reassurance by principle, in the words agents really use.

`pairs20_cases.jsonl` holds 101 mail+draft pairs of our own (133 with round pairs21's `p21_` ones;
varied shops; about half good drafts that must get no finding, many answering in other words than the
customer's). They are tuning cases: the
first 57 were written before the checks changed, the 24 `b2_` and the 20 `c3_` ones after the first and
the second round, each batch scored once before the next (tests/data/review/README.md gives the figures).
The per-kind bars are the final figures rounded down, with gold spans and with the analyser's own spans.
The smaller tests below state one principle each on sentences of their own.
"""

from __future__ import annotations

import pytest

from app.model import FindingKind, HighlightKind, Insight
from app.review import review
from bench.eval_sets import review_set
from bench.review_score import SCORED, analysed_insight, gold_insight, load_cases, precision_recall, score
from tests.review_support import insight_of


def _kinds(draft: str, mail: str, insight: Insight) -> list[FindingKind]:
    return [f.kind for f in review(draft, mail, insight).findings]


# (spans, min precision per kind, min recall per kind). The analyser-span precision bar follows the analyser:
# the layer retrained with round eight's worry rules marks a few more disclosures (a pencil set for an exam,
# 「合格祈願の…鉛筆セットを探しているのですが」, among them), and ignored_disclosure's precision went 0.82 -> 0.79
# (42 tp, 9 -> 11 fp); reported, not tuned back.
BARS = [("gold", 0.85, 0.9), ("analyser", 0.79, 0.85)]


@pytest.mark.parametrize(("spans", "min_precision", "min_recall"), BARS)
def test_pairs20_per_kind(spans: str, min_precision: float, min_recall: float) -> None:
    # Rounds pairs24's and pairs27's own pairs (`p24_`, `p27_`) have their own bars: tests/unit/test_review_pairs24.py
    # and tests/unit/test_review_pairs27.py.
    cases = [c for c in load_cases([review_set("pairs20")]) if not str(c["id"]).startswith(("p24", "p27"))]
    assert len(cases) >= 100 and sum(1 for c in cases if not c["expect"]) >= 50
    counts = score(cases, gold_insight if spans == "gold" else analysed_insight)
    for kind in SCORED:
        # Every kind is exercised by true cases, so a check that says nothing cannot pass.
        assert counts[kind]["tp"] + counts[kind]["fn"] >= 6, kind
        precision, recall = precision_recall(counts[kind])
        assert precision >= min_precision, (kind, counts[kind])
        assert recall >= min_recall, (kind, counts[kind])


def test_a_noun_of_the_verb_answers_the_verb() -> None:
    # お休み (the 連用形 noun) answers 休む.
    mail = "定期便は途中で休むことはできますか。"
    insight = insight_of(mail, (HighlightKind.REQUEST, "定期便は途中で休むことはできますか"))
    draft = "お問い合わせありがとうございます。\nマイページからいつでもお休みいただけます。"
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(draft, mail, insight)
    silent = "お問い合わせありがとうございます。\n今月の新作のご案内を同封しました。"
    assert FindingKind.UNANSWERED_REQUEST in _kinds(silent, mail, insight)


def test_a_how_often_question_takes_a_frequency() -> None:
    mail = "この鉢植えの水やりの頻度を教えてください。"
    insight = insight_of(mail, (HighlightKind.REQUEST, "この鉢植えの水やりの頻度を教えてください"))
    answered = "ご連絡ありがとうございます。\n夏は土が乾いたら、週に2回ほどで十分です。"
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(answered, mail, insight)
    other = "ご連絡ありがとうございます。\n日当たりのよい窓辺に置いてください。"
    assert FindingKind.UNANSWERED_REQUEST in _kinds(other, mail, insight)


def test_an_answer_to_one_question_does_not_answer_its_neighbour() -> None:
    mail = "古いフィルムでもきれいに現像できますか。\n現像には何日かかりますか。"
    insight = insight_of(mail, (HighlightKind.REQUEST, "古いフィルムでもきれいに現像できますか"),
                       (HighlightKind.REQUEST, "現像には何日かかりますか"))
    # 「現像は五日ほどです」 shares 現像 with both asks but gives the "how long" answer only.
    draft = "お問い合わせありがとうございます。\n現像は五日ほどいただいております。"
    unanswered = [f for f in review(draft, mail, insight).findings if f.kind is FindingKind.UNANSWERED_REQUEST]
    assert [mail[f.ref.start:f.ref.end] for f in unanswered if f.ref] == ["古いフィルムでもきれいに現像できますか"]


def test_an_elliptic_stock_question_is_about_the_request_before_it() -> None:
    mail = "先日の湯呑みを同じ柄で二つ追加したいです。\n在庫はありますか。"
    insight = insight_of(mail, (HighlightKind.REQUEST, "先日の湯呑みを同じ柄で二つ追加したいです"),
                       (HighlightKind.REQUEST, "在庫はありますか"))
    draft = "ご連絡ありがとうございます。\nあいにく、同じ柄の追加は難しいんです。"
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(draft, mail, insight)


def test_putting_it_off_is_a_refusal() -> None:
    mail = "二つの箱に分けて包んでいただけますか。"
    insight = insight_of(mail, (HighlightKind.REQUEST, "二つの箱に分けて包んでいただけますか"))
    bare = "ご連絡ありがとうございます。\n箱を分けるのは、今回は見送らせてください。"
    assert FindingKind.REFUSAL_WITHOUT_ALTERNATIVE in _kinds(bare, mail, insight)
    offered = bare + "\n代わりに、仕切り付きの箱でしたらご用意できます。"
    assert FindingKind.REFUSAL_WITHOUT_ALTERNATIVE not in _kinds(offered, mail, insight)


def test_a_worry_is_met_by_reassurance_about_its_object() -> None:
    mail = "雨の日に履くと靴擦れしないか心配です。"
    insight = insight_of(mail, (HighlightKind.WORRY, "雨の日に履くと靴擦れしないか心配です"))
    met = "ご連絡ありがとうございます。\n内側がやわらかい革なので、靴擦れしにくい作りです。どうぞご安心ください。"
    assert FindingKind.UNACKNOWLEDGED_WORRY not in _kinds(met, mail, insight)
    # Reassurance about something else does not touch it.
    elsewhere = "ご連絡ありがとうございます。\n個人情報は厳重に管理しておりますので、ご安心ください。"
    assert FindingKind.UNACKNOWLEDGED_WORRY in _kinds(elsewhere, mail, insight)
    # Reassurance taken back by a refusal in the same sentence reassures nothing.
    taken_back = "ご連絡ありがとうございます。\n靴擦れは起きにくいと思いますが、お約束はいたしかねます。"
    assert FindingKind.UNACKNOWLEDGED_WORRY in _kinds(taken_back, mail, insight)


def test_a_worry_span_that_states_no_concern_is_judged_as_something_told() -> None:
    mail = "うちの猫はとても人見知りで、来客があると隠れてしまう子です。\n爪とぎの替えはありますか。"
    insight = insight_of(mail, (HighlightKind.WORRY, "うちの猫はとても人見知りで、来客があると隠れてしまう子です"),
                       (HighlightKind.REQUEST, "爪とぎの替えはありますか"))
    kinds = _kinds("ご連絡ありがとうございます。\n爪とぎの替えは三枚セットでございます。", mail, insight)
    assert FindingKind.IGNORED_DISCLOSURE in kinds and FindingKind.UNACKNOWLEDGED_WORRY not in kinds


@pytest.mark.parametrize(("told", "answer"), [
    ("先月買ったハンドソープがとても良かったです", "気に入っていただけて、スタッフ一同とても嬉しいです。"),
    ("祖父の法事で使うお菓子を探しています", "このたびはご愁傷様でございます。"),
    ("届いた器が一つ割れていました", "ご不便をおかけして申し訳ございません。"),
    ("兄が来月結婚します", "お兄様のご結婚、誠におめでとうございます。"),
])
def test_the_feeling_answered_acknowledges_what_was_told(told: str, answer: str) -> None:
    mail = f"{told}。\n詰め合わせはありますか。"
    insight = insight_of(mail, (HighlightKind.DISCLOSURE, told), (HighlightKind.REQUEST, "詰め合わせはありますか"))
    warm = f"ご連絡ありがとうございます。\n{answer}\n詰め合わせは三種類ございます。"
    assert FindingKind.IGNORED_DISCLOSURE not in _kinds(warm, mail, insight)
    # Thanks for the mail alone answers no feeling.
    bare = "ご連絡いただき、誠にありがとうございます。\n詰め合わせは三種類ございます。"
    assert FindingKind.IGNORED_DISCLOSURE in _kinds(bare, mail, insight)


def test_order_details_are_no_disclosure_but_a_purchase_for_someone_is() -> None:
    mail = "値札はまだ付けたままです。\n母の誕生日用にこちらで購入しました。\n交換はできますか。"
    insight = insight_of(mail, (HighlightKind.DISCLOSURE, "値札はまだ付けたままです"),
                       (HighlightKind.DISCLOSURE, "母の誕生日用にこちらで購入しました"),
                       (HighlightKind.REQUEST, "交換はできますか"))
    findings = review("ご連絡ありがとうございます。\n未使用でしたら交換を承ります。", mail, insight).findings
    told = [mail[f.ref.start:f.ref.end] for f in findings if f.kind is FindingKind.IGNORED_DISCLOSURE and f.ref]
    assert told == ["母の誕生日用にこちらで購入しました"]


def test_a_word_of_the_order_acknowledges_nothing_personal() -> None:
    # 病院 answers where to deliver; it does not acknowledge the father's stay in hospital.
    mail = "父の入院のお見舞いに、小さな花束を贈りたいです。\n病院に直接届けてもらえますか。"
    insight = insight_of(mail, (HighlightKind.DISCLOSURE, "父の入院のお見舞いに、小さな花束を贈りたいです"),
                       (HighlightKind.REQUEST, "病院に直接届けてもらえますか"))
    plain = "ご連絡ありがとうございます。\n病院への直接のお届けも承ります。"
    assert FindingKind.IGNORED_DISCLOSURE in _kinds(plain, mail, insight)
    warm = "ご連絡ありがとうございます。\nお父様、どうぞお大事になさってください。\n病院への直接のお届けも承ります。"
    assert FindingKind.IGNORED_DISCLOSURE not in _kinds(warm, mail, insight)


def test_a_casual_line_ending_in_emoji_is_written_text() -> None:
    mail = "ポイントの有効期限を教えてください。"
    insight = insight_of(mail, (HighlightKind.REQUEST, "ポイントの有効期限を教えてください"))
    # Once taken for a signature line (no 。 and no predicate at its end), the whole draft was "not written".
    result = review("ありがとうございます！\nポイントは1年間使えるよ〜😊😊", mail, insight)
    assert not result.not_written
    assert FindingKind.TONE_OVERFAMILIAR in {f.kind for f in result.findings}
