"""The dialog shown on send when the review still has findings: go back, or send anyway.

Nothing is shown when there are no findings. When a finding blocks sending (an
unfilled placeholder: 「{customer}様」 must never reach a customer), 「このまま送信」
is disabled and the dialog says why. Findings are listed as the composer lists them
(`ui.findings_order`): what blocks sending first, the many 「触れていないお話」 as one entry.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Finding
from ui.composer import FindingsList
from ui.findings_order import arrange, blocks_sending, intro
from ui.screen_fit import fit_dialog


class SendReviewDialog(QDialog):
    """accept() = send anyway; reject() = go back to the draft."""

    def __init__(self, findings: list[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendReviewDialog")
        self.setWindowTitle(self.tr("送信前の見直し"))
        self.setModal(True)
        fit_dialog(self, QSize(560, 380))  # at most 90 % of the screen (ui.screen_fit)
        self.blocked = blocks_sending(findings)
        self.arranged = arrange(findings)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(intro(self.arranged) or self.tr(
            "この返信には、まだ %n 件の気になる点があります。", "", len(self.arranged.listed)))
        # The composer's list, without its fix buttons (the draft is not beside it), in the same order.
        self.list = FindingsList(self, with_fix=False)
        self.list.setObjectName("sendFindings")
        self.list.show_findings(self.arranged)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setObjectName("blockReason")
        self.reason.setText(self.tr("埋められていない差し込みがあるため、このままでは送信できません。"))
        self.reason.setVisible(self.blocked)
        buttons = QDialogButtonBox(self)
        self.back_button = QPushButton(self.tr("戻って直す"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.setDefault(True)
        self.send_button = QPushButton(self.tr("このまま送信"), self)
        self.send_button.setObjectName("sendAnywayButton")
        self.send_button.setEnabled(not self.blocked)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    @property
    def folded_item(self) -> QListWidgetItem | None:
        return self.list.folded_item

    @property
    def folded_open(self) -> bool:
        return self.list.folded_open

    def toggle_folded(self) -> None:
        self.list.toggle_folded()

    def accept(self) -> None:
        if not self.blocked:
            super().accept()
