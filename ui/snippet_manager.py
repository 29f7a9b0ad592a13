"""The 定型文の管理 dialog: our built-in snippets beside the shop's own.

Ours are listed (grouped by situation, with a check box: unchecked ones are
switched off and never suggested) and can be read; 「コピーして編集」 makes a
copy under the same id among the shop's own, which then replaces ours in
suggestions. Only the shop's own pack is written (TOML in the user data dir,
`app.snippets.save_user_pack`), with the ids switched off.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model import HighlightKind
from app.snippets import PLACEHOLDERS, Snippet, SnippetError, SnippetPack, new_snippet_id, save_user_pack
from ui.flow_layout import FlowLayout
from ui.screen_fit import fit_dialog
from ui.wording import fill, kind_label


class SnippetManagerDialog(QDialog):
    def __init__(self, ours: SnippetPack, own: SnippetPack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snippetManager")
        self.setWindowTitle(self.tr("定型文の管理"))
        fit_dialog(self, QSize(900, 560))  # at most 90 % of the screen (ui.screen_fit)
        self.situations = {**ours.situations, **own.situations}
        self.own = list(own.snippets)
        self.ours = list(ours.snippets)
        self.builtin = QListWidget(self)
        self.builtin.setObjectName("builtinSnippets")
        for snippet in self.ours:
            label = self.situations.get(snippet.situation, snippet.situation)
            item = QListWidgetItem(f"［{label}］{snippet.text}", self.builtin)
            item.setData(Qt.ItemDataRole.UserRole, snippet.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if snippet.id in own.disabled else Qt.CheckState.Checked)
            item.setToolTip(snippet.text)
        # Two hundred built-in sentences: a filter, and the whole of the chosen one (the list cuts it).
        self.filter = QLineEdit(self)
        self.filter.setObjectName("builtinFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("場面や言葉で絞り込み"))
        self.filter.textChanged.connect(self._filter_builtin)
        self.preview = QLabel(self)
        self.preview.setObjectName("builtinPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.builtin.currentItemChanged.connect(self._preview_builtin)
        self.copy_button = QPushButton(self.tr("コピーして編集"), self)
        self.copy_button.clicked.connect(self.copy_current)
        self.list = QListWidget(self)
        self.list.setObjectName("ownSnippets")
        self.add_button = QPushButton(self.tr("追加"), self)
        self.delete_button = QPushButton(self.tr("削除"), self)
        self.situation = QComboBox(self)
        for key, label in self.situations.items():
            self.situation.addItem(label, key)
        # 「&」 in 「Requests & questions」 is the label's, not a mnemonic.
        self.kinds = {kind: QCheckBox(kind_label(kind).replace("&", "&&"), self) for kind in HighlightKind}
        # The three boxes go on to a second line in a narrow dialog (1024×700 at 125 %) rather than
        # make it wider than the screen (ui.flow_layout).
        kinds_box = FlowLayout(spacing=12, line_spacing=4)
        for box in self.kinds.values():
            kinds_box.addWidget(box)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("snippetText")
        help_label = QLabel(self)
        help_label.setWordWrap(True)
        help_label.setText(
            self.tr("差し込み: {customer} お名前、{topic} 話題、{product} 商品名、{date} 日付")
        )
        left = QVBoxLayout()
        builtin_title = QLabel(self.tr("標準の定型文（チェックを外すと提案しません）"), self)
        builtin_title.setWordWrap(True)
        left.addWidget(builtin_title)
        left.addWidget(self.filter)
        left.addWidget(self.builtin, 2)
        left.addWidget(self.preview)
        left.addWidget(self.copy_button)
        left.addWidget(QLabel(self.tr("当店の定型文"), self))
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        # Why the form is greyed, or does not show the built-in snippet just chosen: ours are read-only.
        self.form_note = QLabel(self)
        self.form_note.setObjectName("snippetFormNote")
        self.form_note.setWordWrap(True)
        self._builtin_chosen = False
        form = QFormLayout()
        form.addRow(self.form_note)
        form.addRow(self.tr("場面"), self.situation)
        form.addRow(self.tr("提案する項目"), kinds_box)
        form.addRow(self.tr("文面"), self.text)
        form.addRow("", help_label)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(form, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._row = -1
        self.list.currentRowChanged.connect(self._show)
        self.list.itemClicked.connect(lambda _item: self._choose_builtin(False))
        self.builtin.itemClicked.connect(lambda _item: self._choose_builtin(True))
        self.add_button.clicked.connect(self.add_snippet)
        self.delete_button.clicked.connect(self.delete_current)
        self._refill(0)

    def _filter_builtin(self, text: str) -> None:
        """Show only the built-in snippets whose situation or words contain every word typed."""
        words = text.split()
        for row in range(self.builtin.count()):
            item = self.builtin.item(row)
            if item is not None:
                item.setHidden(not all(word in item.text() for word in words))

    def _preview_builtin(self, item: QListWidgetItem | None) -> None:
        self.preview.setText(item.text() if item is not None else "")
        if item is not None:
            self._choose_builtin(True)

    def _choose_builtin(self, chosen: bool) -> None:
        self._builtin_chosen = chosen
        self._word_note()

    def _word_note(self) -> None:
        if self._builtin_chosen:
            note = self.tr("標準の定型文は「コピーして編集」で当店の定型文にしてから編集できます。")
        elif not self.own:
            note = self.tr("当店の定型文はまだありません。「追加」で新しく作るか、"
                           "標準の定型文を選んで「コピーして編集」してください。")
        else:
            note = ""
        self.form_note.setText(note)
        self.form_note.setVisible(bool(note))

    def _refill(self, row: int) -> None:
        self._row = -1
        self.list.blockSignals(True)
        self.list.clear()
        for snippet in self.own:
            QListWidgetItem(snippet.text.splitlines()[0] if snippet.text else snippet.id, self.list)
        self.list.blockSignals(False)
        has = bool(self.own)
        for widget in (self.situation, self.text, self.delete_button, *self.kinds.values()):
            widget.setEnabled(has)
        if has:
            self.list.setCurrentRow(min(row, len(self.own) - 1))
            self._show(self.list.currentRow())
        self._word_note()

    def _take(self) -> None:
        if 0 <= self._row < len(self.own):
            kinds = tuple(kind for kind, box in self.kinds.items() if box.isChecked())
            self.own[self._row] = replace(
                self.own[self._row],
                situation=str(self.situation.currentData()),
                text=self.text.toPlainText().strip(),
                kinds=kinds,
            )
            item = self.list.item(self._row)
            if item is not None:
                item.setText(self.own[self._row].text.splitlines()[0] if self.own[self._row].text else "")

    def _show(self, row: int) -> None:
        self._take()
        self._row = row
        if row >= 0 and self.list.hasFocus():
            self._choose_builtin(False)
        if 0 <= row < len(self.own):
            snippet = self.own[row]
            index = self.situation.findData(snippet.situation)
            self.situation.setCurrentIndex(max(index, 0))
            for kind, box in self.kinds.items():
                box.setChecked(kind in snippet.kinds)
            self.text.setPlainText(snippet.text)

    def add_snippet(self) -> None:
        self._take()
        situation = str(self.situation.itemData(0)) if self.situation.count() else "closing"
        self.own.append(Snippet(new_snippet_id(s.id for s in self.own), situation, "", ()))
        self._builtin_chosen = False
        self._refill(len(self.own) - 1)
        self.text.setFocus()

    def delete_current(self) -> None:
        if 0 <= self._row < len(self.own):
            del self.own[self._row]
            self._refill(max(0, self._row - 1))

    def copy_current(self) -> None:
        """A copy of the selected built-in snippet among the shop's own (same id: it replaces ours)."""
        item = self.builtin.currentItem()
        if item is None:
            return
        snippet = next((s for s in self.ours if s.id == item.data(Qt.ItemDataRole.UserRole)), None)
        if snippet is None:
            return
        self._take()
        existing = next((i for i, s in enumerate(self.own) if s.id == snippet.id), None)
        if existing is None:
            self.own.append(snippet)
            existing = len(self.own) - 1
        self._builtin_chosen = False  # the copy is in the form now, ready to edit
        self._refill(existing)
        self.text.setFocus()

    def disabled(self) -> frozenset[str]:
        """Ids of our snippets the shop switched off."""
        items = (self.builtin.item(row) for row in range(self.builtin.count()))
        return frozenset(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Unchecked
        )

    def pack(self) -> SnippetPack:
        self._take()
        used = {s.situation for s in self.own}
        situations = {k: v for k, v in self.situations.items() if k in used}
        return SnippetPack(situations, tuple(s for s in self.own if s.text.strip()), self.disabled())

    def accept(self) -> None:
        try:
            save_user_pack(self.pack())
        except (SnippetError, OSError) as error:
            QMessageBox.warning(
                self,
                self.tr("定型文を保存できません"),
                fill(self.tr("使える差し込みは {names} です。\n{error}"),
                     names="、".join(f"{{{p}}}" for p in PLACEHOLDERS), error=str(error)),
            )
            return
        super().accept()


