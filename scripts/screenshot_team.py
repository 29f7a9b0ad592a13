"""Screenshots of issue 19's views on the demo mailbox (docs/team-*.png).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_team.py presence docs/team-presence.png
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_team.py snippet docs/team-snippet.png
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_team.py response docs/team-response.png

presence: the window in team mode on a throwaway PostgreSQL (tests/postgres.py), a teammate
「佐藤」 writing a reply to the party-dress mail: its row's pen icon and the reader's strip.
snippet: 送信済み, a passage of the dress reply selected, 「定型文にする」's dialog.
response: 返信までの時間 over the demo's memory. The dialogs are grabbed with the screen.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 60.0


def _until(check: object) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + TIMEOUT_S
    while not check() and time.monotonic() < deadline:  # type: ignore[operator]
        QApplication.processEvents()
        time.sleep(0.02)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("presence", "snippet", "response"):
        print(__doc__)
        return 2
    kind, out = argv[1], Path(argv[2]).resolve()
    scratch = Path(tempfile.mkdtemp(prefix="aizuchi-shot-"))
    os.environ["AIZUCHI_DATA_DIR"] = str(scratch / "data")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["AIZUCHI_OFFLINE"] = "1"
    sys.path.insert(0, str(ROOT))
    server = None
    try:
        url = ""
        if kind == "presence":
            from tests.postgres import start_postgres

            server = start_postgres()
            if server is None:
                print("PostgreSQL が見つかりません（scripts/system-deps.sh）", file=sys.stderr)
                return 1
            url = server.url
        return _shoot(kind, out, scratch, url)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def _shoot(kind: str, out: Path, scratch: Path, url: str) -> int:
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QGuiApplication, QTextCursor
    from PySide6.QtWidgets import QApplication

    from app import paths
    from app.settings import MEMORY_DATABASE_URL, TEAM_STAFF_NAME, load_settings
    from app.sources.base import FolderRole
    from ui.i18n import Translations
    from ui.main_window import MainWindow
    from ui.models import Role

    mailbox = scratch / "demo"
    shutil.copytree(paths.DEMO_MAILDIR, mailbox)
    app = QApplication(sys.argv[:1])
    Translations(app).apply("ja")
    settings = load_settings()
    settings.set(TEAM_STAFF_NAME, "鈴木")
    if url:
        settings.set(MEMORY_DATABASE_URL, url)
    window = MainWindow(mailbox, settings, QSettings(str(scratch / "window.ini"), QSettings.Format.IniFormat))
    from app.context import Changes

    seen: list[Changes] = []
    window.changed.connect(seen.append)
    window.show()
    _until(lambda: any(Changes.MEMORY_BUILT in c for c in seen) and window.proxy.rowCount() > 0)
    dress = "ネイビーのレースドレス（D-2418）の在庫とお届け日について"
    grab_screen = False
    if kind == "presence":
        from app.team.room import open_room

        _until(lambda: window.team.active)
        teammate = open_room(url, "佐藤")
        teammate.beat(viewing="<20251112.dress01@example.com>", writing="<20251112.dress01@example.com>")
        row = next(r for r in range(window.proxy.rowCount())
                   if window.proxy.index(r, 0).data(Role.HEADER).subject == dress)
        window.message_view.selectRow(row)
        _until(lambda: window.team.banner.isVisible())
        teammate.beat(viewing="<20251112.dress01@example.com>", writing="<20251112.dress01@example.com>")
        _until(lambda: window.proxy.index(row, 1).data(Role.PRESENCE) is not None)
        teammate.close()
    elif kind == "snippet":
        sent = next(r for r in range(window.folder_model.rowCount())
                    if window.folder_model.folder(r).role is FolderRole.SENT)
        seen.clear()
        window.mailbox.folder_view.setCurrentIndex(window.folder_model.index(sent, 0))
        _until(lambda: any(Changes.HEADERS in c for c in seen))
        row = next(r for r in range(window.proxy.rowCount())
                   if "レースドレス" in window.proxy.index(r, 0).data(Role.HEADER).subject)
        window.message_view.selectRow(row)
        _until(lambda: window.reader.message is not None)
        browser = window.reader.browser
        text = browser.toPlainText()
        cursor = browser.textCursor()
        cursor.setPosition(text.index("大学時代のご友人"))
        cursor.setPosition(text.index("お届けできる見込みです。") + len("お届けできる見込みです。"),
                           QTextCursor.MoveMode.KeepAnchor)
        browser.setTextCursor(cursor)
        menu = window.reader.context_menu_for(QPoint(5, 5))
        next(a for a in menu.actions() if a.objectName() == "makeSnippet").trigger()
        _until(lambda: window.snippet_from_reply.dialog is not None)
        grab_screen = True
    else:
        window.response_time_action.trigger()
        from ui.response_time_dialog import ResponseTimeDialog

        _until(lambda: (d := window.findChild(ResponseTimeDialog)) is not None and d.mails.rowCount() > 0)
        grab_screen = True
    for _ in range(30):
        app.processEvents()
        time.sleep(0.01)
    out.parent.mkdir(parents=True, exist_ok=True)
    if grab_screen:
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0)
    else:
        image = window.grab()
    if not image.save(str(out)):
        print(f"保存できませんでした: {out}", file=sys.stderr)
        return 1
    window.close()
    window.runner.wait_all(5000)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
