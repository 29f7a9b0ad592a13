"""The bench's peak-memory figure belongs to the measured process, not to the one that started it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.process_memory import peak_rss_mb

ROOT = Path(__file__).resolve().parents[2]


def test_peak_is_at_least_what_this_process_holds_now() -> None:
    held = bytearray(64 * 1024 * 1024)  # touched: zero-filled pages are really allocated
    held[::4096] = b"\x01" * len(held[::4096])
    assert peak_rss_mb() >= 64


def test_a_child_of_a_large_parent_reports_its_own_peak() -> None:
    # The parent grows to ~300 MB, then starts a small child: the child's figure must be its own.
    parent = (
        "import subprocess, sys\n"
        "held = bytearray(300 * 1024 * 1024); held[::4096] = b'\\x01' * len(held[::4096])\n"
        "child = subprocess.run([sys.executable, '-c', "
        "'from app.process_memory import peak_rss_mb; print(peak_rss_mb())'],"
        " capture_output=True, text=True, check=True, cwd=sys.argv[1])\n"
        "print(child.stdout.strip())\n"
    )
    out = subprocess.run([sys.executable, "-c", parent, str(ROOT)], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    assert float(out.stdout.strip()) < 150
