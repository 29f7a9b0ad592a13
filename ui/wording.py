"""How the window words the core's enums: folder roles, highlight kinds, parse notes.

The core returns kinds, never sentences (ARCHITECTURE.md §2); every sentence the
user reads about them is here, in Japanese, through Qt's translation system so
lupdate finds each literal.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.model import CueKind, HighlightKind, NoteKind, ParseNote, cue_parts
from app.sources.base import Folder, FolderRole


def folder_label(folder: Folder) -> str:
    """A folder's name: the role's usual name, or the provider's name for others."""
    role = folder.role
    if role is FolderRole.INBOX:
        return QCoreApplication.translate("Wording", "受信トレイ")
    if role is FolderRole.SENT:
        return QCoreApplication.translate("Wording", "送信済み")
    if role is FolderRole.DRAFTS:
        return QCoreApplication.translate("Wording", "下書き")
    if role is FolderRole.TRASH:
        return QCoreApplication.translate("Wording", "ごみ箱")
    if role is FolderRole.JUNK:
        return QCoreApplication.translate("Wording", "迷惑メール")
    return folder.name


def kind_label(kind: HighlightKind) -> str:
    if kind is HighlightKind.DISCLOSURE:
        return QCoreApplication.translate("Wording", "自己開示")
    if kind is HighlightKind.REQUEST:
        return QCoreApplication.translate("Wording", "ご要望・ご質問")
    return QCoreApplication.translate("Wording", "ご不安")


def kind_hint(kind: HighlightKind) -> str:
    """One line saying why this group matters when replying (tooltips)."""
    if kind is HighlightKind.DISCLOSURE:
        return QCoreApplication.translate(
            "Wording", "お客様がご自身について話してくださったこと。返信で一言触れると温かく伝わります。"
        )
    if kind is HighlightKind.REQUEST:
        return QCoreApplication.translate("Wording", "お客様が求めていること。返信で一つずつお答えしましょう。")
    return QCoreApplication.translate("Wording", "お客様が心配していること。安心できる一言を添えましょう。")


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
        CueKind.REASON: QCoreApplication.translate("Wording", "理由の説明"),
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
        return QCoreApplication.translate("Wording", "判断の手がかり: %1").replace("%1", label)
    if kind.value in _ENDINGS:
        words = "〜" + words  # an ending (〜でしょうか) reads as one with the wave dash
    return QCoreApplication.translate("Wording", "判断の手がかり: %1「%2」").replace("%1", label).replace("%2", words)


# Cues whose words are the end of a sentence rather than a word of their own.
_ENDINGS = {CueKind.QUESTION.value, CueKind.PLEASE.value, CueKind.BENEFACTIVE.value, CueKind.CONDITIONAL.value,
            CueKind.INDIRECT_QUESTION.value, CueKind.FEARED_IF.value, CueKind.ONGOING.value, CueKind.REASON.value}


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


def note_text(note: ParseNote) -> str | None:
    """The banner sentence for a parse note, or None when another banner covers it."""
    kind = note.kind
    detail = _short_detail(note)
    if kind is NoteKind.CHARSET_GUESSED:
        text = QCoreApplication.translate("Wording", "文字コードの指定がなかったため、推定して表示しています（%1）")
    elif kind is NoteKind.CHARSET_MISLABELLED:
        text = QCoreApplication.translate("Wording", "文字コードの指定が誤っていたため、推定して表示しています（%1）")
    elif kind is NoteKind.CHARSET_SUPERSET:
        text = QCoreApplication.translate("Wording", "機種依存文字を含むため、互換の文字コードで表示しています（%1）")
    elif kind is NoteKind.DECODE_REPLACED:
        text = QCoreApplication.translate(
            "Wording", "一部の文字を読み取れなかったため、代わりの記号で表示しています（%1）"
        )
    elif kind is NoteKind.TRANSFER_ENCODING_BROKEN:
        text = QCoreApplication.translate(
            "Wording", "本文の転送エンコードが壊れていたため、読み取れた範囲を表示しています（%1）"
        )
    elif kind is NoteKind.HEADER_REPAIRED:
        text = QCoreApplication.translate(
            "Wording", "件名または差出人の表記が壊れていたため、修復して表示しています（%1）"
        )
    elif kind is NoteKind.EMPTY_BODY:
        return QCoreApplication.translate("Wording", "このメールには本文がありません")
    elif kind is NoteKind.UNPARSEABLE:
        return QCoreApplication.translate(
            "Wording", "メールの形式を解釈できなかったため、元のテキストをそのまま表示しています"
        )
    elif kind is NoteKind.TRUNCATED:
        return QCoreApplication.translate("Wording", "本文が非常に長いため、途中までを表示しています")
    else:
        # HTML_ONLY and REMOTE_IMAGES_BLOCKED: the image banner says it better.
        return None
    if not detail:
        # Drop the empty parenthesis rather than show "（）".
        return text.replace("（%1）", "").replace("(%1)", "").replace(" %1", "").replace("%1", "")
    return text.replace("%1", detail)
