"""営業時間と送信の設定: each shop's service hours and closed days, and the undo grace period (issue 19).

One entry for every shop (全店共通), and for each sending identity optionally its own
(「この店だけの営業時間を使う」). Closed ranges are typed as the agent writes them
(12/29, 1/3, 2026/8/10); one that does not read as dates is named in the dialog and
nothing is saved until it is fixed, so nothing typed is lost.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QSize, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.identity import identities_from_setting
from app.service_hours import BadClosedRange, ClosedRange, ServiceHours
from app.settings import SERVICE_HOURS, SHOP_IDENTITIES, UNDO_SECONDS, UNDO_SECONDS_MAX, Settings
from ui.screen_fit import fit_dialog
from ui.wording import fill

SHOP_WIDE = ""


class ServiceHoursDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceHoursDialog")
        self.settings = settings
        saved: dict[str, Any] = settings.get(SERVICE_HOURS)
        self.entries: dict[str, ServiceHours | None] = {SHOP_WIDE: ServiceHours.from_dict(saved.get(SHOP_WIDE, {}))}
        self.identity = QComboBox(self)
        self.identity.setObjectName("hoursIdentity")
        self.identity.addItem(self.tr("全店共通"), SHOP_WIDE)
        raw_identities: list[dict[str, str]] = settings.get(SHOP_IDENTITIES)
        for identity in identities_from_setting(raw_identities):
            key = identity.email.lower()
            entry = saved.get(key)
            self.entries[key] = ServiceHours.from_dict(entry) if isinstance(entry, dict) else None
            self.identity.addItem(f"{identity.name} <{identity.email}>", key)
        self._shown = SHOP_WIDE
        self.own = QCheckBox(self.tr("この店だけの営業時間を使う"), self)
        self.own.setObjectName("ownHours")
        self.own.toggled.connect(self._on_own)

        self.days: list[QCheckBox] = []
        days_row = QHBoxLayout()
        # Worded here, not from app.service_hours.WEEKDAYS_JA, so English shows Mon…Sun.
        names = (self.tr("月"), self.tr("火"), self.tr("水"), self.tr("木"),
                 self.tr("金"), self.tr("土"), self.tr("日"))
        for index, name in enumerate(names):
            box = QCheckBox(name, self)
            box.setProperty("weekday", index)
            self.days.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.opens = QTimeEdit(self)
        self.opens.setDisplayFormat("H:mm")
        self.closes = QTimeEdit(self)
        self.closes.setDisplayFormat("H:mm")
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.opens)
        hours_row.addWidget(QLabel("〜", self))
        hours_row.addWidget(self.closes)
        hours_row.addStretch(1)
        self.holidays = QCheckBox(self.tr("祝日は休み"), self)
        self.closed = QTableWidget(0, 3, self)
        self.closed.setObjectName("closedRanges")
        self.closed.setHorizontalHeaderLabels([self.tr("開始"), self.tr("終了"), self.tr("名前")])
        self.closed.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.closed.verticalHeader().hide()
        self.closed.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("休業日を追加"), self)
        add.clicked.connect(lambda: self._add_range("", "", ""))
        remove = QPushButton(self.tr("選んだ休業日を削除"), self)
        remove.clicked.connect(self._remove_range)
        range_buttons = QHBoxLayout()
        range_buttons.addWidget(add)
        range_buttons.addWidget(remove)
        range_buttons.addStretch(1)
        self.hours_box = QWidget(self)
        form = QFormLayout(self.hours_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("営業日"), days_row)
        form.addRow(self.tr("営業時間"), hours_row)
        form.addRow("", self.holidays)
        form.addRow(self.tr("休業日"), self.closed)
        form.addRow("", range_buttons)
        hint = QLabel(self.tr("休業日は「12/29」〜「1/3」のように毎年の日付で、"
                              "臨時休業は「2026/9/1」のように年を付けて入力します。"
                              "営業時間外に書き終えた返信は、次の営業時間に送る予約が既定になります。"), self)
        hint.setWordWrap(True)
        hint.setObjectName("meta")

        self.undo = QSpinBox(self)
        self.undo.setObjectName("undoSeconds")
        self.undo.setRange(0, UNDO_SECONDS_MAX)
        self.undo.setSuffix(self.tr(" 秒"))
        self.undo.setValue(settings.undo_seconds)
        self.error = QLabel(self)
        self.error.setObjectName("hoursError")
        self.error.setStyleSheet("color: #cf222e;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(self.tr("店"), self.identity)
        layout.addLayout(top)
        layout.addWidget(self.own)
        layout.addWidget(self.hours_box)
        layout.addWidget(hint)
        undo_form = QFormLayout()
        undo_form.addRow(self.tr("送信を取り消せる時間"), self.undo)
        layout.addLayout(undo_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("営業時間と送信の設定"))
        fit_dialog(self, QSize(560, 560))  # at most 90 % of the screen (ui.screen_fit)
        self.identity.currentIndexChanged.connect(self._on_identity)
        self._show(SHOP_WIDE)

    # -- one entry on screen ------------------------------------------------------------
    def _show(self, key: str) -> None:
        self._shown = key
        entry = self.entries.get(key)
        self.own.blockSignals(True)
        self.own.setChecked(entry is not None)
        self.own.setVisible(key != SHOP_WIDE)
        self.own.blockSignals(False)
        hours = entry or self.entries[SHOP_WIDE] or ServiceHours()
        for box in self.days:
            box.setChecked(int(box.property("weekday")) in hours.weekdays)
        self.opens.setTime(QTime(hours.opens.hour, hours.opens.minute))
        self.closes.setTime(QTime(hours.closes.hour, hours.closes.minute))
        self.holidays.setChecked(hours.holidays_closed)
        self.closed.setRowCount(0)
        for closed in hours.closed:
            start, end = closed.shown()
            self._add_range(start, end, closed.label)
        self.hours_box.setEnabled(key == SHOP_WIDE or entry is not None)

    def _read(self) -> ServiceHours:
        """The entry on screen; `BadClosedRange` names the first range that does not read."""
        ranges = []
        for row in range(self.closed.rowCount()):
            cells = [self.closed.item(row, c) for c in range(3)]
            start, end, label = (c.text().strip() if c is not None else "" for c in cells)
            if not start and not end:
                continue
            ranges.append(ClosedRange.parse(start, end, label))
        opens, closes = self.opens.time(), self.closes.time()
        return ServiceHours(frozenset(int(b.property("weekday")) for b in self.days if b.isChecked()),
                            time(opens.hour(), opens.minute()), time(closes.hour(), closes.minute()),
                            self.holidays.isChecked(), tuple(ranges))

    def _keep_shown(self) -> bool:
        if self._shown != SHOP_WIDE and self.entries.get(self._shown) is None:
            return True
        try:
            self.entries[self._shown] = self._read()
        except BadClosedRange as error:
            self.error.setText(fill(self.tr("休業日「{day}」を日付として読めません。「12/29」や「2026/8/10」のように入力してください。"),
                                    day=str(error)))
            self.error.show()
            return False
        self.error.hide()
        return True

    def _on_identity(self, index: int) -> None:
        key = str(self.identity.itemData(index))
        if not self._keep_shown():
            self.identity.blockSignals(True)
            self.identity.setCurrentIndex(self.identity.findData(self._shown))
            self.identity.blockSignals(False)
            return
        self._show(key)

    def _on_own(self, on: bool) -> None:
        self.entries[self._shown] = (self.entries[SHOP_WIDE] or ServiceHours()) if on else None
        self._show(self._shown)

    def _add_range(self, start: str, end: str, label: str) -> None:
        row = self.closed.rowCount()
        self.closed.insertRow(row)
        for column, text in enumerate((start, end, label)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.closed.setItem(row, column, item)

    def _remove_range(self) -> None:
        rows = sorted({i.row() for i in self.closed.selectedIndexes()}, reverse=True)
        for row in rows:
            self.closed.removeRow(row)

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        if not self._keep_shown():
            return
        saved = {key: hours.to_dict() for key, hours in self.entries.items() if hours is not None}
        self.settings.set(SERVICE_HOURS, saved)
        self.settings.set(UNDO_SECONDS, int(self.undo.value()))
        self.accept()
