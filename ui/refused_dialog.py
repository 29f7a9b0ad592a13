"""The mail server refused a reply (a 5xx answer): say so plainly, with the server's own words.

A refusal is not a fault of Aizuchi's and not a network problem: the server read the reply and
said no (a mistyped address, a message too large, a spam filter). What the agent needs at that
moment is that nothing went out, that the draft is still there, what the server said and what
to do about it (`app.outbox.refusal_of` says which kind of refusal it was). A long reply
(some servers answer with several lines and a URL) sits behind 「詳細」 so the dialog stays short.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.outbox import OutboxItem, refusal_of
from ui.screen_fit import fit_dialog
from ui.wording import fill
from ui.wording.accounts import refusal_advice

DETAILS_HEIGHT = 120  # pixels the dialog grows by when 詳細 shows the whole reply
SHORT_REPLY = 90  # characters of the server's reply shown in the dialog itself; longer goes under 詳細


class RefusedDialog(QDialog):
    def __init__(self, item: OutboxItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusedSendDialog")
        self.setWindowTitle(self.tr("送信できませんでした"))
        refusal = refusal_of(item.detail)
        said = " ".join(part for part in (str(refusal.code) if refusal.code else "", refusal.reply) if part)
        recipients = "、".join(item.recipients)
        self.headline = QLabel(self)
        self.headline.setObjectName("refusedHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setText(fill(self.tr("メールサーバーが、{to} 宛ての返信「{subject}」の受け取りを断りました。"
                                           "返信は送信されていません。下書きはそのまま残っています。"),
                                   to=refusal.recipient or recipients, subject=item.subject))
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.server_said = QLabel(self)
        self.server_said.setObjectName("refusedServerSaid")
        self.server_said.setWordWrap(True)
        self.server_said.setTextFormat(Qt.TextFormat.PlainText)
        self.server_said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown = said if len(said) <= SHORT_REPLY else said[:SHORT_REPLY].rstrip() + "…"
        self.server_said.setText(fill(self.tr("サーバーの返答：{reply}"), reply=shown or self.tr("（返答なし）")))
        self.advice = QLabel(refusal_advice(refusal.kind), self)
        self.advice.setObjectName("refusedAdvice")
        self.advice.setWordWrap(True)
        self.details = QPlainTextEdit(said, self)
        self.details.setObjectName("refusedDetails")
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("閉じて下書きを直す"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setObjectName("refusedCloseButton")
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        self.details_button = QPushButton(self.tr("詳細"), self)
        self.details_button.setObjectName("refusedDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.details_button.setVisible(len(said) > SHORT_REPLY)  # after addButton, which shows it
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.server_said)
        layout.addWidget(self.advice)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        # As tall as its wrapped text needs at this width (at most 90 % of the screen: ui.screen_fit).
        fit_dialog(self, QSize(520, max(self.heightForWidth(520), 160)))

    def _show_details(self, shown: bool) -> None:
        """詳細 opens the server's whole reply below, the dialog growing to hold it."""
        self.details.setVisible(shown)
        self.resize(self.width(), self.height() + (DETAILS_HEIGHT if shown else -DETAILS_HEIGHT))
