"""Suggestions for life news, feelings about the shop and a letter's feelings (issue 15, fourth round): a move
or a transfer, a retirement, missing the shop, looking forward to us, a family gathered, a memorial service
booked, a celebration thanked for, an event of theirs at work, tears in a letter, nerves before the day. Every
sentence here is our own; each situation has a hard negative (a sentence that looks like it and is not)."""

from __future__ import annotations

from app.model import Highlight, HighlightKind
from app.snippets import load_our_pack, plan
from app.snippets.situation import Situation, classify, slot_values, tone

D, R = HighlightKind.DISCLOSURE, HighlightKind.REQUEST


def _at(mail: str, words: str, kind: HighlightKind = D) -> Highlight:
    start = mail.index(words)
    return Highlight(kind, start, start + len(words))


def _situation(words: str, mail: str = "", kind: HighlightKind = D) -> Situation:
    if mail:
        return classify(_at(mail, words, kind), words, mail=mail)
    return classify(Highlight(kind, 0, len(words)), words)


def _topic(words: str) -> str:
    highlight = Highlight(D, 0, len(words))
    return slot_values(classify(highlight, words), highlight, words).get("topic", "")


def _texts(words: str, mail: str = "") -> list[str]:
    highlight = _at(mail, words) if mail else Highlight(D, 0, len(words))
    chosen = plan(load_our_pack(), highlight, words, {"customer": "山田"}, mail=mail)
    return [f.text for f in chosen.filled()]


def test_a_move_or_a_transfer_is_news_wished_well() -> None:
    words = "実は来月から夫の転勤で仙台に引っ越すことになりました"
    assert _situation(words) is Situation.MOVING
    assert _topic(words) == "ご主人のご転勤"
    assert _texts(words)[0] == "ご主人のご転勤とのこと、ご丁寧にお知らせくださりありがとうございます。"
    assert _situation("春に家族で長野へ移住することに決めました") is Situation.MOVING
    # Background of a life, or a move long done: no news to wish well.
    assert _situation("夫は単身赴任で大阪におりますので") is not Situation.MOVING
    assert _situation("三年前に引っ越してきたときから通っています") is not Situation.MOVING


def test_a_retirement_or_a_child_leaving_home_is_a_milestone() -> None:
    words = "父が今月末で定年退職いたします"
    assert _situation(words) is Situation.LIFE_NEWS
    assert _topic(words) == "お父様のご定年退職"
    assert _situation("息子が春から京都の大学に進学し、一人暮らしを始めます") is Situation.LIFE_NEWS
    assert _situation("子どもたちはもう独立していますし") is not Situation.LIFE_NEWS


def test_missing_the_shop_is_thanked_for() -> None:
    words = "こちらのシュークリームが食べられなくなるのが本当に寂しいです"
    assert _situation(words) is Situation.MISS_SHOP
    assert _texts(words)[0] == "そのようにおっしゃっていただき、ありがとうございます。"
    assert _situation("毎朝の店先のコーヒーの香りが遠くなるのは寂しいです") is Situation.MISS_SHOP
    # Their own loneliness, or a sold-out item: not us they will miss.
    assert _situation("夫が出張ばかりで寂しいです") is not Situation.MISS_SHOP
    assert _situation("売り切れで残念でした") is not Situation.MISS_SHOP


def test_looking_forward_to_what_is_ours() -> None:
    assert _situation("次回のレッスンを楽しみにしております") is Situation.LOOK_FORWARD
    assert _situation("来年の演奏会も、家族みんなで楽しみにしています") is Situation.LOOK_FORWARD
    # A grandchild's visit is theirs to look forward to.
    assert _situation("孫が遊びに来るのを楽しみにしています") is not Situation.LOOK_FORWARD


def test_a_family_gathered_and_glad_is_shared_in() -> None:
    words = "父もとても喜び、久しぶりに家族全員が揃って賑やかなお正月になりました"
    assert _situation(words) is Situation.GATHERING
    assert _texts(words)[0] == "ご家族皆様でお過ごしになったと伺い、私どももうれしく存じます。"
    # A visit ahead with the family is no gathering told.
    assert _situation("年末には家族そろって伺いたいと思っています") is not Situation.GATHERING


def test_a_memorial_service_booked_is_a_solemn_occasion() -> None:
    mail = ("いつもお世話になっております。\n来月、父の三回忌の法要があり、\n"
            "親族十名で会食をお願いしたいと考えております。\n")
    words = "来月、父の三回忌の法要があり"
    assert _situation(words, mail) is Situation.MEMORIAL
    highlight = _at(mail, words)
    assert slot_values(Situation.MEMORIAL, highlight, words, mail)["topic"] == "お父様の三回忌"
    assert _texts(words, mail)[0] == "お父様の三回忌の大切な席に当店をお選びいただき、ありがとうございます。"
    # A death just told comes first: condolence, not "thank you for choosing us".
    assert _situation("先週母が亡くなり、四十九日の法要の仕出しをお願いしたいのです") is Situation.BEREAVEMENT
    # A memorial remembered with no booking is remembrance, as before.
    assert _situation("父の十三回忌も無事に終わりました") is not Situation.MEMORIAL


def test_a_celebration_thanked_for_is_congratulated_first() -> None:
    words = "先日は母の米寿のお祝いにお花を届けていただき、本当にありがとうございました"
    assert _situation(words) is Situation.CLOSE_CELEBRATION
    assert _texts(words)[0] == "お母様の米寿、誠におめでとうございます。"
    # Months after the day, the thanks are for what we made.
    assert _situation("入学して半年になりますが、ランドセルを本当にありがとうございました") is Situation.THANKS


def test_an_event_of_theirs_at_work_or_a_proposal_is_made_ready_for() -> None:
    words = "来週の展示会で配るノベルティを探しております"
    assert _situation(words) is Situation.EVENT
    assert _texts(words)[0] == "展示会に間に合うよう、心を込めてご用意いたします。"
    assert _situation("来週の土曜日に、彼女にプロポーズするつもりです") is Situation.EVENT
    # Told as over: their story, not an event to make ready for.
    assert _situation("入学式の日、娘はそのランドセルを背負って写真を撮りました") is not Situation.EVENT


def test_an_event_the_mail_told_as_past_is_not_ahead() -> None:
    mail = ("先日の発表会、本当にありがとうございました。\n今でも家で発表会の曲を口ずさんでいます。\n"
            "来年の発表会にも出たいと申しております。\n")
    assert _situation("今でも家で発表会の曲を口ずさんでいます", mail) not in (Situation.EVENT, Situation.EVENT_PLAN)
    assert _situation("来年の発表会にも出たいと申しております", mail) in (Situation.EVENT, Situation.EVENT_PLAN)


def test_tears_in_a_letter_are_received() -> None:
    words = "娘の晴れ姿を見て、客席で涙が止まりませんでした"
    assert _situation(words) is Situation.FEELINGS
    assert _texts(words)[0] == "お気持ちのこもったお話を、大切に拝読いたしました。"
    # Tears in a complaint are part of the complaint.
    mail = "注文と違う商品が届きました。納得がいきません。\n楽しみにしていた娘は泣いてしまいました。\n"
    assert _situation("楽しみにしていた娘は泣いてしまいました", mail) is not Situation.FEELINGS


def test_nerves_before_the_day_are_encouraged() -> None:
    words = "当日のことを考えると今からドキドキしています"
    assert _situation(words) is Situation.NERVES
    assert _texts(words)[0] == "大切な日を前に、緊張されるお気持ちお察しいたします。"
    assert _situation("発表会の前の晩は、緊張して何度も目が覚めました") is not Situation.NERVES


def test_a_pregnancy_told_as_over_is_no_pregnancy_now() -> None:
    assert _situation("つわりがひどかった時期も、こちらのスープだけは飲めました") is not Situation.PREGNANCY
    assert _situation("つわりがひどかった時期も、こちらのスープだけは飲めました") not in (
        Situation.HEALTH_SELF, Situation.HEALTH_FAMILY)
    assert _situation("妊娠5か月で、つわりがまだ続いています") is Situation.PREGNANCY


def test_a_death_told_as_breathing_ones_last_is_a_loss() -> None:
    assert _situation("母は先月の朝、自宅で静かに息を引き取りました") is Situation.BEREAVEMENT
    # Twenty years since: remembered, no fresh condolence.
    assert _situation("父が亡くなってからの二十年、母は一人で暮らしていました") is Situation.REMEMBRANCE


def test_a_chime_unanswered_is_no_follow_up() -> None:
    letter = ("いつもありがとうございます。\n"
              "チャイムを押しても返事がないのを不審に思って、配達の方が声をかけてくださいました。\n"
              "本当に感謝しております。\n")
    assert tone(letter) == ""
    assert tone("先週お送りしたメールに、まだお返事がありません。\n") == "complaint"


def test_making_it_ready_is_offered_only_with_something_to_make_ready() -> None:
    words = "祖母は昔から甘いものが好きでした"
    letter = f"いつもありがとうございます。\n{words}。\n皆さまもお元気で。\n"
    order = f"いつもありがとうございます。\n{words}。\n来週、羊羹を二本注文したいと思います。\n"
    ready = "ご事情をお聞かせくださり、ありがとうございます。お役に立てるよう心を込めてご用意いたします。"
    assert ready not in _texts(words, letter)
    assert ready in _texts(words, order)


def test_glad_news_said_casually_and_praise_of_our_goods() -> None:
    assert _situation("公園まで歩けるようになったってめっちゃ喜んでます") is Situation.GOOD_NEWS
    assert _situation("こちらのお茶は、何度飲んでも本当に美味しいです") is Situation.THANKS
    # Their own taste is no praise of ours.
    assert _situation("彼女は甘いものが大好きなんです") is not Situation.THANKS


def test_what_a_loss_letter_tells_of_those_days_is_remembered() -> None:
    mail = ("いつもお世話になりました。\n父は先週、病院で息を引き取りました。\n"
            "最後の半年、父は毎朝こちらのパンを半分だけ食べていました。\n日曜日は私が実家におります。\n")
    assert _situation("最後の半年、父は毎朝こちらのパンを半分だけ食べていました", mail) is Situation.REMEMBRANCE
    # What is arranged now is no memory.
    assert _situation("日曜日は私が実家におります", mail) is not Situation.REMEMBRANCE
    # Without a loss in the mail, the same kind of line is their story, thanked for.
    plain = "いつもありがとうございます。\n父は毎朝こちらのパンを半分だけ食べていました。\n"
    assert _situation("父は毎朝こちらのパンを半分だけ食べていました", plain) is not Situation.REMEMBRANCE


def test_a_child_born_months_ago_is_no_birth_news() -> None:
    assert _situation("我が家には、今年の八月に生まれた娘がいます") is not Situation.CLOSE_CELEBRATION
    assert _situation("先月、娘が生まれました") is Situation.CLOSE_CELEBRATION


def test_years_of_coming_make_a_regular_and_an_old_loss_no_loss_letter() -> None:
    assert _situation("二十年近く、毎週土曜日にこちらの食パンを買いに伺っています") is Situation.REGULAR
    # 「義母も三年前に亡くなりました」 is remembered in passing: the letter's other lines are no memories of it.
    mail = ("いつもお世話になっております。\nその義母も、三年前に亡くなりました。\n"
            "夫は、まさかこの歳で転勤があるとは思っていませんでした。\n")
    assert _situation("夫は、まさかこの歳で転勤があるとは思っていませんでした", mail) is not Situation.REMEMBRANCE


def test_a_posting_abroad_is_moving_news_and_a_mover_is_asked_not_told() -> None:
    words = "来年の四月から、仕事の関係で二年間ロンドンに赴任することになりました"
    assert _situation(words) is Situation.MOVING
    assert _topic(words) == "ご赴任"
    # To a mover, the move is the job asked for: no "thank you for telling us".
    mover = "はじめまして。\n三月末に、隣の市のアパートに引越す予定です。\n段ボールは無料でいただけるでしょうか。\n"
    assert _situation("三月末に、隣の市のアパートに引越す予定です", mover) is not Situation.MOVING


def test_a_golden_wedding_thanked_for_is_congratulated() -> None:
    words = "先日は、私ども夫婦の金婚式の祝いに、大変お世話になりました"
    assert _situation(words) is Situation.OWN_CELEBRATION
    assert _texts(words)[0] == "金婚式、心よりお祝い申し上げます。"


def test_their_own_outing_looked_forward_to_is_not_ours() -> None:
    assert _situation("妻は、来年の春に二人で川沿いの桜を見に行くのを楽しみにしています") is not Situation.LOOK_FORWARD
    assert _situation("毎月、新しい絵本が届くのを楽しみに待っています") is Situation.LOOK_FORWARD


def test_a_memorial_told_with_a_thing_we_make_is_no_booking() -> None:
    # A tablet for the forty-ninth day: no "seat" to choose us for, and no loss letter of memories.
    mail = ("戒名の字体は新字体でお願いします。\nお寺さんからいただいた紙がそうなっていました。\n"
            "四十九日に間に合えば大丈夫です。\n")
    assert _situation("四十九日に間に合えば大丈夫です", mail) is not Situation.MEMORIAL
    assert _situation("お寺さんからいただいた紙がそうなっていました", mail) is not Situation.REMEMBRANCE


def test_a_warm_letter_with_a_cracked_saddle_is_no_complaint_and_distrust_is() -> None:
    letter = ("いつもありがとうございます。\nサドルの革は割れていて、父はもう鉄くずだと言いました。\n"
              "妻には呆れられていますが、本人はいたって本気です。\n")
    assert tone(letter) == ""
    assert tone("二回続けてこういうことがあって、どうやって信用しろというのでしょう。\n") == "complaint"
    assert tone("当日の運転手の方に事実を確認し、社としての見解を文書でお知らせください。\n") == "complaint"


def test_the_illness_of_one_they_lost_is_remembered() -> None:
    mail = ("三年前に妻をがんで亡くし、それから娘と二人で暮らしています。\n"
            "娘の中学の入学準備は、まだ妻が入院していた頃でした。\n")
    assert _situation("娘の中学の入学準備は、まだ妻が入院していた頃でした", mail) is Situation.REMEMBRANCE
    # The same illness of one still with them is health now.
    alive = "いつもありがとうございます。\n妻が入院していて、来週手術です。\n"
    assert _situation("妻が入院していて、来週手術です", alive) is Situation.HEALTH_FAMILY
    # 「生前」 says the one they speak of has died: no wedding anniversary to congratulate.
    assert _situation("夫は生前、こちらの西京焼きが好物で、結婚記念日には必ず二人で伺っておりました") \
        is Situation.REMEMBRANCE
    assert _situation("夫は出産翌週から出張続きでした") is not Situation.CLOSE_CELEBRATION
