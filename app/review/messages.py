"""Every sentence a review finding says: a Japanese template with named {placeholders}.

The core may not import Qt (ARCHITECTURE.md §2), yet the English window must
translate these sentences. So each template is a literal wrapped in our own
`QT_TRANSLATE_NOOP`, which `scripts/translations.py` has pyside6-lupdate scan
(it finds the calls by name), and a finding carries its template and the values
as strings: the UI translates the template and fills it in (ui.wording.finding_message).
`Finding.message` stays the Japanese sentence for the CLI and the tests.

Keep a template's text unchanged unless the sentence itself should change: the
translation is keyed by it, and tests and scorers compare the Japanese sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model import Finding, FindingKind, Highlight, Severity


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate under `context`; returns it untouched (no Qt in the core)."""
    return text


# -- mail-side: what the customer wrote that the draft leaves out ----------------------

UNANSWERED_REQUEST = QT_TRANSLATE_NOOP("Finding", "お客様のご質問・ご要望「{asked}」へのお答えが見当たりません。")
IGNORED_DISCLOSURE = QT_TRANSLATE_NOOP(
    "Finding", "お客様が教えてくださった「{told}」に触れていません。ひとこと受け止める言葉を添えましょう。"
)
UNACKNOWLEDGED_WORRY = QT_TRANSLATE_NOOP(
    "Finding",
    "お客様のご不安「{worry}」に寄り添う言葉がありません。"
    "「ご心配なことと存じます」のように、お気持ちを受け止めましょう。",
)

# -- draft-side: the reply as a whole ---------------------------------------------------

REFUSAL_WITHOUT_ALTERNATIVE = QT_TRANSLATE_NOOP(
    "Finding",
    "お断りの理由も、代わりのご提案もありません。「〜のため」と理由を添え、"
    "キャンセル・交換・別の商品など、お客様が選べる道をご案内しましょう。",
)
TONE_COLD = QT_TRANSLATE_NOOP(
    "Finding",
    "事務的で冷たい印象です。お礼（ありがとうございます）やクッション言葉（恐れ入りますが、"
    "お手数ですが）、必要ならお詫びを添えましょう。",
)
TONE_CURT = QT_TRANSLATE_NOOP(
    "Finding",
    "用件だけの素っ気ない返信です。お断りやお知らせには、お詫びやクッション言葉"
    "（あいにく、申し訳ございませんが）を添えましょう。",
)
TONE_BLAME = QT_TRANSLATE_NOOP(
    "Finding",
    "お客様を責めているように読めます。「お手数ですが」「念のため」などを添え、"
    "こちらからご案内する言い方に改めましょう。",
)
TONE_OVERFAMILIAR = QT_TRANSLATE_NOOP(
    "Finding",
    "お客様に対してなれなれしい表現があります（タメ口・絵文字・「了解です」など）。"
    "です・ます調の丁寧な言い方に改めましょう。",
)

# -- keigo ---------------------------------------------------------------------------------

KEIGO_DOUBLE = QT_TRANSLATE_NOOP("Finding", "二重敬語です。敬語が重なっています。")
KEIGO_DOUBLE_O_NI_NARU = QT_TRANSLATE_NOOP(
    "Finding", "二重敬語です。敬語が重なっています。「お〜になる」に「れる・られる」は重ねません。"
)
KEIGO_DOUBLE_HONORIFIC = QT_TRANSLATE_NOOP(
    "Finding", "二重敬語です。敬語が重なっています。「{word}」だけで尊敬語です。"
)
KEIGO_DOUBLE_HUMBLE = QT_TRANSLATE_NOOP(
    "Finding", "二重敬語です。敬語が重なっています。「{word}」は謙譲語なので「させていただく」は不要です。"
)
KEIGO_DOUBLE_CUSTOMARY = QT_TRANSLATE_NOOP(
    "Finding", "慣用として定着した二重敬語で、誤りではありません。より簡潔にするなら一つの敬語にします。"
)
KEIGO_DOUBLE_HUMBLE_PREFIX = QT_TRANSLATE_NOOP(
    "Finding", "二重敬語です。「{word}」は謙譲語なので「ご」は付けません。"
)
KEIGO_BAITO_KATACHI = QT_TRANSLATE_NOOP(
    "Finding", "「〜の形になります」は遠回しなバイト敬語です。「〜いたします」「〜です」と言い切ります。"
)
KEIGO_BAITO_YOROSHIKATTA = QT_TRANSLATE_NOOP(
    "Finding", "「よろしかったでしょうか」は過去形のバイト敬語です。「よろしいでしょうか」とします。"
)
KEIGO_BAITO_NI_NARIMASU = QT_TRANSLATE_NOOP(
    "Finding", "「〜になります」は変化を表す言葉です。「〜でございます」「〜です」とします。"
)
KEIGO_BAITO_NO_HOU = QT_TRANSLATE_NOOP("Finding", "比べるものがないときの「〜のほう」はバイト敬語です。取り除きます。")
KEIGO_BAITO_KANJI_VAGUE = QT_TRANSLATE_NOOP(
    "Finding",
    "「〜する感じで」「〜感じです」はぼかした言い方のバイト敬語です。「〜してよろしいでしょうか」「〜いたします」と言い切ります。",
)
KEIGO_BAITO_DAIJOUBU = QT_TRANSLATE_NOOP(
    "Finding", "お客様への確認に「大丈夫ですか」はくだけた言い方です。「よろしいでしょうか」とします。"
)
KEIGO_BAITO_TTE = QT_TRANSLATE_NOOP("Finding", "「〜って」は話し言葉です。敬語の文では「〜は」とします。")
KEIGO_BAITO_KANJI = QT_TRANSLATE_NOOP(
    "Finding", "「〜感じになっております」はぼかした言い方のバイト敬語です。「〜できません」などと言い切ります。"
)
KEIGO_BAITO_SAMA = QT_TRANSLATE_NOOP("Finding", "「様」は人に付ける敬称です。「お名前」「ご住所」だけで丁寧です。")
KEIGO_BAITO_KARA = QT_TRANSLATE_NOOP("Finding", "「〜円からお預かりします」の「から」は不要です。")
KEIGO_BAITO_CHOUDO = QT_TRANSLATE_NOOP(
    "Finding", "ちょうどの代金はお返しするものがないので、「お預かりします」ではなく「頂戴します」とします。"
)
KEIGO_BAITO_RECEIPT = QT_TRANSLATE_NOOP(
    "Finding", "レシートや控えはお返しするものではありません。「レシートでございます」とします。"
)
KEIGO_DIRECTION_DEKIRU = QT_TRANSLATE_NOOP(
    "Finding", "「{word}できる」は謙譲語です。お客様の行為には「{word}いただける」を使います。"
)
KEIGO_DIRECTION_RERU = QT_TRANSLATE_NOOP(
    "Finding", "「{word}」は謙譲語に「れる」を付けた形です。お客様には尊敬語「{honorific}」を使います。"
)
KEIGO_DIRECTION_CUSTOMER = QT_TRANSLATE_NOOP(
    "Finding", "お客様の行為に謙譲語「{word}」を使っています。尊敬語「{honorific}」を使います。"
)
KEIGO_DIRECTION_OWN = QT_TRANSLATE_NOOP(
    "Finding", "自社の人の行為に尊敬語「{word}」を使っています。お客様には謙譲語「{humble}」で伝えます。"
)
KEIGO_DIRECTION_REQUEST = QT_TRANSLATE_NOOP("Finding", "お客様にお願いする行為に謙譲語「{word}」を使っています。")

# -- word forms --------------------------------------------------------------------------

RANUKI = QT_TRANSLATE_NOOP("Finding", "ら抜き言葉です。「{stem}られる」とします。")
SA_IRE = QT_TRANSLATE_NOOP("Finding", "さ入れ言葉です。「{fixed}」とします。")
INUKI = QT_TRANSLATE_NOOP("Finding", "い抜き言葉です。「{fixed}」とします。")

# -- style and readability -------------------------------------------------------------

STYLE_MIXED = QT_TRANSLATE_NOOP(
    "Finding", "です・ます調の中に、だ・である調の文が混ざっています。文体をそろえましょう。"
)
REDUNDANT_ABOUT = QT_TRANSLATE_NOOP("Finding", "「約」と「{word}」が重なっています。")
REDUNDANT = QT_TRANSLATE_NOOP("Finding", "「{words}」は同じ意味の言葉が重なっています。")
PARTICLE_DOUBLED = QT_TRANSLATE_NOOP("Finding", "助詞「{particle}」が二度続いています。")
PARTICLE_IN_CLAUSE = QT_TRANSLATE_NOOP(
    "Finding", "一つの文節に助詞「{particle}」が二度使われています。言い換えましょう。"
)
PARTICLE_GA_TWICE = QT_TRANSLATE_NOOP(
    "Finding", "一文に逆接の「が」が二度あり、話の向きが分かりにくくなっています。文を分けましょう。"
)
CONJUNCTION_REPEAT = QT_TRANSLATE_NOOP("Finding", "同じ接続詞「{word}」で文が続いています。")
MAX_TEN = QT_TRANSLATE_NOOP(
    "Finding", "一文に読点が{count}つあります。{limit}つまでを目安に、文を分けましょう。"
)
PARTICLE_NO_CHAIN = QT_TRANSLATE_NOOP("Finding", "「の」が続きすぎて読みにくくなっています。")
LONG_SENTENCE = QT_TRANSLATE_NOOP(
    "Finding", "一文が{count}文字あり、読みにくくなっています。{limit}文字以内を目安に分けましょう。"
)

# -- characters and mistakes ----------------------------------------------------------

LOOKALIKE_CHAR = QT_TRANSLATE_NOOP(
    "Finding", "「{wrong}」は形の似た文字を取り違えていませんか。「{right}」ではありませんか。"
)
DOUBLE_NEGATIVE = QT_TRANSLATE_NOOP(
    "Finding", "否定が重なっていて、できるのかできないのか分かりにくくなっています。肯定の形で言い切りましょう。"
)
MISUSED_WORD = QT_TRANSLATE_NOOP("Finding", "「{wrong}」は誤用です。「{right}」とします。")
SASETE_OVERUSE = QT_TRANSLATE_NOOP(
    "Finding", "「させていただく」が続いて、回りくどい印象です。「いたします」などに言い換えましょう。"
)
SASETE_NEEDLESS = QT_TRANSLATE_NOOP(
    "Finding", "「{word}」：自分の気持ちには許しが要らないので「させていただく」は使いません。"
)
SASETE_OWN_ACT = QT_TRANSLATE_NOOP(
    "Finding", "「{word}」：お店自身のこと（歩み・仕事・暮らし）には許しが要らないので「させていただく」は使いません。"
)
BUSINESS_ONCHU = QT_TRANSLATE_NOOP(
    "Finding", "「御中」は会社や部署あての敬称です。担当者の名前に「様」を付けるときは「御中」を付けません。"
)
BUSINESS_MANNER = QT_TRANSLATE_NOOP(
    "Finding", "「{wrong}」はお客様へのメールでは避けたい言い回しです。「{right}」とします。"
)

TYPO = QT_TRANSLATE_NOOP("Finding", "誤字の可能性があります。「{right}」ではありませんか。")
TYPO_DOUBLED_WORD = QT_TRANSLATE_NOOP("Finding", "「{word}」が二度続いています。")
MACHINE_DEPENDENT_CHAR = QT_TRANSLATE_NOOP(
    "Finding", "「{char}」は機種依存文字で、お客様の環境によっては文字化けします。"
)
INVISIBLE_CHAR = QT_TRANSLATE_NOOP(
    "Finding", "「{char}」は見えない文字か、形だけ同じ別の文字です。検索や表示で問題になります。"
)
HALFWIDTH_KANA = QT_TRANSLATE_NOOP("Finding", "半角カタカナは文字化けの原因になります。全角で書きましょう。")
UNFILLED_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "Finding", "「{placeholder}」が埋められていません。送信前に書き換えてください。"
)

NOT_WRITTEN = QT_TRANSLATE_NOOP("Finding", "まだ本文が書かれていません。")

# -- consistency with our earlier replies ----------------------------------------------

LENGTH_DECLINE = QT_TRANSLATE_NOOP(
    "Finding",
    "このお客様へのこれまでの返信（最近は約{usual}字）に比べて、かなり短くなっています"
    "（{length}字）。素っ気ない印象にならないか見直しましょう。",
)
WARMTH_DECLINE = QT_TRANSLATE_NOOP(
    "Finding",
    "このお客様へのこれまでの返信より温かみが減っています（お礼・共感・クッション言葉・"
    "お客様についてのひとことが、最近は約{usual}か所、今回は{count}か所）。",
)

# Every template above (the tests check each formats and has an English translation).
TEMPLATES: frozenset[str] = frozenset(
    value for name, value in dict(globals()).items() if name.isupper() and isinstance(value, str)
)


@dataclass(frozen=True, slots=True)
class Said:
    """A sentence as the core says it: the Japanese text, its template and the values filled in."""

    text: str
    template: str
    args: tuple[tuple[str, str], ...]


def say(template: str, **values: str) -> Said:
    """Fill `template` with `values` (strings: numbers are formatted by the caller)."""
    return Said(template.format(**values), template, tuple(values.items()))


def finding(
    kind: FindingKind,
    severity: Severity,
    start: int,
    end: int,
    said: Said,
    suggestion: str = "",
    ref: Highlight | None = None,
) -> Finding:
    """A Finding whose sentence the UI can translate."""
    return Finding(kind, severity, start, end, said.text, suggestion, ref, said.template, said.args)
