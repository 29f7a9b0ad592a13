"""The 署名とあいさつ dialog: each shop identity's name, address, opening greeting and signature.

Saved in the settings (`SHOP_IDENTITIES`); the demo shops are what it shows
before anything is saved. A new reply picks the identity the customer wrote to.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.identity import ShopIdentity, identities_from_setting
from app.settings import SHOP_IDENTITIES, Settings
from ui.screen_fit import fit_dialog


class SignatureDialog(QDialog):
    def __init__(self, settings: Settings, current_email: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureDialog")
        self.setWindowTitle(self.tr("署名とあいさつ"))
        fit_dialog(self, QSize(620, 520))  # at most 90 % of the screen (ui.screen_fit)
        self.settings = settings
        saved = settings.get(SHOP_IDENTITIES)
        self.identities = identities_from_setting(saved)
        self.choice = QComboBox(self)
        self.add_button = QPushButton(self.tr("追加"), self)
        self.remove_button = QPushButton(self.tr("削除"), self)
        self.name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.greeting = QPlainTextEdit(self)
        self.greeting.setObjectName("greetingEdit")
        self.signature = QPlainTextEdit(self)
        self.signature.setObjectName("signatureEdit")
        top = QHBoxLayout()
        top.addWidget(self.choice, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        form = QFormLayout()
        form.addRow(self.tr("差出人名"), self.name)
        form.addRow(self.tr("メールアドレス"), self.email)
        form.addRow(self.tr("あいさつ"), self.greeting)
        form.addRow(self.tr("署名"), self.signature)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        self._row = -1
        self.choice.currentIndexChanged.connect(self._show)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self._refill(next((i for i, x in enumerate(self.identities) if x.email == current_email), 0))

    def _refill(self, row: int) -> None:
        self._row = -1
        self.choice.blockSignals(True)
        self.choice.clear()
        for identity in self.identities:
            self.choice.addItem(f"{identity.name} <{identity.email}>")
        self.choice.blockSignals(False)
        self.remove_button.setEnabled(len(self.identities) > 1)
        self.choice.setCurrentIndex(row)
        self._show(row)

    def _take(self) -> None:
        """Keep what was typed for the identity shown before switching."""
        if 0 <= self._row < len(self.identities):
            self.identities[self._row] = ShopIdentity(
                self.name.text().strip(),
                self.email.text().strip(),
                self.greeting.toPlainText().strip("\n"),
                self.signature.toPlainText().strip("\n"),
            )

    def _show(self, row: int) -> None:
        self._take()
        self._row = row
        if 0 <= row < len(self.identities):
            identity = self.identities[row]
            self.name.setText(identity.name)
            self.email.setText(identity.email)
            self.greeting.setPlainText(identity.greeting)
            self.signature.setPlainText(identity.signature)

    def _add(self) -> None:
        self._take()
        self.identities.append(ShopIdentity(self.tr("新しいお店"), "shop@example.jp", "", ""))
        self._refill(len(self.identities) - 1)

    def _remove(self) -> None:
        if len(self.identities) > 1 and 0 <= self._row < len(self.identities):
            del self.identities[self._row]
            self._row = -1
            self._refill(0)

    def accept(self) -> None:
        self._take()
        valid = [i for i in self.identities if "@" in i.email]
        self.settings.set(SHOP_IDENTITIES, [i.to_dict() for i in valid])
        super().accept()
