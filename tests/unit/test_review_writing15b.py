"""Issue 15, second round: the writing checks widened after the blind tune half's misses.

Each widened rule has a true case and a hard negative (a correct sentence that looks
like the error) of our own; none is copied from the blind cases
(tests/data/review/README.md). The fixes offered are checked too.
"""

from __future__ import annotations

import pytest

from app.model import FindingKind
from app.review import review_draft

K = FindingKind

# (kind, text, the flagged words, the fix offered or None when no fix is checked)
TRUE_CASES = [
    # lookalike: へ opening a katakana word at the very start; a kanji look-alike before ー.
    (K.LOOKALIKE_CHAR, "へッドホンの修理を承りました。", "へッドホン", "ヘッドホン"),
    (K.LOOKALIKE_CHAR, "力ーゴパンツの裾上げを承ります。", "力ーゴパンツ", "カーゴパンツ"),
    (K.LOOKALIKE_CHAR, "夕ーコイズの指輪をお届けします。", "夕ーコイズ", "ターコイズ"),
    # redundant
    (K.REDUNDANT, "商品と一緒に同封いたしました。", "一緒に同封", "同封"),
    (K.REDUNDANT, "おおよそ五日程度でお届けします。", "おおよそ五日程度", "おおよそ五日"),
    (K.REDUNDANT, "縫製の手直しを行いました。", "手直しを行いました", "手直ししました"),
    (K.REDUNDANT, "真夏の炎天下のなか、ご来店ありがとうございました。", "炎天下のなか", "炎天下"),
    (K.REDUNDANT, "秋に出た新しい新製品をご紹介します。", "新しい新", "新"),
    # させていただく on one's own feeling, even once
    (K.SASETE_OVERUSE, "お便りを拝見し、大変うれしく感じさせていただきました。", "感じさせていただき", "感じ"),
    # honorific direction: our own side raised; the customer's past action in humble form
    (K.KEIGO_DIRECTION, "当店の店長が明日そちらへいらっしゃいます。", "いらっしゃい", "参り"),
    (K.KEIGO_DIRECTION, "先ほど弊社のスタッフがおっしゃった件です。", "おっしゃっ", "申し"),
    (K.KEIGO_DIRECTION, "お客様がご購入した商品の保証書を同封します。", "ご購入した", "ご購入になった"),
    # バイト敬語
    (K.KEIGO_BAITO, "交換のほうを承ります。", "のほう", None),
    (K.KEIGO_BAITO, "お支払いのほうよろしくお願いいたします。", "のほう", None),
    (K.KEIGO_BAITO, "営業時間は十時から十九時になります。", "になります", "です"),
    (K.KEIGO_BAITO, "50円のお釣りになります。", "になります", "でございます"),
    (K.KEIGO_BAITO, "こちらの欄にお名前様をお書きください。", "様", None),
    # typos in set phrases
    (K.TYPO, "在庫がございまので、ご安心ください。", "ございまので", "ございますので"),
    (K.TYPO, "恐縮ですすが、再度ご確認ください。", "恐縮ですすが", "恐縮ですが"),
    (K.TYPO, "今後ともどうぞよろしくお願いいたたします。", "お願いいたたします", "お願いいたします"),
    # misused words and idioms
    (K.MISUSED_WORD, "参加者にはすべからく記念品を差し上げます。", "すべからく", "すべて"),
    (K.MISUSED_WORD, "私には役不足かもしれませんが、精一杯務めます。", "役不足", "力不足"),
    (K.MISUSED_WORD, "危機一発のところで間に合いました。", "危機一発", "危機一髪"),
    (K.MISUSED_WORD, "設定の手順をご教授いただけますか。", "ご教授いただけ", "ご教示いただけ"),
    # business-mail manners
    (K.BUSINESS_MANNER, "ご注文内容の変更、了承しました。", "了承しました", "承知しました"),
    (K.BUSINESS_MANNER, "はい、わかりました。早速手配します。", "わかりました", "承知いたしました"),
    # particles, ら抜き, さ入れ
    (K.PARTICLE_REPEAT, "本日もも営業しております。", "もも", "も"),
    (K.RANUKI, "明日の朝には届けれます。", "届けれ", "届けられ"),
    (K.SA_IRE, "作業を終わらさせていただきます。", "終わらさせ", "終わらせ"),
    # second wave: small katakana look-alike, 毎〜ごと, the customer as subject of a humble verb,
    # wrong-kanji conversions, 〜になっております
    (K.LOOKALIKE_CHAR, "チ工ックシートを同封しました。", "チ工ックシート", "チェックシート"),
    (K.REDUNDANT, "毎週ごとに新作が入荷します。", "毎週ごと", "毎週"),
    (K.REDUNDANT, "原因はいまだ未解明です。", "いまだ未", "未"),
    (K.KEIGO_DIRECTION, "ご家族の方がおりましたら、お知らせください。", "おり", "いらっしゃい"),
    (K.KEIGO_DIRECTION, "お客様が申したとおりでございます。", "申し", "おっしゃっ"),
    (K.TYPO, "保障期間は一年間です。", "保障期間", "保証期間"),
    (K.TYPO, "暖かいお言葉に励まされました。", "暖かいお言葉", "温かいお言葉"),
    (K.TYPO, "その変わりに、別の色をお送りします。", "その変わりに", "その代わりに"),
    (K.TYPO, "ご期待に答えられるよう努めます。", "ご期待に答え", "ご期待に応え"),
    (K.KEIGO_BAITO, "こちらは季節限定の商品になっております。", "になっております", "でございます"),
    (K.KEIGO_BAITO, "お届け先のご住所の方をご確認ください。", "の方", None),
    (K.REDUNDANT, "各教室ごとに時間割が違います。", "各教室ごと", "各教室"),
    (K.BUSINESS_MANNER, "いつもお世話様でございます。", "お世話様でございます", "お世話になっております"),
]

HARD_NEGATIVES = [
    "こちらへどうぞお越しください。",
    "八ッ橋の詰め合わせをお送りします。",
    "請求書もあわせて同封いたしました。",
    "来月、新しい新幹線の車両が走ります。",
    "お子様を喜ばせてあげてください。",
    "本日は臨時休業させていただきます。",
    "弊社の担当者が、お客様のおっしゃった点を確認いたします。",
    "先日ご案内した内容をご確認ください。",
    "こちらのほうがお得です。",
    "駅のほうへ歩いて五分です。",
    "送料は五千円以上で無料になります。",
    "営業時間は来月から十時までになります。",
    "お客様が図書をお返しになります。",
    "お使いいただけますので、ご安心ください。",
    "社会人はすべからく学び続けるべきです。",
    "彼ほどの実力者には役不足の仕事です。",
    "ご了承くださいますようお願いいたします。",
    "詳細がわかりましたらご連絡いたします。",
    "ご注文は、はがきでも承ります。",
    "届ければ喜ばれます。",
    "部屋を散らかさせてしまい、失礼いたしました。",
    "イベントを行い、記念品をお配りします。",
    "ロゴ入りのエプロンと工具をお送りします。",
    "仕様は変更しております。",
    "お客様は店内におられますか。",
    "お客様が来られましたら、私が参ります。",
    "社会保障の制度についてのご質問ですね。",
    "暖かい日が続いております。",
    "それ以外と比べて軽い作りです。",
    "お客様ご自身でご確認いただけます。",
    "こちらは防水仕様です。",
    "朝までぐっすりお休みいただけます。",
    "ご家族の方がいらっしゃいましたら、お声がけください。",
    "教室ごとに時間割が違います。",
]


@pytest.mark.parametrize(("kind", "text", "words", "fix"), TRUE_CASES, ids=lambda v: str(v)[:16])
def test_widened_rule_catches_its_case(kind: FindingKind, text: str, words: str, fix: str | None) -> None:
    found = [f for f in review_draft(text) if f.kind is kind]
    assert any(text[f.start : f.end] == words for f in found), [(text[f.start:f.end], f.kind.value) for f in found]
    if fix is not None:
        finding = next(f for f in found if text[f.start : f.end] == words)
        assert finding.suggestion == fix


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negative_is_left_alone(text: str) -> None:
    found = [(f.kind.value, text[f.start : f.end]) for f in review_draft(text)]
    assert not found


@pytest.mark.parametrize("text", [
    "ポイントの再発行はできません。規約をご覧ください。",
    "お届け日は変えられません。以上です。",
    "それは仕様です。",
    "ご自分で調べてください。",
    "予約の変更は受け付けていません。店頭でご確認ください。",
])
def test_short_flat_refusals_are_cold(text: str) -> None:
    assert K.TONE_COLD in {f.kind for f in review_draft(text)}


@pytest.mark.parametrize("text", [
    "本日は営業しておりません。明日は十時からです。",
    "送料は無料です。追加料金はかかりません。",
    "大変申し訳ございませんが、ポイントの再発行はいたしかねます。代わりにクーポンをお送りします。",
])
def test_short_plain_notices_are_not_cold(text: str) -> None:
    assert K.TONE_COLD not in {f.kind for f in review_draft(text)}


def test_spoken_contractions_are_over_familiar_but_a_warm_kudasai_ne_is_not() -> None:
    assert K.TONE_OVERFAMILIAR in {f.kind for f in review_draft("オッケーです、明日送っときますね。")}
    assert K.TONE_OVERFAMILIAR in {f.kind for f in review_draft("発送しまーす！")}
    assert K.TONE_OVERFAMILIAR in {f.kind for f in review_draft("めっちゃ似合うと思います。")}
    assert not review_draft("マジックテープで留める作りです。")
    assert not review_draft("どうぞお楽しみくださいね。")
