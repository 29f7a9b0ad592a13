"""`aizuchi memory build [PATH]`: the window's memory build from the command line, without Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.scale_mailbox import build as scaled_maildir

ROOT = Path(__file__).resolve().parents[2]


def _build(mailbox: Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    code = ("import sys; from app.cli import main; code = main(); "
            "assert 'PySide6' not in sys.modules, 'the command line must not load Qt'; sys.exit(code)")
    return subprocess.run(
        [sys.executable, "-c", code, "memory", "build", str(mailbox)],
        env=dict(os.environ, AIZUCHI_DATA_DIR=str(data_dir)), capture_output=True, text=True, timeout=300,
        cwd=ROOT,
    )


def test_memory_build_from_the_command_line_reports_progress_and_resumes(tmp_path: Path) -> None:
    mailbox = scaled_maildir(tmp_path / "mail", 60)
    first = _build(mailbox, tmp_path / "data")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["done"] == summary["total"] == 60 and not summary["stopped"]
    assert "60/60 件" in first.stderr  # the last progress line
    again = _build(mailbox, tmp_path / "data")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["total"] == 0  # everything built: the window would find nothing to do


def test_memory_build_of_a_path_that_is_no_mailbox_says_so(tmp_path: Path) -> None:
    result = _build(tmp_path / "nothing-here", tmp_path / "data")
    assert result.returncode == 2 and "NotFound" in result.stderr
