"""Compile the hot modules of the analyser and of the review with mypyc into each package's `_native/`.

`make` runs this after installing the project. The modules stay ordinary
typed Python (they are what mypy --strict checks and what runs when no C
compiler is around); the compiled copies only take over when the stamp this
script writes matches the sources (see app/native.py). One shared library a
package holds all of its modules (`app.analysis._native__mypyc`,
`app.review._native__mypyc`), so calls between them are direct C calls.

Usage: python scripts/build_native.py [--check]
  --check  exit 1 when the compiled copies are missing or out of date (no build).
A failed build (no compiler) is reported and leaves the Python modules in use:
slower, never wrong.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["AIZUCHI_PURE_PYTHON"] = "1"  # importing the packages must not load their old builds

from app import analysis, native  # noqa: E402
from app.review import compiled as review  # noqa: E402


class Target(NamedTuple):
    """One package's compiled modules: what the messages call it, its dotted name, its folder, its module list."""

    label: str
    package: str
    package_dir: Path
    modules: Sequence[str]

    @property
    def native_dir(self) -> Path:
        return self.package_dir / "_native"


TARGETS = (
    Target("analyser", "app.analysis", analysis.PACKAGE_DIR, analysis.NATIVE_MODULES),
    Target("review", "app.review", review.PACKAGE_DIR, review.NATIVE_MODULES),
)


def current(target: Target) -> bool:
    """The stamp matches the sources and every module's extension is there (for this Python)."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    return (native.stamp_matches(target.native_dir, target.package_dir, target.modules, frozen=False)
            and all((target.native_dir / f"{name}{suffix}").exists() for name in target.modules))


def build(target: Target) -> None:
    from mypyc.build import mypycify
    from setuptools import Distribution

    # Read before compiling: a file edited meanwhile stays stale.
    hashes = native.source_hashes(target.package_dir, target.modules)
    paths = [str((target.package_dir / f"{name}.py").relative_to(ROOT)) for name in target.modules]
    native_dir = target.native_dir
    with tempfile.TemporaryDirectory(prefix="aizuchi-native-") as tmp:
        os.chdir(ROOT)
        extensions = mypycify(paths, opt_level="3", group_name=f"{target.package}._native",
                              target_dir=str(Path(tmp) / "c"))
        dist = Distribution({"name": "aizuchi-native", "ext_modules": extensions})
        command = dist.get_command_obj("build_ext")
        command.build_lib = str(Path(tmp) / "lib")  # type: ignore[attr-defined]
        command.build_temp = str(Path(tmp) / "obj")  # type: ignore[attr-defined]
        command.parallel = os.cpu_count() or 1  # type: ignore[attr-defined]
        dist.run_command("build_ext")
        shutil.rmtree(native_dir, ignore_errors=True)
        native_dir.mkdir()
        for built in (Path(tmp) / "lib" / Path(*target.package.split("."))).iterdir():
            shutil.move(str(built), native_dir / built.name)
    (native_dir / native.STAMP_NAME).write_text(json.dumps(hashes, indent=1), encoding="utf-8")


def main() -> int:
    if "--check" in sys.argv:
        return 0 if all(current(target) for target in TARGETS) else 1
    for target in TARGETS:
        if current(target):
            continue
        print(f"{target.label}: compiling with mypyc (about a minute)…", file=sys.stderr)
        try:
            build(target)
        except Exception as error:  # any failure leaves the Python modules in use
            shutil.rmtree(target.native_dir, ignore_errors=True)
            print(f"{target.label}: mypyc build failed ({error}); the Python modules run instead (slower)",
                  file=sys.stderr)
            continue
        print(f"{target.label}: compiled into {target.native_dir.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
