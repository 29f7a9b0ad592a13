"""What each fault case found, for `make bench` (bench/faults.py): with AIZUCHI_FAULT_LEDGER
set, every case appends one JSON line: the fault, copies at the server of one reply, and
drafts lost. Without it (a plain `make test`), nothing is written."""

from __future__ import annotations

import json
import os


def record(fault: str, copies: int = 0, drafts_lost: int = 0) -> None:
    path = os.environ.get("AIZUCHI_FAULT_LEDGER")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"fault": fault, "copies": copies, "drafts_lost": drafts_lost}) + "\n")
