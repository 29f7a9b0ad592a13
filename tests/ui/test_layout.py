"""Issue 16 (3): a window that fits, from 1024×700 to a 4K screen at 200 %.

Each case runs the real window in a child process whose offscreen screen has
the size under test (Qt's offscreen platform takes its screens from a JSON
file), so the layout is measured as a new user would meet it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings
from pytestqt.qtbot import QtBot

PROBE = Path(__file__).with_name("layout_probe.py")


def _run(tmp_path: Path, demo: Path, width: int, height: int, dpr: float = 1.0,
         ini: Path | None = None) -> dict:  # type: ignore[type-arg]
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": dpr}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               AIZUCHI_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               AIZUCHI_OFFLINE="1")
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    args = [sys.executable, str(PROBE), str(demo), str(data)] + ([str(ini)] if ini else [])
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _inside(window: list[int], screen: list[int]) -> bool:
    x, y, w, h = window
    sx, sy, sw, sh = screen
    return sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh


def test_a_dozen_rows_at_1366x768_and_the_composer_fits(tmp_path: Path, demo_copy: Path) -> None:
    got = _run(tmp_path, demo_copy, 1366, 768)
    reading, composing = got["reading"], got["composing"]
    assert _inside(reading["window"], got["screen"])
    assert reading["list_rows"] >= 12
    assert reading["reader_body"][1] >= 200  # about eight lines of the mail under the list
    # The composer takes the list's and folders' place: the window does not grow past the screen.
    assert composing["window"][2:] == reading["window"][2:]
    assert composing["reader_visible"] and composing["composer"][0] >= 400
    assert composing["editor"][1] >= 250 and composing["findings"] >= 100 and composing["suggestions"] >= 150


def test_list_reader_and_panel_at_1024x700(tmp_path: Path, demo_copy: Path) -> None:
    got = _run(tmp_path, demo_copy, 1024, 700)
    reading, composing = got["reading"], got["composing"]
    assert _inside(reading["window"], got["screen"])
    assert reading["list_visible"] and reading["list_rows"] >= 6
    assert reading["reader_body"][0] >= 400 and reading["reader_body"][1] >= 150
    assert reading["insight"][2] and reading["insight"][0] >= 240 and reading["insight"][1] >= 400
    assert reading["right_tabbed"]  # too short for the two panels one above the other
    assert _inside(composing["window"], got["screen"])
    assert composing["reader_visible"] and composing["composer"][0] >= 380


def test_4k_at_200_percent_opens_inside_the_screen(tmp_path: Path, demo_copy: Path) -> None:
    got = _run(tmp_path, demo_copy, 3840, 2160, dpr=2.0)
    assert _inside(got["reading"]["window"], got["screen"])
    assert got["reading"]["list_rows"] >= 12
    assert not got["reading"]["right_tabbed"]  # room for both panels: no tabs


@pytest.mark.parametrize("saved", [QRect(2400, 100, 1800, 1300), QRect(-3000, 0, 1200, 800)])
def test_saved_geometry_is_used_only_where_it_fits(qtbot: QtBot, tmp_path: Path, demo_copy: Path, saved: QRect) -> None:
    """A window saved on a bigger or a now-missing monitor opens on this screen, within it."""
    from PySide6.QtWidgets import QWidget

    probe = QWidget()
    probe.setGeometry(saved)
    ini = tmp_path / "saved.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    geometry: QByteArray = probe.saveGeometry()
    settings.setValue("window/geometry", geometry)
    settings.sync()
    got = _run(tmp_path, demo_copy, 1366, 768, ini=ini)
    assert _inside(got["reading"]["window"], got["screen"])
