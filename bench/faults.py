"""The standing fault suite as figures (issue 14): runs tests/faults with a ledger, then counts.

Every fault case appends what it found (tests/faults/ledger.py): copies of one reply at the
server and drafts lost. "copies sent twice" counts every copy past the first; both it and
"drafts lost" must stay 0. The hostile mails' worst parse time and peak memory come along.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
Result = dict[str, dict[str, Any]]


def bench_faults() -> Result:
    with tempfile.TemporaryDirectory() as scratch:
        ledger = Path(scratch) / "ledger.jsonl"
        figures = Path(scratch) / "figures.jsonl"
        env = {**os.environ, "AIZUCHI_FAULT_LEDGER": str(ledger), "AIZUCHI_FAULT_FIGURES": str(figures),
               "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/faults"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
        entries = [json.loads(line) for line in ledger.read_text(encoding="utf-8").splitlines()] \
            if ledger.exists() else []
        measured = [json.loads(line) for line in figures.read_text(encoding="utf-8").splitlines()] \
            if figures.exists() else []
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:]
    if done.returncode != 0:
        raise RuntimeError(f"fault suite failed: {summary}")
    twice = sum(max(0, int(e["copies"]) - 1) for e in entries)
    lost = sum(int(e["drafts_lost"]) for e in entries)
    results: Result = {
        "faults_tried": {"value": len(entries), "unit": "cases", "target": "info"},
        "faults_copies_sent_twice": {"value": twice, "unit": "mails", "target": "0"},
        "faults_drafts_lost": {"value": lost, "unit": "drafts", "target": "0"},
    }
    if measured:
        results["hostile_mail_parse_s_max"] = {
            "value": round(max(float(m["seconds"]) for m in measured), 2), "unit": "s", "target": "<= 2"}
        results["hostile_mail_peak_mb_max"] = {
            "value": round(max(float(m["peak_mb"]) for m in measured)), "unit": "MB", "target": "<= 500"}
    return results


if __name__ == "__main__":
    for key, figure in bench_faults().items():
        print(f"{key:<28} {figure['value']:>8}  {figure['unit']:<6} {figure['target']}")
