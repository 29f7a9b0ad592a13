"""The review on our tune and held-out case sets, with the cases' gold mail spans.

`tune_cases.jsonl` (20 cases) is what the review's rules were tuned on;
`heldout_cases.jsonl` (20 cases, written at the same time and split off by a
fixed rule before any scoring: odd case numbers tune, even ones held out) was
scored only at the start and at the end. The bars are the honest final figures
rounded down, not targets: the held-out set's weakest kind (ignored_disclosure,
recall 0.82) is why its recall bar is below the tune set's.
"""

from __future__ import annotations

import pytest

from bench.eval_sets import review_set
from bench.review_score import SCORED, gold_insight, load_cases, precision_recall, score

MAIL_SIDE = {"unanswered_request", "ignored_disclosure", "unacknowledged_worry"}

# (file, min precision, min recall) over the six scored kinds, gold spans.
BARS = [
    # final: 1.00 / 1.00. Round pairs25 (session 10) added a learned veto that withdraws an ignored_disclosure
    # finding when the reply is warm enough about that kind of news (app/review/learned.py): leaving one writer's
    # batch out, its precision rose 0.84 -> 0.92 and false findings on good drafts fell 18 -> 10 of 310, at a recall
    # cost of 0.84 -> 0.79; here it withdraws one of four true findings (recall 0.75). Reported, not tuned back.
    ("tune", 0.95, 0.75),
    # final: 0.90 / 0.82 (start: 0.89 / 0.33). Round pairs24 (session 9), which never ran this set, judges an
    # acknowledgement by what the reply reacts to rather than by words it shares with an answer: ignored_disclosure
    # recall here fell to 0.73 (8 of 11), while on the two fresh blind batches written that session its precision
    # rose (0.56 -> 0.64, 0.76 -> 0.87) at a recall cost of 0.04 and 0. Reported, not tuned back.
    ("heldout", 0.85, 0.70),
]


@pytest.mark.parametrize(("name", "min_precision", "min_recall"), BARS)
def test_review_set_with_gold_spans(name: str, min_precision: float, min_recall: float) -> None:
    counts = score(load_cases([review_set(name)]), gold_insight)
    figures = {kind: precision_recall(counts[kind]) for kind in SCORED}
    worst_p = min(p for p, _ in figures.values())
    worst_r = min(r for _, r in figures.values())
    assert worst_p >= min_precision, figures
    assert worst_r >= min_recall, figures


@pytest.mark.parametrize("name", [name for name, _, _ in BARS])
def test_case_set_follows_the_format(name: str) -> None:
    cases = load_cases([review_set(name)])
    assert len(cases) == 20
    assert len({c["id"] for c in cases}) == 20
    kinds = {e["kind"] for c in cases for e in c["expect"]}
    assert kinds == set(SCORED), "every scored kind has positives in each set"
    assert sum(1 for c in cases if not c["expect"]) >= 5, "drafts that need no change"
    for case in cases:
        spans = {s["text"]: s["label"] for s in case["mail_spans"]}
        for span in case["mail_spans"]:
            assert case["mail"][span["start"] : span["end"]] == span["text"]
            assert not span["text"].endswith(("。", "？", "?"))
        for expect in case["expect"]:
            if expect["kind"] in MAIL_SIDE:
                assert expect["draft_text"] is None
                assert spans.get(expect["ref"]) == expect["kind"].split("_")[-1]
            else:
                assert expect["ref"] is None and expect["draft_text"] in case["draft"]
