"""Drafts are never lost: type a reply in a real app process, kill -9 it, start again, the draft is there.

Each run is a separate Python process driving the real window offscreen (no
mocks): the first types via an input-method commit and waits for the autosave,
then gets SIGKILL — no close event, no chance to save on the way out; the
second opens the same mail, presses Reply and prints what the composer holds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TYPED = "連休前のお届けについて、ただいま確認しております。"

DRIVER = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from app.context import Changes
from app.settings import load_settings
from ui.main_window import MainWindow
from ui.models import Role

mode, mailbox, subject, typed = sys.argv[2], Path(sys.argv[3]), sys.argv[4], sys.argv[5]
app = QApplication(sys.argv[:1])
win = MainWindow(mailbox, load_settings(), QSettings(str(mailbox.parent / "w.ini"), QSettings.Format.IniFormat))
win.compose.autosave_timer.setInterval(200)
state = {"replied": False}

def on_headers():
    proxy = win.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data(Role.HEADER).subject == subject:
            win.message_view.selectRow(row)
            return
    print("NO-MAIL", flush=True)

def on_insight():
    if not state["replied"]:
        state["replied"] = True
        win.compose.reply_action.trigger()

def on_opened():
    if mode == "type":
        event = QInputMethodEvent()
        event.setCommitString(typed)
        QApplication.sendEvent(win.compose.composer.editor, event)
    else:
        print("TEXT " + json.dumps(win.compose.composer.text()), flush=True)
        QTimer.singleShot(0, app.quit)

def on_changed(changes):
    if Changes.HEADERS in changes:
        on_headers()
    if Changes.INSIGHT in changes:
        on_insight()

win.changed.connect(on_changed)
win.compose.opened.connect(on_opened)
win.compose.draft_saved.connect(lambda: print("SAVED", flush=True))
QTimer.singleShot(60000, lambda: (print("TIMEOUT", flush=True), app.quit()))
win.show()
app.exec()
"""


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", AIZUCHI_DATA_DIR=str(data_dir), AIZUCHI_OFFLINE="1")
    return env


def _wait_for_line(process: subprocess.Popen[str], marker: str, timeout: float) -> str | None:
    found: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith((marker, "TIMEOUT", "NO-MAIL")):
                found.append(line.strip())
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    return found[0] if found else None


def test_draft_survives_kill_9(demo_copy: Path, dress_subject: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    args = [sys.executable, "-c", DRIVER, str(REPO), "type", str(demo_copy), dress_subject, TYPED]
    process = subprocess.Popen(args, env=_env(data), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = _wait_for_line(process, "SAVED", timeout=90)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    if line is None:
        pytest.fail("the first app process never reported an autosave")
    assert line == "SAVED", line
    assert process.returncode == -signal.SIGKILL

    args[4] = "read"
    second = subprocess.run(args, env=_env(data), capture_output=True, text=True, timeout=120)
    lines = [ln for ln in second.stdout.splitlines() if ln.startswith("TEXT ")]
    assert lines, second.stdout + second.stderr[-2000:]
    restored = json.loads(lines[0][len("TEXT ") :])
    assert TYPED in restored
    assert restored.startswith("小野寺 さやか様")
