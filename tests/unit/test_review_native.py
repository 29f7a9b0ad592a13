"""The review's compiled copies (mypyc, app/review/compiled.py) say exactly what its Python gives.

The review's hot checks run compiled when `make` has built them; a difference between the two would be a
finding that appears or vanishes with the build. Each side reviews the same tuning pairs (never the held-out
halves) in its own process, with the cases' gold mail spans, and the findings must be equal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import native
from app.review.compiled import NATIVE, NATIVE_DIR, NATIVE_MODULES, PACKAGE_DIR

ROOT = Path(__file__).resolve().parents[2]
REVIEW = ROOT / "tests" / "data" / "review"
# Tuning pairs only, of several writers: short and long mails, several asks, quoted mail under the draft.
CASE_FILES = ("reply15_cases.jsonl", "pairs20_cases.jsonl", "blind21_tune_pairs.jsonl", "blind24_tune_pairs.jsonl")


def _findings_in_child(pure: bool) -> dict[str, object]:
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from app.review import NATIVE, review_draft\n"
        "from bench.review_score import gold_insight, load_cases\n"
        "from bench.long_drafts import long_draft, long_mail\n"
        "from pathlib import Path\n"
        f"files = {[str(REVIEW / name) for name in CASE_FILES]!r}\n"
        "out = []\n"
        "for case in load_cases([Path(f) for f in files]):\n"
        "    found = review_draft(case['draft'], case['mail'], gold_insight(case))\n"
        "    out.append([case['id'], sorted(repr(f) for f in found)])\n"
        "mail = long_mail(3000)\n"
        "out.append(['long', sorted(repr(f) for f in review_draft(long_draft(3000, mail), mail, None))])\n"
        "print(json.dumps({'native': NATIVE, 'out': out}, ensure_ascii=False))\n"
    )
    env = {**os.environ, "AIZUCHI_PURE_PYTHON": "1" if pure else "0"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600, cwd=ROOT,
                          env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.skipif(not NATIVE, reason="no current mypyc build of the review here (make builds one)")
def test_the_compiled_review_finds_what_the_python_one_finds() -> None:
    compiled, pure = _findings_in_child(pure=False), _findings_in_child(pure=True)
    assert compiled["native"] is True and pure["native"] is False
    assert isinstance(compiled["out"], list) and len(compiled["out"]) > 100
    assert compiled["out"] == pure["out"]


@pytest.mark.skipif(not NATIVE_DIR.exists(), reason="no mypyc build here (make builds one)")
def test_the_review_build_in_use_matches_the_sources() -> None:
    """`make` leaves a build whose stamp matches every listed source, and then its modules are the ones imported."""
    stamp = json.loads((NATIVE_DIR / native.STAMP_NAME).read_text(encoding="utf-8"))
    assert stamp == native.source_hashes(PACKAGE_DIR, NATIVE_MODULES), (
        "app/review/_native is older than its sources: run `make native`")
    if native.wanted():
        import app.review.checks.unanswered_request as unanswered_request
        import app.review.meaning as meaning

        assert NATIVE
        assert not str(meaning.__file__).endswith(".py")
        assert not str(unanswered_request.__file__).endswith(".py")


def test_a_stale_build_is_not_used(tmp_path: Path) -> None:
    """A stamp that names other sources (a module edited since the build) leaves the Python modules in use."""
    stale = tmp_path / "_native"
    stale.mkdir()
    (stale / native.STAMP_NAME).write_text(json.dumps({name: "0" * 64 for name in NATIVE_MODULES}),
                                           encoding="utf-8")
    assert not native.is_current(stale, PACKAGE_DIR, NATIVE_MODULES, frozen=False)
    real = native.source_hashes(PACKAGE_DIR, NATIVE_MODULES)
    (stale / native.STAMP_NAME).write_text(json.dumps(real), encoding="utf-8")
    assert native.is_current(stale, PACKAGE_DIR, NATIVE_MODULES, frozen=False)
