"""Compiled copies of a package's hot modules (mypyc), used only when they match the sources byte for byte.

`scripts/build_native.py` (run by `make`) compiles a package's listed modules into its `_native/` folder and
stamps the folder with the sha256 of each source it compiled. A package puts `_native/` first on its search
path only when `is_current()` says the stamp names exactly the sources on disk, so an edited module is never
shadowed by a stale build: it runs as Python until the next `make`. `AIZUCHI_PURE_PYTHON=1` turns every
compiled copy off (tests compare the two). Two packages use it: the analyser (`app.analysis`) and the
review (`app.review`); docs/ARCHITECTURE.md §9.

Frozen builds (PyInstaller, `make package`) carry bytecode, not sources. There the stamp is compared with
`bundled_sources.json` beside the package instead: the hashes of the sources the build bundled, written at
build time. A venv (not frozen) always hashes its sources on disk, so that file never stands in for them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

STAMP_NAME = "sources.json"
BUNDLED_NAME = "bundled_sources.json"  # beside the package's __init__ in a frozen build only
FROZEN = bool(getattr(sys, "frozen", False))

_log = logging.getLogger(__name__)


def wanted() -> bool:
    """Compiled copies may be used (not turned off with AIZUCHI_PURE_PYTHON=1)."""
    return os.environ.get("AIZUCHI_PURE_PYTHON", "") in ("", "0")


def source_hashes(package_dir: Path, modules: Sequence[str]) -> dict[str, str]:
    """sha256 of each listed module's source (`name` relative to the package, without .py), as a build stamps it."""
    return {name: hashlib.sha256((package_dir / f"{name}.py").read_bytes()).hexdigest() for name in modules}


def bundled_hashes(native_dir: Path) -> dict[str, str] | None:
    """A frozen build's record of the sources it bundled (None when there is none or it is unreadable)."""
    try:
        data = json.loads((native_dir.parent / BUNDLED_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def stamp_matches(native_dir: Path, package_dir: Path, modules: Sequence[str], frozen: bool = FROZEN) -> bool:
    """The build's stamp is there and names exactly the package's sources: on disk, or as bundled in a frozen
    build."""
    try:
        stamped = json.loads((native_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if frozen:
        bundled = bundled_hashes(native_dir)
        return bundled is not None and bool(stamped == bundled)
    return bool(stamped == source_hashes(package_dir, modules))


def is_current(native_dir: Path, package_dir: Path, modules: Sequence[str], frozen: bool = FROZEN) -> bool:
    """There is a build in `native_dir` and it was made from exactly these sources (a stale one is logged)."""
    if not (native_dir / STAMP_NAME).exists():
        return False
    if not stamp_matches(native_dir, package_dir, modules, frozen):
        _log.warning("the compiled modules in %s are older than their sources; running the Python ones", native_dir)
        return False
    return True
