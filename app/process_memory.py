"""This process's peak memory, for the figures `make bench` prints.

`getrusage(RUSAGE_SELF).ru_maxrss` alone misleads for a process started by another
one: Linux keeps ru_maxrss across execve, so a child of a large parent (the bench
after its in-process steps) reports the parent's size at fork time — a 100,000-mail
start read 610 MB inside `make bench` and 345 MB alone. /proc/self/status's VmHWM
belongs to this process image only.
"""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """The peak resident set size of this process image, in MB (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
