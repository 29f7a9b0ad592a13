"""Snippet suggestions for the highlight selected in the insight panel.

Shown under the panel while a reply is open: the snippets that fit the
selected highlight (`app.snippets.suggest`), already filled with its topic and
the customer's name, numbered for Ctrl+1 … Ctrl+9. A click or the shortcut asks
for the snippet to be inserted at the composer's cursor. A placeholder that
could not be filled shows as ［商品名］ here and is inserted as `{product}`,
selected, for the agent to type over (the review blocks sending it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.model import Highlight
from app.snippets import Filled, Snippet, SnippetPack, fill, suggest

_PLACEHOLDER_WORDS = {"customer": "お名前", "topic": "話題", "product": "商品名", "date": "日付"}


class SnippetSuggestions(QWidget):
    insert_requested = Signal(object)  # Filled

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snippetSuggestions")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.hint = QLabel(self)
        self.hint.setObjectName("panelHint")
        self.hint.setWordWrap(True)
        self.view = QListWidget(self)
        self.view.setObjectName("snippetList")
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.itemClicked.connect(self._on_clicked)
        self.view.itemActivated.connect(self._on_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self._pack: SnippetPack | None = None
        self._highlight: Highlight | None = None
        self._filled: list[Filled] = []
        self._snippets: list[Snippet] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("おすすめの定型文"))
        if self._highlight is None:
            self.hint.setText(self.tr("上の項目を選ぶと、その内容に合う定型文をここに出します"))
        else:
            self.hint.setText(self.tr("クリックまたは Ctrl+1〜9 でカーソル位置に挿入します"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_pack(self, pack: SnippetPack) -> None:
        self._pack = pack

    def show_for(self, highlight: Highlight | None, text: str, values: dict[str, str]) -> None:
        """Suggest for one highlight (`text`: its words in the mail), filled with `values`."""
        self._highlight = highlight
        self.view.clear()
        self._filled = []
        self._snippets = []
        if highlight is not None and self._pack is not None:
            for number, snippet in enumerate(suggest(self._pack, highlight, text), 1):
                filled = fill(snippet, values)
                self._snippets.append(snippet)
                self._filled.append(filled)
                shown = filled.text
                for unfilled in reversed(filled.unfilled):
                    word = _PLACEHOLDER_WORDS.get(unfilled.name, unfilled.name)
                    shown = shown[: unfilled.start] + f"［{word}］" + shown[unfilled.end :]
                item = QListWidgetItem(f"{number}. {shown}" if number <= 9 else shown, self.view)
                item.setData(Qt.ItemDataRole.UserRole, number - 1)
                item.setToolTip(self._pack.situations.get(snippet.situation, snippet.situation))
        self.retranslate()

    @property
    def suggestions(self) -> list[Snippet]:
        return list(self._snippets)

    def filled(self, index: int) -> Filled | None:
        return self._filled[index] if 0 <= index < len(self._filled) else None

    def insert(self, index: int) -> bool:
        """Ask to insert suggestion `index` (0-based); False when there is none."""
        filled = self.filled(index)
        if filled is None:
            return False
        self.insert_requested.emit(filled)
        return True

    def _on_clicked(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(index, int):
            self.insert(index)
