"""keigo_baito — バイト敬語 「接客マニュアル的な言い回しです」.

The user sees phrasing that sounds polite but is not correct keigo:
よろしかったでしょうか (past tense for a present question), 〜のほう (when nothing
is compared), 〜円からお預かりします, こちら〜になります (nothing "becomes"
anything). Each comes with the plain correct form.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.rules import scan

_YOROSHIKATTA = re.compile(r"よろしかったでしょうか|宜しかったでしょうか|よろしかったですか")
# 「こちらが商品になります」「1,080円になります」: a noun (not a change) + になります.
_NI_NARIMASU = re.compile(
    r"(?:(?:こちら|これ|それ|あちら)(?:が|は|の|、)[^。\n]{0,25}?|[0-9０-９,，]+円)(になります)"
)
# A real change or result: 「膝が隠れるくらいの丈になります」「合計で3,000円になります」「担当が佐藤になります」.
_CHANGE = re.compile(
    r"くらい|ぐらい|ほど|程度|ように|ことに|合計|から|変わ|予定|ずつ|倍|以上|以下|未満|[0-9０-９]+[個点枚つ]で"
)
# 「ご確認のほう」「お支払いのほう」: an honorific noun + のほう with nothing compared.
_NO_HOU = re.compile(
    r"(?:[おご][\u3040-\u309f\u4e00-\u9fff]{1,5}?|商品|お品物)(のほう)(?=は|を|が|に|で|も|、|お持ち|お届け|ご用意|お預かり)"
)
_KARA_AZUKARI = re.compile(r"円(から)お預かり")
# 「ご返金させていただく形になります」: a roundabout ending for a plain statement.
_KATACHI = re.compile(r"(?:という|の|する|した|いただく|させていただく)(形になります|形となります)")


def _sentence_before(text: str, at: int) -> str:
    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    return text[start:at]


def check(ctx: ReviewContext) -> list[Finding]:
    kind, severity = FindingKind.KEIGO_BAITO, Severity.WARNING
    findings = scan(ctx, _YOROSHIKATTA, kind, severity,
                    messages.say(messages.KEIGO_BAITO_YOROSHIKATTA),
                    lambda m: "よろしいでしょうか")
    findings += [f for f in scan(ctx, _NI_NARIMASU, kind, severity,
                                 messages.say(messages.KEIGO_BAITO_NI_NARIMASU),
                                 lambda m: "でございます", group=1)
                 if not _CHANGE.search(_sentence_before(ctx.own_text, f.start))]
    findings += scan(ctx, _NO_HOU, kind, severity,
                     messages.say(messages.KEIGO_BAITO_NO_HOU),
                     lambda m: "", group=1)
    findings += scan(ctx, _KATACHI, kind, severity,
                     messages.say(messages.KEIGO_BAITO_KATACHI),
                     lambda m: "", group=1)
    findings += scan(ctx, _KARA_AZUKARI, kind, severity,
                     messages.say(messages.KEIGO_BAITO_KARA),
                     lambda m: "", group=1)
    return findings
