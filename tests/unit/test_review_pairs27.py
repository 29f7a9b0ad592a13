"""Issue 15, Deliver 2 (round pairs27): an ask the reply talks around, a disclosure it answers in other words.

Round pairs27 counted the causes of every miss of the two kinds on the blind21–24 tune halves, pairs20 and its own 30
`p27_` pairs (tests/data/review/README.md has the table and the figures), then changed what generalised without a
false finding on a good draft:

- a choice described on both sides but picked on neither is not answered, and 「AとBで迷っているのですが」 is a choice;
  an alternative is named by its own word too (サビキ for サビキ釣り);
- a deadline asked as a yes or no (「その日までに…可能でしょうか」) wants a time or 間に合う;
- sentences that only describe (「〜ことがよくあります」「〜方も多いです」) answer nothing, even linked by topic;
- a need asked (〜は必ず要りますか) is answered by advice; a welcome (大歓迎です) and an act said as possible
  (起こせます, 洗えるように) are a yes;
- the end of a working life is heard by honouring the years of work, living far from family by the distance named.

The `p27_` pairs were scored once before any change (gold unanswered_request P 0.25 / R 0.27, ignored_disclosure
P 0.50 / R 0.60, 7 false findings on the 15 good drafts); the bars below are the figures at the round's end, rounded
down — tuning figures from then on. The smaller tests state one principle each on sentences of their own.
"""

from __future__ import annotations

from app.model import FindingKind, HighlightKind
from app.review import review
from bench.eval_sets import review_set
from bench.review_score import gold_insight, load_cases, precision_recall, score
from tests.review_support import insight_of

R = HighlightKind.REQUEST
D = HighlightKind.DISCLOSURE
ASK = FindingKind.UNANSWERED_REQUEST
TOLD = FindingKind.IGNORED_DISCLOSURE


def _refs(mail: str, draft: str, kind: FindingKind, *spans: tuple[HighlightKind, str]) -> list[str]:
    findings = review(draft, mail, insight_of(mail, *spans)).findings
    return [mail[f.ref.start : f.ref.end] for f in findings if f.kind is kind and f.ref is not None]


def _p27() -> list[dict[str, object]]:
    return [c for c in load_cases([review_set("pairs20")]) if str(c["id"]).startswith("p27_")]


def test_p27_pairs_at_the_rounds_end() -> None:
    cases = _p27()
    assert len(cases) == 30 and sum(1 for c in cases if not c["expect"]) == 15
    counts = score(cases, gold_insight)
    p, r = precision_recall(counts["unanswered_request"])
    assert p >= 0.65 and r >= 0.6, counts["unanswered_request"]
    p, r = precision_recall(counts["ignored_disclosure"])
    assert p >= 0.95 and r >= 0.6, counts["ignored_disclosure"]
    flagged = [c["id"] for c in cases if not c["expect"] and any(
        f.kind in (ASK, TOLD) for f in review(str(c["draft"]), str(c["mail"]), gold_insight(c)).findings)]
    assert len(flagged) <= 2, flagged


CHOICE_MAIL = ("はじめまして。\n来春から娘がピアノを習います。\n"
               "練習用に電子ピアノとアップライトで迷っているのですが、はじめはどちらがよいでしょうか。\n")
CHOICE = "練習用に電子ピアノとアップライトで迷っているのですが、はじめはどちらがよいでしょうか"


def test_a_choice_described_on_both_sides_but_picked_on_neither_is_not_answered() -> None:
    draft = ("山本様\n\nお問い合わせありがとうございます。\n"
             "電子ピアノは音量を絞れて場所をとらず、アップライトは鍵盤の重さが本物です。\n"
             "どちらも多くのご家庭で使われております。\nどうぞよろしくお願いいたします。\n")
    assert _refs(CHOICE_MAIL, draft, ASK, (R, CHOICE)) == [CHOICE]


def test_a_choice_picked_by_its_short_name_is_answered() -> None:
    draft = ("山本様\n\nお問い合わせありがとうございます。\n"
             "はじめの一台でしたら、鍵盤の重さが本物のアップライトをおすすめします。\n"
             "どうぞよろしくお願いいたします。\n")
    assert _refs(CHOICE_MAIL, draft, ASK, (R, CHOICE)) == []


DEADLINE_MAIL = ("お世話になります。\n十二月三日に社内の表彰式があります。\n"
                 "記念の盾を二十枚、その日までに納めていただくことは可能でしょうか。\n")
DEADLINE = "記念の盾を二十枚、その日までに納めていただくことは可能でしょうか"


def test_a_deadline_asked_is_not_met_by_a_yes_about_something_else() -> None:
    draft = ("佐藤様\n\nご依頼ありがとうございます。\n"
             "盾には社名とお名前を彫刻いたします。化粧箱にお入れすることもできます。\n"
             "どうぞよろしくお願いいたします。\n")
    assert _refs(DEADLINE_MAIL, draft, ASK, (D, "十二月三日に社内の表彰式があります"), (R, DEADLINE)) == [DEADLINE]


def test_a_deadline_is_met_by_a_date_before_it() -> None:
    draft = ("佐藤様\n\nご依頼ありがとうございます。表彰式のご成功をお祈りしております。\n"
             "盾は十一月二十八日までにお届けいたします。\n"
             "どうぞよろしくお願いいたします。\n")
    assert _refs(DEADLINE_MAIL, draft, ASK, (D, "十二月三日に社内の表彰式があります"), (R, DEADLINE)) == []


NEED_MAIL = ("こんにちは。\nはじめてメダカを飼います。\n水草は必ず要りますか。\n")


def test_a_need_asked_is_answered_by_advice() -> None:
    draft = ("林様\n\nお問い合わせありがとうございます。\n"
             "メダカは卵を産みつける場所が要る魚なので、ホテイアオイを一株入れてあげてください。\n"
             "どうぞよろしくお願いいたします。\n")
    assert _refs(NEED_MAIL, draft, ASK, (D, "はじめてメダカを飼います"), (R, "水草は必ず要りますか")) == []


RETIRED_MAIL = ("はじめまして。\n今月末で三十五年勤めた役所を定年退職します。\n"
                "退職後は家庭菜園を始めるつもりです。\n初心者向けの鍬はありますか。\n")


def test_the_end_of_a_working_life_is_heard_by_honouring_the_years_of_work() -> None:
    draft = ("中村様\n\n三十五年の長いお勤め、本当にお疲れさまでした。\n"
             "家庭菜園、楽しみですね。\n軽くて扱いやすい初心者向けの鍬がございます。\n")
    assert _refs(RETIRED_MAIL, draft, TOLD, (D, "今月末で三十五年勤めた役所を定年退職します"),
                 (D, "退職後は家庭菜園を始めるつもりです"), (R, "初心者向けの鍬はありますか")) == []


def test_living_far_from_family_is_heard_by_the_distance_named_back() -> None:
    mail = ("ご相談です。\n母が一人で暮らしています。\n私は大阪に住んでいて、年に二回しか帰れません。\n"
            "母の家の庭の草取りをお願いできますか。\n")
    draft = ("森様\n\nご相談ありがとうございます。\n"
             "遠方からでもご安心いただけるよう、作業のあとに写真をお送りします。\nお母様のお宅の草取り、承ります。\n")
    assert _refs(mail, draft, TOLD, (D, "私は大阪に住んでいて、年に二回しか帰れません"),
                 (R, "母の家の庭の草取りをお願いできますか")) == []
