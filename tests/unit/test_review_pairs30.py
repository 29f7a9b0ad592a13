"""Round review30: the review hears when a new writer's reply only talks around an ask — about the scene it sets, or
about a time other than the one it asks to be met.

Leave one batch out (`bench/review_lobo.py`) on the newest batches showed the asks the review took as answered, grouped
by the kind of ask and the kind of non-answer: an ask whose reply shares with it only a word of the scene it sets
before its own clause (the repair the customer heard of, not whether the insurance pays), and an ask only whether it
is in time (「月曜日までに…のですが、間に合いますか」) answered with a lead time that never says whether that day is
met. Each test below states one principle on sentences of its own, with a hard negative beside it.
"""

from __future__ import annotations

from app.model import FindingKind, HighlightKind
from app.review import review
from app.review.checks import unanswered_request
from tests.review_support import insight_of

R = HighlightKind.REQUEST
ASK = FindingKind.UNANSWERED_REQUEST


def _open(mail: str, draft: str, *asks: str) -> list[str]:
    findings = review(draft, mail, insight_of(mail, *((R, a) for a in asks))).findings
    return [mail[f.ref.start : f.ref.end] for f in findings if f.kind is ASK and f.ref is not None]


# --- An ask's scene is not its point ----------------------------------------------------------------------------

CARD_MAIL = ("はじめまして。\n姪に出産祝いを贈りたいと思っています。姪の名前は「さくら」です。\n"
             "・おくるみを二枚、別々の住所に送っていただけますか。\n"
             "・姪の名前を入れたカードを、箱に添えていただくことはできますか。\n")
CARD_ASKS = ("おくるみを二枚、別々の住所に送っていただけますか",
             "姪の名前を入れたカードを、箱に添えていただくことはできますか")


def test_an_ask_is_not_answered_by_a_sentence_about_its_scene_alone() -> None:
    draft = ("お問い合わせありがとうございます。\n"
             "おくるみ二枚は、別々のご住所へお送りいたします。送り先は、お名前とご住所をメールでお知らせいただければ"
             "大丈夫です。\n")
    assert _open(CARD_MAIL, draft, *CARD_ASKS) == [CARD_ASKS[1]]


def test_an_ask_is_answered_by_a_sentence_about_its_own_clause() -> None:
    draft = ("お問い合わせありがとうございます。\n"
             "おくるみ二枚は、別々のご住所へお送りいたします。送り先は、お名前とご住所をメールでお知らせいただければ"
             "大丈夫です。\nカードはさくらちゃんのお名前入りで、箱に添えてお届けいたします。\n")
    assert _open(CARD_MAIL, draft, *CARD_ASKS) == []


def test_scene_only_counts_the_ask_own_clause() -> None:
    """One word of the scene and none of the ask's own clause: about the scene. Two words of the ask say enough, and
    a clause that only frames the ask (「お許しいただければ幸いです」) is no clause of its own."""
    from app.review.meaning import keys
    from app.text import tokenize_short

    core = keys(tokenize_short("保険は使えるのでしょうか"))
    repair = frozenset(f for k in keys(tokenize_short("屋根の修理をいたします")) for f in k.forms)
    insurance = frozenset(f for k in keys(tokenize_short("保険もお使いいただけます")) for f in k.forms)
    assert unanswered_request.scene_only(1.0, core, repair)
    assert not unanswered_request.scene_only(1.0, core, insurance)
    assert not unanswered_request.scene_only(2.0, core, repair)
    frame = keys(tokenize_short("お許しいただければ幸いです"))
    assert not unanswered_request.scene_only(1.0, frame, repair)


# --- Asked only whether it is in time: the day itself must be spoken to -------------------------------------------

TIME_MAIL = ("お世話になっております。\n先日お願いした会社案内のパンフレットの件です。\n"
             "表紙の写真は、添付の二枚目に差し替えてください。\n"
             "来週の展示会で配りたいので、金曜日までに届けていただけると助かるのですが、間に合いますか。\n")
TIME_ASKS = ("表紙の写真は、添付の二枚目に差し替えてください",
             "来週の展示会で配りたいので、金曜日までに届けていただけると助かるのですが、間に合いますか")


def test_in_time_is_not_answered_by_a_lead_time_and_a_send_today() -> None:
    draft = ("いつもありがとうございます。\n表紙の写真は二枚目に差し替えいたします。\n"
             "通常の納期は、校了から四営業日です。\n差し替えた見本を本日中にお送りいたします。\n")
    assert _open(TIME_MAIL, draft, *TIME_ASKS) == [TIME_ASKS[1]]


def test_in_time_is_answered_by_the_day_met() -> None:
    draft = ("いつもありがとうございます。\n表紙の写真は二枚目に差し替えいたします。\n"
             "木曜日には御社へお届けできますので、展示会に間に合います。\n")
    assert _open(TIME_MAIL, draft, *TIME_ASKS) == []


def test_time_clause_takes_the_whole_ask_only_when_its_own_clause_asks_if_in_time() -> None:
    assert unanswered_request.time_clause("月曜日までに届けていただけると助かるのですが、間に合いますか") == (
        "月曜日までに届けていただけると助かるのですが、間に合いますか", True)
    assert unanswered_request.time_clause("週末に伺うので、予約はできますか") == ("予約はできますか", False)
    assert unanswered_request.time_clause("今日注文して間に合いますか") == ("今日注文して間に合いますか", False)


# --- "Is it free?" is a how-much question without a question word -------------------------------------------------

FREE_MAIL = ("はじめまして。\n実家の物置の扉が閉まりにくくなり、修理をお願いしたいと考えています。\n"
             "下見に来ていただける日はありますか。\n出張の点検は無料でしょうか。\n")
FREE_ASKS = ("下見に来ていただける日はありますか", "出張の点検は無料でしょうか")


def test_is_it_free_is_not_answered_by_the_inspection_described() -> None:
    draft = ("ご連絡ありがとうございます。\n今週の金曜日の午後でしたら下見に伺えます。\n"
             "出張の点検では、扉のレールと戸車の状態を三十分ほどかけて拝見します。\n")
    assert _open(FREE_MAIL, draft, *FREE_ASKS) == [FREE_ASKS[1]]


def test_is_it_free_is_answered_by_no_charge() -> None:
    draft = ("ご連絡ありがとうございます。\n今週の金曜日の午後でしたら下見に伺えます。\n"
             "出張の点検は無料で、扉のレールと戸車の状態を三十分ほどで確認いたします。\n")
    assert _open(FREE_MAIL, draft, *FREE_ASKS) == []


def test_asks_if_free_reads_the_ask_own_clause() -> None:
    assert unanswered_request.asks_if_free("見積もりは無料でしょうか")
    assert unanswered_request.asks_if_free("もし入らなかった場合、キャンセル料はかかりますか")
    assert not unanswered_request.asks_if_free("無料の体験に申し込んだのですが、持ち物はありますか")
    assert not unanswered_request.asks_if_free("送料無料のセットはありますか")


# --- A yes-or-no question about a thing: its verb said of something else does not answer it ---------------------

BOARD_MAIL = ("はじめまして。\n来月、町内会の集まりで集会室をお借りしたいと考えています。\n"
              "利用料金はいくらですか。\nホワイトボードは使えますか。\n")
BOARD_ASKS = ("利用料金はいくらですか", "ホワイトボードは使えますか")


def test_a_thing_asked_about_is_not_answered_by_its_verb_said_of_the_room() -> None:
    draft = ("お問い合わせありがとうございます。\n集会室は一時間五百円でご利用いただけます。\n"
             "ご希望の日時をお知らせください。\n")
    assert _open(BOARD_MAIL, draft, *BOARD_ASKS) == [BOARD_ASKS[1]]


def test_a_thing_asked_about_is_answered_when_the_reply_names_it() -> None:
    draft = ("お問い合わせありがとうございます。\n集会室は一時間五百円でご利用いただけます。\n"
             "ホワイトボードもご自由にお使いいただけます。\n")
    assert _open(BOARD_MAIL, draft, *BOARD_ASKS) == []


def test_verbs_only_said_needs_a_noun_of_the_ask_unsaid() -> None:
    from app.review.meaning import keys
    from app.text import tokenize_short

    tokens = tuple(tokenize_short("ホワイトボードは使えますか"))
    core = keys(tokens)
    room = frozenset(f for k in keys(tokenize_short("集会室をご利用いただけます")) for f in k.forms)
    board = frozenset(f for k in keys(tokenize_short("ホワイトボードもございます")) for f in k.forms)
    assert unanswered_request.verbs_only_said(core, tokens, room)
    assert not unanswered_request.verbs_only_said(core, tokens, board)
    assert not unanswered_request.asks_of_its_own_thing("このような状態でも使えますか", core)
    assert not unanswered_request.asks_of_its_own_thing("ホワイトボードを使いたいです", core)
