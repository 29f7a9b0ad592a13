"""Writing checks per family: recall on true cases and false alarms on hard negatives.

Usage (from the project root):
  .venv/bin/python bench/writing_score.py [CASES.jsonl ...] [--verbose]

A case is one sentence (`{"id", "family", "text", "label", "span"}`): a true case
counts as caught when a finding of its family's kind overlaps `span` (or anywhere,
when `span` is null); a negative is a false alarm when any finding of its family's
kind is reported on it. `false_alarms_any` counts negatives with any writing
finding at all, of whatever family (the stricter figure). The review runs without
a mail, as on a draft written from scratch. `bench_writing()` returns the figures
in `bench/run.py`'s format.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.model import FindingKind  # noqa: E402
from app.review import review_draft  # noqa: E402
from bench.eval_sets import review_set  # noqa: E402

WRITING_CASES = review_set("writing15")
FAMILY_KIND: dict[str, FindingKind] = {
    "lookalike": FindingKind.LOOKALIKE_CHAR,
    "redundant": FindingKind.REDUNDANT,
    "double_negative": FindingKind.DOUBLE_NEGATIVE,
    "misused": FindingKind.MISUSED_WORD,
    "sasete": FindingKind.SASETE_OVERUSE,
    "particle": FindingKind.PARTICLE_REPEAT,
    "sa_ire": FindingKind.SA_IRE,
    "ranuki": FindingKind.RANUKI,
    "inuki": FindingKind.INUKI,
    "keigo_double": FindingKind.KEIGO_DOUBLE,
    "keigo_direction": FindingKind.KEIGO_DIRECTION,
    "baito": FindingKind.KEIGO_BAITO,
    "style_mixed": FindingKind.STYLE_MIXED,
    "long_sentence": FindingKind.LONG_SENTENCE,
    "machine_dependent": FindingKind.MACHINE_DEPENDENT_CHAR,
    "halfwidth_kana": FindingKind.HALFWIDTH_KANA,
    "business": FindingKind.BUSINESS_MANNER,
    # Families of textlint's Japanese preset, beyond those issue 15 names.
    "conjunctive_ga": FindingKind.PARTICLE_REPEAT,
    "conjunction": FindingKind.CONJUNCTION_REPEAT,
    "max_ten": FindingKind.LONG_SENTENCE,
    "invisible": FindingKind.MACHINE_DEPENDENT_CHAR,
}
# Families of writing20_cases.jsonl beyond issue 15's table: the tone of a reply (judged on the
# sentence as a whole draft) and typos (誤変換 such as 完壁, which the misused table leaves to typo.py).
EXTRA_FAMILY_KIND: dict[str, FindingKind] = {
    "cold": FindingKind.TONE_COLD,
    "over_familiar": FindingKind.TONE_OVERFAMILIAR,
    "typo": FindingKind.TYPO,
}
# Findings about the reply as a whole, not its writing: never counted as a writing alarm.
NOT_WRITING = frozenset({
    FindingKind.TONE_COLD, FindingKind.TONE_OVERFAMILIAR, FindingKind.NOT_WRITTEN,
    FindingKind.REFUSAL_WITHOUT_ALTERNATIVE,
})

Case = dict[str, Any]


def load(paths: Iterable[Path]) -> list[Case]:
    cases: list[Case] = []
    for path in paths:
        cases += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return cases


def score(cases: list[Case], log: list[str] | None = None) -> dict[str, dict[str, int]]:
    """Per family: tp, fn (true cases), fa, tn (negatives), and fa_any (negatives with any writing finding)."""
    out: dict[str, dict[str, int]] = {}
    for case in cases:
        kind = FAMILY_KIND.get(case["family"]) or EXTRA_FAMILY_KIND[case["family"]]
        counts = out.setdefault(case["family"], {"tp": 0, "fn": 0, "fa": 0, "tn": 0, "fa_any": 0})
        text = case["text"]
        everything = review_draft(text)
        findings = [f for f in everything if f.kind not in NOT_WRITING or f.kind is kind]
        own = [f for f in everything if f.kind is kind]
        if case["label"]:
            span = case["span"]
            if span is None:
                hit = bool(own)
            else:
                start = text.index(span)
                hit = any(f.start < start + len(span) and f.end > start for f in own)
            counts["tp" if hit else "fn"] += 1
            if log is not None and not hit:
                got = [(f.kind.value, text[f.start : f.end]) for f in findings]
                log.append(f"FN {case['id']}: {text} [{span}] got {got}")
        else:
            counts["fa" if own else "tn"] += 1
            if findings:
                counts["fa_any"] += 1
            if log is not None and findings:
                tag = "FA" if own else "fa"
                log.append(f"{tag} {case['id']}: {text} {[(f.kind.value, text[f.start:f.end]) for f in findings]}")
    return out


# The reply-level findings the round tests leave aside on a negative (tone counts there: a cold or over-familiar
# finding on a plain polite sentence is a false alarm the agent sees).
REPLY_LEVEL = frozenset({FindingKind.NOT_WRITTEN, FindingKind.REFUSAL_WITHOUT_ALTERNATIVE})


def family_figures(cases: list[Case], family: str) -> tuple[float, dict[str, int], list[str]]:
    """For one family of `cases`: recall on its true cases, its counts, and the texts of its negatives on which
    the review reports anything but a reply-level finding."""
    counts = score([c for c in cases if c["family"] == family])[family]
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    negatives = [c["text"] for c in cases if c["family"] == family and not c["label"]]
    alarmed = [text for text in negatives if any(f.kind not in REPLY_LEVEL for f in review_draft(text))]
    return recall, counts, alarmed


def totals(counts: dict[str, dict[str, int]]) -> tuple[float, float, float]:
    """(recall over all true cases, false-alarm rate of own families, false-alarm rate of any finding)."""
    tp = sum(c["tp"] for c in counts.values())
    fn = sum(c["fn"] for c in counts.values())
    fa = sum(c["fa"] for c in counts.values())
    negatives = sum(c["fa"] + c["tn"] for c in counts.values())
    fa_any = sum(c["fa_any"] for c in counts.values())
    return tp / max(1, tp + fn), fa / max(1, negatives), fa_any / max(1, negatives)


def bench_writing() -> dict[str, dict[str, Any]]:
    counts = score(load([WRITING_CASES]))
    recall, false_alarms, any_alarms = totals(counts)
    results: dict[str, dict[str, Any]] = {
        "writing_tune_recall": {"value": round(recall, 2), "unit": "R", "target": "≥ 0.90 (tuning cases)"},
        "writing_tune_false_alarms": {"value": round(false_alarms, 3), "unit": "rate", "target": "≤ 0.03"},
        "writing_tune_false_alarms_any": {"value": round(any_alarms, 3), "unit": "rate",
                                          "target": "(info: any writing finding on a negative)"},
    }
    for family, c in sorted(counts.items()):
        r = c["tp"] / max(1, c["tp"] + c["fn"])
        fa = c["fa"] / max(1, c["fa"] + c["tn"])
        results[f"writing_{family}_recall"] = {"value": round(r, 2), "unit": "R",
                                               "target": f"({c['tp']}/{c['tp'] + c['fn']})"}
        results[f"writing_{family}_false_alarms"] = {"value": round(fa, 2), "unit": "rate",
                                                     "target": f"({c['fa']}/{c['fa'] + c['tn']})"}
    return results


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("--")] or [WRITING_CASES]
    log: list[str] = []
    counts = score(load(paths), log)
    if "--verbose" in argv:
        print("\n".join(log))
    for family, c in sorted(counts.items()):
        r = c["tp"] / max(1, c["tp"] + c["fn"])
        fa = c["fa"] / max(1, c["fa"] + c["tn"])
        print(f"{family:18} recall={r:.2f} ({c['tp']}/{c['tp'] + c['fn']}) "
              f"false_alarms={fa:.2f} ({c['fa']}/{c['fa'] + c['tn']}) any={c['fa_any']}")
    recall, false_alarms, any_alarms = totals(counts)
    print(f"writing: recall={recall:.2f} false_alarms={false_alarms:.3f} (any finding: {any_alarms:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
