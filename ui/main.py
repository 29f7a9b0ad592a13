"""Starting the window: display check, QApplication, language, mailbox.

`run_app` is what `aizuchi run` calls (through `ui.launcher`).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Platforms that draw without a display server (tests, screenshots, kiosks).
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "minimalegl", "vkkhrdisplay")


def has_display(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """False only on X11/Wayland systems with no server to talk to."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if qpa in _HEADLESS_PLATFORMS:
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def run_app(mailbox: str | None, language: str | None) -> int:
    if not has_display():
        # Japanese like the rest of the app; Qt is not loaded yet, so no translation here.
        print(
            "画面（ディスプレイ）が見つからないため起動できません。"
            "画面のない環境では `xvfb-run -a make run` で起動してください。"
        )
        return 1

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from app.settings import load_settings
    from ui.i18n import Translations, language_for
    from ui.main_window import MainWindow

    QCoreApplication.setOrganizationName("Aizuchi")
    QCoreApplication.setApplicationName("Aizuchi")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("相槌")

    settings = load_settings()
    translations = Translations(app)
    if not translations.apply(language_for(language, settings.language)):
        print(
            "英語の翻訳ファイルが見つからないため、日本語で表示します（make translations で作成できます）。",
            file=sys.stderr,
        )

    if mailbox:
        path = Path(mailbox).expanduser()
    else:
        from app.demo import prepare_demo_mailbox

        path = prepare_demo_mailbox()

    window = MainWindow(path, settings, QSettings("Aizuchi", "Aizuchi"), language=translations.language)
    # Retranslated live: installing the translator sends LanguageChange to every widget.
    window.language_chosen.connect(lambda code: translations.apply(language_for(None, code)))
    window.show()
    _report_when_ready(window, shown_at=time.perf_counter())
    return int(app.exec())


def _report_when_ready(window: MainWindow, shown_at: float) -> None:
    """For `make bench`: print a marker and quit once the window is usable.

    AIZUCHI_EXIT_WHEN_READY=1: when the first folder's message list is filled.
    AIZUCHI_EXIT_WHEN_READY=highlights: when the newest mail's highlights are shown.
    """
    mode = os.environ.get("AIZUCHI_EXIT_WHEN_READY", "")
    if not mode:
        return
    from PySide6.QtWidgets import QApplication

    def done(marker: str) -> None:
        print(f"{marker} {time.perf_counter() - shown_at:.3f}", flush=True)
        QApplication.quit()

    if mode == "highlights":
        window.insight_shown.connect(lambda: done("AIZUCHI_HIGHLIGHTS"))
        window.headers_loaded.connect(lambda: window.message_view.selectRow(0))
    else:
        window.headers_loaded.connect(lambda: done("AIZUCHI_READY"))
