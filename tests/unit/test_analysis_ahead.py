"""Tokenising ahead on the worker thread, and the compiled analyser.

The analysis must not depend on where the body is cut into chunks, on whether the
mypyc build is in use, or on which thread loads Sudachi first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import app.analysis as analysis_package
from app.analysis import NATIVE, NATIVE_DIR, STAMP_NAME, analyze, source_hashes
from app.analysis.ahead import CHUNK, FIRST_CHUNK, Ahead, cut
from app.analysis.tokenizer import MAX_CHARS, tokenize
from app.model import Insight
from bench.eval_sets import analysis_set

ROOT = Path(__file__).resolve().parents[2]
_OWN = analysis_set("own_macro_f1")


def _bodies() -> list[str]:
    out: list[str] = []
    for metric in ("own_macro_f1", "unseen_heldout_macro_f1", "unseen_tune_macro_f1"):
        out += [json.loads(line)["text"] for line in analysis_set(metric).read_text(encoding="utf-8").splitlines()
                if line.strip()]
    return out


def _shifted(insight: Insight, by: int) -> list[tuple[object, ...]]:
    return [(h.kind, h.start - by, h.end - by, h.topic, h.links, h.cue) for h in insight.highlights]


def test_chunks_cover_the_body_and_end_after_line_breaks() -> None:
    body = "\n".join(f"{i}行目です。今度の連休に家族で旅行に行く予定です。" for i in range(200))
    ends = cut(body)
    assert ends[-1] == len(body)
    starts = [0, *ends[:-1]]
    size = FIRST_CHUNK
    for start, end in zip(starts, ends, strict=True):
        assert 0 < end - start <= MAX_CHARS
        if end < len(body):
            assert body[end - 1] == "\n"
            assert size <= end - start < size + 40  # up to the next line break, each a third longer
        size = min(CHUNK, size * 4 // 3)
    assert ends[0] < 2 * FIRST_CHUNK and max(e - s for s, e in zip(starts, ends, strict=True)) >= CHUNK


def test_a_line_longer_than_sudachi_takes_is_cut_after_a_full_stop_or_at_the_limit() -> None:
    sentence = "母の誕生日に贈るカップを探しています。"
    body = sentence * (3 * MAX_CHARS // len(sentence))
    ends = cut(body)
    assert all(body[e - 1] == "。" for e in ends)
    no_stops = "あ" * (2 * MAX_CHARS + 5)
    assert cut(no_stops) == [MAX_CHARS, 2 * MAX_CHARS, len(no_stops)]


def test_the_result_does_not_depend_on_where_chunks_fall() -> None:
    """Leading blank lines move every chunk edge; the highlights only move with the text."""
    for body in _bodies()[:40]:
        expected = _shifted(analyze(body), 0)
        for pad in (1, 7, CHUNK // 3):
            padded = "\n" * pad + body
            assert _shifted(analyze(padded), pad) == expected, body[:40]


def test_a_hard_wrapped_sentence_across_a_chunk_edge_keeps_its_words() -> None:
    line = "先日は素敵なカップをありがとうございました。毎朝使っています。\n"
    wrapped = ("実は来月、娘が結婚することになり、式の引き出物に\n"
               "こちらのカップを使いたいと考えているのですが、\n五十個ほど用意していただけますでしょうか。\n")
    # As many lines before it as put a chunk's end after the sentence's first line.
    body = next(line * k + wrapped for k in range(1, 60)
                if any(k * len(line) < end < len(line * k + wrapped) - 2 for end in cut(line * k + wrapped)))
    ahead = Ahead(body)
    ahead.close()
    # The wrapped sentence starts in one chunk and ends in another.
    start = body.index("実は")
    assert ahead.chunk_of(start) != ahead.chunk_of(len(body) - 2)
    insight = analyze(body)
    requests = [body[h.start : h.end] for h in insight.highlights if h.kind.value == "request"]
    assert any("用意していただけますでしょうか" in r for r in requests)


def test_a_word_cut_by_a_chunk_edge_is_tokenised_again_with_its_sentence() -> None:
    """A line with no break and no 。 is cut at Sudachi's limit, maybe inside a word."""
    body = ("カタカナ" * (MAX_CHARS // 4 + 10)) + "\n今度の連休にパーティーで着たいと思っています。"
    insight = analyze(body)
    own = body.index("今度")
    assert any(h.start >= own and h.kind.value == "disclosure" for h in insight.highlights)


def test_the_analysis_thread_may_be_many() -> None:
    """Analyses from several threads share one worker and each gets its own chunks back."""
    script = (
        "import json, sys, threading\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        f"bodies = [json.loads(l)['text'] for l in open({str(_OWN)!r}, encoding='utf-8') "
        "if l.strip()]\n"
        "from app.analysis import analyze\n"
        "results, errors = {}, []\n"
        "start = threading.Barrier(4)\n"
        "def work(n):\n"
        "    try:\n"
        "        start.wait()  # Sudachi not loaded yet: every thread asks for it at once\n"
        "        results[n] = [repr(analyze(b)) for b in bodies]\n"
        "    except BaseException as error:\n"
        "        errors.append(repr(error))\n"
        "threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(json.dumps({'errors': errors, 'same': len({json.dumps(r) for r in results.values()}) == 1,\n"
        "                  'alone': [repr(analyze(b)) for b in bodies] == results.get(0)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"errors": [], "same": True, "alone": True}


def _analyses_in_child(pure: bool) -> list[str]:
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from app.analysis import NATIVE, analyze\n"
        f"bodies = json.loads({json.dumps(json.dumps(_bodies()))})\n"
        "print(json.dumps({'native': NATIVE, 'out': [repr(analyze(b)) for b in bodies]}))\n"
    )
    env = {**os.environ, "AIZUCHI_PURE_PYTHON": "1" if pure else "0"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT,
                         env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if pure:
        assert result["native"] is False
    return list(result["out"])


def test_the_compiled_analyser_gives_what_the_python_one_gives() -> None:
    assert _analyses_in_child(pure=True) == [repr(analyze(b)) for b in _bodies()]


@pytest.mark.skipif(not NATIVE_DIR.exists(), reason="no mypyc build here (make builds one)")
def test_the_build_in_use_matches_the_sources() -> None:
    """`make` leaves a build whose stamp matches every source, and then it is the one imported."""
    stamp = json.loads((NATIVE_DIR / STAMP_NAME).read_text(encoding="utf-8"))
    assert stamp == source_hashes(), "app/analysis/_native is older than its sources: run `make native`"
    if os.environ.get("AIZUCHI_PURE_PYTHON", "") in ("", "0"):
        import app.analysis.detect as detect

        assert NATIVE
        assert analysis_package._native_is_current()
        assert not str(detect.__file__).endswith(".py")


def test_tokenize_is_unchanged_by_the_worker() -> None:
    """The plain `tokenize` (corrections, zones) still gives each word with its offsets."""
    text = "妻に卵アレルギーがあり、心配しています。"
    tokens = tokenize(text, 10)
    assert "".join(t.surface for t in tokens) == text
    assert tokens[0].start == 10 and tokens[-1].end == 10 + len(text)


def test_the_first_chunk_is_tokenised_by_the_analyser_itself_and_the_next_ones_by_the_worker() -> None:
    """Handing the first chunk to the worker would cost two thread wake-ups before the first sentence."""
    body = "\n".join(f"{i}行目です。今度の連休に家族で旅行に行く予定です。" for i in range(80))
    ahead = Ahead(body)
    try:
        assert len(ahead.ends) > 3
        assert 0 not in ahead._sent and {1, 2, 3} <= ahead._sent
        own = ahead.take(0)
        assert own and own[0].start == 0 and own[-1].end == ahead.ends[0]
        assert ahead.take(1)[0].start == ahead.ends[0]  # handed back by the worker
    finally:
        ahead.close()
