"""Check the writers' annotated mails and split them into train / dev / held-out, before any scoring.

    python scripts/ingest_corpus.py DIR...   # each DIR holds a writer's chunk_*.jsonl (or batch.jsonl)

The new writers' mails are added to the corpus already in tests/data/corpus (the writers' own folders
are not kept); a mail whose id is already there must be the same mail (ingesting a folder twice changes
nothing), never a different one.

The split is fixed by each mail's own number, not by anything scored: of every ten
mails a writer wrote (ids ``wN-001``…), the 1st–7th go to train, the 8th to dev, the
9th and 10th to held-out. Writing order is the writers' own, so every business kind
and genre falls into all three parts. Mails that break the format (a span whose text
is not ``text[start:end]``, an unknown label, a duplicate id) stop the script: a
broken gold span would silently score as a miss.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "corpus"
LABELS = {"disclosure", "request", "worry"}


def part_of(case_id: str) -> str:
    match = re.search(r"(\d+)$", case_id)
    if not match:
        raise SystemExit(f"{case_id}: an id must end in the mail's number")
    n = int(match.group(1)) % 10
    return "dev" if n == 8 else "heldout" if n in (9, 0) else "train"


def check(case: dict[str, object], where: str) -> None:
    text = case.get("text")
    spans = case.get("spans")
    if not isinstance(text, str) or not text.strip() or not isinstance(spans, list):
        raise SystemExit(f"{where}: no text or no spans")
    for span in spans:
        if span["label"] not in LABELS:
            raise SystemExit(f"{where}: unknown label {span['label']!r}")
        if text[span["start"] : span["end"]] != span["text"] or span["start"] >= span["end"]:
            raise SystemExit(f"{where}: span {span['text']!r} is not at {span['start']}-{span['end']}")


def main() -> None:
    cases: dict[str, dict[str, object]] = {}
    for name in ("train", "dev", "heldout"):
        path = OUT / f"{name}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
            if line.strip():
                case = json.loads(line)
                cases[str(case["id"])] = case
    known = dict(cases)
    for folder in map(Path, sys.argv[1:]):
        files = sorted(folder.glob("chunk_*.jsonl")) or [folder / "batch.jsonl"]
        for path in files:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                case = json.loads(line)
                check(case, f"{path}:{number}")
                kept = {"id": case["id"], "text": case["text"], "spans": case["spans"]}
                if case["id"] in known and known[case["id"]] == kept:
                    continue  # already in the corpus, unchanged
                if case["id"] in cases:
                    raise SystemExit(f"{path}:{number}: duplicate id {case['id']}")
                cases[str(case["id"])] = kept
    parts: dict[str, list[dict[str, object]]] = {"train": [], "dev": [], "heldout": []}
    for case_id in sorted(cases):
        parts[part_of(case_id)].append(cases[case_id])
    OUT.mkdir(parents=True, exist_ok=True)
    for name, part in parts.items():
        with (OUT / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for case in part:
                out.write(json.dumps(case, ensure_ascii=False) + "\n")
        print(f"{name}: {len(part)} mails")


if __name__ == "__main__":
    main()
