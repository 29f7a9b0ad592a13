"""「送信を取り消す」 in the status bar while a reply waits out its grace period (issue 19).

Shows 「返信を送信します（あと 8 秒）」 and the button; the countdown reads the send
service's clock, the outbox decides (the item's `due_at`), so the toast never
sends anything itself: it disappears when the item went, was taken back, or when
its grace period is over (then the reply is sending, and what happens to it — sent,
or a failure — is said by the outbox; a toast at 「あと 0 秒」 would offer an undo
that can no longer be promised).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.clock import Clock
from app.outbox import OutboxItem
from ui.wording.outbox import countdown_text


class UndoToast(QFrame):
    undo_requested = Signal(int)  # outbox item id

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoToast")
        self.setStyleSheet("#undoToast { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; }")
        self.clock = clock
        self.item: OutboxItem | None = None
        self.label = QLabel(self)
        self.button = QPushButton(self)
        self.button.setObjectName("undoSend")
        self.button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._update)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.button.setText(self.tr("送信を取り消す"))
        self._update()

    def show_for(self, item: OutboxItem) -> None:
        self.item = item
        self.button.setEnabled(True)
        self.show()
        self.timer.start()
        # Last: a grace period already over when the store recorded the reply (the db lane was busy)
        # hides the toast again. Shown after it, the toast stayed for good with no item, an earlier
        # reply's countdown and an undo button that did nothing.
        self._update()

    def done(self, item_id: int) -> None:
        """The item went out or was taken back: the toast goes."""
        if self.item is not None and self.item.id == item_id:
            self.item = None
            self.timer.stop()
            self.hide()

    def _update(self) -> None:
        if self.item is None or self.item.due_at is None:
            return
        left = (self.item.due_at - self.clock.now()).total_seconds()
        if left <= 0:
            self.done(self.item.id)  # the grace period ended: no more undo on offer
            return
        self.label.setText(countdown_text(math.ceil(left)))

    def _undo(self) -> None:
        if self.item is not None:
            self.button.setEnabled(False)  # one undo per item
            self.undo_requested.emit(self.item.id)
