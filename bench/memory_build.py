"""Memory build rate over a large Maildir (see bench/scale_mailbox.py): mails/s and peak RSS.

A fresh store per run, the search index fed from the same pass, as the window does.

    python bench/memory_build.py 1000 5000 [--dir /tmp/aizuchi-scale]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.process_memory import peak_rss_mb
from bench.scale_mailbox import build as build_mailbox


def measure(maildir: Path) -> tuple[int, float, float]:
    """(mails built, wall seconds, CPU seconds of this process) for one build from scratch."""
    from app.customers import build_memory, open_memory
    from app.sources.maildir import MaildirSource
    from app.store import open_database
    from app.store.search import MailIndex

    with tempfile.TemporaryDirectory() as scratch:
        database = open_database(Path(scratch) / "store.db")
        memory = open_memory("", database.path)
        index = MailIndex(database)
        source = MaildirSource(maildir)
        started, cpu = time.perf_counter(), time.process_time()
        result = build_memory(memory, source, "bench", index=index)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        memory.close()
        return result.done, elapsed, cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "aizuchi-scale")
    args = parser.parse_args(argv)
    for size in args.sizes:
        maildir = build_mailbox(args.dir / f"maildir-{size}", size)
        done, elapsed, cpu = measure(maildir)
        rss = peak_rss_mb()
        print(f"memory build {size:>6} mails: {done} in {elapsed:.1f} s = {done / elapsed:.0f} mails/s,"
              f" CPU {cpu:.1f} s, peak RSS {rss:.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
