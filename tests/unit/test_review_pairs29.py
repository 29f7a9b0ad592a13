"""Round idp29: which things told a careful agent asks a reply to acknowledge, and what counts as acknowledging.

Leave one batch out (`bench/review_lobo.py`) showed the false findings of ignored_disclosure
grouped by kind: a standing fact told only as the reason for an ask that the reply meets
(「長く座っているのがつらいのですが、途中で休憩を」), a bare age line or a self-introduction by
the customer's ways with the shop, the times they are free, and a worry that states the state of
mind it leaves them in (踏み切れず, 途方に暮れ) reported once more as something told. Minor things
are asked for only of a reply that hears nothing of the customer's story. Each test states one
principle on sentences of its own, with a hard negative beside it.
"""

from __future__ import annotations

from app.model import FindingKind, Highlight, HighlightKind, Insight
from app.review import learned, review, review_draft
from app.review.checks.ignored_disclosure import AGE_LINE, FREE_TIME, introduces_them, replaces_goods
from app.review.checks.unacknowledged_worry import states_a_feeling
from tests.review_support import insight_of

D = HighlightKind.DISCLOSURE
R = HighlightKind.REQUEST
W = HighlightKind.WORRY
TOLD = FindingKind.IGNORED_DISCLOSURE


def _unheard(mail: str, draft: str, *spans: tuple[HighlightKind, str]) -> list[str]:
    """The rules' ignored_disclosure findings (the learned scorer off: it only withdraws)."""
    saved = learned.load_default()
    learned.use_model(None)
    try:
        findings = review(draft, mail, insight_of(mail, *spans)).findings
    finally:
        learned.use_model(saved)
    return [mail[f.ref.start : f.ref.end] for f in findings if f.kind is TOLD and f.ref is not None]


# --- A standing fact told as the reason for an ask is heard by meeting the ask, when the story is heard ---------

KNEE_MAIL = ("こんにちは。\n来月、孫の七五三のお祝いで家族が集まります。\n"
             "膝が悪く長い階段がつらいので、一階のお部屋にしていただけますか。\n")
KNEE_SPANS = ((D, "来月、孫の七五三のお祝いで家族が集まります"), (D, "膝が悪く長い階段がつらいので"),
              (R, "一階のお部屋にしていただけますか"))


def test_a_reason_is_heard_by_the_ask_met_in_a_reply_that_hears_the_story() -> None:
    draft = "お孫様の七五三、誠におめでとうございます。\n当日は一階の個室をご用意いたします。\n"
    assert _unheard(KNEE_MAIL, draft, *KNEE_SPANS) == []


def test_a_reason_goes_unheard_with_its_unanswered_ask() -> None:
    draft = "お孫様の七五三、誠におめでとうございます。\nご来店を心よりお待ちしております。\n"
    assert "膝が悪く長い階段がつらいので" in _unheard(KNEE_MAIL, draft, *KNEE_SPANS)


def test_a_reason_is_asked_for_when_the_reply_hears_nothing_of_the_story() -> None:
    draft = "当日は一階の個室をご用意いたします。\n"
    assert "膝が悪く長い階段がつらいので" in _unheard(KNEE_MAIL, draft, *KNEE_SPANS)


def test_a_plan_given_as_a_reason_needs_words_of_its_own() -> None:
    mail = ("はじめまして。\n娘が春から吹奏楽部に入りました。\n"
            "来週の土曜日に初めての演奏会があるので、花束を金曜日に届けていただけますか。\n")
    spans = ((D, "娘が春から吹奏楽部に入りました"), (D, "来週の土曜日に初めての演奏会があるので"),
             (R, "花束を金曜日に届けていただけますか"))
    draft = "お嬢様の吹奏楽部へのご入部、素敵ですね。\n花束は金曜日の午前中にお届けいたします。\n"
    assert _unheard(mail, draft, *spans) == ["来週の土曜日に初めての演奏会があるので"]


# --- A bare age line, a self-introduction by their ways with the shop, the times they are free: minor ------------

GARDEN_MAIL = ("七十五歳の女です。\n去年から庭で野菜を育て始めて、毎朝の水やりが楽しみになりました。\n"
               "腰に負担の少ない軽いじょうろはありますか。\n")
GARDEN_SPANS = ((D, "七十五歳の女です"), (D, "去年から庭で野菜を育て始めて、毎朝の水やりが楽しみになりました"),
                (R, "腰に負担の少ない軽いじょうろはありますか"))


def test_a_bare_age_line_is_heard_with_the_story() -> None:
    draft = "野菜づくりが毎朝の楽しみになっていらっしゃるのですね。\n樹脂製の軽いじょうろがございます。\n"
    assert _unheard(GARDEN_MAIL, draft, *GARDEN_SPANS) == []


def test_a_bare_age_line_is_asked_for_of_a_reply_hearing_nothing() -> None:
    draft = "樹脂製の軽いじょうろがございます。\n"
    assert "七十五歳の女です" in _unheard(GARDEN_MAIL, draft, *GARDEN_SPANS)


def test_minor_lines_are_told_apart_from_news() -> None:
    assert AGE_LINE.search("六十八歳の男です")
    assert AGE_LINE.search("四十歳の会社員で、森と申します")
    assert not AGE_LINE.search("父が八十八歳になります")
    assert introduces_them("毎週金曜日に豆腐を買いに伺っている森です")
    assert not introduces_them("春から一人暮らしを始める大学生です")
    assert not introduces_them("一緒に伺うのは私の両親です")
    assert FREE_TIME.search("土曜日の午前中でしたら伺えます")
    assert not FREE_TIME.search("土曜日に友人の結婚式があります")


def test_a_self_introduction_by_their_ways_is_heard_with_the_story() -> None:
    mail = ("毎週金曜日に豆腐を買いに伺っている森です。\n母が入院して、しばらく食が細くなっています。\n"
            "やわらかい絹ごしを取り置きしていただけますか。\n")
    spans = ((D, "毎週金曜日に豆腐を買いに伺っている森です"), (D, "母が入院して、しばらく食が細くなっています"),
             (R, "やわらかい絹ごしを取り置きしていただけますか"))
    warm = "お母様のご入院、ご心配なことと存じます。どうぞお大事になさってください。\n絹ごしを取り置きいたします。\n"
    assert _unheard(mail, warm, *spans) == []


# --- A worry stating the state of mind it leaves them in is a worry, not something told twice -------------------

def test_hesitation_and_being_at_a_loss_state_a_concern() -> None:
    assert states_a_feeling("壊してしまったらと思うと、なかなか購入に踏み切れません")
    assert states_a_feeling("何から始めたらよいのか途方に暮れております")
    assert not states_a_feeling("先月から教室に通い始めました")


def test_a_worry_of_hesitation_is_not_also_reported_as_told() -> None:
    mail = ("はじめまして。\n楽器は初めてなので、高いお金を払って続かなかったらと思うと、なかなか踏み切れません。\n"
            "体験レッスンはありますか。\n")
    spans = ((W, "高いお金を払って続かなかったらと思うと、なかなか踏み切れません"), (R, "体験レッスンはありますか"))
    draft = "はじめての方も大歓迎です。\n三十分の無料体験レッスンがございます。\n"
    assert _unheard(mail, draft, *spans) == []


# --- What is the order, not news ---------------------------------------------------------------------------------

def test_a_decision_to_order_from_the_shop_is_the_order() -> None:
    mail = ("いつもお世話になっております。\n部内で相談し、御社に発注することになりました。\n"
            "見積書を再発行していただけますか。\n")
    spans = ((D, "部内で相談し、御社に発注することになりました"), (R, "見積書を再発行していただけますか"))
    draft = "ご連絡ありがとうございます。\n見積書を本日中に再発行いたします。\n"
    assert _unheard(mail, draft, *spans) == []


# --- A sentence naming two people of theirs, hearing one's story, still speaks of the other ---------------------

HEARING_MAIL = ("前略\n最近、孫との食事の席で、話し声が聞き取りにくくなってきました。\n"
                "妻とは連れ添って四十年になりますが、聞き返してばかりで申し訳なく思っております。\n"
                "目立たない小さな補聴器はありますか。\n")
HEARING_SPANS = ((D, "最近、孫との食事の席で、話し声が聞き取りにくくなってきました"),
                 (D, "妻とは連れ添って四十年になりますが、聞き返してばかりで申し訳なく思っております"),
                 (R, "目立たない小さな補聴器はありますか"))


def test_the_other_person_named_beside_a_heard_story_is_spoken_of() -> None:
    draft = ("お孫様とのお食事の席や、奥様との何気ない会話を、また楽しんでいただけますように。\n"
             "耳あな型の目立たない補聴器がございます。\n")
    assert _unheard(HEARING_MAIL, draft, *HEARING_SPANS) == []


def test_the_person_of_the_heard_story_alone_hears_nothing_of_the_other() -> None:
    draft = ("お孫様とのお食事の席を、また楽しんでいただけますように。\n"
             "耳あな型の目立たない補聴器がございます。\n")
    assert _unheard(HEARING_MAIL, draft, *HEARING_SPANS) == [
        "妻とは連れ添って四十年になりますが、聞き返してばかりで申し訳なく思っております"]


# --- Their old goods gone, said as why they buy, are heard by the ask after it met -------------------------------

GOODS_MAIL = ("こんにちは。\n十年ぶりに山歩きを再開することにしました。\n"
              "昔の登山靴はもう処分してしまったので、一から揃えなければなりません。\n"
              "二万円ほどで靴と雨具はそろいますか。\n")
GOODS = "昔の登山靴はもう処分してしまったので、一から揃えなければなりません"
GOODS_SPANS = ((D, "十年ぶりに山歩きを再開することにしました"), (D, GOODS), (R, "二万円ほどで靴と雨具はそろいますか"))


def test_old_goods_gone_are_heard_by_the_order_they_explain() -> None:
    draft = "十年ぶりの山歩き、素敵ですね。\n二万円でしたら、軽登山靴と上下の雨具の両方が収まります。\n"
    assert GOODS not in _unheard(GOODS_MAIL, draft, *GOODS_SPANS)


def test_old_goods_gone_are_told_apart_from_what_it_costs_them() -> None:
    assert replaces_goods("前の炊飯器がすっかり古くなったので")
    assert not replaces_goods("古い机はもう処分してしまったので、届かないと子どもが宿題をする場所がなくて困ります")
    assert not replaces_goods("母の形見のミシンを処分するのは忍びないので")


def test_a_fallback_offered_needs_no_acknowledgement_of_its_own() -> None:
    """「もし難しいようでしたら今回は諦めますので」 hangs on an ask: the answer to the ask meets it."""
    from app.review.checks.ignored_disclosure import _FALLBACK

    for told in ("もし難しいようでしたら今回は諦めますので、", "間に合わないようなら結構です",
                 "在庫がなければキャンセルで構いません", "ご都合が悪い場合は見送ります"):
        assert _FALLBACK.search(told), told
    for told in ("来月、娘の結婚式があります", "難しい手続きは苦手なので、電話で教えていただけると助かります",
                 "諦めかけていたところに、こちらのお店を見つけました"):
        assert not _FALLBACK.search(told), told
    mail = ("木曜日に届くと嬉しいのですが、もし難しいようでしたら今回は諦めますので、\n"
            "お手数ですがお知らせいただけると助かります。")
    spans = [Highlight(HighlightKind.DISCLOSURE, 15, 36), Highlight(HighlightKind.REQUEST, 37, 58)]
    draft = "お問い合わせありがとうございます。\n木曜日の午前中にお届けできますので、どうぞご安心ください。"
    found = review_draft(draft, mail, Insight(tuple(spans)))
    assert not [f for f in found if f.kind is FindingKind.IGNORED_DISCLOSURE]
