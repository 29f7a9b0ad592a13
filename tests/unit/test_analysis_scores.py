"""Sentence-level quality: our own cases, every evaluation set, and the shared development sets.

Scoring is `bench.eval_sets.score` (the shared scorer's rule, reimplemented there, not imported:
split at 。！？!? and line breaks, count a sentence positive for a label when any span of that
label overlaps it; macro F1 over the three labels); the shared scorer itself runs on the
shared dev sets below.
"""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest

from bench.eval_sets import LABELS, ROOT, SETS, SHARED_EVAL, analyser_spans, analysis_set, load, score

# Every set is named by the metric `make bench` reports it under (bench/eval_sets.py, the one table).
_OWN = analysis_set("own_macro_f1")
_SHARED = SHARED_EVAL


def macro_f1(cases: list[dict[str, Any]]) -> tuple[float, dict[str, float]]:
    figures = score(cases, analyser_spans)
    return figures.macro, figures.per_label()


def test_own_cases_are_well_formed() -> None:
    cases = load(_OWN)
    assert len(cases) >= 33
    assert sum(1 for c in cases if len(c["text"]) >= 1300) >= 3
    for case in cases:
        for span in case["spans"]:
            assert case["text"][span["start"] : span["end"]] == span["text"]
            assert span["label"] in LABELS


def test_own_cases_macro_f1() -> None:
    macro, per_label = macro_f1(load(_OWN))
    assert macro >= 0.85, per_label
    assert min(per_label.values()) >= 0.8, per_label


# Unseen-mail sets: 54 mails written after the analyser, split before scoring by line
# (odd → tune, even → held-out). Rules were tuned on the tune set's misses only; the
# held-out set measures what to expect on mail nobody has looked at. The bars sit
# just under the scores reached (tune 0.98, held-out 0.88), so a regression fails.
@pytest.mark.parametrize(("name", "bar", "label_bar"), [
    ("unseen_tune_macro_f1", 0.95, 0.90),
    ("unseen_heldout_macro_f1", 0.85, 0.80),
])
def test_unseen_sets_macro_f1(name: str, bar: float, label_bar: float) -> None:
    cases = load(analysis_set(name))
    assert len(cases) == 27
    macro, per_label = macro_f1(cases)
    assert macro >= bar, per_label
    assert min(per_label.values()) >= label_bar, per_label


# Later rounds, each written before the analyser ran on it. Round 2 (40 mails, split by line:
# odd → tune2, even → held-out2; start 0.96 / 0.93, final 1.00 / 0.93). Round 5 (40 mails by a
# session that never saw the analyser, split the same way; tune5 0.88 -> 0.94 after rules fitted
# to its misses, held-out5 0.90 -> 0.92). Round 6 (30 more, never tuned on: 0.94). The bars sit
# just under the scores reached, so a regression fails.
@pytest.mark.parametrize(("name", "count", "bar", "label_bar"), [
    ("unseen2_tune_macro_f1", 20, 0.95, 0.90),
    ("unseen2_heldout_macro_f1", 20, 0.90, 0.84),
    ("unseen5_tune_macro_f1", 20, 0.91, 0.88),
    ("unseen5_heldout_macro_f1", 20, 0.89, 0.85),
    ("unseen6_macro_f1", 30, 0.91, 0.88),
])
def test_unseen_rounds_macro_f1(name: str, count: int, bar: float, label_bar: float) -> None:
    cases = load(analysis_set(name))
    assert len(cases) == count
    macro, per_label = macro_f1(cases)
    assert macro >= bar, per_label
    assert min(per_label.values()) >= label_bar, per_label
    for case in cases:
        for span in case["spans"]:
            assert case["text"][span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize(("tune", "held"), [("unseen2_tune", "unseen2_heldout"), ("unseen5_tune", "unseen5_heldout")])
def test_split_rounds_share_no_mail(tune: str, held: str) -> None:
    tuned = {c["id"] for c in load(analysis_set(f"{tune}_macro_f1"))}
    assert tuned and not tuned & {c["id"] for c in load(analysis_set(f"{held}_macro_f1"))}


def test_unseen_sets_are_well_formed_and_disjoint() -> None:
    tune, held = load(analysis_set("unseen_tune_macro_f1")), load(analysis_set("unseen_heldout_macro_f1"))
    assert not {c["id"] for c in tune} & {c["id"] for c in held}
    cases = tune + held
    assert sum(1 for c in cases if 1500 <= len(c["text"]) <= 2200) >= 4
    for case in cases:
        for span in case["spans"]:
            assert case["text"][span["start"] : span["end"]] == span["text"]
            assert span["label"] in LABELS


def test_scoring_function_can_fail() -> None:
    """Guard for the metric itself: an analyser that hears nothing scores zero."""
    cases = load(_OWN)
    empty = [{"text": c["text"], "spans": []} for c in cases]
    # With no gold spans there are no true positives, so F1 is 0 for every label.
    assert macro_f1(empty)[0] == 0.0


@pytest.mark.parametrize("name", ["analysis_dev.jsonl", "analysis_dev_long.jsonl"])
def test_shared_dev_sets_with_the_shared_scorer(name: str) -> None:
    scorer = _SHARED / "score_analysis.py"
    if not scorer.exists() or not (_SHARED / name).exists():
        pytest.skip("../shared/eval is not present")
    result = subprocess.run(
        [sys.executable, str(scorer), str(_SHARED / name), sys.executable, "-m", "app.cli"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    scores = dict(re.findall(r"(\w+)=([0-9.]+)", summary))
    assert float(scores["macro"]) >= 0.92, summary
    for label in LABELS:
        assert float(scores[label]) >= 0.88, summary


# The analyser as it ships (rules and the learned layer), on every set of bench/eval_sets.py that
# is not trained on. The bars sit 0.02 under the figures measured when the learned layer was
# committed (the corpus held-out part, never tuned on: 0.873), so a
# regression fails; the sets' roles come from the one table.
_BARS = {
    "dev_macro_f1": 0.95, "dev_long_macro_f1": 0.95, "corpus_dev_macro_f1": 0.87,
    "corpus_heldout_macro_f1": 0.85, "unseen_heldout_macro_f1": 0.88, "unseen2_heldout_macro_f1": 0.95,
    "unseen4a_macro_f1": 0.87, "unseen4b_macro_f1": 0.93, "unseen5_heldout_macro_f1": 0.93,
    "unseen6_macro_f1": 0.94,
}


@pytest.mark.parametrize("metric", sorted(_BARS))
def test_the_analyser_as_it_ships_on_sets_it_was_not_trained_on(metric: str) -> None:
    evaluated = next(s for s in SETS if s.metric == metric)
    assert evaluated.role != "train"
    if not evaluated.path.exists():
        pytest.skip(f"{evaluated.path} is not present (../shared/eval)")
    figures = score(load(evaluated.path), analyser_spans)
    assert figures.macro >= _BARS[metric], figures.per_label()


def test_every_set_that_is_not_trained_on_has_a_bar() -> None:
    assert {s.metric for s in SETS if s.role != "train"} == set(_BARS)
