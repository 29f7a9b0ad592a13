"""Qt item models over the core's dataclasses: folders, message headers, insight.

Each model wraps frozen dataclasses with explicit roles (ARCHITECTURE.md §8),
words enums through `ui.wording`, and changes only through resets or
`dataChanged`, so every one passes pytest-qt's `qtmodeltester`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.model import Highlight, HighlightKind, Insight, same_sentence
from app.sources.base import Folder, Header, MessageRef
from ui import style, wording
from ui.wording import fill, subject_shown

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Role(IntEnum):
    FOLDER = Qt.ItemDataRole.UserRole + 1
    HEADER = Qt.ItemDataRole.UserRole + 2
    SORT = Qt.ItemDataRole.UserRole + 3
    SEEN = Qt.ItemDataRole.UserRole + 4
    HIGHLIGHT = Qt.ItemDataRole.UserRole + 5
    HIGHLIGHT_INDEX = Qt.ItemDataRole.UserRole + 6
    TOPIC = Qt.ItemDataRole.UserRole + 7
    KIND = Qt.ItemDataRole.UserRole + 8
    CUE = Qt.ItemDataRole.UserRole + 9  # Highlight.cue, raw ("question:でしょうか")
    ANSWERED = Qt.ItemDataRole.UserRole + 10  # we replied to this message
    PRESENCE = Qt.ItemDataRole.UserRole + 11  # team mode: who else is on it (ui.team_presence.ListPresence)
    REPEATS = Qt.ItemDataRole.UserRole + 12  # the panel: how many identical sentences one row stands for


_REPLIED: list[QIcon] = []


def replied_icon() -> QIcon:
    """The replied arrow of the list (drawn once: no icon theme is needed)."""
    if not _REPLIED:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#2f6fdb"), 1.8)
        painter.setPen(pen)
        path = QPainterPath()
        path.moveTo(13, 13)
        path.cubicTo(13, 7, 9, 6, 4, 6)
        path.moveTo(7.5, 2.5)
        path.lineTo(4, 6)
        path.lineTo(7.5, 9.5)
        painter.drawPath(path)
        painter.end()
        _REPLIED.append(QIcon(pixmap))
    return _REPLIED[0]


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class FolderModel(QAbstractListModel):
    """The folders of one mailbox; the unread count shows beside a folder once known."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._folders: list[Folder] = []
        self._unread: dict[str, int] = {}

    def set_folders(self, folders: list[Folder]) -> None:
        self.beginResetModel()
        self._folders = list(folders)
        self._unread = {}
        self.endResetModel()

    def folder(self, row: int) -> Folder:
        return self._folders[row]

    def row_of(self, folder_id: str) -> int:
        return next((i for i, f in enumerate(self._folders) if f.id == folder_id), -1)

    def set_unread(self, folder_id: str, count: int) -> None:
        row = self.row_of(folder_id)
        if row >= 0 and self._unread.get(folder_id) != count:
            self._unread[folder_id] = count
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def retranslate(self) -> None:
        if self._folders:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._folders) - 1, 0))

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._folders)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._folders):
            return None
        folder = self._folders[index.row()]
        unread = self._unread.get(folder.id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            label = wording.folder_label(folder)
            return f"{label}  ({unread})" if unread else label
        if role == Qt.ItemDataRole.FontRole:
            return _bold() if unread else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return folder.name
        if role == Role.FOLDER:
            return folder
        return None


class Column(IntEnum):
    SENDER = 0
    SUBJECT = 1
    DATE = 2


def format_date(date: datetime | None, now: datetime | None = None) -> str:
    """Today's mail shows the time, this year's the day, older ones the full date."""
    if date is None:
        return ""
    local = date.astimezone() if date.tzinfo else date
    today = (now or datetime.now()).date()
    if local.date() == today:
        return local.strftime("%H:%M")
    return local.strftime("%Y/%m/%d %H:%M")


class MessageListModel(QAbstractTableModel):
    """Headers of one folder in the order the store gave, rows handed to the view in batches.

    A big folder may hold tens of thousands of headers: `fetchMore` hands the view
    `BATCH` rows at a time so the first screen appears at once. Filtering and
    sorting are not done here over the loaded rows: the window asks the store
    (`app.store.listing`, on the db lane) for the keys of the whole folder in
    order, and `set_order` shows them. A click on a column header asks for that
    order through `sort_requested`.
    """

    BATCH = 500
    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Header] = []
        self._by_key: dict[str, int] = {}
        self._order: list[int] = []        # indexes into _all, in display order
        self._position: dict[int, int] = {}  # index into _all -> display row
        self._answered: set[MessageRef] = set()
        self._presence: dict[MessageRef, Any] = {}  # ui.team_presence.ListPresence, set by the team controller
        self._shown = 0
        self.sort_column = Column.DATE
        self.sort_order = Qt.SortOrder.DescendingOrder

    # -- content -----------------------------------------------------------
    def set_headers(self, headers: list[Header]) -> None:
        """All rows of a folder, newest first (the order until the store gives another)."""
        self.beginResetModel()
        self._all = list(headers)
        self._by_key = {h.ref.key: i for i, h in enumerate(self._all)}
        self._set_order(list(range(len(self._all))))
        self.endResetModel()

    def set_order(self, keys: list[str]) -> None:
        """Show exactly these keys (a filter and sort answered by the store), in this order."""
        self.beginResetModel()
        self._set_order([i for i in (self._by_key.get(k) for k in keys) if i is not None])
        self.endResetModel()

    def _set_order(self, order: list[int]) -> None:
        self._order = order
        self._position = {index: row for row, index in enumerate(order)}
        self._shown = min(len(order), self.BATCH)

    @property
    def total(self) -> int:
        """Messages in the folder."""
        return len(self._all)

    @property
    def matching(self) -> int:
        """Messages the current filter keeps (all of them, loaded into the view or not)."""
        return len(self._order)

    def header_at(self, row: int) -> Header:
        return self._all[self._order[row]]

    def row_of(self, ref: MessageRef) -> int:
        """Display row of a message among the rows handed to the view, or -1."""
        index = self._by_key.get(ref.key, -1)
        if index < 0 or self._all[index].ref != ref:
            return -1
        row = self._position.get(index, -1)
        return row if row < self._shown else -1

    def reveal(self, ref: MessageRef) -> int:
        """Hand the view rows until `ref`'s is among them; its row, or -1 when the filter hides it."""
        index = self._by_key.get(ref.key, -1)
        if index < 0 or self._all[index].ref != ref or index not in self._position:
            return -1
        row = self._position[index]
        while row >= self._shown and self.canFetchMore():
            self.fetchMore()
        return row

    def unread_count(self) -> int:
        return sum(1 for h in self._all if not h.seen)

    def set_seen(self, ref: MessageRef, seen: bool = True) -> None:
        index = self._by_key.get(ref.key, -1)
        if index < 0:
            return
        header = self._all[index]
        if header.ref != ref or header.seen == seen:
            return
        self._all[index] = Header(header.ref, header.subject, header.sender, header.date, seen, header.size)
        self._changed(index)

    def set_answered(self, refs: set[MessageRef] | frozenset[MessageRef]) -> None:
        """The messages of this folder we replied to (the list shows an arrow)."""
        before = self._answered
        self._answered = set(refs)
        for ref in before ^ self._answered:
            index = self._by_key.get(ref.key, -1)
            if index >= 0:
                self._changed(index)

    def mark_answered(self, ref: MessageRef) -> None:
        self.set_answered(self._answered | {ref})

    def set_presence(self, presence: dict[MessageRef, Any]) -> None:
        """Team mode: the rows teammates are reading or answering (an icon and a tooltip on the subject)."""
        before = self._presence
        self._presence = dict(presence)
        for ref in set(before) | set(self._presence):
            if before.get(ref) != self._presence.get(ref):
                index = self._by_key.get(ref.key, -1)
                if index >= 0:
                    self._changed(index)

    def is_answered(self, ref: MessageRef) -> bool:
        return ref in self._answered

    def _changed(self, index: int) -> None:
        row = self._position.get(index, -1)
        if 0 <= row < self._shown:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    # -- sorting: asked of the store ---------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or column >= len(Column):
            return
        if (column, order) == (self.sort_column, self.sort_order):
            return
        self.sort_column = Column(column)
        self.sort_order = order
        self.sort_requested.emit(column, order)

    # -- lazy rows -----------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:
        return not parent.isValid() and self._shown < len(self._order)

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:
        if parent.isValid():
            return
        more = min(self.BATCH, len(self._order) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(_ROOT, self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    # -- Qt model API ----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == Column.SENDER:
            return self.tr("差出人")
        if section == Column.SUBJECT:
            return self.tr("件名")
        if section == Column.DATE:
            return self.tr("日時")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        header = self._all[self._order[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.SENDER:
                return header.sender.display() or self.tr("（差出人不明）")
            if column == Column.SUBJECT:
                return subject_shown(header.subject)[0] or self.tr("（件名なし）")
            if column == Column.DATE:
                return format_date(header.date)
            return None
        if role == Qt.ItemDataRole.FontRole:
            return None if header.seen else _bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.SENDER:
                if header.ref in self._answered:
                    return f"{header.sender.email}\n{self.tr('返信済み')}"
                return header.sender.email
            if column == Column.SUBJECT:
                present = self._presence.get(header.ref)
                subject = subject_shown(header.subject)[1]
                return f"{subject}\n{present.text}" if present is not None else subject
            return header.date.isoformat(" ", "minutes") if header.date else None
        if role == Role.SORT:
            if column == Column.DATE:
                return header.date.timestamp() if header.date else float("-inf")
            if column == Column.SENDER:
                return header.sender.display().casefold()
            return header.subject.casefold()
        if role == Role.HEADER:
            return header
        if role == Role.SEEN:
            return header.seen
        if role == Role.ANSWERED:
            return header.ref in self._answered
        if role == Qt.ItemDataRole.DecorationRole and column == Column.SENDER and header.ref in self._answered:
            return replied_icon()
        if role == Role.PRESENCE:
            return self._presence.get(header.ref)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.SUBJECT:
            present = self._presence.get(header.ref)
            return present.icon() if present is not None else None
        return None


# -- insight ---------------------------------------------------------------------

# What must be answered first comes first: a chatty mail's 28 disclosures must not push its two
# requests below the fold. Worries linked to a request stay listed under it as well.
GROUP_ORDER = (HighlightKind.REQUEST, HighlightKind.WORRY, HighlightKind.DISCLOSURE)


@dataclass(slots=True)
class _Node:
    parent: int          # node id of the parent, -1 for a group
    row: int             # row within the parent
    kind: HighlightKind
    highlight: int = -1  # index into Insight.highlights, -1 for a group
    linked: bool = False  # shown under a request because of `links`
    children: list[int] = field(default_factory=list)
    repeats: int = 1     # identical highlighted sentences this row stands for (the first one's place)


def elide(text: str, limit: int = 48) -> str:
    """One line of at most `limit` characters (the panel's delegate wraps it to its width)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class InsightModel(QAbstractItemModel):
    """ご要望・ご質問 / ご不安 / 自己開示 groups (GROUP_ORDER), each with its highlights.

    A request also lists, as children, the worries linked to it, so the agent
    sees what to reassure next to what to answer. Node ids (the internal id of
    each index) are positions in `_nodes`, rebuilt on every `set_insight`.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._body = ""
        self._insight = Insight()
        self._analysed = False  # 「見つかりませんでした」 only once a mail was really analysed
        self._nodes: list[_Node] = []
        self._groups: list[int] = []
        self._build()

    # -- content -----------------------------------------------------------
    def set_insight(self, body: str, insight: Insight, analysed: bool = True) -> None:
        self.beginResetModel()
        self._body = body
        self._insight = insight
        self._analysed = analysed
        self._build()
        self.endResetModel()

    def clear(self) -> None:
        """No mail, or one not analysed yet: empty groups that claim nothing."""
        self.set_insight("", Insight(), analysed=False)

    @property
    def insight(self) -> Insight:
        return self._insight

    def text_of(self, highlight: Highlight) -> str:
        return self._body[highlight.start : highlight.end]

    def group_index(self, kind: HighlightKind) -> QModelIndex:
        return self.index(GROUP_ORDER.index(kind), 0)

    def highlight_indexes(self, kind: HighlightKind) -> list[QModelIndex]:
        group = self.group_index(kind)
        return [self.index(r, 0, group) for r in range(self.rowCount(group))]

    def retranslate(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(len(GROUP_ORDER) - 1, 0))

    def _build(self) -> None:
        self._nodes = []
        self._groups = []
        highlights = self._insight.highlights
        for row, kind in enumerate(GROUP_ORDER):
            group_id = len(self._nodes)
            self._nodes.append(_Node(-1, row, kind))
            self._groups.append(group_id)
            members = sorted(
                (i for i, h in enumerate(highlights) if h.kind is kind), key=lambda i: highlights[i].start
            )
            # A mail repeating one sentence hundreds of times (a pasted log, a form sent in a loop)
            # would bury the rest under identical rows: one row per sentence, with its count, at
            # the first place it occurs.
            repeats: dict[str, int] = {}  # the sentence as read → its row's node id
            for h_index in members:
                same = same_sentence(self.text_of(highlights[h_index]))
                first = repeats.get(same)
                if first is not None:
                    self._nodes[first].repeats += 1
                    continue
                node_id = len(self._nodes)
                repeats[same] = node_id
                child_row = len(self._nodes[group_id].children)
                self._nodes.append(_Node(group_id, child_row, kind, h_index))
                self._nodes[group_id].children.append(node_id)
                if kind is not HighlightKind.REQUEST:
                    continue
                worries = [
                    j for j in highlights[h_index].links
                    if 0 <= j < len(highlights) and highlights[j].kind is HighlightKind.WORRY
                ]
                for link_row, w_index in enumerate(worries):
                    link_id = len(self._nodes)
                    self._nodes.append(_Node(node_id, link_row, HighlightKind.WORRY, w_index, linked=True))
                    self._nodes[node_id].children.append(link_id)

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        node_id = index.internalId()
        return self._nodes[node_id] if 0 <= node_id < len(self._nodes) else None

    # -- Qt model API ----------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, self._groups[row]) if row < len(self._groups) else QModelIndex()
        node = self._node(parent)
        if node is None or row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        if not parent.isValid():
            return len(self._groups)
        node = self._node(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        if node.highlight < 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if node.highlight < 0:
            return self._group_data(node, role)
        highlight = self._insight.highlights[node.highlight]
        text = self.text_of(highlight)
        if role == Qt.ItemDataRole.DisplayRole:
            return elide(text, 160)  # the panel shows two lines of it; the whole text is the tooltip
        if role == Qt.ItemDataRole.ToolTipRole:
            # The words, then why they were marked (the cue the analyser matched).
            reason = wording.cue_text(highlight.cue)
            tip = f"{text}\n\n{reason}" if reason else text
            if node.repeats > 1:
                said = self.tr("同じ文がメールの中に {count} 回あります。クリックすると最初の箇所を表示します。")
                tip += "\n\n" + fill(said, count=f"{node.repeats:,}")
            return tip
        if role == Role.CUE:
            return highlight.cue
        if role == Role.REPEATS:
            return node.repeats
        if role == Role.TOPIC:
            parts = [self.tr("関連するご不安")] if node.linked else []
            if node.repeats > 1:
                parts.append(fill(self.tr("同じ文が {count} 回"), count=f"{node.repeats:,}"))
            if highlight.topic:
                parts.append(highlight.topic)
            return " · ".join(parts) if parts else highlight.topic
        if role == Qt.ItemDataRole.DecorationRole:
            return style.HIGHLIGHT_EDGE[highlight.kind]
        if role == Role.HIGHLIGHT:
            return highlight
        if role == Role.HIGHLIGHT_INDEX:
            return node.highlight
        if role == Role.KIND:
            return highlight.kind.value
        return None

    def _group_data(self, node: _Node, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if not self._analysed:  # no mail, or not read yet: a 0 would say the customer told nothing
                return wording.kind_label(node.kind)
            return f"{wording.kind_label(node.kind)}  {len(node.children)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return wording.kind_hint(node.kind)
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        if role == Role.KIND:
            return node.kind.value
        if role == Role.TOPIC:
            if node.children or not self._analysed:
                return None
            return QCoreApplication.translate("InsightModel", "見つかりませんでした")
        return None
