"""Issue 15, third round: rules widened after the two blind batches' tune halves.

Each new rule has a true case and a hard negative (a correct sentence that looks like the
error) of our own; none is copied from the blind cases or from another project's tests
(tests/data/review/README.md). The fixes offered are checked too.
"""

from __future__ import annotations

import pytest

from app.model import FindingKind, Highlight, HighlightKind, Insight
from app.review import review_draft

K = FindingKind

# (kind, text, the flagged words, the fix offered or None when no fix is checked)
TRUE_CASES = [
    # business manners: spoken or office words, the colleague's greeting, our own staff with さん
    (K.BUSINESS_MANNER, "御社のご依頼、確かに承りました。", "御社", "貴社"),
    (K.BUSINESS_MANNER, "とりあえず見本を一点お送りします。", "とりあえず", "まずは"),
    (K.BUSINESS_MANNER, "在庫の有無は倉庫に聞いてみます。", "聞いてみます", "確認いたします"),
    (K.BUSINESS_MANNER, "明日はお休みさせてもらいます。", "させてもらいます", "させていただきます"),
    (K.BUSINESS_MANNER, "お名前を教えてもらえますか。", "もらえますか", "いただけますか"),
    (K.BUSINESS_MANNER, "ちょっとお待ちいただけますか。", "ちょっと", "少々"),
    (K.BUSINESS_MANNER, "ごめんなさい、確認が遅れました。", "ごめんなさい", "申し訳ございません"),
    (K.BUSINESS_MANNER, "お疲れさまです。先日の件でご連絡しました。", "お疲れさまです", "お世話になっております"),
    (K.BUSINESS_MANNER, "課長さんにも確認しておきます。", "課長さん", "課長"),
    (K.BUSINESS_MANNER, "店長の佐藤さんが承ります。", "店長の佐藤さん", "店長の佐藤"),
    (K.BUSINESS_MANNER, "当店の鈴木さんがご案内します。", "当店の鈴木さん", "当店の鈴木"),
    (K.BUSINESS_MANNER, "規約の変更をあらかじめ了承ください。", "了承ください", "ご了承ください"),
    (K.BUSINESS_MANNER, "お支払い方法はどうしますか。", "どうしますか", "いかがなさいますか"),
    # questions to the customer in humble verbs; the customer as subject of いたす
    (K.KEIGO_DIRECTION, "この工房の名前を存じていますか。", "存じていますか", "ご存じですか"),
    (K.KEIGO_DIRECTION, "ご担当の方のお名前は何と申しますか。", "何と申しますか", "何とおっしゃいますか"),
    (K.KEIGO_DIRECTION, "お客様がご予約いたしました席です。", "いたし", "なさい"),
    # させていただきたいと思います: hedged twice, flagged once
    (K.SASETE_OVERUSE, "改めてご報告させていただきたいと思います。", "ご報告させていただきたいと思います",
     "ご報告いたします"),
    # honorific direction: our side with no 弊社 before it, the honorific お/ご〜になる for our side,
    # the customer as the subject of the humble お〜する
    (K.KEIGO_DIRECTION, "係の者が明朝そちらにいらっしゃいます。", "いらっしゃい", "参り"),
    (K.KEIGO_DIRECTION, "組み立ては担当者がご案内になります。", "ご案内になります", "ご案内いたします"),
    (K.KEIGO_DIRECTION, "当日はお客様が鍵をお持ちしますか。", "お持ちします", "お持ちになります"),
    # させていただく on a thought, and on a verb already humble
    (K.SASETE_OVERUSE, "前向きに考えさせていただきます。", "考えさせていただき", "考え"),
    (K.SASETE_OVERUSE, "店主の山田と申させていただきます。", "申させていただき", "申し"),
    # バイト敬語: こちら with its particle dropped, a document pointed at
    (K.KEIGO_BAITO, "こちら請求書になります。", "になります", "でございます"),
    (K.KEIGO_BAITO, "同封の用紙が返品伝票になります。", "になります", "でございます"),
    # misused idiom, a set phrase with a doubled kana
    (K.MISUSED_WORD, "念には念を押して梱包しました。", "念には念を押", "念には念を入れ"),
    (K.TYPO, "詳しくはお電話でお問い合わせせください。", "お問い合わせせください", "お問い合わせください"),
]

HARD_NEGATIVES = [
    "貴社のご依頼、確かに承りました。",
    "ご担当の佐藤様にお渡しください。",
    "貴社の課長さんにもよろしくお伝えください。",
    "長旅、お疲れさまでした。",
    "毎日の送り迎え、本当にお疲れさまです。",
    "担当者が伺います。",
    "お客様のご来店をお待ちしております。",
    "念を押してお伝えいたします。",
    "それぞれ別の便での発送になります。",
    "こちらでお預かりすることになります。",
    "同封の割引券は来月から使えるようになります。",
    "下記の金額が合計になります。",
    "使い終わった箱は捨ててください。",
    "じゃがいもを同封いたしました。",
    "本日は営業しておりません。",
    "お客様の責任ではございません。",
    "もっと早くお届けできるよう努めます。",
    "ご確認くださいませ。",
    "ご休業日のお知らせをいただき、ありがとうございます。",
    "私がご予約いたしました。",
    "お客様ができることを順にご案内いたします。",
    "存じております。",
    "ご了承ください。",
    "すごく人気の商品です。",
    "定休日は水曜日となっております。",
    "ご注文をお受けいたしました。",
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
    "配送先を取り違えたのはそちらの入力ミスです。",
    "それはお客様の責任ですので、送料はご負担ください。",
    "変更があるなら、もう少し早めに連絡してください。",
    "書類は期日までに出していただかないと困ります。",
    "刻印の文字の変更はしていません。",
    "取扱説明書をよく読んでください。",
    "ラッピングは受け付けません。",
    "使い方はご自分でお調べください。",
    "配送中の破損について、当店では責任を負いかねます。",
    "こちらの手違いで違うサイズを発送しました。正しいサイズを明日送ります。",
])
def test_blame_reproach_and_a_flat_refusal_are_cold(text: str) -> None:
    assert K.TONE_COLD in {f.kind for f in review_draft(text)}


@pytest.mark.parametrize("text", [
    "壊れた商品を受け取ったまま、すぐに発送しました。",
    "当店の梱包が不十分でした。大変申し訳ございません。",
    "こちらの手違いで違うサイズを発送しました。大変申し訳ございません。",
    "お客様のご都合による返品は承っておりません。",
])
def test_cold_rules_leave_our_own_fault_and_plain_facts(text: str) -> None:
    assert K.TONE_COLD not in {f.kind for f in review_draft(text)}


@pytest.mark.parametrize("text", [
    "サイズを間違えて送っちゃいました。申し訳ございません。",
    "今週中には入荷するかもです。",
    "交換でも返金でも全然大丈夫です。",
    "ただいま確認しますので、そのまま待っててください。",
    "じゃあ、そのサイズで手配しますね。",
    "やっぱりこちらの色がすごく人気です。",
    "ちゃんと届いたみたいです。",
    "気に入ってもらえたらいいな〜",
    "やっぱりそっちのほうが似合います。",
])
def test_spoken_forms_are_over_familiar_on_their_own(text: str) -> None:
    assert K.TONE_OVERFAMILIAR in {f.kind for f in review_draft(text)}


def _mail(*asks: str, before: str = "こんにちは。") -> tuple[str, Insight]:
    mail = before + "\n" + "\n".join(f"{ask}。" for ask in asks)
    return mail, Insight(tuple(Highlight(HighlightKind.REQUEST, mail.index(a), mail.index(a) + len(a))
                               for a in asks))


@pytest.mark.parametrize(("ask", "answer"), [
    ("何日くらいで届きますか", "ご注文から四日ほどでお手元に参ります。"),
    ("何時まで開いていますか", "平日は午後八時まで営業しております。"),
    ("重さはどれくらいですか", "約二百八十グラムです。"),
    ("手提げ袋を付けられますか", "はい、一枚無料でお付けいたします。"),
    ("刺繍の色を選べますか", "工房に確認して、折り返しご連絡いたします。"),
    ("開封後でも引き取ってもらえますか", "未使用でしたら、お受けいたします。"),
    ("少量ずつ使えるタイプはありますか", "一回分ずつの小分け包装がございます。"),
    ("入荷はいつになりますか", "来週には入ってくる予定です。"),
])
def test_an_answer_is_recognised_by_its_shape(ask: str, answer: str) -> None:
    mail, insight = _mail(ask)
    draft = f"お問い合わせありがとうございます。\n{answer}\nよろしくお願いいたします。"
    assert K.UNANSWERED_REQUEST not in {f.kind for f in review_draft(draft, mail, insight)}


def test_a_shaped_answer_answers_one_request_and_not_an_unrelated_one() -> None:
    mail, insight = _mail("送料はいくらですか", "箱を分けてもらえますか")
    draft = "お問い合わせありがとうございます。\n送料は全国一律六百円です。"
    unanswered = [f for f in review_draft(draft, mail, insight) if f.kind is K.UNANSWERED_REQUEST]
    assert [mail[f.ref.start : f.ref.end] for f in unanswered if f.ref] == ["箱を分けてもらえますか"]
    # One request, and the reply speaks only of the product the mail named before it.
    mail, insight = _mail("リボンを掛けてもらえますか", before="青いマフラーを注文しました。")
    draft = "ご注文ありがとうございます。\n青いマフラーは本日発送いたしました。"
    assert K.UNANSWERED_REQUEST in {f.kind for f in review_draft(draft, mail, insight)}


def test_a_promise_to_look_into_it_is_an_alternative_to_a_refusal() -> None:
    draft = ("お問い合わせありがとうございます。\nあいにく、そのお色は現在取り扱っておりません。\n"
             "メーカーに再販の予定を問い合わせておりますので、わかりしだいご連絡いたします。")
    assert K.REFUSAL_WITHOUT_ALTERNATIVE not in {f.kind for f in review_draft(draft)}
    bare = "お問い合わせありがとうございます。\nあいにく、そのお色は現在取り扱っておりません。"
    assert K.REFUSAL_WITHOUT_ALTERNATIVE in {f.kind for f in review_draft(bare)}


def test_a_reply_to_a_complaint_needs_a_warm_word() -> None:
    mail = "届いた花瓶の口が欠けていました。取り替えてもらえますか。"
    insight = Insight(())
    cold = "新しい花瓶を本日発送いたします。\n欠けた花瓶はそのまま処分してください。"
    assert K.TONE_COLD in {f.kind for f in review_draft(cold, mail, insight)}
    warm = "ご迷惑をおかけし、申し訳ございません。\n新しい花瓶を本日発送いたします。"
    assert K.TONE_COLD not in {f.kind for f in review_draft(warm, mail, insight)}


def test_a_facts_only_reply_with_no_keigo_is_cold_to_a_mail() -> None:
    mail = "注文した傘の色を変えたいです。"
    insight = Insight(())
    note = "変更しました。色は紺です。明日発送です。"
    assert K.TONE_COLD in {f.kind for f in review_draft(note, mail, insight)}
    polite = "お色を紺に変更いたしました。明日発送いたします。"
    assert K.TONE_COLD not in {f.kind for f in review_draft(polite, mail, insight)}


def test_a_shipment_does_not_acknowledge_a_celebration() -> None:
    mail = "姉の出産祝いに選んだ食器です。届いたら一枚欠けていました。"
    told = "姉の出産祝いに選んだ食器です"
    start = mail.index(told)
    insight = Insight((Highlight(HighlightKind.DISCLOSURE, start, start + len(told)),))
    draft = "申し訳ございません。\n代わりの品をすぐにお送りします。"
    assert K.IGNORED_DISCLOSURE in {f.kind for f in review_draft(draft, mail, insight)}
    acknowledged = "お姉様のご出産のお祝いの品に、申し訳ございません。\n代わりの品をすぐにお送りします。"
    assert K.IGNORED_DISCLOSURE not in {f.kind for f in review_draft(acknowledged, mail, insight)}
