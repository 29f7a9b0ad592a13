"""Every evaluation set, what it is for, and the shared scorer's sentence F1 in-process.

One table of the analyser's sets (`SETS`) and one of the review's (`REVIEW_SETS`), read by
`make bench` (`bench/run.py`, `bench/review_score.py`, `bench/writing_score.py`,
`bench/review_heldout.py`), the tests and the trainer (`scripts/train_model.py`), so where a
set lives and what it is for is stated once (docs/ARCHITECTURE.md §6). A test or a bench piece
asks `analysis_set(metric)` or `review_set(name)` for a path, never spells one:

- ``train``: the learned layer is fitted on it (and the rules were tuned on most of these);
- ``dev``: thresholds and the regularisation strength are chosen on it;
- ``heldout``: measured, never trained or tuned on — the honest figures.

Scoring follows the shared scorer's rule (`../shared/eval/score_analysis.py`, reimplemented,
not imported, so the tests run without ../shared): split at 。！？!? and line breaks; a
sentence is positive for a label when any span of that label overlaps it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "analysis"
CORPUS = ROOT / "tests" / "data" / "corpus"
# ../shared next to the repo; from a git worktree the nearest one up the tree.
SHARED_EVAL = next((p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
                   ROOT.parent / "shared" / "eval")
LABELS = ("disclosure", "request", "worry")

Case = dict[str, Any]


@dataclass(frozen=True)
class EvalSet:
    metric: str  # the name `make bench` reports it under
    path: Path
    role: str    # "train", "dev" or "heldout"
    note: str    # what the figure means, printed beside it


SETS: tuple[EvalSet, ...] = (
    EvalSet("dev_macro_f1", SHARED_EVAL / "analysis_dev.jsonl", "dev", "≥ 0.95 (shared dev set)"),
    EvalSet("dev_long_macro_f1", SHARED_EVAL / "analysis_dev_long.jsonl", "dev", "≥ 0.95 (shared dev set)"),
    EvalSet("corpus_train_macro_f1", CORPUS / "train.jsonl", "train", "(trained on)"),
    EvalSet("corpus_dev_macro_f1", CORPUS / "dev.jsonl", "dev", "≥ 0.95 (thresholds chosen on it)"),
    EvalSet("corpus_heldout_macro_f1", CORPUS / "heldout.jsonl", "heldout",
            "≥ 0.92, each label ≥ 0.88 (never trained or tuned on)"),
    EvalSet("own_macro_f1", DATA / "own_cases.jsonl", "train", "(written with the first rules; trained on)"),
    EvalSet("unseen_tune_macro_f1", DATA / "tune_cases.jsonl", "train", "(rules tuned on; trained on)"),
    EvalSet("unseen_heldout_macro_f1", DATA / "heldout_cases.jsonl", "heldout", "≥ 0.89 (never trained on)"),
    EvalSet("unseen2_tune_macro_f1", DATA / "tune2_cases.jsonl", "train", "(rules tuned on; trained on)"),
    EvalSet("unseen2_heldout_macro_f1", DATA / "heldout2_cases.jsonl", "heldout", "≥ 0.93 (never trained on)"),
    EvalSet("unseen3_tune_macro_f1", DATA / "tune3_cases.jsonl", "train", "(rules tuned on; trained on)"),
    EvalSet("unseen3_heldout_macro_f1", DATA / "heldout3_cases.jsonl", "train",
            "(held out once at 0.85, then tuned on; trained on)"),
    EvalSet("unseen4a_macro_f1", DATA / "tune4_cases.jsonl", "heldout", "≥ 0.87 (never trained or tuned on)"),
    EvalSet("unseen4b_macro_f1", DATA / "heldout4_cases.jsonl", "heldout", "≥ 0.92 (never trained or tuned on)"),
    EvalSet("unseen5_tune_macro_f1", DATA / "tune5_cases.jsonl", "train", "(rules tuned on; trained on)"),
    EvalSet("unseen5_heldout_macro_f1", DATA / "heldout5_cases.jsonl", "heldout", "≥ 0.92 (never trained on)"),
    EvalSet("unseen6_macro_f1", DATA / "heldout6_cases.jsonl", "heldout", "≥ 0.94 (never trained or tuned on)"),
)


@dataclass(frozen=True)
class ReviewSet:
    name: str
    path: Path
    role: str    # "train" (the checks were tuned on it), "dev" or "heldout"
    note: str


REVIEW = ROOT / "tests" / "data" / "review"

# The review's cases (formats: tests/data/review/README.md): mail+draft pairs scored per finding
# kind (`bench/review_score.py`), and one-sentence writing cases (`bench/writing_score.py`,
# `bench/review_heldout.py`).
REVIEW_SETS: tuple[ReviewSet, ...] = (
    ReviewSet("dev", SHARED_EVAL / "review_dev.jsonl", "dev", "the shared dev set (when ../shared is present)"),
    ReviewSet("own", REVIEW / "own_cases.jsonl", "train", "written with the first checks"),
    ReviewSet("tune", REVIEW / "tune_cases.jsonl", "train", "the checks were tuned on it"),
    ReviewSet("heldout", REVIEW / "heldout_cases.jsonl", "heldout", "split off tune_cases before tuning"),
    ReviewSet("reply15", REVIEW / "reply15_cases.jsonl", "train", "issue 15's reply scenarios, tuning cases"),
    ReviewSet("writing15", REVIEW / "writing15_cases.jsonl", "train", "issue 15's writing cases, tuning cases"),
    ReviewSet("writing20", REVIEW / "writing20_cases.jsonl", "train",
              "round 20: our own cases for the eight weakest families, tuned on"),
    ReviewSet("writing21", REVIEW / "writing21_cases.jsonl", "train",
              "round 21: our own cases for the constructions the blind19/20 tune halves missed, tuned on"),
    ReviewSet("pairs20", REVIEW / "pairs20_cases.jsonl", "train", "our own reply pairs, round pairs20, tuning cases"),
    ReviewSet("blind15_tune_writing", REVIEW / "blind15_tune_writing.jsonl", "train", "written blind, tuned on"),
    ReviewSet("blind15_heldout_writing", REVIEW / "blind15_heldout_writing.jsonl", "heldout", "written blind"),
    ReviewSet("blind15_tune_pairs", REVIEW / "blind15_tune_pairs.jsonl", "train", "written blind, tuned on"),
    ReviewSet("blind15_heldout_pairs", REVIEW / "blind15_heldout_pairs.jsonl", "heldout", "written blind"),
    ReviewSet("blind16_tune_writing", REVIEW / "blind16_tune_writing.jsonl", "train", "second blind batch, tuned on"),
    ReviewSet("blind16_heldout_writing", REVIEW / "blind16_heldout_writing.jsonl", "heldout", "second blind batch"),
    ReviewSet("blind16_tune_pairs", REVIEW / "blind16_tune_pairs.jsonl", "train", "second blind batch, tuned on"),
    ReviewSet("blind16_heldout_pairs", REVIEW / "blind16_heldout_pairs.jsonl", "heldout", "second blind batch"),
    ReviewSet("blind18_tune_writing", REVIEW / "blind18_tune_writing.jsonl", "train",
              "fourth blind batch, weighted to the families that did not transfer; tuned on"),
    ReviewSet("blind18_tune_pairs", REVIEW / "blind18_tune_pairs.jsonl", "train",
              "fourth blind batch, weighted to the families that did not transfer; tuned on"),
    ReviewSet("blind19_tune_writing", REVIEW / "blind19_tune_writing.jsonl", "train", "fifth blind batch, tune half"),
    ReviewSet("blind19_heldout_writing", REVIEW / "blind19_heldout_writing.jsonl", "heldout", "fifth blind batch"),
    ReviewSet("blind19_tune_pairs", REVIEW / "blind19_tune_pairs.jsonl", "train", "fifth blind batch, tune half"),
    ReviewSet("blind19_heldout_pairs", REVIEW / "blind19_heldout_pairs.jsonl", "heldout", "fifth blind batch"),
    ReviewSet("blind20_tune_writing", REVIEW / "blind20_tune_writing.jsonl", "train", "sixth blind batch, tune half"),
    ReviewSet("blind20_heldout_writing", REVIEW / "blind20_heldout_writing.jsonl", "heldout", "sixth blind batch"),
    ReviewSet("blind20_tune_pairs", REVIEW / "blind20_tune_pairs.jsonl", "train", "sixth blind batch, tune half"),
    ReviewSet("blind20_heldout_pairs", REVIEW / "blind20_heldout_pairs.jsonl", "heldout", "sixth blind batch"),
    ReviewSet("blind21_tune_writing", REVIEW / "blind21_tune_writing.jsonl", "train", "seventh blind batch, tune half"),
    ReviewSet("blind21_heldout_writing", REVIEW / "blind21_heldout_writing.jsonl", "heldout", "seventh blind batch"),
    ReviewSet("blind21_tune_pairs", REVIEW / "blind21_tune_pairs.jsonl", "train", "seventh blind batch, tune half"),
    ReviewSet("blind21_heldout_pairs", REVIEW / "blind21_heldout_pairs.jsonl", "heldout", "seventh blind batch"),
    ReviewSet("blind22_tune_writing", REVIEW / "blind22_tune_writing.jsonl", "train", "eighth blind batch, tune half"),
    ReviewSet("blind22_heldout_writing", REVIEW / "blind22_heldout_writing.jsonl", "heldout", "eighth blind batch"),
    ReviewSet("blind22_tune_pairs", REVIEW / "blind22_tune_pairs.jsonl", "train", "eighth blind batch, tune half"),
    ReviewSet("blind22_heldout_pairs", REVIEW / "blind22_heldout_pairs.jsonl", "heldout", "eighth blind batch"),
    ReviewSet("blind23_tune_writing", REVIEW / "blind23_tune_writing.jsonl", "train", "ninth blind batch, tune half"),
    ReviewSet("blind23_heldout_writing", REVIEW / "blind23_heldout_writing.jsonl", "heldout", "ninth blind batch"),
    ReviewSet("blind23_tune_pairs", REVIEW / "blind23_tune_pairs.jsonl", "train", "ninth blind batch, tune half"),
    ReviewSet("blind23_heldout_pairs", REVIEW / "blind23_heldout_pairs.jsonl", "heldout", "ninth blind batch"),
    ReviewSet("blind24_tune_writing", REVIEW / "blind24_tune_writing.jsonl", "train", "tenth blind batch, tune half"),
    ReviewSet("blind24_heldout_writing", REVIEW / "blind24_heldout_writing.jsonl", "heldout", "tenth blind batch"),
    ReviewSet("blind24_tune_pairs", REVIEW / "blind24_tune_pairs.jsonl", "train", "tenth blind batch, tune half"),
    ReviewSet("blind24_heldout_pairs", REVIEW / "blind24_heldout_pairs.jsonl", "heldout", "tenth blind batch"),
    ReviewSet("blind25_tune_pairs", REVIEW / "blind25_tune_pairs.jsonl", "train",
              "eleventh blind batch (pairs only), tune half"),
    ReviewSet("blind25_heldout_pairs", REVIEW / "blind25_heldout_pairs.jsonl", "heldout",
              "eleventh blind batch (pairs only)"),
    ReviewSet("blind26_tune_pairs", REVIEW / "blind26_tune_pairs.jsonl", "train",
              "twelfth blind batch (pairs only), tune half"),
    ReviewSet("blind26_heldout_pairs", REVIEW / "blind26_heldout_pairs.jsonl", "heldout",
              "twelfth blind batch (pairs only)"),
    ReviewSet("blind17_heldout_writing", REVIEW / "blind17_heldout_writing.jsonl", "heldout",
              "third blind batch, whole, never tuned on"),
    ReviewSet("blind17_heldout_pairs", REVIEW / "blind17_heldout_pairs.jsonl", "heldout",
              "third blind batch, whole, never tuned on"),
)


def analysis_set(metric: str) -> Path:
    """The path of the analysis set `make bench` reports under `metric`."""
    return next(s.path for s in SETS if s.metric == metric)


def review_set(name: str) -> Path:
    """The path of the review set called `name` in `REVIEW_SETS`."""
    return next(s.path for s in REVIEW_SETS if s.name == name)


def load(path: Path) -> list[Case]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cases_of(role: str) -> list[Case]:
    out: list[Case] = []
    for s in SETS:
        if s.role == role and s.path.exists():
            out.extend(load(s.path))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"[。！？!?]+|\n", text):
        end = m.end()
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def labels_at(spans: Iterable[dict[str, Any]], start: int, end: int) -> set[str]:
    return {sp["label"] for sp in spans if sp["start"] < end and sp["end"] > start}


@dataclass
class Score:
    tp: dict[str, int]
    fp: dict[str, int]
    fn: dict[str, int]

    def f1(self, label: str) -> float:
        p = self.precision(label)
        r = self.recall(label)
        return 2 * p * r / (p + r) if p + r else 0.0

    def precision(self, label: str) -> float:
        d = self.tp[label] + self.fp[label]
        return self.tp[label] / d if d else 0.0

    def recall(self, label: str) -> float:
        d = self.tp[label] + self.fn[label]
        return self.tp[label] / d if d else 0.0

    @property
    def macro(self) -> float:
        return sum(self.f1(label) for label in LABELS) / 3

    def per_label(self) -> dict[str, float]:
        return {label: self.f1(label) for label in LABELS}


def score(cases: Iterable[Case], predict: Callable[[str], list[dict[str, Any]]]) -> Score:
    """Sentence-level counts of `predict(text)` (spans with label/start/end) against the gold spans."""
    result = Score(dict.fromkeys(LABELS, 0), dict.fromkeys(LABELS, 0), dict.fromkeys(LABELS, 0))
    for case in cases:
        pred = predict(case["text"])
        for s, e in sentences(case["text"]):
            gold, got = labels_at(case["spans"], s, e), labels_at(pred, s, e)
            for label in LABELS:
                if label in gold and label in got:
                    result.tp[label] += 1
                elif label in got:
                    result.fp[label] += 1
                elif label in gold:
                    result.fn[label] += 1
    return result


def analyser_spans(text: str) -> list[dict[str, Any]]:
    from app.analysis import analyze

    return [{"label": h.kind.value, "start": h.start, "end": h.end} for h in analyze(text).highlights]
