"""The dialog shown on send when the review still has findings: go back, or send anyway.

Nothing is shown when there are no findings. When a finding blocks sending (an
unfilled placeholder: 「{customer}様」 must never reach a customer), 「このまま送信」
is disabled and the dialog says why. Findings are listed as the composer lists them
(`ui.findings_order`): what blocks sending first, the many 「触れていないお話」 as one entry.
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

from app.model import Finding, Severity
from ui.composer import FOLDED, SEVERITY_COLOUR
from ui.findings_order import BLOCKING, arrange, blocks_sending, folded_entry, intro
from ui.wording import finding_line

__all__ = ["BLOCKING", "SendReviewDialog", "blocks_sending"]


class SendReviewDialog(QDialog):
    """accept() = send anyway; reject() = go back to the draft."""

    def __init__(self, findings: list[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendReviewDialog")
        self.setWindowTitle(self.tr("送信前の見直し"))
        self.setModal(True)
        self.resize(560, 380)
        self.blocked = blocks_sending(findings)
        self.arranged = arrange(findings)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(intro(self.arranged) or self.tr(
            "この返信には、まだ %n 件の気になる点があります。", "", len(self.arranged.listed)))
        self.list = QListWidget(self)
        self.list.setObjectName("sendFindings")
        self.list.setWordWrap(True)
        self.folded_item: QListWidgetItem | None = None
        for entry in self.arranged.entries():
            if isinstance(entry, Finding):
                self._add(entry)
                continue
            self.folded_item = QListWidgetItem(self.list)
            self.folded_item.setData(Qt.ItemDataRole.UserRole, FOLDED)
            self.folded_item.setForeground(SEVERITY_COLOUR[Severity.WARNING])
            for finding in entry:
                self._add(finding, indent="　　").setHidden(True)
        self._word_folded(False)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
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

    def _add(self, finding: Finding, indent: str = "") -> QListWidgetItem:
        item = QListWidgetItem(indent + finding_line(finding), self.list)
        item.setForeground(SEVERITY_COLOUR[finding.severity])
        item.setData(Qt.ItemDataRole.UserRole, finding)
        return item

    @property
    def folded_open(self) -> bool:
        return self.folded_item is not None and not self.list.item(self.list.row(self.folded_item) + 1).isHidden()

    def _word_folded(self, open_: bool) -> None:
        if self.folded_item is not None:
            hint = self.tr("（クリックでたたむ）") if open_ else self.tr("（クリックで一覧を表示）")
            self.folded_item.setText(("▾ " if open_ else "▸ ") + folded_entry(len(self.arranged.folded)) + hint)

    def toggle_folded(self) -> None:
        """Open (or close) the list behind 「触れていないお話が N 件あります」."""
        if self.folded_item is None:
            return
        open_ = not self.folded_open
        start = self.list.row(self.folded_item) + 1
        for row in range(start, start + len(self.arranged.folded)):
            self.list.item(row).setHidden(not open_)
        self._word_folded(open_)

    def _on_clicked(self, item: QListWidgetItem) -> None:
        if item is self.folded_item:
            self.toggle_folded()

    def accept(self) -> None:
        if not self.blocked:
            super().accept()
