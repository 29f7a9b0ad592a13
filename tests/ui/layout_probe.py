"""Run by test_layout.py in a child process whose offscreen screen has a given size.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/ui/layout_probe.py DEMO DATA [GEOMETRY.ini]

Prints one JSON object: the window's size, the list's visible rows, the
reader's and the panel's sizes, before and after opening the composer.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _wait(signal: object, ms: int = 30000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait_change(window: object, flag: object, ms: int = 30000) -> None:
    """Until the window says it changed `flag` (app.context.Changes)."""
    loop = QEventLoop()

    def seen(changes: object) -> None:
        if flag in changes:  # type: ignore[operator]
            loop.quit()

    window.changed.connect(seen)  # type: ignore[attr-defined]
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    window.changed.disconnect(seen)  # type: ignore[attr-defined]


def _settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


def main() -> None:
    from app.context import Changes
    from app.settings import MEMORY_AUTO_BUILD, load_settings
    from ui.main_window import MainWindow

    demo, data = Path(sys.argv[1]), Path(sys.argv[2])
    ini = sys.argv[3] if len(sys.argv) > 3 else str(data / "window.ini")
    app = QApplication(sys.argv[:1])
    settings = load_settings(data / "settings.json")
    settings.set(MEMORY_AUTO_BUILD, False)
    window = MainWindow(demo, settings, QSettings(ini, QSettings.Format.IniFormat), db_path=data / "db.sqlite3")
    window.show()
    _wait_change(window, Changes.HEADERS)
    window.message_view.selectRow(0)
    _wait_change(window, Changes.INSIGHT)
    _settle(app)
    screen = app.primaryScreen().availableGeometry()

    def measure() -> dict[str, object]:
        view = window.message_view
        return {
            "window": [window.frameGeometry().x(), window.frameGeometry().y(), window.width(), window.height()],
            "list_rows": view.viewport().height() / view.verticalHeader().defaultSectionSize(),
            "list_visible": view.isVisible(),
            "reader_body": [window.reader.browser.width(), window.reader.browser.height()],
            "insight": [window.insight_panel.width(), window.insight_panel.height(),
                        window.insight_panel.isVisible()],
            "right_tabbed": window.right_column.tabbed,
        }

    reading = measure()
    window.compose.reply_action.trigger()
    _wait(window.compose.opened)
    _settle(app)
    composing = measure()
    composing["composer"] = [window.compose.composer.width(), window.compose.composer.height()]
    composing["editor"] = [window.compose.composer.editor.width(), window.compose.composer.editor.height()]
    composing["findings"] = window.compose.composer.findings_view.height()
    composing["suggestions"] = window.compose.suggestions.height()
    composing["reader_visible"] = window.reader.isVisible()
    window.compose.close()
    window.save_state()
    window.runner.wait_all(5000)
    print(json.dumps({"screen": [screen.x(), screen.y(), screen.width(), screen.height()],
                      "reading": reading, "composing": composing}))


if __name__ == "__main__":
    main()
