"""「このお客様について」: who this customer is to us, what they told before, how we answered.

Shown under the insight panel for the selected mail: first-time or regular
(with count and since when), a reminder when today's mail touches something
told before, the timeline of disclosures (「2025年12月: 奥様が卵アレルギー」), our
past replies (click to open one) and a small chart of their length and warmth.
A timeline item can be turned into a reference for the reply
(「以前お話しくださった…」): copied to the clipboard, or inserted by the composer
through `reference_requested` once it listens.
"""

from __future__ import annotations

import itertools
from datetime import datetime

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.model import CustomerProfile, Disclosure, PastReply, ReplyStats
from ui.wording import fill

LENGTH_COLOUR = QColor("#8fb8e8")
WARMTH_COLOUR = QColor("#e8833a")


def _local(date: datetime | None) -> datetime | None:
    return date.astimezone() if date is not None else None


DATE_FORMAT = "%Y/%m/%d"  # the one date format of the panel, as in the message list


def day(date: datetime | None) -> str:
    local = _local(date)
    return local.strftime(DATE_FORMAT) if local is not None else ""


def fit_height(view: QListWidget) -> None:
    """Make a list as tall as its rows (wrapped text included): the panel scrolls, not the list."""
    width = max(view.viewport().width() - 8, 80)
    metrics = view.fontMetrics()
    rows = 0
    for row in range(view.count()):
        item = view.item(row)
        # Each row as tall as its text wrapped at the list's present width.
        height = metrics.boundingRect(QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, item.text()).height() + 6
        item.setSizeHint(QSize(width, height))
        rows += height
    view.setFixedHeight(rows + 2 * view.frameWidth() + 4)


class ReplyChart(QWidget):
    """Bars: each reply's length; orange line: its warmth. Oldest left. Drawn with QPainter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyChart")
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.stats: list[ReplyStats] = []
        # While the first build runs, "no replies" would be a claim the records cannot make yet.
        self.incomplete = False
        # No customer shown (no mail open, our own mail, still loading): "no replies yet" would speak
        # of nobody (the walkthrough saw it under 「メールを選ぶと…」 and 「こちらから送ったメールです」).
        self.about_someone = False

    def set_stats(self, stats: list[ReplyStats]) -> None:
        self.stats = stats
        self.setToolTip(
            "\n".join(
                fill(self.tr("{day}: {length}字・温かみ {warmth}"),
                     day=day(s.date) or "?", length=str(s.length), warmth=str(s.warmth))
                for s in stats
            )
        )
        self.update()

    def empty_text(self) -> str:
        """What the chart says without bars: nothing when it is about nobody."""
        if not self.about_someone:
            return ""
        return self.tr("記録の準備中です") if self.incomplete else self.tr("まだ返信がありません")

    def dated_bars(self, slot: float, label_width: float) -> list[tuple[int, ReplyStats]]:
        """The bars whose date is written under them: all when there is room, else the first and last."""
        every = slot >= label_width
        last = len(self.stats) - 1
        return [(i, s) for i, s in enumerate(self.stats) if every or i in (0, last)]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Room below the bars for their dates.
        area = QRectF(self.rect()).adjusted(10, 18, -10, -20)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QColor("#57606a"))
        painter.drawText(QRectF(10, 2, area.width(), 14), Qt.AlignmentFlag.AlignLeft, self.tr("■ 長さ"))
        painter.setPen(WARMTH_COLOUR)
        painter.drawText(QRectF(70, 2, area.width(), 14), Qt.AlignmentFlag.AlignLeft, self.tr("● 温かみ"))
        if not self.stats:
            painter.setPen(QColor("#6e7781"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text())
            return
        longest = max(1, max(s.length for s in self.stats))
        warmest = max(1, max(s.warmth for s in self.stats))
        slot = area.width() / len(self.stats)
        bar = min(28.0, slot * 0.6)
        points = []
        for i, s in enumerate(self.stats):
            x = area.left() + slot * i + (slot - bar) / 2
            h = area.height() * s.length / longest
            painter.fillRect(QRectF(x, area.bottom() - h, bar, h), LENGTH_COLOUR)
            points.append(QPointF(x + bar / 2, area.bottom() - area.height() * s.warmth / warmest))
        painter.setPen(QPen(WARMTH_COLOUR, 2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(WARMTH_COLOUR)
        for p in points:
            painter.drawEllipse(p, 3, 3)
        # The date of each bar when there is room, else of the first and the last.
        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        painter.setFont(font)
        painter.setPen(QColor("#57606a"))
        label_width = painter.fontMetrics().horizontalAdvance("0000/00/00") + 6
        for i, s in self.dated_bars(slot, label_width):
            centre = area.left() + slot * i + slot / 2
            left = min(max(centre - label_width / 2, 0.0), self.width() - label_width)
            painter.drawText(QRectF(left, area.bottom() + 3, label_width, 14),
                             Qt.AlignmentFlag.AlignHCenter, day(s.date))


class CustomerPanel(QWidget):
    """Emits `reply_activated(PastReply)` to open one of our replies, `reference_requested(str)`
    with a 「以前お話しくださった…」 phrase, and export/delete requests with the customer id."""

    reply_activated = Signal(object)
    reference_requested = Signal(str)
    export_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.profile: CustomerProfile | None = None
        self._state = "empty"
        # (done, total) while the customer records are being built: until they are complete the
        # panel never says "first-time" or "none" (issue 15/QA: a regular greeted as new).
        self.building: tuple[int, int] | None = None
        self.build_stopped = False

        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)  # a narrow column (125 % scaling, the composer open) wraps it
        self.status = QLabel(self)
        self.status.setObjectName("customerStatus")
        self.status.setWordWrap(True)
        self.build_note = QLabel(self)
        self.build_note.setObjectName("buildNote")
        self.build_note.setWordWrap(True)
        self.build_note.setStyleSheet("QLabel { background: #fff8c5; border: 1px solid #d4a72c;"
                                      " border-radius: 4px; padding: 4px; margin: 0 10px; }")
        self.build_note.hide()
        self.reminder = QLabel(self)
        self.reminder.setObjectName("reminder")
        self.reminder.setWordWrap(True)
        self.reminder.hide()
        self.timeline_label = QLabel(self)
        self.timeline_label.setObjectName("sectionLabel")
        self.timeline = QListWidget(self)
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.timeline.currentRowChanged.connect(self._update_buttons)
        self.reference_button = QPushButton(self)
        self.reference_button.setObjectName("referenceButton")
        self.reference_button.clicked.connect(self._request_reference)
        self.replies_label = QLabel(self)
        self.replies_label.setObjectName("sectionLabel")
        self.replies = QListWidget(self)
        self.replies.setObjectName("pastReplies")
        # A long subject wraps: it ran past the column's edge, cut off (make screenshot, customer.png).
        self.replies.setWordWrap(True)
        self.replies.itemClicked.connect(self._on_reply_clicked)
        self.replies.itemActivated.connect(self._on_reply_clicked)
        self.chart = ReplyChart(self)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(lambda: self._emit_customer(self.export_requested))
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(lambda: self._emit_customer(self.delete_requested))

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.build_note)
        layout.addWidget(self.reminder)
        layout.addWidget(self.timeline_label)
        layout.addWidget(self.timeline)
        row = QHBoxLayout()
        row.setContentsMargins(10, 0, 10, 0)
        row.addWidget(self.reference_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.replies_label)
        layout.addWidget(self.replies)
        layout.addWidget(self.chart)
        privacy = QHBoxLayout()
        privacy.setContentsMargins(10, 0, 10, 0)
        privacy.addWidget(self.export_button)
        privacy.addWidget(self.delete_button)
        privacy.addStretch(1)
        layout.addLayout(privacy)
        for view in (self.timeline, self.replies):
            view.setFrameShape(QFrame.Shape.NoFrame)
            # The lists grow with what they hold; the panel's scroll area scrolls them all.
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideNone)
            view.setResizeMode(QListWidget.ResizeMode.Adjust)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()

    # -- wording -------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("このお客様について"))
        self.timeline_label.setText(self.tr("以前お話しくださったこと"))
        self.replies_label.setText(self.tr("これまでの返信"))
        self.reference_button.setText(self.tr("返信で触れる（コピー）"))
        self.reference_button.setToolTip(self.tr("選んだ項目を「以前お話しくださった…」の形でコピーします"))
        self.export_button.setText(self.tr("記録を書き出す"))
        self.delete_button.setText(self.tr("記録を削除"))
        self.delete_button.setToolTip(self.tr("このお客様について覚えたことを削除します（メールは残ります）"))
        self._show()

    def month(self, date: datetime | None) -> str:
        local = _local(date)
        if local is None:
            return self.tr("日付不明")
        return fill(self.tr("{year}年{month}月"), year=str(local.year), month=str(local.month))

    def timeline_text(self, disclosure: Disclosure) -> str:
        return fill(self.tr("{month}: {summary}"), month=self.month(disclosure.date), summary=disclosure.summary)

    # -- states --------------------------------------------------------------
    def clear(self) -> None:
        self._set(None, "empty")

    def set_busy(self) -> None:
        self._set(None, "busy")

    def set_own(self) -> None:
        self._set(None, "own")

    def set_unavailable(self) -> None:
        self._set(None, "unavailable")

    def set_building(self, done: int | None, total: int = 0, *, stopped: bool = False) -> None:
        """The records are being built (`done` of `total` mails; total 0 = not counted yet), or None: complete.

        `stopped`: the build was stopped or failed part way; the records stay incomplete until it resumes."""
        building = None if done is None else (done, total)
        if building != self.building or stopped != self.build_stopped:
            self.building = building
            self.build_stopped = stopped
            self._show()

    def building_text(self) -> str:
        if self.building is None:
            return ""
        done, total = self.building
        if self.build_stopped:
            return fill(self.tr("お客様の記録は作成の途中です（{done} / {total} 通）。この方の履歴はまだ揃っていません。"  # noqa: E501
                                "メニューの「お客様の記録」から続きを作れます"), done=f"{done:,}", total=f"{total:,}")
        if total <= 0:
            return self.tr("お客様の記録を準備中です。この方の履歴はまだ揃っていません")
        return fill(self.tr("お客様の記録を準備中です（{done} / {total} 通）。この方の履歴はまだ揃っていません"),
                    done=f"{done:,}", total=f"{total:,}")

    def set_profile(self, profile: CustomerProfile | None) -> None:
        self._set(profile, "ready" if profile is not None else "nobody")

    def _set(self, profile: CustomerProfile | None, state: str) -> None:
        self.profile = profile
        self._state = state
        self._show()

    def _show(self) -> None:
        profile = self.profile
        self.timeline.clear()
        self.replies.clear()
        self.reminder.hide()
        incomplete = self.building is not None
        self.chart.incomplete = incomplete
        self.chart.about_someone = profile is not None
        self.build_note.setText(self.building_text())
        self.build_note.setVisible(incomplete and profile is not None)
        # What a partial record cannot claim: "first-time", "none told", "no replies".
        none_yet = self.tr("まだ揃っていません（記録の準備中）") if incomplete else self.tr("まだありません")
        known = profile is not None and profile.customer.id != 0
        for widget in (self.export_button, self.delete_button):
            widget.setEnabled(known)
        if profile is None:
            self.status.setText({
                "busy": self.tr("読み込み中…"),
                "unavailable": self.tr("お客様の記録を開けませんでした"),
                "nobody": self.tr("このメールにはお客様の宛先がありません"),
                "own": self.tr("こちらから送ったメールです"),
            }.get(self._state, self.tr("メールを選ぶと、このお客様とのこれまでをここに表示します")))
            self.chart.set_stats([])
            self._fit_lists()
            self._update_buttons()
            return
        name = profile.customer.name or profile.customer.addresses[0]
        if incomplete:
            self.status.setText(fill(self.tr("{name} 様 — これまでに記録できたメール {mail_count} 通"),
                                     name=name, mail_count=profile.mail_count))
        elif profile.first_time:
            self.status.setText(fill(self.tr("{name} 様 — はじめてのお客様です"), name=name))
        else:
            since = _local(profile.since)
            self.status.setText(
                fill(self.tr("{name} 様 — {mail_count}通目のメール（{since}から）"), name=name,
                     mail_count=profile.mail_count, since=self.month(since))
            )
        if profile.reminders:
            lines = [self.tr("今回のメールは、以前のお話と関係がありそうです:")]
            for reminder in profile.reminders[:3]:
                lines.append("・" + self.timeline_text(reminder.disclosure))
            self.reminder.setText("\n".join(lines))
            self.reminder.show()
        for disclosure in reversed(profile.disclosures):  # newest first: what matters now is on top
            item = QListWidgetItem(self.timeline_text(disclosure))
            item.setToolTip(disclosure.text)
            item.setData(Qt.ItemDataRole.UserRole, disclosure)
            self.timeline.addItem(item)
        if not profile.disclosures:
            self.timeline.addItem(QListWidgetItem(none_yet))
        for reply in reversed(profile.replies):
            item = QListWidgetItem(
                fill(self.tr("{day} {subject}（{length}字）"),
                     day=day(reply.stats.date), subject=reply.subject, length=str(reply.stats.length))
            )
            item.setData(Qt.ItemDataRole.UserRole, reply)
            self.replies.addItem(item)
        # Replies sent after this mail (the one just sent, too): on top, so a send shows at once.
        earlier = {r.stats for r in profile.replies}
        later = [s for s in profile.history if s not in earlier]
        for stats in reversed(later):
            item = QListWidgetItem(
                fill(self.tr("{day} このメール以降の返信（{length}字）"), day=day(stats.date), length=str(stats.length))
            )
            self.replies.insertItem(0, item)
        if not profile.replies and not later:
            self.replies.addItem(QListWidgetItem(none_yet))
        self.chart.set_stats([r.stats for r in profile.replies] + later)
        self._fit_lists()
        if self.timeline.count() and isinstance(self.timeline.item(0).data(Qt.ItemDataRole.UserRole), Disclosure):
            self.timeline.setCurrentRow(0)
        self._update_buttons()

    def _fit_lists(self) -> None:
        for view in (self.timeline, self.replies):
            fit_height(view)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_lists()  # wrapped rows change height with the width

    # -- actions -------------------------------------------------------------
    def selected_disclosure(self) -> Disclosure | None:
        item = self.timeline.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, Disclosure) else None

    def reference_for_selected(self) -> str:
        """The finished sentence 「以前お話しくださった…のこと、…。」 for the selected timeline item ("" when none)."""
        from app.customers.phrases import reference_sentence

        disclosure = self.selected_disclosure()
        return reference_sentence(disclosure.text, disclosure.topic) if disclosure is not None else ""

    def _update_buttons(self, *_args: object) -> None:
        self.reference_button.setEnabled(self.selected_disclosure() is not None)

    def _request_reference(self) -> None:
        phrase = self.reference_for_selected()
        if phrase:
            QGuiApplication.clipboard().setText(phrase)
            self.reference_requested.emit(phrase)

    def _on_reply_clicked(self, item: QListWidgetItem) -> None:
        reply = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(reply, PastReply):
            self.reply_activated.emit(reply)

    def _emit_customer(self, signal: SignalInstance) -> None:
        if self.profile is not None and self.profile.customer.id:
            signal.emit(self.profile.customer.id)
