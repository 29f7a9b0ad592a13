"""The dialog shown on send when the review still has findings: go back, or send anyway.

Nothing is shown when there are no findings. When a finding blocks sending (an
unfilled placeholder: 「{customer}様」 must never reach a customer), 「このまま送信」
is disabled and the dialog says why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Finding, FindingKind, Severity
from ui.composer import SEVERITY_COLOUR
from ui.wording import finding_line

BLOCKING = frozenset({FindingKind.UNFILLED_PLACEHOLDER})


def blocks_sending(findings: list[Finding]) -> bool:
    return any(f.kind in BLOCKING and f.severity is Severity.ERROR for f in findings)


class SendReviewDialog(QDialog):
    """accept() = send anyway; reject() = go back to the draft."""

    def __init__(self, findings: list[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendReviewDialog")
        self.setWindowTitle(self.tr("送信前の見直し"))
        self.setModal(True)
        self.resize(560, 380)
        self.blocked = blocks_sending(findings)
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(self.tr("この返信には、まだ %n 件の気になる点があります。", "", len(findings)))
        self.list = QListWidget(self)
        self.list.setObjectName("sendFindings")
        self.list.setWordWrap(True)
        for finding in findings:
            item = QListWidgetItem(finding_line(finding), self.list)
            item.setForeground(SEVERITY_COLOUR[finding.severity])
            item.setData(Qt.ItemDataRole.UserRole, finding)
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
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.blocked:
            super().accept()
