"""refusal_without_alternative — 「お断りの理由も代わりのご提案もありません」.

The user sees a sentence where the shop says it cannot do something
(〜いたしかねます, 〜できません, お受けできません) while the draft gives the
customer neither a reason for it nor an alternative. A bare "no" leaves the
customer with nothing to do next.

The principle, as a careful senior agent applies it (round pairs22): whenever the shop says *we will not or cannot
do this* — in keigo (〜いたしかねます, 〜に添いかねます, お受けできません, 承っておりません, 不可となっております),
softly (〜は難しい状況です, ちょっと難しいです, ご希望に沿えません), casually (無理なんです, やってないんですよ,
受けられないんです) or by putting it off (見送らせてください) — the customer must be left with either the reason
(why not: a rule, the product's nature, stock, timing — also as a clause 「製造元がすでになく、」) or a way
forward (another product, date or method; 「ただ、〜は可能です」; where else to get it, 「古書店でお探しください」;
a cancellation, an exchange or a refund; a promise to look into it and tell them). A "no" to a question about a
product's property (「IHではお使いいただけません」) is judged the same way. A statement of fact that refuses nothing
(「在庫はございません」 answers a question; 「否定できません」 hedges) is not a refusal; a question is not either.

How the code applies it:

- A reason sits before the refusal in its sentence (「直送品のため、」「〜ので、」
  「規定により」), or is a sentence of its own right next to it (「〜のためです」).
  「早めるための特別便」 is a purpose, not a reason: ため followed by の does not count.
- An alternative is an offer made after the refusal (or in the clause before
  it, 「三日間でしたら承れますが、」): a cue such as 代わりに, 〜でしたら, ご提案,
  or an option (キャンセル, 交換, 返金…) together with an offering verb
  (承ります, 可能です, できます). The thing refused is not an alternative to
  itself: 「お取り置きは承っておりません」 offers no お取り置き, and an answer to
  another question (「金曜日の11時からお渡しできます」) offers nothing instead.
- A way offered just before the refusal (「お急ぎの場合は、店頭受け取りをお選びいただけます。」) counts
  too; a closing 「ご不明な場合はお問い合わせください」 does not.
- A next step promised is an alternative too: the shop looks into it and will tell the
  customer (「出版社に問い合わせておりますので、分かりしだいご連絡いたします」「入荷しましたら
  お知らせいたします」).
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.gate import gated
from app.text import Sentence

REFUSAL = gated(re.compile(
    r"(?:いたし|致し|でき|出来|承り|応じ|お受けし|お約束し|お答えし|ご用意し|対応し|お引き受けし|ご案内し|お応えし|"
    # any humble or plain 連用形 + かねる refuses (「ご希望に添いかねます」「お引き受けいたしかねる状況です」)
    r"添い|沿い|応じ|受け|引き受け|見合わせ|お届けし|お送りし|お作りし|お直しし|お返しし)かね(?:ます|る)"
    # 「ご希望に沿えません」 says the shop cannot meet the wish (「ご期待に添えず申し訳ございません」 is the
    # cushion before what follows, not the refusal).
    r"|(?:ご希望|ご要望|ご期待|ご意向)に(?:添え|沿え|応えられ)(?:ません|ない)"
    r"|(?:受けられ|応じられ|承れ|作れ|送れ|直せ|変えられ|戻せ|お付けでき)ません(?!でし)"
    r"|不可(?:と|に)?(?:なって(?:おり|い)ます|でございます|です)"
    # 「否定できません」「断言できません」 hedge a statement; they refuse nothing.
    r"|(?<!否定)(?<!断言)(?<!想像)(?<!判断)(?<!理解)(?<!言い切れ)"
    r"(?:でき|出来|お受けでき|承れ|お応えでき|お使いいただけ|ご利用いただけ|お選びいただけ|ご指定いただけ)ません(?!でし)"
    r"|いたしません(?!でし)|致しません(?!でし)|お断り(?:いたし|させ|して|申し上げ)"
    r"|(?:受け付け|承っ|対応し|扱っ|取り扱っ|お受けし|行っ|おこなっ|ご用意し|実施し|お作りし|販売し)て(?:おりません|いません)"
    # Soft refusals: 「一週間の延長は難しい状況です」「ご希望に沿うことが困難です」.
    r"|(?:は|が)(?:難しい|困難)(?:状況|です|でございます|かと|のが現状)"
    r"|(?:ご遠慮いただいて|お断りして)(?:おります|います)"
    # Casual refusals said to a customer: 「〜はちょっと難しいんです」「できないんですよ」「やってないんです」.
    r"|(?:難し|厳し)(?:い|くて)(?:んです|んですよ|んですね|ん|です(?:ね|よ)|かも|ところ)"
    r"|(?:ちょっと|少し|なかなか|さすがに|どうしても)(?:難し|厳し)い(?:です|状況|かと)"
    r"|(?:でき|出来|受けられ|お受けでき|対応でき|扱え|作れ|送れ|間に合わ)(?:ない|なくて)(?:んです|んですよ|です|ん)"
    r"|(?:やって|扱って|取り扱って|受け付けて|対応して|置いて|作って)(?:ない|いない)(?:んです|んですよ|です)"
    r"|無理(?:なんです|です(?:ね|よ)?|そうです|かと)"
    # Declining by putting it off or holding back: 「今回は見送らせてください」「ご遠慮ください」.
    r"|見送らせて|見送(?:り|る)(?:とさせて|こととさせて|ことにさせて)|見合わせ(?:させて|て(?:おります|います)|ております)"
    r"|控えさせて(?:いただ|ください)|ご遠慮(?:ください|願います|いただいております)"
))
REASON = re.compile(
    r"ため(?!の)|為(?!の)|(?<!も)ので(?!す)|から[、,]|からです|都合上|都合により|都合で|により|によって|につき|関係で|関係上|規定|"
    r"決まり|性質上|衛生上|安全上|仕様上|構造上|専用|限定|対象外|"
    # a clause giving the state that stops it (「製造元がすでになく、」「在庫を切らしており、」)
    r"なく[、,]|(?<!き)ず[、,]|(?:て|で)おり[、,]"
)
NEAR_REASON = re.compile(
    r"(?:ため|ので|から|都合上|事情)(?:です|でございます)?[。.]?\s*$|理由|規定|決まり|都合により|事情により|性質上|衛生上|安全上"
)
# Words that introduce something offered instead.
ALTERNATIVE_CUE = gated(re.compile(
    r"代わり|かわりに|代替|ほかに|他に|別の(?:方法|商品|お品|日|色|サイズ|プラン|便)|他の|ほかの|でしたら|であれば|ようでしたら|"
    r"いかがでしょうか|ご提案|ご紹介|おすすめ|お勧め|ご検討|"
    # a way to get it elsewhere or otherwise (「古書店でお探しください」「〜をお試しください」)
    r"でお探し(?:ください|いただけ)|をお試し(?:ください|いただけ)|でお求め(?:ください|いただけ)|"
    # 「ただ、同じ形の部品を一から削り出すことは可能です」: what can be done instead
    r"^\s*(?:ただ|ただし|なお)[、,][^。]*(?:可能|できます|承ります|承れます|いたします|いただけます)"
))
# Options a shop can offer, and the verbs that offer them.
OPTION = re.compile(r"キャンセル|交換|返品|返金|解約|一部|取り置き|延長|変更|別便|分割|お届け先|振替|振り替え")
OFFER = re.compile(
    r"承ります|承れます|承っております|可能です|可能でございます|できます|いたします|いただけます|ございます|お選びいただけ"
)


# A next step promised: the shop asks, checks or waits for stock, then tells the customer.
NEXT_STEP = re.compile(
    r"(?:問い合わせ|確認|お調べ|調べ|手配|探し|相談|検討|入荷|再入荷|わかり|分かり|判明|決まり)[^。]{0,24}?"
    r"(?:ご連絡|お知らせ|ご報告|ご案内|お伝え)(?:いたし|致し|します|申し上げ|差し上げ|を差し上げ)"
)


# A conditional way for the customer to take: 「〜場合は、〜からお選びください」「〜でしたら承ります」.
_WAY_OFFERED = re.compile(
    r"(?:場合は|場合には|際は|でしたら|であれば|なら)[^。]{0,40}?(?:ください|下さい|いただけます|頂けます|承ります|可能です|できます)"
)


# 「ご不明な場合はお問い合わせください」 closes a letter; it offers no way past the refusal.
_CLOSING_ASK = re.compile(r"問い合わせ|ご連絡ください|お申し付け|ご相談ください")


def _is_question(sentence: Sentence) -> bool:
    return sentence.text.rstrip().endswith(("か", "か。", "？", "?"))


def _offers(text: str) -> bool:
    """Whether a piece of the agent's text offers the customer something."""
    if ALTERNATIVE_CUE.search(text) or NEXT_STEP.search(text):
        return True
    return bool(OPTION.search(text) and OFFER.search(text))


def _has_alternative(sentences: tuple[Sentence, ...], i: int, match: re.Match[str], refusals: set[int]) -> bool:
    sentence = sentences[i]
    # The rest of the refusal sentence (「〜いたしかねますが、代わりに〜」).
    if _offers(sentence.text[match.end() :]):
        return True
    # The clause before it, when it offers in its own right (「〜でしたら承れますが、〜はお受けできません」);
    # the refused object alone (「別のお色への交換は」) has no offering verb.
    before = sentence.text[: match.start()]
    if OFFER.search(before) and _offers(before):
        return True
    if any(_offers(s.text) for j, s in enumerate(sentences) if j > i and j not in refusals):
        return True
    # The way offered just before the refusal (「受診をご希望の場合は、予約サイトから空き枠を選んでください。
    # 当日の予約は受け付けていません。」): the customer still has a way, told first.
    previous = sentences[i - 1].text if i > 0 and i - 1 not in refusals else ""
    return bool(_WAY_OFFERED.search(previous)) and not _CLOSING_ASK.search(previous)


def check(ctx: ReviewContext) -> list[Finding]:
    sentences = ctx.sentences
    refusals = [
        (i, m) for i, s in enumerate(sentences) if not _is_question(s) for m in [REFUSAL.search(s.text)] if m
    ]
    if not refusals:
        return []
    refusal_indexes = {i for i, _ in refusals}
    out = []
    for i, match in refusals:
        sentence = sentences[i]
        if _has_alternative(sentences, i, match, refusal_indexes):
            continue
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
            messages.finding(
                FindingKind.REFUSAL_WITHOUT_ALTERNATIVE,
                Severity.WARNING,
                start,
                sentence.start + len(sentence.text.rstrip()),
                messages.say(messages.REFUSAL_WITHOUT_ALTERNATIVE),
                "",
            )
        )
    return out
