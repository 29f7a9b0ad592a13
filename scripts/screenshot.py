"""Save a screenshot of the real window on the demo mailbox, party-dress mail open.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py docs/screenshot.png
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py docs/composer.png --composer
    xvfb-run -a -s "-screen 0 1024x700x24" .venv/bin/python scripts/screenshot.py docs/small.png

The window takes the size it picks for the screen, as a new user gets it (`make screenshot` takes all
four of docs/); --size=WxH forces one. --search shows the results of a search for 「ケーキ」.

With --customer: the allergy customer's new mail a year later, to show what the
「このお客様について」 panel remembers (docs/customer.png).

With --composer: the reply to that mail, half written — a snippet from the
panel inserted, a few sentences typed, the live review's findings beside it.

Runs on a temporary copy of the demo (so nothing is marked read in the repo),
with fresh settings and no network; waits for the analysis before grabbing.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 30000


def main(argv: list[str]) -> int:
    composer = "--composer" in argv
    customer = "--customer" in argv
    search = "--search" in argv
    size: tuple[int, int] | None = None
    for arg in argv:
        if arg.startswith("--size="):
            width, _, height = arg.removeprefix("--size=").partition("x")
            size = (int(width), int(height))
    argv = [a for a in argv if a not in ("--composer", "--customer", "--search") and not a.startswith("--size=")]
    if len(argv) != 2:
        print(__doc__)
        return 2
    out = Path(argv[1]).resolve()
    scratch = Path(tempfile.mkdtemp(prefix="aizuchi-shot-"))
    os.environ["AIZUCHI_DATA_DIR"] = str(scratch / "data")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["AIZUCHI_OFFLINE"] = "1"
    sys.path.insert(0, str(ROOT))
    try:
        return _shoot(out, scratch, composer=composer, customer=customer, size=size, search=search)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _wait(app: object, signal: object) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    loop.exec()


def _wait_all(app: object, window: object, *flags: object) -> None:
    """Wait until the window said it changed each of `flags` (app.context.Changes), in any order."""
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    del app  # processEvents is static; kept for symmetry with _wait
    seen: list[object] = []
    window.changed.connect(seen.append)  # type: ignore[attr-defined]
    clock = QElapsedTimer()
    clock.start()
    while not all(any(f in c for c in seen) for f in flags) and clock.elapsed() < TIMEOUT_MS:  # type: ignore[operator]
        QApplication.processEvents()
        time.sleep(0.01)


def _shoot(out: Path, scratch: Path, composer: bool = False, customer: bool = False,
           size: tuple[int, int] | None = None, search: bool = False) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app import paths
    from app.context import Changes
    from app.mail.parse import parse_message
    from app.model import HighlightKind
    from app.settings import load_settings
    from ui.i18n import Translations
    from ui.main_window import MainWindow
    from ui.models import Role

    mailbox = scratch / "demo"
    shutil.copytree(paths.DEMO_MAILDIR, mailbox)
    messages = [parse_message(p.read_bytes()) for p in sorted((mailbox / "cur").glob("*"))]
    if customer:
        # The newest mail of the customer who writes most often: the one memory helps with.
        senders = [m.sender.email for m in messages]
        regular = max(set(senders), key=senders.count)
        theirs = [m for m in messages if m.sender.email == regular]
        subject = max(theirs, key=lambda m: m.date.timestamp() if m.date else 0.0).subject
    else:
        subject = next(
            m.subject for m in messages if "ドレス" in m.subject and ("パーティ" in m.body or "連休" in m.body)
        )

    app = QApplication(sys.argv[:1])
    Translations(app).apply("ja")
    window = MainWindow(mailbox, load_settings(), QSettings(str(scratch / "window.ini"), QSettings.Format.IniFormat))
    if size is not None:
        window.resize(*size)  # else the size the window picks for the screen, as a new user gets
    window.show()
    # The list, and the memory built so the customer panel shows what the demo mailbox taught it.
    _wait_all(app, window, Changes.HEADERS, Changes.MEMORY_BUILT)
    row = next(
        r for r in range(window.proxy.rowCount()) if window.proxy.index(r, 0).data(Role.HEADER).subject == subject
    )
    window.message_view.selectRow(row)
    window.message_view.scrollTo(window.proxy.index(row, 0), window.message_view.ScrollHint.PositionAtCenter)
    _wait_all(app, window, Changes.INSIGHT, Changes.PROFILE)
    # Show the panel in use: the first request selected, as after a click.
    requests = window.insight_panel.model.highlight_indexes(HighlightKind.REQUEST)
    if requests:
        window.insight_panel.view.setCurrentIndex(requests[0])
    if customer:
        window.right_column.show_customer()  # the tab of 「このお客様について」 when the column is tabbed
    if composer:
        _compose(app, window)
    if search:
        window.search.setText("ケーキ")
        window.memory.run_search("ケーキ")
        _wait_all(app, window, Changes.SEARCH)
    for _ in range(20):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"保存できませんでした: {out}", file=sys.stderr)
        return 1
    window.runner.wait_all(5000)
    print(out)
    return 0


def _compose(app: object, window: object) -> None:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from app.model import HighlightKind

    compose = window.compose  # type: ignore[attr-defined]
    compose.reply_action.trigger()
    _wait(app, compose.opened)
    editor = compose.composer.editor

    def type_(text: str) -> None:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(editor, event)

    type_("ご友人のご結婚、誠におめでとうございます。\n")
    worry = window.insight_panel.model.highlight_indexes(HighlightKind.WORRY)  # type: ignore[attr-defined]
    if worry:
        window.insight_panel.view.setCurrentIndex(worry[0])  # type: ignore[attr-defined]
        compose.suggestions.insert(1)
    type_("\n膝丈については、確認してご連絡させていただきます。\n")
    compose.review_now()
    _wait(app, compose.review_shown)
    editor.verticalScrollBar().setValue(0)  # show the greeting: the reply as the customer will read it


if __name__ == "__main__":
    sys.exit(main(sys.argv))
