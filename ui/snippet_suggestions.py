"""Snippet suggestions for the highlight selected in the insight panel.

Shown under the panel while a reply is open: the snippets that fit the
selected highlight's situation (`app.snippets.plan`), already filled with a
topic phrase made for it and the customer's name, numbered for Ctrl+1 … Ctrl+9. A click or the shortcut asks
for the snippet to be inserted at the composer's cursor. A placeholder that
could not be filled shows as ［商品名］ here and is inserted as `{product}`,
selected, for the agent to type over (the review blocks sending it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.model import Highlight
from app.snippets import Filled, Snippet, SnippetPack, plan

_PLACEHOLDER_WORDS = {"customer": "お名前", "topic": "話題", "product": "商品名", "date": "日付",
                      "order": "注文番号", "number": "数値", "staff": "担当者名"}
_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_PAD = 5
AnyIndex = QModelIndex | QPersistentModelIndex


class WrappedDelegate(QStyledItemDelegate):
    """Measures and paints wrapped text the same way, so no row is elided or cut
    (Qt's own wrapped items misjudge heights when a fallback CJK font is used)."""

    def _text_rect(self, option: QStyleOptionViewItem, text: str, width: int) -> QRect:
        return option.fontMetrics.boundingRect(QRect(0, 0, max(width, 40), 100000), int(_FLAGS), text)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        view = option.widget
        width = (view.viewport().width() if isinstance(view, QListView) else option.rect.width()) - 2 * _PAD
        rect = self._text_rect(option, str(index.data() or ""), width)
        return QSize(width + 2 * _PAD, rect.height() + 2 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setFont(opt.font)
        painter.drawText(opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD), int(_FLAGS), text)
        painter.restore()


class SnippetSuggestions(QWidget):
    insert_requested = Signal(object)  # Filled

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snippetSuggestions")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)  # a narrow column (125 % scaling, the composer open) wraps it
        self.hint = QLabel(self)
        self.hint.setObjectName("panelHint")
        self.hint.setWordWrap(True)
        self.view = QListWidget(self)
        self.view.setObjectName("snippetList")
        self.view.setWordWrap(True)
        # Re-lay rows out when the panel's width changes, or long snippets get elided.
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(False)
        self.view.setItemDelegate(WrappedDelegate(self.view))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

    def show_for(self, highlight: Highlight | None, text: str, values: dict[str, str], mail: str = "") -> None:
        """Suggest for one highlight (`text`: its words in the mail, `mail`: the whole mail), filled with `values`."""
        self._highlight = highlight
        self.view.clear()
        self._filled = []
        self._snippets = []
        if highlight is not None and self._pack is not None:
            chosen = plan(self._pack, highlight, text, values, mail=mail)
            for number, (snippet, filled) in enumerate(zip(chosen.snippets, chosen.filled(), strict=True), 1):
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
