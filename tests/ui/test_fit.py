"""Everything fits at 1024×700, also with the system font at 125 % (819×560 logical pixels).

Each case runs the real window in a child process (tests/ui/fit_probe.py) whose offscreen screen has
the size under test and whose QT_SCALE_FACTOR is the scaling under test, as test_layout.py does: the
main window with a long mail, the composer with findings and every dialog the window opens, in
Japanese and in English. Each top-level window's frame must lie inside the screen's available
geometry, and no button it shows may lie outside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("fit_probe.py")
WINDOWS = {"main", "composer", "signatures", "snippets", "send_review", "outbox", "service_hours", "account",
           "team", "response_time", "team_guard", "make_snippet", "keys", "about"}


def _probe(tmp_path: Path, demo: Path, width: int, height: int, scale: float, language: str) -> dict:  # type: ignore[type-arg]
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale),
               AIZUCHI_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               AIZUCHI_OFFLINE="1")
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    done = subprocess.run([sys.executable, str(PROBE), str(demo), str(data), language], env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize(("scale", "logical"), [(1.0, [0, 0, 1024, 700]), (1.25, [0, 0, 819, 560])])
def test_every_window_fits_the_screen_with_its_buttons_in_sight(tmp_path: Path, demo_copy: Path, scale: float,
                                                                 logical: list[int], language: str) -> None:
    got = _probe(tmp_path, demo_copy, 1024, 700, scale, language)
    assert got["screen"] == logical
    sx, sy, sw, sh = got["screen"]
    windows = got["windows"]
    assert set(windows) == WINDOWS  # each one opened
    for name, window in windows.items():
        x, y, w, h = window["frame"]
        assert sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh, (name, window["frame"])
        assert window["outside"] == [], (name, window["outside"])
        assert window["cut"] == [], (name, window["cut"])
    # The composer opened beside the reader with its findings, inside the same window.
    assert windows["composer"]["findings"] > 3
    assert windows["composer"]["frame"][2:] == windows["main"]["frame"][2:]
    # Dialogs keep a margin for a window manager's title bar: at most about 90 % of the screen.
    for name in WINDOWS - {"main", "composer"}:
        assert windows[name]["frame"][3] <= sh * 0.92, (name, windows[name]["frame"])
    # A subject cut short in the list is whole in its tooltip; the legend's labels wrap, never cut.
    assert windows["main"]["subject_tooltip"]
    assert windows["main"]["legend_cut"] == []
