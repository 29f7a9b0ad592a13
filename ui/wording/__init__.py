"""How the window words the core's enums (folder roles, highlight kinds, parse notes) and findings.

The one wording idiom of the window: a Japanese sentence with named `{placeholders}`
through Qt's translation (`self.tr`, `QCoreApplication.translate`), filled by `fill`,
as the review's templates are (app/review/messages.py); errors are worded once, in
`ui.wording.errors`; each enum has one table (`ui.wording.tables`, checked for both
languages by tests/ui/test_wording.py).

The core returns kinds, never sentences (ARCHITECTURE.md §2); every sentence the
user reads about them is here, in Japanese, through Qt's translation system so
lupdate finds each literal. The review's finding sentences are the one exception:
the core writes them from templates it marks for lupdate itself
(app/review/messages.py), and `finding_message` translates and fills them here.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.model import CueKind, Finding, FindingKind, HighlightKind, NoteKind, ParseNote, cue_parts
from app.sources.base import Folder, FolderRole


class _Kept(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # a translation naming a placeholder we do not have: shown as written


def fill(template: str, **values: object) -> str:
    """The translated `template` with each `{name}` replaced by `values[name]`.

    A hand-edited translation with a stray or unknown placeholder shows it as written instead
    of failing the pane that words it."""
    try:
        return template.format_map(_Kept({name: str(value) for name, value in values.items()}))
    except (ValueError, IndexError):
        return template


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate under `context` (typed; PySide6's returns `object`)."""
    return text


def word(sentence: str) -> str:
    """A table's sentence (marked with QT_TRANSLATE_NOOP under "Wording") in the window's language."""
    return QCoreApplication.translate("Wording", sentence)


# An RFC 2047 word the parser could not read even leniently (app.mail.headers.decode_words keeps
# it as written): =?UTF-8?B?…?= in a list is noise to a shop owner.
_RAW_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
UNREADABLE_SUBJECT = QT_TRANSLATE_NOOP("Wording", "（件名を読めませんでした）")


def subject_shown(subject: str) -> tuple[str, str]:
    """(what to show, its tooltip) for a decoded subject: a subject still holding an undecodable
    encoded word shows 「（件名を読めませんでした）」 with the raw text in the tooltip."""
    if subject and _RAW_ENCODED_WORD.search(subject):
        return word(UNREADABLE_SUBJECT), subject
    return subject, subject


# -- one table per enum ---------------------------------------------------------------------

FOLDER_ROLES: dict[FolderRole, str] = {  # FolderRole.OTHER: the provider's own name
    FolderRole.INBOX: QT_TRANSLATE_NOOP("Wording", "受信トレイ"),
    FolderRole.SENT: QT_TRANSLATE_NOOP("Wording", "送信済み"),
    FolderRole.DRAFTS: QT_TRANSLATE_NOOP("Wording", "下書き"),
    FolderRole.TRASH: QT_TRANSLATE_NOOP("Wording", "ごみ箱"),
    FolderRole.JUNK: QT_TRANSLATE_NOOP("Wording", "迷惑メール"),
}

HIGHLIGHT_KINDS: dict[HighlightKind, str] = {
    HighlightKind.DISCLOSURE: QT_TRANSLATE_NOOP("Wording", "自己開示"),
    HighlightKind.REQUEST: QT_TRANSLATE_NOOP("Wording", "ご要望・ご質問"),
    HighlightKind.WORRY: QT_TRANSLATE_NOOP("Wording", "ご不安"),
}

HIGHLIGHT_HINTS: dict[HighlightKind, str] = {  # why each group matters when replying (tooltips)
    HighlightKind.DISCLOSURE: QT_TRANSLATE_NOOP(
        "Wording", "お客様がご自身について話してくださったこと。返信で一言触れると温かく伝わります。"),
    HighlightKind.REQUEST: QT_TRANSLATE_NOOP("Wording", "お客様が求めていること。返信で一つずつお答えしましょう。"),
    HighlightKind.WORRY: QT_TRANSLATE_NOOP("Wording", "お客様が心配していること。安心できる一言を添えましょう。"),
}


def folder_label(folder: Folder) -> str:
    """A folder's name: the role's usual name, or the provider's name for others."""
    sentence = FOLDER_ROLES.get(folder.role)
    return word(sentence) if sentence is not None else folder.name


def kind_label(kind: HighlightKind) -> str:
    return word(HIGHLIGHT_KINDS[kind])


def kind_hint(kind: HighlightKind) -> str:
    """One line saying why this group matters when replying (tooltips)."""
    return word(HIGHLIGHT_HINTS[kind])


def _cue_label(kind: CueKind) -> str:
    # Literal calls (not an alias) so pyside6-lupdate finds every label.
    labels = {
        CueKind.QUESTION: QCoreApplication.translate("Wording", "問いかけ"),
        CueKind.PLEASE: QCoreApplication.translate("Wording", "依頼の言葉"),
        CueKind.BENEFACTIVE: QCoreApplication.translate("Wording", "お願いの形"),
        CueKind.ONEGAI: QCoreApplication.translate("Wording", "具体的なお願い"),
        CueKind.WANT: QCoreApplication.translate("Wording", "ご希望（〜たい）"),
        CueKind.HOPE: QCoreApplication.translate("Wording", "ご希望"),
        CueKind.CONDITIONAL: QCoreApplication.translate("Wording", "〜と助かるという言い方"),
        CueKind.HEDGED: QCoreApplication.translate("Wording", "控えめなお願い"),
        CueKind.ALTERNATIVE: QCoreApplication.translate("Wording", "代わりの案の提示"),
        CueKind.INDIRECT_QUESTION: QCoreApplication.translate("Wording", "遠回しな質問"),
        CueKind.PROPOSAL: QCoreApplication.translate("Wording", "改善の提案"),
        CueKind.LISTED: QCoreApplication.translate("Wording", "箇条書きのご質問"),
        CueKind.WORRY_WORD: QCoreApplication.translate("Wording", "不安を表す言葉"),
        CueKind.DOUSHIYOU: QCoreApplication.translate("Wording", "困っている様子"),
        CueKind.RESTLESS: QCoreApplication.translate("Wording", "落ち着かない気持ち"),
        CueKind.FEARED_IF: QCoreApplication.translate("Wording", "もしもの心配"),
        CueKind.NERVOUS: QCoreApplication.translate("Wording", "気をもんでいる様子"),
        CueKind.RISK: QCoreApplication.translate("Wording", "気になっている危険"),
        CueKind.WONDERING: QCoreApplication.translate("Wording", "気にかけていること"),
        CueKind.FAMILY: QCoreApplication.translate("Wording", "ご家族・身近な方"),
        CueKind.LIFE: QCoreApplication.translate("Wording", "暮らしの出来事"),
        CueKind.PLAN: QCoreApplication.translate("Wording", "ご予定"),
        CueKind.EXPERIENCE: QCoreApplication.translate("Wording", "ご経験"),
        CueKind.CIRCUMSTANCE: QCoreApplication.translate("Wording", "ご事情"),
        CueKind.SELF: QCoreApplication.translate("Wording", "ご自身のこと"),
        CueKind.KNOWLEDGE: QCoreApplication.translate("Wording", "不慣れなこと"),
        CueKind.ONGOING: QCoreApplication.translate("Wording", "続いている状況"),
        CueKind.FEELING: QCoreApplication.translate("Wording", "ご自身の気持ち"),
        CueKind.REASON: QCoreApplication.translate("Wording", "理由の説明"),
        CueKind.LEARNED: QCoreApplication.translate("Wording", "似た文でよく使われる言葉"),
    }
    return labels.get(kind, "")


def cue_text(cue: str) -> str:
    """Why a highlight was marked, for its tooltip: 「判断の手がかり: 問いかけ「〜でしょうか」」."""
    kind, words = cue_parts(cue)
    if kind is None:
        return ""
    if kind is CueKind.MANUAL:
        return QCoreApplication.translate("Wording", "あなたが追加した項目です")
    label = _cue_label(kind)
    if not words:
        return fill(QCoreApplication.translate("Wording", "判断の手がかり: {label}"), label=label)
    if kind.value in _ENDINGS:
        words = "〜" + words  # an ending (〜でしょうか) reads as one with the wave dash
    return fill(QCoreApplication.translate("Wording", "判断の手がかり: {label}「{words}」"), label=label, words=words)


# Cues whose words are the end of a sentence rather than a word of their own.
_ENDINGS = {CueKind.QUESTION.value, CueKind.PLEASE.value, CueKind.BENEFACTIVE.value, CueKind.CONDITIONAL.value,
            CueKind.INDIRECT_QUESTION.value, CueKind.PROPOSAL.value, CueKind.FEARED_IF.value, CueKind.ONGOING.value,
            CueKind.REASON.value}


_CHARSETS = re.compile(r"declared=(\S+)\s+used=(\S+)")


def _short_detail(note: ParseNote) -> str:
    """The part of a note's technical detail worth showing: "shift_jis → cp932".

    The parser writes "where: declared=X used=Y"; which header or part it was
    does not help the reader, and the same repair on three parts is one banner.
    """
    if note.kind is NoteKind.HEADER_REPAIRED:
        return ""
    detail = note.detail.rsplit(": ", 1)[-1].strip()
    match = _CHARSETS.search(detail)
    if match is None:
        return detail
    declared, used = match.groups()
    return used if declared == "none" else f"{declared} → {used}"


# Repairs that may have changed what the reader sees (a character lost, a line cut): worth a warning
# colour. The rest only says how the text was read, in a calm note.
LOSSY_NOTES = frozenset({
    NoteKind.DECODE_REPLACED, NoteKind.TRANSFER_ENCODING_BROKEN, NoteKind.UNPARSEABLE, NoteKind.TRUNCATED,
    NoteKind.MULTIPART_UNTERMINATED,
})


def note_text(note: ParseNote) -> str | None:
    """The banner sentence for a parse note in plain words, or None when nothing needs saying.

    Codec names stay out of the sentence (`note_detail` has them, for the tooltip). A
    Shift_JIS label read as its Windows superset CP932, or ISO-2022-JP with NEC extension
    characters, is how ordinary Japanese mail is written: no banner at all.
    """
    kind = note.kind
    if kind in (NoteKind.CHARSET_GUESSED, NoteKind.CHARSET_MISLABELLED):
        return QCoreApplication.translate("Wording", "文字化けを防ぐため、文字コードを推定して表示しています")
    if kind is NoteKind.DECODE_REPLACED:
        return QCoreApplication.translate(
            "Wording", "一部の文字を読み取れなかったため、「�」で表示しています。必要ならお客様に確認してください"
        )
    if kind is NoteKind.TRANSFER_ENCODING_BROKEN:
        return QCoreApplication.translate(
            "Wording", "本文の一部が壊れて届いたため、読み取れた範囲を表示しています"
        )
    if kind is NoteKind.HEADER_REPAIRED:
        return QCoreApplication.translate(
            "Wording", "件名または差出人の表記が壊れていたため、修復して表示しています"
        )
    if kind is NoteKind.EMPTY_BODY:
        return QCoreApplication.translate("Wording", "このメールには本文がありません")
    if kind is NoteKind.UNPARSEABLE:
        return QCoreApplication.translate(
            "Wording", "メールの形式を解釈できなかったため、元のテキストをそのまま表示しています"
        )
    if kind is NoteKind.TRUNCATED:
        return QCoreApplication.translate("Wording", "本文が非常に長いため、途中までを表示しています")
    if kind is NoteKind.MULTIPART_UNTERMINATED:
        return QCoreApplication.translate(
            "Wording", "メールの終わりが欠けているため、途中で切れている可能性があります"
        )
    if kind is NoteKind.HTML_TOO_COMPLEX:
        return QCoreApplication.translate(
            "Wording", "HTML の構造が極端に深い・大きいため、安全のため書式を外して文字だけを表示しています"
        )
    if kind is NoteKind.MULTIPART_TOO_DEEP:
        return QCoreApplication.translate(
            "Wording", "メールの構造が極端に深いため、本文を平らに並べて表示しています"
        )
    if kind is NoteKind.ESCAPE_MISSING:
        return QCoreApplication.translate(
            "Wording", "日本語の切り替え記号が抜けていた行を補って表示しています"
        )
    # CHARSET_SUPERSET: ordinary mail. HTML_ONLY and REMOTE_IMAGES_BLOCKED: the image banner says it.
    return None


def note_detail(note: ParseNote) -> str:
    """The technical side of a note, for the banner's tooltip: "shift_jis → cp932"."""
    detail = _short_detail(note)
    if note.kind in (NoteKind.CHARSET_GUESSED, NoteKind.CHARSET_MISLABELLED, NoteKind.DECODE_REPLACED) and detail:
        return fill(QCoreApplication.translate("Wording", "文字コード: {detail}"), detail=detail)
    return detail


def finding_label(kind: FindingKind) -> str:
    """The short name of a review finding, shown before its sentence."""
    labels = {
        FindingKind.UNANSWERED_REQUEST: QCoreApplication.translate("Wording", "未回答のご要望"),
        FindingKind.IGNORED_DISCLOSURE: QCoreApplication.translate("Wording", "触れていないお話"),
        FindingKind.UNACKNOWLEDGED_WORRY: QCoreApplication.translate("Wording", "寄り添えていないご不安"),
        FindingKind.REFUSAL_WITHOUT_ALTERNATIVE: QCoreApplication.translate("Wording", "代案のないお断り"),
        FindingKind.TONE_COLD: QCoreApplication.translate("Wording", "事務的な印象"),
        FindingKind.TONE_OVERFAMILIAR: QCoreApplication.translate("Wording", "なれなれしい印象"),
        FindingKind.KEIGO_DOUBLE: QCoreApplication.translate("Wording", "二重敬語"),
        FindingKind.KEIGO_BAITO: QCoreApplication.translate("Wording", "バイト敬語"),
        FindingKind.KEIGO_DIRECTION: QCoreApplication.translate("Wording", "敬語の向き"),
        FindingKind.RANUKI: QCoreApplication.translate("Wording", "ら抜き言葉"),
        FindingKind.SA_IRE: QCoreApplication.translate("Wording", "さ入れ言葉"),
        FindingKind.INUKI: QCoreApplication.translate("Wording", "い抜き言葉"),
        FindingKind.STYLE_MIXED: QCoreApplication.translate("Wording", "文体の混在"),
        FindingKind.REDUNDANT: QCoreApplication.translate("Wording", "重複表現"),
        FindingKind.PARTICLE_REPEAT: QCoreApplication.translate("Wording", "助詞の連続"),
        FindingKind.LONG_SENTENCE: QCoreApplication.translate("Wording", "長い文"),
        FindingKind.TYPO: QCoreApplication.translate("Wording", "誤字"),
        FindingKind.MACHINE_DEPENDENT_CHAR: QCoreApplication.translate("Wording", "機種依存文字"),
        FindingKind.HALFWIDTH_KANA: QCoreApplication.translate("Wording", "半角カナ"),
        FindingKind.UNFILLED_PLACEHOLDER: QCoreApplication.translate("Wording", "未記入の差し込み"),
        FindingKind.LOOKALIKE_CHAR: QCoreApplication.translate("Wording", "似た文字の取り違え"),
        FindingKind.DOUBLE_NEGATIVE: QCoreApplication.translate("Wording", "二重否定"),
        FindingKind.MISUSED_WORD: QCoreApplication.translate("Wording", "言葉の誤用"),
        FindingKind.SASETE_OVERUSE: QCoreApplication.translate("Wording", "させていただくの多用"),
        FindingKind.BUSINESS_MANNER: QCoreApplication.translate("Wording", "ビジネスマナー"),
        FindingKind.CONJUNCTION_REPEAT: QCoreApplication.translate("Wording", "接続詞の連続"),
        FindingKind.NOT_WRITTEN: QCoreApplication.translate("Wording", "本文なし"),
        FindingKind.LENGTH_DECLINE: QCoreApplication.translate("Wording", "これまでより短い返信"),
        FindingKind.WARMTH_DECLINE: QCoreApplication.translate("Wording", "これまでより控えめな温かみ"),
    }
    return labels[kind]


def finding_message(finding: Finding) -> str:
    """A finding's sentence in the user's language.

    The core's template (app/review/messages.py, marked there for lupdate) is
    translated, then filled with the values the check gave; a finding made
    without a template shows its Japanese message as is.
    """
    if not finding.template:
        return finding.message
    translated = QCoreApplication.translate("Finding", finding.template)
    try:
        return translated.format(**dict(finding.args))
    except (KeyError, IndexError, ValueError):
        # A translation whose placeholders do not fit (the check forbids it, a hand-edited
        # .qm may not) must not break the review pane: show the Japanese sentence instead.
        return finding.message


def finding_line(finding: Finding) -> str:
    """「label：sentence」, as the composer and the send dialog list a finding (the colon is the language's)."""
    line = QCoreApplication.translate("Wording", "{label}：{message}")
    return fill(line, label=finding_label(finding.kind), message=finding_message(finding))
