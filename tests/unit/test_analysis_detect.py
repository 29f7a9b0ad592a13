"""Detection on sentences written for these tests: what is heard, and what must not be."""

from __future__ import annotations

import pytest

from app.analysis import analyze
from app.model import HighlightKind, Insight

pytestmark = pytest.mark.usefixtures("rules_alone")

D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY


def _kinds(body: str) -> set[HighlightKind]:
    return {h.kind for h in analyze(body).highlights}


def _texts(body: str, kind: HighlightKind) -> list[str]:
    return [body[h.start : h.end] for h in analyze(body).highlights if h.kind is kind]


@pytest.mark.parametrize(
    "body",
    [
        "サイズをMに変更してください。",
        "在庫はいつ頃戻りますか",  # 〜ますか without a question mark
        "これって防水？",  # a bare noun question in casual mail
        "名入れをしていただけますでしょうか。",
        "ラッピングしていただけると助かります。",
        "ギフト用の箱があればありがたいです。",
        "送料がいくらになるか知りたいです。",
        "返品したいのですが。",
        "同じ色で再送をお願いします。",
        "ご教示いただけますと幸いです。",
        "日曜日の配達は可能でしょうか？",
        "どちらが向いているか教えてもらえますか？",
    ],
)
def test_requests(body: str) -> None:
    assert _kinds(body) == {R}


@pytest.mark.parametrize(
    "body",
    [
        "よろしくお願いいたします。",
        "お返事お待ちしております。",
        "ご確認のほどよろしくお願いします。",
        "質問させてください。",
        "ひとつ相談させてください。",
        "いくつか質問があります。",
        "今後ともよろしくお願いします。",
        "お体に気をつけてお過ごしください。",
        "先日はご丁寧に教えていただき、ありがとうございました。",
        "話を聞いてもらえませんでした。",
        "まだお返事をいただけていません。",
        "うちの子は野菜をほとんど食べてくれません。",
        "個人的なお願いもございます。",
        "問題がある場合は、修正をお願いすることもできます。",
        "発表会の後にお願いしようと思っています。",
        "不明点があればご連絡ください。",
    ],
)
def test_closings_prefaces_and_past_events_are_not_requests(body: str) -> None:
    assert R not in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "届くのが遅れないか心配です。",
        "サイズが合わなかったらどうしようと不安です。",
        "もう発送されていたらと思うと気が気ではありません。",
        "間に合うか焦っています。",
        "子どもが触ってけがをしないか怖いです。",
        "ちゃんと届くのか少しドキドキしています。",
        "一人で外出して迷子にならないか、毎日気が休まりません。",
        "肌に使うものなので、安全性が気になります。",
    ],
)
def test_worries(body: str) -> None:
    assert W in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "特に心配はしていません。",
        "納期については心配していませんので、ゆっくりで大丈夫です。",
        "心配していた納期にも間に合いました。",
        "届くまで不安でしたが、無事に届いて安心しました。",
        "ご心配をおかけしました。",
        "不安はまったくありません。",
        "この度は心配をおかけしてすみませんでした。",
        "不安に思っていたサイズ感も、ぴったりでした。",
        "心配していたのが嘘みたいです笑",
        "前に買ったベッドは猫が怖がって一度も使ってくれませんでした。",
        "隣の部屋から聞こえる練習の音に、こちらまでドキドキしています。",
        "ブログで紹介されていたポーチも気になっています。",
    ],
)
def test_negated_and_resolved_worries_are_not_worries(body: str) -> None:
    assert W not in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "来月、娘の結婚式があります。",
        "夫が花粉症で、春はいつも苦労しています。",
        "先月から一人暮らしを始めたばかりです。",
        "母の還暦祝いに贈るつもりです。",
        "弊社では毎月二百個ほど使用しております。",
        "急に転勤することになりました。",
    ],
)
def test_disclosures(body: str) -> None:
    assert D in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "注文番号は12345です。",
        "山田と申します。",
        "届いた商品が壊れていました。",
        "本日、商品を受け取りました。",
        "新作も楽しみにしております。",
        "いつも素敵な商品をありがとうございます。",
        "こちらの棚を探しています。",
        "今日注文したばかりなのですが、住所を間違えてしまいました。",
        "ペットの介護用品を探しています。",
        "注文した子ども用の自転車が届きました。",
        "毎月お米の定期便をお願いしている者です。",
        "こんなことになるなんて、ショックです。",
    ],
)
def test_order_facts_praise_and_name_only_are_not_disclosures(body: str) -> None:
    assert D not in _kinds(body)


def test_hard_wrapped_line_ending_in_a_particle_continues() -> None:
    body = "マンションの三階でエレベーターがないのですが、階段での搬入は\nしていただけますか？"
    insight = analyze(body)
    requests = [body[h.start : h.end] for h in insight.highlights if h.kind is R]
    assert requests == ["階段での搬入は\nしていただけますか"]


def test_wish_that_tells_a_life_event_is_both_request_and_disclosure() -> None:
    assert _kinds("娘の三歳の誕生日にケーキを注文したいです。") == {D, R}
    # A question about the product in the same situation is only a request.
    assert _kinds("こちらのサプリは妊娠中に飲んでも問題ないでしょうか。") == {R}


def test_reason_clause_is_a_disclosure_and_main_clause_a_request() -> None:
    body = "夫が車椅子を使っているので、一階の玄関まで運んでいただけますか。"
    insight = analyze(body)
    by_kind = {h.kind: body[h.start : h.end] for h in insight.highlights}
    assert by_kind[D] == "夫が車椅子を使っているので"
    assert by_kind[R] == "一階の玄関まで運んでいただけますか"


def test_reason_about_the_order_is_not_a_disclosure() -> None:
    body = "在庫が残りわずかと表示されていたので、売り切れてしまわないか不安です。"
    assert _kinds(body) == {W}


def test_reason_clause_before_worry() -> None:
    body = "ワインには詳しくないので、失礼のないものを選べるか心配です。"
    insight = analyze(body)
    assert {h.kind for h in insight.highlights} == {D, W}


def _check_offsets(body: str, insight: Insight) -> None:
    for h in insight.highlights:
        text = body[h.start : h.end]
        assert text and text == text.strip()
        assert text[-1] not in "。、！？!?"
        for z in insight.zones:
            assert h.end <= z.start or h.start >= z.end


def test_offsets_index_the_body_and_skip_zones() -> None:
    body = (
        "お世話になっております。\r\n"
        "😊先週、祖母の米寿のお祝いをしました！\r\n"
        "写真立てを追加で注文したいのですが、今月中に届きますか？\r\n"
        "間に合わなかったらと思うと心配です（泣）\r\n"
        "よろしくお願いします。\r\n-- \r\n木村\r\n"
    )
    insight = analyze(body)
    _check_offsets(body, insight)
    assert {h.kind for h in insight.highlights} == {D, R, W}
    assert all(h.topic for h in insight.highlights)


def test_topics_are_short_noun_phrases_from_the_text() -> None:
    body = "妻に卵アレルギーがあるので、卵を使わないケーキはありますか。"
    insight = analyze(body)
    for h in insight.highlights:
        assert h.topic and len(h.topic) <= 14
        assert h.topic in body
        assert h.topic not in ("こと", "もの", "方", "ため")
    topics = {h.kind: h.topic for h in insight.highlights}
    assert "アレルギー" in topics[D]


def test_request_links_to_its_worry_and_disclosure_symmetrically() -> None:
    body = (
        "来週、父の七回忌の法要があります。\n"
        "お供え用の菓子折りが当日までに届くか心配です。\n"
        "到着日を指定していただけますか。\n"
        "\n"
        "別件ですが、カタログも送ってください。"
    )
    insight = analyze(body)
    hs = insight.highlights
    req = next(i for i, h in enumerate(hs) if h.kind is R and "到着日" in body[h.start : h.end])
    worry = next(i for i, h in enumerate(hs) if h.kind is W)
    disclosure = next(i for i, h in enumerate(hs) if h.kind is D)
    assert worry in hs[req].links and disclosure in hs[req].links
    assert req in hs[worry].links and req in hs[disclosure].links
    # A request in another paragraph is not linked to them.
    other = next(i for i, h in enumerate(hs) if h.kind is R and "カタログ" in body[h.start : h.end])
    assert worry not in hs[other].links and other not in hs[worry].links
    for i, h in enumerate(hs):
        for j in h.links:
            assert i in hs[j].links


def test_sentence_with_quotation_is_not_cut_inside_the_quote() -> None:
    body = "娘に「これ欲しい！」と言われて買ったバッグです。"
    insight = analyze(body)
    assert [body[h.start : h.end] for h in insight.highlights] == ["娘に「これ欲しい！」と言われて買ったバッグです"]


def test_empty_and_noise_bodies() -> None:
    assert analyze("").highlights == ()
    assert analyze("\n\n   \n").highlights == ()
    assert analyze("【自動送信】お問い合わせを受け付けました。").highlights == ()


# ---------------------------------------------------------------- reasons without a person word


@pytest.mark.parametrize(
    ("body", "told"),
    [
        ("初めての通販なので、支払い方法を教えてください。", "初めての通販なので"),
        ("経理の締めが二十五日なので、請求日を二十日にしてください。", "経理の締めが二十五日なので"),
        ("車の運転をやめましたので、配達をお願いしたいです。", "車の運転をやめましたので"),
        ("ネットで買い物をするのは慣れていないので、注文方法が合っているか不安です。",
         "ネットで買い物をするのは慣れていないので"),
        ("以前ほかの化粧水でかぶれたことがあり、新しいものを試すのが怖いです。",
         "以前ほかの化粧水でかぶれたことがあり"),
    ],
)
def test_reason_about_the_writers_own_circumstances_is_a_disclosure(body: str, told: str) -> None:
    assert told in _texts(body, D)
    assert _texts(body, R) or _texts(body, W)


@pytest.mark.parametrize(
    "body",
    [
        "手元の文字が見えにくくなってきました。",
        "久しぶりに皆で集まるので、少しだけおしゃれをしたくて…",
        "社長も六十代で、新しい仕組みには慎重な性格でございます。",
    ],
)
def test_circumstances_told_alone(body: str) -> None:
    assert _kinds(body) == {D}


@pytest.mark.parametrize(
    "body",
    [
        "初めての冬なので、枯らしてしまわないか心配です。",  # the plant's first winter
        "来月の12日から二泊で予約している山田です😊",  # a name with the order
        "補足となりますが、弊社の状況についてもう少しご説明させてください。",  # a preface
        "この商品は何歳から使えますか。",  # an age asked about, not told
    ],
)
def test_no_disclosure_in_seasons_names_prefaces_and_questions_about_age(body: str) -> None:
    assert D not in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "つきましては、以下の点についてお教えいただけますでしょうか。",
        "お店の皆さまもお忙しい時期かと思いますが、ご無理のない範囲でご対応いただければ幸いです。",
        "母の好きだったお菓子でおもてなしできれば、母も喜んでくれると思います。",
    ],
)
def test_prefaces_closings_and_expectations_are_not_requests(body: str) -> None:
    assert R not in _kinds(body)


def test_late_negation_and_sleepless_nights_are_not_worries() -> None:
    assert W not in _kinds("不安に思うことは特にありません。")
    assert W not in _kinds("子どもが生まれたばかりで夜も眠れない日が続いています。")
    assert W in _kinds("届くかどうか気になって夜も眠れません。")


def test_request_links_to_the_disclosure_in_its_sentence_and_topic_is_the_head_noun() -> None:
    body = "身長が158cmなのですが、膝が隠れるくらいの丈になりますでしょうか"
    highlights = analyze(body).highlights
    request = next(h for h in highlights if h.kind is R)
    disclosure = next(h for h in highlights if h.kind is D)
    assert highlights.index(disclosure) in request.links
    assert request.topic == "丈"


@pytest.mark.parametrize(
    ("body", "topic"),
    [
        ("お手数ですが、在庫が入りましたらお知らせいただけますか。", "在庫"),
        ("お手数ですが再入荷の際はお知らせをいただけますか。", "お知らせ"),
        ("色が落ちにくい素材を使っていますか", "素材"),
    ],
)
def test_topics_skip_cushions_and_adjective_suffixes(body: str, topic: str) -> None:
    assert [h.topic for h in analyze(body).highlights if h.kind is R] == [topic]


def test_past_worry_relieved_in_the_next_sentence_is_not_a_worry() -> None:
    assert W not in _kinds("正直、ちゃんと届くのかなって不安でした😅でも無事届いて安心しました！")
    assert W in _kinds("ずっと不安です。まだ届いていません。")
    # A worry told in the past is a story told (the corpus conventions: 当時は不安で → disclosure),
    # whether or not relief follows.
    assert W not in _kinds("ずっと不安でした。まだ届いていません。")


def test_a_worry_set_back_then_and_told_in_the_past_is_resolved() -> None:
    assert W not in _kinds("あの頃は、ひとりで電車に乗るのが怖くてたまらなかったのが嘘のようです。")
    assert W not in _kinds("当時は、続けられないのではないかと本気で心配していました。")
    assert W in _kinds("あのとき言われたことが、今でも不安です。")
    assert W in _kinds("以前、部品が外れやすいと聞いて、気が気ではありません。")


def test_cushion_adverbs_are_not_topics() -> None:
    (h,) = analyze("ちなみに、私は去年まで看護師をしていました。").highlights
    assert h.topic == "看護師"


def test_anything_else_closing_is_a_formula_but_a_concrete_ask_is_not() -> None:
    assert R not in _kinds("また何かあればよろしくお願いします。")
    assert R in _kinds("何かあれば交換をお願いします。")


@pytest.mark.parametrize("closing", [
    "長くなってしまいましたが、どうぞよろしくお願いします。", "つい長くなってしまいました、ごめんなさい。",
    "話が長くなりましたが、よろしくお願いいたします。", "長くなってすみません。",
])
def test_an_apology_for_the_mails_length_tells_nothing(closing: str) -> None:
    assert analyze(closing).highlights == ()
    # The same words about something of the writer's are still told.
    assert D in _kinds("待ち時間が長くなってしまい、子どもがぐずって大変でした。")


@pytest.mark.parametrize("hello", [
    "やっほー、また来ちゃいました。", "どうも、またまた来ました！", "また来ちゃいました😊", "また来ちゃいました笑",
    "こんにちは（笑）",
])
def test_a_regulars_hello_tells_nothing(hello: str) -> None:
    assert analyze(hello).highlights == ()
    assert D in _kinds(hello + "実は先月から一人暮らしを始めまして、自炊に目覚めたんです。")


@pytest.mark.parametrize(("body", "condition", "worry"), [
    ("妻に卵アレルギーがあり、原材料が気になっています。", "妻に卵アレルギーがあり", "原材料が気になっています"),
    ("息子がアトピー体質で、成分が気になります。", "息子がアトピー体質で", "成分が気になります"),
    ("父が糖尿病の治療中なので、糖分が気になっております。", "父が糖尿病の治療中なので", "糖分が気になっております"),
])
def test_what_is_on_their_mind_after_a_health_condition_is_a_worry(body: str, condition: str, worry: str) -> None:
    assert _texts(body, D) == [condition] and _texts(body, W) == [worry]


def test_what_is_on_their_mind_is_interest_without_a_condition_or_when_denied() -> None:
    assert W not in _kinds("原材料が気になっています。")  # alone: interest in the product
    assert W not in _kinds("旅行が趣味で、Lサイズが気になっています。")
    assert W not in _kinds("妻に卵アレルギーがあり、原材料は気にならないと言っています。")


def test_conditional_and_negated_imperative_worry_words_are_not_worries() -> None:
    assert W not in _kinds("不安な点があればご連絡ください。")
    assert W not in _kinds("心配なさらないでください。")
    assert W in _kinds("初めて使うので少し不安です。")
    assert W in _kinds("どうしたらいいのか途方に暮れています。")


def test_benefactive_inside_an_embedded_question_is_a_worry_not_a_request() -> None:
    body = "子どもたちが嫌がらずに使ってくれるか、ちょっと心配です笑"
    assert _kinds(body) == {W}
    assert R in _kinds("子どもたちにも使ってくれるか聞いてもらえますか。")


def test_a_car_is_the_writers_circumstance_and_a_lone_person_noun_is_no_topic() -> None:
    assert "でも車が軽自動車なので" in _texts("でも車が軽自動車なので、積めるか教えてください。", D)
    assert [h.topic for h in analyze("歯ぐきが弱い人にはどちらがいいでしょうか。").highlights] == ["歯ぐき"]


def test_a_request_with_no_noun_is_about_its_verb_as_written() -> None:
    # The side panel and the customer's memory show the topic: お知らせ, not the lemma 知る of 知ら|せ.
    assert [h.topic for h in analyze("お知らせいただけると助かります。").highlights] == ["お知らせ"]
    assert [h.topic for h in analyze("お送りいただけますか？").highlights] == ["お送り"]
    assert [h.topic for h in analyze("間に合うか心配です。").highlights] == ["間に合う"]


# Round 3 (rules written from the tune3 misses; these sentences are our own, not the set's).
@pytest.mark.parametrize(
    "body",
    [
        "来週の土曜日に二名で予約をしたいのですが。",
        "在庫が戻り次第、黒のMサイズを購入しようと思います。",
        "月末までに届けばOKです！",
        "午前中に伺えたら理想です。",
        "もう少し甘さを控えめにできると嬉しいです。",
        "保険の見直しについてご相談させていただきたく、ご連絡いたしました。",  # what about is named: an ask
    ],
)
def test_round3_requests(body: str) -> None:
    assert HighlightKind.REQUEST in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "まずは少しだけ私の事情を書かせてください。",
        "念のため一つだけ確認させてください。",
        "改めてご相談させていただきたく、ご連絡いたしました。",
        "実は少しご相談したいことがあってメールしました。",
        "上司から「明日までに届けてください」と言われてしまいました。",
        "職場から早めに戻ってほしいと連絡があり、予定より早く復帰しました。",
        "お手すきの際にご連絡ください。",
        "春からは新しい教室に通おうと思っています。",
    ],
)
def test_round3_prefaces_reports_and_courtesies_are_not_requests(body: str) -> None:
    assert HighlightKind.REQUEST not in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "来月の引っ越しのことを考えると、夜なかなか寝つけません。",
        "久しぶりの試験なので、ちゃんと合格できるかどうか…。",
        "式の当日に父だけ別の料理に見えてしまったら寂しいだろうと思うと、それが気になっています。",
    ],
)
def test_round3_worries(body: str) -> None:
    assert HighlightKind.WORRY in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "料理教室に通い始めたのは昨年の秋です。",
        "こういう大きな手配をするのは初めてで、正直手探りです。",
        "年内に合計百本を植えることを目標にしています。",
        "来月、父の三回忌の法要をお寺にお願いする予定です。",
        "機械にはめっぽう弱く、パソコンも得意ではありません。",
    ],
)
def test_round3_disclosures(body: str) -> None:
    assert HighlightKind.DISCLOSURE in _kinds(body)


def test_gratitude_for_what_family_does_is_not_an_ask() -> None:
    body = "息子が毎週車で送ってくれるのが、ありがたい反面、申し訳なくてたまりません。"
    assert HighlightKind.REQUEST not in _kinds(body)
    assert HighlightKind.DISCLOSURE in _kinds(body)


# Round 3b (rules from the held-out3 misses, after its one honest measurement; our own sentences).
@pytest.mark.parametrize(
    "body",
    [
        "廃盤になった部品を探していただけないかと思い、メールいたしました。",
    ],
)
def test_round3b_requests(body: str) -> None:
    assert HighlightKind.REQUEST in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "長文になりますが、最後まで読んでいただけたら嬉しいです。",
        "友人から、こちらで修理もしていただけると伺い、ご連絡しました。",
        "先日は急なお願いを聞いていただき、ありがとうございました。",
        "そこで、お願いしたいことが二点ございます。",
        "孫がこの布団で眠ってくれたら、それだけで十分です。",
        "（ご相談したいこと）",
    ],
)
def test_round3b_not_requests(body: str) -> None:
    assert HighlightKind.REQUEST not in _kinds(body)


@pytest.mark.parametrize(
    "body",
    [
        "確定申告は初めてで、書き方が合っている自信がありません。",
        "説明会に一人で参加するのは少し気後れしています。",
    ],
)
def test_round3b_worries(body: str) -> None:
    assert HighlightKind.WORRY in _kinds(body)


def test_a_fear_quoted_from_someone_else_is_not_the_writers_worry() -> None:
    assert HighlightKind.WORRY not in _kinds("母が「階段が怖い」と言ったときは、正直こたえました。")


@pytest.mark.parametrize(
    "body",
    [
        "予算は三万円くらいです。",
        "来週でしたら、水曜日の午後が都合がよいです。",
        "フリーランスで翻訳の仕事をしております、佐藤と申します。",
    ],
)
def test_round3b_disclosures(body: str) -> None:
    assert HighlightKind.DISCLOSURE in _kinds(body)


def test_a_name_alone_is_still_not_a_disclosure() -> None:
    assert HighlightKind.DISCLOSURE not in _kinds("はじめまして、佐藤と申します。")


# Round 5 (rules written from the tune5 misses; these sentences are our own, not the set's).
@pytest.mark.parametrize("body", [
    "車の出入りでお隣に迷惑がかからないか、それが一番気になっています。",
    "文字が細すぎて読めなくならないか、少し気になっております。",
])
def test_a_question_then_that_is_on_my_mind_is_a_worry(body: str) -> None:
    assert _kinds(body) == {W}


def test_a_question_that_is_not_on_their_mind_is_no_worry() -> None:
    assert W not in _kinds("色落ちしないかは特に気になりません。")


def test_how_another_person_seems_to_feel_is_not_the_writers_worry() -> None:
    assert W not in _kinds("娘は入学式を前にずいぶん緊張しているようです。")
    assert W in _kinds("娘が入学式で緊張しないか心配です。")


@pytest.mark.parametrize("formula", [
    "拝啓　寒さが身にしみる季節となりましたが、皆様お変わりなくお過ごしでしょうか。",
    "皆様いかがお過ごしでしょうか。",
    "当日はどうぞよろしくお願いいたします。",
    "毎年冬に雪囲いをお願いしております、山本でございます。",
])
def test_letter_greetings_and_who_they_are_to_the_shop_are_formulas(formula: str) -> None:
    assert analyze(formula).highlights == ()


def test_one_more_thing_they_do_not_know_is_told_not_asked() -> None:
    assert R not in _kinds("テントは二人用を持っていますが、三人で寝られるのかも分かりません。")
    assert R in _kinds("テントを車の屋根に積んで大丈夫なのかよく分かりません。")


def test_a_wish_to_ask_is_a_request_and_a_wish_to_visit_is_not() -> None:
    assert R in _kinds("配送日の指定ができるかどうかも、あわせて伺えればと思います。")
    assert R in _kinds("ご相談できればと存じます。")
    assert R not in _kinds("来年は家族で伺えればと思います。")


def test_a_hedged_wish_cut_short_at_its_deadline_is_a_request() -> None:
    assert _texts("来週末に発表会があるので、できれば木曜までに。", R) == ["できれば木曜までに"]


def test_a_date_of_theirs_and_what_their_situation_does_not_let_them_do_are_told() -> None:
    assert D in _kinds("新居の引き渡しは三月十日の予定です。")
    assert D in _kinds("膝が悪いので、重い物が持てません。")
    assert D in _kinds("賃貸なので壁に釘を打てません。")
    # The order's date and a plain problem report tell nothing about them.
    assert D not in _kinds("発送は三月五日の予定です。")
    assert D not in _kinds("在庫がないので注文できません。")


def test_trouble_still_to_come_after_a_condition_is_a_worry() -> None:
    assert W in _kinds("説明書がないと使い方が分からなくて困ってしまいます。")
    assert W not in _kinds("雨が降ると洗濯物が乾かなくて困ってしまいました。")  # told as past
