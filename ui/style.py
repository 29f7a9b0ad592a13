"""Colours and the style sheet: one place, so the reader, legend and panel agree.

Highlight backgrounds are soft tints under near-black text (contrast above 12:1),
so colour is never the only cue: the panel also names each group in words.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.model import HighlightKind

TEXT = QColor("#1f2328")
DIMMED = QColor("#6e7781")  # quotes, signatures, formulas: 4.6:1 on white
FLASH = QColor("#ffd33d")
SEARCH_MARK = "#fff1a8"  # the words of the search that opened the mail

HIGHLIGHT_BG: dict[HighlightKind, QColor] = {
    HighlightKind.DISCLOSURE: QColor("#d3f3dc"),  # soft green: what they shared
    HighlightKind.REQUEST: QColor("#d8e7ff"),     # soft blue: what they ask
    HighlightKind.WORRY: QColor("#ffe2c2"),       # soft amber: what they fear
}
HIGHLIGHT_EDGE: dict[HighlightKind, QColor] = {
    HighlightKind.DISCLOSURE: QColor("#2da44e"),
    HighlightKind.REQUEST: QColor("#2f6fdb"),
    HighlightKind.WORRY: QColor("#d9822b"),
}

STYLE_SHEET = """
QMainWindow, QSplitter { background: #f6f8fa; }
QSplitter::handle { background: #e3e7ec; }
QSplitter::handle:horizontal { width: 1px; }
QSplitter::handle:vertical { height: 1px; }
QTreeView, QTableView, QTextBrowser, QListView {
    background: #ffffff; border: none; selection-background-color: #cfe3ff; selection-color: #1f2328;
}
QTreeView#folderTree { background: #f0f3f6; padding-top: 6px; }
QTreeView#folderTree::item { padding: 5px 8px; }
QTableView#messageList::item { padding: 2px 6px; }
QHeaderView::section {
    background: #f6f8fa; border: none; border-bottom: 1px solid #d8dee4; padding: 4px 6px; color: #57606a;
}
QFrame#readerHeader { background: #ffffff; border-bottom: 1px solid #d8dee4; }
QLabel#subject { font-size: 17px; font-weight: bold; color: #1f2328; }
QToolButton#headerAction {
    border: 1px solid #d0d7de; border-radius: 6px; padding: 3px 10px; background: #f6f8fa; color: #1f2328;
}
QToolButton#headerAction:hover { background: #eaeef2; }
QToolButton#headerAction:disabled { color: #8c959f; }
QLabel#meta { color: #57606a; }
QFrame#noteBanner { background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 4px; color: #57606a; }
QFrame#noteBanner QLabel { color: #57606a; }
QFrame#warnBanner { background: #fff8c5; border: 1px solid #eed888; border-radius: 4px; }
QFrame#imageBanner { background: #ddf4ff; border: 1px solid #9cd0f5; border-radius: 4px; }
QLabel#panelTitle { font-size: 15px; font-weight: bold; color: #1f2328; padding: 8px 10px 2px 10px; }
QLabel#panelHint { color: #57606a; padding: 0 10px 6px 10px; }
QFrame#legend { background: #ffffff; border-top: 1px solid #d8dee4; }
QLineEdit#search { border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 8px; background: #ffffff; }
QStatusBar { background: #f6f8fa; color: #57606a; }
QStatusBar QLabel { padding: 0 8px; }
QWidget#bannerBox { background: #ffffff; }
QWidget#insightPanel { background: #fbfcfd; }
QTreeView#insightTree { background: #fbfcfd; }
QWidget#customerPanel, QWidget#customerPanel QScrollArea > QWidget > QWidget { background: #fbfcfd; }
QLabel#customerStatus { color: #1f2328; padding: 0 10px 4px 10px; }
QLabel#reminder {
    background: #fff8c5; border: 1px solid #eed888; border-radius: 4px; padding: 6px 8px; margin: 2px 10px;
}
QLabel#sectionLabel { color: #57606a; font-weight: bold; padding: 6px 10px 0 10px; }
QListWidget#timeline, QListWidget#pastReplies { margin: 0 10px; }
QWidget#replyChart { margin: 0 10px; }
QListView#searchResults { alternate-background-color: #f6f8fa; }
QListView#searchResults::item { padding: 6px 8px; border-bottom: 1px solid #d8dee4; }
QLabel#searchSummary { font-weight: bold; color: #1f2328; }
QWidget#composer { background: #ffffff; }
QFrame#composerHeader { border-bottom: 1px solid #d8dee4; }
QTextEdit#draftEdit { border: none; padding: 6px; background: #ffffff; }
QLabel#findingsTitle {
    font-weight: bold; color: #1f2328; padding: 6px 10px; background: #f6f8fa; border-top: 1px solid #d8dee4;
}
QLabel#reviewNote { color: #57606a; padding: 0px 10px 4px 10px; background: #f6f8fa; }
QListWidget#findingsList { background: #fbfcfd; border: none; }
QListWidget#snippetList { background: #ffffff; border: none; padding: 2px 4px; }
QWidget#snippetSuggestions { background: #fbfcfd; border-top: 1px solid #d8dee4; }
"""
