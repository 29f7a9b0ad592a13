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

Mails: every line of tests/data/analysis/*.jsonl, tests/data/corpus/*.jsonl and
../shared/eval/analysis_dev*.jsonl (those present), plus the demo mailbox's bodies.
Each highlight is written with its kind, offsets, cue, topic and links; each zone
with its kind and offsets. The file also says which build ran (native or Python)
and which learned layer was on, so two files of different modes never match.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = (
    (ROOT / "tests" / "data" / "analysis", "*.jsonl"),
    (ROOT / "tests" / "data" / "corpus", "*.jsonl"),
    (ROOT.parent / "shared" / "eval", "analysis_dev*.jsonl"),
)


def mails() -> list[tuple[str, str]]:
    """(name, body) of every mail, in a fixed order."""
    out: list[tuple[str, str]] = []
    for folder, pattern in SETS:
        for path in sorted(folder.glob(pattern)):
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the JSON-lines file to write")
    parser.add_argument("--rules-only", action="store_true", help="the learned layer off (learned.use(None))")
    parser.add_argument("--model", type=Path,
                        help="the learned layer with this model file (default: the committed one)")
    args = parser.parse_args()
    text, mails_n, highlights_n = snapshot(args.rules_only, args.model)
    args.out.write_text(text, encoding="utf-8")
    print(f"{mails_n} mails, {highlights_n} highlights -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
