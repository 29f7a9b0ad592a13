"""The insight side panel: what the customer disclosed, asked for and worries about.

Items are grouped under ご要望・ご質問 / ご不安 / 自己開示, what must be answered
first on top; a request lists its linked worry beneath it. Each item shows its
words on up to two lines (then elided), so a request reads without hovering.
Clicking an item asks the reader to jump to it; its tooltip says why it was
marked; its context menu lets the agent dismiss it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.model import Insight
from ui import style
from ui.models import InsightModel, Role

AnyIndex = QModelIndex | QPersistentModelIndex


TEXT_LINES = 2  # a highlight's words wrap to two lines, then elide: a request reads without hovering


def wrap_lines(text: str, font: QFont, width: int, limit: int = TEXT_LINES) -> list[str]:
    """`text` laid out in at most `limit` lines of `width` pixels, the last one elided when cut."""
    if width <= 0 or not text:
        return [text]
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[int] = []
    layout.beginLayout()
    while len(starts) < limit:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    lines = [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]
    if lines and metrics.horizontalAdvance(lines[-1]) > width:
        lines[-1] = metrics.elidedText(lines[-1], Qt.TextElideMode.ElideRight, width)
    return lines or [text]


class InsightDelegate(QStyledItemDelegate):
    """A highlight: the customer's words on up to two lines, then the topic in grey."""

    def text_width(self, option: QStyleOptionViewItem, index: AnyIndex) -> int:
        """Pixels for the words of `index`, from the view's width (sizeHint has no rect yet)."""
        view = option.widget
        if isinstance(view, QTreeView):
            depth = 0
            parent = index.parent()
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            indent = view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
            return max(40, view.viewport().width() - indent - 23)
        return max(40, option.rect.width() - 23)

    def text_lines(self, option: QStyleOptionViewItem, index: AnyIndex) -> list[str]:
        """The lines the item shows (the tests read them as the user would)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        return wrap_lines(opt.text, opt.font, self.text_width(option, index))

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        base = super().sizeHint(option, index)
        if index.data(Role.HIGHLIGHT) is None and not index.data(Role.TOPIC):
            return QSize(base.width(), base.height() + 10)
        line = option.fontMetrics.height()
        lines = len(self.text_lines(option, index)) if index.data(Role.HIGHLIGHT) is not None else 1
        return QSize(base.width(), line * (lines + 1) + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        highlight = index.data(Role.HIGHLIGHT)
        topic = index.data(Role.TOPIC)
        if highlight is None and not topic:
            super().paint(painter, option, index)
            return
        painter.save()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect: QRect = opt.rect
        widget = opt.widget
        text = opt.text
        opt.text = ""
        opt.icon = opt.icon.__class__()
        style_ = widget.style() if widget is not None else None
        if style_ is not None:
            style_.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        metrics = opt.fontMetrics
        line = metrics.height()
        left = rect.left() + 6
        width = rect.right() - left - 16 if highlight is not None else rect.right() - left - 6
        lines = wrap_lines(text, opt.font, width) if highlight is not None else [text]
        if highlight is not None:
            # A coloured bar as in the reader, so the eye links item and text.
            painter.fillRect(QRect(left, rect.top() + 5, 4, rect.height() - 10), style.HIGHLIGHT_EDGE[highlight.kind])
            painter.fillRect(
                QRect(left + 4, rect.top() + 5, rect.width() - 16, line * len(lines) + 4),
                style.HIGHLIGHT_BG[highlight.kind],
            )
            left += 10
        painter.setPen(style.TEXT)
        painter.setFont(opt.font)
        for row, words in enumerate(lines):
            painter.drawText(
                QRect(left, rect.top() + 6 + row * line, width, line + 2),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(words, Qt.TextElideMode.ElideRight, width),
            )
        painter.setFont(option.font)  # the topic line is never bold
        if topic:
            painter.setPen(QColor("#57606a"))
            painter.drawText(
                QRect(left, rect.top() + 8 + line * len(lines), width, line + 2),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(str(topic), Qt.TextElideMode.ElideRight, width),
            )
        painter.restore()


class InsightTree(QTreeView):
    """The panel's tree: a new width lays the rows out again, as an item's line count depends on it."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


class InsightPanel(QWidget):
    """The side panel; emits `highlight_activated(index into Insight.highlights)`.

    `dismiss_requested(index)` when the agent says a highlight is wrong.
    """

    highlight_activated = Signal(int)
    dismiss_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.model = InsightModel(self)
        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)  # a narrow column (125 % scaling, the composer open) wraps it
        self.hint = QLabel(self)
        self.hint.setObjectName("panelHint")
        self.hint.setWordWrap(True)
        self.view = InsightTree(self)
        self.view.setObjectName("insightTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setItemDelegate(InsightDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformRowHeights(False)
        self.view.setIndentation(14)
        self.view.setMouseTracking(True)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self.model.modelReset.connect(self.view.expandAll)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self._state = "empty"
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("お客様のお話"))
        self._show_state()
        self.model.retranslate()

    def _show_state(self) -> None:
        if self._state == "busy":
            self.hint.setText(self.tr("解析中…"))
        elif self._state == "failed":
            self.hint.setText(self.tr("このメールは解析できませんでした"))
        elif self._state == "ready":
            self.hint.setText(self.tr("項目をクリックすると本文の該当箇所へ移動します"))
        elif self._state == "own":
            self.hint.setText(self.tr("こちらから送ったメールです。お客様のお話は受け取ったメールでまとめます"))
        else:
            self.hint.setText(self.tr("メールを選ぶと、お客様が話してくださったことをここにまとめます"))

    def set_busy(self) -> None:
        self._state = "busy"
        self.model.clear()
        self._show_state()

    def set_own(self) -> None:
        """Our own mail (送信済み): nothing of the customer's to list."""
        self._state = "own"
        self.model.clear()
        self._show_state()

    def set_failed(self) -> None:
        self._state = "failed"
        self.model.clear()
        self._show_state()

    def clear(self) -> None:
        self._state = "empty"
        self.model.clear()
        self._show_state()

    def set_insight(self, body: str, insight: Insight) -> None:
        self._state = "ready"
        self.model.set_insight(body, insight)
        self._show_state()

    def context_menu_for(self, index: QModelIndex) -> QMenu | None:
        """The menu of one item (None for a group row); the tests trigger its actions."""
        highlight_index = index.data(Role.HIGHLIGHT_INDEX)
        if highlight_index is None:
            return None
        menu = QMenu(self)
        dismiss = menu.addAction(self.tr("この指摘を外す"))
        dismiss.setObjectName("dismissHighlight")
        dismiss.triggered.connect(lambda: self.dismiss_requested.emit(int(highlight_index)))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu_for(self.view.indexAt(pos))
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _on_clicked(self, index: QModelIndex) -> None:
        highlight_index = index.data(Role.HIGHLIGHT_INDEX)
        if highlight_index is not None:
            self.highlight_activated.emit(int(highlight_index))
