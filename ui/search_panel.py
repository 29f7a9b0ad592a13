"""Search results in the list pane: what the one search box found in mail and in the memory.

Typing in the list's box filters the folder (差出人・件名); Enter searches the
bodies of every indexed mail and what customers told us
(`ui.operations.memory.search`), and the list pane shows the results here,
as Gmail and Outlook do: how many there are in all (the count is the index's,
not the page's), memory hits first, then mail newest first, more mail pages
fetched as the view scrolls (`more_wanted`). A click selects the hit and opens
its mail with the words highlighted; 「一覧に戻る」 or Esc goes back to the folder.
Queries of one or two characters (「配送」「靴」) work: the index has a table
for them (see `app.store.search`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.wording import fill, subject_shown

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HIT = Qt.ItemDataRole.UserRole + 1


def _date(hit: Any) -> str:
    return hit.date.astimezone().strftime("%Y/%m/%d") if getattr(hit, "date", None) else ""


class SearchResultsModel(QAbstractListModel):
    """Memory hits, then mail hits; the mail side grows page by page up to its true total."""

    more_wanted = Signal(int)  # offset of the next page of mail hits

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._memory: list[Any] = []
        self._mail: list[Any] = []
        self.mail_total = 0
        self._asking = False

    def set_results(self, mail: list[Any], mail_total: int, memory: list[Any]) -> None:
        self.beginResetModel()
        self._memory = list(memory)
        self._mail = list(mail)
        self.mail_total = max(mail_total, len(mail))
        self._asking = False
        self.endResetModel()

    def clear(self) -> None:
        self.set_results([], 0, [])

    def append_mail(self, hits: list[Any]) -> None:
        self._asking = False
        if not hits:
            self.mail_total = len(self._mail)  # the index shrank meanwhile: stop asking
            return
        first = len(self._memory) + len(self._mail)
        self.beginInsertRows(_ROOT, first, first + len(hits) - 1)
        self._mail.extend(hits)
        self.endInsertRows()

    @property
    def memory_count(self) -> int:
        return len(self._memory)

    def hit(self, row: int) -> Any:
        return self._memory[row] if row < len(self._memory) else self._mail[row - len(self._memory)]

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:
        return not parent.isValid() and not self._asking and len(self._mail) < self.mail_total

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._asking = True
            self.more_wanted.emit(len(self._mail))

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._memory) + len(self._mail)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        hit = self.hit(index.row())
        memory = index.row() < len(self._memory)
        if role == Qt.ItemDataRole.DisplayRole:
            if memory:
                return (fill(self.tr("【記録】{date} {customer_name}: {text}"),
                             date=_date(hit), customer_name=hit.customer_name, text=hit.text))
            return f"{subject_shown(hit.subject)[0]}\n{_date(hit)}  {hit.sender}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.text if memory else f"{hit.subject}\n{hit.snippet}"
        if role == HIT:
            return hit
        return None


class _WrappedRows(QStyledItemDelegate):
    """Each row wrapped at the width the view shows it at, and as tall as that makes it.

    Measured and drawn here with the same width and flags: Qt's own size hint wrapped at a width
    a little wider than the one it painted at, so a record of two full lines needed a third when
    drawn and lost its end to "…", or was laid out once at a width the view no longer had
    (1024×700: cut rows, a blank band, a sideways scroll bar)."""

    PAD = 4  # px around the text, as the list's own rows have

    def _text_width(self) -> int:
        view = self.parent()
        return max(40, view.viewport().width() - 2 * self.PAD) if isinstance(view, QListView) else 400

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self._text_width()
        bounds = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 1 << 20), _WRAP, text)
        return QSize(width + 2 * self.PAD, bounds.height() + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # background, selection
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        area = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.drawText(QRect(area.left(), area.top(), self._text_width(), area.height()), _WRAP, text)
        painter.restore()


_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)


class ResultsView(QListView):
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    hit_activated = Signal(object)  # a MailHit or a MemoryHit
    closed = Signal()               # back to the folder's list
    more_wanted = Signal(str, int)  # query, offset of the next page of mail hits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.query = ""
        self.summary = QLabel(self)
        self.summary.setObjectName("searchSummary")
        self.summary.setWordWrap(True)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("searchBack")
        self.back_button.clicked.connect(self.closed)
        self.model = SearchResultsModel(self)
        self.model.more_wanted.connect(lambda offset: self.more_wanted.emit(self.query, offset))
        self.results = ResultsView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        # Rows wrap to the width shown: laid out again when it changes (a vertical scroll bar coming,
        # the column narrower at 1024×700), never wider than the view. They were laid out once, at
        # a width the view no longer had: a record's words were cut off with "…", a blank band under
        # them and a sideways scroll bar.
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setItemDelegate(_WrappedRows(self.results))
        self.results.setUniformItemSizes(False)
        self.results.setAlternatingRowColors(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.escape_pressed.connect(self.closed)
        self.results.clicked.connect(self._activated)
        self.results.activated.connect(self._activated)
        top = QHBoxLayout()
        top.setContentsMargins(8, 4, 8, 4)
        top.addWidget(self.summary, 1)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        self._failed = False
        self.memory_more = False  # the memory hits were cut at their limit: "50 件以上"
        self.partial = False      # the first build still runs: the index holds part of the mail
        self.prepared: tuple[int, int] | None = None  # while partial: (mails built, of all) when counted
        self.mailbox_name = ""    # the mailbox the index is built from (its folder's name)
        self.account_names: list[str] = []  # the mail accounts whose synced mail is searched too
        self.unsearchable = 0  # their synced mail not in the index yet (body not synced, or not built yet)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("一覧に戻る"))
        self.back_button.setToolTip(self.tr("フォルダのメール一覧に戻る (Esc)"))
        self._show_summary()

    def set_searching(self, query: str) -> None:
        self.query = query
        self._failed = False
        self.model.clear()
        self.summary.setText(fill(self.tr("「{query}」を検索中…"), query=query))

    def set_results(self, query: str, mail: list[Any], mail_total: int, memory: list[Any],
                    memory_more: bool = False, partial: bool = False) -> None:
        if query != self.query:
            return
        self._failed = False
        self.memory_more = memory_more
        self.partial = partial
        self.model.set_results(mail, mail_total, memory)
        self._show_summary()

    def append(self, query: str, mail: list[Any]) -> None:
        if query == self.query:
            self.model.append_mail(mail)

    def _show_summary(self) -> None:
        if not self.query:
            self.summary.setText("")
            self.summary.setToolTip("")
            return
        if self._failed:
            self.summary.setText(fill(self.tr("「{query}」を検索できませんでした"), query=self.query))
            return
        if not self.model.mail_total and not self.model.memory_count and self.partial:
            # Not "not found": during the first build most mail is not searchable yet (a customer with
            # hundreds of mails read as unknown in the first minutes of a 20,000-mail mailbox).
            text = fill(self.tr("「{query}」は、ここまでに準備できたメールとお客様の記録には見つかりませんでした"),
                        query=self.query)
        elif not self.model.mail_total and not self.model.memory_count:
            text = fill(self.tr("「{query}」はメールにもお客様の記録にも見つかりませんでした"), query=self.query)
        else:
            memory_count = (fill(self.tr("{count} 件以上"), count=f"{self.model.memory_count:,}") if self.memory_more
                            else fill(self.tr("{count} 件"), count=f"{self.model.memory_count:,}"))
            text = fill(self.tr("「{query}」の検索結果: メール {mail_total} 件・お客様の記録 {memory_count}"),
                        query=self.query, mail_total=f"{self.model.mail_total:,}", memory_count=memory_count)
        # Where it looked, said every time: a count is only as true as the mail it covers.
        if self.partial and self.prepared is not None and self.prepared[1] > 0:
            done, total = self.prepared
            scope = fill(self.tr("準備中のため一部のみ: {total} 通のうち {done} 通が対象"
                                 "（記録の作成が終わるとすべてが対象）"),
                         done=f"{min(done, total):,}", total=f"{total:,}")
        elif self.partial:
            scope = self.tr("準備中のため一部のみ（記録の作成が終わると、すべてのメールが対象になります）")
        else:
            scope = self._scope()
        if self.unsearchable:
            # Said as a count, whatever else is said: a mail not synced whole cannot be found.
            scope += fill(self.tr("。メールアカウントのメール {count} 通はまだ検索できません"
                                  "（本文の受信と記録への追加が済むと対象になります）"),
                          count=f"{self.unsearchable:,}")
        self.summary.setText(text + "\n" + scope)
        self.summary.setToolTip(self.tr("日付でも探せます: 「2024年3月」「2024年3月5日」「2024/3/5」"
                                        "（ほかの言葉と組み合わせると、その月・日のメールから探します）"))

    def _scope(self) -> str:
        if not self.account_names:
            return fill(self.tr("検索の対象: メールボックス「{name}」の全フォルダ（下書き・ごみ箱・迷惑メールを除く）"),
                        name=self.mailbox_name)
        accounts = self.tr("、").join(fill(self.tr("「{name}」"), name=name) for name in self.account_names)
        return fill(self.tr("検索の対象: メールボックス「{name}」とメールアカウント{accounts}の全フォルダ"
                            "（下書き・ごみ箱・迷惑メールを除く）"), name=self.mailbox_name, accounts=accounts)

    def set_failed(self) -> None:
        self._failed = True
        self.model.append_mail([])
        self._show_summary()

    def select_row(self, row: int) -> None:
        self.results.setCurrentIndex(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT)
        if hit is not None:
            self.results.setCurrentIndex(index)
            self.hit_activated.emit(hit)
