"""A layout that lines its widgets up like words: on one row while they fit, on the next when not.

Qt ships none (its "Flow Layout" is an example, not a class); this is that example with two
changes the window needs: a word-wrapped label is given its whole line's width before it is
wrapped, and the layout's minimum width is its widest item's, never the sum, so a row of labels
(the legend, the reader's sender and date) never makes a narrow pane wider than the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6, line_spacing: int = 2) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing

    # -- QLayout's bookkeeping -------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        # All on one row: what the layout would like when there is room.
        margins = self.contentsMargins()
        shown = [item for item in self._items if not item.isEmpty()]
        width = sum(_natural_width(item) for item in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height) + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        # One item a row at worst: the widest item's minimum, not the row's sum.
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- placing ---------------------------------------------------------------------
    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            width = max(item.minimumSize().width(), min(_natural_width(item), area.width()))
            if x > area.x() and x + width > area.right() + 1:
                x, y = area.x(), y + line_height + self._line_spacing
                line_height = 0
            height = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self._spacing
            line_height = max(line_height, height)
        return y + line_height - rect.y() + margins.bottom()


def _natural_width(item: QLayoutItem) -> int:
    """A wrapped label's width on one line (its size hint is a guess at a pleasing paragraph)."""
    widget = item.widget()
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        lines = widget.text().split("\n")
        frame = widget.contentsMargins().left() + widget.contentsMargins().right() + 2 * widget.margin()
        return max(widget.fontMetrics().horizontalAdvance(line) for line in lines) + frame + 8  # QLabel wraps early
    return item.sizeHint().width()
