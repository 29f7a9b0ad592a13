"""Train the review's learned scorer (`app.review.learned`): `make review-model`.

For every ask the rules keep (`unanswered_request.asks_to_answer`) and every disclosure of the tuning pairs, with the
cases' gold mail spans, the features of `ask_features` / `told_features` and the label "the writer expects this
reported" (an `expect` of the kind pointing at the span). A logistic regression per kind (scikit-learn, here only;
a fixed seed); its threshold is the one that reads best out of fold (cases grouped, so a mail's spans never train
the fold that scores them), counting a false finding on a good draft twice: a finding on a good draft teaches the
agent to ignore the review. The weights go to `resources/review/meaning_model.json`, read with no library at run
time.

`bench/review_lobo.py` judges the design: it trains with `train` on all batches but one and scores that one.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.model import ReplyStats  # noqa: E402
from app.review import learned  # noqa: E402
from app.review.checks import ignored_disclosure, unanswered_request  # noqa: E402
from app.review.context import ReviewContext  # noqa: E402

SEED = 25
STRENGTHS = (0.1, 0.3, 1.0)  # the inverse regularisations tried (see `train`)
KINDS = ("unanswered_request", "ignored_disclosure")
# The kinds the scorer judges. unanswered_request was tried (the full decision, an add-only and a veto-only scorer)
# and never beat its rules leaving one batch out: tests/data/review/README.md, round pairs25.
VETO_KINDS = ("ignored_disclosure",)
Case = dict[str, Any]
Row = tuple[dict[str, float], int, bool]  # features, label, the case is a good draft


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def case_rows(case: Case) -> dict[str, list[Row]]:
    """The candidates of one case per kind, with features and labels (features do not depend on the weights)."""
    key = json.dumps([case["mail"], case["draft"], case["mail_spans"], case["expect"], case.get("history", [])],
                     ensure_ascii=False, sort_keys=True)
    return _rows(key)


@cache
def _rows(key: str) -> dict[str, list[Row]]:
    mail, draft, spans, expect, history = json.loads(key)
    from bench.review_score import gold_insight

    insight = gold_insight({"mail_spans": spans})
    ctx = ReviewContext(draft, mail, insight, tuple(ReplyStats(None, **h) for h in history))
    out: dict[str, list[Row]] = {kind: [] for kind in KINDS}
    if ctx.unwritten or not ctx.has_mail:
        return out
    by_text = {s["text"]: (s["start"], s["end"]) for s in spans}
    gold = {kind: [by_text[e["ref"]] for e in expect if e["kind"] == kind and e.get("ref") in by_text]
            for kind in KINDS}
    good = not expect
    verdict = unanswered_request.rule_verdict(ctx)
    for (highlight, _), row in zip(verdict.requests, unanswered_request.ask_features(ctx, verdict), strict=True):
        label = int(_overlaps(highlight.start, highlight.end, gold["unanswered_request"]))
        out["unanswered_request"].append((row, label, good))
    if ignored_disclosure.applicable(ctx):
        told = ignored_disclosure.disclosures(ctx)
        found = ignored_disclosure._rule_findings(ctx)
        for highlight, row in zip(told, ignored_disclosure.told_features(ctx, told, found), strict=True):
            assert row is not None
            label = int(_overlaps(highlight.start, highlight.end, gold["ignored_disclosure"]))
            out["ignored_disclosure"].append((row, label, good))
    return out


def _veto_threshold(probabilities: list[float], labels: list[int], good: list[bool]) -> tuple[float, int]:
    """The cut under which a rule finding is withdrawn: the one that withdraws most false findings net of true ones,
    a false finding on a good draft counted twice; 0.0 (withdraw nothing) unless some cut gains. With its gain."""
    best, gain = 0.0, 0
    for cut in sorted({round(p, 3) for p in probabilities}):
        net = sum((2 if g else 1) if not y else -1
                  for p, y, g in zip(probabilities, labels, good, strict=True) if p < cut)
        if net > gain:
            best, gain = cut, net
    return best, gain


def train(cases: list[Case], groups: list[str] | None = None) -> dict[str, Any]:
    """Weights per kind of `VETO_KINDS` from `cases`, with a fixed seed. `groups` names each case's batch (its
    writer): the regularisation (of `STRENGTHS`) and the threshold are the ones that gain most on out-of-fold
    probabilities, one batch left out at a time — chosen inside the training cases, so that leaving a batch out in
    `bench/review_lobo.py` leaves it out of every choice."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    groups = groups or [str(number % 5) for number in range(len(cases))]
    model: dict[str, Any] = {"seed": SEED, "cases": len(cases)}
    per_case = [case_rows(case) for case in cases]
    for kind in VETO_KINDS:
        # The scorer judges only the spans the rules report (a veto): it can withdraw a finding, never add one.
        rows = [(row, label, good, groups[number]) for number, rows in enumerate(per_case)
                for row, label, good in rows[kind] if row["rule"]]
        names = sorted(rows[0][0]) if rows else []
        x = np.array([[row[name] for name in names] for row, _, _, _ in rows])
        y = np.array([label for _, label, _, _ in rows])
        batch = np.array([g for _, _, _, g in rows])
        good = [g for _, _, g, _ in rows]
        if len(set(y)) < 2:  # every rule finding true (or none): nothing to learn, nothing withdrawn
            model[kind] = {"veto": True, "features": names, "weights": [0.0] * len(names), "bias": 0.0,
                           "threshold": 0.0, "C": 0.0, "rows": len(rows), "true_findings": int(y.sum())}
            continue

        def fitted(xs: Any, ys: Any, strength: float) -> Any:
            return LogisticRegression(C=strength, max_iter=3000, random_state=SEED).fit(xs, ys)

        chosen = (0.0, 0.0, 0)  # C, threshold, gain
        for strength in STRENGTHS:
            out_of_fold = np.ones(len(rows))
            for name in sorted(set(batch)):
                test_at = batch == name
                if len(set(y[~test_at])) == 2:
                    out_of_fold[test_at] = fitted(x[~test_at], y[~test_at], strength).predict_proba(x[test_at])[:, 1]
            cut, gain = _veto_threshold([float(p) for p in out_of_fold], [int(v) for v in y], good)
            if gain > chosen[2]:
                chosen = (strength, cut, gain)
        strength, cut, _ = chosen
        final = fitted(x, y, strength or STRENGTHS[0])
        model[kind] = {
            "veto": True,
            "features": names,
            "weights": [round(float(w), 6) for w in final.coef_[0]],
            "bias": round(float(final.intercept_[0]), 6),
            "threshold": cut,
            "C": strength,
            "rows": len(rows),
            "true_findings": int(y.sum()),
        }
    return model


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=learned.MODEL_PATH)
    args = parser.parse_args(argv)
    from bench.review_lobo import batches

    by_batch = batches()
    cases = [case for more in by_batch.values() for case in more]
    model = train(cases, [name for name, more in by_batch.items() for _ in more])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for kind in VETO_KINDS:
        part = model[kind]
        print(f"{kind}: {part['rows']} rule findings, {part['true_findings']} true, "
              f"veto under {part['threshold']} (C {part['C']})")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
