"""refusal_without_alternative — 「お断りの理由も代わりのご提案もありません」.

The user sees a sentence where the shop says it cannot do something
(〜いたしかねます, 〜できません, お受けできません) while the draft gives the
customer neither a reason (〜のため, 〜ので, 都合上) next to it nor an
alternative anywhere in the reply (代わりに, 〜でしたら, キャンセル・交換も承って
おります, ご提案). A bare "no" leaves the customer with nothing to do next.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review.context import ReviewContext, Sentence

REFUSAL = re.compile(
    r"(?:いたし|致し|でき|出来|承り|応じ|お受けし|お約束し|お答えし|ご用意し|対応し|お引き受けし|ご案内し|お応えし)かねます"
    r"|(?:でき|出来|お受けでき|承れ|お応えでき|お使いいただけ|ご利用いただけ|お選びいただけ|ご指定いただけ)ません(?!でし)"
    r"|いたしません(?!でし)|致しません(?!でし)|お断り(?:いたし|させ|して|申し上げ)"
    r"|(?:受け付け|承っ|対応し|扱っ|取り扱っ)て(?:おりません|いません)"
)
REASON = re.compile(
    r"ため|為|ので|から[、,]|からです|都合上|都合により|により|によって|につき|関係で|関係上|規定|決まり|性質上|"
    r"衛生上|安全上|仕様上|構造上|専用|限定|対象外"
)
NEAR_REASON = re.compile(
    r"(?:ため|ので|から|都合上|事情)(?:です|でございます)?[。.]?\s*$|理由|規定|決まり|都合により|事情により|性質上|衛生上|安全上"
)
ALTERNATIVE = re.compile(
    r"代わり|かわりに|代替|別の|他の|ほかの|でしたら|であれば|ようでしたら|いかがでしょうか|ご提案|ご案内(?:いたし|でき|可能|させ)|"
    r"承って(?:おり|い)ます|承ります|承れます|可能です|可能でございます|お選びいただけます|ご検討|キャンセル|交換|返品|返金|"
    r"一部|お取り置き|ご紹介|おすすめ|お勧め|ご利用いただけます|お使いいただけます|できます|いたします(?:ので|が)"
)


def _is_question(sentence: Sentence) -> bool:
    return sentence.text.rstrip().endswith(("か", "か。", "？", "?"))


def check(ctx: ReviewContext) -> list[Finding]:
    sentences = ctx.sentences
    refusals = [
        (i, m) for i, s in enumerate(sentences) if not _is_question(s) for m in [REFUSAL.search(s.text)] if m
    ]
    if not refusals:
        return []
    refusal_indexes = {i for i, _ in refusals}
    # An alternative is anywhere in the reply, but not the refusal sentence's own verb.
    has_alternative = any(
        ALTERNATIVE.search(REFUSAL.sub("", s.text)) for i, s in enumerate(sentences) if i not in refusal_indexes
    ) or any(ALTERNATIVE.search(REFUSAL.sub("", sentences[i].text)) for i in refusal_indexes)
    if has_alternative:
        return []
    out = []
    for i, match in refusals:
        sentence = sentences[i]
        before = sentence.text[: match.start()]
        previous = sentences[i - 1].text if i > 0 else ""
        following = sentences[i + 1].text if i + 1 < len(sentences) else ""
        # The reason sits before the refusal in its sentence, or is a sentence of its own
        # right next to it (「〜のためです」「当店の規定により〜」); a 〜ので about something
        # else in a neighbouring sentence is not a reason for the refusal.
        if REASON.search(before) or NEAR_REASON.search(previous) or NEAR_REASON.search(following):
            continue
        start = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
        out.append(
            Finding(
                FindingKind.REFUSAL_WITHOUT_ALTERNATIVE,
                Severity.WARNING,
                start,
                sentence.start + len(sentence.text.rstrip()),
                "お断りの理由も、代わりのご提案もありません。「〜のため」と理由を添え、"
                "キャンセル・交換・別の商品など、お客様が選べる道をご案内しましょう。",
                "",
            )
        )
    return out
