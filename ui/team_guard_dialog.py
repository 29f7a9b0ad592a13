"""The double-reply stop: a teammate's reply to the same mail went out while this one was written.

Shows who sent what and when, and lets the agent decide: 「下書きに戻す」 (the default:
nothing is sent, the draft stays as it is) or 「送信する」 (this reply goes too, for
instance because it adds something). Also shown, without a reply, when the team's
server could not be asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.screen_fit import fit_dialog
from ui.wording import fill

if TYPE_CHECKING:  # `app.team.room` is loaded by team mode only (see ui/team_controller.py)
    from app.team.room import TeamReply


class TeamGuardDialog(QDialog):
    def __init__(self, reply: TeamReply | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamGuardDialog")
        self.reply = reply
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("teamGuardIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.their_reply = QPlainTextEdit(self)
        self.their_reply.setObjectName("teamGuardReply")
        self.their_reply.setReadOnly(True)
        if reply is not None:
            self.setWindowTitle(self.tr("ほかのスタッフが返信しました"))
            when = reply.sent_at.astimezone().strftime("%m/%d %H:%M")
            self.intro.setText(
                fill(self.tr("{staff}さんが {when} にこのメールへ返信を送信しました。お客様に二重に返信しないよう、"
                             "内容を確かめてから決めてください。"),
                     staff=reply.staff or self.tr("ほかのスタッフ"), when=when))
            self.their_reply.setPlainText(f"{reply.subject}\n\n{reply.body}".strip())
            layout.addWidget(self.their_reply, 1)
            fit_dialog(self, QSize(640, 460))  # at most 90 % of the screen (ui.screen_fit)
        else:
            self.setWindowTitle(self.tr("ほかのスタッフの返信を確かめられませんでした"))
            self.intro.setText(self.tr("チームのサーバーに接続できず、このメールにほかのスタッフが返信したかどうかを"
                                       "確かめられませんでした。このまま送信しますか？"))
            self.their_reply.hide()
        self.buttons = QDialogButtonBox(self)
        self.send_button: QPushButton = self.buttons.addButton(self.tr("送信する"),
                                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("teamGuardSend")
        self.back_button: QPushButton = self.buttons.addButton(self.tr("下書きに戻す"),
                                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.back_button.setObjectName("teamGuardBack")
        self.back_button.setDefault(True)  # Enter never sends the second reply
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
