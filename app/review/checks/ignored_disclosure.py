"""ignored_disclosure — 「お客様が教えてくださったことに触れていません」.

The user sees what the customer told about themselves (a birthday, an injury,
a move) that the draft never refers to. A reply that picks up a word of it, or
a paraphrase (母 → お母様, 還暦 → お誕生日), acknowledges it; generic thanks
does not. A mail with no disclosure (e.g. a forwarded mail with no text of its
own) has nothing to acknowledge: the check is then not applicable and
`review.applicable()` says so.

A word the reply would use anyway does not show the customer was heard: the
product itself (「こちらのランニングシューズは…」 answers the size question, it
does not acknowledge 「膝への負担が少ないシューズを探していて」) and words the mail
uses outside its disclosures and worries (the order, the request: テーブル in
「テーブルを注文した佐々木です」). Only the disclosure's own words count, as long
as it has some. A sentence that points back at what was told (「〜とのこと」
「〜と伺い」) acknowledges it with any one word of it, even a one-character one
(目 in 「目がお疲れになりやすくなったとのこと」).

The agent may answer the feeling rather than the facts, as people do: praise of what they
bought (「前回のハンドクリームがとても良かったです」) is acknowledged by joy at hearing it
(嬉しい, 光栄, 励み), a trouble or a hardship (入院, 壊れて, 届かない) by sympathy
(大変でしたね, ご不便をおかけし, お大事に), a loss (葬儀, 亡くなった) by condolence (ご愁傷様,
お悔やみ), a celebration by 「おめでとうございます」, a new life (ひとり暮らしを始める) by a
welcome to it (新生活, 応援しております), a small home (狭いマンション) by the room it leaves
(お部屋の広さ, 置き場所). Generic thanks still acknowledge nothing. An age reached
(息子が十歳になります) is a birthday: naming the person (お子様) does not acknowledge it; the age,
the birthday or congratulations must be there.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from app.model import Finding, FindingKind, Highlight, HighlightKind, Severity
from app.review import messages
from app.review.checks.unacknowledged_worry import states_a_feeling
from app.review.context import ReviewContext
from app.review.meaning import Key, matched_weight, product_mentions, variant_forms
from app.review.rules import end_of_own_text
from app.text import Token

_PERSONAL_KINDS = (HighlightKind.DISCLOSURE, HighlightKind.WORRY)
# Thanks for being a customer says nothing about what this customer told:
# 「いつもご利用いただき」 does not acknowledge 「毎月お米の定期便を利用しています」.
GENERIC_THANKS = re.compile(
    r"(?:いつも|このたびは|この度は|先日は|平素より|平素は)?(?:[^、。\s]{0,8}?を)?(?:ご|お)"
    r"(?:利用|愛顧|愛用|購入|注文|買い上げ|問い合わせ|連絡|引き立て|用命|来店|依頼|申し込み|申込み|贔屓|ひいき)"
    r"(?:いただ|頂|くださ|下さ)[きいっ]+(?:まして)?[、,]?\s*(?:誠に|まことに|本当に|大変)?"
    r"(?:ありがと|感謝|御礼|お礼)"
)


# The agent points back at what the customer told: 「〜とのこと」「〜と伺い」「お話しくださった」.
POINT_BACK = re.compile(r"とのこと|との事|と伺い|と伺って|とうかがい|とお聞きし|と承り|お話しくださ|お話くださ|"
                        r"教えてくださ|お知らせくださ|おっしゃ")


# What the customer felt, and the words that answer that feeling (not only its facts).
_PRAISE = re.compile(
    r"良かった|よかった|気に入|満足|愛用|おいしかった|美味しかった|最高|重宝|好評|喜んで|大好き|助かりました"
)
_JOY = re.compile(r"嬉し|うれし|光栄|励み|喜ばし|何より|冥利|ありがたく|有難く")
_HARDSHIP = re.compile(r"困|壊れ|割れ|届かな|動かな|入院|怪我|けが|体調|不便|大変|亡くな|病気|痛|失くし|無くし|なくし|"
                       r"間違|がっかり|残念|汚れ|破れ|遅れ")
_SYMPATHY = re.compile(r"大変(?:でした|だった|な思い|なご|失礼)|ご不便|ご迷惑|お見舞い|お大事|ご愁傷|お悔やみ|"
                       r"お辛|おつら|"
                       r"ご苦労|ご心労|お困り|残念な思い|がっかりさせ")
_CELEBRATION = re.compile(r"誕生|結婚|合格|入学|卒業|出産|還暦|記念|就職|昇進|祝|成人|入籍|婚約|七五三|生まれ")
_CONGRATULATION = re.compile(r"おめでと|お祝い申し上げ|お喜び申し上げ")
_LOSS = re.compile(r"亡くな|他界|逝去|葬|通夜|法事|法要|供花|供養|四十九日|一周忌|喪中|遺影|形見")
_CONDOLENCE = re.compile(r"ご愁傷|お悔やみ|ご冥福|お力落とし|ご逝去|お寂しい|偲")
# A new life (ひとり暮らしを始める, 引っ越し, 就職) is welcomed as one (新生活, 新しい生活, 応援);
# a small home (狭いマンション) is heard when the reply speaks of the room it leaves (お部屋の広さ, 置き場所).
_NEW_LIFE = re.compile(r"暮らしを始め|一人暮らし|ひとり暮らし|引っ越|引越|新居|上京|転勤|進学|就職|入社|新生活")
_WELCOME = re.compile(r"新生活|新しい生活|新しい暮らし|新天地|新しいお住まい|応援して|スタート")
_SMALL_HOME = re.compile(r"狭い|狭く|手狭|ワンルーム|小さな家|小さい家|小さな部屋|小さい部屋")
_ROOM = re.compile(r"広さ|スペース|コンパクト|置き場所|設置場所|寸法|お部屋")
_FEELINGS = ((_PRAISE, _JOY), (_HARDSHIP, _SYMPATHY), (_CELEBRATION, _CONGRATULATION), (_LOSS, _CONDOLENCE),
             (_NEW_LIFE, _WELCOME), (_SMALL_HOME, _ROOM))
# A family member's age reached (息子が十歳になります) tells of a birthday (the customer's own
# 「今年八十歳になり、字が読みにくく」 is context, not news): naming the person (お子様) does not
# acknowledge it; the age, the birthday or congratulations do.
_AGE_REACHED = re.compile(r"(?:息子|娘|孫|子|妻|夫|母|父|主人|家内|姪|甥|兄|姉|弟|妹)[^。、]{0,16}?"
                          r"[0-9０-９一二三四五六七八九十百]+(?:歳|才)になります")
_AGE_HEARD = re.compile(r"歳|才|誕生|おめでと|お祝い")


# Order details, which REVIEW_FORMAT.md says are no disclosure, though the analyser may mark them:
# the state of the goods for a return (「タグはまだ切っていません」「値札は付けたままです」) and an
# earlier purchase here with nothing personal (「今年の春に、こちらで肥料を購入しました」).
ORDER_DETAIL = re.compile(
    r"^[^。]{0,12}(?:タグ|値札|ラベル|シール|外箱|箱|パッケージ|包装|説明書|保証書)(?:は|も|を)?(?:まだ)?[^。]{0,6}"
    r"(?:付け|つけ|切っ|切り|外し|はずし|開け|捨て|取っ|残っ|あり|ござい)|"
    r"^[^。]{0,4}(?:未使用|未開封|未着用|新品の?まま|一度も(?:使|着|履|開け))[^。]{0,12}$|"
    r"^(?:それから、|また、)?[^。、]{0,10}、?(?:こちら|御社|貴店|そちら)で[^。]{0,24}(?:購入|注文|買い?|求め)"
    r"(?:しました|いたしました|ました|させていただきました)$"
)

_PERSONAL = re.compile(r"母|父|妻|夫|娘|息子|子ども|子供|孫|祖|友|家族|彼|誕生|祝|結婚|プレゼント|ギフト|贈|記念")


def _feeling_answered(told: str, own_text: str) -> bool:
    """Whether the draft answers the feeling of what was told: joy at praise, sympathy, congratulations."""
    return any(cue.search(told) and answer.search(own_text) for cue, answer in _FEELINGS)


def disclosures(ctx: ReviewContext) -> list[Highlight]:
    """The disclosures, with the worry spans that state no concern (「怖がりな子で…様子です」)."""
    told = ctx.highlights(HighlightKind.DISCLOSURE) + [
        w for w in ctx.highlights(HighlightKind.WORRY) if not states_a_feeling(ctx.highlight_text(w))]
    return sorted(told, key=lambda h: h.start)


def applicable(ctx: ReviewContext) -> bool:
    return ctx.has_mail and bool(disclosures(ctx))


def topic_forms(ctx: ReviewContext) -> set[str]:
    """The words the mail uses outside the customer's disclosures and worries (the words themselves:
    「初心者でも編みやすい毛糸は」 does not make 「初めて編み物に挑戦します」 a topic of the order)."""
    personal = bytearray(len(ctx.mail or "") + 1)
    for kind in _PERSONAL_KINDS:
        for highlight in ctx.highlights(kind):
            personal[highlight.start : highlight.end] = b"\x01" * (highlight.end - highlight.start)
    forms: set[str] = set()
    for key in ctx.mail_keys:
        if not personal[key.start]:
            forms |= variant_forms(*key.words)
    return forms


def acknowledgement_pool(ctx: ReviewContext, topic: AbstractSet[str] = frozenset()) -> set[str]:
    """Forms of the draft's own words, without those naming the product or thanking for custom.

    Nor the words of the order itself (`topic`): 「病院への直接配送は可能です」 answers 「病院に直接
    送ってもらえますか」 and says nothing of 「父の入院のお見舞いに」, though 病院 and 入院 are one family."""
    pool: set[str] = set()
    for sentence, sentence_keys in zip(ctx.sentences, ctx.sentence_keys, strict=True):
        product = product_mentions(sentence.tokens)
        base = sentence.start
        thanks = [(m.start() + base, m.end() + base) for m in GENERIC_THANKS.finditer(sentence.text)]
        for key in sentence_keys:
            if key.start in product or any(start <= key.start < end for start, end in thanks) or key.words & topic:
                continue
            pool |= key.forms
    return pool


def pointed_back_pool(ctx: ReviewContext) -> set[str]:
    """Forms of the draft's sentences that point back at what the customer told (〜とのこと)."""
    pool: set[str] = set()
    for sentence, sentence_keys in zip(ctx.sentences, ctx.sentence_keys, strict=True):
        if POINT_BACK.search(sentence.text):
            for key in sentence_keys:
                pool |= key.forms
    return pool


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def request_sentences(ctx: ReviewContext) -> list[tuple[int, int]]:
    """The mail's sentences that ask something: the ask and its premise (「〜のですが、」).

    The analyser may cut a request's premise off as a disclosure of its own; its words are still the
    request's subject, which the reply names in answering (「三か月のレンタル料金は」), not the customer's news.
    """
    mail = ctx.mail or ""
    ranges: set[tuple[int, int]] = set()
    for highlight in ctx.highlights(HighlightKind.REQUEST):
        start = max(mail.rfind(end, 0, highlight.start) for end in "。！？!?\n") + 1
        following = _SENTENCE_END.search(mail, highlight.end)
        ranges.add((start, following.start() if following else len(mail)))
    return sorted(ranges)


# Verbs of getting the goods: what they take (「布団を3組買いたい」「お弁当を30個頼みたい」) is the order.
_ORDER_VERBS = frozenset({"買う", "購入", "注文", "頼む", "贈る", "探す", "予約", "求める", "レンタル", "取り寄せる",
                          "送る", "用意", "選ぶ"})


def ordered_starts(tokens: tuple[Token, ...]) -> set[int]:
    """Start offsets of the words a disclosure names as what it orders (the object of 買う, 頼む, 贈る…).

    The reply names the goods to answer about them; that does not acknowledge why the customer wants them
    (「布団は3組とも在庫がございます」 says nothing of the grandchildren coming to stay).
    """
    out: set[int] = set()
    for i, token in enumerate(tokens):
        if token.surface != "を":
            continue
        k = i + 1
        while k < len(tokens) and tokens[k].main in ("名詞", "接尾辞") and tokens[k].lemma not in _ORDER_VERBS:
            k += 1  # the quantity said after を (布団を|3組|買いたい) is part of the order
        verb = tokens[k] if k < len(tokens) else None
        if verb is None or (verb.lemma not in _ORDER_VERBS and verb.norm not in _ORDER_VERBS):
            continue
        out.update(t.start for t in tokens[i + 1 : k])
        j = i - 1
        while j >= 0 and (tokens[j].main in ("名詞", "接尾辞", "接頭辞") or (tokens[j].surface == "の" and j > 0
                          and tokens[j - 1].main == "名詞" and tokens[j + 1].main == "名詞")):
            out.add(tokens[j].start)
            j -= 1
    return out


def own_keys(span_keys: list[Key], topic: set[str], product: set[int]) -> list[Key]:
    """The disclosure's keys minus topic and product words, when enough remain to judge by."""
    own = [k for k in span_keys if not (k.words & topic) and k.start not in product]
    return own if sum(k.weight for k in own) >= 1.0 else span_keys


def check(ctx: ReviewContext) -> list[Finding]:
    if not applicable(ctx):
        return []
    topic = topic_forms(ctx)
    pool = acknowledgement_pool(ctx, topic)
    pointed = pointed_back_pool(ctx)
    asked = request_sentences(ctx)
    around_all = topic.union(*(key.words for start, end in asked for key in ctx.range_keys(start, end)))
    at = end_of_own_text(ctx)
    feeling_text: str | None = None
    out = []
    for highlight in disclosures(ctx):
        if ORDER_DETAIL.search(ctx.highlight_text(highlight)) and not _PERSONAL.search(ctx.highlight_text(highlight)):
            continue
        # Words of the request sentences count as topic, except the disclosure's own (a premise
        # 「身長が170cmあるのですが、」 is acknowledged by an answer that names 170cm).
        around = around_all
        if any(start < highlight.end and highlight.start < end for start, end in asked):
            around = topic.union(*(key.words for start, end in asked for key in ctx.range_keys(start, end)
                                   if not highlight.start <= key.start < highlight.end))
        if _AGE_REACHED.search(ctx.highlight_text(highlight)):
            if feeling_text is None:
                feeling_text = GENERIC_THANKS.sub("", "\n".join(s.text for s in ctx.body_sentences))
            if not _AGE_HEARD.search(feeling_text):
                out.append(messages.finding(FindingKind.IGNORED_DISCLOSURE, Severity.WARNING, at, at,
                                            messages.say(messages.IGNORED_DISCLOSURE,
                                                         told=ctx.highlight_text(highlight)), "", highlight))
            continue
        tokens = ctx.highlight_tokens(highlight)
        span_keys = own_keys(ctx.highlight_keys(highlight), around, product_mentions(tokens) | ordered_starts(tokens))
        found, total = matched_weight(span_keys, pool)
        if total == 0 or found >= 1.0:
            continue
        # 「目がお疲れになりやすくなったとのこと」: a sentence pointing back at the disclosure needs only
        # one word of it, even a light one (目, 日).
        if matched_weight(span_keys, pointed)[0] >= 0.5:
            continue
        told = ctx.highlight_text(highlight)
        if feeling_text is None:
            # The agent's own words, without thanks for custom (「ご注文いただき嬉しく」 answers no praise).
            feeling_text = GENERIC_THANKS.sub("", "\n".join(s.text for s in ctx.body_sentences))
        if _feeling_answered(told, feeling_text):
            continue
        out.append(
            messages.finding(
                FindingKind.IGNORED_DISCLOSURE,
                Severity.WARNING,
                at,
                at,
                messages.say(messages.IGNORED_DISCLOSURE, told=told),
                "",
                highlight,
            )
        )
    return out
