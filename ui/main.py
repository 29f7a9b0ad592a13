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

    from app.paths import user_data_dir
    from app.store.db import check_ahead

    # The store's integrity check runs while Qt and the window's modules load (it reads the
    # whole file: a large mailbox's index makes that a noticeable part of a start).
    check_ahead(user_data_dir(create=False) / "aizuchi.sqlite3")

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from app.settings import load_settings
    from ui.i18n import Translations, language_for
    from ui.main_window import MainWindow

    QCoreApplication.setOrganizationName("Aizuchi")
    QCoreApplication.setApplicationName("Aizuchi")
    # A worker running Python (the live review) hands the GIL over only every switch interval, and the
    # GUI thread takes it back at every call out of Qt: 1 ms instead of 5 keeps a window beside a long
    # review from stalling (measured: typing beside a 200,000-character mail's review).
    sys.setswitchinterval(0.001)
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

    from app import instance
    from app.store.db import StoreUnusable
    from ui.store_dialog import open_store_or_ask, tell_unusable

    headless = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in _HEADLESS_PLATFORMS
    data_dir = user_data_dir(create=False)
    try:
        instance.acquire(data_dir)
    except instance.AlreadyRunning as running:
        return _already_running(running)
    except StoreUnusable as problem:  # the data dir cannot even hold the lock file
        tell_unusable(problem, headless)
        return 3
    # A damaged, emptied or read-only store is said before anything else touches the data dir.
    database = open_store_or_ask(headless)
    if database is None:
        return 3

    from app.demo import mailbox_to_open
    from app.settings import LOCAL_MAILBOX

    # The one named here, else the one chosen in ファイル → メールアカウントを追加, else the demo.
    path = mailbox_to_open(mailbox, settings.get(LOCAL_MAILBOX))

    window = MainWindow(path, settings, QSettings("Aizuchi", "Aizuchi"), language=translations.language, db=database)
    # Retranslated live: installing the translator sends LanguageChange to every widget.
    window.language_chosen.connect(lambda code: translations.apply(language_for(None, code)))
    window.show()
    _listen_for_second_start(window, data_dir)
    _report_when_ready(window, shown_at=time.perf_counter())
    return int(app.exec())


def _server_name(data_dir: Path) -> str:
    import hashlib

    return "aizuchi-" + hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]


def _listen_for_second_start(window: MainWindow, data_dir: Path) -> None:
    """A second `aizuchi run` on this data dir connects here: this window comes forward."""
    from PySide6.QtNetwork import QLocalServer

    name = _server_name(data_dir)
    QLocalServer.removeServer(name)  # left by a killed process: we hold the lock, it is not in use
    server = QLocalServer(window)
    server.setObjectName("secondStartServer")

    def forward() -> None:
        while server.hasPendingConnections():
            connection = server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            window.showNormal()
            window.raise_()
            window.activateWindow()
            print("AIZUCHI_BROUGHT_FORWARD", flush=True)  # for the fault suite
            connection.write(b"ok\n")
            connection.flush()

    server.newConnection.connect(forward)
    server.listen(name)


def _already_running(running: Exception) -> int:
    """Another Aizuchi has this data dir: bring its window forward, or say why nothing opens."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtNetwork import QLocalSocket
    from PySide6.QtWidgets import QMessageBox

    from app.instance import AlreadyRunning
    from ui.wording import fill

    assert isinstance(running, AlreadyRunning)
    socket = QLocalSocket()
    socket.connectToServer(_server_name(running.data_dir))
    brought = socket.waitForConnected(2000) and socket.waitForReadyRead(2000)
    socket.abort()
    if brought:
        text = QCoreApplication.translate(
            "Startup", "相槌はすでに起動しています。開いているウィンドウを前面に出しました。")
        print(text, file=sys.stderr)
        return 1
    text = fill(QCoreApplication.translate(
        "Startup", "相槌はすでに起動しています（プロセス {pid}）。同じデータフォルダを二つの相槌で同時に開くと、"
        "返信が二重に送られるおそれがあるため、起動しませんでした。開いている相槌をお使いください。"
    ), pid=str(running.pid or "?"))
    print(text, file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in _HEADLESS_PLATFORMS:
        QMessageBox.warning(None, QCoreApplication.translate("Startup", "相槌はすでに起動しています"), text)
    return 1


def _report_when_ready(window: MainWindow, shown_at: float) -> None:
    """For `make bench`: print a marker and quit once the window is usable.

    AIZUCHI_EXIT_WHEN_READY=1: when the first folder's list shows (a local mailbox's newest screenful).
    AIZUCHI_EXIT_WHEN_READY=filled: marks that, then quits once the whole folder is listed
    (and its index kept), with this process's peak RSS in MB.
    AIZUCHI_EXIT_WHEN_READY=highlights: when the newest mail's highlights are shown.
    """
    mode = os.environ.get("AIZUCHI_EXIT_WHEN_READY", "")
    if not mode:
        return
    from PySide6.QtWidgets import QApplication

    def mark(marker: str) -> None:
        # Since the window showed, and the wall clock (the bench's time from the process's start).
        print(f"{marker} {time.perf_counter() - shown_at:.3f} {time.time():.3f}", flush=True)

    def done(marker: str) -> None:
        mark(marker)
        QApplication.quit()

    def filled() -> None:
        from app.process_memory import peak_rss_mb

        rss_mb = peak_rss_mb()
        print(f"AIZUCHI_FILLED {time.perf_counter() - shown_at:.3f} {time.time():.3f} {rss_mb:.0f}", flush=True)
        QApplication.quit()

    from app.context import Changes

    def changed(changes: Changes) -> None:
        if mode == "highlights":
            if Changes.INSIGHT in changes:
                done("AIZUCHI_HIGHLIGHTS")
            elif Changes.HEADERS in changes:
                window.message_view.selectRow(0)
            return
        if Changes.FIRST_HEADERS in changes:
            if mode == "filled":
                mark("AIZUCHI_READY")
            else:
                done("AIZUCHI_READY")
        if mode == "filled" and Changes.HEADERS in changes:
            filled()

    window.changed.connect(changed)
