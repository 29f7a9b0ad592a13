"""Save a screenshot of the real window on the demo mailbox, party-dress mail open.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py docs/screenshot.png

Runs on a temporary copy of the demo (so nothing is marked read in the repo),
with fresh settings and no network; waits for the analysis before grabbing.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 30000


def main(argv: list[str]) -> int:
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
        return _shoot(out, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _wait(app: object, signal: object) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    loop.exec()


def _shoot(out: Path, scratch: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app import paths
    from app.mail.parse import parse_message
    from app.model import HighlightKind
    from app.settings import load_settings
    from ui.i18n import Translations
    from ui.main_window import MainWindow
    from ui.models import Role

    mailbox = scratch / "demo"
    shutil.copytree(paths.DEMO_MAILDIR, mailbox)
    subject = next(
        m.subject
        for m in (parse_message(p.read_bytes()) for p in sorted((mailbox / "cur").glob("*")))
        if "ドレス" in m.subject and ("パーティ" in m.body or "連休" in m.body)
    )

    app = QApplication(sys.argv[:1])
    Translations(app).apply("ja")
    window = MainWindow(mailbox, load_settings(), QSettings(str(scratch / "window.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 880)
    window.show()
    _wait(app, window.headers_loaded)
    row = next(
        r for r in range(window.proxy.rowCount()) if window.proxy.index(r, 0).data(Role.HEADER).subject == subject
    )
    window.message_view.selectRow(row)
    window.message_view.scrollTo(window.proxy.index(row, 0), window.message_view.ScrollHint.PositionAtCenter)
    _wait(app, window.insight_shown)
    # Show the panel in use: the first request selected, as after a click.
    requests = window.insight_panel.model.highlight_indexes(HighlightKind.REQUEST)
    if requests:
        window.insight_panel.view.setCurrentIndex(requests[0])
    for _ in range(20):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"保存できませんでした: {out}", file=sys.stderr)
        return 1
    window.runner.wait_all(5000)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
