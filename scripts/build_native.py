"""Compile the analyser's hot modules with mypyc into app/analysis/_native/.

`make` runs this after installing the project. The modules stay ordinary
typed Python (they are what mypy --strict checks and what runs when no C
compiler is around); the compiled copies only take over when the stamp this
script writes matches the sources (see app/analysis/__init__.py). One shared
library holds all of them (`app.analysis._native__mypyc`), so calls between
the modules are direct C calls.

Usage: python scripts/build_native.py [--check]
  --check  exit 1 when the compiled copies are missing or out of date (no build).
A failed build (no compiler) is reported and leaves the Python analyser in use:
slower, never wrong.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["AIZUCHI_PURE_PYTHON"] = "1"  # importing app.analysis must not load the old build

from app.analysis import NATIVE_DIR, NATIVE_MODULES, STAMP_NAME, source_hashes, stamp_matches  # noqa: E402


def current() -> bool:
    """The stamp matches the sources and every module's extension is there (for this Python)."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    return stamp_matches() and all((NATIVE_DIR / f"{name}{suffix}").exists() for name in NATIVE_MODULES)


def build() -> None:
    from mypyc.build import mypycify
    from setuptools import Distribution

    hashes = source_hashes()  # read before compiling: a file edited meanwhile stays stale
    paths = [f"app/analysis/{name}.py" for name in NATIVE_MODULES]
    with tempfile.TemporaryDirectory(prefix="aizuchi-native-") as tmp:
        os.chdir(ROOT)
        extensions = mypycify(paths, opt_level="3", group_name="app.analysis._native",
                              target_dir=str(Path(tmp) / "c"))
        dist = Distribution({"name": "aizuchi-native", "ext_modules": extensions})
        command = dist.get_command_obj("build_ext")
        command.build_lib = str(Path(tmp) / "lib")  # type: ignore[attr-defined]
        command.build_temp = str(Path(tmp) / "obj")  # type: ignore[attr-defined]
        command.parallel = os.cpu_count() or 1  # type: ignore[attr-defined]
        dist.run_command("build_ext")
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        NATIVE_DIR.mkdir()
        for built in (Path(tmp) / "lib" / "app" / "analysis").iterdir():
            shutil.move(str(built), NATIVE_DIR / built.name)
    (NATIVE_DIR / STAMP_NAME).write_text(json.dumps(hashes, indent=1), encoding="utf-8")


def main() -> int:
    if "--check" in sys.argv:
        return 0 if current() else 1
    if current():
        return 0
    print("analyser: compiling with mypyc (about 30 s)…", file=sys.stderr)
    try:
        build()
    except Exception as error:  # any failure leaves the Python analyser in use
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        print(f"analyser: mypyc build failed ({error}); the Python analyser runs instead (slower)",
              file=sys.stderr)
        return 0
    print(f"analyser: compiled into {NATIVE_DIR.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
