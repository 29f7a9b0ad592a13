"""The reply composer pane: the draft editor with its findings underlined and listed beside it.

It shows one `Draft` (recipients, subject, body) and knows nothing of the store,
the review or sending: it reports edits and requests, and the controller
(`ui.compose_controller`) does the rest on the task runner. Findings arrive
with the text they were computed for; when the editor no longer holds that
text they are stale and dropped, so an underline never points at the wrong words.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.mail.compose import parse_recipients
from app.mail.outgoing import with_stand_ins
from app.model import Address, Draft, Finding, FindingKind, Severity
from app.snippets import Filled
from app.sources.connection import Charset
from ui.findings_order import Arranged, arrange, folded_entry, headline
from ui.wording import fill, finding_line, finding_message

SEVERITY_COLOUR: dict[Severity, QColor] = {
    Severity.ERROR: QColor("#cf222e"),
    Severity.WARNING: QColor("#bf8700"),
    Severity.INFO: QColor("#2f6fdb"),
}


def _addresses(addresses: tuple[Address, ...]) -> str:
    return ", ".join(f"{a.name} <{a.email}>" if a.name else a.email for a in addresses)


class DraftEdit(QTextEdit):
    """Plain-text editor for the reply (rich text pasted in arrives as text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftEdit")
        self.setAcceptRichText(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.setFont(font)

    def select_span(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        length = len(self.toPlainText())
        cursor.setPosition(min(start, length))
        cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def underline(self, findings: list[Finding]) -> None:
        selections = []
        for finding in findings:
            if finding.end <= finding.start:
                continue  # about something missing from the draft: listed, nothing to underline
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(SEVERITY_COLOUR[finding.severity])
            fmt.setToolTip(finding_message(finding))
            selection.format = fmt
            cursor = self.textCursor()
            cursor.setPosition(finding.start)
            cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)


FOLDED = "folded"  # the item data of the entry the many 「触れていないお話」 are folded under
ROWS_SHOWN = 60  # findings given a row in the list; the rest are counted on one line
FIX_WORDS_SHOWN = 14  # a longer suggestion is cut on its button and shown whole in the tooltip


class FindingRow(QWidget):
    """One finding in the list: a coloured mark, its kind and sentence, and under it a fix button
    when there is one (beside the sentence it cut the sentence and itself on a narrow composer)."""

    fix_clicked = Signal()

    def __init__(self, finding: Finding, parent: QWidget | None = None, indent: int = 0,
                 with_fix: bool = True) -> None:
        super().__init__(parent)
        self.finding = finding
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6 + indent, 4, 6, 4)
        mark = QFrame(self)
        mark.setFixedWidth(4)
        mark.setStyleSheet(f"background: {SEVERITY_COLOUR[finding.severity].name()}; border-radius: 2px;")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setText(finding_line(finding))
        # Wrapped text takes the width it is given; it never asks for more (no horizontal scrolling).
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(2)
        text.addWidget(self.label)
        layout.addWidget(mark)
        layout.addLayout(text, 1)
        self.fix: QPushButton | None = None
        if finding.suggestion and with_fix:
            self.fix = QPushButton(self)
            self.fix.setObjectName("fixButton")
            whole = fill(self.tr("「{suggestion}」に直す"), suggestion=finding.suggestion)
            shown = finding.suggestion
            if len(shown) > FIX_WORDS_SHOWN:
                shown = shown[: FIX_WORDS_SHOWN - 1] + "…"
            self.fix.setText(fill(self.tr("「{suggestion}」に直す"), suggestion=shown))
            self.fix.setToolTip(whole)
            self.fix.clicked.connect(self.fix_clicked)
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addStretch(1)
            row.addWidget(self.fix)
            text.addLayout(row)
        self._layout, self._text, self._mark = layout, text, mark

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The wrapped sentence's height at this width, and the fix button's under it (the nested
        layout does not pass the label's height-for-width on)."""
        margins = self._layout.contentsMargins()
        spacing = max(self._layout.spacing(), 0)
        inner = width - margins.left() - margins.right() - self._mark.width() - spacing
        height = self.label.heightForWidth(max(inner, 1))
        if self.fix is not None:
            height += max(self._text.spacing(), 0) + self.fix.sizeHint().height()
        return height + margins.top() + margins.bottom()


class FoldedRow(QWidget):
    """The one entry the many 「触れていないお話」 are listed under; a click opens or closes the list."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = count
        self.open = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        mark = QFrame(self)
        mark.setFixedWidth(4)
        mark.setStyleSheet(f"background: {SEVERITY_COLOUR[Severity.WARNING].name()}; border-radius: 2px;")
        self.arrow = QLabel(self)
        self.label = QLabel(self)
        self.label.setObjectName("foldedFindings")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(mark)
        layout.addWidget(self.arrow)
        layout.addWidget(self.label, 1)
        self.set_open(False)

    def set_open(self, open_: bool) -> None:
        self.open = open_
        self.arrow.setText("▾" if open_ else "▸")
        hint = self.tr("（クリックでたたむ）") if open_ else self.tr("（クリックで一覧を表示）")
        self.label.setText(folded_entry(self.count) + hint)


class FindingsList(QListWidget):
    """Findings as `ui.findings_order` arranges them, one row each (a FindingRow: wrapped to the
    list's width, as tall as its text), the folded ones under one entry that opens on a click.
    The composer's list under the draft, and the send-check dialog's."""

    fix_clicked = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None, with_fix: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("findingsList")
        self.with_fix = with_fix
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.folded_item: QListWidgetItem | None = None
        self._folded_rows = 0  # how many of the folded findings have a row (see ROWS_SHOWN)
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)

    def show_findings(self, arranged: Arranged) -> None:
        # The live review refills the list after every pause in typing: an opened list stays open,
        # and the list keeps its place.
        was_open, scrolled = self.folded_open, self.verticalScrollBar().value()
        self.clear()
        self.folded_item = None
        self._folded_rows = 0
        # A row is a widget made on the GUI thread: a reply to a very long mail (hundreds of requests and
        # disclosures) must not build hundreds of them after every pause in typing. The first ROWS_SHOWN
        # are shown, the rest counted on one quiet line.
        budget, left = ROWS_SHOWN, 0
        for entry in arranged.entries():
            if isinstance(entry, Finding):
                if budget > 0:
                    self._add(entry)
                    budget -= 1
                else:
                    left += 1
                continue
            item = QListWidgetItem(self)
            item.setData(Qt.ItemDataRole.UserRole, FOLDED)
            self.setItemWidget(item, FoldedRow(len(entry), self))
            self.folded_item = item
            shown = entry[: max(budget, 0)]
            for finding in shown:
                self._add(finding, indent=16).setHidden(True)
            self._folded_rows = len(shown)
            budget -= len(shown)
            left += len(entry) - len(shown)
        if left:
            more = QListWidgetItem(fill(self.tr("ほか {count} 件の指摘は一覧に載せていません"), count=left), self)
            more.setFlags(Qt.ItemFlag.NoItemFlags)
        self.fit_rows()
        if was_open and self.folded_item is not None:
            self.toggle_folded()
        self.verticalScrollBar().setValue(scrolled)

    def _add(self, finding: Finding, indent: int = 0) -> QListWidgetItem:
        item = QListWidgetItem(self)
        item.setData(Qt.ItemDataRole.UserRole, finding)
        row = FindingRow(finding, self, indent, self.with_fix)
        row.fix_clicked.connect(lambda f=finding: self.fix_clicked.emit(f))
        self.setItemWidget(item, row)
        return item

    def line(self, row: int) -> str:
        """The words of a row, as shown."""
        widget = self.itemWidget(self.item(row))
        return widget.label.text() if isinstance(widget, (FindingRow, FoldedRow)) else ""

    def _folded_row(self) -> FoldedRow | None:
        widget = self.itemWidget(self.folded_item) if self.folded_item is not None else None
        return widget if isinstance(widget, FoldedRow) else None

    @property
    def folded_open(self) -> bool:
        row = self._folded_row()
        return row is not None and row.open

    def toggle_folded(self) -> None:
        """Open (or close) the list behind 「触れていないお話が N 件あります」."""
        row = self._folded_row()
        if row is None or self.folded_item is None:
            return
        row.set_open(not row.open)
        start = self.row(self.folded_item) + 1
        for index in range(start, start + self._folded_rows):
            item = self.item(index)
            if item is not None:
                item.setHidden(not row.open)
        self.fit_rows()
        if row.open:  # the opened list in view, from its entry down
            self.scrollToItem(self.folded_item, QAbstractItemView.ScrollHint.PositionAtTop)

    def _on_clicked(self, item: QListWidgetItem) -> None:
        if item is self.folded_item:
            self.toggle_folded()

    def fit_rows(self) -> None:
        width = self.viewport().width()
        for row in range(self.count()):
            item = self.item(row)
            widget = self.itemWidget(item)
            if widget is not None:
                height = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
                item.setSizeHint(QSize(width, height if height > 0 else widget.sizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()


MIN_WIDTH = 300  # px: about twenty characters of a Japanese reply a line


class ComposerPane(QWidget):
    """The composer beside the reader. Signals say what the agent asked for."""

    text_edited = Signal()
    send_requested = Signal()      # the default choice: at once, or at the next opening outside service hours
    send_now_requested = Signal()  # 「今すぐ送信」 outside service hours
    close_requested = Signal()
    escape_pressed = Signal()  # Esc: close, asking first when something is not saved yet
    finding_activated = Signal(object)  # Finding
    manage_snippets_requested = Signal()
    signatures_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Its minimum is its buttons' with their shorter words and its send choice (`_fit_status`), so
        # the reader, the composer and the panel fit side by side on 1024×700 at 125 % (819 px).
        self._draft: Draft | None = None
        self._findings: list[Finding] = []
        self._findings_text: str | None = None
        self._loading = False
        self._reveal_pending = False
        self._next_opening = ""  # 「12月8日(月) 9:00」 outside service hours, "" inside

        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        header = QFrame(self)
        header.setObjectName("composerHeader")
        grid = QGridLayout(header)
        grid.setContentsMargins(10, 4, 10, 6)
        grid.setHorizontalSpacing(8)
        self.to_caption = QLabel(header)
        self.to_edit = QLineEdit(header)
        self.to_edit.setObjectName("toEdit")
        self.to_edit.textEdited.connect(self._on_edited)
        self.cc_caption = QLabel(header)
        self.cc_edit = QLineEdit(header)
        self.cc_edit.setObjectName("ccEdit")
        self.cc_edit.textEdited.connect(self._on_edited)
        self.subject_caption = QLabel(header)
        self.subject_edit = QLineEdit(header)
        self.subject_edit.setObjectName("subjectEdit")
        self.subject_edit.textEdited.connect(self._on_edited)
        rows: tuple[tuple[QLabel, QWidget], ...] = (
            (self.to_caption, self.to_edit),
            (self.cc_caption, self.cc_edit),
            (self.subject_caption, self.subject_edit),
        )
        for row, (caption, value) in enumerate(rows):
            caption.setObjectName("meta")
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)

        self.editor = DraftEdit(self)
        self.editor.textChanged.connect(self._on_edited)

        self.findings_title = QLabel(self)
        self.findings_title.setObjectName("findingsTitle")
        self.findings_title.setWordWrap(True)  # a long title (in English) wraps rather than runs off
        self.findings_view = FindingsList(self)
        self.findings_view.fix_clicked.connect(self.apply_fix)
        self.findings_view.itemClicked.connect(self._on_item_clicked)
        self.findings_view.itemActivated.connect(self._on_item_clicked)
        findings_box = QWidget(self)
        findings_layout = QVBoxLayout(findings_box)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        findings_layout.setSpacing(0)
        # One quiet line when the draft is too long to review after every keystroke (see set_review_note).
        self.review_note = QLabel(self)
        self.review_note.setObjectName("reviewNote")
        self.review_note.setWordWrap(True)
        self.review_note.hide()
        findings_layout.addWidget(self.findings_title)
        findings_layout.addWidget(self.review_note)
        findings_layout.addWidget(self.findings_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("composerSplitter")
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(findings_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([440, 260])  # room for three or four findings under the draft

        self.status = QLabel(self)
        self.status.setObjectName("meta")
        # A status never squeezes the buttons: it sits beside them while it fits, else on a line of its own.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.snippets_button = QPushButton(self)
        self.snippets_button.clicked.connect(self.manage_snippets_requested)
        self.signature_button = QPushButton(self)
        self.signature_button.clicked.connect(self.signatures_requested)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeComposer")
        self.close_button.clicked.connect(self.close_requested)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send_requested)
        # Shortcuts of their own: a button's setShortcut is reset by every setText (retranslate),
        # which is how Ctrl+Enter once stopped working. Both Enter keys, while the composer has focus.
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (("Ctrl+Return", self._send_by_key), ("Ctrl+Enter", self._send_by_key),
                           ("Escape", self.escape_pressed.emit)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        self.send_now_button = QPushButton(self)
        self.send_now_button.setObjectName("sendNowButton")
        self.send_now_button.clicked.connect(self.send_now_requested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(10, 6, 10, 8)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.snippets_button)
        buttons.addWidget(self.signature_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.send_button)
        self._buttons = buttons
        # Outside service hours the send choice takes a row of its own (the default, 「次の営業時間
        # （12月8日(月) 9:00）に送信」, is long): it must fit a 1024-pixel screen beside the mail.
        self.send_row = QFrame(self)
        self.send_row.setObjectName("sendChoice")
        self.hours_note = QLabel(self.send_row)
        self.hours_note.setObjectName("meta")
        # The note gives way on a narrow screen (the button says it all); the buttons never do.
        self.hours_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._send_row_layout = QHBoxLayout(self.send_row)
        self._send_row_layout.setContentsMargins(10, 6, 10, 0)
        self._send_row_layout.addWidget(self.hours_note, 1)
        self._send_row_layout.addWidget(self.send_now_button)
        self.send_row.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(header)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.send_row)
        self._status_line = QHBoxLayout()
        self._status_line.setContentsMargins(10, 4, 10, 0)
        layout.addLayout(self._status_line)
        layout.addLayout(buttons)
        # Tab walks the form top to bottom: 宛先 → CC → 件名 → 本文 → the findings → the buttons.
        QWidget.setTabOrder(self.to_edit, self.cc_edit)
        QWidget.setTabOrder(self.cc_edit, self.subject_edit)
        QWidget.setTabOrder(self.subject_edit, self.editor)
        QWidget.setTabOrder(self.editor, self.findings_view)
        QWidget.setTabOrder(self.findings_view, self.snippets_button)
        QWidget.setTabOrder(self.snippets_button, self.signature_button)
        QWidget.setTabOrder(self.signature_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.send_now_button)
        QWidget.setTabOrder(self.send_now_button, self.send_button)
        self.retranslate()

    def _send_by_key(self) -> None:
        if self.send_button.isEnabled():
            self.send_button.click()

    # -- wording -------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("返信を作成"))
        self.to_caption.setText(self.tr("宛先"))
        self.cc_caption.setText(self.tr("CC"))
        self.cc_edit.setPlaceholderText(self.tr("同じ返信を送る相手（カンマ区切り）"))
        self.subject_caption.setText(self.tr("件名"))
        # Full labels where they fit; on a narrow composer shorter ones, the full words in the tooltip.
        self._button_words = {
            self.snippets_button: (self.tr("定型文の管理…"), self.tr("定型文…")),
            self.signature_button: (self.tr("署名とあいさつ…"), self.tr("署名…")),
        }
        for button, (full, _short) in self._button_words.items():
            button.setText(full)
            button.setToolTip(full)
        self.close_button.setText(self.tr("閉じる"))  # the tooltip says the draft is kept
        self._word_send_choice()
        self.close_button.setToolTip(self.tr("下書きを保存して閉じる (Esc)"))
        self._show_findings_title()
        self._fit_status()
        # Finding rows and underline tooltips word the finding when built; rebuild them in the new language.
        if self._findings_text is not None:
            self._fill_findings()
            self.editor.underline(self._findings)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the send choice (service hours, issue 19) -------------------------------------
    def set_send_choice(self, next_opening: str) -> None:
        """"" inside service hours (one 送信 button); else the next opening, 「12月8日(月) 9:00」:
        sending then waits for it by default, and 「今すぐ送信」 is one click away."""
        self._next_opening = next_opening
        outside = bool(next_opening)
        if outside and self.send_button.parent() is not self.send_row:
            self._send_row_layout.addWidget(self.send_button)
        elif not outside and self.send_button.parent() is self.send_row:
            self._buttons.addWidget(self.send_button)
        self.send_button.show()
        self.send_row.setVisible(outside)
        self._word_send_choice()
        self._fit_hours_note()
        self._fit_status()

    def _fit_hours_note(self) -> None:
        margins = self._send_row_layout.contentsMargins()
        needed = (self.hours_note.sizeHint().width() + self.send_now_button.sizeHint().width()
                  + self.send_button.sizeHint().width() + 2 * self._send_row_layout.spacing()
                  + margins.left() + margins.right())
        self.hours_note.setVisible(self.width() >= needed)

    @property
    def out_of_hours(self) -> bool:
        return bool(self._next_opening)

    def _word_send_choice(self) -> None:
        self.send_now_button.setText(self.tr("今すぐ送信"))
        self.send_now_button.setToolTip(self.tr("営業時間外ですが、見直してから今すぐ送信します"))
        self.hours_note.setText(self.tr("ただいま営業時間外です"))
        if self._next_opening:
            self.send_button.setText(fill(self.tr("次の営業時間（{when}）に送信"), when=self._next_opening))
            self.send_button.setToolTip(self.tr("見直してから、次の営業時間に送信するよう予約します (Ctrl+Enter)"))
        else:
            self.send_button.setText(self.tr("送信"))
            self.send_button.setToolTip(self.tr("見直してから送信 (Ctrl+Enter)"))

    def _show_findings_title(self) -> None:
        if self._findings_text is None:
            self.findings_title.setText(self.tr("見直し：確認中…"))
        elif not self._findings:
            self.findings_title.setText(self.tr("見直し：気になる点はありません"))
        elif [f.kind for f in self._findings] == [FindingKind.NOT_WRITTEN]:
            self.findings_title.setText(self.tr("見直し：まだ本文が書かれていません"))
        else:
            arranged = self.arranged
            self.findings_title.setText(
                headline(arranged) or self.tr("見直し：%n 件の気になる点", "", len(arranged.listed)))

    # -- the draft -----------------------------------------------------------
    @property
    def draft(self) -> Draft | None:
        return self._draft

    def adopt_message_id(self, message_id: str) -> None:
        """The outbox sent an edited reply under a new Message-ID: later saves carry it."""
        if self._draft is not None:
            self._draft = replace(self._draft, message_id=message_id)

    def set_draft(self, draft: Draft, cursor: int | None = None) -> None:
        self._loading = True
        try:
            self._draft = draft
            self.to_edit.setText(_addresses(draft.to))
            self.cc_edit.setText(_addresses(draft.cc))
            self.subject_edit.setText(draft.subject)
            self.editor.setPlainText(draft.body)
            self.editor.document().clearUndoRedoStacks()
        finally:
            self._loading = False
        self.set_findings(None, [])
        self.editor.select_span(cursor if cursor is not None else 0, cursor if cursor is not None else 0)
        # The pane may still be hidden (no geometry yet): show the greeting and the caret once it is
        # laid out, from the top, never scrolled down to the quote.
        self._reveal_pending = True
        QTimer.singleShot(0, self.reveal_caret)

    def reveal_caret(self) -> None:
        """Scroll so the greeting and the caret under it are in view (the draft opens at the top)."""
        if not self.isVisible() or self.editor.height() <= 0:
            return  # showEvent comes back here
        self._reveal_pending = False
        self.editor.verticalScrollBar().setValue(0)
        self.editor.ensureCursorVisible()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._reveal_pending:
            QTimer.singleShot(0, self.reveal_caret)

    def current_draft(self) -> Draft | None:
        """The draft with what the agent has typed so far (To/CC as far as they read as addresses)."""
        if self._draft is None:
            return None
        to, _ = parse_recipients(self.to_edit.text())
        cc, _ = parse_recipients(self.cc_edit.text())
        return replace(self._draft, to=to, cc=cc, subject=self.subject_edit.text(), body=self.editor.toPlainText())

    def unreadable_recipients(self) -> list[str]:
        """The To/CC entries that do not read as mail addresses, as typed."""
        return [*parse_recipients(self.to_edit.text())[1], *parse_recipients(self.cc_edit.text())[1]]

    def text(self) -> str:
        return self.editor.toPlainText()

    def _on_edited(self) -> None:
        if not self._loading:
            self.text_edited.emit()

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)
        self._fit_status()

    @property
    def status_on_own_line(self) -> bool:
        return self._status_line.indexOf(self.status) >= 0

    def _buttons_width(self) -> int:
        margins = self._buttons.contentsMargins()
        taken = margins.left() + margins.right()
        for index in range(self._buttons.count()):
            entry = self._buttons.itemAt(index)
            widget = entry.widget() if entry is not None else None
            if widget is not None and widget is not self.status and not widget.isHidden():
                taken += widget.sizeHint().width() + max(self._buttons.spacing(), 0)
        return taken

    def _fit_status(self) -> None:
        """The buttons keep their words (shorter ones on a narrow composer); the status sits beside
        them when the whole text fits there, else on its own line above them."""
        # The narrowest the composer may be: its buttons with their shorter words, the send choice's
        # buttons, a line of the reply. Not the full words' row: the splitter may narrow it to this.
        for button, (_full, short) in self._button_words.items():
            button.setText(short)
        send_row = self.send_row.minimumSizeHint().width() if not self.send_row.isHidden() else 0
        self.setMinimumWidth(max(self._buttons_width(), send_row, MIN_WIDTH))
        for button, (full, _short) in self._button_words.items():
            button.setText(full)
        if self._buttons_width() > self.width():
            for button, (_full, short) in self._button_words.items():
                button.setText(short)
        taken = self._buttons_width()
        text = self.status.text()
        fits = self.status.fontMetrics().horizontalAdvance(text) + self._buttons.spacing() <= self.width() - taken
        own_line = bool(text) and not fits
        if own_line == self.status_on_own_line:
            return
        if own_line:
            self._buttons.removeWidget(self.status)
            self.status.setWordWrap(True)
            self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            self._status_line.addWidget(self.status, 1)
        else:
            self._status_line.removeWidget(self.status)
            self.status.setWordWrap(False)
            self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self._buttons.insertWidget(0, self.status, 1)

    # -- snippets ------------------------------------------------------------
    def insert_snippet(self, filled: Filled) -> None:
        """Insert at the cursor; the first unfilled placeholder is left selected for the agent."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            # A selected placeholder is the agent's to fill, not to overwrite with another snippet.
            cursor.setPosition(cursor.selectionEnd())
        start = cursor.position()
        cursor.insertText(filled.text)
        if filled.unfilled:
            first = filled.unfilled[0]
            self.editor.select_span(start + first.start, start + first.end)
        else:
            self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def use_stand_ins(self, charset: Charset) -> list[str]:
        """Replace what the charset cannot carry (①→(1), ～→〜…) in the subject and the text,
        as one undo step; select the first character left without a stand-in, and return those."""
        subject, left_in_subject = with_stand_ins(self.subject_edit.text(), charset)
        if subject != self.subject_edit.text():
            self.subject_edit.setText(subject)
        body, left = with_stand_ins(self.editor.toPlainText(), charset)
        if body != self.editor.toPlainText():
            cursor = self.editor.textCursor()
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(body)
            cursor.endEditBlock()
        left = list(dict.fromkeys([*left_in_subject, *left]))
        if left:
            found = self.editor.document().find(left[0])
            if not found.isNull():
                self.editor.setTextCursor(found)
                self.editor.ensureCursorVisible()
            self.editor.setFocus()
        return left

    # -- findings ------------------------------------------------------------
    def set_review_note(self, text: str) -> None:
        """A quiet line above the findings ("" hides it): how the review runs just now."""
        self.review_note.setText(text)
        self.review_note.setVisible(bool(text))

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_findings(self, text: str | None, findings: list[Finding]) -> bool:
        """Show findings computed for `text`; False (and nothing shown) when the draft moved on."""
        if text is not None and text != self.editor.toPlainText():
            return False
        self._findings_text = text
        self._findings = list(findings) if text is not None else []
        self._fill_findings()
        self.editor.underline(self._findings)
        return True

    @property
    def arranged(self) -> Arranged:
        """The findings as listed: what blocks sending first, the many 「触れていないお話」 folded."""
        return arrange(self._findings)

    def _fill_findings(self) -> None:
        self.findings_view.show_findings(self.arranged)
        self._show_findings_title()

    @property
    def folded_open(self) -> bool:
        return self.findings_view.folded_open

    def toggle_folded(self) -> None:
        self.findings_view.toggle_folded()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_hours_note()
        self._fit_status()

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            self.select_finding(finding)

    def select_finding(self, finding: Finding) -> None:
        self.editor.select_span(finding.start, finding.end)
        self.editor.setFocus()
        self.finding_activated.emit(finding)

    def apply_fix(self, finding: Finding) -> bool:
        """Replace the finding's span with its suggestion, if the text there is still what was reviewed."""
        if not finding.suggestion or self._findings_text != self.editor.toPlainText():
            return False
        cursor = self.editor.textCursor()
        cursor.setPosition(finding.start)
        cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(finding.suggestion)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()
        return True
