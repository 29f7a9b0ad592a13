"""misused — 誤用しやすい言葉・慣用句 「言葉の使い方を確かめましょう」.

The user sees an idiom mixed up with its neighbour (汚名挽回 for 汚名返上,
的を得る for 的を射る, 取り付く暇もない for 取り付く島もない, 雪辱を晴らす for
雪辱を果たす, 二の舞を踏む for 二の舞を演じる, 一つ返事 for 二つ返事, 怒り心頭に
達する for 発する, 声を荒げる for 荒らげる, 足元をすくう for 足をすくう, 白羽の矢が
当たる for 立つ, 明るみになる for 明るみに出る…), with the established form as the
fix. The table is general Japanese usage as dictionaries and style guides give
it; the correct forms themselves are never flagged.
"""

from __future__ import annotations

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
}
# 違和感を感じる is a redundancy (redundant.py) rather than a misuse: not reported twice.
MISUSED.pop("違和感を感じ")


def check(ctx: ReviewContext) -> list[Finding]:
    return scan(
        ctx,
        table_pattern(MISUSED),
        FindingKind.MISUSED_WORD,
        Severity.WARNING,
        lambda m: messages.say(messages.MISUSED_WORD, wrong=m.group(), right=MISUSED[m.group()]),
        lambda m: MISUSED[m.group()],
    )
