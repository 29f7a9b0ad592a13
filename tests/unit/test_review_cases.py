"""The review against case files: our own cases always, the shared dev set when present.

Mail highlights come from each case's gold `mail_spans`, so these tests measure
the review itself; the analyser is scored separately.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.model import Highlight, HighlightKind, Insight, ReplyStats
from app.review import review_draft
from bench.eval_sets import review_set

OWN = review_set("own")
SHARED = review_set("dev")
MAIL_SIDE = {"unanswered_request", "ignored_disclosure", "unacknowledged_worry"}
SCORED = MAIL_SIDE | {"refusal_without_alternative", "tone_cold", "tone_overfamiliar"}


def _cases(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check(case: dict[str, Any]) -> None:
    insight = Insight(tuple(Highlight(HighlightKind(s["label"]), s["start"], s["end"]) for s in case["mail_spans"]))
    # Optional: our earlier replies to the customer (length and warmth counts), oldest first.
    history = [ReplyStats(None, **h) for h in case.get("history", [])]
    findings = review_draft(case["draft"], case["mail"], insight, history)
    expected_kinds = {e["kind"] for e in case["expect"]}
    got = [f for f in findings if f.kind.value in SCORED | expected_kinds]
    unmatched = list(got)
    for expect in case["expect"]:
        def matches(f: Any, expect: dict[str, Any] = expect) -> bool:
            if f.kind.value != expect["kind"]:
                return False
            if expect["kind"] in MAIL_SIDE:
                span = next(s for s in case["mail_spans"] if s["text"] == expect["ref"])
                return f.ref is not None and f.ref.start < span["end"] and f.ref.end > span["start"]
            if expect["kind"] in SCORED or not expect.get("draft_text"):
                return True  # about the reply as a whole (tone, consistency with history)
            start = case["draft"].index(expect["draft_text"])
            return f.start < start + len(expect["draft_text"]) and f.end > start

        hit = next((f for f in unmatched if matches(f)), None)
        assert hit is not None, f"{case['id']}: missing {expect}"
        unmatched.remove(hit)
    extra = [(f.kind.value, case["draft"][f.start : f.end], f.message) for f in unmatched]
    assert not extra, f"{case['id']}: unexpected {extra}"


def test_own_cases_cover_every_kind() -> None:
    from app.model import FindingKind

    kinds = {e["kind"] for c in _cases(OWN) for e in c["expect"]}
    assert len(_cases(OWN)) >= 20
    assert kinds == {k.value for k in FindingKind}


@pytest.mark.parametrize("case", _cases(OWN), ids=lambda c: c["id"])
def test_own_case(case: dict[str, Any]) -> None:
    _check(case)


def test_shared_dev_cases() -> None:
    if not SHARED.exists():
        pytest.skip("../shared/eval is not present")
    for case in _cases(SHARED):
        _check(case)
