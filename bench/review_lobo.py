"""unanswered_request and ignored_disclosure measured as a new writer would meet them: leave one batch out.

Usage (from the project root):
  .venv/bin/python bench/review_lobo.py [--rules] [--verbose] [--only BATCH]

Each batch of tuning pairs is one writer (the blind tune halves, each written by a helper who never read the
review, and the older tune sets written by the engineers who tuned on them). For every batch this prints the per-kind
precision and recall, with the cases' gold mail spans, of the review whose learned layer was trained on the *other*
batches only (`scripts/train_review_model.py`: the same features and seed as `make review-model`), and the pooled
figure over all batches. `--rules` scores the hand rules alone (no learned layer): those rules were tuned on every
batch here by earlier rounds, so their figure is a tuning figure, not a new writer's.

"Good drafts" are the pairs that expect no finding at all; a finding of the two kinds on one is counted apart,
because a false finding on a good draft teaches the agent to ignore the review.

Never reads held-out data: only the tune halves and the older tune sets below.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.review_score import Case, gold_insight, load_cases, precision_recall, score  # noqa: E402

REVIEW = ROOT / "tests" / "data" / "review"
KINDS = ("unanswered_request", "ignored_disclosure")
# One writer each. Held-out halves are never listed here.
BATCHES: tuple[tuple[str, Path], ...] = (
    *((f"blind{n}", REVIEW / f"blind{n}_tune_pairs.jsonl") for n in (15, 16, 18, 19, 20, 21, 22, 23, 24, 25, 26)),
    ("pairs20", REVIEW / "pairs20_cases.jsonl"),
    ("reply15", REVIEW / "reply15_cases.jsonl"),
    ("tune", REVIEW / "tune_cases.jsonl"),
    ("own", REVIEW / "own_cases.jsonl"),
)


def batches() -> dict[str, list[Case]]:
    return {name: load_cases([path]) for name, path in BATCHES}


def good_draft_findings(cases: list[Case], log: list[str]) -> int:
    """Findings of the two kinds on the drafts that expect none at all (counted from the FP log lines)."""
    good = {case["id"] for case in cases if not case["expect"]}
    return sum(1 for line in log if line.startswith("FP ") and line.split()[1].rstrip(":") in good
               and line.split()[2] in KINDS)


def measure(by_batch: dict[str, list[Case]], rules_only: bool, only: str | None = None,
            verbose: bool = False) -> dict[str, Any]:
    """Per batch and pooled counts of the two kinds; each batch reviewed with a model trained without it."""
    from app.review import learned

    out: dict[str, Any] = {"batches": {}, "pooled": {k: {"tp": 0, "fp": 0, "fn": 0} for k in KINDS}, "good_fp": 0,
                           "good": 0}
    try:
        for name, cases in by_batch.items():
            if only and name != only:
                continue
            if rules_only:
                learned.use_model(None)
            else:
                from scripts.train_review_model import train

                others = [(other, case) for other, more in by_batch.items() if other != name for case in more]
                learned.use_model(train([case for _, case in others], [other for other, _ in others]))
            log: list[str] = []
            counts = score(cases, gold_insight, log)
            good_fp = good_draft_findings(cases, log)
            out["batches"][name] = {"counts": {k: counts[k] for k in KINDS}, "good_fp": good_fp,
                                    "good": sum(1 for c in cases if not c["expect"])}
            out["good_fp"] += good_fp
            out["good"] += out["batches"][name]["good"]
            for kind in KINDS:
                for field in ("tp", "fp", "fn"):
                    out["pooled"][kind][field] += counts[kind][field]
            if verbose:
                print("\n".join(f"  [{name}] {line}" for line in log if any(k in line for k in KINDS)))
    finally:
        learned.use_model(learned.load_default())
    return out


def report(result: dict[str, Any], title: str) -> None:
    print(title)
    print(f"{'batch':10} {'unanswered P/R (tp fp fn)':30} {'ignored_disclosure P/R (tp fp fn)':34} good-draft FP")
    rows = [*result["batches"].items(), ("POOLED", {"counts": result["pooled"], "good_fp": result["good_fp"],
                                                    "good": result["good"]})]
    for name, row in rows:
        cells = []
        for kind in KINDS:
            c = row["counts"][kind]
            p, r = precision_recall(c)
            cells.append(f"{p:.2f} / {r:.2f} ({c['tp']} {c['fp']} {c['fn']})")
        print(f"{name:10} {cells[0]:30} {cells[1]:34} {row['good_fp']} on {row['good']}")


def main(argv: list[str]) -> int:
    rules_only = "--rules" in argv
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    result = measure(batches(), rules_only, only, "--verbose" in argv)
    report(result, "hand rules alone (tuned on every batch: a tuning figure)" if rules_only
           else "leave one batch out: each batch reviewed by the model trained on the others")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
