"""Every highlight and zone the analyser gives on every annotated mail, as one file (a JSON line a mail).

A refactor of the analyser that must not change what it hears is checked by taking
this snapshot before and after and comparing the files byte for byte:

    python scripts/analysis_snapshot.py /tmp/before.jsonl            # learned layer on (the default)
    python scripts/analysis_snapshot.py --rules-only /tmp/before-rules.jsonl
    python scripts/analysis_snapshot.py --model some_model.json /tmp/before-model.jsonl
    AIZUCHI_PURE_PYTHON=1 python scripts/analysis_snapshot.py /tmp/before-pure.jsonl
    ... refactor, `make native` ...
    python scripts/analysis_snapshot.py /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

With no committed model (resources/analysis/sentence_model.json) the default mode is the
rules alone too: `--model` points at one trained beforehand (`make model`, then moved
aside) so that the learned layer, whose features include the rules' verdicts and cue
kinds, is exercised as well.

Mails: every evaluation set of `bench/eval_sets.py` (the one table; those present), any
other line of tests/data/analysis/*.jsonl and tests/data/corpus/*.jsonl, plus the demo
mailbox's bodies.
Each highlight is written with its kind, offsets, cue, topic and links; each zone
with its kind and offsets. The file also says which build ran (native or Python)
and which learned layer was on, so two files of different modes never match.

`--review` adds, for every review case (tests/data/review/*.jsonl and the shared dev set),
what the review finds on the draft (with the cases' own mail spans and with the analyser's),
how the memory measures the draft (`measure_reply`), whether each request of the mail is
answered (`learn.answers`), and the mail's own words and nouns as the memory keeps them:
a change to the text layer under review and memory is checked the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import eval_sets  # noqa: E402

FOLDERS = (eval_sets.DATA, eval_sets.CORPUS)
REVIEW = ROOT / "tests" / "data" / "review"


def set_paths() -> list[Path]:
    """Every set of the table that is present, then any other analysis file in its folders."""
    paths = [s.path for s in eval_sets.SETS if s.path.exists()]
    for folder in FOLDERS:
        paths += [p for p in sorted(folder.glob("*.jsonl")) if p not in paths]
    return paths


def mails() -> list[tuple[str, str]]:
    """(name, body) of every mail, in a fixed order."""
    out: list[tuple[str, str]] = []
    for path in set_paths():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                case = json.loads(line)
                out.append((f"{path.name}:{n}:{case.get('id', '')}", case["text"]))
    from app.mail.parse import parse_message

    demo = ROOT / "resources" / "demo"
    for path in sorted(p for p in demo.rglob("*") if p.is_file() and p.parent.name in ("cur", "new")
                       and not p.name.startswith(".")):
        out.append((f"demo:{path.name}", parse_message(path.read_bytes()).body))
    return out


def snapshot(rules_only: bool, model: Path | None) -> tuple[str, int, int]:
    """The snapshot's text (one line per mail), the number of mails and of highlights."""
    from app.analysis import NATIVE, analyze, learned

    if rules_only:
        learned.use(None)
        layer = "off"
    elif model is not None:
        loaded = learned.load_file(model)
        if loaded is None:
            raise SystemExit(f"{model}: not a model learned.load_file can read")
        learned.use(loaded)
        layer = f"model {model.name}"
    else:
        layer = "committed model" if learned.load() is not None else "on, but no committed model"
    lines = [json.dumps({"native": NATIVE, "learned layer": layer}, ensure_ascii=False)]
    count = 0
    for name, body in mails():
        insight = analyze(body)
        count += len(insight.highlights)
        lines.append(json.dumps({
            "mail": name,
            "highlights": [[h.kind.value, h.start, h.end, h.cue, h.topic, list(h.links)] for h in insight.highlights],
            "zones": [[z.kind.value, z.start, z.end] for z in insight.zones],
        }, ensure_ascii=False))
    return "\n".join(lines) + "\n", len(lines) - 1, count


def review_lines() -> list[str]:
    """One line per review case: findings (gold and analysed spans), the draft's stats, the memory's view."""
    from app.analysis import analyze
    from app.customers.learn import answers, mail_nouns, own_body
    from app.model import Address, Highlight, HighlightKind, Insight, Message
    from app.review import review_draft
    from app.review.measure import measure_reply

    paths = sorted(REVIEW.glob("*.jsonl")) + [p for p in [eval_sets.SHARED_EVAL / "review_dev.jsonl"] if p.exists()]
    out = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            case = json.loads(line)
            draft = case.get("draft", case.get("text", ""))
            mail = case.get("mail")
            record: dict[str, object] = {"case": f"{path.name}:{n}:{case.get('id', '')}"}
            record["alone"] = [[f.kind.value, f.start, f.end, f.message, f.suggestion] for f in review_draft(draft)]
            stats = measure_reply(draft)
            record["stats"] = [stats.length, stats.thanks, stats.empathy, stats.cushion, stats.personal]
            if mail is not None:
                gold = Insight(tuple(Highlight(HighlightKind(s["label"]), s["start"], s["end"])
                                     for s in case.get("mail_spans", [])))
                analysed = analyze(mail)
                for name, insight in (("gold", gold), ("analysed", analysed)):
                    record[name] = [[f.kind.value, f.start, f.end, f.message, f.suggestion]
                                    for f in review_draft(draft, mail, insight)]
                record["answers"] = [answers(mail[h.start:h.end], draft) for h in analysed.highlights
                                     if h.kind is HighlightKind.REQUEST]
                message = Message(case.get("id", ""), Address("", ""), None, mail)
                record["own_body"] = own_body(mail)
                record["nouns"] = sorted(mail_nouns(message))
                record["nouns_insight"] = sorted(mail_nouns(message, analysed))
            out.append(json.dumps(record, ensure_ascii=False))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the JSON-lines file to write")
    parser.add_argument("--rules-only", action="store_true", help="the learned layer off (learned.use(None))")
    parser.add_argument("--review", action="store_true",
                        help="also the review's findings, the draft's stats and the memory's view of each review case")
    parser.add_argument("--model", type=Path,
                        help="the learned layer with this model file (default: the committed one)")
    args = parser.parse_args()
    text, mails_n, highlights_n = snapshot(args.rules_only, args.model)
    if args.review:
        review = review_lines()
        text += "\n".join(review) + "\n"
        print(f"{len(review)} review cases", file=sys.stderr)
    args.out.write_text(text, encoding="utf-8")
    print(f"{mails_n} mails, {highlights_n} highlights -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
