"""Issue 16 (1): the reader paints each mail only with that mail's own highlights and zones.

The editor's current character format used to survive `setPlainText`, so after
a click on a highlight the whole next mail took its colour, and after the first
mail every plain character was drawn in the dimmed grey of quotes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextFormat
from pytestqt.qtbot import QtBot

from app.model import HighlightKind, Insight, Message
from tests.ui.driver import Driver
from ui import style
from ui.main_window import MainWindow
from ui.models import Role
from ui.textmap import OffsetMap


def _expected(body: str, insight: Insight) -> list[tuple[str | None, str | None, bool]]:
    """(foreground, background, italic) of every document position, from this mail's insight alone."""
    mapping = OffsetMap(body)
    size = mapping.to_doc(len(body))
    want: list[tuple[str | None, str | None, bool]] = [(None, None, False)] * size
    for zone in insight.zones:
        for pos in range(mapping.to_doc(zone.start), mapping.to_doc(zone.end)):
            want[pos] = (style.DIMMED.name(), None, zone.kind.value == "quote")
    for h in insight.highlights:
        for pos in range(mapping.to_doc(h.start), mapping.to_doc(h.end)):
            want[pos] = (style.TEXT.name(), style.HIGHLIGHT_BG[h.kind].name(), want[pos][2])
    return want


def _painted(win: MainWindow) -> list[tuple[str | None, str | None, bool]]:
    document = win.reader.browser.document()
    got: list[tuple[str | None, str | None, bool]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt: QTextCharFormat = fragment.charFormat()
            fg = fmt.foreground().color().name() if fmt.hasProperty(QTextFormat.Property.ForegroundBrush) else None
            bg = fmt.background().color().name() if fmt.hasProperty(QTextFormat.Property.BackgroundBrush) else None
            got.extend([(fg, bg, fmt.fontItalic())] * fragment.length())
            it += 1
        if block.next().isValid():
            got.append(got[-1] if got else (None, None, False))  # the paragraph break: not a character
        block = block.next()
    return got


def _plain_mails_with_highlights(win: MainWindow) -> list[str]:
    subjects = []
    proxy = win.proxy
    for r in range(proxy.rowCount()):
        subjects.append(proxy.index(r, 0).data(Role.HEADER).subject)
    return subjects


def test_next_mail_has_only_its_own_formats(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    # Mail A: open it and click a highlight (the reader's cursor lands inside its colour).
    Driver(qtbot, window).open(dress_subject)
    view = window.insight_panel.view
    index = window.insight_panel.model.highlight_indexes(HighlightKind.REQUEST)[0]
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())

    checked = 0
    for subject in _plain_mails_with_highlights(window):
        if subject == dress_subject:
            continue
        Driver(qtbot, window).open(subject)
        assert window.mailbox.current is not None and window.insight.current is not None
        message: Message = window.mailbox.current.message
        if message.html is not None:
            continue
        body = message.body
        want = _expected(body, window.insight.current)
        got = _painted(window)
        # Paragraph breaks carry no visible character: compare the characters only.
        breaks = {i for i, ch in enumerate(body.replace("\r\n", "\n")) if ch == "\n"}
        wrong = [i for i in range(min(len(want), len(got))) if i not in breaks and want[i] != got[i]]
        assert not wrong, (subject, wrong[:5], [got[i] for i in wrong[:3]], [want[i] for i in wrong[:3]])
        checked += 1
        if checked >= 3:
            break
        # Click one of this mail's highlights too before moving on.
        model = window.insight_panel.model
        for kind in HighlightKind:
            indexes = model.highlight_indexes(kind)
            if indexes:
                view.scrollTo(indexes[0])
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                                 pos=view.visualRect(indexes[0]).center())
                break
    assert checked >= 2
