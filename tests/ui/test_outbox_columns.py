"""The outbox gives its width to 件名 and 宛先, not to an empty 理由 column (QA run, item 7)."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot

from app.outbox import DueKind, OutboxItem, OutboxState
from app.service_hours import JST
from ui.outbox_dialog import OutboxDialog, OutboxModel


def test_subject_and_address_show_whole_when_the_reason_is_empty(qtbot: QtBot) -> None:
    at = datetime(2026, 12, 7, 9, 0, tzinfo=JST)
    subject = "Re: 結婚式のお呼ばれドレスについて（11月の同期の結婚式）"
    address = "riko.maeda@example.co.jp"
    item = OutboxItem(1, "local", "<r@x>", OutboxState.QUEUED, None, "", 0, subject, (address,), None,
                      False, False, at, None, due_at=at, due_kind=DueKind.NOW)
    dialog = OutboxDialog()
    qtbot.addWidget(dialog)
    dialog.resize(880, 300)  # as it opens at 1366×768
    dialog.set_items([item])
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.view
    metrics = view.fontMetrics()
    assert view.model().index(0, OutboxModel.REASON).data() == ""
    assert view.columnWidth(OutboxModel.SUBJECT) > metrics.horizontalAdvance(subject)
    assert view.columnWidth(OutboxModel.TO) > metrics.horizontalAdvance(address)
    assert view.columnWidth(OutboxModel.STATE) > metrics.horizontalAdvance(str(view.model().index(0, 0).data()))
    assert view.columnWidth(OutboxModel.REASON) < view.columnWidth(OutboxModel.SUBJECT)
    # Nothing runs off the table's right edge.
    total = sum(view.columnWidth(c) for c in range(4))
    assert total <= view.viewport().width() + 1
