"""Suggestions that fit mail no one here wrote (issue 15): the mail's tone sets the register, health is read
broadly, and a request's reply fits what it asks. Every sentence here is our own; each situation has a hard
negative (a sentence that looks like it and is not)."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.model import Highlight, HighlightKind
from app.snippets import load_our_pack, plan
from app.snippets.situation import Situation, classify, slot_values, tone

D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY

# A customer hurt by a treatment: pain worse, numb fingers, no sleep, an explanation, the bill, a cancellation.
HURT = (
    "ほぐし処 ゆらり 御中\n\n"
    "先週の木曜日に、肩と首の六十分コースを受けた者です。\n"
    "施術のあとから、かえって痛みが強くなってしまいました。\n"
    "左手の指先にもしびれが出ています。\n"
    "夜も首の痛みで何度も目が覚めてしまい、寝不足が続いています。\n"
    "押しすぎではないかとお伝えしたのに、そのまま続けられたことにも納得がいきません。\n"
    "どのような施術をされたのか、ご説明いただけますでしょうか。\n"
    "整形外科の診察代の領収書がありますので、そちらで負担していただきたいと考えています。\n"
    "次回の施術は、キャンセルさせていただきます。\n"
)
# A mother asking about a photo shoot for her daughter, who has alopecia.
SHOOT = (
    "フォトスタジオ ひなた 御中\n\n"
    "来年の秋に、七歳になる娘の七五三の撮影をお願いしたいと考えております。\n"
    "実は娘は三歳のときに円形脱毛症と診断され、今も頭の後ろに髪の薄いところがあります。\n"
    "髪飾りで目立たないようにしていただくことはできますか。\n"
    "こんなことを気にするのは、私の考えすぎでしょうか。\n"
)
# A warm letter that once says 悔しい and 三回目: no complaint.
WARM = (
    "先日は長い時間お付き合いいただき、本当にありがとうございました。\n"
    "三回目の試着でやっと決まり、娘にも似合うと言われてうれしかったです。\n"
    "去年は間に合わず悔しい思いをしたので、今年は楽しみです。\n"
)
# Warm, glad, a regular's thanks, "arranged at once", goods-return wording: never first in a complaint.
NEVER_IN_A_COMPLAINT = ("温かい気持ち", "うれしく拝読", "いつも当店をご利用いただき、誠に", "さっそく手配",
                        "交換品", "返送", "承知いたしました。", "ご注文、確かに")


def _situation(kind: HighlightKind, words: str, mail: str = "") -> Situation:
    return classify(Highlight(kind, 0, len(words)), words, mail=mail)


def _first(kind: HighlightKind, words: str, mail: str = "") -> str:
    return plan(load_our_pack(), Highlight(kind, 0, len(words)), words, mail=mail).filled()[0].text


def test_the_tone_of_a_mail() -> None:
    assert tone(HURT) == "harm"
    assert tone("届いたカップが割れていました。二度と買いません。誠意のない対応に腹が立ちます。") == "complaint"
    # Hard negatives: a warm letter with one sad word; a worry that something might be spoiled; the customer's own 誠意.
    assert tone(WARM) == ""
    assert tone("当日の写真が台無しになったらと思うと落ち着きません。低刺激の化粧品を持ち込めますか。") == ""
    assert tone("大家さんにも誠意を持って対応したいと思っています。見積もりをお願いします。") == ""
    assert tone("前回の施術後、二日ほど赤みが残りましたが、今はすっかり落ち着いています。") == ""
    # Wonder at good news is no grievance, and a thank-you letter that tells a hard road stays thanks.
    assert tone("娘が生まれて一か月、まだ信じられないような気持ちです。先生方には本当にお世話になりました。") == ""
    letter = "三回目の移植もだめで、諦めかけたこともありました。それでも支えていただき、心からお礼申し上げます。"
    assert tone(letter) == ""
    assert tone("三回目の電話でも直っていないと言われ、信じられない対応です。") == "complaint"
    # The wrong goods sent is the shop's mistake: an apology, not warmth.
    assert tone("注文した色と違うものが入っていました。交換をお願いできますでしょうか。") == "complaint"
    assert tone("別の色も気になっています。色違いはございますか。") == ""


def test_a_hurt_report_gets_apology_and_concern_never_warmth() -> None:
    for words in ("施術のあとから、かえって痛みが強くなってしまいました", "左手の指先にもしびれが出ています",
                  "夜も首の痛みで何度も目が覚めてしまい、寝不足が続いています"):
        assert _situation(D, words, HURT) is Situation.HARM
        first = _first(D, words, HURT)
        assert "申し訳" in first and not any(w in first for w in NEVER_IN_A_COMPLAINT), first
    told = "押しすぎではないかとお伝えしたのに、そのまま続けられたことにも納得がいきません"
    assert _situation(D, told, HURT) is Situation.COMPLAINT_TOLD
    assert "申し訳" in _first(D, told, HURT)
    # Hard negative: the same pain in a mail that blames no one is the customer's health, not harm we did.
    assert _situation(D, "夜も首の痛みで何度も目が覚めてしまいます") is Situation.HEALTH_SELF


def test_a_condition_lived_with_in_a_complaint_gets_concern_not_harm() -> None:
    mail = "水漏れがまた再発しました。三回目の修理依頼です。直っていないのに修理代を払いました。"
    assert tone(mail) == "complaint"
    words = "うちは夫婦と、要介護2の義母の三人暮らしです"
    assert _situation(D, words, mail) is Situation.HEALTH_FAMILY
    assert _first(D, words, mail) == "お義母様のご介護のこと、さぞご心配のことと存じます。"
    loyal = "こちらにはもう五年近く通っております"
    assert _situation(D, loyal, mail) is Situation.COMPLAINT_REGULAR
    assert "にもかかわらず" in _first(D, loyal, mail)


def test_requests_in_a_hurt_report_fit_what_they_ask() -> None:
    explain = "どのような施術をされたのか、ご説明いただけますでしょうか"
    assert _situation(R, explain, HURT) is Situation.ASK_EXPLAIN
    assert "ご説明いたします" in _first(R, explain, HURT)
    pay = "整形外科の診察代の領収書がありますので、そちらで負担していただきたいと考えています"
    assert _situation(R, pay, HURT) is Situation.ASK_COMPENSATION
    first = _first(R, pay, HURT)
    assert "確認のうえ" in first and not first.startswith(("承知", "かしこまり")), first
    cancel = "次回の施術は、キャンセルさせていただきます"
    assert _situation(R, cancel, HURT) is Situation.ASK_CANCEL
    texts = [f.text for f in plan(load_our_pack(), Highlight(R, 0, len(cancel)), cancel, mail=HURT).filled()]
    assert "キャンセル" in texts[0] and not any("交換" in t or "返送" in t or "返品" in t for t in texts)
    # Hard negatives: a question about the fee is a price question; a shipping cost is no compensation demand;
    # 「どうしても」 is no 「どうして」.
    assert _situation(R, "前日のキャンセルでもキャンセル料はかかりますか", HURT) is Situation.ASK_PRICE
    assert _situation(R, "送料がどちらの負担になるのか教えてください") is Situation.ASK_PRICE
    assert _situation(R, "どうしても今週中に欲しいのですが、届きますか") is Situation.ASK_DELIVERY


def test_goods_keep_their_exchange_wording_and_bookings_never_get_it() -> None:
    goods = "先日購入したセーターが届きましたが、サイズが合いませんでした。"
    assert _situation(R, "Mサイズに交換していただけますか", goods) is Situation.ASK_CHANGE
    lesson = "毎週火曜日のヨガのレッスンに通っています。"
    assert _situation(R, "来週のレッスンはお休みにしていただけますか", lesson) is Situation.ASK_CHANGE_BOOKING
    assert _situation(R, "雨の場合は延期になりますか", lesson) is Situation.ASK_QUESTION
    first = _first(R, "明日のヨガ、キャンセルさせてください", lesson)
    assert first == "承知いたしました。ご予約はキャンセルとして承りました。"


def test_health_is_read_broadly_and_named_for_whose_it_is() -> None:
    cases = [
        ("5歳の娘、昨日の夜から奥歯が痛いって泣いてて", Situation.HEALTH_FAMILY, "お嬢様のお痛み"),
        ("子どもが夜中に熱を出してしまって", Situation.HEALTH_FAMILY, "お子様のお熱"),
        ("父が高血圧で塩分を控えています", Situation.HEALTH_FAMILY, "お父様の高血圧"),
        ("実は娘は三歳のときに円形脱毛症と診断され、今も髪の薄いところがあります", Situation.HEALTH_FAMILY,
         "お嬢様の円形脱毛症"),
        ("去年の今頃、妻がうつ病と診断され、仕事を休職しました", Situation.HEALTH_FAMILY, "奥様のうつ病"),
        ("私は昨年の秋に脳梗塞で倒れ、右半身に軽い麻痺が残りました", Situation.HEALTH_SELF, "脳梗塞"),
    ]
    for words, situation, phrase in cases:
        highlight = Highlight(D, 0, len(words))
        assert classify(highlight, words) is situation, words
        assert slot_values(situation, highlight, words).get("topic") == phrase, words
    # A condition lived with is told so that we take care: no "don't overdo it".
    assert _first(D, "耳が少々遠いため") == "お体のことをお知らせくださり、ありがとうございます。十分に配慮いたします。"
    # Hard negatives: 「痛い出費」, 「大丈夫」, 「町の病院まで四十分」, 「荷物だけが」 are no health.
    for words in ("ボーナス前に八万円は本当に痛い出費でした", "町の病院までは車で四十分かかります",
                  "リクライニングチェアには荷物だけが置かれていました"):
        assert _situation(D, words) is Situation.PERSONAL, words
    assert _situation(R, "五歳から飲ませても大丈夫でしょうか") is Situation.ASK_QUESTION


def test_a_loss_gets_condolence_and_a_memory_is_honoured() -> None:
    assert _situation(D, "家内が亡くなって二年になります") is Situation.BEREAVEMENT
    assert _first(D, "家内が亡くなって二年になります") == "奥様のこと、心よりお悔やみ申し上げます。"
    lost = "この春、四十年連れ添った主人を、病気で亡くしました"
    assert _first(D, lost) == "ご主人のこと、心よりお悔やみ申し上げます。"
    assert _first(D, "親父が去年亡くなって、墓参りに行けるのが私だけになりました").startswith("お父様のこと")
    remembered = "この家は亡き父が建てた家で、一度も防蟻の処理をしたことがありません"
    assert _situation(D, remembered) is Situation.REMEMBRANCE
    assert "お悔やみ" not in _first(D, remembered)
    # Hard negatives: 「生まれて初めて」 and 「孫が生まれてすぐ」 are no birth; marrying long ago is no news.
    for words in ("先日、生まれて初めて電子レンジで茶碗蒸しを作りました",
                  "娘夫婦が引っ越したのは、孫が生まれてすぐのことでした",
                  "私は、結婚したときに運転しなくていいと言われました"):
        assert "おめでとう" not in _first(D, words) and "お祝い" not in _first(D, words), words
    # Thanks for the care of the late one's garden is thanks first.
    garden = "亡き夫が大切にしていた庭を丁寧に手入れしていただき、ありがとうございました"
    assert _situation(D, garden) is Situation.THANKS


def test_thanks_and_own_apologies_get_their_answers() -> None:
    thanks = "先日は二時間もお付き合いいただき、ありがとうございました"
    assert _first(D, thanks) == "温かいお言葉をいただき、ありがとうございます。"
    assert _situation(D, "担当の方が声をかけてくださり、涙が出そうになりました") is Situation.THANKS
    assert _first(D, "おかしな字がございましたら、どうぞお許しくださいませ") == "どうぞお気になさらないでください。"
    # Hard negatives: in a complaint, 「譲ってくださり」 by other guests is no praise of us;
    # 「無事に編み上げました」 is news.
    mail = "休憩処で具合が悪くなったのに、スタッフは何もしてくださらなかったことに納得がいきません。"
    assert _situation(D, "見かねたご夫婦が席を譲ってくださり、ようやく落ち着きました", mail) is Situation.COMPLAINT_TOLD
    assert _situation(D, "おかげさまで、冬の間にマフラーを無事に編み上げました") is Situation.PERSONAL


def test_questions_are_answered_or_checked_never_granted() -> None:
    for words in ("雨の場合は延期になりますか", "カフェインの少ない茶葉があれば教えてください",
                  "中学生でも保護者同伴なら入会できますか", "墓じまいから建立まで全部まとめてお願いできるとでしょうか"):
        assert _situation(R, words) is Situation.ASK_QUESTION, words
        assert _first(R, words) == "お問い合わせの件、確認のうえご案内いたします。"
    assert _situation(R, "来週の火曜日、閉店間際に予約することはできますか", "理容室です") is Situation.ASK_BOOKING
    assert "確認のうえ" in _first(R, "来週の火曜日、閉店間際に予約することはできますか", "理容室です")
    # Hard negatives: a wish stated is granted (「承知いたしました」); 「予約なしで」 asks what is done, not a slot.
    assert _situation(R, "土曜の午後を希望します") is Situation.ASK
    assert _situation(R, "見学は予約なしで行っても大丈夫でしょうか") is Situation.ASK_QUESTION
    # A cake to be reserved is still an order.
    assert _situation(R, "いちごのケーキを1台、予約をお願いします") is Situation.ASK_ORDER


def test_a_reassurance_question_is_reassured() -> None:
    words = "こんなことを気にするのは、私の考えすぎでしょうか"
    assert _situation(R, words, SHOOT) is Situation.ASK_REASSURE
    assert _situation(W, words, SHOOT) is Situation.ASK_REASSURE
    first = _first(R, words, SHOOT)
    assert "安心" in first and first != "承知いたしました。"
    # Hard negative: a question of fact about safety is checked, not reassured.
    assert _situation(R, "このグミは五歳から食べても大丈夫でしょうか") is Situation.ASK_QUESTION
    # The child's condition is her condition, not generic thanks.
    condition = "実は娘は三歳のときに円形脱毛症と診断され、今も頭の後ろに髪の薄いところがあります"
    assert _first(D, condition, SHOOT) == "お嬢様の円形脱毛症のこと、さぞご心配のことと存じます。"
    # A worry that it may hurt her later is no worry about clothes fitting.
    worry = "大きくなってから見てつらい思いをしないかと心配です"
    assert _situation(W, worry, SHOOT) is Situation.WORRY


def test_a_complaint_request_is_taken_up_never_ordered() -> None:
    mail = "休憩処で具合が悪くなったのに、スタッフは何もしてくださらなかったことに納得がいきません。"
    words = "スタッフの方が声をかけるよう、指導していただきたいと思います"
    assert _situation(R, words, mail) is Situation.COMPLAINT_REQUEST
    assert not any(w in _first(R, words, mail) for w in NEVER_IN_A_COMPLAINT)
    # Hard negative: the same kind of request in a friendly mail is a plain request.
    assert _situation(R, "当日はスタッフの方に声をかけていただけると助かります", WARM) is Situation.ASK


def test_suggest_json_keeps_its_format_and_reads_the_whole_mail(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hurt.txt"
    path.write_text(HURT, encoding="utf-8")
    assert cli.main(["suggest", "--json", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert set(record) == {"file", "suggestions"}
    keys = {"highlight", "situation", "snippets"}
    assert record["suggestions"] and all(set(s) == keys for s in record["suggestions"])
    for item in record["suggestions"]:
        first = item["snippets"][0]
        assert not any(w in first for w in NEVER_IN_A_COMPLAINT), (item["situation"], first)


@pytest.mark.parametrize("situation", [s for s in Situation])
def test_every_situation_has_snippets_in_our_pack(situation: Situation) -> None:
    from app.snippets.situation import SOURCES

    pack = load_our_pack()
    assert SOURCES[situation][0] in pack.situations
    assert len(pack.by_situation(SOURCES[situation][0])) >= 4


def test_what_only_looks_like_health_a_loss_or_an_event() -> None:
    # Pain denied is no pain; planning one's own funeral asks for no condolence; a trip taken is no event ahead.
    assert _situation(D, "二日で二万歩歩きましたが、一度も足が痛くなりませんでした") is Situation.PERSONAL
    assert _situation(D, "元気なうちに自分の葬儀の段取りを決めておきたいのです") is Situation.PERSONAL
    assert _situation(D, "先月は同期と京都まで一泊旅行に行きました") is Situation.PERSONAL
    assert _situation(D, "その資格には高校卒業程度の学力が要ると言われました") is Situation.PERSONAL
    # Said the other way round, they are what they look like.
    assert _situation(D, "息子は生まれつき筋肉の力が弱いのです") is Situation.HEALTH_FAMILY
    assert _first(D, "赤ちゃんが黄疸で入院することになりました").startswith("赤ちゃんの")
    assert _situation(D, "父は生前から葬式はいらないと言っておりました") is Situation.BEREAVEMENT
