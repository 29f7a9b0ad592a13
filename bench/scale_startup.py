"""Ready time of `aizuchi run` on large Maildirs (bench/scale_mailbox.py): first and second start.

Each size gets a fresh data dir; the first start lists every file, the second
one finds the folder in the store's index. The demo's start is measured in the
same run, for the ratio the issue asks.

    python bench/scale_startup.py 5000 [--dir /tmp/aizuchi-scale]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale_mailbox import build as build_mailbox  # noqa: E402


def ready(mailbox: Path | None, data_dir: str) -> float:
    """Seconds from the window shown to the first folder listed (AIZUCHI_READY)."""
    env = dict(os.environ, AIZUCHI_DATA_DIR=data_dir, AIZUCHI_EXIT_WHEN_READY="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [sys.executable, "-c", "from ui.launcher import main; main()", "run"]
    if mailbox is not None:
        command.append(str(mailbox))
    process = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, cwd=ROOT)
    marker = re.search(r"AIZUCHI_READY ([0-9.]+)", process.stdout)
    if marker is None:
        raise RuntimeError(f"window did not report ready: {process.stderr[-800:]}")
    return float(marker.group(1))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "aizuchi-scale")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as data_dir:
        ready(None, data_dir)
        print(f"demo: ready in {ready(None, data_dir):.2f} s (second start)", flush=True)
    for size in args.sizes:
        maildir = build_mailbox(args.dir / f"maildir-{size}", size)
        with tempfile.TemporaryDirectory() as data_dir:
            first = ready(maildir, data_dir)
            second = ready(maildir, data_dir)
        print(f"{size} mails: ready in {first:.2f} s (first start), {second:.2f} s (second start)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
