"""The review on cases written blind (issue 15): writing checks and reply pairs, tune and held-out halves.

    .venv/bin/python bench/review_heldout.py [--verbose] [--tune]

`tests/data/review/blind15_*_writing.jsonl` — one or two sentences of an agent's reply each,
`{"id", "text", "errors": [{"family", "text", "fix"}]}` (`errors` empty for a correct text),
written by a helper session that never read the review. Named recall: an error counts as
caught when a finding of its family's kind overlaps the error's text. A false alarm: a
correct text on which the review reports anything at all (any kind, tone included).

`tests/data/review/blind15_*_pairs.jsonl` — mail + draft pairs in the shared review format,
scored per kind with `bench/review_score.py`'s matching, on the pairs' own gold mail spans
and on the analyser's.

History, so the figures are read right: the 400 writing cases and 40 pairs were written in one
batch by a helper that never read the review, and scored once whole (named recall 0.800 at 2.3 %
false alarms; reply pairs min P 0.55, min R 0.83 with gold spans). Then they were split by id
(odd → tune, even → held-out); the checks were tuned on the tune half's misses only. The
held-out half is measured, never tuned on: a change made because of one of its cases must say so here.

Round review15b (tuned on the tune half's misses only, with general rules and our own test sentences; the
held-out half run once at the end, never with --verbose; no change was made because of a held-out case):
- tune half: named recall 0.789 -> 1.000, false alarms 0.000 -> 0.000 (58 correct texts); reply pairs with
  gold spans min P 0.50 -> 1.00, min R 0.86 -> 1.00; with the analyser's spans min P 0.40 -> 0.67, min R
  0.57 -> 0.71 (what is left: the analyser labels a disclosure as a worry, and misses one).
- held-out half: named recall 0.812 -> 0.859, false alarms 0.042 -> 0.042 (72 correct texts); reply pairs
  unchanged: min P 0.50 (unanswered_request), min R 0.67 (tone_cold), with gold and analyser spans alike.

A second batch, blind16 (`tests/data/review/README.md`), was split odd/even on arrival like the first.
`--tune` now scores both tune halves (each batch, then together); the default run and `make bench` report
both held-out halves, each batch under its own names and together (`writing_heldout_all_*`,
`review_heldout_all_*`). `--verbose` lists cases of the tune halves only.

Round review15c (tuned on both tune halves' misses and on our own sentences, with general rules —
business manners, cold and over-familiar tone, honorific direction, させていただく, バイト敬語, answers
recognised by their shape, next steps as alternatives; tests/unit/test_review_writing15c.py; the held-out
halves run once at the end, never with --verbose; no change was made because of a held-out case):
- blind15 tune: named recall 1.000 -> 1.000, false alarms 0.000 -> 0.000 (58 correct texts); pairs with gold
  spans min P/R 1.00/1.00 -> 1.00/1.00; analyser spans 0.67/1.00 -> 0.67/0.86 (the drop came with main's
  retrained analyser, merged mid-round, not with a review change).
- blind16 tune: named recall 0.797 -> 1.000, false alarms 0.000 -> 0.000 (41 correct texts); pairs with gold
  spans min P 0.60 -> 1.00, min R 0.50 -> 1.00; analyser spans 0.60/0.50 -> 1.00/1.00.
- blind15 held-out: named recall 0.859 -> 0.891, false alarms 0.042 -> 0.042 (72 correct texts); pairs with
  gold spans min P 0.50 -> 0.50 (unanswered_request, tp=3 fp=3), min R 0.67 (tone_cold) -> 0.75
  (unanswered_request; tone_cold now 1.00); analyser spans 0.50/0.67 -> 0.50/0.75.
- blind16 held-out: named recall 0.752 -> 0.778, false alarms 0.061 -> 0.061 (49 correct texts); weakest
  families over_familiar 3/9, cold 4/10, baito_keigo 4/8; pairs with gold spans min P 0.50 -> 0.67
  (unanswered_request), min R 0.75 -> 0.86 (ignored_disclosure); analyser spans min P 0.40, min R 0.71.
- both held-out halves together: named recall 0.837 (245 errors) at 5.0 % false alarms (121 correct texts);
  pairs with gold spans min P 0.56, min R 0.83 (unanswered_request both). The tune halves went to 1.000 while
  the held-out halves moved little: the widened rules still follow the tune halves' phrasings more than the
  families' whole ground, so these held-out figures, not the tune ones, are the measure.

A third batch, blind17 (400 writing cases, 120 of them correct texts, at least 45 looking wrong; 60 pairs), was
written by another helper session that never read the review nor the earlier batches, and is kept whole as a
held-out batch: nothing is tuned on it. Scored on arrival with the review15c checks: named recall 0.839 at 4.2 %
false alarms (weakest: baito_keigo 7/14, business 10/18, cold 8/14, over_familiar 8/12, sasete_overuse 8/12,
typo 7/10); pairs with gold spans min P 0.70, min R 0.78 (unanswered_request), analyser spans 0.64 / 0.73.

Round 20 (writing checks widened family by family by principle — Sudachi's parts of speech where the grammar
decides, complete lists where a list is the family — on our own cases, tests/data/review/writing20_cases.jsonl;
no held-out half was opened, listed or run by that round, and no change came from a held-out case): both tune
halves stayed at named recall 1.000 with 0 false alarms (99 correct texts). The held-out halves and blind17 are
left for a run outside the round, so the figures above are still the last held-out ones.

Round pairs20 (the meaning checks by principle on 101 pairs of our own, pairs20_cases.jsonl; what it saw of
held-out data by accident is written in tests/data/review/README.md). After both rounds, every held-out half
and blind17 run once:
- blind15 held-out: named recall 0.891 -> 0.914, false alarms 0.042 -> 0.028 (72 correct texts); pairs
  unchanged, gold min P 0.50 / min R 0.75 (unanswered_request).
- blind16 held-out: named recall 0.778 -> 0.821, false alarms 0.061 -> 0.020 (49); pairs unchanged, gold
  0.67 / 0.86.
- blind17 (whole): named recall 0.839 -> 0.857, false alarms 0.042 -> 0.017 (120); baito_keigo 7/14,
  business 10/18 and cold 8/14 did not move although the widened rules catch 0.96–1.00 of our own cases of
  those families (the blind writer's phrasings there are still outside them); over_familiar 8/12 -> 11/12.
  Pairs gold min P 0.70 -> 0.78, min R 0.78 (unanswered_request); analyser spans 0.70 / 0.73.
- all three together: named recall 0.838 -> 0.863, false alarms 0.046 -> 0.021 (241 correct texts); pairs
  gold min P 0.63 -> 0.67, min R 0.80; analyser 0.55 -> 0.57 / 0.75. False alarms are under the 3 % bar;
  named recall (0.90) and the pairs (0.90) are not. The pairs' gains on our own cases (gold min P 0.50 ->
  0.89) did not carry to pairs written by others.

Round review18 (a fourth blind batch, blind18, written as a tune batch and weighted to the families that had
not moved; every miss read for its construction and the check widened for it, tests/unit/test_review_writing18.py;
no held-out data opened). The held-out halves and blind17 run a second time this session, after it:
- blind15 held-out 0.914 -> 0.945 (2.8 % false alarms); blind16 held-out 0.821 -> 0.838 (2.0 %); blind17
  0.857 -> 0.900 (1.7 %; baito_keigo 7 -> 8/14, business 10 -> 12/18, cold 8 -> 12/14, typo 7 -> 8/10).
- all three together: named recall 0.863 -> 0.897 at 2.1 % false alarms (241 correct texts); pairs gold min
  P 0.67 -> 0.71, min R 0.80 (unanswered_request).

Two more batches, blind19 and blind20 (`tests/data/review/README.md`), written at once by two helper sessions that
never read the review nor any earlier batch, each split by id on arrival (odd → tune, even → held-out) and scored once
whole before anything changed (the checks of session 6's last commit):
- blind19 (200 writing cases, 60 correct; 80 pairs): named recall 0.914 at 1.7 % false alarms (typo 2/5, cold 8/10,
  over_familiar 8/10); pairs gold min P 0.63 / min R 0.60 (unanswered_request, tp=12 fp=7 fn=8), ignored_disclosure
  P 0.77 / R 0.81; analyser spans min P 0.52 / R 0.60.
- blind20 (260 writing cases, 60 correct; 80 pairs): named recall 0.916 at 5.0 % false alarms (cold 7/11,
  honorific_direction 9/12, baito_keigo 9/11, business 9/11); pairs gold min P 0.65 (unanswered_request, tp=17
  fp=9) / min R 0.62 (refusal_without_alternative), ignored_disclosure R 0.70; analyser spans min P 0.53 / R 0.62.
The writing checks carried to both new batches (0.91 against 0.84 for blind17 on its arrival); the reply pairs did
not (0.60–0.65 against 0.70–0.78 on blind17's arrival).

Rounds writing21 and pairs21 tuned on the blind19/20 tune halves only (writing named recall 0.926 / 0.913 -> 1.000 /
0.981 at 0 false alarms; pairs every kind ≥ 0.93 with gold and analyser spans), with our own cases
(writing21_cases.jsonl, the p21_ pairs). What they saw of held-out data: pairs21 used the pass/fail of
tests/unit/test_review_sets.py (the older heldout_cases.jsonl) to narrow three rules and saw its figures once;
writing21 ran one `grep -l` whose file-name output included the held-out halves (no text; nothing changed for it).
Every held-out half and blind17 then run once, in `make bench`, at the session's end:
- writing, all held-out batches together: named recall 0.897 -> 0.914 (697 errors) at 2.1 % -> 2.7 % false alarms
  (299 correct texts); blind15 0.945 -> 0.953, blind16 0.838 -> 0.846, blind17 0.900 -> 0.914, blind19 held-out 0.944
  at 0 %, blind20 held-out 0.920 at 10 % (3 of its 30 correct texts, the three the whole batch had on arrival).
- pairs, all held-out halves together: gold min P 0.71 -> 0.65 (unanswered_request), min R 0.80 -> 0.80
  (ignored_disclosure); analyser spans 0.60 -> 0.61 / 0.75 -> 0.76. blind19 held-out gold min P 0.64 / R 0.75
  (unanswered_request), blind20 held-out 0.64 / 0.40 (unacknowledged_worry 2 of 5, refusal_without_alternative 2 of 5).
  The pairs' gains on the tune halves (min P 0.60 -> 0.95) did not carry to the held-out halves of the same batches:
  each writer's pairs are few per kind (2–14), and the meaning checks still follow the phrasings they were tuned on.

A seventh batch, blind21 (200 writing cases, 60 correct; 100 pairs, 32 good drafts), written blind and split by id on
arrival, was scored whole on session 7's checks: writing named recall 0.950 at 3.3 % false alarms; pairs gold
unanswered_request P 0.40 / R 0.62, ignored_disclosure 0.73 / 0.76 (held-out half alone: min P 0.41 / min R 0.58).
Round pairs22 (principles written into each check's docstring, 108 pairs of its own, never reading blind21) moved the
whole batch to 0.43 / 0.62 and 0.75 / 0.75. Round pairs23 then tuned on blind21's tune half only (an ask answered when
the reply names its topic, a "can" not closing another ask, a choice answered by naming one; a condolence hearing a
death): tune half unanswered_request 0.43 / 0.64 -> 0.67 / 0.71. The held-out halves, run once at the session's end
in `make bench`:
- writing, all held-out batches: named recall 0.914 -> 0.917 (767 errors) at 2.7 % false alarms (329 correct texts);
  blind21 held-out 0.943 at 0 %.
- pairs, blind21 held-out: unanswered_request gold P 0.41 / R 0.58 — the same as on arrival: pairs23's gains on the
  tune half did not carry to the other half of the same writer's batch; ignored_disclosure 0.74 / 0.72,
  refusal_without_alternative 0.83 / 0.83. All held-out halves together: gold min P 0.61 / min R 0.73
  (unanswered_request), analyser spans 0.56 / 0.71.

Session 13: a twelfth batch, blind26 (100 pairs, pairs only), split by id on arrival and scored whole once (see
tests/data/review/README.md); rounds urq28 and idp29 tuned on the tune halves only (never on blind26's, which arrived
after urq28 began; idp29 saw it). The held-out halves, run once at the session's end in `make bench`: all together
gold min P 0.63 -> 0.60, min R 0.43 -> 0.49 (unanswered_request both), analyser spans 0.52 / 0.46; blind26 held-out
unanswered_request 0.54 / 0.58 on arrival -> 0.50 / 0.58, ignored_disclosure 0.53 / 0.53 -> 0.59 / 0.59,
unacknowledged_worry 0.90 / 0.75; writing, all held-out batches 0.920 at 2.7 % (unchanged).

Session 14: round review30 tuned unanswered_request on the tune halves only (leave one batch out). The held-out
halves, run once at the session's end: all together gold min P 0.60 -> 0.59, min R 0.49 -> 0.50 (unanswered_request
both); blind26 held-out unanswered_request 0.50 / 0.58 -> 0.53 / 0.67, ignored_disclosure 0.59 / 0.59 (unchanged);
writing 0.920 at 2.7 % (unchanged).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.model import FindingKind  # noqa: E402
from app.review import review_draft  # noqa: E402
from bench.eval_sets import REVIEW as REVIEW_DIR  # noqa: E402
from bench.eval_sets import REVIEW_SETS, review_set  # noqa: E402

# The blind batches, each split on arrival into a tune half and a held-out half (never tuned on).
BATCHES = ("blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23",
           "blind24", "blind25", "blind26")
WRITING = review_set("blind15_heldout_writing")
PAIRS = review_set("blind15_heldout_pairs")
TUNE_WRITING = review_set("blind15_tune_writing")
TUNE_PAIRS = review_set("blind15_tune_pairs")


def half_paths(half: str) -> list[tuple[str, Path, Path]]:
    """(batch, writing file, pairs file) of each blind batch's `half` ("tune" or "heldout"), from the one table."""
    names = {s.name for s in REVIEW_SETS}
    # blind17 has no tune half: it is held-out whole. blind25 and blind26 have pairs only (no writing path).
    return [(batch, REVIEW_DIR / f"{batch}_{half}_writing.jsonl", review_set(f"{batch}_{half}_pairs"))
            for batch in BATCHES if f"{batch}_{half}_pairs" in names or f"{batch}_{half}_writing" in names]


FAMILY_KINDS: dict[str, tuple[FindingKind, ...]] = {
    "lookalike": (FindingKind.LOOKALIKE_CHAR,),
    "redundant": (FindingKind.REDUNDANT,),
    "double_negative": (FindingKind.DOUBLE_NEGATIVE,),
    "misused": (FindingKind.MISUSED_WORD,),
    "sasete_overuse": (FindingKind.SASETE_OVERUSE, FindingKind.KEIGO_DOUBLE),
    "particle_repeat": (FindingKind.PARTICLE_REPEAT,),
    "sa_ire": (FindingKind.SA_IRE,),
    "ra_nuki": (FindingKind.RANUKI,),
    "i_nuki": (FindingKind.INUKI,),
    "double_keigo": (FindingKind.KEIGO_DOUBLE,),
    "honorific_direction": (FindingKind.KEIGO_DIRECTION,),
    "baito_keigo": (FindingKind.KEIGO_BAITO,),
    "mixed_style": (FindingKind.STYLE_MIXED,),
    "long_sentence": (FindingKind.LONG_SENTENCE,),
    "machine_char": (FindingKind.MACHINE_DEPENDENT_CHAR,),
    "halfwidth_kana": (FindingKind.HALFWIDTH_KANA,),
    "business": (FindingKind.BUSINESS_MANNER,),
    "typo": (FindingKind.TYPO,),
    "cold": (FindingKind.TONE_COLD,),
    "over_familiar": (FindingKind.TONE_OVERFAMILIAR,),
}
# The whole-draft states that say nothing about a text's writing.
NOT_A_FINDING = frozenset({FindingKind.NOT_WRITTEN})

Case = dict[str, Any]


def _load(path: Path) -> list[Case]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_writing(cases: list[Case], log: list[str] | None = None) -> dict[str, Any]:
    """Per family caught/total, and false alarms on the correct texts."""
    families: dict[str, list[int]] = {}
    alarms = negatives = 0
    for case in cases:
        text = case["text"]
        findings = [f for f in review_draft(text) if f.kind not in NOT_A_FINDING]
        if not case["errors"]:
            negatives += 1
            if findings:
                alarms += 1
                if log is not None:
                    log.append(f"FA {case['id']}: {text} <- {[f.kind.value for f in findings]}")
            continue
        for error in case["errors"]:
            start = text.find(error["text"])
            end = start + len(error["text"])
            kinds = FAMILY_KINDS[error["family"]]
            caught = any(f.kind in kinds and f.start < end and f.end > start for f in findings) or any(
                f.kind in kinds and f.kind in (FindingKind.TONE_COLD, FindingKind.TONE_OVERFAMILIAR,
                                                FindingKind.STYLE_MIXED, FindingKind.LONG_SENTENCE)
                for f in findings)  # whole-text findings point at one place of the text, not at the error
            counts = families.setdefault(error["family"], [0, 0])
            counts[0] += caught
            counts[1] += 1
            if not caught and log is not None:
                log.append(f"FN {error['family']:20} {case['id']}: {error['text']} in {text} "
                           f"<- {[f.kind.value for f in findings]}")
    caught = sum(c for c, _ in families.values())
    total = sum(t for _, t in families.values())
    return {"families": families, "recall": caught / total if total else 0.0,
            "false_alarms": alarms / negatives if negatives else 0.0, "negatives": negatives, "errors": total}


def score_pairs(log: list[str] | None = None, path: Path | list[Path] = PAIRS) -> dict[str, dict[str, Any]]:
    """Per kind precision and recall on the blind pairs, with their gold mail spans and with the analyser's."""
    from bench.review_score import SCORED, analysed_insight, gold_insight, precision_recall, score

    cases = [case for one in ([path] if isinstance(path, Path) else path) for case in _load(one)]
    results: dict[str, dict[str, Any]] = {}
    for spans, insight_of in (("gold", gold_insight), ("analyser", analysed_insight)):
        counts = score(cases, insight_of, log if spans == "gold" else None)
        for kind in SCORED:
            p, r = precision_recall(counts[kind])
            c = counts[kind]
            results[f"{kind}_{spans}_P"] = {"value": round(p, 2), "unit": "P",
                                             "target": f"≥ 0.90 (written blind; tp={c['tp']} fp={c['fp']})"}
            results[f"{kind}_{spans}_R"] = {"value": round(r, 2), "unit": "R",
                                             "target": f"≥ 0.90 (written blind; tp={c['tp']} fn={c['fn']})"}
    return results


def _minimum(figures: dict[str, dict[str, Any]], spans: str, measure: str) -> tuple[float, str]:
    """The lowest P or R over the kinds with one kind of spans, and the kind it belongs to."""
    name, figure = min(((n, f) for n, f in figures.items() if n.endswith(f"_{spans}_{measure}")),
                       key=lambda item: item[1]["value"])
    return figure["value"], name.removesuffix(f"_{spans}_{measure}")


def _writing_figures(prefix: str, figures: dict[str, Any], note: str) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {
        f"{prefix}_named_recall": {
            "value": round(figures["recall"], 3), "unit": "recall",
            "target": f"≥ 0.90 ({figures['errors']} errors, {note})"},
        f"{prefix}_false_alarms": {
            "value": round(figures["false_alarms"], 3), "unit": "share",
            "target": f"≤ 0.03 ({figures['negatives']} correct texts that look wrong)"},
    }
    for family, (caught, total) in sorted(figures["families"].items()):
        results[f"{prefix}_{family}_recall"] = {"value": round(caught / total, 2), "unit": "recall",
                                               "target": f"({caught}/{total})"}
    return results


def _pair_minimums(prefix: str, figures: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for spans in ("gold", "analyser"):
        for measure in ("P", "R"):
            value, kind = _minimum(figures, spans, measure)
            results[f"{prefix}_{spans}_min_{measure}"] = {"value": value, "unit": measure,
                                                         "target": f"≥ 0.90 (lowest: {kind})"}
    return results


def bench_review_heldout() -> dict[str, dict[str, Any]]:
    """Both blind batches' held-out halves: blind15 under its first names, blind16 beside it, then both together.

    blind15's metric names are kept from the first round (`writing_heldout_*`, `review_heldout15_*`);
    blind16's are `writing_heldout16_*` and `review_heldout16_*`; both together `writing_heldout_all_*`
    and `review_heldout_all_*` (minimums over the kinds only, the per-kind figures are in the two above).
    Each batch's pairs also get their minimums over the kinds (`review_heldout15_gold_min_P`…).
    """
    results: dict[str, dict[str, Any]] = {}
    writing_all: list[Case] = []
    pairs_all: list[Path] = []
    for batch, writing, pairs in half_paths("heldout"):
        writing_prefix = "writing_heldout" if batch == "blind15" else f"writing_heldout{batch[-2:]}"
        if writing.exists():
            cases = _load(writing)
            writing_all += cases
            results.update(_writing_figures(writing_prefix, score_writing(cases), f"{batch}, never tuned on"))
        if pairs.exists():
            pairs_all.append(pairs)
            figures = score_pairs(path=pairs)
            for name, value in figures.items():
                results[f"review_heldout{batch[-2:]}_{name}"] = value
            results.update(_pair_minimums(f"review_heldout{batch[-2:]}", figures))
    if writing_all:
        figures = score_writing(writing_all)
        for name, value in _writing_figures("writing_heldout_all", figures, "all batches").items():
            if not name.endswith("_recall") or name.endswith("named_recall"):
                results[name] = value
    if pairs_all:
        results.update(_pair_minimums("review_heldout_all", score_pairs(path=pairs_all)))
    return results


def _print_half(half: str, verbose: bool) -> None:
    """Per batch and together: the writing families, recall and false alarms; the pairs' P/R per kind."""
    log: list[str] = []
    writing_all: list[Case] = []
    pairs_all: list[Path] = []
    for batch, writing, pairs in half_paths(half):
        if writing.exists():
            cases = _load(writing)
            writing_all += cases
            figures = score_writing(cases, log)
            print(f"== {batch} {half}: writing")
            for family, (caught, total) in sorted(figures["families"].items()):
                print(f"{family:20} {caught:3}/{total:3} = {caught / total:.2f}")
            print(f"named recall {figures['recall']:.3f}; false alarms {figures['false_alarms']:.3f} "
                  f"of {figures['negatives']} correct texts")
        if pairs.exists():
            pairs_all.append(pairs)
            print(f"== {batch} {half}: pairs")
            pair_figures = score_pairs(log, pairs)
            for name, figure in pair_figures.items():
                print(f"{name:40} {figure['value']:.2f}  {figure['target']}")
            for name, figure in _pair_minimums("pairs", pair_figures).items():
                print(f"{name:40} {figure['value']:.2f}  {figure['target']}")
    figures = score_writing(writing_all)
    print(f"== all batches {half}: named recall {figures['recall']:.3f} ({figures['errors']} errors); "
          f"false alarms {figures['false_alarms']:.3f} of {figures['negatives']} correct texts")
    for name, figure in _pair_minimums("pairs", score_pairs(path=pairs_all)).items():
        print(f"{name:40} {figure['value']:.2f}  {figure['target']}")
    if verbose:
        print("\n".join(log))


def main() -> None:
    unknown = [arg for arg in sys.argv[1:] if arg not in ("--tune", "--verbose")]
    if unknown:
        # An unknown flag (--help included) must not fall through to scoring the held-out halves.
        sys.exit(f"usage: review_heldout.py [--tune [--verbose]]  (unknown: {' '.join(unknown)})")
    tune = "--tune" in sys.argv
    # Individual held-out cases are never shown: --verbose lists cases of the tune halves only.
    if "--verbose" in sys.argv and not tune:
        sys.exit("--verbose shows individual cases: only with --tune (the held-out halves are never looked into)")
    _print_half("tune" if tune else "heldout", "--verbose" in sys.argv)


if __name__ == "__main__":
    main()
