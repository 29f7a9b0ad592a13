"""The reading pane: header, banners, the read-only body with highlights, the legend.

The body is a `QTextBrowser` that loads nothing by itself: `SafeBrowser` serves
only `data:` URLs and images the user allowed, so a mail can never read a local
file (`file:`) or tell its sender it was opened (remote images, tracking pixels).
Its context menu lets the agent mark selected words the analyser missed
(`mark_requested(kind, start, end)`, offsets into `Message.body`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QDesktopServices,
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.model import HighlightKind, Insight, Message, ZoneKind
from app.sources.base import Header
from ui import style, wording
from ui.flow_layout import FlowLayout
from ui.textmap import OffsetMap
from ui.wording import fill, subject_shown

FLASH_MS = 900
LINE_HEIGHT_PERCENT = 145


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that fetches nothing: data: URLs and allowed images only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.images: dict[str, QImage] = {}

    def loadResource(self, type: int, url: QUrl | str) -> object:
        url = QUrl(url)
        key = url.toString()
        if key in self.images:
            return self.images[key]
        if url.scheme() == "data":
            return super().loadResource(type, url)
        if getattr(type, "value", type) == QTextDocument.ResourceType.ImageResource.value:
            # A blocked image: an empty image draws nothing, where None draws a broken-file icon.
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(0)
            return blank
        return None

    @staticmethod
    def _open_link(url: QUrl) -> None:
        # Links open in the user's browser; a mail's own file: or javascript: links never do.
        if url.scheme() in ("http", "https", "mailto", "tel"):
            QDesktopServices.openUrl(url)


class Banner(QFrame):
    """A discreet coloured strip with a sentence and optional buttons."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setSpacing(8)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label, 1)
        self._layout = layout
        self.hide()

    def add_button(self) -> QPushButton:
        button = QPushButton(self)
        button.setCursor(button.cursor())
        self._layout.addWidget(button)
        return button


class Legend(QFrame):
    """Which colour means what: the three highlight kinds and the dimmed zones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        # The chips line up like words and go on to a second line when the reader is narrow (the
        # composer beside it, 125 % scaling): every label stays whole, and the legend never makes
        # the reader wider than the screen has room for (ui.flow_layout).
        layout = FlowLayout(self, spacing=14, line_spacing=4)
        layout.setContentsMargins(12, 5, 12, 5)
        self.chips: dict[HighlightKind, QLabel] = {}
        for kind in (HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY):
            chip = QLabel(self)
            chip.setStyleSheet(
                f"background: {style.HIGHLIGHT_BG[kind].name()}; color: {style.TEXT.name()};"
                f"border-left: 3px solid {style.HIGHLIGHT_EDGE[kind].name()}; padding: 1px 6px;"
            )
            self.chips[kind] = chip
            layout.addWidget(chip)
        self.dimmed = QLabel(self)
        self.dimmed.setStyleSheet(f"color: {style.DIMMED.name()}; padding: 1px 4px;")
        self.dimmed.setWordWrap(True)  # on a line of its own, wrapped, when even that is short
        layout.addWidget(self.dimmed)
        self.retranslate()

    def retranslate(self) -> None:
        for kind, chip in self.chips.items():
            chip.setText(wording.kind_label(kind))
            chip.setToolTip(wording.kind_hint(kind))
        self.dimmed.setText(self.tr("灰色：引用・署名・定型のあいさつ"))


class ReaderView(QWidget):
    """Shows one message; `jump_to` brings a highlight into view and flashes it."""

    show_images_requested = Signal()
    always_show_images_requested = Signal()
    mark_requested = Signal(str, int, int)  # HighlightKind value, body start, body end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message: Message | None = None
        self._header: Header | None = None
        self._html_mode = False
        self._html = ""  # the HTML shown, to render again when highlights change
        self._images_shown = False
        self._insight = Insight()
        self._positions: dict[int, tuple[int, int]] = {}
        self._terms: list[str] = []  # words of the search that opened this mail, marked in it
        self._term_marks: list[QTextEdit.ExtraSelection] = []
        # Others add their entries to the body's menu (「定型文にする」: ui.snippet_from_reply).
        self.menu_extenders: list[Callable[[QMenu], None]] = []

        self.header_frame = QFrame(self)
        self.header_frame.setObjectName("readerHeader")
        header_layout = QVBoxLayout(self.header_frame)
        header_layout.setContentsMargins(16, 8, 12, 6)
        header_layout.setSpacing(2)
        self.subject = QLabel(self.header_frame)
        self.subject.setObjectName("subject")
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sender_label = QLabel(self.header_frame)
        self.sender_label.setObjectName("meta")
        self.sender_label.setWordWrap(True)
        self.sender_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipients = QLabel(self.header_frame)
        self.recipients.setObjectName("meta")
        self.recipients.setWordWrap(True)
        self.date = QLabel(self.header_frame)
        self.date.setObjectName("meta")
        # Subject with the reply buttons beside it (`add_actions`), then sender and date on one
        # line, then the recipients: the header leaves the mail as much height as it can.
        self.title_row = QHBoxLayout()
        self.title_row.setSpacing(6)
        self.title_row.addWidget(self.subject, 1)
        header_layout.addLayout(self.title_row)
        # Sender and date on one line while they fit; the date goes under the sender in a narrow reader
        # (beside the composer), so the header never asks for more width than the screen has.
        sender_row = FlowLayout(spacing=16, line_spacing=2)
        sender_row.addWidget(self.sender_label)
        sender_row.addWidget(self.date)
        header_layout.addLayout(sender_row)
        header_layout.addWidget(self.recipients)

        self.note_banner = Banner("noteBanner", self)
        self.image_banner = Banner("imageBanner", self)
        self.show_images_button = self.image_banner.add_button()
        self.always_button = self.image_banner.add_button()
        self.show_images_button.clicked.connect(self.show_images_requested)
        self.always_button.clicked.connect(self.always_show_images_requested)

        self.browser = SafeBrowser(self)
        self.browser.setObjectName("reader")
        self.browser.document().setDocumentMargin(16)
        font = QFont(self.browser.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5) + 0.5)
        self.browser.setFont(font)
        self.legend = Legend(self)
        # The legend asks only for its widest chip: in a narrow reader its labels wrap onto more lines.
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.browser.customContextMenuRequested.connect(self._context_menu)

        # The banners sit in a box hidden with them, so no empty band shows.
        self.banner_box = QWidget(self)
        self.banner_box.setObjectName("bannerBox")
        self.banner_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        banners = QVBoxLayout(self.banner_box)
        banners.setContentsMargins(12, 8, 12, 0)
        banners.setSpacing(6)
        self.note_banner.setParent(self.banner_box)
        self.image_banner.setParent(self.banner_box)
        banners.addWidget(self.note_banner)
        banners.addWidget(self.image_banner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header_frame)
        layout.addWidget(self.banner_box)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.legend)
        # One quiet line when the analyser read only the start of a very long mail (MAX_ANALYSED_CHARS).
        self.cut_note = QLabel(self)
        self.cut_note.setObjectName("meta")
        self.cut_note.setWordWrap(True)
        self.cut_note.setContentsMargins(12, 2, 12, 4)
        self.cut_note.hide()
        layout.addWidget(self.cut_note)

        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self.browser.setExtraSelections(self._term_marks))
        self.retranslate()
        self.clear()

    def add_actions(self, actions: list[QAction]) -> None:
        """Buttons for these actions beside the subject (返信 / 全員に返信, as in Thunderbird)."""
        for action in actions:
            button = QToolButton(self.header_frame)
            button.setDefaultAction(action)
            button.setObjectName("headerAction")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.title_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            # Shown while they can act: not before a mail is open, not while its reply is being
            # written (the reader is narrow then, beside the composer).
            button.setVisible(action.isEnabled())
            action.enabledChanged.connect(button.setVisible)

    # -- wording -----------------------------------------------------------
    def retranslate(self) -> None:
        self.image_banner.label.setText(self.tr("リモート画像をブロックしました（送信者に開封を知られないため）"))
        self.show_images_button.setText(self.tr("画像を表示"))
        self.always_button.setText(self.tr("この差出人は常に表示"))
        self.legend.retranslate()
        if self._message is not None:
            self._show_header(self._message)
            self._show_notes(self._message)
        elif self._header is not None:
            self.show_loading(self._header)
        else:
            self.clear()

    # -- content -------------------------------------------------------------
    def clear(self) -> None:
        self._message = None
        self._header = None
        self.subject.setText(self.tr("メッセージが選択されていません"))
        for label in (self.sender_label, self.recipients, self.date):
            label.clear()
            label.hide()
        self.note_banner.hide()
        self.image_banner.hide()
        self.banner_box.hide()
        self.browser.clear()
        self.browser.setCurrentCharFormat(QTextCharFormat())
        self._insight = Insight()
        self.cut_note.hide()
        self._positions = {}

    def show_loading(self, header: Header) -> None:
        """Immediate feedback while the mail is fetched and parsed in the background."""
        self._message = None
        self._header = header
        self._set_subject(header.subject)
        self.sender_label.setText(self.tr("読み込み中…"))
        self.sender_label.show()
        self.recipients.hide()
        self.date.hide()
        self.note_banner.hide()
        self.image_banner.hide()
        self.banner_box.hide()
        self.browser.clear()
        self.browser.setCurrentCharFormat(QTextCharFormat())
        self._insight = Insight()
        self.cut_note.hide()
        self._positions = {}

    @property
    def message(self) -> Message | None:
        return self._message

    @property
    def images_shown(self) -> bool:
        return self._images_shown

    def show_message(self, message: Message, html: str | None = None, images_shown: bool = False) -> None:
        """Show `message`; `html` replaces `message.html` when images were allowed."""
        self._message = message
        self._insight = Insight()
        self.cut_note.hide()
        self._positions = {}
        self._images_shown = images_shown
        self.browser.images = {}
        for inline in message.inline_images:
            # cid: images of the mail itself: shown like data: URLs, never fetched.
            image = QImage.fromData(inline.data)
            if not image.isNull():
                self.browser.images[QUrl("cid:" + inline.content_id).toString()] = image
        self._show_header(message)
        self._show_notes(message)
        self._html_mode = message.html is not None
        if message.html is not None:
            self._html = html if html is not None else message.html
            self.browser.setHtml(self._html)
        else:
            # setPlainText inserts with the editor's current character format: after a click on
            # a highlight (or in a dimmed quote) the whole next mail would take that colour.
            self.browser.setCurrentCharFormat(QTextCharFormat())
            self.browser.setPlainText(message.body)
            # Japanese reads better with air between lines; positions are unchanged.
            block = QTextBlockFormat()
            block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor = QTextCursor(self.browser.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(block)
            cursor.setCharFormat(QTextCharFormat())  # and nothing of the previous mail's colours
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.setCurrentCharFormat(QTextCharFormat())
        self._mark_terms(scroll=True)

    def set_html(self, html: str, images_shown: bool) -> None:
        """Re-render the current HTML mail (after the user allowed its images)."""
        if self._message is None:
            return
        scroll = self.browser.verticalScrollBar().value()
        self._images_shown = images_shown
        self.image_banner.setVisible(bool(self._message.remote_images) and not images_shown)
        self._update_banner_box()
        self._html = html
        self.browser.setHtml(html)
        self._apply_insight()
        self._mark_terms()
        self.browser.verticalScrollBar().setValue(scroll)

    def show_image_problem(self, text: str) -> None:
        """The allowed images could not be fetched: say so where the button was (it tries again)."""
        self.image_banner.label.setText(text)
        self.image_banner.show()
        self._update_banner_box()

    def add_image(self, url: str, image: QImage) -> None:
        """An allowed remote image arrived: keep it and re-lay the document out."""
        self.browser.images[url] = image
        self.browser.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        self.browser.document().markContentsDirty(0, self.browser.document().characterCount())

    def _set_subject(self, subject: str) -> None:
        shown, raw = subject_shown(subject)
        self.subject.setText(shown or self.tr("（件名なし）"))
        self.subject.setToolTip(raw if shown != raw else "")

    def _show_header(self, message: Message) -> None:
        self._set_subject(message.subject)
        sender = message.sender
        who = f"{sender.name} <{sender.email}>" if sender.name and sender.email else sender.display()
        text = fill(self.tr("差出人: {who}"), who=who)
        if message.reply_to and [a.email for a in message.reply_to] != [sender.email]:
            # A contact form: the answer goes to Reply-To, which the agent should see.
            back = ", ".join(f"{a.name} <{a.email}>" if a.name else a.email for a in message.reply_to)
            text += "　" + fill(self.tr("（返信先: {back}）"), back=back)
        self.sender_label.setText(text)
        self.sender_label.show()
        if message.to:
            to = ", ".join(a.display() for a in message.to)
            self.recipients.setText(fill(self.tr("宛先: {to}"), to=to))
            self.recipients.show()
        else:
            self.recipients.hide()
        if message.date is not None:
            when = message.date.astimezone() if message.date.tzinfo else message.date
            self.date.setText(fill(self.tr("日時: {date}"), date=when.strftime("%Y/%m/%d %H:%M")))
        self.date.setVisible(message.date is not None)

    def _show_notes(self, message: Message) -> None:
        self.image_banner.label.setText(self.tr("リモート画像をブロックしました（送信者に開封を知られないため）"))
        shown = [n for n in message.notes if wording.note_text(n)]
        # The same repair reported for two parts says nothing new.
        unique = list(dict.fromkeys(wording.note_text(n) or "" for n in shown))
        details = list(dict.fromkeys(d for d in (wording.note_detail(n) for n in shown) if d))
        self.note_banner.label.setText("\n".join(unique))
        self.note_banner.setToolTip("\n".join(details))
        # A calm note for how the text was read; the warning colour only when something may be lost.
        lossy = any(n.kind in wording.LOSSY_NOTES for n in shown)
        self.note_banner.setObjectName("warnBanner" if lossy else "noteBanner")
        self.note_banner.setStyle(self.note_banner.style())  # the style sheet follows the new name
        self.note_banner.setVisible(bool(unique))
        self.image_banner.setVisible(bool(message.remote_images) and not self._images_shown)
        self._update_banner_box()

    def _update_banner_box(self) -> None:
        self.banner_box.setVisible(not (self.note_banner.isHidden() and self.image_banner.isHidden()))

    # -- search words ----------------------------------------------------------
    def set_search_terms(self, terms: list[str]) -> None:
        """Mark these words in the next mail shown (a search hit was opened); [] for none."""
        self._terms = [t for t in terms if t.strip()]
        self._term_marks = []
        self.browser.setExtraSelections([])

    @property
    def term_marks(self) -> list[tuple[int, int]]:
        return [(m.cursor.selectionStart(), m.cursor.selectionEnd()) for m in self._term_marks]

    def _mark_terms(self, scroll: bool = False) -> None:
        import unicodedata

        document = self.browser.document()
        marks: list[QTextEdit.ExtraSelection] = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(style.SEARCH_MARK))
        fmt.setForeground(style.TEXT)
        for term in self._terms:
            # As typed and as the index matched it (NFKC): ｻｲｽﾞ finds サイズ.
            for needle in dict.fromkeys((term, unicodedata.normalize("NFKC", term))):
                found = document.find(needle, 0)
                while not found.isNull():
                    mark = QTextEdit.ExtraSelection()
                    mark.cursor = found
                    mark.format = fmt
                    marks.append(mark)
                    found = document.find(needle, found)
        marks.sort(key=lambda m: m.cursor.selectionStart())
        self._term_marks = marks
        self.browser.setExtraSelections(marks)
        if scroll and marks:
            cursor = QTextCursor(document)
            cursor.setPosition(marks[0].cursor.selectionStart())
            self.browser.setTextCursor(cursor)
            bar = self.browser.verticalScrollBar()
            bar.setValue(bar.value() + self.browser.cursorRect(cursor).top() - self.browser.viewport().height() // 3)

    # -- highlights ------------------------------------------------------------
    def set_insight(self, insight: Insight) -> None:
        if self._insight.highlights or self._insight.zones:
            self._clear_formats()  # a corrected insight: the dismissed highlight must go
        self._insight = insight
        self._apply_insight()
        self._mark_terms()
        self._show_cut_note()

    def _show_cut_note(self) -> None:
        from app.analysis import MAX_ANALYSED_CHARS

        cut = self._insight.analysed_up_to >= 0
        self.cut_note.setText(fill(self.tr("長いメールのため、最初の約 {count} 文字だけを解析しています"),
                                   count=f"{MAX_ANALYSED_CHARS:,}") if cut else "")
        self.cut_note.setVisible(cut)

    def _clear_formats(self) -> None:
        if self._html_mode:
            # The page's own formatting stays: render it again, at the same place.
            scroll = self.browser.verticalScrollBar().value()
            self.browser.setHtml(self._html)
            self.browser.verticalScrollBar().setValue(scroll)
            return
        cursor = QTextCursor(self.browser.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())

    def _apply_insight(self) -> None:
        message = self._message
        self._positions = {}
        if message is None:
            return
        document = self.browser.document()
        # One edit block for every highlight and zone: the document lays itself out once at the end,
        # not once per span (a 200,000-character mail with 800 highlights took 16 s on the GUI thread).
        block = QTextCursor(document)
        block.beginEditBlock()
        try:
            self._format_insight(message, document)
        finally:
            block.endEditBlock()

    def _format_insight(self, message: Message, document: QTextDocument) -> None:
        if self._html_mode:
            self._positions = self._locate_in_html(message.body, self._insight)
        else:
            mapping = OffsetMap(message.body)
            self._positions = {
                i: (mapping.to_doc(h.start), mapping.to_doc(h.end)) for i, h in enumerate(self._insight.highlights)
            }
            for zone in self._insight.zones:
                fmt = QTextCharFormat()
                fmt.setForeground(style.DIMMED)
                if zone.kind is ZoneKind.QUOTE:
                    # Quoted history reads as the agent's own earlier words: set it apart.
                    fmt.setFontItalic(True)
                self._format(document, mapping.to_doc(zone.start), mapping.to_doc(zone.end), fmt)
        for i, highlight in enumerate(self._insight.highlights):
            if i not in self._positions:
                continue
            start, end = self._positions[i]
            fmt = QTextCharFormat()
            fmt.setBackground(style.HIGHLIGHT_BG[highlight.kind])
            fmt.setForeground(style.TEXT)
            tip = wording.kind_label(highlight.kind)
            if highlight.topic:
                tip = f"{tip} · {highlight.topic}"
            reason = wording.cue_text(highlight.cue)
            fmt.setToolTip(f"{tip}\n{reason}" if reason else tip)
            self._format(document, start, end, fmt)

    @staticmethod
    def _format(document: QTextDocument, start: int, end: int, fmt: QTextCharFormat) -> None:
        last = document.characterCount() - 1
        start, end = max(0, min(start, last)), max(0, min(end, last))
        if end <= start:
            return
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def _locate_in_html(self, body: str, insight: Insight) -> dict[int, tuple[int, int]]:
        """HTML offsets differ from the text body: find each highlight's words in the page."""
        text = self.browser.document().toPlainText()
        mapping = OffsetMap(text)
        found: dict[int, tuple[int, int]] = {}
        cursor = 0
        for i, highlight in sorted(enumerate(insight.highlights), key=lambda p: p[1].start):
            needle = body[highlight.start : highlight.end].strip()
            if not needle:
                continue
            at = text.find(needle, cursor)
            if at < 0:
                at = text.find(needle)
            if at < 0:
                continue
            found[i] = (mapping.to_doc(at), mapping.to_doc(at + len(needle)))
            cursor = at
        return found

    # -- corrections -------------------------------------------------------------
    def selection_in_body(self) -> tuple[int, int] | None:
        """Body offsets of the selected words (whitespace trimmed), or None."""
        message = self._message
        cursor = self.browser.textCursor()
        if message is None or not cursor.hasSelection():
            return None
        body = message.body
        if self._html_mode:
            # HTML positions are not body offsets: find the selected words in the body.
            text = cursor.selectedText().replace("\u2029", "\n").strip()
            at = body.find(text) if text else -1
            if at < 0:
                return None
            start, end = at, at + len(text)
        else:
            mapping = OffsetMap(body)
            start = mapping.to_body(cursor.selectionStart())
            end = mapping.to_body(cursor.selectionEnd())
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def context_menu_for(self, pos: QPoint) -> QMenu:
        """The body's menu: copy and select-all, and marking the selection as a highlight."""
        menu = self.browser.createStandardContextMenu(pos)
        selection = self.selection_in_body()
        menu.addSeparator()
        for kind, text, name in (
            (HighlightKind.DISCLOSURE, self.tr("自己開示として追加"), "markDisclosure"),
            (HighlightKind.REQUEST, self.tr("ご要望として追加"), "markRequest"),
            (HighlightKind.WORRY, self.tr("ご不安として追加"), "markWorry"),
        ):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.setEnabled(selection is not None)
            if selection is not None:
                start, end = selection
                action.triggered.connect(lambda _checked=False, k=kind, s=start, e=end: self._mark(k, s, e))
        for extend in self.menu_extenders:
            extend(menu)
        return menu

    def _mark(self, kind: HighlightKind, start: int, end: int) -> None:
        # Drop the selection so the new colour shows where the selection was.
        cursor = self.browser.textCursor()
        cursor.clearSelection()
        self.browser.setTextCursor(cursor)
        self.mark_requested.emit(kind.value, start, end)

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu_for(pos)
        menu.exec(self.browser.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def highlight_position(self, highlight_index: int) -> tuple[int, int] | None:
        """Document (start, end) of a highlight, or None when it could not be placed."""
        return self._positions.get(highlight_index)

    def jump_to(self, highlight_index: int) -> bool:
        """Move the cursor to a highlight, scroll it into view and flash it briefly."""
        position = self._positions.get(highlight_index)
        if position is None:
            return False
        start, end = position
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        self.browser.setTextCursor(cursor)
        # Put the highlight a third of the way down rather than on the bottom edge.
        bar = self.browser.verticalScrollBar()
        top = self.browser.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self.browser.viewport().height() // 3)
        self.browser.ensureCursorVisible()
        flash = QTextEdit.ExtraSelection()
        flash.cursor = QTextCursor(self.browser.document())
        flash.cursor.setPosition(start)
        flash.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(style.FLASH))
        flash.format = fmt
        self.browser.setExtraSelections([*self._term_marks, flash])
        self._flash_timer.start(FLASH_MS)
        return True
