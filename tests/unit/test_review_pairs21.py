"""Issue 15, Deliver 2 (round pairs21): the meaning findings judged by the principles a careful agent applies,
found on the blind19/blind20 tune halves (written by two other people) and on our own `p21_` pairs.

The per-kind bars on the two tune halves are the figures after this round rounded down (they were gold min
P 0.60 / R 0.67, analyser min P 0.50 / R 0.72 before it). The smaller tests state one principle each, on
sentences of their own (not the halves' sentences).
"""

from __future__ import annotations

import pytest

from app.model import FindingKind, HighlightKind, Insight
from app.review import review
from bench.eval_sets import review_set
from bench.review_score import SCORED, analysed_insight, gold_insight, load_cases, precision_recall, score
from tests.review_support import insight_of

D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY
HI = "ご連絡ありがとうございます。\n"


def _refs(draft: str, mail: str, insight: Insight, kind: FindingKind) -> list[str]:
    return [mail[f.ref.start : f.ref.end] if f.ref else "" for f in review(draft, mail, insight).findings
            if f.kind is kind]


@pytest.mark.parametrize(("spans", "min_precision", "min_recall"), [("gold", 0.9, 0.9), ("analyser", 0.9, 0.9)])
def test_blind19_and_blind20_tune_halves_per_kind(spans: str, min_precision: float, min_recall: float) -> None:
    cases = load_cases([review_set("blind19_tune_pairs"), review_set("blind20_tune_pairs")])
    assert len(cases) == 80
    counts = score(cases, gold_insight if spans == "gold" else analysed_insight)
    for kind in SCORED:
        assert counts[kind]["tp"] + counts[kind]["fn"] >= 5, kind
        precision, recall = precision_recall(counts[kind])
        assert precision >= min_precision, (kind, counts[kind])
        assert recall >= min_recall, (kind, counts[kind])


# --- unanswered_request ---

def test_a_yes_does_not_answer_a_how_much_question() -> None:
    mail = ("以前こちらで鍵を作っていただいた者です。覚えていらっしゃいますか。\n"
            "合鍵をもう一本作るといくらかかりますか。")
    insight = insight_of(mail, (R, "合鍵をもう一本作るといくらかかりますか"))
    draft = HI + "はい、もちろん覚えております。\nまたのご来店をお待ちしております。"
    assert _refs(draft, mail, insight, FindingKind.UNANSWERED_REQUEST) == ["合鍵をもう一本作るといくらかかりますか"]
    priced = HI + "はい、もちろん覚えております。\n合鍵は一本880円でお作りいたします。"
    assert not _refs(priced, mail, insight, FindingKind.UNANSWERED_REQUEST)


def test_a_price_question_wants_a_price_not_the_dates() -> None:
    mail = "ピアノの体験レッスンを受けたいです。\n体験レッスンの料金はいくらですか。"
    insight = insight_of(mail, (R, "ピアノの体験レッスンを受けたいです"), (R, "体験レッスンの料金はいくらですか"))
    dates = HI + "体験レッスンは毎週土曜日の午前中にご予約いただけます。"
    assert _refs(dates, mail, insight, FindingKind.UNANSWERED_REQUEST) == ["体験レッスンの料金はいくらですか"]


def test_why_and_how_asks_take_a_reason_and_steps() -> None:
    mail = "注文したケーキが崩れて届きました。\nなぜ崩れてしまったのか、説明していただけますか。"
    insight = insight_of(mail, (R, "なぜ崩れてしまったのか、説明していただけますか"))
    reason = ("申し訳ございません。\n配送中に箱が傾いてしまったため、ケーキが崩れてしまいました。"
              "新しいケーキをお届けいたします。")
    assert not _refs(reason, mail, insight, FindingKind.UNANSWERED_REQUEST)
    mail = "革のバッグにカビが生えてしまいました。\nどうすればきれいになりますか。"
    insight = insight_of(mail, (R, "どうすればきれいになりますか"))
    steps = HI + "乾いた布で表面を拭き取ってから、風通しのよい日陰で一日干してください。"
    assert not _refs(steps, mail, insight, FindingKind.UNANSWERED_REQUEST)


def test_a_welcome_does_not_answer_by_the_person_it_names() -> None:
    mail = "姉の誕生日にこちらの花束を贈りたいです。\n姉の家に直接届けてもらえますか。"
    insight = insight_of(mail, (D, "姉の誕生日にこちらの花束を贈りたいです"), (R, "姉の家に直接届けてもらえますか"))
    draft = HI + "お姉様のお誕生日に選んでいただき、とても嬉しいです。\n花束は季節のお花でお作りします。"
    assert _refs(draft, mail, insight, FindingKind.UNANSWERED_REQUEST) == ["姉の家に直接届けてもらえますか"]


def test_a_preface_and_the_customers_own_wish_ask_nothing() -> None:
    mail = "個人的なお願いなのですが。\n来週の火曜日に眼鏡の調整をお願いできますか。\n早く慣れるようにしたいです。"
    insight = insight_of(mail, (R, "個人的なお願いなのですが"), (R, "来週の火曜日に眼鏡の調整をお願いできますか"),
                       (R, "早く慣れるようにしたいです"))
    draft = HI + "来週の火曜日でしたら、午後二時から調整を承ります。"
    assert not _refs(draft, mail, insight, FindingKind.UNANSWERED_REQUEST)


def test_an_ask_pointing_back_is_answered_by_the_clause_before_it() -> None:
    mail = "発表会は三月八日です。\nそれまでに衣装の裾上げは間に合いますか。"
    insight = insight_of(mail, (R, "それまでに衣装の裾上げは間に合いますか"))
    draft = HI + "三月八日の発表会でしたら、今月中にお預かりできれば十分です。"
    assert not _refs(draft, mail, insight, FindingKind.UNANSWERED_REQUEST)


# --- ignored_disclosure ---

def test_an_event_is_heard_by_the_event_not_by_the_person_named() -> None:
    mail = "来月、息子が二十歳の誕生日を迎えます。\n名入れの万年筆は、漢字でも彫れますか。"
    insight = insight_of(mail, (D, "来月、息子が二十歳の誕生日を迎えます"), (R, "名入れの万年筆は、漢字でも彫れますか"))
    person_only = HI + "息子さんのお名前は漢字でもお彫りできます。"
    assert _refs(person_only, mail, insight, FindingKind.IGNORED_DISCLOSURE) == ["来月、息子が二十歳の誕生日を迎えます"]
    heard = HI + "息子さんの二十歳のお誕生日、おめでとうございます。\nお名前は漢字でもお彫りできます。"
    assert not _refs(heard, mail, insight, FindingKind.IGNORED_DISCLOSURE)


def test_a_move_is_not_heard_by_naming_the_town() -> None:
    mail = "先月、夫の転勤で名古屋に引っ越してきました。\n名古屋市内にも配達していますか。"
    insight = insight_of(mail, (D, "先月、夫の転勤で名古屋に引っ越してきました"), (R, "名古屋市内にも配達していますか"))
    town = HI + "名古屋市内も配達エリアです。"
    assert _refs(town, mail, insight, FindingKind.IGNORED_DISCLOSURE) == ["先月、夫の転勤で名古屋に引っ越してきました"]
    welcome = HI + "新しい土地での生活、慣れるまで何かとお忙しいことと存じます。\n" + "名古屋市内も配達エリアです。"
    assert not _refs(welcome, mail, insight, FindingKind.IGNORED_DISCLOSURE)


@pytest.mark.parametrize("told", [
    "二年前にそちらで自転車を購入しました山本です",  # a self-introduction
    "はじめてご注文を検討しております",  # what they do with the shop
    "昨日、母と二人でそちらのお店を利用しました",  # the party who came along
    "庭の梅も咲き始め、春らしい季節になりました",  # the season, the letter's greeting
])
def test_what_is_not_the_customers_news_is_not_expected_to_be_heard(told: str) -> None:
    mail = f"{told}。\n替えのチューブはありますか。"
    insight = insight_of(mail, (D, told), (R, "替えのチューブはありますか"))
    draft = HI + "替えのチューブは各サイズございます。"
    assert not _refs(draft, mail, insight, FindingKind.IGNORED_DISCLOSURE)


def test_a_bare_premise_is_not_expected_but_a_reason_is() -> None:
    premise = "週末に車で伺う予定なのですが"
    mail = f"{premise}、駐車場はありますか。"
    insight = insight_of(mail, (D, premise), (R, "駐車場はありますか"))
    draft = HI + "店舗の裏に無料の駐車場が五台分ございます。"
    assert not _refs(draft, mail, insight, FindingKind.IGNORED_DISCLOSURE)
    reason = "足が悪く長く歩けないので"
    mail = f"{reason}、駐車場はありますか。"
    insight = insight_of(mail, (D, reason), (R, "駐車場はありますか"))
    assert _refs(draft, mail, insight, FindingKind.IGNORED_DISCLOSURE) == [reason]


def test_praise_of_what_the_shop_shows_is_heard_by_joy() -> None:
    told = "先月のメルマガの盛り付けの写真、とてもきれいでした"
    mail = f"{told}。\n同じ器はまだありますか。"
    insight = insight_of(mail, (D, told), (R, "同じ器はまだありますか"))
    joy = HI + "お褒めの言葉をいただき、スタッフ一同うれしく拝読しました。\n同じ器は在庫がございます。"
    assert not _refs(joy, mail, insight, FindingKind.IGNORED_DISCLOSURE)
    bare = HI + "同じ器は在庫がございます。"
    assert _refs(bare, mail, insight, FindingKind.IGNORED_DISCLOSURE) == [told]


def test_a_person_named_while_hearing_something_else_hears_nothing_more() -> None:
    first, second = "娘は来春から高校生になります", "最近、娘が毎朝早起きして部活の朝練に通っています"
    mail = f"{first}。\n{second}。\n軽いスポーツバッグはありますか。"
    insight = insight_of(mail, (D, first), (D, second), (R, "軽いスポーツバッグはありますか"))
    draft = (HI + "お嬢様のご入学、おめでとうございます。\n"
             "軽量のスポーツバッグは三色ございます。")
    assert _refs(draft, mail, insight, FindingKind.IGNORED_DISCLOSURE) == [second]


# --- unacknowledged_worry, refusal_without_alternative ---

def test_sympathy_with_another_trouble_is_no_empathy_with_the_worry() -> None:
    broke = "昨日、カメラを落としてレンズが割れてしまいました"
    worry = "旅行の写真が消えてしまわないか心配です"
    mail = f"{broke}。\n修理にはどのくらいかかりますか。\n{worry}。"
    insight = insight_of(mail, (D, broke), (R, "修理にはどのくらいかかりますか"), (W, worry))
    elsewhere = HI + "レンズが割れてしまうとお困りのことと存じます。\n修理は一週間ほどです。"
    assert _refs(elsewhere, mail, insight, FindingKind.UNACKNOWLEDGED_WORRY) == [worry]
    named = HI + "写真のことがご心配ですよね。\n修理は一週間ほどです。"
    assert not _refs(named, mail, insight, FindingKind.UNACKNOWLEDGED_WORRY)


def test_a_way_offered_just_before_a_refusal_is_an_alternative() -> None:
    mail = "今日の夕方に配達していただけますか。"
    insight = insight_of(mail, (R, "今日の夕方に配達していただけますか"))
    kinds = {f.kind for f in review(HI + "お急ぎの場合は、店頭でのお受け取りをお選びいただけます。\n"
                                    "本日の夕方の配達はお受けできません。", mail, insight).findings}
    assert FindingKind.REFUSAL_WITHOUT_ALTERNATIVE not in kinds
    kinds = {f.kind for f in review(HI + "ご不明な場合はお問い合わせください。\n"
                                    "本日の夕方の配達はお受けできません。", mail, insight).findings}
    assert FindingKind.REFUSAL_WITHOUT_ALTERNATIVE in kinds
