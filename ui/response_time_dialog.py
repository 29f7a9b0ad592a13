"""返信までの時間: for each customer mail, the business-hours wait for our first reply, and each week's median.

Opened from the お客様の記録 menu. The figures come from the customer memory
(`app.reports.response_time.report_from_memory`), computed on the db lane; the
dialog shows two Qt models over the result: the weeks (median, mails, answered)
and the mails themselves, newest first. Business hours are the shop's own, as set in
営業時間と送信の設定 (`app.service_hours`): the main window passes the default sending
identity's (the memory does not record which identity sent each reply).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.reports.response_time import ResponseReport, ResponseRow, WeekRow
from app.service_hours import ServiceHours
from ui.screen_fit import fit_dialog
from ui.tasks import DB, TaskFailure, TaskRunner
from ui.wording import fill
from ui.wording.errors import error_text

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SLOW = timedelta(hours=9)  # more than one business day: shown in the warning colour


def duration_text(value: timedelta | None) -> str:
    """「1時間30分」, 「2日 3時間」 (a business day is 9 hours), 「未返信」."""
    if value is None:
        return QCoreApplication.translate("ResponseTime", "未返信")
    minutes = round(value.total_seconds() / 60)
    days, rest = divmod(minutes, 9 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(fill(QCoreApplication.translate("ResponseTime", "{days}営業日"), days=days))
    if hours:
        parts.append(fill(QCoreApplication.translate("ResponseTime", "{hours}時間"), hours=hours))
    if mins or not parts:
        parts.append(fill(QCoreApplication.translate("ResponseTime", "{minutes}分"), minutes=mins))
    return " ".join(parts)


NAME_WIDTH = 140  # px at most for the customer column of the mail list


class _Table(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def row(self, index: int) -> Any:
        return self._rows[index]


class WeekModel(_Table):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (QCoreApplication.translate("ResponseTime", "週"),
                        QCoreApplication.translate("ResponseTime", "返信までの時間（中央値）"),
                        QCoreApplication.translate("ResponseTime", "お問い合わせ"),
                        QCoreApplication.translate("ResponseTime", "返信済み"))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        week: WeekRow = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = fill(QCoreApplication.translate("ResponseTime", "{day} の週"), day=week.week.strftime("%Y/%m/%d"))
            median = duration_text(week.median) if week.median is not None else "—"  # nothing answered that week
            return (label, median,
                    str(week.mails), str(week.answered))[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return week
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and week.median and week.median > SLOW:
            return QColor("#b42318")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MailModel(_Table):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (QCoreApplication.translate("ResponseTime", "受信"),
                        QCoreApplication.translate("ResponseTime", "お客様"),
                        QCoreApplication.translate("ResponseTime", "件名"),
                        QCoreApplication.translate("ResponseTime", "最初の返信"),
                        QCoreApplication.translate("ResponseTime", "返信までの時間（営業時間）"))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: ResponseRow = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            received = row.received.astimezone().strftime("%Y/%m/%d %H:%M")
            replied = row.replied.astimezone().strftime("%Y/%m/%d %H:%M") if row.replied else ""
            return (received, row.customer, row.subject, replied, duration_text(row.waited))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 2):
            return (row.customer, row.subject)[index.column() - 1]  # elided in a narrow dialog
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4 and (row.waited is None or row.waited > SLOW):
            return QColor("#b42318")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ResponseTimeDialog(QDialog):
    loaded = Signal()

    def __init__(self, runner: TaskRunner, engine: Any, parent: QWidget | None = None,
                 hours: ServiceHours | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("responseTimeDialog")
        self.setWindowTitle(self.tr("返信までの時間"))
        fit_dialog(self, QSize(900, 600))  # at most 90 % of the screen (ui.screen_fit)
        self.runner = runner
        self.hours = hours or ServiceHours()
        self.intro = QLabel(self.tr("お客様のメールが届いてから最初の返信までの時間を、"
                                    "営業時間と送信の設定で決めた営業時間（休業日を除く）だけで数えています。"), self)
        self.intro.setWordWrap(True)
        self.status = QLabel(self.tr("集計しています…"), self)
        self.status.setObjectName("responseTimeStatus")
        self.weeks = WeekModel(self)
        self.mails = MailModel(self)
        self.week_view = self._view(self.weeks, "responseWeeks")
        self.mail_view = self._view(self.mails, "responseMails")
        self.mail_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.week_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.week_view)
        splitter.addWidget(self.mail_view)
        splitter.setSizes([180, 380])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        from app.reports.response_time import report_from_memory

        hours_kept = self.hours
        runner.submit(DB, lambda: report_from_memory(engine, hours_kept), self._on_report, self._on_error,
                      slot="response-time", drop_at_shutdown=True)

    def _view(self, model: _Table, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    def _on_report(self, report: ResponseReport) -> None:
        self.weeks.set_rows(list(report.weeks))
        self.mails.set_rows(list(report.rows))
        # A long customer name no longer takes the subject's room in a narrow dialog: the name column
        # fits its text up to NAME_WIDTH, then elides (the whole name in its tooltip).
        header = self.mail_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.mail_view.resizeColumnToContents(1)
        header.resizeSection(1, min(header.sectionSize(1), NAME_WIDTH))
        answered = [r.waited for r in report.rows if r.waited is not None]
        if not report.rows:
            self.status.setText(self.tr("まだお客様のメールがありません。お客様の記録を作成すると集計できます。"))
        else:
            self.status.setText(fill(self.tr("お問い合わせ {mails} 件（返信済み {answered} 件）"),
                                     mails=len(report.rows), answered=len(answered)))
        self.loaded.emit()

    def _on_error(self, failure: TaskFailure) -> None:
        self.status.setText(fill(self.tr("集計できませんでした: {reason}"), reason=error_text(failure.error)))
        self.loaded.emit()
