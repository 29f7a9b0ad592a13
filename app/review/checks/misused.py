"""misused — 誤用しやすい言葉・慣用句 「言葉の使い方を確かめましょう」.

The user sees an idiom mixed up with its neighbour (汚名挽回 for 汚名返上,
的を得る for 的を射る, 取り付く暇もない for 取り付く島もない, 雪辱を晴らす for
雪辱を果たす, 二の舞を踏む for 二の舞を演じる, 一つ返事 for 二つ返事, 怒り心頭に
達する for 発する, 声を荒げる for 荒らげる, 足元をすくう for 足をすくう, 白羽の矢が
当たる for 立つ, 明るみになる for 明るみに出る…), with the established form as the
fix; four-character idioms written with the wrong kanji (危機一発, 五里夢中) and
ご教授 for ご教示 in a request. Two words right in form but wrong in meaning are
judged by their sentence: すべからく for "all" (unless a べき/べし follows) and
役不足 said of oneself (→ 力不足). The table is general Japanese usage as
dictionaries and style guides give it; the correct forms themselves are never
flagged.

The proofreader's rule: a set phrase is fixed in its words; one word swapped for a neighbour
(心血を傾ける → 注ぐ, 体調を壊す → 崩す, 苦渋をなめる → 苦汁, 気に触る → 障る, 耳障りのよい → 耳触り),
a homophone kanji (挙げ足 → 揚げ足, 異和感, 首実験) or a word of its own sense misplaced (元旦の夜 →
元日) is a misuse. The table holds the common list a Japanese proofreading guide gives, as
conjugation-free stems so every form is caught, each with its fix. So are a four-character
idiom's kanji swapped for a homophone (心気一転, 前代未問, 起承転決, 完壁) and neighbours of meaning
confused (以外な → 意外な, 感心が高い → 関心, 事態を収集 → 収拾, 捕捉説明 → 補足). 琴線に触れる said of
giving offence (next to an apology) is 逆鱗; ご尽力いたします puts
ご on our own effort.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.rules import scan, table_pattern

MISUSED: dict[str, str] = {
    "汚名挽回": "汚名返上", "名誉返上": "名誉挽回", "的を得": "的を射", "取り付く暇": "取り付く島",
    "取りつく暇": "取りつく島",
    "雪辱を晴ら": "雪辱を果た", "二の舞を踏": "二の舞を演じ", "二の足を演じ": "二の足を踏",
    "念頭に入れて": "念頭に置いて", "念頭に入れる": "念頭に置く", "念頭に入れ": "念頭に置き",
    "一つ返事": "二つ返事", "怒り心頭に達": "怒り心頭に発", "声を荒げ": "声を荒らげ",
    "足元をすく": "足をすく", "足下をすく": "足をすく", "白羽の矢が当た": "白羽の矢が立",
    "白羽の矢を当て": "白羽の矢を立て",
    "明るみになっ": "明るみに出", "明るみになり": "明るみに出", "明るみになる": "明るみに出る",
    "熱にうなされ": "熱に浮かされ", "押しも押されぬ": "押しも押されもせぬ", "口先三寸": "舌先三寸",
    "愛想を振りまく": "愛嬌を振りまく", "采配を振るう": "采配を振る", "采配を振るっ": "采配を振っ",
    "公算が強い": "公算が大きい", "寸暇を惜しまず": "寸暇を惜しんで", "間髪を移さず": "間髪を入れず",
    "論戦を張": "論陣を張", "印籠を渡": "引導を渡", "目鼻が利": "目端が利", "溜飲を晴ら": "溜飲を下げ",
    "合いの手を打": "合いの手を入れ", "舌の先の乾かぬ": "舌の根の乾かぬ", "過半数以上": "過半数",
    "違和感を感じ": "違和感を覚え", "首をかしげる思い": "首をひねる思い", "上や下への": "上を下への",
    "嫌気がさされ": "嫌気がさし", "せざるおえない": "せざるを得ない", "ざるおえ": "ざるを得",
    "不幸中の幸いにも": "不幸中の幸いで",
    "お求めやすい": "お求めになりやすい", "お求めやすく": "お求めになりやすく",
    "思いもつかない": "思いもよらない", "姑息な手段": "卑怯な手段",
    # More idioms mixed up with a neighbour, and set phrases written with the wrong kanji.
    "汚名を挽回": "汚名を返上", "青田刈り": "青田買い", "照準を当て": "照準を合わせ", "眉をしかめ": "眉をひそめ",
    "笑顔がこぼれ": "笑みがこぼれ", "満面の笑顔": "満面の笑み", "口を濁": "言葉を濁", "存亡の危機": "存亡の機",
    "極め付け": "極め付き", "有終の美を収め": "有終の美を飾", "肝に据えかね": "腹に据えかね",
    "胸に銘じ": "肝に銘じ", "恨みを果た": "恨みを晴ら", "喝を入れ": "活を入れ", "一同に会": "一堂に会",
    "絶対絶命": "絶体絶命", "危機一発": "危機一髪", "五里夢中": "五里霧中", "短刀直入": "単刀直入",
    "責任転化": "責任転嫁", "興味深々": "興味津々", "無我無中": "無我夢中", "意味慎重": "意味深長",
    "自我自賛": "自画自賛", "言語同断": "言語道断", "異句同音": "異口同音", "完全無欠": "完全無欠",
    "ご教授ください": "ご教示ください", "ご教授いただけ": "ご教示いただけ", "ご教授願": "ご教示願",
    "ご教授のほど": "ご教示のほど", "食指をそそ": "食指が動", "触手が動": "食指が動", "火蓋を切って落と": "火蓋を切",
    "火ぶたを切って落と": "火ぶたを切", "いやがおうにも": "いやがうえにも",
    "押しも押されもしない": "押しも押されもせぬ",
    "的を得た": "的を射た", "後には引けない": "後へは引けない", "上には上が": "上には上が",
    "足元を見られ": "足元を見られ", "二の句が出": "二の句が継げ", "二の句もつげ": "二の句が継げ",
    "舌づつみ": "舌鼓", "したづつみ": "したつづみ", "一抹の望み": "一縷の望み", "一縷の不安": "一抹の不安",
    "予断を許せない": "予断を許さない",
    # Round 20: the rest of the common list of a proofreading guide (慣用句 mixed with a neighbour,
    # a word of the set phrase swapped, a kanji swapped for a homophone), conjugation-free stems.
    "心血を傾けて": "心血を注いで", "心血を傾けた": "心血を注いだ", "心血を傾ける": "心血を注ぐ",
    "心血を傾け": "心血を注ぎ", "挙げ足": "揚げ足", "天下の宝刀": "伝家の宝刀", "体調を壊": "体調を崩",
    "薄皮をはぐ": "薄紙をはぐ", "薄皮を剥ぐ": "薄紙を剥ぐ", "古式豊かな": "古式ゆかしい",
    "古式豊かに": "古式ゆかしく", "うる覚え": "うろ覚え",
    "苦渋をなめ": "苦汁をなめ", "苦渋を味わ": "苦汁を味わ", "苦汁の決断": "苦渋の決断", "苦汁の選択": "苦渋の選択",
    "気に触る": "気に障る", "気に触っ": "気に障っ", "気に触り": "気に障り", "元旦の夜": "元日の夜",
    "元旦の午後": "元日の午後", "元旦の夕方": "元日の夕方", "耳障りのよ": "耳触りのよ", "耳障りの良": "耳触りの良",
    "耳障りがよ": "耳触りがよ", "耳障りが良": "耳触りが良", "否が応にも": "否が応でも",
    "後ろ髪を惹かれ": "後ろ髪を引かれ",
    "物議をかもし出": "物議をかも", "物議を醸し出": "物議を醸", "頭をかしげ": "首をかしげ", "頭を傾げ": "首を傾げ",
    "汚名を晴ら": "汚名をそそ", "櫛の歯が抜け": "櫛の歯が欠け", "専門家はだし": "玄人はだし",
    "采配をふるう": "采配を振る",
    "采配をふるっ": "采配を振っ", "采配をふるい": "采配を振り", "口車を合わせ": "口裏を合わせ",
    "愛想をふりまく": "愛嬌をふりまく",
    "濡れ手で泡": "濡れ手で粟", "出る釘は打たれ": "出る杭は打たれ", "飛ぶ鳥跡を濁さず": "立つ鳥跡を濁さず",
    "腹をすえかね": "腹に据えかね", "腹を据えかね": "腹に据えかね", "胸先三寸": "胸三寸", "首実験": "首実検",
    "上へ下への": "上を下への", "激を飛ば": "檄を飛ば",
    "的を獲": "的を射", "当を射": "当を得", "押しも押されない": "押しも押されもせぬ",
    "風下にも置けない": "風上にも置けない", "存亡の淵": "存亡の機", "采配を振るい": "采配を振り",
    "論戦を張っ": "論陣を張っ",
    "後ろ指を差され": "後ろ指を指され",
    "熱さ寒さも彼岸まで": "暑さ寒さも彼岸まで", "二の舞いを踏": "二の舞いを演じ",
    # (Wrong-kanji conversions of single words — 完壁, 異和感, 事態を収集 — are typo.py's 誤変換 list.)
    # A kanji of a four-character idiom or a set word swapped for its homophone (起承転決, 前代未問),
    # and neighbours of meaning confused (以外な for 意外な, 感心が高い for 関心が高い).
    "心気一転": "心機一転", "前代未問": "前代未聞", "厚顔無知": "厚顔無恥", "温古知新": "温故知新",
    "起承転決": "起承転結",
    "一騎当選": "一騎当千", "二者選一": "二者択一", "不和雷同": "付和雷同", "適材的所": "適材適所",
    "晴天白日": "青天白日",
    "無病即災": "無病息災", "以心電心": "以心伝心", "諸行無情": "諸行無常", "単純明解": "単純明快",
    "一期一会い": "一期一会", "予断を許されない": "予断を許さない", "意気消沈し": "意気消沈し", "意味深重": "意味深長",
    "大器晩生": "大器晩成", "五里霧中": "五里霧中", "孤立無縁": "孤立無援", "無我夢中": "無我夢中", "一同に": "一堂に",
    "以外な": "意外な", "以外にも多く": "意外にも多く", "感心が高": "関心が高", "感心を持": "関心を持",
    "感心をお寄せ": "関心をお寄せ",

    "混乱を収集": "混乱を収拾",
    "捕捉説明": "補足説明", "捕捉いたします": "補足いたします", "的をえ": "的をい", "食指がそそ": "食指が動",
    "嫌が上にも": "いやが上にも", "檄を入れ": "活を入れ", "取り付く島がな": "取り付く島もな",
    "足元にも及ばない": "足元にも及ばない",
    # ご on our own effort: 尽力 is ours to give, the ご is for the customer's (ご尽力いただき is right).
    "ご尽力いたし": "尽力いたし", "ご尽力させていただ": "尽力いたし", "ご尽力します": "尽力いたします",
    # 念を押す (to make sure of something with someone) mixed into 念には念を入れる (to be doubly careful).
    "念には念を押": "念には念を入れ",
}
for _same in ("完全無欠", "上には上が", "足元を見られ", "後には引けない", "意気消沈し", "五里霧中", "無我夢中",
              "足元にも及ばない", "取り付く島がな"):
    MISUSED.pop(_same)  # correct as written: listed above only to say so
# 違和感を感じる is a redundancy (redundant.py) rather than a misuse: not reported twice.
MISUSED.pop("違和感を感じ")
MISUSED.pop("過半数以上")  # "more than half" said twice: redundant.py has it


# Compiled once: the table is long, and the live review runs on every keystroke.
_TABLE = table_pattern(MISUSED)


# すべからく means "by all means, ought to" (〜べし), not "all": 「すべからく粗品をお付けしております」.
_SUBEKARAKU = re.compile(r"すべからく|須らく")
_BESHI = re.compile(r"べき|べし|べく|ねばならな|なければならな|なくてはならな")
# 役不足 is a role too small for someone: said of oneself (「私では役不足」) it boasts; 力不足 is meant.
_YAKUBUSOKU = re.compile(r"役不足")
_SELF = re.compile(r"私|わたくし|わたし|僕|自分|当方|弊社|当社|当店|弊店|私ども|新人|未熟|若輩|不慣れ|では役不足")


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find("。", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[left:right]


# 琴線に触れる is to move someone deeply; said of giving offence (apologising, 不快) 逆鱗 is meant.
_KINSEN = re.compile(r"琴線に触れ")
_OFFENCE = re.compile(r"申し訳|お詫び|失礼|不快|ご立腹|怒|お叱り|ご迷惑")


def _meanings(ctx: ReviewContext) -> list[Finding]:
    """Words right in form but used for what they do not mean: すべからく for "all", 役不足 of oneself."""
    text, out = ctx.own_text, []
    for match in _SUBEKARAKU.finditer(text):
        if not _BESHI.search(_sentence(text, match.start(), match.end())[match.end() - match.start():]):
            out.append(messages.finding(FindingKind.MISUSED_WORD, Severity.WARNING, match.start(), match.end(),
                                        messages.say(messages.MISUSED_WORD, wrong=match.group(), right="すべて"),
                                        "すべて"))
    for match in _KINSEN.finditer(text):
        if _OFFENCE.search(_sentence(text, match.start(), match.end())):
            out.append(messages.finding(FindingKind.MISUSED_WORD, Severity.WARNING, match.start(), match.end(),
                                        messages.say(messages.MISUSED_WORD, wrong=match.group(), right="逆鱗に触れ"),
                                        "逆鱗に触れ"))
    for match in _YAKUBUSOKU.finditer(text):
        if _SELF.search(_sentence(text, match.start(), match.end())):
            out.append(messages.finding(FindingKind.MISUSED_WORD, Severity.WARNING, match.start(), match.end(),
                                        messages.say(messages.MISUSED_WORD, wrong=match.group(), right="力不足"),
                                        "力不足"))
    return out


def check(ctx: ReviewContext) -> list[Finding]:
    return _meanings(ctx) + scan(
        ctx,
        _TABLE,
        FindingKind.MISUSED_WORD,
        Severity.WARNING,
        lambda m: messages.say(messages.MISUSED_WORD, wrong=m.group(), right=MISUSED[m.group()]),
        lambda m: MISUSED[m.group()],
    )
