"""The analyser: what the customer told, asked and worried about in one mail body.

`analyze(body)` (in `pipeline`) returns an Insight: highlights with topics,
links and cues, and the dimmed zones. The agent's corrections are applied
afterwards by `app.analysis.corrections.apply_corrections`. `warm_up()` loads
the dictionary ahead of time; both are safe from any thread.

Native build: the analyser's hot modules (`NATIVE_MODULES`) are plain typed
Python that `scripts/build_native.py` (run by `make`) also compiles with mypyc
into `_native/`, which makes the per-token rules several times cheaper. This
package puts `_native/` first on its own search path only when the stamp written
by that build matches the sources on disk byte for byte, so an edited module is
never shadowed by a stale build: it runs as Python until the next `make`.
`AIZUCHI_PURE_PYTHON=1` turns the native build off (tests compare the two).

Detectors: whether a clause asks, worries or tells is decided by named rules,
one module a label in `detectors/` (`request`, `worry`, `disclosure`, and
`common` for what they share), run in the order their registry in
`detectors/__init__.py` lists them; `detect.label_sentence` combines the
verdicts for a sentence. How to add a rule, step by step: docs/ARCHITECTURE.md §10.

Frozen builds (PyInstaller, `make package`) carry bytecode, not sources. There the
stamp is compared with `bundled_sources.json` instead: the hashes of the sources the
build bundled, written by build_spec/aizuchi.spec at build time. A venv (not frozen)
always hashes its sources on disk, so that file never stands in for them there.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from pathlib import Path

NATIVE_MODULES = (
    "ahead", "detect", "detectors/__init__", "detectors/common", "detectors/disclosure", "detectors/request",
    "detectors/worry", "features", "formulas", "learned", "lexicon", "links", "pipeline", "segment", "tokenizer",
    "topics", "zones",
)
NATIVE_DIR = Path(__file__).resolve().parent / "_native"
STAMP_NAME = "sources.json"
BUNDLED_NAME = "bundled_sources.json"  # beside this file in a frozen build only
FROZEN = bool(getattr(sys, "frozen", False))

_log = logging.getLogger(__name__)


def source_hashes() -> dict[str, str]:
    """sha256 of each native module's source, as the build stamps it."""
    here = Path(__file__).resolve().parent
    return {name: hashlib.sha256((here / f"{name}.py").read_bytes()).hexdigest() for name in NATIVE_MODULES}


def bundled_hashes(native_dir: Path = NATIVE_DIR) -> dict[str, str] | None:
    """A frozen build's record of the sources it bundled (None when there is none or it is unreadable)."""
    try:
        data = json.loads((native_dir.parent / BUNDLED_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def stamp_matches(native_dir: Path = NATIVE_DIR, frozen: bool = FROZEN) -> bool:
    """The build's stamp is there and names exactly the sources: on disk, or as bundled in a frozen build."""
    try:
        stamped = json.loads((native_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if frozen:
        bundled = bundled_hashes(native_dir)
        return bundled is not None and bool(stamped == bundled)
    return bool(stamped == source_hashes())


def _native_is_current(native_dir: Path = NATIVE_DIR, frozen: bool = FROZEN) -> bool:
    if not (native_dir / STAMP_NAME).exists():
        return False
    if not stamp_matches(native_dir, frozen):
        _log.warning("the compiled analyser in %s is older than its sources; running the Python one", native_dir)
        return False
    return True


NATIVE = os.environ.get("AIZUCHI_PURE_PYTHON", "") in ("", "0") and _native_is_current()
if NATIVE:
    __path__.insert(0, str(NATIVE_DIR))

from app.analysis.pipeline import MAX_ANALYSED_CHARS, analyze  # noqa: E402
from app.analysis.tokenizer import warm_up  # noqa: E402

__all__ = ["MAX_ANALYSED_CHARS", "NATIVE", "analyze", "warm_up"]
