"""The 署名とあいさつ dialog: each shop identity's name, address, opening greeting and signature.

Saved in the settings (`SHOP_IDENTITIES`). Before anything is saved it shows the shop's own
accounts, empty, with an example in each empty field of what goes there; the demo shops only while
the demo mailbox is what the shop uses (`app.identity.identities_to_edit`). A new reply picks the
identity the customer wrote to.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.identity import ShopIdentity, identities_to_edit
from app.model import Address
from app.settings import SHOP_IDENTITIES, Settings
from ui.screen_fit import fit_dialog


class SignatureDialog(QDialog):
    def __init__(self, settings: Settings, current_email: str = "", parent: QWidget | None = None,
                 own: Sequence[Address] = (), demo_in_use: bool = True) -> None:
        """`own`: the shop's mail accounts (name, address); `demo_in_use`: the window shows the demo mailbox."""
        super().__init__(parent)
        self.setObjectName("signatureDialog")
        self.setWindowTitle(self.tr("署名とあいさつ"))
        fit_dialog(self, QSize(620, 520))  # at most 90 % of the screen (ui.screen_fit)
        self.settings = settings
        saved = settings.get(SHOP_IDENTITIES)
        self.identities = identities_to_edit(saved, own, demo_in_use)
        self.intro = QLabel(self.tr("返信の差出人ごとに、はじめのあいさつと署名を設定します。"
                                    "設定すると、新しい返信に自動で入ります。空欄のままなら何も入りません。"), self)
        self.intro.setObjectName("signatureIntro")
        self.intro.setWordWrap(True)
        self.choice = QComboBox(self)
        self.add_button = QPushButton(self.tr("追加"), self)
        self.remove_button = QPushButton(self.tr("削除"), self)
        self.name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.greeting = QPlainTextEdit(self)
        self.greeting.setObjectName("greetingEdit")
        self.signature = QPlainTextEdit(self)
        self.signature.setObjectName("signatureEdit")
        # An empty field says what goes there, in the shop's own terms (never a demo shop's text).
        self.name.setPlaceholderText(self.tr("お店の名前（お客様に差出人として表示されます）"))
        self.email.setPlaceholderText(self.tr("返信を送るメールアドレス"))
        self.greeting.setPlaceholderText(self.tr(
            "例：このたびは〇〇（お店の名前）にお問い合わせいただき、誠にありがとうございます。\n"
            "担当の〇〇と申します。"))
        self.signature.setPlaceholderText(self.tr(
            "例：\n────────────\nお店の名前\n担当：お名前\n〒000-0000 住所\n"
            "TEL 00-0000-0000（営業時間）\nhttps://お店のホームページ/\n────────────"))
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
        layout.addWidget(self.intro)
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
            self.choice.addItem(_label(identity) or self.tr("（新しい差出人）"))
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
        self.identities.append(ShopIdentity("", "", "", ""))  # the placeholders say what to fill in
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


def _label(identity: ShopIdentity) -> str:
    if identity.name and identity.email:
        return f"{identity.name} <{identity.email}>"
    return identity.name or identity.email
