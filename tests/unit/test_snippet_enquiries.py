"""Suggestions for enquiries, complaints that write again, and worries said without a worry word (issue 15,
third round): an illness now gets get-well words, a second follow-up an apology for the wait, an instruction
is noted and never refused, and 「温かい気持ちになりました」 is kept for warm mail. Every sentence here is our own;
each situation has a hard negative (a sentence that looks like it and is not)."""

from __future__ import annotations

from app.model import Highlight, HighlightKind
from app.snippets import load_our_pack, plan
from app.snippets.situation import Situation, classify, deadline, slot_values, tone, warm

D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY
GLAD_WORDS = ("温かい気持ち", "うれしく拝読", "ほほえましく", "うれしく思います", "おめでとう")
REFUSALS = ("お受けしておりません", "いたしかねます", "在庫のある分", "ご期待に沿えず", "ご用意がございません",
            "お使いいただけません")


def _in(mail: str, words: str) -> Highlight:
    start = mail.index(words)
    return Highlight(HighlightKind.DISCLOSURE, start, start + len(words))


def _situation(kind: HighlightKind, words: str, mail: str = "") -> Situation:
    if mail and words in mail:
        start = mail.index(words)
        return classify(Highlight(kind, start, start + len(words)), words, mail=mail)
    return classify(Highlight(kind, 0, len(words)), words, mail=mail)


def _texts(kind: HighlightKind, words: str, mail: str = "", topic: str = "") -> list[str]:
    start = mail.index(words) if mail and words in mail else 0
    highlight = Highlight(kind, start, start + len(words), topic)
    return [f.text for f in plan(load_our_pack(), highlight, words, mail=mail).filled()]


# A father writing late at night: his daughter has a fever and has been sick.
NIGHT = (
    "遅い時間に失礼いたします。\n"
    "5歳の娘が昨夜から39.2度の熱があり、今朝も二回吐いてしまいました。\n"
    "明日の朝いちばんで診ていただくことはできますか。\n"
    "このまま様子を見ていていいのか、心配でたまりません。\n"
)


def test_an_illness_now_gets_get_well_words_never_gladness() -> None:
    fever = "5歳の娘が昨夜から39.2度の熱があり、今朝も二回吐いてしまいました"
    assert _situation(D, fever, NIGHT) is Situation.ILLNESS_NOW
    texts = _texts(D, fever, NIGHT)
    # Someone of theirs: whose illness it is first, then 「お辛いところ」.
    assert texts[0] == "お嬢様のお熱とのこと、さぞご心配のことと存じます。"
    assert "お辛いところ、ご連絡くださりありがとうございます。" in texts[:3]
    assert not any(word in text for text in texts for word in GLAD_WORDS), texts
    # The worry right after it says no illness word of its own: the mail's sentence before does.
    worry = "このまま様子を見ていていいのか、心配でたまりません"
    assert _situation(W, worry, NIGHT) is Situation.ILLNESS_NOW
    assert "どうぞお大事になさってください。" in _texts(W, worry, NIGHT)[:3]
    # Their own fall today: no person to name, 「お辛いところ」 first.
    fall = "今朝、駅の階段で転んでしまい、足首が腫れて痛みます"
    assert _situation(D, fall) is Situation.ILLNESS_NOW
    assert _texts(D, fall)[0] == "お辛いところ、ご連絡くださりありがとうございます。"
    assert "topic" not in slot_values(Situation.ILLNESS_NOW, Highlight(D, 0, len(fall)), fall)
    # Hard negatives: a fever told as past, one that has gone, a weather or an oven temperature, a sigh.
    assert _situation(D, "去年の冬、39度の熱で三日寝込んだことがありました") is not Situation.ILLNESS_NOW
    assert _situation(D, "熱も下がり、今朝はすっかり元気になりました") is Situation.RECOVERED
    for words in ("オーブンは180度で二十分焼いています", "今日は38度を超える暑さでした",
                  "つい弱音を吐いてしまいました"):
        assert _situation(D, words) is not Situation.ILLNESS_NOW, words
    # An earlier story of an illness long over says nothing of a worry now.
    past = "去年の夏、息子が39度の熱を出したときは本当に慌てました。\n今年の合宿の持ち物が分からず心配です。\n"
    assert _situation(W, "今年の合宿の持ち物が分からず心配です", past) is not Situation.ILLNESS_NOW


def test_an_urgent_ask_is_checked_at_once() -> None:
    ask = "明日の朝いちばんで診ていただくことはできますか"
    assert _situation(R, ask, NIGHT) is Situation.ASK_URGENT
    assert _texts(R, ask, NIGHT)[0] == "至急確認し、折り返しご連絡いたします。"
    # Hard negative: saying it is not urgent.
    assert _situation(R, "急ぎではありませんので、在庫を確認していただけますか") is not Situation.ASK_URGENT


# A customer writing a second time: the lessons were cancelled by us and no one answered.
AGAIN = (
    "先日もお問い合わせしましたが、まだお返事をいただけていません。\n"
    "今月の教室は講師の都合で二回とも休みになりました。\n"
    "振替の日程を今週中に教えていただけますか。\n"
)


def test_a_second_follow_up_is_sorry_for_the_wait_first() -> None:
    assert tone(AGAIN) == "complaint"
    again = "先日もお問い合わせしましたが、まだお返事をいただけていません"
    assert _situation(D, again, AGAIN) is Situation.FOLLOW_UP
    assert _texts(D, again, AGAIN)[0] == "何度もご連絡をいただくことになり、大変申し訳ございません。"
    # The rest of the mail is in the complaint register: an apology, never a "warm" thanks or 承知.
    told = "今月の教室は講師の都合で二回とも休みになりました"
    assert _situation(D, told, AGAIN) is Situation.COMPLAINT_TOLD
    ask = "振替の日程を今週中に教えていただけますか"
    assert _situation(R, ask, AGAIN) is Situation.COMPLAINT_REQUEST
    assert not _texts(R, ask, AGAIN)[0].startswith("承知")
    for words in ("再度のご連絡失礼いたします。注文番号は控えてあります。", "三度目のお問い合わせになります。"):
        assert tone(words) == "complaint", words
    # Hard negatives: thanks for our answer, a second stay, a shop's "come again" quoted.
    thanked = "先日はお問い合わせへのご返信をありがとうございました。\nおかげで迷わずに済みました。\n"
    assert tone(thanked) == ""
    assert _situation(D, "先日はお問い合わせへのご返信をありがとうございました", thanked) is not Situation.FOLLOW_UP
    assert tone("今回で二度目の宿泊になります。\n前回はとても楽しかったです。\n") == ""


# An enquiry through a form: what they tell is thanked for, never "warmed" or "glad to read".
FORM = (
    "【お問い合わせフォーム】\n"
    "お名前：森 千尋\n"
    "うちは夫と中学生の娘の三人家族で、マンションの三階に住んでいます。\n"
    "週末だけ使える貸し農園を探しているのですが、初心者でも借りられますか。\n"
)


def test_what_they_tell_in_an_enquiry_is_thanked_not_warmed() -> None:
    family = "うちは夫と中学生の娘の三人家族で、マンションの三階に住んでいます"
    assert not warm(FORM)
    assert _situation(D, family, FORM) is Situation.TOLD
    texts = _texts(D, family, FORM)
    assert texts[0] == "詳しくお知らせいただき、ありがとうございます。"
    assert not any(word in text for text in texts for word in GLAD_WORDS), texts
    # A formula of thanks does not make an enquiry warm.
    assert not warm("ご連絡ありがとうございます。\nレンズは薄いほうでお願いします。\n")
    # Hard negative: a warm letter keeps the warm replies for what it tells.
    letter = ("先日は娘の自転車を選んでいただき、本当にありがとうございました。\n"
              "昨日、公園で初めて補助輪なしで走れました。\n")
    rode = "昨日、公園で初めて補助輪なしで走れました"
    assert warm(letter)
    assert _situation(D, rode, letter) is Situation.PERSONAL
    assert any("温かい気持ち" in text for text in _texts(D, rode, letter))
    # Without the mail nothing is known of its register: the catch-all stays as it was.
    assert _situation(D, "マンションの三階に住んでいます") is Situation.PERSONAL


def test_an_instruction_is_noted_never_refused() -> None:
    mail = "ご提案ありがとうございます。\n生地は紺のほうで進めてください。\n"
    choice = "生地は紺のほうで進めてください"
    assert _situation(R, choice, mail) is Situation.INSTRUCTION
    texts = _texts(R, choice, mail)
    assert texts[0].startswith("承知いたしました")
    assert not any(word in text for text in texts for word in REFUSALS), texts
    assert _situation(R, "額縁は白木の方にしてください") is Situation.INSTRUCTION
    # Hard negatives: a question, a demand to change how things are done, a date asked for.
    assert _situation(R, "生地は紺のほうで大丈夫ですか") is not Situation.INSTRUCTION
    assert _situation(R, "窓口に行かなくても手続きできるようにしてください") is not Situation.INSTRUCTION
    assert _situation(R, "では、来月3日の午前でお願いします") is not Situation.INSTRUCTION


def test_a_worry_topic_is_never_a_verb_lemma() -> None:
    words = "朝までもつのか気が気ではありません"
    highlight = Highlight(W, 0, len(words), "もつ")
    assert "topic" not in slot_values(classify(highlight, words), highlight, words)
    texts = [f.text for f in plan(load_our_pack(), highlight, words).filled()]
    assert not any("もつ" in text for text in texts), texts
    # Hard negative: a noun the analyser found still fills the slot.
    noun = Highlight(W, 0, len("送料がいくらになるか心配です"), "送料")
    assert slot_values(Situation.WORRY, noun, "送料がいくらになるか心配です").get("topic") == "送料"


def test_pets_seen_off_and_no_pet_at_all() -> None:
    lost = "先代の猫を三年前に亡くしてから、娘がずっと寂しがっています"
    assert _situation(D, lost) is Situation.BEREAVEMENT
    assert slot_values(Situation.BEREAVEMENT, Highlight(D, 0, len(lost)), lost).get("topic") == "猫ちゃん"
    assert _situation(D, "昨年、十五年一緒だった犬を見送りました") is Situation.BEREAVEMENT
    # Hard negatives: no pet of theirs; a pet well and happy is still a pet.
    assert _situation(D, "犬を飼ったことはありませんが、散歩は好きです") is not Situation.PET
    assert _situation(D, "うちの犬は毎朝庭を走り回っています") is Situation.PET


def test_a_pet_named_by_its_breed_is_a_pet_and_is_called_by_its_name() -> None:
    groomed = "うちのモモ（トイプードル、12歳）が先週から後ろ足を引きずるようになり、病院で関節炎と言われました"
    assert _situation(D, groomed) is Situation.PET_HEALTH
    assert slot_values(Situation.PET_HEALTH, Highlight(D, 0, len(groomed)), groomed).get("topic") == "モモちゃん"
    texts = _texts(D, groomed)
    assert texts and not any("ご無理なさらない" in t or "ご自愛" in t for t in texts), texts
    breed_only = "チワワを飼っているのですが、最近よく咳をします"
    assert slot_values(Situation.PET_HEALTH, Highlight(D, 0, len(breed_only)), breed_only).get("topic") == "ワンちゃん"
    # Hard negatives: うちの + a breed is no name; a person's own joint pain is their health.
    breed = "うちのトイプードルが最近よく咳をします"
    assert slot_values(Situation.PET_HEALTH, Highlight(D, 0, len(breed)), breed).get("topic") == "ワンちゃん"
    assert _situation(D, "先週から膝が痛み、病院で関節炎と言われました") is Situation.HEALTH_SELF


def test_what_is_over_or_no_one_s_news_is_not_congratulated() -> None:
    assert _situation(D, "この梅の木は、長女が生まれた年に植えたものです") is not Situation.CLOSE_CELEBRATION
    assert _situation(D, "結婚して十年、ようやく子どもを授かりました") is not Situation.OWN_CELEBRATION
    assert _situation(D, "子どもの頃の発表会で台詞を忘れて泣いたことがあります") is not Situation.EVENT
    assert _situation(D, "始めた当初は、痛みで眠れないこともありました") is not Situation.HEALTH_SELF
    assert _situation(D, "先月の定期演奏会を聴かせていただきました") is not Situation.EVENT
    assert _situation(D, "1203号室の田村です") is not Situation.MEASUREMENT
    assert _situation(D, "義母が「早いほうがいいわよ」と言ってくれて、ほっとしました") is not Situation.THANKS
    assert _situation(D, "お好み焼きは得意なんやけど、帳簿はさっぱりです") is Situation.PERSONAL
    # Hard negatives: a birth now, an upcoming concert, a size, our staff's kindness, a burn.
    assert _situation(D, "先週、長女が生まれました") is Situation.CLOSE_CELEBRATION
    assert _situation(D, "来月の演奏会で着るドレスを探しています") is Situation.EVENT
    assert _situation(D, "ふだんは9号を着ています") is Situation.MEASUREMENT
    assert _situation(D, "受付の方が「大丈夫ですよ」と言ってくださって、ほっとしました") is Situation.THANKS
    assert _situation(D, "揚げ物の油がはねて、手にやけどをしてしまいました") is not Situation.PERSONAL


def test_deadlines_worries_and_explanations_fit_what_is_asked() -> None:
    assert deadline("データは20日入稿で、28日の会場着に間に合いますか") == "28日"
    assert deadline("12月24日の夕方までに届きますか") == "12月24日の夕方"
    shop = "ケーキを注文しました。\n"
    assert _situation(W, "誕生日に間に合うか心配です", shop) is Situation.WORRY_DELIVERY
    assert _situation(W, "締め切りに間に合わなかったらと不安です", shop) is not Situation.WORRY_DELIVERY
    assert _situation(W, "検査の結果が手遅れだったらと不安です", shop) is not Situation.WORRY_DELIVERY
    assert _situation(R, "画面を見ながらご説明いただけると助かります") is not Situation.ASK_EXPLAIN
    assert _situation(R, "なぜこうなったのか、ご説明いただけますか") is Situation.ASK_EXPLAIN
    # A question said as 〜のか is a question, never 承知.
    asked = "音の出どころをどう確かめればよいのかです"
    assert _situation(R, asked) is Situation.ASK_QUESTION
    assert not _texts(R, asked)[0].startswith("承知")


def test_whose_it_is_where_they_go_and_what_is_asked() -> None:
    # Whom they care for or go with is not who is unwell or whose concert it is.
    knee = "母の介護で中腰が増えたせいか、最近右の膝が痛みます"
    assert _situation(D, knee) is Situation.HEALTH_SELF
    outing = "叔母と来月のコンサートに行きます。\nチケットは当日窓口で受け取れますか。\n"
    concert = "叔母と来月のコンサートに行きます"
    assert _situation(D, concert, outing) is Situation.EVENT_PLAN
    assert "間に合うよう" not in _texts(D, concert, outing)[0]
    assert slot_values(Situation.EVENT_PLAN, Highlight(D, 0, len(concert)), concert).get("topic") == "コンサート"
    # Hard negative: an event they dress for, in a mail about goods, is still made ready for.
    dress = "来月の演奏会で着るワンピースを注文したいです。\n"
    assert _situation(D, "来月の演奏会で着るワンピースを注文したいです", dress) is Situation.EVENT
    # A discharge ahead is no recovery; one done is.
    assert _situation(D, "母が退院したら、一緒に散歩に行きたいです") is not Situation.RECOVERED
    assert _situation(D, "母が先週無事に退院しました") is Situation.RECOVERED
    # Can it be moved? is checked, not granted; a place asked about is no stock.
    lessons = "毎週木曜の夜のクラスに通っています。\n"
    moved = "土曜の朝のクラスに振り替えることはできますか"
    assert _situation(R, moved, lessons) is Situation.ASK_QUESTION
    spa = "いつも回数券を買って通っています。\nサウナのあとに休める場所はありますか。\n"
    assert _situation(R, "サウナのあとに休める場所はありますか", spa) is not Situation.ASK_STOCK
    assert _situation(R, "この毛糸の在庫はありますか", spa) is Situation.ASK_STOCK
    # A casual question whose 「？」 follows the highlight is a question, never 承知.
    casual = "来月の連休、ワンボックスって今から押さえられます？\n"
    assert _situation(R, "ワンボックスって今から押さえられます", casual) is not Situation.ASK
    # Counted animals are pets; in an enquiry they are thanked for, not smiled at.
    hotel = "年末に猫2匹の宿泊をお願いしたいです。\nうち1匹（13歳・オス）は持病があります。\n"
    assert _situation(D, "うち1匹（13歳・オス）は持病があります", hotel) is Situation.PET_HEALTH
    assert _situation(D, "年末に猫2匹の宿泊をお願いしたいです", hotel) is Situation.TOLD
    # Hard negative: オススメ is no animal.
    assert _situation(D, "店員さんのオススメで買いました") is not Situation.PET


def test_what_makes_a_complaint_and_what_does_not() -> None:
    # Hard negative: anger owned up to at a friend's words, in a warm letter to the vet, is no complaint.
    vet = ("いつも丁寧に診ていただき、ありがとうございます。\n"
           "友人に「もう十分生きたね」と言われると、ちょっと腹が立ってしまう自分がいます。\n")
    assert tone(vet) == ""
    assert tone("請求額を見て本当に腹が立ちました。説明してください。") == "complaint"
    # Our error in the bill, no notice given, disbelief, a second time running.
    for mail in ("今月の会費が二重に引き落とされています。\n",
                 "講師の交代について、事前に何のお知らせもありませんでした。\n",
                 "これで「修理済み」って本気ですか？\n", "先月に続いて二度目です。\n今回も箱がつぶれて届きました。\n"):
        assert tone(mail) == "complaint", mail
    assert tone("先月に続いて今月もお世話になります。\n") == ""


def test_what_is_long_over_or_someone_else_s() -> None:
    long_ago = "最初に伺ったのは、長男が生まれて百日のお祝いのときでしたね"
    assert _situation(D, long_ago) is not Situation.CLOSE_CELEBRATION
    assert _situation(D, "開業から八年、ずっと手書きの帳簿でやってきました") is not Situation.OWN_CELEBRATION
    assert _situation(D, "それなりの靴を買ったのは、就職して初めてです") is not Situation.OWN_CELEBRATION
    after = "卒業したあとに、ランドセルを小物に作り替えたいと考えています"
    assert _situation(D, after) is not Situation.OWN_CELEBRATION
    assert _situation(D, "入学式の日に自分で選んだ帽子を、三年間かぶってくれました") is not Situation.EVENT
    assert _situation(D, "祖父はもう亡くなっていますが、父が木を保管しています") is Situation.REMEMBRANCE
    assert _situation(D, "亡くなった祖母が仕立ててくれた着物で、替えがききません") is Situation.REMEMBRANCE
    assert _situation(D, "入居者様には、大変申し訳なく思っております") is not Situation.NO_TROUBLE
    assert _situation(D, "前回、知人に頼んだものは形式が違うと言われました") is not Situation.REGULAR
    # Hard negatives: a birth, an opening, a job and a loss told as news are still met as news.
    assert _situation(D, "先月、長男が生まれました") is Situation.CLOSE_CELEBRATION
    assert _situation(D, "来月、駅前に二号店を開業します") is Situation.OWN_CELEBRATION
    assert _situation(D, "この春、娘が地元の銀行に就職しました") is Situation.CLOSE_CELEBRATION
    assert _situation(D, "先週、祖父が亡くなりました") is Situation.BEREAVEMENT
    assert _situation(D, "ご迷惑をおかけして申し訳ありません") is Situation.NO_TROUBLE
    assert _situation(D, "前回と同じ色でお願いしたいと思っています") is Situation.REGULAR


def test_asks_that_are_questions_and_asks_that_are_not_cancels() -> None:
    keep = "キャンセルせずに、そのまま予約継続でお願いします"
    assert _situation(R, keep) is not Situation.ASK_CANCEL
    assert not any("キャンセルとして" in text for text in _texts(R, keep)[:3])
    assert _situation(R, "2. 一括で発注した場合の割引の有無") is Situation.ASK_QUESTION
    assert _situation(R, "3. 一戸あたりの工事時間の目安（お湯が使えない時間）") is Situation.ASK_QUESTION
    boxes = "和菓子の小箱を探しています。\n既製品で合うものがあるか見ていただけますでしょうか。\n"
    assert _situation(R, "既製品で合うものがあるか見ていただけますでしょうか", boxes) is not Situation.ASK_BOOKING
    assert _situation(R, "土日は予約が必要でしょうか", boxes) is not Situation.ASK_BOOKING
    # Hard negatives: a real cancellation, a visit asked for.
    yoga = "毎週ヨガに通っています。\n"
    assert _situation(R, "来週のレッスンをキャンセルさせてください", yoga) is Situation.ASK_CANCEL
    assert _situation(R, "土曜日に家まで見に来ていただけますか", boxes) is Situation.ASK_BOOKING


def test_an_apology_fits_what_went_wrong() -> None:
    late = "注文した商品がまだ届きません。\n注文してからもう2週間です。\n今週中に届かないならキャンセルしてください。\n"
    texts = _texts(R, "今週中に届かないならキャンセルしてください", late)
    assert texts and "お待たせ" in texts[0], texts
    assert not any("異なる商品" in t or "検品" in t for t in texts), texts
    wrong = "昨日届いたセーターですが、注文したものと違う色が入っていました。\n至急、正しい色を送っていただけますか。\n"
    ask = "至急、正しい色を送っていただけますか"
    highlight = Highlight(R, wrong.index(ask), wrong.index(ask) + len(ask))
    offered = [s.id for s in plan(load_our_pack(), highlight, ask, mail=wrong, limit=20).snippets]
    assert "apology_wrong_item" in offered, offered


def test_kansai_yakedo_is_but_not_a_burn() -> None:
    said = "先週そっちで買うた財布やけど、ファスナーがもう壊れてしもたんよ"
    assert _situation(D, said) not in (Situation.HEALTH_SELF, Situation.ILLNESS_NOW, Situation.HARM)
    # Hard negative: a burn told in standard Japanese is still a burn.
    assert _situation(D, "昨日、鍋で手にやけどをしてしまいました") in (Situation.HEALTH_SELF, Situation.ILLNESS_NOW)


def test_a_planned_visit_is_awaited_never_welcomed_back() -> None:
    fair = "来月の見本市で、御社のブースに伺う予定です"
    assert _situation(D, fair) is Situation.VISIT_PLAN
    texts = _texts(D, fair)
    assert texts[0] == "お越しいただけるのを、心よりお待ちしております。"
    assert not any("また" in text for text in texts[:3]), texts
    dated = "来週の土曜日にお店へ伺うつもりです"
    assert _situation(D, dated) is Situation.VISIT_PLAN
    assert any(text.startswith("来週") and "お目にかかれる" in text for text in _texts(D, dated)), _texts(D, dated)
    # Near misses: a visit already made, a visit "again", a day-dream with no plan.
    assert _situation(D, "先週お店に伺いましたが、お休みでした") is not Situation.VISIT_PLAN
    assert _situation(D, "また近いうちにお店に伺います") is Situation.NEXT_VISIT
    assert _situation(D, "いつか工房に行ってみたいなと夫と話しています") is not Situation.VISIT_PLAN


def test_whether_an_order_is_taken_is_answered_yes_or_no_never_received() -> None:
    can = "誕生日用のホールケーキの注文はできますか"
    assert _situation(R, can) is Situation.ASK_CAN_ORDER
    texts = _texts(R, can)
    assert texts[0].startswith("はい、"), texts
    assert not any("確かに承りました" in text or "ご予約、承知" in text for text in texts), texts
    # A refusal offered for an order is about the order, never about returning opened goods.
    assert not any("返品" in text for text in texts), texts
    # The order itself, placed: received.
    placed = "チョコレートのホールケーキを一台注文したいです"
    assert _situation(R, placed) is Situation.ASK_ORDER
    assert _texts(R, placed)[0] == "ご注文、確かに承りました。"


def test_a_business_reporting_a_fault_in_plain_words_is_a_complaint() -> None:
    mail = ("株式会社あおば 仕入担当の森です。\n"
            "先日納品いただいた包装紙のうち、百枚ほどに印刷のかすれがございました。\n"
            "良品との交換をお願いできますでしょうか。\n")
    told = "先日納品いただいた包装紙のうち、百枚ほどに印刷のかすれがございました"
    assert tone(mail) == "complaint"
    assert _situation(D, told, mail) is Situation.COMPLAINT_TOLD
    # Near miss: a print shop's customer pleased with the print is no complaint.
    assert tone("名刺の印刷、とてもきれいでした。\nまたお願いします。\n") == ""


def test_goods_liked_and_worn_every_week_are_cherished() -> None:
    liked = "この前買うたワンピース、めっちゃ気に入ってて毎週着てますねん"
    assert _situation(D, liked) is Situation.CHERISH
    # Near miss: liked once, nothing about keeping it in use.
    assert _situation(D, "写真で見て気に入って注文しました") is not Situation.CHERISH
