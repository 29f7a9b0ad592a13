"""Round urq28: the review hears an answer to a new writer's ask — and hears when a reply only talks around it.

Leave one batch out (`bench/review_lobo.py`) showed the misses of new writers grouped by the kind of ask: an ask whose
point is what is free or in stock answered by a sentence about the goods or the day that never says what is free, an
ask to act at a named time answered about the act but never about that time, and false findings on a follow-up ask
that hangs on the answer to the ask before it. Each test below states one principle on sentences of its own, with a
hard negative beside it.
"""

from __future__ import annotations

from app.model import FindingKind, HighlightKind
from app.review import review
from tests.review_support import insight_of

R = HighlightKind.REQUEST
ASK = FindingKind.UNANSWERED_REQUEST


def _open(mail: str, draft: str, *asks: str) -> list[str]:
    findings = review(draft, mail, insight_of(mail, *((R, a) for a in asks))).findings
    return [mail[f.ref.start : f.ref.end] for f in findings if f.kind is ASK and f.ref is not None]


# --- What is free or in stock: the reply must say what is available ---------------------------------------------

STOCK_MAIL = ("こんにちは。\n自転車用のサドルカバーを探しています。\n"
              "こちらの防水タイプは、子ども乗せ自転車にも付けられますか。\n"
              "在庫のあるサイズを教えてください。\n")
STOCK_ASKS = ("こちらの防水タイプは、子ども乗せ自転車にも付けられますか", "在庫のあるサイズを教えてください")


def test_stock_asked_is_not_answered_by_what_sells_best() -> None:
    draft = ("お問い合わせありがとうございます。\n防水タイプは子ども乗せ自転車にもお付けいただけます。\n"
             "一番よく出ているサイズはLサイズで、通勤の方に選ばれています。\n")
    assert _open(STOCK_MAIL, draft, *STOCK_ASKS) == ["在庫のあるサイズを教えてください"]


def test_stock_asked_is_answered_by_what_is_on_the_shelf() -> None:
    draft = ("お問い合わせありがとうございます。\n防水タイプは子ども乗せ自転車にもお付けいただけます。\n"
             "サイズはMとLの二つが、どちらも店頭にございます。\n")
    assert _open(STOCK_MAIL, draft, *STOCK_ASKS) == []


SLOT_MAIL = ("はじめまして。\n来週から通える料理教室を探しています。\n"
             "包丁を持つのは久しぶりなのですが、初心者でも参加できますか。\n"
             "木曜日の夜のクラスに入りたいのですが、空きはありますか。\n")
SLOT_ASKS = ("包丁を持つのは久しぶりなのですが、初心者でも参加できますか",
             "木曜日の夜のクラスに入りたいのですが、空きはありますか")


def test_a_free_slot_asked_is_not_answered_by_how_busy_the_day_is() -> None:
    draft = ("ご連絡ありがとうございます。\n初心者の方も大歓迎です。\n"
             "木曜日の夜は仕事帰りの方に人気のクラスです。\n")
    assert _open(SLOT_MAIL, draft, *SLOT_ASKS) == ["木曜日の夜のクラスに入りたいのですが、空きはありますか"]


def test_a_free_slot_asked_is_answered_by_the_places_left() -> None:
    draft = ("ご連絡ありがとうございます。\n初心者の方も大歓迎です。\n"
             "木曜日の夜のクラスは、あと二名様分のお席が残っております。\n")
    assert _open(SLOT_MAIL, draft, *SLOT_ASKS) == []


# --- A time set as the point of an ask to act: the reply must speak of that time ---------------------------------

TIME_MAIL = ("お世話になります。\n父の米寿のお祝いに、寄せ書きの色紙を額装していただきたいです。\n"
             "仕上がった額を、金曜日の夕方に実家へ届けてもらうことはできますか。\n")
TIME_ASKS = ("父の米寿のお祝いに、寄せ書きの色紙を額装していただきたいです",
             "仕上がった額を、金曜日の夕方に実家へ届けてもらうことはできますか")


def test_a_time_asked_for_is_not_answered_by_the_delivery_alone() -> None:
    draft = ("ご依頼ありがとうございます。\n色紙の額装、心を込めて承ります。\n"
             "ご実家へのお届けは、配送業者を通して承っております。\n")
    assert _open(TIME_MAIL, draft, *TIME_ASKS) == ["仕上がった額を、金曜日の夕方に実家へ届けてもらうことはできますか"]


def test_a_time_asked_for_is_answered_by_that_day() -> None:
    draft = ("ご依頼ありがとうございます。\n色紙の額装、心を込めて承ります。\n"
             "ご実家へは、金曜日の十七時頃にお届けいたします。\n")
    assert _open(TIME_MAIL, draft, *TIME_ASKS) == []


# --- A follow-up hanging on the answer before it is answered in the same breath ----------------------------------

FOLLOW_MAIL = ("市立図書館 ご担当者様\n来月、祖母と一緒に郷土資料の展示を見に行く予定です。\n"
               "館内で車椅子をお借りすることはできますか。\n"
               "できない場合は、近くで用意できる場所を教えていただけると助かります。\n")
FOLLOW_ASKS = ("館内で車椅子をお借りすることはできますか",
               "できない場合は、近くで用意できる場所を教えていただけると助かります")


def test_a_follow_up_is_answered_by_the_sentence_after_the_answer_it_hangs_on() -> None:
    draft = ("お問い合わせありがとうございます。\n館内の貸し出し用車椅子は、あいにく現在修理中です。\n"
             "隣の公民館で貸し出しをしていますので、そちらをご利用ください。\n")
    assert _open(FOLLOW_MAIL, draft, *FOLLOW_ASKS) == []


def test_a_follow_up_is_not_answered_by_a_closing_after_that_answer() -> None:
    draft = ("お問い合わせありがとうございます。\n館内の貸し出し用車椅子は、あいにく現在修理中です。\n"
             "お祖母様とのご来館を楽しみにしております。\n")
    assert _open(FOLLOW_MAIL, draft, *FOLLOW_ASKS) == [FOLLOW_ASKS[1]]


# --- A sentence that only reacts, thanks or closes answers nothing; a concern-framed ask asks what it embeds -------

PEN_MAIL = ("文具店 ことのは 様\n父が四十年使ってきた万年筆を、先日こちらで修理していただきました。\n"
            "昔父が愛用していた、青墨色のインクがまだ手に入るのかどうか、父がずっと気にしております。\n")
PEN_ASK = "昔父が愛用していた、青墨色のインクがまだ手に入るのかどうか、父がずっと気にしております"


def test_a_concern_framed_ask_is_not_answered_by_a_word_of_its_scene() -> None:
    draft = ("ご連絡ありがとうございます。\n万年筆をお使いいただけているとのこと、何よりです。\n"
             "お父様にまたお目にかかれるのを楽しみにしております。\n")
    assert _open(PEN_MAIL, draft, PEN_ASK) == [PEN_ASK]


def test_a_concern_framed_ask_is_answered_by_its_embedded_question() -> None:
    draft = ("ご連絡ありがとうございます。\n青墨色のインクは、今も店頭で取り扱っております。\n"
             "お父様にまたお目にかかれるのを楽しみにしております。\n")
    assert _open(PEN_MAIL, draft, PEN_ASK) == []


CANDLE_MAIL = ("こんにちは。\n来週の土曜日に、娘の七歳の誕生日会を家で開きます。\n"
               "誕生日会用のホールケーキに、数字のろうそくを付けていただけますか。\n")
CANDLE_ASK = "誕生日会用のホールケーキに、数字のろうそくを付けていただけますか"


def test_a_reaction_sharing_the_scene_of_an_ask_does_not_take_it_on() -> None:
    draft = ("ご注文ありがとうございます。\nお嬢様の誕生日会、私どもも楽しみにしております。\n")
    assert _open(CANDLE_MAIL, draft, CANDLE_ASK) == [CANDLE_ASK]


def test_the_act_taken_on_beside_the_reaction_answers() -> None:
    draft = ("ご注文ありがとうございます。\n数字のろうそくは、無料でお付けいたします。\n"
             "お嬢様の誕生日会、私どもも楽しみにしております。\n")
    assert _open(CANDLE_MAIL, draft, CANDLE_ASK) == []


def test_a_time_in_the_reason_before_the_ask_is_not_its_point() -> None:
    mail = ("こんにちは。\nベランダで育てるハーブの鉢を探しています。\n"
            "週末にお店へ伺うので、バジルに合う鉢を選んでおいていただけますか。\n")
    ask = "週末にお店へ伺うので、バジルに合う鉢を選んでおいていただけますか"
    draft = ("ご連絡ありがとうございます。\nバジルに合う素焼きの鉢を三つほど選んで、お取り置きいたします。\n")
    assert _open(mail, draft, ask) == []


# --- May I do it this way: a yes or a no about doing it ------------------------------------------------------------

YOGA_MAIL = ("はじめまして。\n来月からヨガを始めたいと思っています。\n"
             "体験レッスンの料金を教えてください。\n"
             "腰を痛めていて、コルセットを着けたままで体験レッスンを受けても大丈夫でしょうか。\n")
YOGA_ASKS = ("体験レッスンの料金を教えてください",
             "腰を痛めていて、コルセットを着けたままで体験レッスンを受けても大丈夫でしょうか")


def test_may_i_is_not_answered_by_talk_of_the_lesson() -> None:
    draft = ("お問い合わせありがとうございます。\n体験レッスンは一回千円です。\n"
             "体験レッスンでは、呼吸法とやさしいポーズを中心に行います。\n")
    assert _open(YOGA_MAIL, draft, *YOGA_ASKS) == [YOGA_ASKS[1]]


def test_may_i_is_answered_by_a_yes_about_it() -> None:
    draft = ("お問い合わせありがとうございます。\n体験レッスンは一回千円です。\n"
             "コルセットは着けたままで構いません。\n")
    assert _open(YOGA_MAIL, draft, *YOGA_ASKS) == []
