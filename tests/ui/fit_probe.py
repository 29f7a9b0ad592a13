"""Run by test_fit.py in a child process whose offscreen screen (and QT_SCALE_FACTOR) is the case under test.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/ui/fit_probe.py DEMO DATA LANG [SHOTS]

Opens the main window, a long mail, the composer with findings and every dialog the window opens,
and prints one JSON object: the screen's available geometry and, for each top-level window shown,
its frame, the buttons it shows whose rectangle lies outside it, and the labels that are cut.
With SHOTS, each step is also saved as a PNG there (to look at).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DRAFT = ("ご苦労様です。了解しました。\n在庫はありません。\n{date}にお送りします。\nご確認下さい。\n"
         "すいません、シャツのサイズわ分かりません。\n宜しくお願い致します。\nまた、ご連絡おまちしてますね！！\n")


def _pump(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _until(done: Callable[[], bool], ms: int = 30000) -> None:
    waited = 0
    while not done() and waited < ms:
        _pump(50)
        waited += 50


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport: out of sight is scrolled, not cut."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _ancestors_visible(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if not parent.isVisible() or parent.width() <= 0 or parent.height() <= 0:
            return False
        parent = parent.parentWidget()
    return True


def examine(top: QWidget) -> dict[str, object]:
    """The frame of a top-level, its buttons outside it, its labels cut short."""
    frame = top.frameGeometry()
    outside: list[str] = []
    cut: list[str] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or _scrolled(widget, top) or not _ancestors_visible(widget, top):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            corner = widget.mapTo(top, widget.rect().bottomRight())
            origin = widget.mapTo(top, widget.rect().topLeft())
            if not (top.rect().contains(origin) and top.rect().contains(corner)):
                outside.append(widget.text())
            elif widget.width() + 2 < widget.minimumSizeHint().width():
                cut.append(widget.text())
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() \
                and widget.textFormat() != Qt.TextFormat.RichText and "<" not in widget.text() \
                and widget.sizePolicy().horizontalPolicy().name != "Ignored":
            need = widget.fontMetrics().horizontalAdvance(widget.text().split("\n")[0])
            if widget.width() + 2 < need and widget.toolTip() == "":
                cut.append(widget.text())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if not widget.rect().contains(widget.tabRect(index)):
                    outside.append(widget.tabText(index))
    return {"title": top.windowTitle(), "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "outside": outside, "cut": cut}


def main() -> None:
    from datetime import datetime

    from app.clock import FakeClock
    from app.context import Changes
    from app.service_hours import JST
    from app.settings import MEMORY_AUTO_BUILD, load_settings
    from ui.i18n import Translations
    from ui.main_window import MainWindow

    demo, data, language = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    shots = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    app = QApplication(sys.argv[:1])
    Translations(app).apply(language)
    settings = load_settings(data / "settings.json")
    settings.set(MEMORY_AUTO_BUILD, True)  # 返信までの時間 with its rows, the customer panel with its history
    # Sunday night: the composer shows its widest send choice (the next opening and 今すぐ送信).
    clock = FakeClock(datetime(2026, 12, 6, 22, 40, tzinfo=JST))
    window = MainWindow(demo, settings, QSettings(str(data / "window.ini"), QSettings.Format.IniFormat),
                        db_path=data / "db.sqlite3", clock=clock)
    seen: list[object] = []
    window.changed.connect(seen.append)
    window.show()
    _until(lambda: any(Changes.HEADERS in c for c in seen))  # type: ignore[operator]
    _until(lambda: any(Changes.MEMORY_BUILT in c for c in seen), 120000)  # type: ignore[operator]
    screen = app.primaryScreen().availableGeometry()
    found: dict[str, dict[str, object]] = {}

    def record(name: str, top: QWidget) -> None:
        _pump(300)
        found[name] = examine(top)
        if shots is not None:
            top.grab().save(str(shots / f"{name}.png"))

    # The longest mail in the list: the reader, the panel and the legend with the most in them.
    longest = max(range(window.proxy.rowCount()),
                  key=lambda row: len(str(window.proxy.index(row, 1).data() or "")))
    seen.clear()
    window.message_view.selectRow(longest)
    _until(lambda: any(Changes.INSIGHT in c for c in seen))  # type: ignore[operator]
    record("main", window)
    found["main"]["subject_tooltip"] = window.proxy.index(longest, 1).data(Qt.ItemDataRole.ToolTipRole)
    legend = window.reader.legend
    found["main"]["legend_cut"] = [label.text() for label in legend.findChildren(QLabel)
                                   if label.isVisible() and label.text()
                                   and label.height() + 2 < label.heightForWidth(label.width())]

    compose = window.compose
    compose.reply_action.trigger()
    _until(lambda: compose.composing)
    compose.composer.editor.textCursor().insertText(DRAFT)
    seen.clear()
    compose.review_now()
    _until(lambda: len(compose.composer._findings) > 3)
    record("composer", window)
    found["composer"]["findings"] = len(compose.composer._findings)

    def modal(name: str, trigger: Callable[[], object]) -> None:
        def look() -> None:
            top = app.activeModalWidget()
            if top is None:
                return
            record(name, top)
            if isinstance(top, QDialog):
                top.reject()
            else:
                top.close()
        QTimer.singleShot(800, look)
        trigger()
        _pump(300)

    def shown(name: str, opener: Callable[[], QWidget | None]) -> None:
        top = opener()
        if top is None:
            return
        _pump(500)
        record(name, top)
        top.close()

    modal("signatures", compose.edit_signatures)
    modal("snippets", compose.manage_snippets)
    compose.composer.send_button.click()
    _until(lambda: compose.review_dialog is not None, 10000)
    if compose.review_dialog is not None:
        record("send_review", compose.review_dialog)
        compose.review_dialog.reject()
    # Sent anyway (the placeholder filled): the outbox shows it while it can still be taken back.
    editor = compose.composer.editor
    editor.setPlainText(editor.toPlainText().replace("{date}", "明日"))
    compose.composer.send_button.click()
    _until(lambda: compose.review_dialog is not None or not compose.composing, 10000)
    if compose.review_dialog is not None:
        compose.review_dialog.accept()
    _until(lambda: not compose.composing, 10000)
    shown("outbox", window.outbox.open_dialog)
    shown("service_hours", window.outbox.open_settings)
    shown("account", window.account_control.open_account_dialog)
    shown("team", window.memory.open_team_dialog)
    _until(lambda: window.memory.opened is not None)
    shown("response_time", window.open_response_time)
    from ui.team_guard_dialog import TeamGuardDialog

    shown("team_guard", lambda: _opened(TeamGuardDialog(None, window)))
    opened = window.mailbox.current
    if opened is not None:
        window.snippet_from_reply.make(opened.message, opened.message.body[:400])
        _until(lambda: window.snippet_from_reply.dialog is not None)
        shown("make_snippet", lambda: window.snippet_from_reply.dialog)
    modal("keys", window.keys_action.trigger)
    modal("about", window.about_action.trigger)
    compose.close()
    for menu in window.menuBar().findChildren(QMenu):
        menu.close()
    window.save_state()
    window.runner.wait_all(5000)
    print(json.dumps({"screen": [screen.x(), screen.y(), screen.width(), screen.height()], "windows": found},
                     ensure_ascii=False))


def _opened(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


if __name__ == "__main__":
    main()
