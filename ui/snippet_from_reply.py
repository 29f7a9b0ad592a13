"""「定型文にする」: a passage of a reply the shop sent becomes a snippet, its customer's details replaced.

Offered in the reader's menu when the mail shown is one of ours (送信済み, or a
past reply opened from the customer panel) and words are selected, and in the
menu of the customer panel's past replies (the whole reply, without quote and
signature, to trim in the dialog). `app.sharing.generalize` replaces the
customer's name, dates, products, order numbers, numbers and the topic on the
analysis lane (it reads Sudachi's proper nouns); the dialog shows the result and
what was replaced, editable, with the situation it will be offered for. The
snippet records who made it and from which reply; in team mode it goes to the
team's server and every client offers it, otherwise to this shop's own pack.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.identity import identities_from_setting, is_ours
from app.mail.compose import customer_name
from app.model import HighlightKind, Message, PastReply
from app.settings import SHOP_IDENTITIES, TEAM_STAFF_NAME
from app.sharing.generalize import Generalized, generalize, guess_situation, own_part
from app.snippets import PLACEHOLDERS, Snippet
from app.sources.base import MessageRef
from ui.screen_fit import fit_dialog
from ui.tasks import ANALYSIS, TaskFailure
from ui.wording import fill
from ui.wording.errors import error_text

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

SAVE_LANE = "snippets"


def placeholder_label(name: str) -> str:
    labels = {
        "customer": QCoreApplication.translate("MakeSnippetDialog", "お客様のお名前"),
        "topic": QCoreApplication.translate("MakeSnippetDialog", "話題"),
        "product": QCoreApplication.translate("MakeSnippetDialog", "商品名"),
        "date": QCoreApplication.translate("MakeSnippetDialog", "日付・日時"),
        "order": QCoreApplication.translate("MakeSnippetDialog", "注文番号"),
        "number": QCoreApplication.translate("MakeSnippetDialog", "数値（サイズ・金額など）"),
        "staff": QCoreApplication.translate("MakeSnippetDialog", "担当者名"),
    }
    return labels.get(name, name)


@dataclass(frozen=True, slots=True)
class Proposal:
    """What the analysis lane hands the dialog."""

    passage: str
    made: Generalized
    situation: str
    kinds: tuple[HighlightKind, ...]
    made_from: str


def propose(message: Message, passage: str) -> Proposal:
    customer = customer_name(message.to[0]) if message.to else ""
    made = generalize(passage, customer=customer, reply_body=message.body, subject=message.subject)
    situation, kinds = guess_situation(made.text)
    when = message.date.astimezone().strftime("%Y/%m/%d") if message.date else ""
    made_from = f"{message.subject}（{when}）" if when else message.subject
    return Proposal(passage, made, situation, kinds, made_from)


class MakeSnippetDialog(QDialog):
    def __init__(self, proposal: Proposal, situations: dict[str, str], staff: str, team: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("makeSnippetDialog")
        self.setWindowTitle(self.tr("定型文にする"))
        self.proposal = proposal
        self.staff = staff
        fit_dialog(self, QSize(620, 560))  # at most 90 % of the screen (ui.screen_fit)
        intro = QLabel(self.tr("送信した返信の文から、お客様ごとに変わるところを差し込みに置き換えました。"
                               "内容を確かめて、必要なら直してください。"), self)
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("snippetText")
        self.text.setPlainText(proposal.made.text)
        replaced = list(dict.fromkeys((r.original, r.placeholder) for r in proposal.made.replaced))
        self.replaced = QLabel(self)
        self.replaced.setObjectName("snippetReplaced")
        self.replaced.setWordWrap(True)
        self.replaced.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.replaced.setText(
            self.tr("置き換えた語：") + "、".join(f"「{o}」→{{{p}}}" for o, p in replaced) if replaced
            else self.tr("置き換えた語はありません。お客様のお名前などが残っていないか確かめてください。"))
        self.situation = QComboBox(self)
        self.situation.setObjectName("snippetSituation")
        for key, label in situations.items():
            self.situation.addItem(label, key)
        at = self.situation.findData(proposal.situation)
        self.situation.setCurrentIndex(max(at, 0))
        where = fill(self.tr("チームの定型文として共有します（作成：{staff}）") if team
                     else self.tr("このパソコンの定型文に保存します（作成：{staff}）"),
                     staff=staff or self.tr("未設定"))
        self.where = QLabel(where + "\n" + fill(self.tr("元の返信：{reply}"), reply=proposal.made_from), self)
        self.where.setObjectName("snippetWhere")
        self.where.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("snippetError")
        self.error.setStyleSheet("color: #b42318;")
        self.error.setWordWrap(True)
        self.error.hide()
        legend = QLabel("　".join(f"{{{name}}} {placeholder_label(name)}" for name in PLACEHOLDERS), self)
        legend.setObjectName("panelHint")
        legend.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("場面"), self.situation)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("定型文として保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("snippetSave")
        self.buttons.addButton(self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(legend)
        layout.addWidget(self.replaced)
        layout.addLayout(form)
        layout.addWidget(self.where)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def snippet(self) -> Snippet:
        return Snippet("", str(self.situation.currentData()), self.text.toPlainText().strip(),
                       self.proposal.kinds, self.staff, self.proposal.made_from)

    def accept(self) -> None:
        text = self.text.toPlainText().strip()
        unknown = sorted(set(re.findall(r"\{(\w+)\}", text)) - set(PLACEHOLDERS))
        if not text:
            self._fail(self.tr("定型文が空です。"))
            return
        if unknown:
            self._fail(fill(self.tr("使えない差し込みがあります：{unknown}（使えるもの：{known}）"),
                            unknown="、".join("{" + u + "}" for u in unknown),
                            known="、".join("{" + p + "}" for p in PLACEHOLDERS)))
            return
        super().accept()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class SnippetFromReply(QObject):
    dialog_opened = Signal()
    saved = Signal(str)  # the new snippet's id

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: MakeSnippetDialog | None = None
        window.reader.menu_extenders.append(self._extend_reader_menu)
        replies = window.customer_panel.replies
        replies.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        replies.customContextMenuRequested.connect(self._reply_menu)

    # -- where it is offered ------------------------------------------------------
    def _shown_is_ours(self) -> Message | None:
        current = self.window.mailbox.current
        message = self.window.reader.message
        if current is None or message is None or current.message is not message:
            return None
        saved_identities = self.window.settings.get(SHOP_IDENTITIES)
        identities = identities_from_setting(saved_identities)
        return message if self.window.mailbox._is_sent(current.ref) or is_ours(message, identities) else None

    def _extend_reader_menu(self, menu: QMenu) -> None:
        message = self._shown_is_ours()
        if message is None:
            return
        selection = self.window.reader.selection_in_body()
        action = menu.addAction(self.tr("定型文にする"))
        action.setObjectName("makeSnippet")
        action.setEnabled(selection is not None)
        if selection is not None:
            start, end = selection
            action.triggered.connect(lambda _checked=False: self.make(message, message.body[start:end]))

    def reply_menu_for(self, item: QListWidgetItem | None) -> QMenu:
        menu = QMenu(self.window.customer_panel.replies)
        reply = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        action = menu.addAction(self.tr("定型文にする"))
        action.setObjectName("makeSnippetFromPastReply")
        action.setEnabled(isinstance(reply, PastReply) and bool(reply.key))
        if isinstance(reply, PastReply):
            action.triggered.connect(lambda _checked=False: self.make_from_past(reply))
        return menu

    def _reply_menu(self, pos: QPoint) -> None:
        replies = self.window.customer_panel.replies
        menu = self.reply_menu_for(replies.itemAt(pos))
        menu.exec(replies.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def make_from_past(self, reply: PastReply) -> None:
        """The whole reply (without quote and signature) from the panel: fetched, then the same dialog."""
        source = self.window.mailbox.source
        if source is None:
            return
        from ui.operations import mailbox as mailbox_ops

        mailbox_ops.fetch_message(
            self.window.runner, self.window.mailbox.mail_account, source, MessageRef(reply.folder_id, reply.key),
            lambda opened: self.make(opened.message, own_part(opened.message.body)), self._on_error)

    # -- making ------------------------------------------------------------------------
    def make(self, message: Message, passage: str) -> None:
        if not passage.strip():
            return
        self.window.runner.submit(ANALYSIS, lambda: propose(message, passage), self._open, self._on_error,
                                  slot="make-snippet")

    def _open(self, proposal: Proposal) -> None:
        team = self.window.team.active
        dialog = MakeSnippetDialog(proposal, self.window.compose.pack.situations,
                                   self.window.settings.get(TEAM_STAFF_NAME), team, self.window)
        self.dialog = dialog
        dialog.finished.connect(partial(self._on_finished, dialog))
        dialog.open()
        self.dialog_opened.emit()

    def _on_finished(self, dialog: MakeSnippetDialog, result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        snippet = dialog.snippet()
        room = self.window.team.room
        if room is not None:
            from app.sharing.saved import save_team

            engine = room.engine
            self.window.runner.submit("team", lambda: save_team(engine, snippet), self._on_saved, self._on_error)
        else:
            from app.sharing.saved import save_local

            self.window.runner.submit(SAVE_LANE, lambda: save_local(snippet), self._on_saved, self._on_error)

    def _on_saved(self, snippet: Snippet) -> None:
        if self.window.team.active:
            self.window.team.load_snippets()  # reloads the composer's pack when it arrives
        else:
            self.window.compose.reload_pack()
        shown = snippet.text[:30] + ("…" if len(snippet.text) > 30 else "")
        self.window.status.say(fill(self.tr("定型文にしました（{snippet}）"), snippet=shown), 8000)
        self.saved.emit(snippet.id)

    def _on_error(self, failure: TaskFailure) -> None:
        log.error("make snippet failed:\n%s", failure.trace)
        self.window.status.say(
            fill(self.tr("定型文にできませんでした: {reason}"), reason=error_text(failure.error)), 10000)

