"""Search across mail and memory: a box and a list of hits under the folder tree.

Enter runs the search in the background (`ui.operations.memory.search`); mail
hits open the mail, memory hits (what a customer told or asked, our notes)
open the mail they came from. Queries of one or two characters (「配送」「靴」)
work: the index has a table for them (see `app.store.search`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class SearchPanel(QWidget):
    query_submitted = Signal(str)
    hit_activated = Signal(object)  # a MailHit or a MemoryHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.box = QLineEdit(self)
        self.box.setObjectName("fullTextSearch")
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self._submit)
        self.summary = QLabel(self)
        self.summary.setObjectName("panelHint")
        self.summary.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.itemClicked.connect(self._activated)
        self.results.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        # Nothing to list before the first search: an empty white box reads as broken.
        self.results.hide()
        self.summary.hide()
        self.box.textChanged.connect(self._cleared)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("メールとお客様の記録を検索"))

    def _submit(self) -> None:
        query = self.box.text().strip()
        if query:
            self.summary.setText(self.tr("検索中…"))
            self.summary.show()
            self.query_submitted.emit(query)

    def _cleared(self, text: str) -> None:
        if not text:
            self.results.clear()
            self.results.hide()
            self.summary.hide()

    def set_results(self, mail: list[Any], memory: list[Any]) -> None:
        self.results.clear()
        self.results.show()
        for hit in memory:
            date = hit.date.astimezone().strftime("%Y-%m-%d") if hit.date else ""
            item = QListWidgetItem(self.tr("【記録】%1 %2: %3").replace("%1", date)
                                   .replace("%2", hit.customer_name).replace("%3", hit.text))
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        for hit in mail:
            date = hit.date.astimezone().strftime("%Y-%m-%d") if hit.date else ""
            item = QListWidgetItem(self.tr("%1 %2\n%3").replace("%1", date).replace("%2", hit.subject)
                                   .replace("%3", hit.snippet))
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        self.summary.setText(
            self.tr("メール %1 件・記録 %2 件").replace("%1", str(len(mail))).replace("%2", str(len(memory)))
        )

    def set_failed(self) -> None:
        self.summary.setText(self.tr("検索できませんでした"))

    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(Qt.ItemDataRole.UserRole)
        if hit is not None:
            self.hit_activated.emit(hit)
