"""`make bench`: Aizuchi's speed, memory and quality figures.

Prints a table and writes `bench/results.json` as
`{"metric": {"value": n, "unit": "...", "target": "..."}}`.
Each figure is measured here, in this run; nothing is copied from elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Result = dict[str, dict[str, Any]]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def demo_mail_files() -> list[Path]:
    demo = ROOT / "resources" / "demo"
    return sorted(p for p in demo.rglob("*") if p.is_file() and p.parent.name in ("cur", "new")
                  and not p.name.startswith("."))


def bench_startup() -> Result:
    """Process start → main window shown with the demo Inbox listed (median of 3 cold starts)."""
    runs = []
    with tempfile.TemporaryDirectory() as data_dir:
        env = dict(os.environ, AIZUCHI_DATA_DIR=data_dir, AIZUCHI_EXIT_WHEN_READY="1")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        for _ in range(3):
            started = time.perf_counter()
            process = subprocess.run(
                [sys.executable, "-c", "from ui.launcher import main; main()", "run"],
                env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
            )
            elapsed = time.perf_counter() - started
            if process.returncode != 0 or "AIZUCHI_READY" not in process.stdout:
                raise RuntimeError(f"window did not report ready: {process.stderr[-800:]}")
            runs.append(elapsed)
        env["AIZUCHI_EXIT_WHEN_READY"] = "highlights"
        highlights = []
        for _ in range(3):
            process = subprocess.run(
                [sys.executable, "-c", "from ui.launcher import main; main()", "run"],
                env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
            )
            marker = re.search(r"AIZUCHI_HIGHLIGHTS ([0-9.]+)", process.stdout)
            if not marker:
                raise RuntimeError(f"no highlights shown: {process.stderr[-800:]}")
            highlights.append(float(marker.group(1)))
    return {
        "startup_window_s": {"value": round(statistics.median(runs), 3), "unit": "s", "target": "< 1.5"},
        "first_highlights_s": {"value": round(statistics.median(highlights), 3), "unit": "s",
                               "target": "< 1 (after the window shows)"},
    }


def bench_demo_analysis() -> Result:
    from app.analysis import analyze, warm_up
    from app.mail.parse import parse_message

    started = time.perf_counter()
    warm_up()
    warm_up_s = time.perf_counter() - started
    bodies = [parse_message(p.read_bytes()).body for p in demo_mail_files()]
    timings_ms = []
    for _ in range(3):
        for body in bodies:
            started = time.perf_counter()
            analyze(body)
            timings_ms.append((time.perf_counter() - started) * 1000)
    parse_ms = []
    for path in demo_mail_files():
        raw = path.read_bytes()
        started = time.perf_counter()
        parse_message(raw)
        parse_ms.append((time.perf_counter() - started) * 1000)
    longest = max(bodies, key=len)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "demo_analysis_ms_p95": {"value": round(p95(timings_ms), 2), "unit": "ms", "target": "< 50"},
        "demo_longest_mail_chars": {"value": len(longest), "unit": "chars", "target": "≈ 2000"},
        "demo_parse_ms_p95": {"value": round(p95(parse_ms), 2), "unit": "ms", "target": "< 20"},
        "analyzer_warm_up_s": {"value": round(warm_up_s, 3), "unit": "s", "target": "< 1"},
        "analysis_peak_rss_mb": {"value": round(rss_mb, 1), "unit": "MB", "target": "< 300"},
    }


def _long_bodies() -> list[str]:
    from app.mail.parse import parse_message
    from bench.eval_sets import analysis_set

    bodies = [b for b in (parse_message(p.read_bytes()).body for p in demo_mail_files()) if len(b) >= 1500]
    long_set = analysis_set("dev_long_macro_f1")
    if long_set.exists():
        bodies += [json.loads(line)["text"] for line in long_set.read_text(encoding="utf-8").splitlines() if line]
    return bodies


_PURE_PYTHON_CHILD = r"""
import json, statistics, sys, time
sys.path.insert(0, {root!r})
from bench.run import _long_bodies
from app.analysis import NATIVE, analyze, warm_up
assert not NATIVE
warm_up()
bodies = _long_bodies()
times = []
for round_ in range(4):
    for body in bodies:
        started = time.perf_counter()
        analyze(body)
        if round_:
            times.append((time.perf_counter() - started) * 1000)
print(json.dumps(statistics.median(times)))
"""


def bench_long_mail_speed() -> Result:
    """Sudachi's own tokenisation vs our whole analysis, on each ~2,000-character mail.

    The baseline is Sudachi alone on the whole body, in split mode C, the mode the
    analyser uses (app/analysis/tokenizer.py): the same work the analyser cannot avoid.
    The analysis runs Sudachi on a second thread while the rules run on the caller's
    (app/analysis/ahead.py), so its wall-clock time is also given as CPU time (both
    threads), and the analyser without its mypyc build is timed in a child process.
    """
    from sudachipy import Dictionary, SplitMode

    from app.analysis import NATIVE, analyze, warm_up

    warm_up()
    bodies = _long_bodies()
    if not bodies:
        return {}
    tokenizer = Dictionary().tokenizer(SplitMode.C)
    for body in bodies:  # warm-up: the word cache, the worker thread
        analyze(body)
    tokenize_ms, analysis_ms, analysis_cpu_ms = [], [], []
    for _ in range(10):
        for body in bodies:
            started = time.perf_counter()
            tokenizer.tokenize(body)
            tokenize_ms.append((time.perf_counter() - started) * 1000)
            started, cpu_started = time.perf_counter(), time.process_time()
            analyze(body)
            analysis_ms.append((time.perf_counter() - started) * 1000)
            analysis_cpu_ms.append((time.process_time() - cpu_started) * 1000)
    # 200,000 characters of customer text: each mail up to its quoted thread (a quote
    # runs to the end of the body, so repeating whole mails would measure one zone).
    from app.text import Reading, quote_ranges

    def own_text(body: str) -> str:
        quotes = [start for start, _end in quote_ranges(body, Reading.MAIL)]
        return body[: min(quotes, default=len(body))]

    huge = "\n\n".join(own_text(b) for b in bodies)
    huge = (huge * (200_000 // len(huge) + 1))[:200_000]
    started = time.perf_counter()
    analyze(huge)
    huge_ms = (time.perf_counter() - started) * 1000
    child = subprocess.run([sys.executable, "-c", _PURE_PYTHON_CHILD.format(root=str(ROOT))], capture_output=True,
                           text=True, timeout=600, cwd=ROOT, env={**os.environ, "AIZUCHI_PURE_PYTHON": "1"})
    pure_ms = json.loads(child.stdout.strip().splitlines()[-1]) if child.returncode == 0 else float("nan")
    tok50, ana50 = statistics.median(tokenize_ms), statistics.median(analysis_ms)
    return {
        "long_mails_measured": {"value": len(bodies), "unit": "mails", "target": "≥ 3"},
        "analyser_native": {"value": int(NATIVE), "unit": "bool", "target": "1 (mypyc build in use)"},
        "tokenize_ms_p50": {"value": round(tok50, 2), "unit": "ms", "target": "(Sudachi alone, mode C)"},
        "analysis_ms_p50": {"value": round(ana50, 2), "unit": "ms", "target": "≤ 20"},
        "analysis_ms_p95": {"value": round(p95(analysis_ms), 2), "unit": "ms", "target": "≤ 20"},
        "analysis_over_tokenize": {"value": round(ana50 / tok50, 2), "unit": "×", "target": "≤ 1.5"},
        "analysis_cpu_ms_p50": {"value": round(statistics.median(analysis_cpu_ms), 2), "unit": "ms",
                                "target": "(both threads' CPU)"},
        "analysis_pure_python_ms_p50": {"value": round(pure_ms, 2), "unit": "ms",
                                        "target": "(without the mypyc build)"},
        "analysis_200k_ms": {"value": round(huge_ms, 1), "unit": "ms", "target": "bounded (< 2000)"},
    }


def bench_jis_decoding() -> Result:
    """ISO-2022-JP decoding speed on a ~4 MB body: plain JIS X 0208, and with NEC/IBM characters."""
    from app.mail.charset import decode_iso2022jp

    line = "お世話になっております。先日購入した商品について質問があります。配送日をABC教えてください。\n"
    plain = (line * 40_000).encode("iso2022_jp")
    # ① (NEC row 13) on every line sends each line through the per-character CP932 route.
    nec = plain.replace(b"\x1b(BABC", b"\x1b$B-!\x1b(BABC")
    figures: Result = {}
    for metric, data, target in (("jis_decode_us_per_byte", plain, "< 0.05"),
                                 ("jis_nec_decode_us_per_byte", nec, "< 0.2")):
        best = min(_timed(decode_iso2022jp, data) for _ in range(3))
        figures[metric] = {"value": round(best / len(data) * 1e6, 4), "unit": "µs/B", "target": target}
    return figures


def _timed(function: Callable[[bytes], object], data: bytes) -> float:
    started = time.perf_counter()
    function(data)
    return time.perf_counter() - started


def bench_quality() -> Result:
    """Sentence F1 of the analyser (the shared scorer's rule, in-process) on every set of
    `bench/eval_sets.py`, per label on the corpus held-out; the learned layer's size, load
    time and learning curve (a quarter, half, all of the training mails, scored on held-out)."""
    from app.analysis import learned
    from bench.eval_sets import SETS, analyser_spans, cases_of, load, score

    results: Result = {}
    for s in SETS:
        if not s.path.exists():
            continue
        figures = score(load(s.path), analyser_spans)
        results[s.metric] = {"value": round(figures.macro, 3), "unit": "F1", "target": s.note}
        if s.metric == "corpus_heldout_macro_f1":
            for label, f1 in figures.per_label().items():
                results[f"corpus_heldout_{label}_f1"] = {"value": round(f1, 3), "unit": "F1", "target": "≥ 0.88"}
    if learned.MODEL_PATH.exists():
        started = time.perf_counter()
        learned.from_json(json.loads(learned.MODEL_PATH.read_text(encoding="utf-8")))
        results["model_load_s"] = {"value": round(time.perf_counter() - started, 3), "unit": "s", "target": "≤ 0.2"}
        results["model_size_mb"] = {"value": round(learned.MODEL_PATH.stat().st_size / 1e6, 2), "unit": "MB",
                                    "target": "≤ 20"}
        from scripts.train_model import learning_curve

        heldout = cases_of("heldout")
        for fraction, mails, macro in learning_curve():
            results[f"curve_{int(fraction * 100)}pct_heldout_macro_f1"] = {
                "value": round(macro, 3), "unit": "F1",
                "target": f"(trained on {mails} mails; {len(heldout)} held out)"}
        learned.use(learned.load_file())
    return results


def bench_review() -> Result:
    from bench.review_score import bench_review as review_figures

    return review_figures()


def bench_writing() -> Result:
    from bench.writing_score import bench_writing as writing_figures

    return writing_figures()


def bench_review_heldout() -> Result:
    """Issue 15's cases written blind (batches blind15 and blind16): writing checks and reply pairs on
    their held-out halves (never tuned on), each batch and both together."""
    from bench.review_heldout import bench_review_heldout as heldout_figures

    return heldout_figures()


def bench_imap() -> Result:
    from bench.imap import bench_imap as imap_figures

    return imap_figures()


def bench_faults() -> Result:
    from bench.faults import bench_faults as fault_figures

    return fault_figures()


def bench_oauth() -> Result:
    from bench.oauth import bench_oauth as oauth_figures

    return oauth_figures()


SEARCH_QUERIES = (
    "配送", "靴", "卵", "送料", "ギフト", "アレルギー", "ノエル・ブランシュ", "キャンセル", "還暦祝い", "膝を痛め",
    "互換インク", "領収書", "A123", "森本", "ラッピング 母", "配送 心配", "結婚記念日", "藍ストール", "在庫", "サイズ",
)


def bench_search() -> Result:
    """Search over 100,000 generated Japanese mails: p95 of 1-, 2- and 3+-character queries."""
    from app.store import open_database
    from app.store.search import MailIndex
    from bench.search_corpus import mails

    count = 100_000
    with tempfile.TemporaryDirectory() as data_dir:
        index = MailIndex(open_database(Path(data_dir) / "search.sqlite3"))
        started = time.perf_counter()
        batch = []
        for row in mails(count):
            batch.append(row)
            if len(batch) == 5000:
                index.add_many(batch)
                batch = []
        index.add_many(batch)
        build_s = time.perf_counter() - started
        times = []
        found = {}
        for _ in range(5):
            for query in SEARCH_QUERIES:
                t = time.perf_counter()
                found[query] = len(index.search(query, limit=50))
                times.append((time.perf_counter() - t) * 1000)
        if not found["配送"] or not found["靴"]:
            raise RuntimeError(f"short queries found nothing: {found}")
    return {
        "search_ms_p95_100k": {"value": round(p95(times), 2), "unit": "ms", "target": "< 50"},
        "search_index_build_100k_s": {"value": round(build_s, 1), "unit": "s", "target": "info"},
    }


def bench_scale() -> Result:
    """Issue 18: a 100,000-mail Maildir's start beside the demo's, the memory build beside
    `aizuchi analyze`, search over the 100,000 (bench/scale.py; its Maildirs cached in build/)."""
    from bench.scale import bench_scale as scale_figures

    return scale_figures()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Aizuchi's speed, memory and quality figures")
    parser.add_argument("--only", action="append", metavar="STEP",
                        help="run only this step (repeatable; e.g. scale, search, startup); the figures it "
                             "gives replace those in bench/results.json, the others stay")
    args = parser.parse_args(argv)
    steps: list[tuple[str, Callable[[], Result]]] = [
        ("startup", bench_startup),
        ("analysis", bench_demo_analysis),
        ("long mails", bench_long_mail_speed),
        ("jis decoding", bench_jis_decoding),
        ("quality", bench_quality),
        ("review", bench_review),
        ("writing checks", bench_writing),
        ("review, written blind", bench_review_heldout),
        ("search", bench_search),
        ("imap sync", bench_imap),
        ("gmail and graph sync", bench_oauth),
        ("fault suite", bench_faults),
        ("scale", bench_scale),
    ]
    if args.only:
        unknown = set(args.only) - {name for name, _ in steps}
        if unknown:
            parser.error(f"unknown step {', '.join(sorted(unknown))}; steps: {', '.join(n for n, _ in steps)}")
        steps = [(name, step) for name, step in steps if name in args.only]
    results: Result = {}
    failed = []
    for name, step in steps:
        try:
            results.update(step())
        except Exception as error:  # a broken step is reported, the others still run
            failed.append(f"{name}: {error}")
    width = max((len(k) for k in results), default=10)
    print(f"{'metric':<{width}}  {'value':>10}  {'unit':<6}  target")
    for key, figure in results.items():
        print(f"{key:<{width}}  {figure['value']:>10}  {figure['unit']:<6}  {figure['target']}")
    written = results
    results_path = ROOT / "bench" / "results.json"
    if args.only and results_path.exists():  # one step's figures replace theirs; the others are kept
        written = {**json.loads(results_path.read_text(encoding="utf-8")), **results}
    results_path.write_text(json.dumps(written, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for line in failed:
        print(f"FAILED {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
