"""The constructions behind the blind18 tune misses, in sentences of our own.

Each family's check was widened to a construction (not a sentence); these tests hold it there, and the
hard negatives beside them hold the line where the same words are right.
"""

from __future__ import annotations

import pytest

from app.model import FindingKind, HighlightKind, Insight
from app.review import review, review_draft
from tests.review_support import insight_of


def _kinds(text: str) -> dict[FindingKind, list[str]]:
    found: dict[FindingKind, list[str]] = {}
    for finding in review_draft(text):
        found.setdefault(finding.kind, []).append(text[finding.start : finding.end])
    return found


def _fixes(text: str, kind: FindingKind) -> list[str]:
    return [f.suggestion for f in review_draft(text) if f.kind == kind]


# ---- sasete_overuse: the shop's own history, trade and private life need nobody's leave
@pytest.mark.parametrize(("text", "fix"), [
    ("当工房は今年で開業させていただいて十年になります。", "開業して"),
    ("毎年秋に新米を収穫させていただいております。", "収穫して"),
    ("この春、当店は開店五周年を迎えさせていただきました。", "迎え"),
    ("野菜はすべて自分の畑で育てさせていただいております。", "育てて"),
    ("私はこの工房で十五年勤めさせていただいております。", "勤めて"),
])
def test_sasete_on_the_shops_own_acts_is_flagged_with_the_plain_verb(text: str, fix: str) -> None:
    assert fix in _fixes(text, FindingKind.SASETE_OVERUSE)


@pytest.mark.parametrize("text", [
    "新しい色を入荷させていただいてもよろしいでしょうか。",
    "お客様のお写真で見本を製作させていただけますか。",
    "誠に勝手ながら、月曜日は休業させていただきます。",
])
def test_sasete_that_really_asks_leave_stays(text: str) -> None:
    assert FindingKind.SASETE_OVERUSE not in _kinds(text)


# ---- typo: one-kana slips in the polite endings a sentence closes on
@pytest.mark.parametrize(("text", "right"), [
    ("お手数ですが、お待ちくださいますよう、ご了承ださい。", "ご了承ください"),
    ("ご意見をお寄せいただきすよう、お願い申し上げます。", "いただきますよう"),
    ("昨日はお越しいただき、ありがとうございましたた。", "ありがとうございました"),
    ("お届けは来週でもよろしでしょうか。", "よろしいでしょうか"),
    ("ご注文、確かに承りまた。", "承りました"),
    ("ご同行の方はいらしゃいますか。", "いらっしゃいます"),
    ("在庫をお調べしてもよろしいでょうか。", "でしょうか"),
])
def test_slips_in_polite_endings_are_typos(text: str, right: str) -> None:
    assert any(right in fix for fix in _fixes(text, FindingKind.TYPO)), review_draft(text)


@pytest.mark.parametrize("text", [
    "先日はご注文をいただきましたため、在庫を確保いたしました。",
    "ご来店ありがとうございました。またのお越しをお待ちしております。",
    "明日のご予約でよろしいでしょうか。",
])
def test_correct_endings_are_no_typos(text: str) -> None:
    assert FindingKind.TYPO not in _kinds(text)


# ---- keigo_baito: マニュアル敬語 constructions
@pytest.mark.parametrize(("text", "span"), [
    ("お引き取りは前回と同じ店舗で大丈夫でしたでしょうか。", "大丈夫でした"),
    ("ご注文はケーキ三つでお間違いなかったでしょうか。", "お間違いなかった"),
    ("お受け取りは店頭でよろしかったですね。", "よろしかったですね"),
    ("クーポンのほうからお支払いいたしますか。", "のほう"),
    ("お荷物のほうお預かりいたします。", "のほう"),
    ("一万円札からでよろしいでしょうか。", "から"),
    ("返金は銀行振込という形でご案内しております。", "形で"),
    ("送料は後日ご請求いたします形になります。", "形になります"),
    ("お問い合わせ先は下記の通りになります。", "になります"),
    ("ご希望のサイズは品切れになります。", "になります"),
    ("当日のお渡しはできない感じになっております。", "感じになっております"),
    ("会員カードってお持ちですか。", "って"),
    ("ご注文の控えってございますか。", "って"),
])
def test_manual_keigo_constructions_are_flagged(text: str, span: str) -> None:
    assert span in _kinds(text).get(FindingKind.KEIGO_BAITO, []), review_draft(text)


@pytest.mark.parametrize("text", [
    "この色は人気のため、来週には在庫切れになります。",
    "昨日のお届けで問題なかったか、念のためお知らせください。",
    "商品を持って行ってくださいね、とお伝えしました。",
    "駅のほうからお越しの際は、北口をご利用ください。",
])
def test_manual_keigo_lookalikes_stay(text: str) -> None:
    assert FindingKind.KEIGO_BAITO not in _kinds(text), review_draft(text)


# ---- business_manner: words from above, our side given いただく, letter closings
@pytest.mark.parametrize(("text", "fix"), [
    ("明日、当店のスタッフがご自宅へ配達していただく予定です。", "配達する予定"),
    ("弊社の担当者から請求書をお送りしていただく予定でございます。", "お送りする予定"),
    ("素敵なアイデアに感心しました。", "感銘を受けました"),
    ("手順はお分かりいただけましたか。", "ご不明な点はございませんでしょうか"),
    ("受付までは私がご一緒します。", "ご案内いたします"),
    ("取り急ぎ、お礼まで。", "まずはお礼申し上げます"),
    ("拝啓　新緑の候、ますますご清祥のこととお喜び申し上げます。草々", "敬具"),
    ("前略　先日はありがとうございました。敬具", "草々"),
])
def test_business_constructions_get_the_business_form(text: str, fix: str) -> None:
    assert any(fix in s for s in _fixes(text, FindingKind.BUSINESS_MANNER)), review_draft(text)


@pytest.mark.parametrize("text", [
    "お客様に商品を確認していただく予定です。",
    "拝啓　平素は格別のお引き立てを賜り、厚く御礼申し上げます。敬具",
    "ぜひご一緒しませんか。",
])
def test_business_lookalikes_stay(text: str) -> None:
    assert FindingKind.BUSINESS_MANNER not in _kinds(text), review_draft(text)


# ---- tone_cold: brush-offs, plain rules, flat answers, blame of the customer's doing
@pytest.mark.parametrize("text", [
    "返品の件はメーカーに問い合わせてください。そちらの担当です。",
    "領収書は自分で印刷してください。",
    "まず説明書を読んでください。",
    "その日は埋まっています。別の時間にしてください。",
    "お支払いは前払いです。遅れた場合は無効とする。",
    "ご質問の件ですが、在庫はありません。",
    "キャンペーンはすでに終了しています。",
    "その件はお知らせ済みです。",
    "説明書を読んでいれば起きなかった故障です。",
    "エラーが出るのは番号を間違えているからです。",
    "条件が嫌ならご注文はおやめください。",
    "同じ内容を何度も送らないでください。",
])
def test_cold_constructions(text: str) -> None:
    assert FindingKind.TONE_COLD in _kinds(text), review_draft(text)


@pytest.mark.parametrize("text", [
    "ご返品の際は、商品と納品書を同封してください。",
    "在庫はありません。",
    "恐れ入りますが、別の日をお選びいただけますでしょうか。",
    "お手数ですが、そちらの窓口にお問い合わせいただけますと幸いです。",
])
def test_not_cold(text: str) -> None:
    assert FindingKind.TONE_COLD not in _kinds(text), review_draft(text)


# ---- keigo_direction: questions to the customer in humble forms; our staff raised
@pytest.mark.parametrize(("text", "span"), [
    ("お客様、明日は印鑑をお持ちしますか。", "お持ちし"),
    ("田中様は、お支払いを一括にいたしますか。", "いたし"),
    ("担当の山本がおっしゃったとおり、明日お届けします。", "おっしゃ"),
    ("弊社の社長が、お客様にぜひお会いになりたいと申しております。", "お会いになりたい"),
])
def test_direction_constructions(text: str, span: str) -> None:
    found = _kinds(text).get(FindingKind.KEIGO_DIRECTION, [])
    assert any(span in s for s in found), review_draft(text)


@pytest.mark.parametrize("text", [
    "お客様、お荷物をお持ちしましょうか。",
    "お客様がおっしゃったとおり、明日お届けいたします。",
])
def test_direction_lookalikes_stay(text: str) -> None:
    assert FindingKind.KEIGO_DIRECTION not in _kinds(text), review_draft(text)


# ---- tone_overfamiliar and lookalike
def test_a_casual_ending_before_a_comma_is_overfamiliar() -> None:
    assert FindingKind.TONE_OVERFAMILIAR in _kinds("もう届いてるはずだよ、確認してみて！")


@pytest.mark.parametrize(("text", "fixed"), [
    ("新しいメニュ一をご用意しました。", "メニュー"),
    ("限定カラ一も好評です。", "カラー"),
])
def test_kanji_one_ending_a_katakana_word(text: str, fixed: str) -> None:
    assert fixed in _fixes(text, FindingKind.LOOKALIKE_CHAR)


@pytest.mark.parametrize("text", ["ケーキ一個とタオル一枚をお送りします。", "セット一つでよろしいでしょうか。"])
def test_kanji_one_as_a_numeral_stays(text: str) -> None:
    assert FindingKind.LOOKALIKE_CHAR not in _kinds(text)


# ---- reply-review meaning checks on mail+draft pairs of our own
def _pair_kinds(draft: str, mail: str, insight: Insight) -> list[FindingKind]:
    return [f.kind for f in review(draft, mail, insight).findings]


def test_a_new_life_is_heard_by_a_welcome_to_it() -> None:
    mail = "春から就職で上京します。\n小さめの冷蔵庫を探しています。在庫はありますか。"
    insight = insight_of(mail, (HighlightKind.DISCLOSURE, "春から就職で上京します"),
                       (HighlightKind.REQUEST, "在庫はありますか"))
    welcomed = "新生活の準備、楽しみですね。小さめの冷蔵庫は三機種とも在庫がございます。"
    assert FindingKind.IGNORED_DISCLOSURE not in _pair_kinds(welcomed, mail, insight)
    silent = "小さめの冷蔵庫は三機種とも在庫がございます。"
    assert FindingKind.IGNORED_DISCLOSURE in _pair_kinds(silent, mail, insight)


def test_a_small_home_is_heard_by_the_room_it_leaves() -> None:
    mail = "うちはワンルームなので、大きな棚は置けません。\n奥行きの浅い棚はありますか。"
    insight = insight_of(mail, (HighlightKind.DISCLOSURE, "うちはワンルームなので"),
                       (HighlightKind.REQUEST, "奥行きの浅い棚はありますか"))
    heard = "限られたスペースでもお使いいただけるよう、奥行き二十五センチの棚がございます。"
    assert FindingKind.IGNORED_DISCLOSURE not in _pair_kinds(heard, mail, insight)


def test_a_childs_age_reached_needs_the_birthday_not_only_the_child() -> None:
    mail = "娘が来週で五歳になります。\n動物が好きな子です。\nうさぎのケーキはできますか。"
    insight = insight_of(mail, (HighlightKind.DISCLOSURE, "娘が来週で五歳になります"),
                       (HighlightKind.DISCLOSURE, "動物が好きな子です"),
                       (HighlightKind.REQUEST, "うさぎのケーキはできますか"))
    person_only = "動物好きのお嬢様に喜んでいただけるよう、うさぎのケーキをお作りいたします。"
    assert FindingKind.IGNORED_DISCLOSURE in _pair_kinds(person_only, mail, insight)
    birthday = "五歳のお誕生日、おめでとうございます。動物好きのお嬢様に、うさぎのケーキをお作りいたします。"
    assert FindingKind.IGNORED_DISCLOSURE not in _pair_kinds(birthday, mail, insight)


def test_a_remedy_given_answers_an_ask_for_a_remedy() -> None:
    mail = "届いたマグカップが欠けていました。\n交換か返金をお願いできますか。"
    insight = insight_of(mail, (HighlightKind.REQUEST, "交換か返金をお願いできますか"))
    remedy = "大変申し訳ございません。新しいマグカップを本日お送りいたします。"
    assert FindingKind.UNANSWERED_REQUEST not in _pair_kinds(remedy, mail, insight)
    nothing = "大変申し訳ございません。今後は梱包に気をつけてまいります。"
    assert FindingKind.UNANSWERED_REQUEST in _pair_kinds(nothing, mail, insight)


def test_an_apology_right_after_a_curt_word_softens_it() -> None:
    mail = "明日の朝六時に届けてもらえますか。"
    insight = insight_of(mail, (HighlightKind.REQUEST, "明日の朝六時に届けてもらえますか"))
    softened = "ご連絡ありがとうございます。朝六時のお届けは、ちょっと無理ですね。申し訳ございません。"
    assert FindingKind.TONE_COLD not in _pair_kinds(softened, mail, insight)
    bare = "朝六時のお届けは無理です。"
    assert FindingKind.TONE_COLD in _pair_kinds(bare, mail, insight)
