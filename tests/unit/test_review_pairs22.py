"""Issue 15, Deliver 2 (round pairs22): the meaning findings follow the principle each check's docstring states,
as a careful senior agent applies it (what answers each type of question, what acknowledges a disclosure, which
disclosures deserve it, what meets a worry, what a refusal must leave the customer).

`pairs20_cases.jsonl` holds round pairs22's 108 `p22` pairs (40 `p22_`, 20 `p22b_`, 20 `p22c_`, 16 `p22d_`,
12 `p22e_`; 54 good drafts),
written as another writer would and each batch scored once before the checks changed for it
(tests/data/review/README.md gives those first scores). The bars are the figures after the round rounded down;
false findings on good drafts are held at zero. The smaller tests state one principle each on sentences of
their own.
"""

from __future__ import annotations

import pytest

from app.model import FindingKind, HighlightKind, Insight
from app.review import review
from bench.eval_sets import review_set
from bench.review_score import SCORED, analysed_insight, gold_insight, load_cases, precision_recall, score
from tests.review_support import insight_of

D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY
HI = "お問い合わせありがとうございます。\n"


def _p22() -> list[dict[str, object]]:
    return [c for c in load_cases([review_set("pairs20")]) if str(c["id"]).startswith("p22")]


def _kinds(draft: str, mail: str, insight: Insight) -> list[FindingKind]:
    return [f.kind for f in review(draft, mail, insight).findings]


# With the analyser's own spans the bar moves with the analyser: the round-eight retrain marks one more disclosure
# in one of these mails that the drafts leave alone (ignored_disclosure 20/6/1 -> 20/7/1, P 0.77 -> 0.74).
@pytest.mark.parametrize(("spans", "min_precision", "min_recall"), [("gold", 0.85, 0.95), ("analyser", 0.70, 0.85)])
def test_p22_pairs_per_kind(spans: str, min_precision: float, min_recall: float) -> None:
    cases = _p22()
    assert len(cases) == 108 and sum(1 for c in cases if not c["expect"]) == 54
    counts = score(cases, gold_insight if spans == "gold" else analysed_insight)
    for kind in SCORED:
        assert counts[kind]["tp"] + counts[kind]["fn"] >= 2, kind  # every kind has true cases
        precision, recall = precision_recall(counts[kind])
        assert precision >= min_precision, (kind, counts[kind])
        assert recall >= min_recall, (kind, counts[kind])


def test_no_false_finding_on_the_good_p22_drafts() -> None:
    good = [c for c in _p22() if not c["expect"]]
    log: list[str] = []
    score(good, gold_insight, log)
    assert log == []


def test_a_where_question_is_answered_by_a_place() -> None:
    mail = "傘の忘れ物をしてしまいました。どこで受け取れますか。それと、保管は何日までですか。"
    insight = insight_of(mail, (R, "どこで受け取れますか"), (R, "保管は何日までですか"))
    told_where = HI + "二階のサービスカウンターでお渡ししております。保管は三十日間です。"
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(told_where, mail, insight)
    only_when = HI + "保管は三十日間です。"
    found = [f for f in review(only_when, mail, insight).findings if f.kind is FindingKind.UNANSWERED_REQUEST]
    assert [mail[f.ref.start : f.ref.end] for f in found if f.ref] == ["どこで受け取れますか"]


def test_an_act_already_done_answers_by_its_words_only() -> None:
    mail = "届け先の住所を実家に変更していただけますか。"
    insight = insight_of(mail, (R, "届け先の住所を実家に変更していただけますか"))
    done = HI + "お届け先を、ご実家のご住所に変更いたしました。"
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(done, mail, insight)
    other_act = HI + "新しいカタログを同封いたしました。"
    assert FindingKind.UNANSWERED_REQUEST in _kinds(other_act, mail, insight)


def test_any_humble_form_with_kaneru_refuses() -> None:
    mail = "週末に自宅まで届けていただけますか。"
    insight = insight_of(mail, (R, "週末に自宅まで届けていただけますか"))
    bare = HI + "あいにく、週末のお届けはご希望に添いかねます。"
    assert FindingKind.REFUSAL_WITHOUT_ALTERNATIVE in _kinds(bare, mail, insight)
    with_way = bare + "\n平日の夕方でしたら、ご自宅までお届けできます。"
    assert FindingKind.REFUSAL_WITHOUT_ALTERNATIVE not in _kinds(with_way, mail, insight)


def test_the_feeling_owned_as_natural_meets_the_worry() -> None:
    mail = "色が二つで迷っていて、部屋に合うか不安です。"
    insight = insight_of(mail, (W, "部屋に合うか不安です"))
    owned = HI + "お部屋に置くものですから、色選びは迷われますよね。実物に近い写真を二色ともお送りします。"
    assert FindingKind.UNACKNOWLEDGED_WORRY not in _kinds(owned, mail, insight)
    facts = HI + "二色とも在庫がございます。"
    assert FindingKind.UNACKNOWLEDGED_WORRY in _kinds(facts, mail, insight)


def test_a_plan_ahead_is_heard_by_wishing_it_well() -> None:
    mail = "来月、友人と沖縄へ旅行に行きます。日焼け止めのおすすめはありますか。"
    insight = insight_of(mail, (D, "来月、友人と沖縄へ旅行に行きます"), (R, "日焼け止めのおすすめはありますか"))
    wished = HI + "南の島でのひととき、素敵な思い出になりますように。\n汗に強いジェルタイプがおすすめです。"
    assert FindingKind.IGNORED_DISCLOSURE not in _kinds(wished, mail, insight)
    answered_only = HI + "汗に強いジェルタイプがおすすめです。"
    assert FindingKind.IGNORED_DISCLOSURE in _kinds(answered_only, mail, insight)


def test_something_instead_is_answered_by_a_thing_offered_on_a_condition() -> None:
    mail = "子どもが小麦を食べられません。何か代わりになるお菓子はありますか。"
    insight = insight_of(mail, (D, "子どもが小麦を食べられません"), (R, "何か代わりになるお菓子はありますか"))
    offered = HI + ("お子様のアレルギーのこと、承知いたしました。\n"
                    "米粉のクッキーでしたら、安心して召し上がっていただけます。")
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(offered, mail, insight)


def test_why_takes_a_reason_about_it() -> None:
    mail = "先月買った時計が、また遅れるようになりました。なぜまた遅れるのでしょうか。もう一度見ていただけますか。"
    insight = insight_of(mail, (R, "なぜまた遅れるのでしょうか"), (R, "もう一度見ていただけますか"))
    unrelated = HI + "保証期間内ですので、無料で点検いたします。"
    refs = [mail[f.ref.start : f.ref.end] for f in review(unrelated, mail, insight).findings
            if f.kind is FindingKind.UNANSWERED_REQUEST and f.ref]
    assert refs == ["なぜまた遅れるのでしょうか"]
    cause = unrelated + "\n電池の消耗が原因のことが多く、電池交換で直ります。"
    assert FindingKind.UNANSWERED_REQUEST not in _kinds(cause, mail, insight)


def test_an_interval_is_how_often_not_when() -> None:
    mail = "水やりの頻度を教えてください。肥料をあげる時期も教えてください。"
    insight = insight_of(mail, (R, "水やりの頻度を教えてください"), (R, "肥料をあげる時期も教えてください"))
    draft = HI + "冬は十日に一度で十分です。"
    refs = [mail[f.ref.start : f.ref.end] for f in review(draft, mail, insight).findings
            if f.kind is FindingKind.UNANSWERED_REQUEST and f.ref]
    assert refs == ["肥料をあげる時期も教えてください"]


def test_a_plain_verb_with_tori_is_no_slang() -> None:
    mail = "膝が弱くても歩けるコースはありますか。"
    insight = insight_of(mail, (R, "膝が弱くても歩けるコースはありますか"))
    draft = HI + "平坦なコースがございます。休憩を多めにとりますので、ご安心ください。"
    assert FindingKind.TONE_OVERFAMILIAR not in _kinds(draft, mail, insight)


def test_a_refusal_with_no_warm_word_answering_a_mail_is_cold() -> None:
    mail = "廃盤になった色の糸を取り寄せていただけますか。"
    insight = insight_of(mail, (R, "廃盤になった色の糸を取り寄せていただけますか"))
    cold = "廃盤品の取り寄せは行っていません。手芸店でお探しください。"
    kinds = _kinds(cold, mail, insight)
    assert FindingKind.TONE_COLD in kinds and FindingKind.REFUSAL_WITHOUT_ALTERNATIVE not in kinds
    warm = ("お問い合わせありがとうございます。\n"
            "申し訳ございませんが、廃盤品の取り寄せは行っておりません。手芸店でお探しいただけます。")
    assert FindingKind.TONE_COLD not in _kinds(warm, mail, insight)
