"""Suggestions for letters, children's letters and customer voices (issue 15, second round): a thank-you
letter's news and promises, a child writing, a questionnaire's questions, praise, grievances and wishes, a pet,
and whose sentence it is. Every sentence here is our own; each situation has a hard negative (a sentence that
looks like it and is not)."""

from __future__ import annotations

import pytest

from app.model import Highlight, HighlightKind
from app.snippets import load_our_pack, plan
from app.snippets.situation import Situation, classify, genre, slot_values, tone

D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY

CHILD = (
    "パンやのおねえさんへ\n"
    "きのう、ママとくまのパンをかいました。\n"
    "みみがかわいくて、たべるのがもったいなかったです。\n"
    "また、いきたいな。\n"
    "さくらぐみ　ゆうと\n"
)
# A grandmother writing in plain kana for her grandson: an adult, not a child.
GRANDMOTHER = (
    "こども歯科さま\n"
    "そうたのおばあちゃんです。\n"
    "このまえは、そうたがひとりでしんさつをうけられて、ほんとうにうれしかったです。\n"
)
SURVEY = (
    "【ご来店アンケート】\n"
    "Q1. 本日のご感想をお聞かせください\n"
    "A. 店員さんの説明がとても丁寧で分かりやすかったです。\n"
    "Q2. 改善してほしい点\n"
    "A. レジの待ち時間が長くて、子どもがぐずってしまいました。\n"
    "土曜日だけでもレジを増やしてほしいです。\n"
    "Q3. 次回のご予定\n"
    "A. 来月、母を連れてまた来ます。\n"
)
# A reply to our answer mentions ご回答 and Q/A is nowhere: an ordinary mail.
ANSWERED = "ご回答ありがとうございます。\nでは、来週の木曜日の午後でお願いします。\n"


def _at(mail: str, words: str, kind: HighlightKind = D) -> Highlight:
    start = mail.index(words)
    return Highlight(kind, start, start + len(words))


def _situation(kind: HighlightKind, words: str, mail: str = "") -> Situation:
    if mail:
        return classify(_at(mail, words, kind), words, mail=mail)
    return classify(Highlight(kind, 0, len(words)), words)


def _first(kind: HighlightKind, words: str, mail: str = "") -> str:
    highlight = _at(mail, words, kind) if mail else Highlight(kind, 0, len(words))
    chosen = plan(load_our_pack(), highlight, words, {"customer": "山田"}, mail=mail)
    return chosen.filled()[0].text


def test_the_genre_of_a_mail() -> None:
    assert genre(CHILD) == "child"
    assert genre(GRANDMOTHER) == ""
    assert genre(SURVEY) == "voice"
    assert genre(ANSWERED) == ""
    assert genre("【お客様の声】\n駐車場が広くて停めやすいです。\n") == "voice"
    assert genre("いつもありがとうございます。来週も伺います。") == ""


def test_a_child_is_thanked_for_the_letter_in_plain_words() -> None:
    for words, kind in (("みみがかわいくて、たべるのがもったいなかったです", D), ("また、いきたいな", R)):
        assert _situation(kind, words, CHILD) is Situation.CHILD_LETTER
        first = _first(kind, words, CHILD)
        assert "おてがみ" in first and "存じ" not in first
    # Hard negative: the grandmother's plain kana is an adult's letter and gets an adult's reply.
    words = "このまえは、そうたがひとりでしんさつをうけられて、ほんとうにうれしかったです"
    assert _situation(D, words, GRANDMOTHER) is not Situation.CHILD_LETTER


def test_a_questionnaire_gets_thanks_apology_and_consideration() -> None:
    assert _situation(R, "Q2. 改善してほしい点", SURVEY) is Situation.SURVEY_QUESTION
    assert "アンケート" in _first(R, "Q2. 改善してほしい点", SURVEY)
    praise = "A. 店員さんの説明がとても丁寧で分かりやすかったです"
    assert _situation(D, praise, SURVEY) is Situation.VOICE_PRAISE
    grievance = "レジの待ち時間が長くて、待たされてしまいました"
    mail = SURVEY.replace("A. レジの待ち時間が長くて、子どもがぐずってしまいました。", grievance + "。")
    assert _situation(D, grievance, mail) is Situation.VOICE_COMPLAINT
    assert "申し訳" in _first(D, grievance, mail)
    wish = "土曜日だけでもレジを増やしてほしいです"
    assert _situation(R, wish, SURVEY) is Situation.VOICE_SUGGESTION
    assert "検討" in _first(R, wish, SURVEY) and "承知" not in _first(R, wish, SURVEY)
    assert _situation(D, "A. 来月、母を連れてまた来ます", SURVEY) is Situation.NEXT_VISIT
    # Hard negatives: a question of fact in a questionnaire is still answered; words quoted are not theirs.
    asked = "【お客様アンケート】\n駐車場は何台停められますか。\n"
    assert _situation(R, "駐車場は何台停められますか", asked) is Situation.ASK_QUESTION
    quoted = "【ご意見カード】\n夫は最初「高い」と言っていたが、今では毎週楽しみにしている。\n"
    assert _situation(D, "夫は最初「高い」と言っていたが、今では毎週楽しみにしている", quoted) is Situation.VOICE_PRAISE
    # A reply to our answer is no questionnaire: its request is granted.
    assert _situation(R, "では、来週の木曜日の午後でお願いします", ANSWERED) is Situation.ASK


@pytest.mark.parametrize(("words", "situation", "phrase"), [
    ("先月この店でお世話になった佐藤です", Situation.INTRODUCTION, "ご連絡いただき"),
    ("三年二組の担任をしております、川口と申します", Situation.INTRODUCTION, "ご連絡いただき"),
    ("孫は新しい靴が気に入って、毎朝自分で履いています", Situation.GOOD_NEWS, "うれしいご報告"),
    ("発表会では、とうとう最後まで間違えずに弾けました", Situation.GOOD_NEWS, "うれしいご報告"),
    ("帰省したときには、また寄らせてもらいますね", Situation.NEXT_VISIT, "お待ちしております"),
    ("次は妻の分もこちらでお願いしようと思っています", Situation.NEXT_VISIT, "お待ちしております"),
    ("仕立てていただいたこの鞄、これからも大事に使います", Situation.CHERISH, "ご愛用"),
    ("息子が描いた絵を同封します", Situation.SENT_ITEM, "息子さんの絵をお送りいただき"),
    ("式の写真を添付します", Situation.SENT_ITEM, "お写真をお送りいただき"),
    ("寒くなりますので、皆さまどうぞお体に気をつけて", Situation.COURTESY, "お気遣い"),
    ("うちの猫も、もう十五歳で、すっかり食欲が落ちてしまいました", Situation.PET_HEALTH, "猫ちゃん"),
    ("犬を連れて散歩していると、よくお店の前で足を止めてしまいます", Situation.PET, "ワンちゃんのお話"),
    ("来月、祖母が九十歳になるので、家族で食事会をします", Situation.CLOSE_CELEBRATION, "おばあ様のお誕生日"),
    ("先月、小学校に入学した息子にランドセルを買いました", Situation.CLOSE_CELEBRATION, "息子さんのご入学"),
    ("姪っ子の七五三のお祝いを探しています", Situation.CLOSE_CELEBRATION, "姪御さんの七五三"),
    ("父が亡くなって十年になりますが、今も父の椅子を使っています", Situation.REMEMBRANCE, "思い出"),
    ("幸い後遺症はほとんどなく、母は元の生活に戻っています", Situation.RECOVERED, "うれしいお知らせ"),
])
def test_letters_get_what_they_tell(words: str, situation: Situation, phrase: str) -> None:
    assert _situation(D, words) is situation, words
    assert phrase in _first(D, words), _first(D, words)


@pytest.mark.parametrize(("words", "not_situation"), [
    # An errand said at the shop's opening time is no opening to congratulate.
    ("毎朝、開店と同時に伺っている者です", Situation.OWN_CELEBRATION),
    # Letting someone do something is no present.
    ("父にもう一度海を見せてあげたいと思っています", Situation.PURCHASE_GIFT),
    # A dog turning fourteen is nobody's birthday to congratulate.
    ("家は夫と私と、もうすぐ十四歳になる柴犬の三人になりました", Situation.CLOSE_CELEBRATION),
    # An opening to celebrate still is one.
    ("私の母が十月に花屋を開店します", Situation.PERSONAL),
    # A loss two years ago still gets condolence, not remembrance.
    ("家内が亡くなって二年になります", Situation.REMEMBRANCE),
    # A letter they only mention writing to someone else is nothing they send us.
    ("娘は毎晩、祖母に電話をしています", Situation.SENT_ITEM),
    # 「お元気で」 in a story about someone else is not their courtesy to us... but a real illness is health.
    ("母は体調を崩して入院しています", Situation.COURTESY),
    # Good news of a condition belongs to recovery, not to glad news in general.
    ("おかげさまで母も無事に退院し、家で喜んでいます", Situation.GOOD_NEWS),
])
def test_what_only_looks_like_a_letter_situation(words: str, not_situation: Situation) -> None:
    assert _situation(D, words) is not not_situation, words


def test_whose_sentence_it_is() -> None:
    # Scolded by the daughter for his own condition: the condition is not hers.
    words = "つい甘いものを買って帰り、娘に「糖尿の気があるのに」と叱られました"
    assert _situation(D, words) is not Situation.HEALTH_FAMILY
    assert "お嬢様" not in _first(D, words)
    # Their own childhood is not a child of theirs.
    words = "私自身も子どもの頃から軽いアトピーがあります"
    assert "お子様" not in _first(D, words)
    # An unnamed line after the mail named the son: the son's skin, not the writer's.
    mail = "4歳の息子のアトピーのことでご相談です。\n最近、ひじの内側に湿疹が出て、夜もかきむしっています。\n"
    words = "最近、ひじの内側に湿疹が出て、夜もかきむしっています"
    assert _situation(D, words, mail) is Situation.HEALTH_FAMILY
    assert _first(D, words, mail).startswith("息子さんの")
    # Hard negative: the writer says it is their own.
    mail = "4歳の息子のアトピーのことでご相談です。\n私も最近、ひじの内側に湿疹が出ています。\n"
    assert _situation(D, "私も最近、ひじの内側に湿疹が出ています", mail) is Situation.HEALTH_SELF
    # Staff who helped are thanked, whatever health the sentence also tells.
    words = "仲居さんが母の車椅子を押してくださり、本当に助かりました"
    assert _situation(D, words) is Situation.THANKS


def test_a_past_episode_is_no_illness_now() -> None:
    assert _situation(D, "去年の冬、風邪で寝込んだときも") is not Situation.HEALTH_SELF
    assert _situation(D, "昨年、夫が盲腸の手術をして") is not Situation.HEALTH_FAMILY
    assert _situation(D, "家内は昨年の冬に骨を折りまして、旅行などもう無理だと思っておりました") is Situation.PERSONAL
    # Hard negatives: a condition that stays, or is named, is health now whenever it began.
    assert _situation(D, "三年前に転倒して骨折し、今も杖を使っています") is Situation.HEALTH_SELF
    assert _situation(D, "去年、母が脳梗塞で倒れました") is Situation.HEALTH_FAMILY


def test_requests_in_letters_fit_what_they_ask() -> None:
    assert _situation(R, "畑のほうはいかがですか") is Situation.ASK_AFTER
    assert "お気遣い" in _first(R, "畑のほうはいかがですか")
    assert _situation(R, "年末は何日まで開いていますか") is Situation.ASK_QUESTION
    assert _situation(R, "来年も見学会を開催する予定はありますか") is Situation.ASK_QUESTION
    assert _situation(R, "作業が終わったら、携帯に一報いただけますか") is Situation.ASK
    words = "会葬礼状の「永眠」を「旅立ち」に変えていただけますか"
    assert _situation(R, words, "文面案を拝見しました。\n" + words) is Situation.ASK_CHANGE_BOOKING
    # Hard negatives: a real stock question, a question whether a change is possible.
    assert _situation(R, "グレーは在庫ありますか") is Situation.ASK_STOCK
    words = "カットの変更は何日前までできますか"
    assert _situation(R, words, "ヨガの予約の件です。\n" + words) is Situation.ASK_QUESTION
    # Eyes going round for broccoli is no change of order.
    assert _situation(R, "ブロッコリーだけは目の色を変えて欲しがります") is not Situation.ASK_CHANGE


def test_more_complaints_are_heard() -> None:
    assert tone("説明を求めても「決まりなので」の一点張りでした。\n基準を教えてください。") == "complaint"
    assert tone("何度お願いしても何も変わっていません。\nこのままでは退会も考えざるを得ません。") == "complaint"
    assert tone("届いたジャケットのボタンが一週間で取れてしまいました。\n正直、がっかりしました。") == "complaint"
    assert tone("「ご予約を承っておりません」とのことでした。\n説明をお願いします。") == "complaint"
    # Hard negatives: a disappointment about the weather, a repair asked for, a warm letter.
    assert tone("旅行の日は雨で、正直がっかりしています。\nまた晴れた日に伺います。") == ""
    assert tone("祖母の漆の盆にひびが入ってしまいました。\n塗り直しをお願いできますか。") == ""
    mail = "返金か、次回の割引など、何らかの対応をしていただけますか"
    assert _situation(R, mail, "ケーキが崩れていて、腹も立っています。\n" + mail) is Situation.ASK_COMPENSATION


def test_slots_for_the_new_situations() -> None:
    words = "娘が書いた手紙を同封します"
    assert slot_values(Situation.SENT_ITEM, Highlight(D, 0, len(words)), words)["topic"] == "お嬢様のお手紙"
    words = "愛犬が年を取って、散歩の距離が短くなりました"
    assert slot_values(Situation.PET_HEALTH, Highlight(D, 0, len(words)), words)["topic"] == "ワンちゃん"


def test_casual_questions_without_ka_are_questions() -> None:
    for words in ("これって洗濯機で洗える", "土曜日も受け取りできる", "駐車場は何台だっけ", "それって来週でも間に合う"):
        assert _situation(R, words) is not Situation.ASK, words
        assert _first(R, words) != "承知いたしました。", words
    # Hard negative: a plain ask without a question is granted.
    assert _situation(R, "明日の便で送ってください") is not Situation.ASK_QUESTION


def test_what_the_second_sample_showed() -> None:
    # A year they came since is no opening to congratulate; drying is no health; a gift sent is thanked.
    assert _situation(D, "このお店にはオープンした年から通っています") is not Situation.OWN_CELEBRATION
    assert _situation(D, "漆の乾き具合で日数がかかるとのご説明もよく分かりました") is not Situation.HEALTH_SELF
    assert "お心遣いの品" in _first(D, "心ばかりの品を別便にてお送りいたしました")
    assert _situation(D, "妻の恵子です") is Situation.INTRODUCTION
    assert _situation(D, "当時はまだ先代のご主人がお元気で") is not Situation.COURTESY
    assert _situation(R, "今年の運動会はいつ頃でしょうか") is Situation.ASK_QUESTION
    assert tone("麺に髪の毛が入っていました。\n何の説明もありません。\n正直ショックでした。") == "complaint"
    # An earlier sentence that names a family member without their health says nothing of whose this is.
    mail = "来年、大阪の娘の家に同居します。\n去年の冬に一度、お風呂場で転んでしまいました。\n"
    words = "去年の冬に一度、お風呂場で転んでしまいました"
    assert _situation(D, words, mail) is not Situation.HEALTH_FAMILY
    # Hard negative: a present sent by us (返品) is no gift of theirs.
    assert _situation(D, "返品を昨日お送りいたしました") is not Situation.SENT_ITEM
