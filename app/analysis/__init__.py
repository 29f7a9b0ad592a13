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

How the stamp is checked, in a venv and in a frozen build (PyInstaller, `make package`, whose
spec writes `bundled_sources.json`): `app.native`, shared with the review's compiled modules.
"""

from __future__ import annotations

from pathlib import Path

from app import native

NATIVE_MODULES = (
    "ahead", "detect", "detectors/__init__", "detectors/common", "detectors/disclosure", "detectors/request",
    "detectors/worry", "features", "formulas", "learned", "lexicon", "links", "lists", "pipeline", "segment",
    "tokenizer", "topics", "zones",
)
PACKAGE_DIR = Path(__file__).resolve().parent
NATIVE_DIR = PACKAGE_DIR / "_native"
STAMP_NAME = native.STAMP_NAME
BUNDLED_NAME = native.BUNDLED_NAME
FROZEN = native.FROZEN


def source_hashes() -> dict[str, str]:
    """sha256 of each native module's source, as the build stamps it."""
    return native.source_hashes(PACKAGE_DIR, NATIVE_MODULES)


def bundled_hashes(native_dir: Path = NATIVE_DIR) -> dict[str, str] | None:
    """A frozen build's record of the sources it bundled (None when there is none or it is unreadable)."""
    return native.bundled_hashes(native_dir)


def stamp_matches(native_dir: Path = NATIVE_DIR, frozen: bool = FROZEN) -> bool:
    """The build's stamp is there and names exactly the sources: on disk, or as bundled in a frozen build."""
    return native.stamp_matches(native_dir, PACKAGE_DIR, NATIVE_MODULES, frozen)


def _native_is_current(native_dir: Path = NATIVE_DIR, frozen: bool = FROZEN) -> bool:
    return native.is_current(native_dir, PACKAGE_DIR, NATIVE_MODULES, frozen)


NATIVE = native.wanted() and _native_is_current()
if NATIVE:
    __path__.insert(0, str(NATIVE_DIR))

from app.analysis.pipeline import MAX_ANALYSED_CHARS, analyze  # noqa: E402
from app.analysis.tokenizer import warm_up  # noqa: E402

__all__ = ["MAX_ANALYSED_CHARS", "NATIVE", "analyze", "warm_up"]
