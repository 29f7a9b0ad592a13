"""business_manner — ビジネスメールで避けたい言い回し 「お客様への言葉として適切か確かめましょう」.

The user sees words that are polite-sounding but wrong to a customer, with
the standard business form as the fix: ご苦労様です (said to those below
you) → お世話になっております when it stands alone as the greeting, お疲れ様です after
what they went through; とんでもございません → とんでもないことでございます;
了解しました / 了解いたしました → 承知しました / 承知いたしました; お世話様です →
お世話になっております; 参考になりました → 勉強になりました; すいません →
申し訳ございません; なるほどですね → おっしゃるとおりです; 了承いたしました (a
superior's approval) → 承知いたしました; 御社様・貴社様 → 貴社; 取り急ぎお礼まで →
まずはお礼申し上げます; a bare わかりました as the answer → 承知いたしました. The nouns alone (ご苦労を
おかけし, 了解を得る, ご了承ください) are left alone.

Words of the office or of speech that a reply to a customer does not use: 御社 (spoken; in writing
貴社), とりあえず (→ まずは), 聞いてみます (→ 確認いたします), させてもらいます (→ させていただきます),
〜てもらえますか asked of the customer (→ 〜ていただけますか), ごめんなさい (→ 申し訳ございません),
ちょっとお待ちください (→ 少々), 了承ください without ご (→ ご了承ください), どうしますか asked of
the customer (→ いかがなさいますか), an opening なるほど (→ おっしゃるとおりです), and お疲れ様です said as the
greeting (a colleague's greeting: to a customer お世話になっております; 「長旅お疲れ様でした」 and
「毎日の介護、お疲れ様です」 are sympathy, not the greeting, and stay).

Our own staff named with an honorific to the customer (身内に敬称): 「店長さんに確認しました」
「部長の山本さんから」「当店の田中さんが」 → 店長, 部長の山本, 当店の田中. The customer's side
(「ご担当の山本様」「貴社の部長さん」) keeps its honorific.

The proofreader's rule: to a customer, no word of the office, of speech or from above —
とんでもないです, 申し訳ないです, お久しぶりです (→ ご無沙汰しております), ご苦労様 in any form,
わかりました、 as the answer, a favour told from above (お送りしてあげます → 差し上げます), the plain
くれる / いい asked of the customer (教えてくれますか, 〜てもいいですか → よろしいでしょうか), and our
own staff named as 名前+役職 (弊社の山田部長 → 部長の山田), since a title is itself an honorific.
当店の佐藤様 (not 会員様, お客様) is our staff with an honorific too. ちょっと anywhere
(ちょっとした aside) → 少々, どうもでした, 〜くれてありがとう (→ いただき), いいですよ.

Our own side's act given いただく (弊社の技術者が訪問していただく予定です → 訪問する予定です:
いただく is for what the customer does), 感心いたしました (judged from above → 感銘を受けました),
asking whether the customer understood (おわかりいただけましたでしょうか → ご不明な点はございません
でしょうか), ご一緒します (→ ご案内いたします), 取り急ぎ、ご挨拶まで, and a letter's closing that
does not match its opening (拝啓〜草々 → 敬具, 前略〜敬具 → 草々).

Round 21: 御中 together with a person's 様 or 殿 (株式会社アオバ御中 経理部 山田様: 御中 is for a company or a
section, dropped when a person is named), and すみません (→ 申し訳ございません; すみませんが → 恐れ入りますが).
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.gate import gated
from app.review.rules import scan, words_pattern

MANNERS: dict[str, str] = {
    "ご苦労様です": "お疲れ様です", "ご苦労さまです": "お疲れ様です", "ご苦労様でした": "お疲れ様でした",
    "ご苦労さまでした": "お疲れ様でした", "ご苦労様でございます": "お疲れ様でございます",
    "ご苦労さまでございます": "お疲れ様でございます",
    "とんでもございません": "とんでもないことでございます", "とんでもありません": "とんでもないことでございます",
    "了解しました": "承知しました", "了解いたしました": "承知いたしました", "了解致しました": "承知いたしました",
    "了解です": "承知しました", "了解いたします": "承知いたします", "了解しております": "承知しております",
    "了解いたしております": "承知いたしております",
    "お世話様です": "お世話になっております", "お世話さまです": "お世話になっております",
    "お世話様でございます": "お世話になっております", "お世話さまでございます": "お世話になっております",
    "お世話様でした": "お世話になりました", "お世話さまでした": "お世話になりました",
    "参考になりました": "勉強になりました", "すいません": "申し訳ございません",
    "なるほどですね": "おっしゃるとおりです",
    # 各位 already means 皆様: no second honorific.
    "各位様": "各位", "各位殿": "各位", "皆様各位": "各位",
    # 了承 is a superior's approval: a shop accepting a customer's request says 承知.
    "了承いたしました": "承知いたしました", "了承致しました": "承知いたしました", "了承しました": "承知しました",
    "了承いたします": "承知いたします", "了承です": "承知しました", "了承しております": "承知しております",
    "了解致します": "承知いたします", "了解しています": "承知しております",
    # 御社 is spoken; in writing the other company is 貴社.
    "御社様": "貴社", "貴社様": "貴社",
    # 「取り急ぎ〜まで」 ends on a noun: curt to a customer.
    "取り急ぎお礼まで": "まずはお礼申し上げます", "取り急ぎ、お礼まで": "まずはお礼申し上げます",
    "取り急ぎ、ご連絡まで": "取り急ぎご連絡申し上げます", "取り急ぎ、ご報告まで": "取り急ぎご報告申し上げます",
    "取り急ぎ、ご返信まで": "取り急ぎご返信申し上げます", "取り急ぎご挨拶まで": "略儀ながら、まずはご挨拶申し上げます",
    "取り急ぎ、ご挨拶まで": "略儀ながら、まずはご挨拶申し上げます",
    # 感心 judges from above; to a customer's idea the shop was moved (感銘を受ける).
    "感心いたしました": "感銘を受けました", "感心しました": "感銘を受けました",
    "感心いたしております": "感銘を受けております",
    # Asking whether the customer understood doubts them; ask whether anything is unclear.
    "おわかりいただけましたでしょうか": "ご不明な点はございませんでしょうか",
    "お分かりいただけましたでしょうか": "ご不明な点はございませんでしょうか",
    "おわかりいただけましたか": "ご不明な点はございませんでしょうか",
    "お分かりいただけましたか": "ご不明な点はございませんでしょうか",
    "おわかりになりましたでしょうか": "ご不明な点はございませんでしょうか",
    "お分かりになりましたか": "ご不明な点はございませんでしょうか",
    "おわかりになりましたか": "ご不明な点はございませんでしょうか",
    "ご理解いただけましたでしょうか": "ご不明な点はございませんでしょうか",
    # ご一緒する puts the shop beside the customer as an equal; the shop guides (ご案内いたします).
    "ご一緒します": "ご案内いたします", "取り急ぎご連絡まで": "取り急ぎご連絡申し上げます",
    "取り急ぎご報告まで": "取り急ぎご報告申し上げます", "取り急ぎご返信まで": "取り急ぎご返信申し上げます",
    # Spoken or office words a written reply to a customer does not use.
    "御社": "貴社", "とりあえず": "まずは", "取りあえず": "まずは", "ごめんなさい": "申し訳ございません",
    "聞いてみます": "確認いたします", "聞いてみますね": "確認いたします", "聞いておきます": "確認いたします",
    "きいてみます": "確認いたします", "聞いときます": "確認いたします",
    "させてもらいます": "させていただきます", "させてもらいました": "させていただきました",
    "させてもらって": "させていただいて", "させてもらえれば": "させていただければ",
    "させてもらえますか": "させていただけますか", "させてもらえませんか": "させていただけませんか",
    # Round 20: spoken forms a proofreading guide replaces in a letter to a customer.
    "とんでもないです": "とんでもないことでございます",
    "申し訳ないです": "申し訳ございません", "申し訳なかったです": "申し訳ございませんでした",
    "お久しぶりです": "ご無沙汰しております", "お久しぶりでございます": "ご無沙汰しております",
    "ご無沙汰です": "ご無沙汰しております", "ご無沙汰でした": "ご無沙汰しておりました",
    "ご苦労さん": "お疲れ様です", "ご苦労様": "お疲れ様", "ご苦労さま": "お疲れさま",
    "了解っす": "承知いたしました", "了解っス": "承知いたしました", "りょうかいです": "承知いたしました",
    "かしこまりです": "かしこまりました", "承知です": "承知いたしました", "承知しましたです": "承知いたしました",
    "お世話様": "お世話になっております", "どうもでした": "ありがとうございました",
    "どうもすみません": "誠に申し訳ございません",
    "どうもです": "ありがとうございます",
    "いいですよ": "かしこまりました", "いいですよ。": "かしこまりました。",
    # Round 21: すみません is spoken; an apology in a letter to a customer is 申し訳ございません.
    "すみませんでした": "申し訳ございませんでした", "すみません": "申し訳ございません",
    "すみませんが": "恐れ入りますが",
}
PATTERN = words_pattern(MANNERS)
# 「わかりました」 as the whole answer to a customer (not 「予定がわかりましたら」) → 承知いたしました.
_WAKARIMASHITA = gated(re.compile(r"(?:^|(?<=[。、！\n]))[^\S\n]*(?:はい、)?(わかりました|分かりました)(?=[。、！!]|$)",
                            re.MULTILINE))


# 「お疲れ様です。」 as a sentence of its own: the greeting between colleagues (→ お世話になっております).
_OTSUKARE = gated(re.compile(
    r"(?:^|(?<=[。！\n]))[^\S\n]*((?:お疲れ|おつかれ)(?:様|さま)(?:です|でございます))(?=[。！!]|\s*$)", re.MULTILINE
))
# 「〜してもらえますか」 asked of the customer: もらう is the plain verb (→ いただけますか).
_MORAERU = re.compile(r"(?<=[てで])(もらえ(?:ますか|ませんか|ますでしょうか|ないでしょうか))")
_MORAERU_FIX = {"もらえますか": "いただけますか", "もらえませんか": "いただけませんか",
                "もらえますでしょうか": "いただけますでしょうか", "もらえないでしょうか": "いただけないでしょうか"}
# 「了承ください」 without ご, and 「どうしますか」 asked of the customer.
_BARE_ASK = re.compile(r"(?<![ご御])(了承(?:して)?(?:ください|下さい))|(どうしますか|どうされますか)")


def _bare_ask_fix(m: re.Match[str]) -> str:
    return "ご了承ください" if m.group(1) else "いかがなさいますか"


_OWN_TITLE_WORDS = "店長|副店長|部長|課長|社長|係長|主任|専務|常務|工場長|店主|チーフ"
# Favours done to the customer told from above (〜してあげます → いたします), and the plain
# くれる / いい asked of the customer (教えてくれますか → 教えていただけますか, いいですか → よろしいでしょうか).
_AGERU = re.compile(r"(?<=[てで])(あげ(?:ます|ました|ましょう(?:か)?|ますね|る|た))(?=[。、！!？?ねよ]|$)")
_AGERU_FIX = {"あげます": "差し上げます", "あげました": "差し上げました", "あげましょう": "差し上げましょう",
              "あげましょうか": "差し上げましょうか", "あげますね": "差し上げます", "あげる": "差し上げる",
              "あげた": "差し上げた"}
_KURERU = re.compile(r"(?<=[てで一-龥])(くれ(?:ますか|ませんか|ないでしょうか|ますでしょうか)|"
                     r"くれて(?=ありがと|助か|うれし|嬉し|感謝))")
_KURERU_FIX = {"くれますか": "いただけますか", "くれませんか": "いただけませんか",
               "くれないでしょうか": "いただけないでしょうか", "くれますでしょうか": "いただけますでしょうか",
               "くれて": "いただき"}
_IIDESUKA = re.compile(r"((?:ても|でも|で)?(?:いい|良い)(?:ですか|でしょうか))(?=[。？?]|$)")
# Our own staff named by 名前 + 役職 (弊社の山田部長): a title is an honorific (→ 部長の山田).
_NAME_TITLE = re.compile(rf"(?:当店|弊社|当社|弊店|私ども)の([一-龥]{{1,3}}?)({_OWN_TITLE_WORDS})(?![様さ])")


# 「ちょっとお待ちください」: ちょっと is spoken (→ 少々).
_CHOTTO = re.compile(r"(ちょっと|ちょっぴり)(?!した)")
# An opening なるほど: agreeing from above (→ おっしゃるとおりです).
_NARUHODO = re.compile(r"(?:^|(?<=[。！\n]))[^\S\n]*(なるほど)(?=[、。！]|です)", re.MULTILINE)
# Our own staff named with an honorific (身内に敬称): a title + さん, a title の name + さん/様,
# 当店の name + さん. Not after ご・貴社・御社・お客様・そちら (the customer's side).
_OWN_TITLE = r"(?:店長|副店長|部長|課長|社長|係長|主任|専務|常務|工場長|店主|オーナー|チーフ)"
_OWN_HONORIFIC = gated(re.compile(
    rf"(?<![ご御貴])((?:{_OWN_TITLE})(?:さん|様))|"
    rf"(?<![ご御貴])((?:{_OWN_TITLE}|担当|スタッフ)の[一-龥][一-龥々]{{0,3}}(?:さん|様))|"
    r"((?:当店|弊社|当社|弊店|うち)の(?!会員|利用者|顧客|常連|購入者|皆|お客)[一-龥][一-龥々]{0,3}(?:さん|様))"
))
_THEIR_SIDE = re.compile(r"(?:貴社|御社|貴店|お客様|お客さま|そちら|先方|ご)[^。、]{0,6}$")


def _own_honorific(ctx: ReviewContext) -> list[Finding]:
    out = []
    text = ctx.own_text
    for match in _OWN_HONORIFIC.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g))
        start, end = match.span(group)
        if _THEIR_SIDE.search(text[max(0, start - 12) : start]):
            continue
        word = match.group(group)
        right = word.removesuffix("さん").removesuffix("様")
        said = messages.say(messages.BUSINESS_MANNER, wrong=word, right=right)
        out.append(messages.finding(FindingKind.BUSINESS_MANNER, Severity.WARNING, start, end, said, right))
    return out


def _ii_fix(words: str) -> str:
    lead = next((p for p in ("ても", "でも", "で") if words.startswith(p)), "")
    return lead + "よろしいでしょうか"


# 「弊社の技術者が訪問していただく予定です」: our own side's act given いただく (→ 訪問する予定です).
_OWN_SIDE = r"(?:弊社|当社|当店|弊店|私ども|担当者?|営業担当|技術者|スタッフ|係の者|私|わたくし)"
_OWN_ITADAKU = re.compile(_OWN_SIDE + r"[^。]{0,8}?(?:が|から)[^。]{0,30}?"
                          r"((?:お|ご)?[一-龥ぁ-ゖ]{1,6}?(?:し|して)いただく(?:予定|こと|つもり))")
# 「拝啓」 closes on 敬具 and 「前略」 on 草々: the other pair's closing is a slip of form.
_CLOSING = {"拝啓": ("草々", "敬具"), "前略": ("敬具", "草々")}


def _own_itadaku(ctx: ReviewContext) -> list[Finding]:
    out = []
    for match in _OWN_ITADAKU.finditer(ctx.own_text):
        wrong = match.group(1)
        right = re.sub(r"(?:して|し)いただく", "する", wrong, count=1)
        said = messages.say(messages.BUSINESS_MANNER, wrong=wrong, right=right)
        out.append(messages.finding(FindingKind.BUSINESS_MANNER, Severity.WARNING, match.start(1), match.end(1),
                                    said, right))
    return out


def _closing(ctx: ReviewContext) -> list[Finding]:
    text, out = ctx.own_text, []
    for opening, (wrong, right) in _CLOSING.items():
        at = text.find(opening)
        end = text.find(wrong, at + len(opening)) if at >= 0 else -1
        if end >= 0:
            said = messages.say(messages.BUSINESS_MANNER, wrong=f"{opening}〜{wrong}", right=f"{opening}〜{right}")
            out.append(messages.finding(FindingKind.BUSINESS_MANNER, Severity.WARNING, end, end + len(wrong),
                                        said, right))
    return out


# 「株式会社アオバ御中 経理部 山田様」: 御中 is for a company or section; with a person's 様 it is dropped.
_ONCHU = re.compile(r"御中(?=[\s　一-龥ァ-ヶー々]{1,20}?(?:様|殿))|(?<=様|殿)[\s　]*(御中)|(?<=御中)[\s　]*(様|殿)")


def _onchu(ctx: ReviewContext) -> list[Finding]:
    out = []
    for match in _ONCHU.finditer(ctx.own_text):
        group = 1 if match.group(1) else 2 if match.group(2) else 0
        start, end = match.span(group)
        out.append(messages.finding(FindingKind.BUSINESS_MANNER, Severity.WARNING, start, end,
                                    messages.say(messages.BUSINESS_ONCHU), ""))
    return out


def check(ctx: ReviewContext) -> list[Finding]:
    understood = scan(
        ctx,
        _WAKARIMASHITA,
        FindingKind.BUSINESS_MANNER,
        Severity.WARNING,
        lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(1), right="承知いたしました"),
        lambda m: "承知いたしました",
        group=1,
    )
    kind, severity = FindingKind.BUSINESS_MANNER, Severity.WARNING
    spoken = scan(ctx, _OTSUKARE, kind, severity,
                  lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(1), right="お世話になっております"),
                  lambda m: "お世話になっております", group=1)
    spoken += scan(ctx, _MORAERU, kind, severity,
                   lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(1),
                                          right=_MORAERU_FIX[m.group(1)]),
                   lambda m: _MORAERU_FIX[m.group(1)], group=1)
    for match in _BARE_ASK.finditer(ctx.own_text):
        said = messages.say(messages.BUSINESS_MANNER, wrong=match.group(), right=_bare_ask_fix(match))
        spoken.append(messages.finding(kind, severity, match.start(), match.end(), said, _bare_ask_fix(match)))
    spoken += scan(ctx, _CHOTTO, kind, severity,
                   lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(1), right="少々"),
                   lambda m: "少々", group=1)
    spoken += scan(ctx, _NARUHODO, kind, severity,
                   lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(1), right="おっしゃるとおりです"),
                   lambda m: "おっしゃるとおりです", group=1)
    spoken += scan(ctx, _AGERU, kind, severity,
                   lambda m: messages.say(messages.BUSINESS_MANNER, wrong="て" + m.group(1),
                                          right="て" + _AGERU_FIX[m.group(1)]),
                   lambda m: _AGERU_FIX[m.group(1)], group=1)
    spoken += scan(ctx, _KURERU, kind, severity,
                   lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(1), right=_KURERU_FIX[m.group(1)]),
                   lambda m: _KURERU_FIX[m.group(1)], group=1)
    spoken += scan(ctx, _IIDESUKA, kind, severity,
                   lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(1), right=_ii_fix(m.group(1))),
                   lambda m: _ii_fix(m.group(1)), group=1)
    for match in _NAME_TITLE.finditer(ctx.own_text):
        right = f"{match.group(2)}の{match.group(1)}"
        said = messages.say(messages.BUSINESS_MANNER, wrong=match.group(1) + match.group(2), right=right)
        spoken.append(messages.finding(kind, severity, match.start(1), match.end(2), said, right))
    spoken += _own_itadaku(ctx) + _closing(ctx) + _onchu(ctx)
    return understood + spoken + _own_honorific(ctx) + scan(
        ctx,
        PATTERN,
        FindingKind.BUSINESS_MANNER,
        Severity.WARNING,
        lambda m: messages.say(messages.BUSINESS_MANNER, wrong=m.group(), right=_manner_fix(m)),
        _manner_fix,
    )


# 「ご苦労様です。」 alone (or いつも〜) is a greeting, and お疲れ様です is the colleagues' one (this check
# flags it too): to a customer the greeting is お世話になっております. After what they went through
# (長旅ご苦労様でした) it is sympathy, and お疲れ様でした says it to anyone.
_GREETING_LEAD = ("いつも", "毎度", "平素より")
_AFTER_ALONE = re.compile(r"[。！!]|\s*$")


def _starts_sentence(text: str, at: int) -> bool:
    """Whether only spaces and a greeting's lead (いつも, 毎度, 平素より) stand between a sentence's start and `at`.

    Read backwards from `at` rather than by searching the text before it: a search of the whole
    prefix per match made a long draft's review quadratic."""
    before = text[:at] if at < 200 else text[at - 200 : at]
    lead = next((word for word in _GREETING_LEAD if before.endswith(word)), "")
    at -= len(lead)
    end = at
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at == 0 or text[at - 1] in "。！!" or "\n" in text[at:end]


def _manner_fix(match: re.Match[str]) -> str:
    wrong, right = match.group(), MANNERS[match.group()]
    text = match.string
    alone = _starts_sentence(text, match.start()) and _AFTER_ALONE.match(text, match.end())
    if wrong.startswith("ご苦労") and alone and not wrong.endswith("でした"):
        return "お世話になっております"
    return right
