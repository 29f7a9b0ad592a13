"""The constructions behind the blind18 tune misses, in sentences of our own.

Each family's check was widened to a construction (not a sentence); these tests hold it there, and the
hard negatives beside them hold the line where the same words are right.
"""

from __future__ import annotations

import pytest

from app.model import FindingKind
from app.review import review_draft


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
