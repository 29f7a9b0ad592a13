"""The reply composer pane: the draft editor with its findings underlined and listed beside it.

It shows one `Draft` (recipients, subject, body) and knows nothing of the store,
the review or sending: it reports edits and requests, and the controller
(`ui.compose_controller`) does the rest on the task runner. Findings arrive
with the text they were computed for; when the editor no longer holds that
text they are stale and dropped, so an underline never points at the wrong words.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
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
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
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


class FindingRow(QWidget):
    """One finding in the list: a coloured mark, its kind and sentence, and a fix button when there is one."""

    fix_clicked = Signal()

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        mark = QFrame(self)
        mark.setFixedWidth(4)
        mark.setStyleSheet(f"background: {SEVERITY_COLOUR[finding.severity].name()}; border-radius: 2px;")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setText(finding_line(finding))
        layout.addWidget(mark)
        layout.addWidget(self.label, 1)
        self.fix: QPushButton | None = None
        if finding.suggestion:
            self.fix = QPushButton(self)
            self.fix.setObjectName("fixButton")
            self.fix.setText(fill(self.tr("「{suggestion}」に直す"), suggestion=finding.suggestion))
            self.fix.clicked.connect(self.fix_clicked)
            layout.addWidget(self.fix, 0, Qt.AlignmentFlag.AlignTop)


class ComposerPane(QWidget):
    """The composer beside the reader. Signals say what the agent asked for."""

    text_edited = Signal()
    send_requested = Signal()
    close_requested = Signal()
    escape_pressed = Signal()  # Esc: close, asking first when something is not saved yet
    finding_activated = Signal(object)  # Finding
    manage_snippets_requested = Signal()
    signatures_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._draft: Draft | None = None
        self._findings: list[Finding] = []
        self._findings_text: str | None = None
        self._loading = False
        self._reveal_pending = False

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
        self.findings_view = QListWidget(self)
        self.findings_view.setObjectName("findingsList")
        self.findings_view.setWordWrap(True)
        self.findings_view.itemClicked.connect(self._on_item_clicked)
        self.findings_view.itemActivated.connect(self._on_item_clicked)
        findings_box = QWidget(self)
        findings_layout = QVBoxLayout(findings_box)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        findings_layout.setSpacing(0)
        findings_layout.addWidget(self.findings_title)
        findings_layout.addWidget(self.findings_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("composerSplitter")
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(findings_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 200])

        self.status = QLabel(self)
        self.status.setObjectName("meta")
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
        buttons = QHBoxLayout()
        buttons.setContentsMargins(10, 6, 10, 8)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.snippets_button)
        buttons.addWidget(self.signature_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(header)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        # Tab walks the form top to bottom: 宛先 → CC → 件名 → 本文 → the findings → the buttons.
        QWidget.setTabOrder(self.to_edit, self.cc_edit)
        QWidget.setTabOrder(self.cc_edit, self.subject_edit)
        QWidget.setTabOrder(self.subject_edit, self.editor)
        QWidget.setTabOrder(self.editor, self.findings_view)
        QWidget.setTabOrder(self.findings_view, self.snippets_button)
        QWidget.setTabOrder(self.snippets_button, self.signature_button)
        QWidget.setTabOrder(self.signature_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.send_button)
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
        self.snippets_button.setText(self.tr("定型文の管理…"))
        self.signature_button.setText(self.tr("署名とあいさつ…"))
        self.close_button.setText(self.tr("閉じる"))  # the tooltip says the draft is kept
        self.send_button.setText(self.tr("送信"))
        self.send_button.setToolTip(self.tr("見直してから送信 (Ctrl+Enter)"))
        self.close_button.setToolTip(self.tr("下書きを保存して閉じる (Esc)"))
        self._show_findings_title()
        # Finding rows and underline tooltips word the finding when built; rebuild them in the new language.
        if self._findings_text is not None:
            self._fill_findings()
            self.editor.underline(self._findings)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_findings_title(self) -> None:
        if self._findings_text is None:
            self.findings_title.setText(self.tr("見直し：確認中…"))
        elif not self._findings:
            self.findings_title.setText(self.tr("見直し：気になる点はありません"))
        elif [f.kind for f in self._findings] == [FindingKind.NOT_WRITTEN]:
            self.findings_title.setText(self.tr("見直し：まだ本文が書かれていません"))
        else:
            self.findings_title.setText(self.tr("見直し：%n 件の気になる点", "", len(self._findings)))

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

    def _fill_findings(self) -> None:
        self.findings_view.clear()
        for finding in self._findings:
            item = QListWidgetItem(self.findings_view)
            item.setData(Qt.ItemDataRole.UserRole, finding)
            row = FindingRow(finding, self.findings_view)
            row.fix_clicked.connect(lambda f=finding: self.apply_fix(f))
            item.setSizeHint(row.sizeHint())
            self.findings_view.setItemWidget(item, row)
        self._show_findings_title()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped labels change height with the width.
        for row in range(self.findings_view.count()):
            item = self.findings_view.item(row)
            widget = self.findings_view.itemWidget(item)
            if widget is not None:
                item.setSizeHint(widget.sizeHint())

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
