"""tone_cold — 「事務的で冷たい印象です」.

The principle, as a careful senior agent applies it (round pairs22): a reply is cold when the customer, reading
it, finds nothing written *to them as a person* — no thanks, no cushion before what they will not like, no apology
where the shop is at fault or the news is bad, no word of empathy — only facts and instructions, or worse, blame or
a brush-off. Keigo is politeness of form, not warmth: a fully keigo reply of bare facts is still cold, and a
casual but kind reply is not cold (it may be over-familiar instead; never both).

The user sees a representative sentence of a draft made only of facts and
instructions: no thanks (ありがとうございます), no cushion word (恐れ入りますが,
お手数ですが), no apology (申し訳ございません), no empathy. The stock closing
「ご不明な点がございましたら、お気軽に…」 does not count as warmth. Keigo alone does not
make a reply warm, and neither does the shop's greeting formula above every
reply (「このたびはお問い合わせいただき、誠にありがとうございます」): warmth is looked
for in what the agent wrote for this mail. A draft judged over-familiar is not
also called cold.

A reply to a customer's mail that is only one or two bare sentences
(「在庫はありません。」) is curt: it gets the finding with a cushioned rewrite of
its sentence as the fix (「大変申し訳ございませんが、あいにく在庫はございません。」).
Without a mail a one-line note is too short to judge, but two short sentences
that refuse flatly or say "none" with nothing warm (「交換は一回までです。それ以上は
対応しません。」「〜過ぎています。以上です。」) are cold however short, and so
is, in a sentence of any length, a curt brush-off (仕様です, 決まりなので無理です,
ご自分で調べてください, 前にも申し上げましたが) with no apology, cushion or thanks.

Blame is cold whatever surrounds it: the fault put on the customer (「そちらの確認不足です」
「住所の間違いはそちらの責任です」), a reproach for the timing (「もっと早く言ってください」
「ご記入いただかないと困ります」). A single sentence that flatly refuses a service in plain
polite form (「個別の対応はしていません。」「交換はできません。」) is cold even without a mail;
a notice (「本日は営業しておりません。」) is not. Answering a customer's mail, a reply of facts
only, with no warmth and not one humble or honorific verb (「確認しました。二重決済になっています。
返金されます。」), reads as an office note: cold. So does, however polite its keigo, a reply
to a mail about something gone wrong (broken, late, wrong, missing, charged twice) that has
not one word of apology, empathy, thanks or cushion, and a draft that owns a mistake of the
shop's (「こちらの手違いで別の色を送りました」) without a word of apology anywhere.
Declining responsibility flatly (「責任は負いかねます」), "read it properly" (よく読んで,
ちゃんと読んで) and appeals to 常識 are blame.

Without a mail, from the grammar (round 20): a draft with no warm word that refuses — a negated
potential (応じられません, 使えません, 答えられません), a negated act of policy (受け付けない, 認めません,
対応しません) or a service "not done" (発行していません; not まだ〜ていません, a status, nor the humble
notice 営業しておりません, nor honorific notices ご利用になれません / いただけません) — or that forbids
the customer's own doing (何度も聞かないでください); a draft all in だ/である to a customer; blame
of any fault word on the customer's side (お客様の選び間違いです, 〜のはお客様のほうです, そちらの都合です),
「よく読んでから〜ください」, 「これ以上の対応はありません」. Reassurances (心配ありません, 送料は
かかりません) are not refusals, and care instructions (冷蔵庫で保管してください, お召し上がりください) are
not orders. A "cannot" followed by what can be done (手洗いをおすすめします, 〜でしたら) is no refusal.
Only the sentence's own predicate counts (押しも押されもせぬ is no refusal). An order put as a rule
(先に商品を返送すること。), 「当社の責任ではありません」, 「どうにもなりません」, 「当店ではわかりかねます」
are cold too, and so is pressing the customer (早く振り込んでください, 今後は注意してください).
A refusal's cushion words (あいにく, 残念ながら, ご期待に添えず) count as warmth.

Also cold without a warm word (round 18): a bare Vてください that sends the customer away or back
(そちらに問い合わせてください, 書いて再送してください, まずそちらを読んでください, 別の日にしてください;
a step of a procedure, 三点を同封してください, stays); a rule in plain form among polite sentences
(キャンセル扱いとする。, 例外はない。, 併用は不可。); a flat "none" that answers the customer's
ask (お問い合わせの商品ですが、在庫はありません。) or "over" (すでに終了しています,
〜はしていません。); "already told" (お伝え済みです); the fault put on the
customer's doing without naming them (見ていれば防げた, 入力が間違っているからです); 嫌なら〜;
ご自分で〜てください; and any doing forbidden again and again (何度もしないでください).
A curt word followed at once by an apology of its own sentence (無理ですね。申し訳ありません。) is softened by it.

Round 21: the fault named as the customer's "problem" or "cause" (お客様のモニターの問題です,
原因はお客様の保管方法にあります, 使い方の問題です), a reproachful question
(注意書きを確認しなかったのですか), "too late now" (今さら言われても), "anyone would know"
(普通は〜分かる), "read it to the end first", "ask as often as you like, the answer is the same",
"we are busy too", "answered last time" and nothing more, "go elsewhere", "we do it by the rules",
a discount or refund flatly "none", the choice left as the customer's own (お客様ご自身の判断です),
other customers held up to them (ほかのお客様は問題なく使えています); and, with no warm word, told
how to contact the shop in a bare order (問い合わせは営業時間内にしてください), or sent to read it
up in plain Vてください (説明書を読んでください, 規約を見てください; 「説明書をご覧ください」 is the
polite pointer and stays).
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.checks.tone_overfamiliar import is_overfamiliar
from app.review.context import ReviewContext
from app.review.vocab import APOLOGY, CUSHION, EMPATHY, THANKS, WARMTH
from app.text import Sentence, tokenize_short

_WARMTH = re.compile(WARMTH)
# The stock closing 「ご不明な点がございましたら、お気軽にお問い合わせください」 ends warm and
# cold replies alike; its お気軽に is no cushion for the facts above it.
_STOCK_CLOSING = re.compile(r"(?:ご不明|ご質問|ご要望|何か)[^。！？\n]*?お気軽")
_INSTRUCTION = re.compile(r"(?:して|って|んで|いで|て|で)ください(?!ませ)|(?:こと|ように)。|必要です|願います")


# Instructions of care or use, and requests in honorific form: how to keep or use the goods, not an order.
_CARE = re.compile(r"保管|保存|冷蔵|冷凍|開封後|使用前|ご使用|お召し上が|召し上が|お早めに|お試し|お楽しみ|"
                   r"[おご][一-龥]{1,4}[ぁ-ん]{0,3}(?:ください|下さい)")


def _representative(sentences: tuple[Sentence, ...]) -> Sentence:
    # A bare instruction is what sounds coldest to a customer; else the first fact.
    for sentence in sentences:
        if _INSTRUCTION.search(sentence.text):
            return sentence
    return sentences[0]


# A bare no, and how a shop softens it.
_NEGATIVE = re.compile(r"ありません|ございません|できません|出来ません|おりません|ないです|無理です|不可です|"
                       r"いたしかねます|かねます|難しいです|しません")
_SOFTER = (
    ("ありません", "ございません"), ("ないです", "ございません"), ("できません", "いたしかねます"),
    ("出来ません", "いたしかねます"), ("無理です", "お受けいたしかねます"), ("不可です", "お受けいたしかねます"),
    ("難しいです", "難しい状況です"), ("しません", "いたしません"),
)
_CURT_CHARS = 60


def cushioned(sentence: str) -> str:
    """The sentence with a cushion and softer keigo.

    「在庫はありません。」 → 「大変申し訳ございませんが、あいにく在庫はございません。」."""
    text = sentence.strip()
    end = "" if text.endswith(("。", "！", "？")) else "。"
    if _NEGATIVE.search(text):
        for plain, soft in _SOFTER:
            if plain in text and soft not in text:
                text = text.replace(plain, soft, 1)
                break
        return f"大変申し訳ございませんが、あいにく{text}{end}"
    return f"お問い合わせいただき、ありがとうございます。{text}{end}"


def _curt(ctx: ReviewContext, own: list[Sentence]) -> list[Finding]:
    """A reply to a mail that is only one or two bare sentences: the finding, with a cushioned rewrite."""
    if not own or len(own) > 2 or sum(len(s.text.strip()) for s in own) > _CURT_CHARS:
        return []
    # A bare "no", or a single bare line (「発送しました。」); a plain polite notice is not curt.
    if not any(_NEGATIVE.search(s.text) for s in own) and (len(own) > 1 or len(own[0].text.strip()) > 12):
        return []
    sentence = next((s for s in own if _NEGATIVE.search(s.text)), own[0])
    text = sentence.text.rstrip()
    start = sentence.start + len(text) - len(text.lstrip())
    said = messages.say(messages.TONE_CURT)
    return [messages.finding(FindingKind.TONE_COLD, Severity.WARNING, start, sentence.start + len(text), said,
                             cushioned(text))]


# Words that put the blame on the customer: cold whatever thanks surround them.
BLAME = re.compile(
    r"何度も(?:ご案内|お伝え|申し上げ|ご説明|お知らせ)|(?:既に|すでに)(?:ご案内|お伝え|ご説明|お知らせ)(?:して|し|済み)|"
    r"記載(?:して|されて)(?:おります|あります|いる|います)(?:ので|とおり|通り|が)|書いてあ(?:ります|る)(?:とおり|通り|ので|が)?|"
    r"お客様(?:側)?の(?:ご)?(?:操作|入力|確認|記入|設定|使い方|勘違い|不注意)(?:ミス|不足|漏れ|誤り|間違い)?(?:です|と思われ|によるもの|が原因)|"
    r"ご確認(?:いただけて|されて)(?:いない|おられない)|よくお読み(?:ください|のうえ)|ちゃんと(?:ご確認|お読み|確認)|"
    r"(?:当店|当社|弊社|弊店|こちら)(?:側)?(?:の|に)(?:責任|落ち度|過失|ミス)(?:は|では)(?:ございません|ありません|ない)|自己責任|お客様(?:の)?(?:ご)?(?:責任(?:です|で(?!は|も)|により)|都合です)|"
    # The fault put on the other side: 「そちらの確認不足です」「間違いはそちらの責任です」.
    r"(?:そちら|お客様|お客さま|あなた)(?:様)?(?:側)?の(?:ご)?[一-龥ぁ-ん]{0,4}?"
    r"(?:不足|ミス|責任|間違い|誤り|不注意|勘違い|落ち度|過失|都合)(?:です|でしょう|だと|によるもの|が原因|ですので|なので)|"
    r"(?:のは|のも)(?:お客様|お客さま|そちら|あなた)(?:様)?(?:の(?:ほう|方))?です|"
    # A reproach for the timing or the manner: 「もっと早く言ってください」「ご記入いただかないと困ります」.
    r"(?:もっと|もう少し|もうちょっと)(?:早く|早めに|前に)[^。！]{0,8}?(?:言っ|連絡|教え|知らせ|おっしゃ)"
    r"[^。！]{0,4}?(?:ください|下さい|いただかないと|もらわないと|くれないと|いただければ|もらえれば)|"
    r"(?:先に|前もって)言って(?:ください|下さい|もらわ|いただかな)|(?:ないと|なければ|なくては)困ります|"
    # The shop "troubled" by the customer: 「言われても困ります」「それでは困ります」.
    r"(?<!お)(?:ても|では|じゃ|と)?困ります(?=[。！!]|$)|(?<![おおご])困って(?:い|おり)ます|"
    r"と言われ(?:まして|て)も|"
    # "Do it as the manual says" / "the problem is your use": 「説明書の通りにやってください」「使い方に問題が」.
    r"(?:説明書|取扱説明書|規約|マニュアル|商品ページ|ページ|サイト|注意書き)の(?:とおり|通り)に[^。！]{0,8}?(?:て|で)(?:ください|下さい)|"
    r"(?:お客様|お客さま|そちら|あなた)(?:様)?の[^。！]{0,8}?(?:に|が)問題(?:が)?(?:ある|あり|ござい|と思われ)|"
    # "As I have explained many times": 「何度も説明しております」.
    r"何度も[^。！]{0,6}?(?:説明|案内|伝え|申し上げ|お知らせ|回答|連絡)(?:して|し|いたして)(?:おり|い|まし|ある)|"
    # The fault put on the customer's doing: 「お客様が二回押したからです」「そちらのせいです」.
    r"(?:お客様|お客さま|そちら|あなた)(?:様)?(?:が|の方で|のほうで)[^。！]{0,20}?(?:た|だ)(?:から|ため|せい)です|"
    r"(?:お客様|お客さま|そちら|あなた)(?:様)?の[^。！]{0,10}?せいです|"
    r"責任(?:を|は)?(?:負い|取り|持ち)かねます|責任は(?:負え|取れ|持て)ません|(?:当店|弊社|当社)(?:に|と)?は関係(?:ありません|ございません|ない)|"
    # "Already told you": 「前回のメールでお伝え済みです」.
    r"(?:お伝え|ご案内|ご説明|ご連絡|お知らせ|ご回答|回答|説明)済み(?:です|でございます)|"
    # The fault put on the customer's doing without naming them: 「サイズ表を見ていれば防げたミスです」
    # 「ログインできないのは入力が間違っているからです」.
    r"(?:見て|読んで|確認して|調べて|して)(?:い)?れば[^。！]{0,12}?(?:防げ|避けられ|起き(?:なかっ|ませんでし))|"
    r"(?:入力|操作|記入|選択|住所|番号|設定|パスワード|使い方)(?:が|を)間違(?:って(?:いる|いた)|えて(?:いる|いた)|えた|った)(?:から|ため|せい)です|"
    r"(?:よく|ちゃんと|しっかり|きちんと)(?:お読み|読んで|読み|見て|ご確認|確認して|調べて)(?:から|の上|のうえ)?"
    r"[^。！]{0,10}?(?:ください|下さい|いただ|もらえ)|常識(?:的に|で考え|です)|"
    # Round 21: the fault named as the customer's "problem" or "cause" (お客様の扱い方の問題です, 原因はお客様の
    # 保管方法にあります, それは使い方の問題です), a reproachful question (確認しなかったのですか), "too late
    # now" (今さら言われても), "anyone would know" (普通は説明しなくても分かる), "read it to the end first".
    r"(?:お客様|お客さま|そちら|あなた)(?:様)?(?:側)?の[^。！]{0,10}?の?問題(?:です|かと|だと|でしょう)|"
    r"(?:使い方|扱い方|保管方法|保管の仕方|お手入れの仕方|洗い方)の問題(?:です|かと|だと|でしょう)|"
    r"原因は、?(?:お客様|お客さま|そちら|あなた)(?:様)?(?:側)?の?(?:(?!ではな|じゃな)[^。！、]){0,12}?"
    r"(?:にあります|にある|です|と思われ|かと)|"
    r"(?:確認|チェック|読ま|見|覧にな|読みにな)(?:し|され)?なかった(?:の|ん)(?:です|でしょう)か|"
    r"(?:今さら|今更|いまさら)(?:そう)?(?:言われ|おっしゃられ|ご連絡|連絡され|申され)|"
    r"(?:普通|ふつう|常識的)(?:は|なら|に考えれば|に考えて)[^。！]{0,15}?(?:わかる|分かる|わかります|分かります|気づ|気付)|"
    r"(?:最後まで|全部|隅々まで)(?:読んで|見て)(?:から)?[^。！]{0,10}?(?:ください|下さい)|"
    # The choice left as the customer's own fault (お客様ご自身の判断です), and other customers held up to them
    # (ほかのお客様は問題なく使えています).
    r"(?:お客様|お客さま|そちら|あなた)(?:様)?(?:ご自身|自身)?の(?:ご)?(?:判断|選択|責任)です|"
    r"(?:ほか|他)の(?:お客様|お客さま|方)(?:は|では)[^。！]{0,12}?(?:問題な|問題(?:は)?(?:あり|ござい)ません|普通に|"
    r"使えて|お使いいただけて|ご利用いただけて)"
)
# The shop owns a mistake: an apology is owed in the same draft.
_OWN_MISTAKE = re.compile(
    r"(?:こちら|当店|弊社|当社|私ども|わたくしども|弊店)(?:側)?の(?:手違い|不手際|ミス|確認不足|入力ミス|発送ミス|間違い|誤り|不備)|"
    r"(?:誤って|間違えて|間違って)(?:別の|違う|ほかの|他の)?[^。]{0,10}?(?:発送|お送り|送り|送っ|お届け|ご請求|請求|お作り)"
)
# Curt words that are cold in a sentence of any length (unlike a bare 「在庫はありません。」):
# brushing the question off (仕様です, 決まりなので, ご自分で調べて), or "as I said".
CURT = re.compile(
    r"(?:無理|不可|対応不可|決まり|規則|ルール|(?:それは|これは|そういう)仕様)(?:です|なので|ですので|だから)(?![がけ])|"
    r"(?:知りません|わかりません|分かりません)(?:[。！!]|$)|(?:ご)?(?:自分|自身)で(?:[^。！]{0,12}?(?:て|で)|お?調べ|ご判断|ご確認)(?:ください|下さい)|"
    # "Take it or leave it": 「嫌ならキャンセルしてください」.
    r"(?:嫌|いや|イヤ|不満|ご不満)(?:なら|でしたら|であれば)|"
    r"(?:前にも|先ほども|以前にも|前回も)(?:言い|言っ|申し上げ|お伝えし|書い|ご説明し|説明し)|"
    r"(?:読めば|見れば|読んでいただければ)(?:わか|分か)|"
    # "As I wrote last time." and nothing more: 「前回のメールに書いた通りです。」
    r"(?:前回|以前|先日|前)の?(?:メール|ご連絡|お返事|返信)?に(?:書いた|記載した|お伝えした|ご案内した|申し上げた)"
    r"(?:とおり|通り)です[。！]?\s*$|"
    r"これ以上(?:の)?(?:対応|お答え|ご説明|説明|返答|回答|やりとり|やり取り)?(?:は|も)?(?:でき|いたし|し|あり)ません|"
    r"どうにも(?:なり|でき|いたし)ません|どうしようも(?:ありません|ない|ございません)|"
    r"(?:当店|当社|弊社|こちら)では(?:わかり|分かり|判り)(?:かねます|ません)|"
    # "Ask as often as you like, the answer is the same" and "we are busy too".
    r"何度[^。！]{0,8}?(?:メール|ご連絡|連絡|お問い合わせ|問い合わせ|聞か|言わ|お電話|電話)[^。！]{0,8}?(?:ても|でも)"
    r"[^。！]{0,10}?(?:同じ|変わりません|変わらない|変わりようが)|"
    r"(?:こちら|当店|弊社|私ども)(?:も|だって)(?:忙し|手一杯|暇じゃ|暇では)|"
    # "Answered last time." and nothing more; "go elsewhere"; "we do it by the rules".
    r"(?:前回|以前|先日|前にも|先ほど)も?(?:お答え|ご回答|回答|ご説明|説明|お伝え)(?:し|いたし)ました[。！]?\s*$|"
    r"(?:他|ほか|よそ)(?:を|で)(?:当たって|あたって|探して|お探し)(?:ください|下さい)|"
    r"(?:決められた|決まった|規定の|規則|ルール|マニュアル)(?:とおり|通り|どおり)に[^。！]{0,12}?"
    r"(?:して|しており|対応し|対応して|発送し|発送して)(?:います|おります|ています)[。！]?\s*$"
)
# Without thanks, apology or cushion, a reply is cold when it orders, refuses or restricts; plain facts
# told in humble keigo (「明日発送いたします」「在庫がございます」) are a polite notice, not cold.
_BARE = re.compile(r"ません|かねます|限ります|限らせて|負担です|負担となります|不可|対象外|できない|禁止|お断り")


# A bare refusal or "none left", or a closing 「以上です。」: cold however short the text
# (「交換は一回までです。それ以上は対応しません。」), unlike a short plain notice.
_FLAT_NO = re.compile(
    r"(?:対応|受付|受け付け|交換|返品|返金|キャンセル|変更|保証|お受け|承り|お取り置き|取り置き|発送|お届け|"
    r"配送|再発送|返送|お答え|回答)(?:は|も)?(?:でき|出来|いたし|致し|し|して(?:い|おり)|て(?:い|おり))ません|"
    r"(?:でき|出来)ません|"
    r"(?:在庫|予定|空き|残り|入荷|見込み)(?:は|が|も)(?:もう|現在|今)?(?:あり|ござい)ません|^\s*以上です[。！]?\s*$|"
    # (a discount or refund flatly "none", ending the sentence: 割引はありません。)
    r"(?:割引|値引き|値引|特典|返金)(?:は|が|も)(?:もう|現在|今)?(?:あり|ござい)ません[。！]?\s*$"
)


def _curt_words(ctx: ReviewContext) -> list[Finding]:
    out = []
    sentences = ctx.sentences
    for i, sentence in enumerate(sentences):
        # An apology may follow the refusal as a sentence of its own (「ちょっと無理ですね。申し訳ありません。」).
        after = sentences[i + 1].text if i + 1 < len(sentences) else ""
        if CURT.search(sentence.text) and not re.search(APOLOGY + "|" + CUSHION + "|" + THANKS, sentence.text) and \
                not re.search(APOLOGY, after):
            text = sentence.text.rstrip()
            start = sentence.start + len(text) - len(text.lstrip())
            out.append(messages.finding(FindingKind.TONE_COLD, Severity.WARNING, start, sentence.start + len(text),
                                        messages.say(messages.TONE_COLD), ""))
    return out[:1]


def _blame(ctx: ReviewContext) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        if BLAME.search(sentence.text) and not re.search(APOLOGY + "|" + CUSHION, sentence.text):
            text = sentence.text.rstrip()
            start = sentence.start + len(text) - len(text.lstrip())
            out.append(messages.finding(FindingKind.TONE_COLD, Severity.WARNING, start, sentence.start + len(text),
                                        messages.say(messages.TONE_BLAME), ""))
    return out[:1]


# A flat refusal of a service in plain polite form: 「個別の対応はしていません」「交換はできません」.
_SERVICE_NO = re.compile(
    r"(?:対応|受付|受け付け|交換|返品|返金|キャンセル|変更|保証|お取り置き|取り置き|発送|配送|再発送|返送|"
    r"名入れ|包装|ラッピング|値引き|割引)(?:は|も)?(?:でき|出来|し|して(?:い)?|て(?:い)?|受け付け|受付し|扱い|扱ってい|"
    r"行い|行ってい|やってい)ません"
)
# Humble or honorific verbs: a reply with none of them, no warmth, only facts, is an office note.
_KEIGO_VERB = re.compile(
    r"いたし|致し|おり(?:ます|まし)|ござい|いただ|頂[きけい]|くださ|下さ|させて|申し|存じ|承|伺|参り|差し上げ|"
    r"拝|なさ|いらっしゃ|おっしゃ|ご覧|お[一-龥][ぁ-ん]{0,3}(?:し|でき|くださ|にな)|ご[一-龥]{2}(?:し|でき|くださ|にな)"
)


# The customer's mail says something went wrong: a reply to it owes at least one warm word.
_TROUBLE = re.compile(
    r"壊れ|割れ|破損|欠け|ひび|傷|キズ|汚れ|不良|故障|不具合|動きません|動かな|つかな|作動しな|"
    r"届かな|届いていな|届きません|届いておりません|まだ届|遅れ|遅延|間違|違う(?:商品|もの|色|サイズ)|"
    r"入っていな|足りな|不足|二重に|重複|困って|がっかり|残念|ひどい|不満|納得でき"
)


def _trouble_unanswered(ctx: ReviewContext, own: list[Sentence]) -> Sentence | None:
    """A reply with no warm word at all to a mail about something gone wrong (→ its representative)."""
    if not ctx.has_mail or not own or _warm(own) or not _TROUBLE.search(ctx.mail or ""):
        return None
    empathy = re.compile(EMPATHY)
    if any(empathy.search(s.text) for s in own):
        return None
    return _representative(tuple(own))


def _office_note(body: list[Sentence]) -> Sentence | None:
    """A reply to a mail made of facts only, with no warmth and no keigo verb at all (→ its representative)."""
    if len(body) < 2 or _warm(body) or any(_KEIGO_VERB.search(s.text) for s in body):
        return None
    return _representative(tuple(body))


def _warm(sentences: list[Sentence]) -> bool:
    return any(_WARMTH.search(_STOCK_CLOSING.sub("", s.text)) or _SOFTENER.search(s.text) for s in sentences)


def _unapologetic(ctx: ReviewContext) -> list[Finding]:
    """The shop's own mistake told with no apology anywhere in the draft."""
    if any(re.search(APOLOGY, s.text) for s in ctx.sentences):
        return []
    for sentence in ctx.sentences:
        if _OWN_MISTAKE.search(sentence.text):
            text = sentence.text.rstrip()
            start = sentence.start + len(text) - len(text.lstrip())
            return [messages.finding(FindingKind.TONE_COLD, Severity.WARNING, start, sentence.start + len(text),
                                     messages.say(messages.TONE_COLD), "")]
    return []


# A refusal read from the grammar: a negated potential (応じられません, 使えません, できません), a negated
# act of policy (受け付けない, 認めません, 対応しません) or a service the shop "does not do"
# (発行していません; not a status with まだ, nor the humble notice 営業しておりません).
_POLICY = frozenset({"受け付ける", "受付ける", "応じる", "応ずる", "認める", "扱う", "取り扱う", "行う", "する",
                     "いたす",
                     "致す", "付ける", "受ける", "答える", "変える", "調べる", "送る", "返す"})
_REASSURANCE = re.compile(r"心配|問題|差し支え|支障|気にな|ご安心|かかりません|要りません|いりません|不要|変わりません|"
                          r"まだ|未だ|現時点|今のところ")
# A "cannot" followed by what can be done (手洗いをおすすめします) tells how, it does not refuse.
_ALTERNATIVE = re.compile(r"おすすめ|お勧め|オススメ|代わりに|かわりに|でしたら|であれば|ならば|いただけます|できます|"
                          r"可能です|ご利用ください|ご検討ください")


@lru_cache(maxsize=2048)
def _potential(lemma: str) -> bool:
    """使える, 送れる: a 下一段 verb whose 五段 counterpart (使う, 送る) is a verb of its own."""
    if len(lemma) < 2 or lemma[-1] != "る" or lemma[-2] not in _E_TO_U:
        return False
    godan = tokenize_short(lemma[:-2] + _E_TO_U[lemma[-2]])
    return len(godan) == 1 and godan[0].main == "動詞" and godan[0].ctype.startswith("五段")


_E_TO_U = {"え": "う", "け": "く", "げ": "ぐ", "せ": "す", "て": "つ", "ね": "ぬ", "べ": "ぶ", "め": "む", "れ": "る"}


def refusal(sentence: Sentence) -> bool:
    """Whether the sentence refuses: a negated potential, act of policy, or service not done."""
    text = sentence.text.strip()
    if text.endswith(("か。", "か", "か？", "？", "?")) or _REASSURANCE.search(text):
        return False
    tokens = [t for t in sentence.tokens if t.main not in ("補助記号", "空白")]
    # 致しかねます / お受けしかねます ending the sentence: humble, yet a refusal when nothing softens it.
    if len(tokens) >= 3 and tokens[-1].lemma == "ます" and tokens[-2].lemma in ("かねる", "兼ねる"):
        return True
    for k, token in enumerate(tokens):
        if token.main != "助動詞" or token.lemma not in ("ぬ", "ない"):
            continue
        if any(t.main != "助詞" or t.sub != "終助詞" for t in tokens[k + 1 :]):
            continue  # the sentence's own predicate only (押しも押されもせぬ人気 is no refusal)
        j = k - 1
        while j >= 0 and tokens[j].main == "助動詞" and tokens[j].lemma in ("ます",):
            j -= 1
        if j < 0:
            continue
        word = tokens[j]
        if word.main == "助動詞" and word.lemma in ("られる", "れる"):
            return True
        if word.main != "動詞" or word.lemma in ("なれる", "いただける", "頂ける"):
            continue  # ご利用になれません, ご利用いただけません: a polite notice in honorific form
        if word.lemma in ("できる", "出来る") or _potential(word.lemma) or word.lemma in _POLICY:
            return True
        # 「発行していません」: a サ変 noun + して + いる negated (not おる: the humble notice).
        if word.lemma in ("いる", "居る") and j >= 3 and tokens[j - 1].surface == "て" and \
                tokens[j - 2].lemma == "する" and tokens[j - 3].main == "名詞" and tokens[j - 3].pos[2] == "サ変可能":
            return True
    return False


# Plain style to a customer: だ / である / a plain negative, in a draft with no polite sentence at all.
_PLAIN_END = re.compile(r"(?:だ|である|ない|ぬ|ん)[。！!]?\s*$")


def _plain_to_customer(ctx: ReviewContext) -> Sentence | None:
    from app.review.checks.style_mixed import sentence_style
    styles = [(s, sentence_style(s)) for s in ctx.sentences if s.text.strip()]
    if not styles or any(style == "polite" for _, style in styles):
        return None
    return next((s for s, style in styles if style == "plain" and _PLAIN_END.search(s.text.strip())), None)


# Pressing or reproaching the customer: 「早く振り込んでください」「今後は注意してください」「二度と〜しないで」.
# "Not at all, whatever happens": 一切 / いかなる理由 with a no is a flat refusal even in humble form.
_ABSOLUTE_NO = re.compile(r"(?:一切|いかなる(?:理由|場合)[^。]{0,6}?も|例外なく)[^。！]{0,12}?(?:ません|ない|かねます)")
_PRESSING = re.compile(r"(?:早く|(?<!お)早めに|早急に|至急|今すぐ|すぐに|今後は|次回から|次からは|二度と|いい加減)"
                       r"[^。！？]{0,15}?"
                       r"(?:て|で)(?:ください|下さい)(?!ませ)")
# "Do not do that": a prohibition of the customer's own doing (何度も聞かないでください).
_PROHIBITION = re.compile(
    r"(?:聞か|言わ|送ら|連絡し|電話し|問い合わせ|催促し|急かさ|書き込ま|来|返信し|メールし)ないで(?:ください|下さい)|"
    # Any doing forbidden "again and again" (同じ質問は何度もしないでください).
    r"(?:何度も|二度と|繰り返し)[^。！]{0,10}?ないで(?:ください|下さい)"
)
# A bare order in plain polite form that sends the customer away or back (「注文番号を書いて再送してください」
# 「別の日にしてください」「そちらに問い合わせてください」): Vてください with no お・ご request form, no care
# instruction, and a cue of _SENT_AWAY.
_BARE_ORDER = re.compile(r"(?<![おご])(?:して|って|んで|いで|えて|けて|べて|めて|れて|せて|きて|みて|ねて|"
                         r"にして|して|[見来出寝着]て)(?:ください|下さい)(?!ませ)[。！]?\s*$")
# A flat "none" is judged without a mail only when the sentence itself answers the customer's ask
# (「お問い合わせの商品ですが、在庫はありません。」); a bare 「在庫はありません。」 is too short to judge.
_ANSWERING = re.compile(r"(?:お問い合わせ|ご質問|ご希望|ご依頼|ご要望|ご注文|ご相談|ご指定)"
                        r"[^。]{0,12}?(?:ですが|の件|について)")
# What turns a bare order into a brush-off rather than a step of a procedure (「三点を同封してください」
# stays): sent elsewhere, sent back to redo it, told to read first, to pick another day.
_SENT_AWAY = re.compile(r"そちら|まず|再送|再度|もう一度|やり直|別の|他の|ほかの|自分で|ご自身で|ご自分で|"
                        # Sent to read it up (説明書を読んでください, 規約を見てください, ホームページで調べてください).
                        r"(?:説明書|規約|サイト|ホームページ|HP|ＨＰ|ページ|FAQ|ＦＡＱ|よくある質問|マニュアル|注意書き)"
                        r"[^。！]{0,8}?(?:読んで|見て|調べて|確認して|探して)|"
                        # Told how to contact the shop, in a bare order (問い合わせは営業時間内にしてください).
                        r"^(?:お?問い合わせ|ご?連絡|お?電話|メール|質問)(?:は|も)")
# A rule told in plain form among polite sentences (「遅れた場合はキャンセル扱いとする。」「例外はない。」
# 「併用は不可。」): the voice of a notice board, not of a reply.
_RULE_END = re.compile(r"(?:とする|扱い|(?:は|も)ない|不可|禁止|厳禁|無効|認めない|しない|できない|受け付けない)"
                       r"[。！]?\s*$")
# "Over already" and "not done here", flatly: 「受付期間はすでに終了しています」「予約なしの診察はしていません」.
_OVER = re.compile(r"(?:すでに|既に|もう)終了して(?:い|おり)ます|"
                   r"(?:では|は)[^。！]{0,12}?(?:は|を)?(?:して|行って)いません[。！]?\s*$")


# An order put as a rule to the customer: 「先に商品を返送すること。」「〜しないように。」.
_DIRECTIVE = re.compile(r"(?:する|送る|返す|払う|書く|読む|守る|確認する|連絡する|記入する|こと|ない)"
                        r"(?:こと|ように)[。！!]?\s*$|"
                        r"(?<![ご御お])(?:する|送る|返送する|入金する|記入する|確認する)こと[。]?\s*$")


# Cushion words of a refusal (クッション言葉) beyond the shared warmth list: あいにく, 残念ながら.
_SOFTENER = re.compile(r"あいにく|生憎|残念ながら|せっかく|心苦しい|勝手ながら|申し上げにくい|ご容赦|"
                       r"ご期待に(?:添え|沿え|お応え)|ご希望に(?:添え|沿え)|ご要望に(?:添え|沿え)")


def _refusals(ctx: ReviewContext) -> Sentence | None:
    """A draft with no warm word that refuses: a refusal sentence, or a prohibition of the customer's doing."""
    own = [s for s in ctx.sentences if s.text.strip()]
    if not own or _warm(own) or any(_ALTERNATIVE.search(s.text) or _SOFTENER.search(s.text) for s in own):
        return None
    for sentence in own:
        if _DIRECTIVE.search(sentence.text) or _RULE_END.search(sentence.text.strip()):
            return sentence
        if _BARE_ORDER.search(sentence.text.strip()) and _SENT_AWAY.search(sentence.text) and \
                not _CARE.search(sentence.text):
            return sentence
        if (_FLAT_NO.search(sentence.text) and _ANSWERING.search(sentence.text)) or _OVER.search(sentence.text):
            return sentence
        if _PROHIBITION.search(sentence.text) or _PRESSING.search(sentence.text) or refusal(sentence) or \
                _ABSOLUTE_NO.search(sentence.text):
            return sentence
    return None


def _finding_on(sentence: Sentence) -> list[Finding]:
    text = sentence.text.rstrip()
    start = sentence.start + len(text) - len(text.lstrip())
    return [messages.finding(FindingKind.TONE_COLD, Severity.WARNING, start, sentence.start + len(text),
                             messages.say(messages.TONE_COLD), "")]


def check(ctx: ReviewContext) -> list[Finding]:
    if is_overfamiliar(ctx):
        return []
    blame = _blame(ctx) or _curt_words(ctx) or _unapologetic(ctx)
    if not blame and not ctx.has_mail:
        plain = _plain_to_customer(ctx) or _refusals(ctx)
        if plain is not None:
            return _finding_on(plain)
    if blame:
        return blame
    body = [s for s in ctx.body_sentences if s.text.strip()]
    # Answering a mail, a refusal with not one warm word anywhere (no thanks, cushion or apology) is cold
    # however it goes on (「絶版品の取り寄せは行っていません。古書店でお探しください。」).
    if ctx.has_mail and body and not _warm(body):
        refused = _refusals(ctx)
        if refused is not None:
            return _finding_on(refused)
    if ctx.has_mail and len(body) <= 2 and not _warm(body):
        curt = _curt(ctx, body)
        if curt:
            return curt
    own = [s for s in ctx.sentences if s.text.strip()]
    note = _office_note(body) if ctx.has_mail else None
    if note is None:
        note = _trouble_unanswered(ctx, [s for s in body if s.text.strip()])
    if note is None and len(own) == 1 and not _warm(own) and _SERVICE_NO.search(own[0].text):
        note = own[0]
    if note is not None:
        text = note.text.rstrip()
        start = note.start + len(text) - len(text.lstrip())
        return [messages.finding(FindingKind.TONE_COLD, Severity.WARNING, start, note.start + len(text),
                                 messages.say(messages.TONE_COLD), "")]
    if _warm(own) or len(own) < 2:
        return []
    flat = next((s for s in own if _FLAT_NO.search(s.text.strip())), None)
    if flat is None and sum(len(s.text.strip()) for s in own) < 30:
        return []
    if not any(_INSTRUCTION.search(s.text) or _BARE.search(s.text) for s in own) and flat is None:
        return []
    if flat is None and not any(_BARE.search(s.text) for s in own) and all(
            _CARE.search(s.text) for s in own if _INSTRUCTION.search(s.text)):
        return []  # care instructions (保管してください, お召し上がりください) tell how to enjoy, not refuse
    sentence = flat if flat is not None and sum(len(s.text.strip()) for s in own) < 30 else _representative(
        tuple(own))
    text = sentence.text.rstrip()
    start = sentence.start + len(text) - len(text.lstrip())
    return [
        messages.finding(
            FindingKind.TONE_COLD,
            Severity.WARNING,
            start,
            sentence.start + len(text),
            messages.say(messages.TONE_COLD),
            "",
        )
    ]
