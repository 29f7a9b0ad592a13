"""Snippets chosen by what the sentence is about, and slots filled with a phrase made for the sentence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.model import Highlight, HighlightKind
from app.snippets import SnippetPack, fill, load_our_pack, merge_packs, parse_pack, plan
from app.snippets.situation import Situation, classify, deadline, slot_values

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "cur"
D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY

# (kind, the customer's words, the analyser's topic, situation, the {topic} phrase or None for no phrase)
CASES = [
    (D, "大学時代の友人の結婚が決まり、仲間内でお祝いのパーティーを開くことになりました", "結婚",
     Situation.CLOSE_CELEBRATION, "ご友人のご結婚"),
    (D, "実は、今度の連休にパーティーで着たいと思っています", "連休", Situation.EVENT, "パーティー"),
    (D, "実はこの春、娘が生まれました", "生まれる", Situation.CLOSE_CELEBRATION, "お嬢様のご誕生"),
    (D, "来年の春、長女のところの孫（男の子です）が小学校に入学いたします", "入学",
     Situation.CLOSE_CELEBRATION, "お孫さんのご入学"),
    (D, "今年は結婚5年目なので、二人で同じケーキを囲みたいと思い", "結婚5年目", Situation.OWN_CELEBRATION, None),
    (D, "来月、還暦を迎えます", "還暦", Situation.OWN_CELEBRATION, "還暦"),
    (D, "実は、妻が卵アレルギーで", "卵アレルギー", Situation.ALLERGY, "奥様の卵アレルギー"),
    (D, "離乳食を始めたところ、娘にも卵のアレルギーがあることがわかりました", "アレルギー", Situation.ALLERGY,
     "お嬢様の卵アレルギー"),
    (D, "私は小麦アレルギーがあります", "小麦", Situation.ALLERGY, "小麦アレルギー"),
    (D, "実は先月から母が入院しておりまして", "入院", Situation.HEALTH_FAMILY, "お母様のご入院"),
    (D, "先週、足を骨折してしまいました", "骨折", Situation.HEALTH_SELF, "骨折"),
    (D, "実は今妊娠8か月で、あまり外出ができないため", "妊娠", Situation.PREGNANCY, None),
    (D, "おかげさまで、母も先週無事に退院することができました", "退院", Situation.RECOVERED, "お母様のご退院"),
    (D, "おかげさまで、冬の間にマフラーを無事に編み上げました", "マフラー", Situation.PERSONAL, None),
    (D, "サイズは普段9号を着ています", "サイズ", Situation.MEASUREMENT, "サイズ"),
    (D, "身長が158cmなのですが", "身長", Situation.MEASUREMENT, "身長"),
    (D, "初めての通販なので", "通販", Situation.FIRST_ORDER, None),
    (D, "11月3日の母の誕生日に靴下を編んで渡すつもりでいました", "誕生日", Situation.CLOSE_CELEBRATION,
     "お母様のお誕生日"),
    (D, "母の日の贈り物を探しています", "母の日", Situation.PURCHASE_GIFT, "母の日"),
    (D, "娘の結婚式の引き出物を探しています", "引き出物", Situation.PURCHASE_GIFT, "お嬢様のご結婚"),
    (D, "実は母が春から介護施設に入ることになり、母にも同じものを贈りたいと思っています", "介護",
     Situation.PURCHASE_GIFT, None),
    (D, "肌が弱い私でも荒れずに使えています", "肌", Situation.ALLERGY, "お肌"),
    (D, "先方のお父様がナッツアレルギーとのことです", "ナッツ", Situation.ALLERGY, "お父様のナッツアレルギー"),
    (D, "11月に会社の同期の結婚式があり、お呼ばれ用のドレスを探しています", "結婚式", Situation.EVENT,
     "同期の方の結婚式"),
    (D, "通勤用に、自分用のバッグを探しています", "バッグ", Situation.PURCHASE_SELF, None),
    (D, "いつも愛用しているハンドクリームがなくなりそうで", "ハンドクリーム", Situation.REGULAR, None),
    (D, "吉祥寺に住んでおりまして", "吉祥寺", Situation.PERSONAL, None),
    (W, "今日注文して連休に間に合うかどうかが少し心配です", "連休", Situation.WORRY_DELIVERY, "連休"),
    (W, "同じ厨房で作られることで混ざってしまわないか、そこが一番心配です", "厨房", Situation.WORRY_HEALTH, None),
    (W, "前と同じ9号で大丈夫か不安です", "体型", Situation.WORRY_FIT, None),
    (W, "うまく編めるか不安です", "編む", Situation.WORRY, None),
    (R, "「アルパカ混 並太」はまだ在庫ありますでしょうか", "在庫", Situation.ASK_STOCK, "在庫"),
    (R, "連休前に届くようにしていただけますでしょうか", "連休", Situation.ASK_DELIVERY, "連休"),
    (R, "膝が隠れるくらいの丈になりますでしょうか", "丈", Situation.ASK_SIZE, None),
    (R, "製造環境について、詳しく教えていただけますでしょうか", "製造環境", Situation.ASK_MATERIAL, "製造環境"),
    (R, "送料はいくらかかりますか", "送料", Situation.ASK_PRICE, "送料"),
    (R, "Lサイズに交換していただくことはできますでしょうか", "Lサイズ", Situation.ASK_CHANGE, "Lサイズ"),
    (R, "ノエル・ブランシュの4号を1台、予約をお願いします", "予約", Situation.ASK_ORDER, "予約"),
    (R, "届いた商品が注文したものと違うようです。確認していただけますか", "商品", Situation.COMPLAINT, "商品"),
    (R, "土曜日の夕方でも店頭受け取りはできますか", "店頭受け取り", Situation.ASK_PICKUP, "店頭受け取り"),
    (R, "お手数ですがお知らせいただけると助かります", "知る", Situation.ASK, None),
]


@pytest.mark.parametrize(("kind", "text", "topic", "situation", "phrase"), CASES, ids=[c[1][:14] for c in CASES])
def test_situation_and_topic_phrase(
    kind: HighlightKind, text: str, topic: str, situation: Situation, phrase: str | None
) -> None:
    highlight = Highlight(kind, 0, len(text), topic=topic)
    assert classify(highlight, text) is situation
    values = slot_values(situation, highlight, text)
    if phrase is None:
        assert "topic" not in values or values["topic"] != topic or len(topic) > 1
    else:
        assert values.get("topic") == phrase


def test_the_topic_slot_never_gets_a_verb_lemma_or_a_vague_keyword() -> None:
    pack = load_our_pack()
    for topic, text in [("生まれる", "実はこの春、娘が生まれました"), ("知る", "お知らせいただけると助かります"),
                        ("図", "もし編み図もご一緒にお願いできるようでしたら")]:
        for kind in HighlightKind:
            chosen = plan(pack, Highlight(kind, 0, len(text), topic=topic), text)
            for filled in chosen.filled():
                assert f"{topic}とのこと" not in filled.text and f"{topic}について" not in filled.text, filled.text
                assert not filled.text.startswith(f"{topic}、"), filled.text
    holiday = "今度の連休は家族で過ごします"
    for filled in plan(pack, Highlight(D, 0, len(holiday), topic="連休"), holiday).filled():
        assert "おめでとう" not in filled.text and "連休" not in filled.text, filled.text


def test_unfillable_slot_stays_a_visible_placeholder_and_comes_after_filled_ones() -> None:
    text = "このままだと間に合わないのではないかと、正直とても焦っています"
    chosen = plan(load_our_pack(), Highlight(W, 0, len(text), topic="間に合う"), text)
    assert chosen.situation is Situation.WORRY_DELIVERY
    filled = chosen.filled()
    gaps = [bool(f.unfilled) for f in filled]
    assert gaps == sorted(gaps), "snippets with a gap come last"
    assert any(f.unfilled and "{topic}" in f.text for f in filled)


def test_first_suggestions_fit_the_party_dress_mail() -> None:
    pack = load_our_pack()
    holiday = "実は、今度の連休にパーティーで着たいと思っています"
    first = plan(pack, Highlight(D, 0, len(holiday), topic="連休"), holiday).filled()[0].text
    assert "おめでとう" not in first and "連休" not in first.split("、")[0]
    wedding = "大学時代の友人の結婚が決まり、仲間内でお祝いのパーティーを開くことになりました"
    texts = [f.text for f in plan(pack, Highlight(D, 0, len(wedding), topic="結婚"), wedding).filled()]
    assert texts[0] == "ご友人のご結婚、誠におめでとうございます。"
    assert not any(t.startswith("結婚") or t.startswith("ご結婚、") for t in texts)
    for text, topic in [("サイズは普段9号を着ています", "サイズ"), ("身長が158cmなのですが", "身長")]:
        chosen = plan(pack, Highlight(D, 0, len(text), topic=topic), text)
        assert all("アレルギー" not in s.text and "卵" not in s.text and "ラッピング" not in s.text
                   for s in chosen.snippets)
    ask = "膝が隠れるくらいの丈になりますでしょうか"
    asked = plan(pack, Highlight(R, 0, len(ask), topic="丈"), ask)
    assert not any("お詫び" in s.text or "申し訳" in s.text for s in asked.snippets)
    assert any("承知いたしました" in s.text for s in asked.snippets)


def test_birth_and_a_babys_allergy_get_their_own_phrases() -> None:
    pack = load_our_pack()
    birth = "実はこの春、娘が生まれました"
    first = plan(pack, Highlight(D, 0, len(birth), topic="生まれる"), birth).filled()[0].text
    assert first == "お嬢様のご誕生、誠におめでとうございます。"
    allergy = "離乳食を始めたところ、娘にも卵のアレルギーがあることがわかりました"
    texts = [f.text for f in plan(pack, Highlight(D, 0, len(allergy), topic="アレルギー"), allergy).filled()]
    assert "お嬢様の卵アレルギー" in texts[0]
    assert not any("回復" in t for t in texts)
    # A returning customer is never told 「初めてのことですと」.
    worry = "卵を扱う前の時間に専用の器具で作っていただけるのか、それだけが気がかりです"
    assert not any("初めて" in f.text for f in plan(pack, Highlight(W, 0, len(worry)), worry, regular=True).filled())


def test_pregnancy_gets_care_never_get_well_wishes() -> None:
    text = "実は今妊娠8か月で、あまり外出ができないため"
    texts = [f.text for f in plan(load_our_pack(), Highlight(D, 0, len(text), topic="妊娠"), text).filled()]
    assert texts and not any("回復" in t or "おけが" in t for t in texts)


def test_deadlines_are_read_from_the_customers_words() -> None:
    assert deadline("受け取りは12月24日の夕方を希望しています") == "12月24日の夕方"
    assert deadline("連休前に届くようにしていただけますでしょうか") == "連休前"
    assert deadline("10月24日（金）までにご回答いただけますよう") == "10月24日（金）"
    assert deadline("よろしくお願いします") == ""


def test_shop_can_switch_ours_off_and_keep_its_own(tmp_path: Path) -> None:
    ours = load_our_pack()
    own = parse_pack(
        'disabled = ["answer_ok"]\n[[snippet]]\nid = "own_1"\nsituation = "answer"\nfor = ["request"]\n'
        'text = "かしこまりました。すぐに確認いたします。"\n'
    )
    merged = merge_packs(ours, own)
    ids = {s.id for s in merged.snippets}
    assert "answer_ok" not in ids and "own_1" in ids
    text = "お手数ですがお知らせいただけると助かります"
    chosen = plan(merged, Highlight(R, 0, len(text), topic="知る"), text)
    assert any(s.id == "own_1" for s in chosen.snippets)
    from app.snippets import dump_pack

    assert parse_pack(dump_pack(own)) == own
    assert SnippetPack({}, ()).disabled == frozenset()


def test_legacy_groups_of_a_shop_pack_still_reach_their_situations() -> None:
    own = parse_pack('[[snippet]]\nid = "old"\nsituation = "celebration"\nfor = ["disclosure"]\n'
                     'text = "心よりお祝い申し上げます。"\n')
    text = "実はこの春、娘が生まれました"
    chosen = plan(merge_packs(load_our_pack(), own), Highlight(D, 0, len(text), topic="生まれる"), text)
    assert any(s.id == "old" for s in chosen.snippets)
    assert fill(chosen.snippets[0], chosen.values).unfilled == ()


def test_suggest_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mail = next(DEMO.glob("*M34P1*"))
    assert cli.main(["suggest", "--json", str(mail)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert record["file"] == str(mail)
    first = record["suggestions"][0]
    assert set(first) == {"highlight", "situation", "snippets"}
    assert set(first["highlight"]) == {"kind", "start", "end"}
    birth = next(s for s in record["suggestions"] if s["situation"] == "close_celebration")
    assert birth["snippets"][0] == "お嬢様のご誕生、誠におめでとうございます。"


def test_suggest_does_not_load_qt(tmp_path: Path) -> None:
    mail = next(DEMO.glob("*M8P1*"))
    code = (
        "import sys; from app import cli; cli.main(['suggest', '--json', sys.argv[1]]);"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'"
    )
    out = subprocess.run([sys.executable, "-c", code, str(mail)], capture_output=True, text=True, cwd=ROOT, check=True)
    record = json.loads(out.stdout)
    body = json.loads(subprocess.run([sys.executable, "-m", "app.cli", "show", "--json", str(mail)],
                                      capture_output=True, text=True, cwd=ROOT, check=True).stdout)["body"]
    situation = {body[s["highlight"]["start"] : s["highlight"]["end"]]: s["situation"] for s in record["suggestions"]}
    assert situation["実は、今度の連休にパーティーで着たいと思っています"] == "event"
    wedding = "大学時代の友人の結婚が決まり、仲間内でお祝いのパーティーを開くことになりました"
    assert situation[wedding] == "close_celebration"
