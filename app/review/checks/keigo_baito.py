"""keigo_baito — バイト敬語 「接客マニュアル的な言い回しです」.

The user sees phrasing that sounds polite but is not correct keigo:
よろしかったでしょうか (past tense for a present question), 〜のほう (when nothing
is compared), 〜円からお預かりします, こちら〜になります (nothing "becomes"
anything). Each comes with the plain correct form.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review.context import ReviewContext
from app.review.rules import scan

_YOROSHIKATTA = re.compile(r"よろしかったでしょうか|宜しかったでしょうか|よろしかったですか")
# 「こちらが商品になります」「1,080円になります」: a noun (not a change) + になります.
_NI_NARIMASU = re.compile(
    r"(?:(?:こちら|これ|それ|あちら)(?:が|は|の)[^。、\n]{0,25}?|[0-9０-９,，]+円)(になります)"
)
# 「ご確認のほう」「お支払いのほう」: an honorific noun + のほう with nothing compared.
_NO_HOU = re.compile(r"(?:[おご][\u3040-\u309f\u4e00-\u9fff]{1,5}?|商品|お品物)(のほう)(?=は|を|が|に|で|も|、)")
_KARA_AZUKARI = re.compile(r"円(から)お預かり")


def check(ctx: ReviewContext) -> list[Finding]:
    kind, severity = FindingKind.KEIGO_BAITO, Severity.WARNING
    findings = scan(ctx, _YOROSHIKATTA, kind, severity,
                    "「よろしかったでしょうか」は過去形のバイト敬語です。「よろしいでしょうか」とします。",
                    lambda m: "よろしいでしょうか")
    findings += scan(ctx, _NI_NARIMASU, kind, severity,
                     "「〜になります」は変化を表す言葉です。「〜でございます」「〜です」とします。",
                     lambda m: "でございます", group=1)
    findings += scan(ctx, _NO_HOU, kind, severity,
                     "比べるものがないときの「〜のほう」はバイト敬語です。取り除きます。",
                     lambda m: "", group=1)
    findings += scan(ctx, _KARA_AZUKARI, kind, severity,
                     "「〜円からお預かりします」の「から」は不要です。",
                     lambda m: "", group=1)
    return findings
