"""What one highlight is about (its situation) and the words a snippet's slots get for it.

The analyser says *that* the customer told something, asked or worried; a
snippet must also fit *what* it was. `classify()` reads the highlight's words
(regular expressions over the customer's text, no tokeniser needed) and names
one situation: a celebration of their own or of someone close, an event they
prepare for, a purchase for themselves or as a gift, a health condition of
theirs or a family member's, a body measurement, a first order, a regular's
news, or for a request the question it asks (stock, delivery, size,
materials, price, an exchange, an order, a complaint).

The whole mail, when given, sets the register first (`tone()`): in a complaint or
a report of harm after our service, a disclosure gets acknowledgement and apology
(never 「温かい気持ちになりました」 or a regular's thanks) and a request is taken up,
explained or checked (never 「承知いたしました」 as if a demand were granted, never
goods-return wording for a booking). Health is read broadly (pain, numbness, sleep,
a named condition, whose it is); a loss gets condolence, a late one remembered in
passing gets remembrance; a question of fact is answered or checked, a reassurance
question (「私の考えすぎでしょうか」) reassured.

The mail's genre (`genre()`) comes next: a letter written by a child (mostly kana)
is thanked in plain words; in a questionnaire or a customer-voice comment our own
questions (Q1. …) get thanks for answering, praise gets thanks, a grievance an
apology and a promise to improve, a wish "we will consider it" (never 承知). A
letter's lines get what they tell: who is writing (「先週お世話になった高田です」),
glad news, a next visit, a thing kept with care, a letter or photo sent, a closing
courtesy, a pet (never taken as their own or a person's health), being asked
after. Whose sentence it is follows the clause and the mail: not who scolded them
(「娘に「…」と叱られました」), not their own childhood (「子どもの頃から」), the person
right after an event (「入学した娘に」), and for an unnamed line about health the
family member the mail's last sentences named. An illness told as over (去年寝込んだ
とき) is no illness now; a loss five years and more ago is remembered, not condoled.

Enquiries, follow-ups and worries said without a worry word come last. An illness or
an injury happening now (38.9度, 吐きました, ぐったり, a fall that hurts) gets get-well
words (「お辛いところ」「お大事に」, whose it is first when it is someone of theirs), and
so does a worry right after it (「朝までもつのか気が気ではありません」). A customer who
writes again unanswered (再度のご連絡, まだお返事が, とおっしゃったきり) puts the mail in
the complaint register, and that line gets an apology for the wait first. 「温かい気持ち
になりました」 and 「うれしく拝読」 fit only a warm mail (`warm()`: thanks or joy beyond
the formula 「ご連絡ありがとうございます」); in an enquiry what they tell is thanked
for (`TOLD`). An instruction or a confirmation (「1.67で進めてください」) is noted, never
met with refusals; an ask for today or first thing is checked at once; a question said
as 〜のか or followed by 「？」 is answered, never 承知. Whom they care for or go with
(「母の介護で」「母とコンサートに」) is not whose illness or concert it is, and an outing
in a mail about no goods of ours is wished well, not made ready for.

Life news and feelings come before the fallback thanks (「詳しくお知らせいただき」): a move or a
transfer (「夫の転勤で札幌に引っ越すことになりました」) is wished well in a new place, and a retirement or a
child leaving home is a milestone, both only when told as news, not as the background of a life (単身赴任で
名古屋に, 三年前に引っ越して); a move asked of a mover is the job, not news. A customer who will miss us
(「こちらのパンが食べられなくなるのが寂しい」) is thanked for saying so; one who looks forward to our lesson,
goods or visit is thanked for that, not for their own outing. A family gathered and glad (家族みな揃って賑や
かな食卓) is shared in; a celebration thanked for (「主人の喜寿の祝いに…ありがとうございました」) is
congratulated first, unless it is months past; a memorial service told with a meal, a room or flowers for it
(一周忌の会食) is a solemn occasion we were chosen for, unless a death is told in the same breath. Tears and a
full heart in a letter are received as feelings; nerves before the day are encouraged. An event at work
(展示会, セミナー) or a proposal is an event with a date; one the mail told as past (先日の発表会, 入学式の日
…撮りました) is no event ahead, and a pregnancy told as over is no pregnancy now. In a letter that tells of a
death just now, its lines about those days are memories of the one they lost. 「ご事情をお聞かせくださり…
心を込めてご用意いたします」 comes only when there is something of ours to make ready.

`slot_values()` makes the noun phrase the snippet's `{topic}` slot takes for
that situation, respectful and built for the sentence: 「友人の結婚が決まり」 →
「ご友人のご結婚」, 「娘が生まれました」 → 「お嬢様のご誕生」, 「パーティーで着たい」 →
「パーティー」, 「妻が卵アレルギー」 → 「奥様の卵アレルギー」. It never passes a bare
verb lemma, a hiragana-only word (もつ, やつ) or a one-character keyword: what cannot
be made into a phrase is left out, and the slot stays a visible placeholder.
"""

from __future__ import annotations

import re
from enum import StrEnum

from app.model import Highlight, HighlightKind


class Situation(StrEnum):
    # Disclosures
    OWN_CELEBRATION = "own_celebration"      # their own wedding, anniversary, birthday
    CLOSE_CELEBRATION = "close_celebration"  # a friend's wedding, a daughter's birth, a grandchild's school entry
    EVENT = "event"                          # a party, a ceremony, a trip they prepare for
    EVENT_PLAN = "event_plan"                # an outing or a concert ahead, in a mail about no goods of ours
    PURCHASE_SELF = "purchase_self"          # something for themselves
    PURCHASE_GIFT = "purchase_gift"          # a present for someone
    ALLERGY = "allergy"                      # an allergy or constitution, theirs or a family member's
    HEALTH_SELF = "health_self"              # their own illness or injury
    PREGNANCY = "pregnancy"                  # expecting a baby: care, never "get well soon"
    HEALTH_FAMILY = "health_family"          # a family member's illness or injury
    ILLNESS_NOW = "illness_now"              # unwell or hurt right now (38.9度, 吐きました, 転んで): get-well words
    RECOVERED = "recovered"                  # good news about health (退院しました)
    MEASUREMENT = "measurement"              # their size, height, weight
    FIRST_ORDER = "first_order"              # a first order or first online purchase
    REGULAR = "regular"                      # a regular customer's news
    THANKS = "thanks_received"               # they thank or praise the shop or its staff
    BEREAVEMENT = "bereavement"              # someone close has died: condolence, never congratulations
    REMEMBRANCE = "remembrance"              # the late one remembered (亡き夫の庭, 仏壇の妻): their memory honoured
    HARM = "harm"                            # hurt or unwell in a complaint (worse after our service)
    COMPLAINT_TOLD = "complaint_told"        # their account of what went wrong, in a complaint
    COMPLAINT_REGULAR = "complaint_regular"  # a regular's loyalty told in a complaint
    NO_TROUBLE = "no_trouble"                # they apologise for themselves (お許しください, 長々と失礼)
    INTRODUCTION = "introduction"            # who they are (「先週お世話になった高田です」「〜と申します」)
    GOOD_NEWS = "good_news"                  # glad news of their own or their family's (大喜び, 喜んでいます)
    NEXT_VISIT = "next_visit"                # they will come again or order again (また寄らせてもらいます)
    VISIT_PLAN = "visit_plan"                # they plan to come to the shop, office or booth (来週お店に伺う予定です)
    CHERISH = "cherish"                      # they will keep and use what we made (これからも大事に弾きます)
    SENT_ITEM = "sent_item"                  # a letter, drawing or photo they send or attach
    COURTESY = "courtesy"                    # a closing courtesy (どうぞお体に気をつけて, がんばってね)
    CHILD_LETTER = "child_letter"            # a letter written by a child: thanked in plain words
    PET = "pet"                              # news of their pet: never taken as their own or a person's
    PET_HEALTH = "pet_health"                # their pet unwell or old: concern, never "get well soon" to them
    VOICE_PRAISE = "voice_praise"            # praise in a questionnaire or a customer-voice comment
    VOICE_COMPLAINT = "voice_complaint"      # a grievance in a questionnaire or comment: apology, will improve
    MOVING = "moving"                        # a move or a transfer (夫の転勤で札幌に引っ越す): news, wished well
    LIFE_NEWS = "life_news"                  # retirement, a child leaving home, a new start: a milestone told
    MISS_SHOP = "miss_shop"                  # they will miss us (お店のパンが食べられなくなるのが寂しい): thanked
    LOOK_FORWARD = "look_forward"            # they look forward to our goods, lesson or visit (楽しみにしています)
    GATHERING = "family_gathering"           # family together and glad (家族みな揃って賑やかな食卓): shared in
    MEMORIAL = "memorial"                    # a memorial service they book for (母の一周忌の会食): a solemn occasion
    FEELINGS = "feelings"                    # tears, a full heart, in a letter: their feeling received
    NERVES = "nerves"                        # nervous before their big day (緊張して手汗が): encouraged
    PERSONAL = "thanks_shared"               # anything else they told about themselves, in a warm mail
    TOLD = "told"                            # the same in an enquiry or a plain mail: thanked, never "warmed"
    FOLLOW_UP = "follow_up"                  # they write again, unanswered (再度のご連絡, まだお返事が): sorry first
    # Worries
    WORRY_DELIVERY = "worry_delivery"        # will it arrive in time
    WORRY_HEALTH = "worry_health"            # allergens, skin, safety
    WORRY_FIT = "worry_fit"                  # will it fit, will it suit
    WORRY = "empathy"                        # any other worry
    # Requests
    ASK_STOCK = "ask_stock"
    ASK_DELIVERY = "ask_delivery"
    ASK_PICKUP = "ask_pickup"                # picking it up at the shop
    ASK_SIZE = "ask_size"
    ASK_MATERIAL = "ask_material"
    ASK_PRICE = "ask_price"
    ASK_CHANGE = "ask_change"                # exchange, return, cancel, change an order
    ASK_ORDER = "ask_order"                  # an order, a reservation, something made for them
    ASK_CAN_ORDER = "ask_can_order"          # whether we take such an order at all (注文はできますか): yes or no
    ASK_BOOKING = "ask_booking"              # a visit, an appointment, a stay: checked, never "order received"
    ASK_CANCEL = "ask_cancel"                # cancelling a booking or a service: never goods-return wording
    ASK_CHANGE_BOOKING = "ask_change_booking"  # changing a booking or a service
    ASK_EXPLAIN = "ask_explain"              # an explanation of what happened or why
    ASK_COMPENSATION = "ask_compensation"    # a demand to pay or bear a cost: taken seriously, never granted
    ASK_REASSURE = "ask_reassure"            # 「私の考えすぎでしょうか」: reassurance, not an answer of fact
    ASK_QUESTION = "ask_question"            # any other question of fact: answered or checked, never 承知
    ASK_AFTER = "asked_after"                # they ask how we are (畑のほうはいかがですか): thanked for it
    SURVEY_QUESTION = "survey_question"      # our own questionnaire's question (Q1. 満足している点…)
    VOICE_SUGGESTION = "voice_suggestion"    # a wish in a questionnaire or comment: thanks, will consider
    INSTRUCTION = "instruction"              # an instruction or a confirmation (1.67で進めてください): noted
    ASK_URGENT = "ask_urgent"                # an ask for today or first thing (今日中に, 明日の朝いちばんで)
    COMPLAINT_REQUEST = "complaint_request"  # any other request in a complaint
    COMPLAINT = "apology"                    # something went wrong
    ASK = "answer"                           # any other request


# The pack's situation groups a situation draws from, in the order they are offered.
SOURCES: dict[Situation, tuple[str, ...]] = {
    Situation.OWN_CELEBRATION: ("own_celebration", "thanks_shared", "warm_shared"),
    Situation.CLOSE_CELEBRATION: ("close_celebration", "thanks_shared", "warm_shared"),
    Situation.EVENT: ("event", "thanks_shared"),
    Situation.EVENT_PLAN: ("event_plan", "thanks_shared"),
    Situation.PURCHASE_SELF: ("purchase_self", "thanks_shared"),
    Situation.PURCHASE_GIFT: ("purchase_gift", "thanks_shared"),
    Situation.ALLERGY: ("allergy",),
    Situation.HEALTH_SELF: ("health_self",),
    Situation.PREGNANCY: ("pregnancy",),
    Situation.HEALTH_FAMILY: ("health_family",),
    Situation.ILLNESS_NOW: ("illness_now",),
    Situation.RECOVERED: ("recovered",),
    Situation.MEASUREMENT: ("measurement",),
    Situation.FIRST_ORDER: ("first_order",),
    Situation.REGULAR: ("regular", "thanks_shared", "warm_shared"),
    Situation.THANKS: ("thanks_received",),
    Situation.BEREAVEMENT: ("bereavement",),
    Situation.REMEMBRANCE: ("remembrance", "bereavement"),
    Situation.HARM: ("harm", "complaint_told"),
    Situation.COMPLAINT_TOLD: ("complaint_told",),
    Situation.COMPLAINT_REGULAR: ("complaint_regular", "complaint_told"),
    Situation.NO_TROUBLE: ("no_trouble",),
    Situation.INTRODUCTION: ("introduction", "thanks_shared"),
    Situation.GOOD_NEWS: ("good_news", "thanks_shared", "warm_shared"),
    Situation.NEXT_VISIT: ("next_visit", "thanks_shared"),
    Situation.VISIT_PLAN: ("visit_plan", "thanks_shared"),
    Situation.CHERISH: ("cherish", "thanks_received"),
    Situation.SENT_ITEM: ("sent_item", "thanks_shared", "warm_shared"),
    Situation.COURTESY: ("courtesy",),
    Situation.CHILD_LETTER: ("child_letter",),
    Situation.PET: ("pet", "thanks_shared", "warm_shared"),
    Situation.PET_HEALTH: ("pet_health",),
    Situation.VOICE_PRAISE: ("voice_praise", "thanks_received"),
    Situation.VOICE_COMPLAINT: ("voice_complaint",),
    Situation.MOVING: ("moving", "life_news"),
    Situation.LIFE_NEWS: ("life_news",),
    Situation.MISS_SHOP: ("miss_shop", "thanks_received"),
    Situation.LOOK_FORWARD: ("look_forward",),
    Situation.GATHERING: ("family_gathering", "good_news"),
    Situation.MEMORIAL: ("memorial",),
    Situation.FEELINGS: ("feelings",),
    Situation.NERVES: ("nerves",),
    Situation.PERSONAL: ("thanks_shared", "warm_shared"),
    Situation.TOLD: ("thanks_shared",),
    Situation.FOLLOW_UP: ("follow_up",),
    Situation.WORRY_DELIVERY: ("worry_delivery", "empathy"),
    Situation.WORRY_HEALTH: ("worry_health", "empathy"),
    Situation.WORRY_FIT: ("worry_fit", "empathy"),
    Situation.WORRY: ("empathy",),
    Situation.ASK_STOCK: ("ask_stock", "answer"),
    Situation.ASK_DELIVERY: ("ask_delivery", "delay", "answer"),
    Situation.ASK_PICKUP: ("ask_pickup", "answer"),
    Situation.ASK_SIZE: ("ask_size", "answer"),
    Situation.ASK_MATERIAL: ("ask_material", "answer"),
    Situation.ASK_PRICE: ("ask_price", "answer"),
    Situation.ASK_CHANGE: ("ask_change", "refusal", "answer"),
    Situation.ASK_ORDER: ("ask_order", "refusal", "answer"),
    Situation.ASK_CAN_ORDER: ("ask_can_order", "refusal", "answer"),
    Situation.ASK_BOOKING: ("ask_booking", "answer"),
    Situation.ASK_CANCEL: ("ask_cancel",),
    Situation.ASK_CHANGE_BOOKING: ("ask_change_booking", "answer"),
    Situation.ASK_EXPLAIN: ("ask_explain", "apology"),
    Situation.ASK_COMPENSATION: ("ask_compensation", "apology"),
    Situation.ASK_REASSURE: ("ask_reassure", "empathy"),
    Situation.ASK_QUESTION: ("ask_question", "answer"),
    Situation.ASK_AFTER: ("asked_after",),
    Situation.SURVEY_QUESTION: ("survey_question",),
    Situation.VOICE_SUGGESTION: ("voice_suggestion",),
    Situation.INSTRUCTION: ("instruction", "answer"),
    Situation.ASK_URGENT: ("ask_urgent", "ask_question"),
    Situation.COMPLAINT_REQUEST: ("complaint_request", "apology"),
    Situation.COMPLAINT: ("apology", "delay", "answer"),
    Situation.ASK: ("answer", "refusal"),
}
# What went wrong, as the mail tells it: the goods themselves (a wrong, broken or faulty item: apologies that
# name the item and promise a better check) or only their coming late (apologies for the wait first; an
# apology for "a different item" to a customer still waiting for theirs is nonsense).
_ITEM_PROBLEM = re.compile(r"違う(?:商品|もの|物|色|サイズ)|異なる|間違(?:った|って)|別の(?:商品|もの)|頼んでいない|"
                           r"注文していない|壊れ|破損|割れ|欠け|傷が|キズ|汚れ|不良|不具合|動かな|故障|へこみ|凹み|"
                           r"ほつれ|穴が|足りな|入っていな|数が合わ")
_LATE = re.compile(r"届か|届いていな|届きませ|来ない|来ません|まだ(?:届|来|発送)|遅れ|遅い|発送されて(?:い|お)ら")


# Groups `sources` adds for what a mail tells, beyond the table above.
MAIL_FITTED_GROUPS: tuple[str, ...] = ("apology_item", "thanks_shared_order")
# Something of ours to make ready in the mail (an order, a booking, a thing made for them): only then does
# 「お役に立てるよう心を込めてご用意いたします」 fit what they told.
_TO_PREPARE = re.compile(r"注文|予約|お願いし(?:たい|ます)|作って(?:いただ|もら|くださ)|ご用意|用意して|取り置き|"
                         r"お届け(?:いただ|くださ|を)|届けて(?:いただ|もら|ほし)|お見積")


def sources(situation: Situation, mail: str = "") -> tuple[str, ...]:
    """The snippet groups for `situation`, in the order offered, fitted to what went wrong in `mail`."""
    groups = SOURCES[situation]
    if "thanks_shared" in groups and (not mail or _TO_PREPARE.search(mail)):
        at = groups.index("thanks_shared") + 1
        groups = (*groups[:at], "thanks_shared_order", *groups[at:])
    if "apology" not in groups:
        return groups
    if _ITEM_PROBLEM.search(mail):
        at = groups.index("apology") + 1
        return (*groups[:at], "apology_item", *groups[at:])
    if _LATE.search(mail) and "delay" in groups:
        return ("delay", *(g for g in groups if g != "delay"))
    return groups


# Older packs (a shop's own) used broader groups; they still reach the situations they meant.
LEGACY_GROUPS: dict[str, frozenset[Situation]] = {
    "health": frozenset({Situation.ALLERGY, Situation.HEALTH_SELF, Situation.HEALTH_FAMILY, Situation.PREGNANCY}),
    "celebration": frozenset({Situation.OWN_CELEBRATION, Situation.CLOSE_CELEBRATION, Situation.PURCHASE_GIFT}),
}

# The customer's word for someone close → how the shop names them.
PERSON_HONORIFIC: dict[str, str] = {
    "妻": "奥様", "家内": "奥様", "嫁": "奥様", "奥さん": "奥様",
    "夫": "ご主人", "主人": "ご主人", "旦那": "ご主人",
    "長女": "ご長女", "次女": "ご次女", "長男": "ご長男", "次男": "ご次男",
    "娘": "お嬢様", "息子": "息子さん", "子供": "お子様", "子ども": "お子様", "子": "お子様",
    "母": "お母様", "父": "お父様", "両親": "ご両親", "母親": "お母様", "父親": "お父様", "義母": "お義母様",
    "義父": "お義父様", "祖母": "おばあ様", "祖父": "おじい様", "孫": "お孫さん",
    "親父": "お父様", "おやじ": "お父様", "お袋": "お母様", "おふくろ": "お母様",
    "赤ちゃん": "赤ちゃん", "赤ん坊": "赤ちゃん",
    "甥っ子": "甥御さん", "姪っ子": "姪御さん", "おばあちゃん": "おばあ様", "おじいちゃん": "おじい様",
    "ばあば": "おばあ様", "じいじ": "おじい様",
    "姉": "お姉様", "兄": "お兄様", "妹": "妹さん", "弟": "弟さん", "家族": "ご家族",
    "友人": "ご友人", "友達": "ご友人", "親友": "ご親友", "同僚": "同僚の方", "同期": "同期の方",
    "上司": "上司の方", "部下": "部下の方", "先輩": "先輩", "後輩": "後輩の方", "姪": "姪御さん",
    "甥": "甥御さん", "叔母": "叔母様", "伯母": "伯母様", "叔父": "叔父様", "伯父": "伯父様",
    # Already respectful in the customer's words.
    "お父様": "お父様", "お母様": "お母様", "奥様": "奥様", "ご主人": "ご主人", "お子様": "お子様",
    "お子さん": "お子様", "娘さん": "お嬢様", "息子さん": "息子さん", "お嬢様": "お嬢様", "旦那さん": "ご主人",
    "お孫さん": "お孫さん", "ご両親": "ご両親", "お義母さん": "お義母様", "お義父さん": "お義父様",
}
_PERSON = "|".join(sorted(PERSON_HONORIFIC, key=len, reverse=True))
# A person word standing alone (not 子 inside 様子/調子, not 母 inside 祖母).
_PERSON_WORD = re.compile(rf"(?<![ァ-ヶ一-龥])(?<!さんの)(?<!様の)(?<!ちゃんの)({_PERSON})(?:たち|"
                          rf"ら)?(?=[のがはもにとを、（(])")

# Not who the clause is about: a time of life (「私自身も子どもの頃に」) or who told them something
# (「娘に叱られました」: the scolding daughter is not the one with the condition).
_NOT_ABOUT = re.compile(r"の(?:頃|ころ|時|とき)|(?:に|から)(?:「[^」]{0,30}」と)?(?:叱|言わ|笑わ|怒ら|注意さ|勧め|"
                        r"すすめ|頼ま|聞か)|"
                        # Whom they care for or go with (「母の介護で膝が痛みます」「母（75）とコンサートに」).
                        r"の(?:介護|看病|世話|付き添い|お見舞い|見舞い|送り迎え)|(?:（[^）]{0,6}）)?と(?!の)")
# People a mail's earlier sentences may be about (family, not a friend or a colleague).
_FAMILY = frozenset(PERSON_HONORIFIC) - {"友人", "友達", "親友", "同僚", "同期", "上司", "部下", "先輩", "後輩", "家族"}
_SELF = re.compile(r"私|わたし|わたくし|自分|僕|ぼく|俺|わし|ワシ|あたし|おれ|オレ")
# A pet, not a person: its age and its illness are no one's health to wish well.
# Breeds say "pet" without 犬 or 猫 (「うちのモモ（トイプードル、12歳）が…関節炎と」): the dog's or the cat's.
_DOG_BREEDS = ("トイプードル", "プードル", "チワワ", "ダックス", "ポメラニアン", "マルチーズ", "シーズー",
               "ヨークシャー", "ヨーキー", "パグ", "コーギー", "レトリバー", "ラブラドール", "シュナウザー",
               "ブルドッグ", "ビーグル", "キャバリア", "パピヨン", "ビションフリーゼ", "ボーダーコリー", "豆柴")
_CAT_BREEDS = ("スコティッシュ", "アメショ", "アメリカンショートヘア", "マンチカン", "ラグドール", "ロシアンブルー",
               "ペルシャ猫", "ベンガル", "ノルウェージャン", "メインクーン", "ブリティッシュショートヘア")
_PET = re.compile(r"柴犬|愛犬|愛猫|子犬|子猫|老犬|老猫|(?<![一-龥])犬|(?<![一-龥])猫(?!背|舌|の手|の額)|ワンちゃん|"
                  r"わんちゃん|" + "|".join(_DOG_BREEDS + _CAT_BREEDS) + "|"
                  r"ネコ|インコ|ウサギ|ハムスター|ペット|[0-9０-９一二三四五]匹|(?<![ァ-ヶ])(?:オス|メス)(?![ァ-ヶ])")
_PET_UNWELL = re.compile(r"年を取|歳を取|老い|弱って|食欲|獣医|動物病院|散歩の距離|検査|ご飯を[^。]{0,6}残|食べな|"
                         r"元気がな|吐い|下痢|痩せ|手術|薬")
# No pet of theirs (「犬を飼った経験はない」「飼えない」): nothing to smile at.
_NO_PET = re.compile(r"飼った(?:こと|経験)(?:が|は)?な|飼ったことがありませ|飼っていな|飼えな|飼ったことはありませ")
# A pet seen off (「14年飼った犬を見送ったばかり」): a loss.
_PET_LOSS = re.compile(r"見送っ|見送り|虹の橋|旅立")
# Turning an age (「祖父が九十歳になるので」): a birthday of someone close.
_AGE_TURNING = re.compile(r"[0-9０-９一二三四五六七八九十百]+歳(?:の誕生日を迎え|になる|になり|を迎え)")
# Told as past and over (「去年、夫が手術をして」「寝込んだときのことも」), not a condition now.
_PAST_TOLD = re.compile(r"去年|昨年|以前|当初|あのとき|あの時|あの頃|(?:こと|時期)(?:も|が)ありました|"
                        r"[0-9０-９一二三四五六七八九十数]+年前|当時|(?:た|だ)(?:とき|時|頃|"
                        r"ころ)(?:のこと|に|は|も)|"
                        r"若い頃|若いころ")
_STILL = re.compile(r"今も|今は|現在|まだ|以来|続いて|ずっと|今でも|いまだ|治らな|残っ|残り|これから|来週|来月|麻痺|"
                    r"後遺症|車椅子|車いす")
_PAST_EPISODE = re.compile(r"痛み(?:で|が)|痛くて|転んで|転倒|風邪|寝込|手術|入院|熱を出|発熱|けが|怪我|ケガ|骨折|"
                           r"骨を折|捻挫|"
                           r"ぎっくり|インフルエンザ|"
                           r"コロナ|"
                           r"体調を崩")
# A loss long ago (「父が亡くなって十年」): the late one is remembered, no fresh condolence.
# Five years and more (「亡くなって二年になります」 is still a loss to offer condolence for).
_LONG_AGO_LOSS = re.compile(r"(?:七|十三|十七|二十三|二十七|三十三|五十|[1-9][0-9]|[7７]|1[37]|１[３７])回忌|"
                            r"亡くな(?:って|り)(?:から)?(?:の)?(?:もう)?(?:[5-9５-９]|[1-9１-９][0-9０-９]|[五六七八九]|"
                            r"[一二三四五六七八九]?十)[^年]{0,2}年|"
                            r"(?:[5-9５-９]|[1-9１-９][0-9０-９]|[五六七八九]|"
                            r"[一二三四五六七八九]?十)[^年]{0,2}年前[^。]{0,12}亡くな")
# Who they are (「先週お世話になった高田です」「担任の森田と申します」): thanked for writing.
_INTRO = re.compile(r"と申します(?:$|\s)|と申す者(?:です|でございます)|の者です|(?:あの|その)客です(?:$|\s)|"
                    r"(?:いただいた|いただいている|になっていた|してる|している|していた|てる)、?"
                    r"(?:[一-龥]{1,4}|[ァ-ヶー]{2,6})です(?:$|\s)|"
                    r"^(?:妻|夫|母親|父親|母|父)の[^。、]{1,6}です(?:$|\s)|の(?:母|父|祖母|祖父)です(?:$|\s)|"
                    r"(?:お世話にな(?:った|っている|っております)|利用(?:した|している)|購入した|注文した|受け取った|"
                    r"予約(?:した|している)|会員の|入居者|伺っている|通っている)[^。]{0,16}?です(?:$|\s)")
# Glad news of their own or their family's (「娘は大喜びで」「とうとう人前で弾きました」).
_GOOD_NEWS = re.compile(r"大喜び|喜んで(?:い|お|くれ|ま|る)|(?:大変|とても|すごく|本当に)喜び|お気に入り(?:らしい|です|"
                        r"の様子|みたい)|うれしそう|嬉しそう|楽しそう|気に入って(?:[、いくもし])|とうとう|"
                        r"ついに|できるようになり|(?:褒め|ほめ)られ|好評|上手にな|うれしくな(?:り|っ)|嬉しくな(?:り|"
                        r"っ)")
# Life news told as news (a move, a transfer, a retirement, a child leaving home), not as the background of
# a life (「夫は単身赴任で名古屋におります」「子どもたちは独立していますし」): it is settled or it is coming.
_MOVE = r"転勤|転居|引っ越|引越|移住|上京|転校|異動|(?<!単身)赴任(?!先)"
_LIFE_CHANGE = _MOVE + (r"|(?:職場|会社|仕事|勤め)を辞め|(?<!早期)退職|定年|退官|リタイア|転職|巣立|家を出|"
                         r"一人暮らしを始め|独り暮らしを始め|進学|留学")
_LIFE_NEWS = re.compile(_LIFE_CHANGE)
_NEWS_NOW = re.compile(r"ことにな(?:り|っ)|決まり|決まっ|決めました|予定|来月|来春|来年|今月(?:末|いっぱい)|月末|"
                       r"春から|[0-9０-９一二三四五六七八九十]+月(?:から|に|末|いっぱい|で)|(?:し|始め)ます|する(?:ので|ため|こと)|"
                       r"いたします|しました|始めました|迎えました|迎えます")
_LIFE_NOUNS: tuple[tuple[str, str], ...] = (
    (r"転勤|異動", "ご転勤"), (r"赴任", "ご赴任"), (r"転居|引っ越|引越", "お引っ越し"), (r"移住", "ご移住"),
    (r"上京", "ご上京"),
    (r"転校", "ご転校"), (r"定年退職", "ご定年退職"), (r"定年", "ご定年"),
    (r"(?<!早期)退職|退官|リタイア|(?:職場|会社|仕事|勤め)を辞め", "ご退職"),
    (r"転職", "ご転職"),
    (r"巣立|家を出|一人暮らしを始め|独り暮らしを始め", "新生活"), (r"進学", "ご進学"), (r"留学", "ご留学"),
)
# They will miss us (「こちらのパンが食べられなくなるのが本当に寂しいです」「焙じる香りが遠くなるのは寂しい」).
_MISS_SHOP = re.compile(r"(?:寂し|さみし|淋し|さびし|名残惜し|心残り|残念)")
# They look forward to what we make or hold (「またコーチのレッスンを受けられるのを楽しみにしています」).
_LOOK_FORWARD = re.compile(r"楽しみに(?:して(?:い|お)|待って|しており)|楽しみでなりませ|待ち遠し|心待ちに")
# What they look forward to is ours (a lesson, a visit, a delivery), not their own hobby or a grandchild's visit.
# Not a time alone (「来年の春に二人で桜を見に行くのを楽しみに」 is their own outing).
_FROM_US = re.compile(r"こちら|お店|御社|貴店|皆さん|皆様|先生|コーチ|スタッフ|レッスン|教室|お会い|伺う|伺える|"
                      r"届く|届き|"
                      r"仕上がり|完成|発表会|演奏会|公演|当日|毎月|新作|お便り")
# Family together and glad (「家族みな揃って賑やかな食卓となりました」「孫たちも集まって」).
_GATHERING = re.compile(r"(?:家族|皆|みな|みんな|親戚|一同|孫たち|子どもたち|子供たち|兄弟)[^。]{0,8}(?:揃って|"
                        r"そろって|"
                        r"集まって|集まり|顔をそろえ|顔を揃え)|賑やかな|にぎやかな|団らん|団欒|食卓を囲")
# A memorial service (法事, 一周忌) told with what they book or order for it.
_MEMORIAL = re.compile(r"法事|法要|[一三七]周忌|一周忌|[0-9０-９一二三四五六七八九十]+回忌|四十九日|納骨|偲ぶ会|"
                       r"お別れ会|"
                       r"初盆|新盆")
_MEMORIAL_NOUNS: tuple[tuple[str, str], ...] = (
    (r"四十九日", "四十九日のご法要"), (r"一周忌", "一周忌"), (r"三回忌", "三回忌"), (r"七回忌", "七回忌"),
    (r"十三回忌", "十三回忌"), (r"十七回忌", "十七回忌"), (r"三十三回忌", "三十三回忌"), (r"初盆|新盆", "初盆"),
    (r"納骨", "ご納骨"), (r"偲ぶ会|お別れ会", "お別れの会"), (r"法事|法要", "ご法要"),
)
# A gathering of theirs we host or cater for (a meal, a room, flowers), not a thing we make (位牌, a tent site).
_BOOKED = re.compile(r"会食|お食事|お料理|仕出し|お弁当|お膳|献立|精進落とし|お供え|供花|人数|名様|"
                     r"[0-9０-９一二三四五六七八九十]+名(?:で|様|分|の)|[0-9０-９一二三四五六七八九十]+人分|お席|会場|お部屋")
# Tears and a full heart (「客席で涙が止まりませんでした」「ずっと鼻をすすっていました」): the feeling received.
_FEELINGS = re.compile(r"涙|泣い|泣き|鼻をすす|目元を(?:拭|ぬぐ)|目頭|胸がいっぱい|胸が詰ま|言葉になら|言葉が出な|"
                       r"感極ま|"
                       r"顔を見合わせ|胸にこみ上げ|こみ上げ")
# Nervous before their big day (「緊張して今から手汗がすごいです」).
_NERVES = re.compile(r"緊張して|緊張しま|緊張で|ドキドキ|どきどき|手汗|そわそわ|ソワソワ")
# An event still ahead, told with it (「来年の発表会」「今度の」「決まりました」).
_AHEAD = re.compile(r"来週|来月|来年|今度|次の|次回|今週|週末|明日|明後日|予定|控え|決まり|決まっ|[0-9０-９]+日(?:に|"
                    r"の)|"
                    r"(?:たい|つもり)(?:です|と思って|と考えて)?[^。]{0,6}$")

# They will come again or order again.
_NEXT_VISIT = re.compile(r"また[^。]{0,12}(?:寄らせ|伺い|伺わ|来ます|来たい|来られ|来れ|行きます|行きたい|利用させ|"
                         r"利用し(?:ます|たい)|お願いし(?:ます|たい)|注文し(?:ます|たい)|買いに)|"
                         r"もう一度[^。]{0,8}(?:来ます|来たい|伺|行きます|利用|泊ま)|"
                         r"次(?:回|は)[^。]{0,16}(?:こちらで|お願いし|選ぼう|利用|伺)|必ず寄らせ|来年もお願い")
# They plan to come (a first visit, a booth at a fair, the office): awaited, never "again". Not one already made
# (伺いました, 行ったとき) nor a wish to come some day (いつか行ってみたい: a hope, no plan).
_VISIT_PLAN = re.compile(r"(?:お店|店舗|店頭|御社|貴社|ブース|工房|教室|会場|サロン|ショールーム|事務所|そちら|"
                         r"御店|貴店)"
                         r"[^。]{0,8}[にへ](?:直接)?(?:伺|参り|参る|お邪魔|行く|行き(?:ます|たい)|来店|訪問)"
                         r"(?![^。]{0,6}(?:ました|た時|たとき|たら))")
_VISIT_AHEAD = re.compile(r"予定|つもり|ます|たい|と思|来週|来月|今度|明日|[0-9０-９]+日")
# Whether an order of that kind is taken at all (「ホールケーキの注文はできますか」): yes or no, not "received".
_CAN_ORDER = re.compile(r"でき(?:ます|ません|る)|可能|承って|受け付けて|受付して|頼め|お願いでき|やって(?:います|ます)")

# They will keep and use what we made or sold.
# Liked and used every day by the writer (「気に入って毎週着てます」); a grandchild's delight is their news.
_LIKED_IN_USE = re.compile(r"気に入って[^。]{0,8}(?:毎日|毎週|毎朝|いつも|ずっと|何度も)"
                           r"[^。]{0,6}(?:着|使|履|飲|弾|乗)")
_CHERISH = re.compile(r"(?:これからも|大事に|大切に|長く)[^。]{0,12}(?:使い|使わ|使って|弾き|弾いて|着(?:ます|させ)|"
                      r"履き|"
                      r"飾り|飾って|乗り|育て|愛用)")
# A letter, a drawing or a photo they send or attach.
_SENT = re.compile(r"(手紙|てがみ|絵|写真|しゃしん|イラスト|作品|動画|(?<![商製作部景返])品)(?:を|は|"
                   r"も)?[^。]{0,24}?(?:添付|同封|送ります|"
                   r"送りします|"
                   r"おくります|送らせ|書いて|描いて|かいて|お送りいたし|送りいたし)")
# What our staff did for them (「仲居の皆さんが交代で車椅子を押してくださり」): thanks, even amid health.
_STAFF_DID = re.compile(r"(?:皆さん|皆様|みなさん|スタッフ|店員|店長|女将|先生|係の|方|さん)(?:が|も|たちが)[^。]{0,40}"
                        r"(?:くださ(?:り|った|いまし)|してくれ(?:た|まし))")
# A closing courtesy: their care for us, thanked for.
_COURTESY = re.compile(r"お(?:体|身体|からだ)に(?:お)?気をつけ|お(?:体|身体)を大切に|ご自愛|(?<![がはも])お元気で(?:ね|"
                       r"いて|"
                       r"お過ごし|！|!|$|\s)|風邪など|"
                       r"体調を崩されませんよう|ご健勝|ご発展|お祈り申し上げ|がんばってね|頑張ってね|"
                       r"がんばってください|"
                       r"頑張ってください|無理しないで|応援しています|応援してます")
# A mail that is a questionnaire or a customer-voice comment (its first lines say so, or Q/A lines).
# Not 「ご回答ありがとうございます」 (a reply to our answer).
_VOICE_HEAD = re.compile(r"アンケート|お客様の声|ご意見|ご要望|コメントカード|ご感想|感想(?:を|】|\]|:|：)|"
                         r"改善してほしい|意見箱|ごいけんばこ")
_SURVEY_LINE = re.compile(r"^\s*[QＱ][0-9０-９]*\s*[.．:：、)]", re.M)
_ANSWER_MARK = re.compile(r"^\s*(?:[AＡ][0-9０-９]*\s*[.．:：、)]|→)\s*")
_VOICE_BAD = re.compile(r"不便|不満|残念|困る|困っ|にくい|づらい|しおれ|傷ま|傷ん|遅い|遅れ|間に合わな|高い|狭い|汚れ|"
                        r"汚い|"
                        r"うるさ|分かりにく|わかりにく|ほしかった|欲しかった|恥ずかし|もう少し|足りな|待たされ|混んで")
_VOICE_GOOD = re.compile(r"生まれ変わ|毎日(?:着|使|履)|おいし|美味し|うまい|きれい|綺麗|最高|満足|分かりやす|"
                         r"わかりやす|豊富|優し|やさし|親切|丁寧|"
                         r"嬉し|"
                         r"うれし|よかった|良かった|感動|ありがと|助か|甘い|甘く|楽しみ|楽し|広くて|やすい|気に入")
_VOICE_ASKS = re.compile(r"教えて|知りたい|ますか|ですか|でしょうか")
# They ask how we are (「畑のほうはいかがですか」「お元気ですか」).
_ASK_AFTER = re.compile(r"(?:畑|お店|皆さん|皆様|みなさん|そちら|スタッフ)[^。]{0,10}(?:いかが(?:です|でしょう|"
                        r"お過ごし)|お元気|"
                        r"お変わりな|変わりありません)|お元気ですか|お変わりありませんか|元気にしてますか")
# A request to let them know (「終わったら一報いただけますか」): granted, not "checked".
_CONTACT_ME = re.compile(r"(?:一報|ご?連絡|お?電話|メール)(?:を)?(?:いただけ|もらえ|ください)")
# Business hours and days are a question of fact, not a delivery.
_HOURS = re.compile(r"開いて(?:おられ|い|ます)|営業(?:時間|日|して)|定休|何時まで|何時から")
# A schedule asked about (「見学会は来年も開催される予定は」) is no stock question.
_SCHEDULE = re.compile(r"予定|開催|見学|体験|教室|説明会|イベント")
_REQUEST_FORM = re.compile(r"(?:いただけ|いただけ|もらえ|くださ|頂け)(?:ます|ません|ない)(?:でしょう)?か")
_ALLERGY_CAUSE = re.compile(r"アレルギーの原因|アレルギーにな(?:る|ら)")
# A mail written by a child: mostly kana, no adult's self-introduction.
_ADULT = re.compile(r"の(?:母|父|祖母|祖父|おばあちゃん|おじいちゃん|ママ|パパ)です|と申します|いたします|担当|御中")

# A birth now, not 「生まれて初めて」「孫が生まれてすぐのことでした」 (a life told, long ago).
_BORN = (r"生まれ(?!変わ|た(?:娘|息子|子|孫|長男|長女|次男|次女)|"
         r"て[^。]{0,8}(?:とき|時|頃|ころ)|る予定|て初めて|てはじめて|てすぐ|た(?:時|とき|頃|ころ|年)|育|"
         r"つき|故郷)|"
         r"誕生(?!日)|出産(?!予定|翌|直後|前)")
# Marrying long ago (「結婚したときに」「結婚のときに実家から」) is no news to congratulate.
_PAST_WEDDING = re.compile(r"結婚(?:した|の|する)(?:とき|時|頃|ころ|際)|結婚して(?:から|以来)|結婚当初|結婚前|"
                           r"結婚して[0-9０-９一二三四五六七八九十数]+年(?!目)|結婚して(?:初めて|はじめて)")
# Life events → the respectful noun a congratulation takes.
_EVENTS: tuple[tuple[str, str], ...] = (
    (_BORN, "ご誕生"),
    (r"結婚(?:記念日|\d+周年|[0-9０-９一二三四五六七八九十]+年(?:目|の節目)?)", "結婚記念日"),
    (r"婚約", "ご婚約"),
    (r"結婚", "ご結婚"),
    (r"誕生日|バースデー", "お誕生日"),
    (r"入学", "ご入学"),
    (r"卒業", "ご卒業"),
    (r"(?:就職|入社)(?!して|後|以来|当初)", "ご就職"),
    # Not a pass mark or the page of those who passed (「合格ライン」「合格者の声」).
    (r"合格(?!ライン|点|者|基準|圏|率|ラ|でき(?:る|な)|したい|すれば|を目指)", "ご合格"),
    (r"昇進|昇格", "ご昇進"),
    (r"還暦", "還暦"),
    (r"古希|古稀", "古希"),
    (r"喜寿", "喜寿"),
    (r"米寿", "米寿"),
    (r"金婚式|金婚", "金婚式"),
    (r"銀婚式|銀婚", "銀婚式"),
    (r"(?<!未)成人(?!向け|用|クラス|コース|フリー|の方|男性|女性|病|会員|料金|後|して)", "ご成人"),
    (r"七五三", "七五三"),
    (r"新築", "ご新築"),
    # Not the shop's opening hour or year they came since (「開店と同時に」「オープンした年から通って」).
    (r"開店(?!と同時|時間|前|直後|から|まで|と共に|した年|当初|以来)|開業(?!した年|当初|以来|から|して)|"
     r"オープン(?!と同時|時間|前|した年|当初|以来)", "ご開業"),
    (r"\d+周年|[一二三四五六七八九十]+周年", "周年"),
    (r"記念日", "記念日"),
)
_ANNIVERSARY = re.compile(r"結婚\s*([0-9０-９一二三四五六七八九十]+)\s*(年目|周年|年)")
_JUBILEE = re.compile(r"(創立|創業|開業|設立)?\s*([0-9０-９一二三四五六七八九十]+周年)")
_CELEBRATION = re.compile("|".join(p for p, _ in _EVENTS))
# Being a guest at someone's ceremony is an event to dress for, not theirs to congratulate.
_ATTENDING = re.compile(r"(結婚式|披露宴|二次会|式典|卒業式|入学式|発表会|演奏会)(?:に|へ|の)?.{0,12}"
                        r"(出席|参列|お呼ばれ|着て|着る|着たい|招待|行く|行き|参加)|お呼ばれ")
# An event told as past or as a travel agent's name, not one they prepare for.
_PAST_EVENT = re.compile(r"旅行会社|旅行代理店|(?:旅行|式|会)でも、と|が終わ(?:って|り|った)|(?:旅行|会)に行(?:き|"
                         r"っ)|の後|のあと|以来|程度|"
                         # Heard or lived already (「演奏会を聴かせていただきました」「子どもの頃の発表会で」).
                         r"聴かせていただ|聴きに行っ|聴きました|観ました|見てきました|行ってきました|でした(?:$|\s)|"
                         r"(?:頃|ころ)の|ことがあり|覚えのな|覚えはな|日に[^。]{0,20}(?:選んだ|買った|撮った|着た|もらった)")
_EVENT_WORD = re.compile(
    r"(結婚式|披露宴|二次会|パーティー|パーティ|式典|卒業式|入学式|入園式|卒園式|七五三|成人式|発表会|演奏会|"
    r"コンサート|同窓会|食事会|お茶会|歓迎会|送別会|旅行|運動会|お宮参り|顔合わせ|結納|法事|お葬式|葬儀|"
    # Theirs at work or in town, with a date (「来週の展示会で配布するノベルティ」), and a proposal.
    r"展示会|見本市|商談会|セミナー|学会|総会|研修会|講演会|文化祭|学園祭|お祭り|夏祭り|バザー|マルシェ|展覧会|個展|"
    r"プロポーズ|"
    r"面接|試合|大会|イベント|クリスマス会|誕生日会|お誕生日会)")
_GIFT = re.compile(r"贈り物|贈りたい|引き出物|プチギフト|記念品|贈る|贈ろう|プレゼント|ギフト|お祝いに|お祝いとして|"
                   r"手土産|お土産|お返し|"
                   r"渡したい|渡す|(?<![てで])あげたい|内祝い|お歳暮|お中元|母の日|父の日|敬老の日")
# A gift already given (「手土産のどら焼きを持って説明しに行きました」) is their story, not a purchase.
_GIFT_GIVEN = re.compile(r"持って[^。]{0,12}(?:行きました|いきました|伺いました|行ってきま|いってきま)|渡しました|"
                         r"贈りました|差し上げました|あげました")
_SELF_PURCHASE = re.compile(r"自分用|自分へのご褒美|自分で使|自分のため|普段使い|私用に|仕事用|通勤用|自宅用")
_ALLERGY = re.compile(r"アレルギ|アトピー|敏感肌|乾燥肌|肌が弱|体質|乳糖不耐|グルテン|食物制限|"
                      r"(?:卵|小麦|乳|そば|ナッツ|えび|かに|落花生)(?:が|を)?(?:食べられ|だめ|ダメ|NG)")
# The body broadly, not a disease list only: pain, numbness, sleep, a condition of theirs or a child's.
# A burn, not 関西弁's 〜やけど (「買うた財布やけど、ファスナーが…」 = だけど): a conjunction ends a clause.
_BURN = r"(?<![なんだたへ])(?<![一-龥ァ-ヶー])やけど(?![、,。！!？?…ね〜]|$)"
_BODY = (r"(?:痛(?:い|く|み|む|め)(?!出費|手|なりませ|ならな|なかっ|はな|もな|ないか|ないよう)|しびれ|痺れ|"
         r"眠れ(?:な|ず|ま|てい?な)|"
         r"寝不足|不眠|熱を出|発熱|高熱|倒れ|"
         r"[一-龥]{1,4}(?:病(?!院|室|棟)|症(?!状)|炎)|うつ病|(?:[胃肺肝腸]|乳|膵臓|子宮|前立腺)がん|癌|黄疸|NICU|ICU|"
         r"生まれつき|外反母趾|[扁偏]平足|腫瘍|梗塞|麻痺|まひ|喘息|ぜんそく|血圧|糖尿|透析|"
         r"要介護|車椅子|車いす|認知|視力|目[がもは][^、。]{0,4}(?:かす|見え|弱|悪)|耳[がもは][^、。]{0,3}(?:遠|"
         r"聞こえ)|難聴|療法|(?:におい|匂い|臭い)に弱|"
         r"奥歯|ニキビ|にきび|湿疹|発疹|かゆみ|痒み|腫れ|脱毛|抜け毛|髪が抜け|抗がん剤|点滴|注射|診断|"
         r"股関節|関節|手首|足首|足が不自由|転んで|転倒|" + _BURN + r"|火傷|"
         r"胸が苦し|息苦し|吐き気|めまい|立ちくらみ|下痢|体を壊|体調を崩|顔色)")
# In a complaint, what hurts now (pain, no sleep, unwell) is harm to apologise for; a condition they live
# with (持病, 要介護, an operation years ago) is told for us to take care, and gets concern instead.
_ACUTE = re.compile(r"痛(?:い|く|み|む|め)(?!出費|手)|しびれ|痺れ|眠れ(?:な|ず|ま)|寝不足|体調を崩|具合が悪|気分が悪|"
                    r"胸が苦し|息苦し|吐き|下痢|腫れ|かゆ|湿疹|発疹|かぶれ|(?<![だ])けが|怪我|ケガ|"
                    + _BURN + r"|火傷|転倒|"
                    r"転んで|顔色|倒れ|めまい|熱が|熱を出|発熱")
_ILLNESS = re.compile(r"入院|手術|(?:怪我|(?<![だ])けが|ケガ)(?!は(?:しませ|な|あり)|もな|一つな|ひとつな)|骨折|骨を折|"
                      r"病気|体調|療養|通院|腰痛|ぎっくり|捻挫|妊娠|"
                      r"つわり|"
                      r"風邪|インフルエンザ|コロナ|熱が|リハビリ|治療(?!台)|闘病|寝込|(?<![きりみ])具合|持病|"
                      # Found at a check-up, told by a doctor (「検査で肺に影が見つかりました」).
                      r"影が見つか|精密検査|再検査|余命|お医者さんから|医師から|主治医|" + _BODY)
_PREGNANT = re.compile(r"妊娠|妊婦|つわり|出産予定|臨月|産休|身重|お腹に赤ちゃん|おなかに赤ちゃん")
# Not 無事に alone: 無事に届きました, 無事に編み上げました are no recovery (無事に退院 has 退院).
# Said as done (「退院しました」), not ahead (「退院の日は」) nor denied (「良くなりません」).
# Good news about a condition (「低下は止まっていると伺い、胸をなでおろしました」).
_RELIEVED = re.compile(r"取り越し苦労|杞憂|幸い|大事に至らず|ほとんどなく|胸をなでおろ|ほっとし|ホッとし|安心しました|"
                       r"落ち着いてきました|"
                       r"止まっている|安定して")
_RECOVERED = re.compile(r"退院(?:し(?:まし)?た(?!ら)|して|し(?=[、。])|でき|すること)|回復(?:し|いたし)|快復し|"
                        r"元気にな(?:りまし|っ)た|"
                        r"(?:良|よ)くな(?:りまし|っ)た|治(?:りまし|っ)た|完治")
_MEASURE = re.compile(r"身長|体重|(?:背|足|体|胸|腰|肩|腕|頭|首|私|着).{0,8}\d+\s*(?:cm|ｃｍ|センチ|kg|ｋｇ|キロ)|"
                      r"\d+\s*号(?![室館棟線車機店地])|サイズは|足のサイズ|ウエスト|"
                      r"バスト|ヒップ|胸囲|肩幅|股下|裄丈|靴のサイズ|[SML]サイズを着")
# A first order or first contact with the shop, not 「生まれて初めて」「最初の四小節」「湯治場は初めてで」.
_FIRST = re.compile(r"(?:初めて|はじめて)(?:の|で|に)?[^、。]{0,8}?(?:連絡|メール|注文|利用|購入|お願い|伺|問い合わせ|"
                    r"通販|お店|来店|予約|買|お買い物|受診|入会|申し込|申込)|初回|はじめまして|初めまして|"
                    r"初の(?:ご?注文|通販)")
_REGULAR = re.compile(r"いつも(?:利用|購入|お世話|買|注文|拝見|楽しみ)|"
                      # Years of coming (「十五年ほど、毎月のように…買いに伺っています」).
                      r"(?:[0-9０-９]+|[一二三四五六七八九十]+)年(?:ほど|以上|近く|来|間)?[、,]?[^。]{0,24}"
                      r"(?:伺って|通って|利用して|買って|お世話にな)|いつも[^。]{0,12}がお世話にな|以前も|"
                      r"前回(?![^。]{0,4}(?:知人|友人|別の|他の|よそ|他社))|"
                      r"リピート|愛用|昨年も|"
                      r"長年(?:利用|愛用|お世話|通|ご愛顧|使)|何度も(?:利用|購入|注文|お世話|伺|通|来|泊)|また利用|"
                      r"昨年と同じ|去年と同じ|(?:こちら|御社|貴|お店|当)[^。]{0,16}通って(?:お|い)|"
                      r"度目の(?:滞在|利用|ご利用|来店|宿泊)|常連")
# Looking back (「あの時も」「思い返すと」): a memory told, not an event to congratulate now.
_MEMORY = re.compile(r"思い出|思い返|覚えて|当時|あの時|あの頃|小さい頃|若い頃|昔は|以前お店|子どもの頃|子供の頃|"
                     r"こどもの頃")
# A gift for the guests of a ceremony (「結婚式の引き出物」「顔合わせの手土産」) is about the gift, still.
_CEREMONY_ONLY = re.compile(r"引き出物|手土産|お土産|プチギフト|内祝い|お返し|記念品")
_CEREMONY = re.compile(r"(?:卒業|入学|入園|卒園|成人|結婚)式")
_OWN_CEREMONY = re.compile(r"挙げ|挙式|私たちの|私の|自分の")

_WORRY_DELIVERY = re.compile(r"届く|届か|届け|発送|到着|配送|郵送|戻ってく|仕上が|納期|納品")
# In time or late alone is a delivery worry only for goods, and not for their own task (「締め切りに間に合わなく
# なったら」「練習しないと間に合いそうに」), a wait at a clinic (「手遅れになったら」) or a booking
# (「予約で埋まって」).
_WORRY_IN_TIME = re.compile(r"間に合|(?<!手)遅れ|当日まで|受け取")
_OWN_TASK = re.compile(r"締め切り|締切|試験|練習|準備|勉強|片付け|申告|決算|仕事|手遅れ|予約")
# What our goods are made of or how they are made: the worry_health snippets explain that, nothing else
# (a child's skin under a doctor's treatment is a worry to share, not a question of our kitchen).
_PRODUCT_SAFETY = re.compile(r"アレルギ|混ざ|混入|原材料|添加物|厨房|器具|卵|小麦|乳|食べ|成分|化粧|製品|商品|使って|"
                             r"肌に合|素材|洗剤|安全")
_WORRY_HEALTH = re.compile(r"アレルギ|混ざ|混入|症状|肌|体に|安全|原材料|添加物|厨房|器具|卵|小麦|乳")
# Fit of clothes or shoes, not any 「大きく」「合わない」 (「大きくなってから見てつらい思いを」).
_WORRY_FIT = re.compile(r"サイズ|\d+号|似合|体型|きつ|ぶかぶか|(?<!大)丈|着られ|着た|(?<![にへ])入る|浮か|"
                        r"派手|地味|"
                        r"(?:サイズ|丈|靴|服|ドレス|足|袖|肩|胸|ウエスト)(?:が|は|に)?(?:合|大き|小さ)")

_COMPLAINT = re.compile(r"(?<!の)と違う(?![？?]|\s*$)|と違い|と違っ|違うようです|届かない|届いていない|"
                        r"届いておりません|まだ届|"
                        r"違う商品|違うもの|間違|破損|壊れ|割れ|"
                        r"傷が|キズ|汚れ|不良|欠け|足りな|不足|ほつれ|穴が|動かな")
_CHANGE = re.compile(r"(?:終わり|終了)に(?:して|させ|した)|交換|返品|キャンセル|変更|修正|返金|取り消|取消|訂正|解約|"
                     r"止めて|停止|[にへ]変えて|"
                     r"変えられ|変えていただ|変えてもら|早めたい|早められ|ずらし")
_ORDER = re.compile(r"予約(?!なし|不要)|注文|作っていただ|作って(?:ください|もらえ)|ご用意いただ|用意して|"
                    r"お取り置き|取り置き|"
                    r"名入れ|のし|ラッピング|包装|メッセージ|プレート|見繕っ|ギフト用|箱に入れ|包んで|熨斗")
_ORDER_WEAK = re.compile(r"お願いしたい|お願いします|お願いいたします|いただきたい")
_PICKUP = re.compile(r"店頭|受け取りに行|取りに伺|取りに行|引き取り|来店|お店で受け取")
_STOCK = re.compile(r"在庫|入荷|取り扱い|取扱|お取り扱い|販売され|売り切れ|再販|再入荷|まだあり|ありますか|"
                    r"ございますか|新作")
_DELIVERY = re.compile(r"届|発送|配送|お届け|受け取|受取|到着|間に合|日時指定|配達|送って|お送り|店頭|"
                       r"\d+日まで|いつ頃|何日")
_SIZE = re.compile(r"サイズ|(?<!大)丈|\d+号(?![室館棟線車機店地])|寸法|着丈|大きさ|幅|長さ|\d+\s*cm|採寸|ゆったり|"
                   r"きつ|フィット|身幅")
_MATERIAL = re.compile(r"素材|原材料|材料|成分|製造|アレルギ|卵|小麦|乳製品|洗濯|お手入れ|手入れ|生地|ウール|"
                       r"綿|シルク|産地|添加物|賞味期限|消費期限|保存|輪針|棒針|光沢|透け|厨房|製法|作り方")
_PRICE = re.compile(r"キャンセル料|手数料|違約金|解約料|料金|価格|金額|送料|費用|いくら|値段|代金|お支払|支払|見積")

# What a date, a deadline or a time looks like in a customer's mail.
_DATE = re.compile(
    r"(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日"
    r"(?:[（(][月火水木金土日][)）])?|[0-9０-９]{1,2}日(?:[（(][月火水木金土日][)）])?|"
    r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:上旬|中旬|下旬|末|中|初め)|"
    r"[月火水木金土日]曜日?|今週中|今週末|来週|週末|今月中|月末|年内|年末|"
    r"(?:今度の)?(?:連休|お盆|年末年始|ゴールデンウィーク|GW)|午前中|夕方|午後)"
    r"(?:の(?:夕方|午前中|午後|夜|朝|昼))?(?:前|中|まで)?"
)
# Topics the analyser gives that make no phrase (too vague alone, or a verb's dictionary form).
_VAGUE = {
    "一緒", "時間", "お願い", "思う", "知る", "図", "目", "家", "週", "いつも", "久しぶり", "代わり", "言う",
    "方", "事", "こと", "もの", "物", "時", "頃", "今", "前", "後", "次", "それ", "これ", "あれ", "とき", "件",
    "詳細", "両方", "予定", "たび", "役", "今度", "自分", "私", "うち", "本人", "普段", "最近", "先日", "以前",
    "連絡", "お知らせ", "確認", "返信", "お手数", "手数", "大丈夫", "楽しむ", "分ける", "教える", "わかる",
    "意見", "おすすめ", "アドバイス", "相談", "お店", "店", "当店", "貴店", "そちら", "可能", "場合",
    "必要", "以下", "状況", "機会", "様子",
}
_VERBISH = re.compile(r"[ぁ-ん]*[一-龥ァ-ヶ][ぁ-ん]*[うくぐすつぬぶむるいた]$")


# The mail's tone decides the register: a complaint or a hurt report gets acknowledgement and apology,
# never warm gladness, a regular's thanks or "arranged at once". A strong sign and another, or three weak
# ones outnumbering the thanks, make a complaint: a warm letter that once says 悔しい or 三回目 is none.
# One of these alone says the customer complains of us (「納得がいきません」「補償してください」).
_GRIEVANCE_DECISIVE = re.compile(
    r"納得(?:が|の)?い(?:か|き)|納得でき(?:な|ま)|憤|不誠実|誠意(?:が|ある|のな|の感じ)|クレーム|不信感|謝罪|"
    # Not a cost they fear (「下の階に漏れたら弁償になるのでは」).
    r"(?:弁償|補償|賠償)(?!になる|になら|しなければ|することにな)|慰謝料|あんまり(?:では|です)|"
    r"(?:解約|キャンセル|返品|注文|申請)(?:した|して|済みの)はず|あり得な|ありえな|信じられな(?!い(?:ような|くらい|ほど|気持ち))|"
    r"おかしいのでは|いかがなものか|"
    r"説明を間違|手違い|違う商品|注文(?:した[^。]{0,8})?と違う|違うもの(?:が|を)(?:入|届|送)|不良品|"
    r"かえって[^。]{0,12}(?:痛|悪|ひど)|痛みが(?:強|増|ひど)|"
    r"何も(?:して|対応)(?:くださ|もらえ|いただけ)な|対応に(?:不満|疑問)|一点張り|考えざるを得(?:な|ま)|今後の対策|"
    # Not anger they own up to at someone else's words (「ちょっと腹が立ってしまう自分がいます」).
    r"信用しろ|信用でき(?:な|ま)|やり方なのですか|やり方ですか|露骨に|嫌な顔を|(?:社|会社|御社)としての見解|"
    r"差額の返金|減額を|待ちぼうけ|意味があるのでしょうか|間違えたようです|返事もしない|"
    r"再発防止|腹(?:も|が)立(?!ってしまう自分|つ自分)|承っておりません」?と(?:のこと|言われ)|"
    # Our error in the bill, no notice given, asked in disbelief (「二重に引き落とされて」「本気ですか」).
    r"二重に(?:引き落|請求|課金|決済)|何の(?:お知らせ|連絡|ご連絡)も(?:な|あり)|本気ですか|本気でしょうか")
# These need another sign: 「再発」「台無しになったら」 alone can be an illness or a worry.
_GRIEVANCE_STRONG = re.compile(
    r"不快|二度と(?:利用|行|頼|買|来)|再発|直っていな|直らな|破損|台無し|割れて|欠けて|届いていな|まだ届|"
    r"何の説明も(?:な|あり)|(?:あきれ|呆れ)(?!られ)|何も変わ(?:って|ら|り)|改善を(?:お願い|求め)|がっかりしました|がっかりです|外れてしま|"
    r"取れてしま|の一言だけ|一言だけでした|同意なしに|同意もなく|無断で")
_GRIEVANCE_WEAK = re.compile(
    r"苦情|悪化|がっかり|ショックでし|残念でな|残念です|残念でした|悔し|ひどい|酷い|[三3３]回目|[三四五]度も|改善して|"
    r"間違え(?:た|"
    r"られ)|言われただけ|"
    r"眠れませんでした|心残り|体調を崩|騒いで|静かにはならず|責める|困ります|説明(?:が|も)な(?:く|かっ)|"
    r"負担で|負担して|(?:治療費|診察代|病院代|修理代)|"
    # A fault in goods made for a business (「印刷のかすれ」「良品との交換」), said as plainly as B2B mail says it.
    r"かすれ|印刷(?:ミス|不良)|色ムラ|不備|不具合|良品と(?:の)?交換|"
    # Waiting told (「今日で三か月目に入りました」「二回とも」).
    r"[二三四2-4２-４]回とも|(?:か月|ヶ月|カ月)目に入|(?:日|週間|か月|ヶ月)が経(?:ちま|過)|経過しておりますが")
_GRIEVANCE = re.compile(f"{_GRIEVANCE_DECISIVE.pattern}|{_GRIEVANCE_STRONG.pattern}|{_GRIEVANCE_WEAK.pattern}")
# Harm that lasts (「まだ痛みが続いて」), as against a redness that has since settled.
_LASTING = re.compile(r"まだ|続いて|治らな|引かな|消えな|取れな|ひどくな")
# Thanks and joy: a thank-you letter that tells a hard road (「三回目の移植がだめだった」) is still thanks.
_GLAD = re.compile(r"ありがとう|ありがた|嬉し|うれし|おかげさまで|おかげで|楽しみ|感謝|お礼|お世話になりました|"
                   r"幸せ|感激")
# The shop's service or goods left them hurt: worse after a treatment, a meal, a product.
_HARMED = re.compile(r"(?:施術|治療|マッサージ|整体|カット|パーマ|カラー|脱毛|エステ|食べ|飲ん|使っ|塗っ|使用)"
                     r"[^。]{0,20}(?:あと|後|から)[^。]{0,30}(?:痛|しびれ|痺れ|腫れ|かゆ|赤く|ただれ|かぶれ|湿疹|"
                     r"発疹|下痢|吐|具合|気分が悪)|かえって[^。]{0,12}(?:痛|悪|ひど)")
# Goods the shop sells (as against a visit, a booking, a service): only these get exchange and return wording.
_GOODS = re.compile(r"商品|品物|注文|届い|届き|届か|購入|買っ|買い|発送|配送|在庫|返品|送料|お届け|梱包|箱|袋|"
                    r"サイズ|ケーキ|お菓子|通販|カート|入荷|ラッピング")
# The customer apologising for themselves (「お許しください」「長々と失礼いたしました」).
# Not sorry toward someone else (「入居者様には申し訳なく思っております」).
_OWN_APOLOGY = re.compile(r"お許しくださ|失礼いたしま|失礼しま|申し訳な(?!く思)|申し訳あり|すみません|恐縮|"
                          r"ごめんなさい|"
                          r"乱筆")
# They thank or praise the shop or its staff.
_THANKS_STRONG = re.compile(r"ありがとうございま|お礼を申し|お礼が(?:言|申)|お礼(?:を|まで)|感謝(?:して|いたし|申し)|"
                            r"お世話になりました")
_THANKS_WEAK = re.compile(r"おかげで|くださって|くださった|くださいまして|くださいました|くださり|励みにな|"
                          r"(?:本当に|とても|すごく|一番|いちばん)(?:美味し|おいし)(?:い|かった)です|"
                          r"(?:褒め|ほめ)てくださいます|"
                          r"助かりました|涙が出|"
                          r"胸が熱く|感激|感動|親切|丁寧に(?:し|教え|対応|説明)|申し分な|満足|素晴らしか|よかったです|"
                          r"最高でした|最高です|元どおり|元通り|見違え|別の[^。]{0,6}かと思い|さすが(?:の|です|でした|プロ)")
# Someone of theirs was kind (「お義母さんが…と言ってくださって」): their story, not thanks to us.
_FAMILY_DID = re.compile(r"(?:お義?(?:母|父)さん|お(?:姉|兄)さん|奥さん|旦那さん|"
                         r"(?<![一-龥])(?:夫|妻|主人|娘|息子|母|父|"
                         r"祖母|祖父|義母|義父|両親|友人|友達))(?:が|も|は)[^。]{0,40}(?:くださ|くれ)")
_OUR_SIDE = re.compile(r"先生|スタッフ|皆さん|皆様|店長|店員|係の|担当|受付")
# Someone close has died: condolence, whatever else the sentence tells.
_BEREAVED = re.compile(r"亡くな|亡くし|息を引き取|他界|先立た|逝去|永眠|葬儀|葬式|お通夜|通夜|四十九日|一周忌|三回忌")
_OWN_FUNERAL = re.compile(r"(?:自分|私|わたくし)の(?:葬儀|葬式|お葬式)|生前契約|終活|私が死んだら")
# The late one remembered in passing (「亡き父が建てた家」「仏壇の妻にも」), long after: no fresh condolence.
_REMEMBERED = re.compile(rf"亡き|遺品|遺影|形見|仏壇(?:の(?:{_PERSON})|に(?:手を合わせ|供え|報告|お参り|向か)|の前で)|"
                         r"生きていたら|生きていれば|生きていた(?:頃|ころ|とき)|(?<!の)生前(?!契約|整理|贈与)|"
                         r"お墓参り|墓参り")
# A loss told as the background of a thing they keep (「亡くなった父の形見」「父が亡くなってからは私が使っています」),
# not the news of it: the late one is remembered, no fresh condolence.
_LOSS_BACKGROUND = re.compile(r"形見|遺品|亡くなってから(?:は|も|ずっと)|(?:もう|既に|すでに)亡くなって(?:い|お)|"
                              r"亡くなった[^。]{0,6}が[^。]{0,30}(?:くれた|残した|遺した|使っていた)|"
                              rf"亡くなった(?:{_PERSON})の(?!葬|通夜|お通夜|四十九日|納骨|初盆|新盆)")
# Requests, by what they ask.
_QUESTION = re.compile(r"(?:か|の|かね|かな)[？?]?\s*$|[？?]|のと違う|(?i:\b(?:can|could|is it|do you|are you)\b)|"
                       r"でしょうか|ますか|ですか|ませんか|教えて|お教え|知りたい|"
                       r"伺いたい|お聞かせ|ご教示|かどうか|いかが|可能で|OK|ＯＫ|大丈夫|"
                       # Asked as 〜のか (「どう確かめればよいのかです」「できるのかも伺っておきたい」).
                       r"のか(?:です|も|を|、|\s*$)|伺っておきたい|ご意見を|聞かせてください|か、という(?:こと|お願い)|"
                       # A listed item asked about (「2. 割引の有無」「工事時間の目安（お湯が使えない時間）」).
                       r"(?:の有無|の目安|の可否)(?:（[^）]*）)?\s*$|"
                       # Casual questions without か (「土曜も受け取りできる」「これって洗える」「何時までだっけ」).
                       r"(?:できる|できます|ある|あります|いい|いける|平気|使える|洗える|行ける|間に合う)(?:の|"
                       r"ん)?\s*$|"
                       r"っけ\s*$|かしら\s*$|でしょ\s*$|だろう\s*$|(?:いくら|何時|何日|どこ|いつ|どれ|なんぼ)(?:なん|"
                       r"です)?\s*$")
_REASSURE = re.compile(r"考えすぎ|気にしすぎ|心配しすぎ|神経質|気のせい|大げさ|(?:おかしい|変|失礼|迷惑|非常識|"
                       r"わがまま|"
                       r"贅沢|甘え|無理なお願い|図々しい|厚かましい)(?:な(?:こと|の|話))?(?:でしょうか|ですか|かな|"
                       r"かしら)")
_EXPLAIN = re.compile(r"説明(?:して|を(?:お願い|求め|いただ|して|くださ)|(?:を)?お聞かせ)|ご説明(?:くださ|いただ|願)|"
                      r"お聞かせ(?:くださ|いただ|願)|どうお考え|どのようにお考え|なぜ|どうして(?!も)|理由を|経緯を|"
                      r"見解を|"
                      r"どういうこと")
# Asking why (「なぜ」「経緯を」): an explanation owed; a demo or a walk-through
# (「画面を見ながらご説明いただけると」) is not.
_WHY = re.compile(r"なぜ|どうして(?!も)|理由|経緯|見解|どういうこと|お考え|原因|何が(?:あっ|起き)")
_COMPENSATE = re.compile(r"負担で|負担して|負担いただ|ご負担を?お願い|弁償|補償|賠償|慰謝料|治療費|診察代|病院代|"
                         r"(?:整形外科|整骨院|病院|医院|接骨院)の[^。]{0,8}(?:代|費|請求|領収)|修理代を|"
                         r"費用を[^。]{0,6}"
                         r"(?:払|負担|請求)|全額返金|返金して|お支払いいただ|(?:料金|代金|お金)の?[^。]{0,6}返して|"
                         r"返金か|返金(?:など|や)|割引(?:など|か|や)|次回の割引")
_CANCEL = re.compile(r"キャンセル(?!せず|しない|はしな|はせず)|取り消|取消|取りやめ|とりやめ|中止|解約|退会")
_PAUSE = re.compile(r"お休みに|お休みさせ|見合わせ|一時停止|休会|延期|日程を変更|日時を変更|日にちを変更|振り替え|振替")
_CANCEL_ASKED = re.compile(r"キャンセル料|解約料|違約金|消化|扱い|日割|返金され|かかり|になりますか|になるので")
# Asking for a visit or an appointment (not 「予約なしで」, not a booking season): checked, then confirmed.
_BOOKING = re.compile(r"予約(?!なし|不要|が本格|の時期)|来院|受診|診て(?:いただ|もら)|見て(?:もら|いただ)|伺っても|"
                      r"行っても|訪問|来て(?:いただ|もら|くださ)|お越しいただ|出張|調査に|点検|急患")
# Asking what is done in general (「予約なしでも」「来ていただけるものでしょうか」), not for a slot.
_POLICY = re.compile(r"予約なし|予約不要|ものでしょうか|ものですか|ことはありますか|のでしょうか|"
                     r"(?:予約|事前の?申し込み)(?:は|が)必要")
_BOOKING_SERVICE = re.compile(r"来院|受診|診て(?:いただ|もら)|見て(?:もら|いただ)|訪問|来て(?:いただ|もら|くださ)|"
                              r"お越しいただ|出張|調査に|点検|急患|施術|レッスン|宿泊")


# They write again and have had no answer (「再度のご連絡です」「まだお返事がありません」「とおっしゃったきり」):
# the wait is ours to apologise for, whatever else the mail says.
_FOLLOW_UP = re.compile(
    r"(?:[二三四2-4２-４]|何)度目の(?:ご)?(?:連絡|問い合わせ|お問い合わせ|メール)|再度の(?:ご)?(?:連絡|問い合わせ|お問い合わせ)|"
    r"再度(?:ご)?連絡(?:いたし|しま|させ)|先日も[^。]{0,16}(?:問い合わせ|ご連絡|連絡|メール)(?:し|いたし|させ)|"
    r"(?:メール|フォーム|電話)(?:から|で)[^。]{0,10}問い合わせて(?:い|お)ます|"
    r"(?:まだ|何の|一度も|いまだに)[^。]{0,8}(?:お?返事|ご?返信|ご?回答|お電話)(?:が|を|も)?(?:あり|いただ|頂|来|な)|"
    r"(?<!押しても)(?<!呼んでも)(?<!鳴らしても)(?<!叩いても)(?<!かけても)(?:お?返事|ご?返信|ご?回答|折り返し)(?:が|の)(?:ありません|ない|来ない|来ません|いただけ)|"
    r"(?:おっしゃった|言われた|来た|いただいた)きり|に続(?:いて|き)[^。]{0,4}(?:[二三2-3２-３]度目|[二三2-3２-３]回目)")
# An illness or an injury happening now, said with what shows it (a measured fever, vomiting, a fall):
# get-well words (「お辛いところ」「お大事に」), never gladness.
_ILL_NOW = re.compile(r"[3-4３-４][0-9０-９](?:[.．][0-9０-９])?\s*(?:度|℃)(?:台)?(?:の熱|の高熱|の発熱|あり|ある|出|"
                      r"まで上が)|熱が(?:下がら|下がりませ|上が)|(?<!音を)(?<!痴を)(?<!息を)(?<!嘘を)吐(?:い|きま|き気が)|嘔吐|戻してしま|ぐったり|けいれん|痙攣|"
                      r"救急|意識が|息が苦し|呼吸が|(?:転んで|転倒して|落ちて|ぶつけて)[^。]{0,20}(?:痛|腫|血|切|折|ひね)|"
                      r"(?:さっき|今朝|今日|昨夜|昨晩|夕方から|朝から|昨日から)[^。]{0,16}(?:熱|痛くて|痛みが|腫れ|出血)")
# An ask for today or first thing (「今日中に」「明日の朝いちばんで」).
_URGENT = re.compile(r"今日中|本日中|至急|大至急|急ぎで(?!は)|今すぐ|すぐにでも|明日の朝(?:いちばん|一番|イチ)|"
                     r"朝(?:いちばん|一番)で|朝イチ")
# An instruction or a confirmation, not a question (「1.67で進めてください」「濃い茶色の方にしてください」).
_INSTRUCTION = re.compile(r"(?:で|(?<!よう)に|の方で|の方に)(?:進めて(?:ください|いただけ|下さい)|お願いします|"
                          r"お願いいたします|"
                          r"お願い致します|してください|して下さい)\s*$|(?:で|に)決めます|で(?:結構|大丈夫|構いません|問題ありません)"
                          r"(?:です)?\s*$|了解(?:しました|です)|承知しました")
# A warm mail: glad or thankful words beyond the formulas of an enquiry (「ご連絡ありがとうございます」).
_FORMULA_THANKS = re.compile(r"(?:ご連絡|ご返信|ご回答|お問い合わせ|ご提案|ご案内|ご確認|お返事|お見積(?:も)?り|お電話)"
                             r"(?:を)?(?:いただき|くださり)?(?:、)?(?:ありがとうございま(?:す|した)|ありがとう)")


def warm(mail: str) -> bool:
    """Whether the mail is warm (thanks, joy, a story shared), so that 「温かい気持ちになりました」 can fit what
    it tells; an enquiry or a plain instruction, thanked only by formula, is not."""
    said = _FORMULA_THANKS.sub("", mail)
    return bool(_GLAD.search(said) or _THANKS_WEAK.search(said) or _GOOD_NEWS.search(said))


def tone(mail: str) -> str:
    """The mail's register: "harm" (hurt after our service), "complaint", or "" for anything else."""
    if not mail:
        return ""
    if _HARMED.search(mail) and (_GRIEVANCE.search(mail) or _LASTING.search(mail)):
        return "harm"
    if _GRIEVANCE_DECISIVE.search(mail) or _FOLLOW_UP.search(mail):
        return "complaint"
    strong = {m.group(0)[:3] for m in _GRIEVANCE_STRONG.finditer(mail)}
    weak = {m.group(0)[:3] for m in _GRIEVANCE_WEAK.finditer(mail)}
    glad = len(_GLAD.findall(mail))
    if strong and len(strong) + len(weak) >= 2 and glad <= len(strong) + len(weak):
        return "complaint"
    return "complaint" if len(weak) >= 2 and len(weak) > glad * 1.5 else ""


def genre(mail: str) -> str:
    """What kind of mail it is, beyond its register: "child" (a letter written by a child), "voice" (a
    questionnaire's answers or a customer-voice comment), or "" for any other."""
    if not mail:
        return ""
    kanji = len(re.findall(r"[一-龥]", mail))
    kana = len(re.findall(r"[ぁ-ん]", mail))
    # A child writes in kana: barely one character in nine is a kanji (an adult's casual mail has twice that).
    if kana >= 20 and kanji / (kanji + kana) < 0.11 and not _ADULT.search(mail):
        return "child"
    head = "\n".join(mail.strip().splitlines()[:2])
    if _VOICE_HEAD.search(head) or len(_SURVEY_LINE.findall(mail)) >= 2:
        return "voice"
    return ""


def _context_person(highlight: Highlight, text: str, mail: str) -> str:
    """The family member the mail's last sentences are about (「3歳の息子の…」 then 「夜中にかきむしって」),
    "" when none or when the highlight's own words say whose it is."""
    if not mail or not text or mail[highlight.start : highlight.end] != text or _SELF.search(text):
        return ""
    before = [s for s in re.split(r"[。！？!?\n]", mail[: highlight.start]) if s.strip()][-3:]
    for sentence in reversed(before):
        found = [m.group(1) for m in _PERSON_WORD.finditer(sentence)
                 if m.group(1) in _FAMILY and not _NOT_ABOUT.match(sentence, m.end())]
        # Only someone whose health that sentence told (not 「大阪の娘の家に同居」).
        found = found if _ILLNESS.search(sentence) or _ALLERGY.search(sentence) else []
        if found:
            return found[-1]
        if _SELF.search(sentence):
            return ""
    return ""


def classify(highlight: Highlight, text: str, regular: bool | None = None, mail: str = "") -> Situation:
    """The situation one highlight is in; `text` is its words in the mail, `mail` the whole mail.

    `regular` is whether the customer has written to us before (None: not known,
    then their own words such as いつも or 初めて decide). The mail, when given, sets
    the register (a complaint, a hurt report), the genre (a child's letter, a
    questionnaire) and whether it is about goods at all; its sentences before the
    highlight say whose health an unnamed line is about."""
    words = f"{text} {highlight.topic}" if highlight.topic and highlight.topic not in text else text
    register = tone(mail)
    kind_of_mail = genre(mail)
    goods = not mail or bool(_GOODS.search(mail))
    if kind_of_mail == "child":
        return Situation.CHILD_LETTER
    if kind_of_mail == "voice" and not register:
        if _SURVEY_LINE.match(text or words):
            return Situation.SURVEY_QUESTION
        # Their praise or grievance, not words they quote (「野菜に月五千円は高い」と言っていたが、今では…).
        said = re.sub(r"「[^」]*」", "", _ANSWER_MARK.sub("", text or words))
        if highlight.kind is HighlightKind.REQUEST and not _VOICE_ASKS.search(said):
            return Situation.VOICE_SUGGESTION
        if highlight.kind is HighlightKind.DISCLOSURE and _VOICE_BAD.search(said):
            return Situation.VOICE_COMPLAINT
        if highlight.kind is HighlightKind.DISCLOSURE and _VOICE_GOOD.search(said):
            return Situation.VOICE_PRAISE
    if _FOLLOW_UP.search(text or words):
        return Situation.FOLLOW_UP
    if highlight.kind is HighlightKind.WORRY:
        if not register and (_ill_now(words) or _ill_now_before(highlight, text, mail)):
            return Situation.ILLNESS_NOW
        return _classify_worry(words, register, goods)
    if highlight.kind is HighlightKind.REQUEST:
        said = text or words
        # A casual question whose 「？」 the highlight left out (「ワンボックスって今から押さえられます？」).
        if mail and text and mail[highlight.start : highlight.end] == text \
                and mail[highlight.end :].startswith(("？", "?")):
            said += "？"
        return _classify_request(said, words, register, goods)
    situation = _classify_disclosure(words, regular, register, _context_person(highlight, text, mail), mail)
    if situation is Situation.MOVING and re.search(r"段ボール|荷物|見積|トラック|搬出|搬入|[午前後]+便", mail):
        # The move is what they ask a mover or a storage for: told, not news to wish well.
        situation = Situation.TOLD
    if situation in (Situation.EVENT, Situation.EVENT_PLAN) and _past_in_mail(words, mail):
        # The recital the mail thanks for (「先日の発表会、本当にありがとうございました」), told again later.
        situation = Situation.PERSONAL
    if situation is Situation.EVENT and mail and not goods:
        # An outing or a concert they go to, with no goods of ours to make ready for it.
        return Situation.EVENT_PLAN
    # In a letter that tells of a death, what they tell of those days (「最後の三か月、母はほとんど寝たきりで」)
    # is a memory of the one they lost: honoured, not "thank you for the details".
    if situation is Situation.PERSONAL and mail and not register and _told_past(words) and _loss_told(mail):
        return Situation.REMEMBRANCE
    # What they told in an enquiry or a plain mail is thanked for, never met with 「温かい気持ちになりました」
    # or 「ほほえましく拝読いたしました」.
    if situation in (Situation.PERSONAL, Situation.PET) and mail and not warm(mail):
        return Situation.TOLD
    return situation


def _loss_told(mail: str) -> bool:
    """The mail tells of a death of someone close just now (「十月二十六日の朝、息を引き取りました」「先月、父が
    亡くなりました」), not one years ago (「義母も三年前に亡くなりました」)."""
    for sentence in re.split(r"[。！？!?\n]", mail):
        if re.search(r"亡くな|亡くし|息を引き取|他界|逝去|永眠", sentence) and _RECENT.search(sentence) \
                and not re.search(r"年前|年にな|年が経|年たち|年経", sentence) \
                and not _LONG_AGO_LOSS.search(sentence) \
                and not _OWN_FUNERAL.search(sentence) and not _LOSS_BACKGROUND.search(sentence):
            return True
    return False


_RECENT = re.compile(r"先日|先週|先月|昨日|昨晩|今朝|今月|今週|今年|このたび|この度|[0-9０-９一二三四五六七八九十]+月"
                     r"(?:[0-9０-９一二三四五六七八九十]+日|に|の)|葬儀|葬式|通夜|四十九日")


def _past_in_mail(words: str, mail: str) -> bool:
    """The event the sentence names is one the mail told as past (先日の発表会), and this sentence looks to
    no next one (来年の発表会)."""
    event = _EVENT_WORD.search(words)
    if not mail or not event or re.search(r"来年|来月|来週|今度|次の|次回|また|たい", words):
        return False
    return bool(re.search(rf"(?:先日|先週|先月|昨日|この間|この前|先般|今年)の{event.group(1)}", mail))


def _ill_now(words: str) -> bool:
    """Unwell or hurt right now (「夕方から38.9度あり、さっき一度吐きました」), not told as past or as over."""
    return bool(_ILL_NOW.search(words)) and not _PAST_TOLD.search(words) and not _RECOVERED.search(words)


def _ill_now_before(highlight: Highlight, text: str, mail: str) -> bool:
    """A worry right after they told of an illness now (「朝までもつのか気が気ではありません」)."""
    if not mail or not text or mail[highlight.start : highlight.end] != text:
        return False
    before = [s for s in re.split(r"[。！？!?\n]", mail[: highlight.start]) if s.strip()][-2:]
    return any(_ill_now(sentence) for sentence in before)


def _classify_worry(words: str, register: str = "", goods: bool = True) -> Situation:
    if _REASSURE.search(words):
        return Situation.ASK_REASSURE
    if _WORRY_HEALTH.search(words) and _PRODUCT_SAFETY.search(words):
        return Situation.WORRY_HEALTH
    if _WORRY_DELIVERY.search(words) or (goods and _WORRY_IN_TIME.search(words) and not _OWN_TASK.search(words)):
        return Situation.WORRY_DELIVERY
    if _WORRY_FIT.search(words):
        return Situation.WORRY_FIT
    return Situation.WORRY


def _classify_request(said: str, words: str, register: str = "", goods: bool = True) -> Situation:
    question = bool(_QUESTION.search(said))
    if _ASK_AFTER.search(said) and not register:
        return Situation.ASK_AFTER
    if _REASSURE.search(words):
        return Situation.ASK_REASSURE
    if _COMPLAINT.search(words):
        return Situation.COMPLAINT
    if _COMPENSATE.search(words):
        return Situation.ASK_COMPENSATION
    if _EXPLAIN.search(words) and (register or _WHY.search(words)):
        return Situation.ASK_EXPLAIN
    if _CANCEL.search(words) and not _CANCEL_ASKED.search(words) and (not goods or _BOOKING_SERVICE.search(words)):
        return Situation.ASK_CANCEL
    # In a complaint, asking when the make-up lesson is (「振替の日程を教えて」) is taken up, not granted.
    if _PAUSE.search(words) and not goods and not _CANCEL_ASKED.search(words) and not (register and question):
        # Whether it can be done (「振り替えることはできますか」) is checked first, not granted.
        if question and not _REQUEST_FORM.search(said):
            return Situation.ASK_QUESTION
        return Situation.ASK_CHANGE_BOOKING
    if _PRICE.search(words):
        return Situation.ASK_PRICE
    if register and not goods:
        return Situation.COMPLAINT_REQUEST
    if _CHANGE.search(words) and not (question and _CANCEL_ASKED.search(words)):
        if goods and not _BOOKING_SERVICE.search(words) and not re.search(r"予約|枠|日程|挙式|式を", words):
            return Situation.ASK_CHANGE
        if question and not _REQUEST_FORM.search(said):
            return Situation.ASK_QUESTION
        return Situation.ASK_CHANGE_BOOKING
    if register:
        return Situation.COMPLAINT_REQUEST
    if _URGENT.search(said):
        return Situation.ASK_URGENT
    booking = _BOOKING.search(words)
    # 「合うものがあるか見ていただけますか」 asks them to look at something, not for a visit: only a time or a
    # visit named with it makes it one.
    if booking and booking.group(0).startswith("見て") and not re.search(r"来て|伺|訪問|来店|予約|診|日|時間", words):
        booking = None
    if booking and (question or not goods) and not _POLICY.search(words):
        return Situation.ASK_BOOKING
    if booking and _POLICY.search(words) and question:
        # Whether a visit can be had at all (「夫も一緒に受診してもいいものでしょうか」): a question, no order.
        return Situation.ASK_QUESTION
    if goods and question and re.search(r"間に合(?:い|う)|までに(?:届|戻|仕上)", words):
        # In time for their date (「サイズ直しは1/20までに間に合いますか」): a delivery question before a size one.
        return Situation.ASK_DELIVERY
    if _HOURS.search(words):
        return Situation.ASK_QUESTION
    for pattern, situation in (
        (_ORDER, Situation.ASK_ORDER),
        (_PICKUP, Situation.ASK_PICKUP),
        (_STOCK, Situation.ASK_STOCK),
        (_MATERIAL, Situation.ASK_MATERIAL),
        (_SIZE, Situation.ASK_SIZE),
        (_DELIVERY, Situation.ASK_DELIVERY),
    ):
        # 「休める場所はありますか」 asks of a place or a service, not of stock.
        if pattern is _STOCK and not re.search(r"在庫|入荷|取り扱|取扱|販売|売り切れ|再販|新作", words) \
                and not _GOODS.search(words):
            continue
        if pattern is _STOCK and _SCHEDULE.search(words) and not re.search(r"在庫|入荷", words):
            continue
        # When an event is held (「運動会はいつ頃でしょうか」) or how many days off work (「何日くらい休む」) is no
        # delivery date: a delivery question names sending, receiving or being in time.
        if pattern is _DELIVERY and not re.search(r"届|発送|配送|送|受け取|受取|配達|間に合|到着|店頭|日時指定", words):
            continue
        if goods and pattern.search(words):
            if situation is Situation.ASK_ORDER and question and _CAN_ORDER.search(words):
                return Situation.ASK_CAN_ORDER
            return situation
    if _CONTACT_ME.search(said):
        return Situation.ASK
    if question:
        return Situation.ASK_QUESTION
    # A choice made (「アイボリーでお願いします」「1.67で進めてください」), not a date asked for (that is granted).
    if _INSTRUCTION.search(said) and not _DATE.search(said):
        return Situation.INSTRUCTION
    if _ORDER_WEAK.search(words) and goods and _GOODS.search(words):
        return Situation.ASK_ORDER
    return Situation.ASK


def _classify_disclosure(words: str, regular: bool | None, register: str = "", context: str = "",
                         mail: str = "") -> Situation:
    if _ALLERGY.search(words) and not register and not _ALLERGY_CAUSE.search(words):
        return Situation.ALLERGY
    # A loss told as the background of what we hold (「亡くなった父の形見で」) is part of the complaint.
    if register and ((not _BEREAVED.search(words) and not _REMEMBERED.search(words))
                     or _LOSS_BACKGROUND.search(words)):
        if _ACUTE.search(words) or (register == "harm" and _ILLNESS.search(words)):
            return Situation.HARM
        if _ILLNESS.search(words):
            return Situation.HEALTH_FAMILY if _ill_person(words) else Situation.HEALTH_SELF
        if _THANKS_STRONG.search(words) and not _GRIEVANCE.search(words):
            return Situation.THANKS
        if regular or _REGULAR.search(words):
            return Situation.COMPLAINT_REGULAR
        return Situation.COMPLAINT_TOLD
    if _COURTESY.search(words) and not _ILLNESS.search(_COURTESY.sub("", words)):
        return Situation.COURTESY
    if _RECOVERED.search(words) and not _ILLNESS.search(_RECOVERED.sub("", words).replace("通院", "")):
        return Situation.RECOVERED
    if _RELIEVED.search(words) and _ILLNESS.search(words):
        return Situation.RECOVERED
    if _PREGNANT.search(words):
        if not _past_pregnancy(words):
            return Situation.PREGNANCY
        # Over now (「つわりがひどかった時期も、レッスンが支えでした」): their story, or thanks for what we did.
        return Situation.THANKS if _THANKS_WEAK.search(words) else Situation.PERSONAL
    if _THANKS_STRONG.search(words):
        # Thanks for what we did for someone's celebration (「主人の喜寿の祝いに…ありがとうございました」):
        # the congratulation comes first.
        celebration = _CELEBRATION.search(words)
        since = re.search(r"し?て[^。]{0,4}(?:[0-9０-９一二三四五六七八九十]+(?:か月|ヶ月|カ月|年)|半年)", words)
        if celebration and not _PAST_WEDDING.search(words) and not _MEMORY.search(words) and not since \
                and _event_noun(words) not in ("", "記念日", "周年"):
            return Situation.CLOSE_CELEBRATION if _owner(words, celebration.start()) else Situation.OWN_CELEBRATION
        return Situation.THANKS
    fresh_loss = re.search(r"亡くな|他界|逝去|息を引き取|永眠", words) and not _LONG_AGO_LOSS.search(words)
    booked = _BOOKED.search(words) or (mail and _BOOKED.search(mail))
    if _MEMORIAL.search(words) and booked and not fresh_loss and not _OWN_FUNERAL.search(words):
        return Situation.MEMORIAL
    if _LONG_AGO_LOSS.search(words) and not _OWN_FUNERAL.search(words):
        return Situation.REMEMBRANCE
    if _BEREAVED.search(words) and _LOSS_BACKGROUND.search(words) and not _OWN_FUNERAL.search(words):
        return Situation.REMEMBRANCE
    if _BEREAVED.search(words) and not _OWN_FUNERAL.search(words):
        return Situation.BEREAVEMENT
    if _REMEMBERED.search(words):
        return Situation.REMEMBRANCE
    if _misses_us(words):
        return Situation.MISS_SHOP
    family_did = bool(_FAMILY_DID.search(words)) and not _OUR_SIDE.search(words)
    if _STAFF_DID.search(words) and not family_did:
        return Situation.THANKS
    pet = _PET.search(words) and not _owner(words) and not _NO_PET.search(words)
    if pet:
        if _PET_LOSS.search(words):
            return Situation.BEREAVEMENT
        return Situation.PET_HEALTH if _ILLNESS.search(words) or _PET_UNWELL.search(words) else Situation.PET
    if _ill_now(words):
        return Situation.ILLNESS_NOW
    if _ILLNESS.search(words) and mail and re.search(r"ていた|でした|ました|だった", words) \
            and _lost(_ill_person(words), mail):
        # The illness of one the mail says they lost (「まだ妻が入院していた頃」「主人の糖尿病のお薬も」):
        # remembered, never "get well soon".
        return Situation.REMEMBRANCE
    if _ILLNESS.search(words) and _past_episode(words) and _THANKS_WEAK.search(words) and not family_did:
        # 「去年の冬、母が転んで…見つけてくださったのも、青木さんでした」: thanks for what we did then.
        return Situation.THANKS
    if _ILLNESS.search(words) and _past_episode(words):
        # Over and told as their story (「昨年の冬に大腿骨を折りまして」): nothing to wish well, no event either.
        return Situation.REGULAR if regular or _REGULAR.search(words) else Situation.PERSONAL
    if _ILLNESS.search(words):
        if _ill_person(words) or (context and not _SELF.search(words)):
            return Situation.HEALTH_FAMILY
        return Situation.HEALTH_SELF
    if _RECOVERED.search(words):
        return Situation.RECOVERED
    if _FEELINGS.search(words) and not _THANKS_WEAK.search(words):
        return Situation.FEELINGS
    if _LIFE_NEWS.search(words) and _NEWS_NOW.search(words) and not _PAST_TOLD.search(words) \
            and not _CELEBRATION.search(words):
        return Situation.MOVING if re.search(_MOVE, words) else Situation.LIFE_NEWS
    if _MEMORY.search(words):
        return Situation.REGULAR if regular or _REGULAR.search(words) or "以前" in words else Situation.PERSONAL
    if _SENT.search(words) and not re.search(r"(?:できたら|できましたら|撮れたら|届いたら)[^。]{0,20}送", words):
        return Situation.SENT_ITEM
    if _GIFT.search(words) and not _GIFT_GIVEN.search(words):
        # A present for someone close's celebration: the congratulation comes first (「母の誕生日に贈りたい」).
        celebration = _CELEBRATION.search(words)
        if celebration and _owner(words, celebration.start()) and not _CEREMONY_ONLY.search(words):
            return Situation.CLOSE_CELEBRATION
        return Situation.PURCHASE_GIFT
    if _ATTENDING.search(words):
        return Situation.EVENT
    celebration = _CELEBRATION.search(words)
    over = re.search(r"卒業程度|卒業後|卒業して|卒業した(?:あと|後|ら)|卒業の?(?:時期|シーズン)", words)
    if celebration and not _PAST_WEDDING.search(words) and not over:
        owner = _owner(words, celebration.start()) or _owner_after(words, celebration.end())
        if owner in {"同僚", "同期", "上司", "部下", "先輩", "後輩"}:
            return Situation.EVENT
        if owner:
            return Situation.CLOSE_CELEBRATION
        if _CEREMONY.search(words) and not _OWN_CEREMONY.search(words):
            return Situation.PERSONAL if _PAST_EVENT.search(words) or _told_past(words) else Situation.EVENT
        return Situation.OWN_CELEBRATION
    age = _AGE_TURNING.search(words)
    if age and _owner(words, age.start()) and not _PET.match(words, age.end()):
        return Situation.CLOSE_CELEBRATION
    if _NEXT_VISIT.search(words):
        return Situation.NEXT_VISIT
    if _VISIT_PLAN.search(words) and _VISIT_AHEAD.search(words):
        return Situation.VISIT_PLAN
    liked = _LIKED_IN_USE.search(words)
    if _CHERISH.search(words) or (liked and not any(person in words[: liked.start()] for person in PERSON_HONORIFIC)):
        return Situation.CHERISH
    if _THANKS_WEAK.search(words) and not family_did:
        return Situation.THANKS
    if _LOOK_FORWARD.search(words) and _FROM_US.search(words):
        return Situation.LOOK_FORWARD
    # Together and glad, told as it was (not 「家族そろって伺いたい」, a visit ahead).
    if _GATHERING.search(words) and not re.search(r"たい|予定|つもり|来週|来月|来年|今度|します", words):
        return Situation.GATHERING
    if _GOOD_NEWS.search(words):
        return Situation.GOOD_NEWS
    if _LOOK_FORWARD.search(words) and _FROM_US.search(words):
        return Situation.LOOK_FORWARD
    told_past = _told_past(words) and not _AHEAD.search(words)
    if _EVENT_WORD.search(words) and not _PAST_EVENT.search(words) and not _OWN_FUNERAL.search(words) \
            and not told_past:
        return Situation.EVENT
    if _NERVES.search(words) and not told_past:
        return Situation.NERVES
    # A change told (「体重が今より9kg重くて」「体重が減った」) is their story, no size to fit.
    if _MEASURE.search(words) and not re.search(r"減っ|減り|増え|落ち|より[0-9０-９]+\s*(?:kg|ｋｇ|キロ)", words):
        return Situation.MEASUREMENT
    if _FIRST.search(words) and regular is not True:
        return Situation.FIRST_ORDER
    if _SELF_PURCHASE.search(words):
        return Situation.PURCHASE_SELF
    if _INTRO.search(words) and len(words) <= 60:
        return Situation.INTRODUCTION
    if regular or _REGULAR.search(words):
        return Situation.REGULAR
    if _OWN_APOLOGY.search(words):
        return Situation.NO_TROUBLE
    return Situation.PERSONAL


# Leaving us behind (「食べられなくなるのが寂しい」「香りが遠くなるのは寂しい」), not loneliness of their own
# (「夫が単身赴任で寂しい」) nor a sold-out item (「売り切れで残念でした」).
_LEAVING_US = re.compile(r"(?:食べられ|飲め|通え|伺え|来られ|行け|買え|会え|お会いでき|お世話になれ|寄れ)なくな|"
                         r"遠くな|閉店|お別れ|最後にな|離れるの|離れてしま|離れなければ")
_OURS = re.compile(r"こちら|お店|御社|貴店|店先|皆さん|皆様|みなさん|先生|スタッフ")


def _lost(person: str, mail: str) -> bool:
    """The mail says `person` (their word, 「妻」) has died (「三年前に妻をがんで亡くし」「主人を七年前に見送って」)."""
    if not person:
        return False
    return bool(re.search(rf"(?:亡き|故){person}|{person}(?:を|が|は)[^。]{{0,12}}(?:亡くし|亡くな|見送|他界|先立)",
                          mail))


def _misses_us(words: str) -> bool:
    """They will miss us: sad at leaving us behind, or lonely for us by name."""
    if not _MISS_SHOP.search(words):
        return False
    return bool(_LEAVING_US.search(words)) or (bool(re.search(r"寂し|さみし|淋し|さびし", words))
                                               and bool(_OURS.search(words)))


def _past_pregnancy(words: str) -> bool:
    """A pregnancy told as over (「つわりがひどかった時期も」「出産予定日まであと二週間でした」), not news of one
    (「妊娠しました」「妊娠5か月です」)."""
    if re.search(r"妊娠(?:しました|中|[0-9０-９一二三四五六七八九十]+(?:か月|ヶ月|カ月|週))|予定日(?:は|が)", words):
        return False
    return bool(_PAST_TOLD.search(words) or _told_past(words) or re.search(r"た時期", words))


def _told_past(words: str) -> bool:
    """The sentence ends as the past (〜ました, 〜でした), the analyser's topic after it aside."""
    return bool(re.search(r"(?:ました|でした)(?:\s\S{0,20})?\s*$", words))


def _past_episode(words: str) -> str:
    """An illness or an operation told as over (「去年の夏、風邪をこじらせて寝込んだときのことも」), "" when it is not:
    a condition named (うつ病, 脳梗塞) or one that stays (麻痺が残りました) is health now, whenever it began."""
    if not _PAST_TOLD.search(words) or _STILL.search(words) or _NAMED_CONDITION.search(words):
        return ""
    match = _PAST_EPISODE.search(words)
    return match.group(0) if match else ""


def _ill_person(words: str) -> str:
    """Whose illness it is: the person named before it (「母が入院」), or right after (「要介護2の義母」)."""
    illness = _ILLNESS.search(words)
    if not illness:
        return ""
    before = _owner(words, illness.start())
    if before:
        return before
    after = re.match(rf"[^、。]{{0,6}}の({_PERSON})", words[illness.end():])
    return after.group(1) if after else ""


def _owner(words: str, upto: int | None = None) -> str:
    """The person close to the customer the clause is about (the last one named before `upto`, the event),
    "" when none. Not a time of their own life (「子どもの頃から」) nor who told them something
    (「娘に「…」と叱られました」), read on the whole clause."""
    found = [m.group(1) for m in _PERSON_WORD.finditer(words, 0, len(words) if upto is None else upto)
             if not _NOT_ABOUT.match(words, m.end())]
    return found[-1] if found else ""


def _owner_after(words: str, end: int) -> str:
    """The person an event is told of right after it (「中学に入学した娘に」), "" when none."""
    match = re.match(rf"(?:し|を迎え|す|を控え)?(?:た|る|ばかりの)({_PERSON})(?=[のがはもにとを、])", words[end:])
    return match.group(1) if match else ""


def _who(words: str, before: re.Pattern[str] | None = None) -> str:
    """「お嬢様の」 for the person named before what `before` finds (the event), else before anything."""
    match = before.search(words) if before is not None else None
    owner = _owner(words, match.start() if match else None) or (_owner_after(words, match.end()) if match else "")
    if not owner and match is None:
        owner = ""
    return f"{PERSON_HONORIFIC[owner]}の" if owner else ""


def _event_noun(words: str) -> str:
    anniversary = _ANNIVERSARY.search(words)
    if anniversary:
        return f"ご結婚{anniversary.group(1)}{'周年' if anniversary.group(2) == '周年' else '年目の記念の年'}"
    jubilee = _JUBILEE.search(words)
    if jubilee and "周年" in jubilee.group(0):
        return f"{jubilee.group(1) or ''}{jubilee.group(2)}"
    best: tuple[int, str] | None = None
    for pattern, noun in _EVENTS:
        match = re.search(pattern, words)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), noun)
    return best[1] if best else ""


def _attended_event(words: str) -> str:
    match = _EVENT_WORD.search(words)
    if not match:
        return ""
    noun = match.group(1)
    noun = "パーティー" if noun == "パーティ" else noun
    owner = _owner(words, match.start())
    return f"{PERSON_HONORIFIC[owner]}の{noun}" if owner else noun


def _allergy_phrase(words: str) -> str:
    match = re.search(r"([一-龥ァ-ヶー]{1,6}?)(?:の|への)?アレルギー", words)
    what = "アレルギー"
    if match and match.group(1) not in {"強い", "軽い", "重い", "ひどい"} and match.group(1) not in PERSON_HONORIFIC:
        allergen = match.group(1)
        what = f"{allergen}アレルギー"
    elif "アトピー" in words:
        what = "アトピー"
    elif "肌" in words:
        what = "お肌"
    elif "体質" in words:
        what = "ご体質"
    return f"{_who(words, re.compile('アレルギ|アトピー|肌|体質'))}{what}"


_ILLNESS_NOUNS: tuple[tuple[str, str], ...] = (
    (r"入院", "ご入院"), (r"手術", "手術"), (r"骨折|骨を折", "骨折"), (r"怪我|(?<![だ])けが|ケガ", "おけが"),
    (r"痛(?:い|く|み|む|め)(?!出費|手|なりませ|ならな|なかっ|はな|もな)", "お痛み"), (r"うつ病|鬱病", "うつ病"),
    (r"しびれ|痺れ", "しびれ"), (r"眠れ(?:な|ず|ま|てい?な)|寝不足|不眠", "寝不足"),
    (r"熱を出|発熱|高熱|[3-4３-４][0-9０-９](?:[.．][0-9０-９])?\s*(?:度|℃)", "お熱"), (r"吐い|吐き|嘔吐", "ご嘔吐"),
    (r"持病", "持病"), (r"高血圧|血圧", "高血圧"), (r"ニキビ|にきび", "ニキビ"),
    (r"湿疹|発疹|かゆみ|痒み|かぶれ", "肌のトラブル"),
    (r"視力|目[がもは][^、。]{0,4}(?:かす|見え|弱|悪)", "目のご不調"),
    (r"耳[がもは][^、。]{0,3}(?:遠|聞こえ)|難聴", "耳のご不調"), (r"要介護", "ご介護"), (r"抗がん剤", "ご治療"),
    (r"妊娠|つわり", "ご妊娠"), (r"療養|闘病|治療", "ご療養"), (r"通院", "ご通院"),
    (r"腰痛|ぎっくり", "腰のお痛み"), (r"風邪|インフルエンザ|コロナ|熱が|寝込|具合|体調", "ご体調"),
    (r"病気", "ご病気"), (r"リハビリ", "リハビリ"),
)
_RECOVERY_NOUNS: tuple[tuple[str, str], ...] = (
    (r"退院", "ご退院"), (r"完治|治り", "ご快復"), (r"回復|快復|元気になり|良くなり|よくなり", "ご回復"),
)


# A condition the customer names (うつ病, 脱毛症, 脳梗塞, 加齢黄斑変性): its own name is the phrase.
_NAMED_CONDITION = re.compile(r"((?:[0-9０-９]型)?[一-龥ァ-ヶー]{1,12}(?:病(?!院|室|棟|気)|症(?!状)|炎|梗塞|変性|癌|"
                              r"腫瘍)|喘息|"
                              r"(?:[胃肺肝腸]|乳|膵臓|子宮|前立腺)がん)")
_NOT_CONDITION = ("看病", "仮病", "臆病", "抗がん", "持病")


# Conditions someone lives with: told so that we take care (「十分に配慮いたします」), not "don't overdo it".
_LIVED_WITH = frozenset({"耳のご不調", "目のご不調", "ご介護", "持病", "高血圧"})


def _health_noun(words: str) -> str:
    named = _NAMED_CONDITION.search(words)
    if named and not named.group(1).endswith(_NOT_CONDITION):
        return re.sub(r"^(?:私|主人|妻|夫|娘|息子|母|父|子)(?:の|は|が)?", "", named.group(1))
    return _first_noun(re.sub(r"(?:大きな|重い)?病気ではな[くい]", "", words), _ILLNESS_NOUNS)


def _first_noun(words: str, table: tuple[tuple[str, str], ...]) -> str:
    best: tuple[int, str] | None = None
    for pattern, noun in table:
        match = re.search(pattern, words)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), noun)
    return best[1] if best else ""


def _bereaved_person(words: str) -> str:
    """「奥様」 for 「家内が亡くなって」 or 「亡き妻」: the person named nearest before the loss, else the first one."""
    match = _BEREAVED.search(words) or _REMEMBERED.search(words)
    owner = _owner(words, match.start()) if match else ""
    if not owner and match and _PET.search(words, 0, match.start()):
        # 「先代の猫を二年前に亡くしてから、息子が…」: the cat, not the son named after it.
        return ""
    if not owner:
        found = _PERSON_WORD.findall(words)
        owner = found[0] if found else ""
    return PERSON_HONORIFIC[owner] if owner else ""


def deadline(text: str) -> str:
    """A date, a day or a deadline the customer names (「12月24日の夕方」「連休前」), "" when none."""
    dates = list(_DATE.finditer(text))
    if not dates:
        return ""
    # Of several, the one things must be ready by (「20日入稿で28日の会場着に」: the 28th).
    due = [m for m in dates if m.group(0).endswith("まで")
           or re.match(r"の?[^、。\s]{0,3}着|必着|に間に合|に届|までに", text[m.end():])]
    value = (due or dates)[0].group(0)
    return re.sub(r"まで$", "", value.removeprefix("今度の"))


def _noun_topic(topic: str) -> str:
    """The analyser's topic if it is a noun that stands as a phrase, else ""."""
    topic = topic.strip()
    if len(topic) < 2 or topic in _VAGUE or len(topic) > 14:
        return ""
    # Hiragana alone is a verb or a word of speech (もつ, やつ), never a phrase for the slot.
    if re.fullmatch(r"[ぁ-ん]+", topic):
        return ""
    if _VERBISH.fullmatch(topic) and not re.search(r"[ァ-ヶ]$", topic):
        return ""
    if re.search(r"[ぁ-ん]{3,}|[をがはにへ]|[0-9０-９一二三四五六七八九十百千]", topic):
        return ""
    return topic


def _product(text: str) -> str:
    """A product named in quotes (「アルパカ混 並太」), "" when none."""
    match = re.search(r"「([^」]{2,30})」", text)
    return match.group(1) if match and not re.search(r"[。、！？]", match.group(1)) else ""


# Where the customer's own date is the one a snippet's {date} means (their deadline, their pick-up day);
# elsewhere {date} is ours to give (a restock date) and stays for the agent.
# Not a price question: a quote's date is ours to give, not the customer's delivery date.
_DATED = frozenset({
    Situation.EVENT, Situation.EVENT_PLAN, Situation.ASK_DELIVERY, Situation.ASK_PICKUP, Situation.ASK_ORDER,
    Situation.ASK_CAN_ORDER, Situation.VISIT_PLAN,
    Situation.ASK_BOOKING,
    Situation.ASK_CANCEL, Situation.ASK_CHANGE_BOOKING, Situation.WORRY_DELIVERY, Situation.ASK_URGENT,
})


# A pet's name as its owner writes it (「うちのモモ（トイプードル）」「愛犬のコタロウが」): the slot calls it by it.
_PET_NAME = re.compile(r"(?:うちの|ウチの|愛犬の|愛猫の|飼い犬の|飼い猫の)"
                       r"([ァ-ヶ][ァ-ヶー]{0,5}|[ぁ-ゖ]{2,4})(?=[（(がはも、])")


def _pet_noun(words: str) -> str:
    match = _PET.search(words)
    if not match:
        return ""
    name = _PET_NAME.search(words)
    if name and not _PET.fullmatch(name.group(1)) and name.group(1) not in ("ペット", "こども", "ワンコ", "ニャンコ"):
        return name.group(1) + "ちゃん"
    word = match.group(0)
    if re.search("犬|ワン|わん", word) or word in _DOG_BREEDS:
        return "ワンちゃん"
    return "猫ちゃん" if re.search("猫|ネコ", word) or word in _CAT_BREEDS else word


def _sent_noun(words: str) -> str:
    """「お嬢様のお手紙」「お写真」: what they send, and whose when it is a letter or a drawing."""
    match = _SENT.search(words)
    if not match:
        return ""
    what = {"手紙": "お手紙", "てがみ": "お手紙", "写真": "お写真", "しゃしん": "お写真", "絵": "絵",
            "イラスト": "イラスト", "作品": "作品", "動画": "動画", "品": "お心遣いの品"}[match.group(1)]
    owner = _owner(words, match.start()) if what in ("お手紙", "絵", "イラスト", "作品") else ""
    return f"{PERSON_HONORIFIC[owner]}の{what}" if owner else what


def slot_values(situation: Situation, highlight: Highlight, text: str, mail: str = "") -> dict[str, str]:
    """`{topic}`, `{date}` and `{product}` for the snippets of one situation; a slot that cannot be made
    into a phrase for the sentence is absent (it stays a visible placeholder). `mail`, when given, names
    whose health an unnamed line is about (the family member its sentences before were about)."""
    values: dict[str, str] = {}
    words = text or highlight.topic
    topic = ""
    if situation is Situation.CLOSE_CELEBRATION and not _event_noun(words) and _AGE_TURNING.search(words):
        topic = _who(words, _AGE_TURNING) + "お誕生日"
    elif situation in (Situation.PET, Situation.PET_HEALTH):
        topic = _pet_noun(words)
    elif situation is Situation.SENT_ITEM:
        topic = _sent_noun(words)
    elif situation in (Situation.MOVING, Situation.LIFE_NEWS):
        # 「ご主人のご転勤」「息子さんの新生活」: whose news it is, then what.
        noun = _first_noun(words, _LIFE_NOUNS)
        topic = f"{_who(words, _LIFE_NEWS)}{noun}" if noun else ""
    elif situation is Situation.MEMORIAL:
        noun = _first_noun(words, _MEMORIAL_NOUNS)
        who = _who(words, _MEMORIAL)
        topic = f"{who}{noun}" if noun and (who or noun != "ご法要") else noun
    elif situation in (Situation.OWN_CELEBRATION, Situation.CLOSE_CELEBRATION):
        noun = _event_noun(words)
        if noun:
            topic = (_who(words, _CELEBRATION) if situation is Situation.CLOSE_CELEBRATION else "") + noun
    elif situation is Situation.PURCHASE_GIFT:
        noun = _event_noun(words)
        occasion = re.search(r"(お歳暮|お中元|母の日|父の日|敬老の日|クリスマス|バレンタイン|ホワイトデー|内祝い)",
                             words)
        if noun:
            topic = _who(words, _CELEBRATION) + noun
        elif occasion:
            topic = occasion.group(1)
    elif situation in (Situation.EVENT, Situation.EVENT_PLAN):
        topic = _attended_event(words)
    elif situation is Situation.ALLERGY:
        topic = _allergy_phrase(words)
    elif situation is Situation.PREGNANCY:
        topic = f"{_who(words, _PREGNANT)}ご妊娠中" if _who(words, _PREGNANT) else ""
    elif situation is Situation.ILLNESS_NOW:
        # 「息子さんのお熱」: only when it is someone of theirs (their own is met with 「お辛いところ」).
        noun = _health_noun(words)
        now = _ILL_NOW.search(words)
        person = (_owner(words, now.start()) if now else "") or _ill_person(words) or \
            _context_person(highlight, text, mail)
        if person and person in _FAMILY and noun and noun != "ご嘔吐":
            topic = f"{PERSON_HONORIFIC[person]}の{noun}"
        elif person and person in _FAMILY:
            topic = f"{PERSON_HONORIFIC[person]}のご体調"
    elif situation in (Situation.HEALTH_SELF, Situation.HEALTH_FAMILY):
        noun = _health_noun(words)
        if situation is Situation.HEALTH_FAMILY:
            person = _ill_person(words) or _context_person(highlight, text, mail)
            who = f"{PERSON_HONORIFIC[person]}の" if person else ""
            # Whose health it is matters more than its name: 「お嬢様のお体」 when no condition is named.
            topic = f"{who}{noun}" if noun else f"{who}お体" if who else ""
        elif noun and noun not in _LIVED_WITH:
            topic = noun
    elif situation in (Situation.BEREAVEMENT, Situation.REMEMBRANCE):
        topic = _bereaved_person(words) or _pet_noun(words)
    elif situation is Situation.RECOVERED:
        noun = _first_noun(words, _RECOVERY_NOUNS)
        if noun:
            topic = _who(words, _RECOVERED) + noun
    elif situation is Situation.MEASUREMENT:
        kinds = [w for w in ("サイズ", "身長", "体重", "ウエスト", "バスト", "肩幅", "股下") if w in words]
        if not kinds and re.search(r"\d+\s*号", words):
            kinds = ["サイズ"]
        topic = "や".join(kinds[:2])
    elif situation is Situation.WORRY_DELIVERY:
        when = deadline(words)
        event = _EVENT_WORD.search(words) or re.search(r"誕生日|記念日|クリスマス", words)
        if when:
            topic = re.sub(r"(?:前|まで)$", "", when)
        elif event:
            topic = event.group(0)
    elif situation is Situation.WORRY_HEALTH:
        topic = _allergy_phrase(words) if "アレルギ" in words else ""
    elif highlight.kind is not HighlightKind.DISCLOSURE:
        # Requests and the other worries: the thing asked about, when it is a noun (送料, 製造環境).
        # What someone told in passing (連休, 吉祥寺) is no phrase to thank for: that slot stays for the agent.
        topic = _noun_topic(highlight.topic)
    if topic:
        values["topic"] = topic
    when = deadline(words)
    if when and situation in _DATED:
        values["date"] = when
    product = _product(words)
    if product:
        values["product"] = product
    return values
