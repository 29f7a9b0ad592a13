"""The packaged build's parts that can be checked without building (`make package` builds and smoke-tests).

The compiled analyser's stamp in a frozen build, the .deb's desktop entry, wrapper and control file,
the icon, and the spec staying free of Linux-only paths.
"""

from __future__ import annotations

import ast
import configparser
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import app.analysis as analysis
from app import cli
from scripts import package

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_spec" / "aizuchi.spec"


def _native_dir(tmp_path: Path, stamp: dict[str, str] | None, bundled: dict[str, str] | None) -> Path:
    native = tmp_path / "analysis" / "_native"
    native.mkdir(parents=True)
    if stamp is not None:
        (native / analysis.STAMP_NAME).write_text(json.dumps(stamp), encoding="utf-8")
    if bundled is not None:
        (native.parent / analysis.BUNDLED_NAME).write_text(json.dumps(bundled), encoding="utf-8")
    return native


def test_a_frozen_build_accepts_a_stamp_that_names_the_sources_it_bundled(tmp_path: Path) -> None:
    hashes = {name: f"{index:064x}" for index, name in enumerate(analysis.NATIVE_MODULES)}
    native = _native_dir(tmp_path, stamp=hashes, bundled=hashes)
    assert analysis.stamp_matches(native, frozen=True)
    assert analysis._native_is_current(native, frozen=True)


def test_a_frozen_build_refuses_a_stale_or_unvouched_stamp(tmp_path: Path) -> None:
    hashes = {name: "0" * 64 for name in analysis.NATIVE_MODULES}
    stale = _native_dir(tmp_path / "stale", stamp=hashes, bundled={**hashes, "pipeline": "1" * 64})
    assert not analysis.stamp_matches(stale, frozen=True)
    no_record = _native_dir(tmp_path / "none", stamp=hashes, bundled=None)
    assert not analysis.stamp_matches(no_record, frozen=True)
    no_stamp = _native_dir(tmp_path / "nostamp", stamp=None, bundled=hashes)
    assert not analysis._native_is_current(no_stamp, frozen=True)
    broken = _native_dir(tmp_path / "broken", stamp=hashes, bundled=None)
    (broken.parent / analysis.BUNDLED_NAME).write_text("[1, 2", encoding="utf-8")
    assert analysis.bundled_hashes(broken) is None
    assert not analysis.stamp_matches(broken, frozen=True)


def test_a_venv_still_hashes_its_sources_and_ignores_a_bundled_record(tmp_path: Path) -> None:
    """Not frozen: only the sources on disk count, whatever a bundled_sources.json says."""
    real = analysis.source_hashes()
    assert analysis.stamp_matches(_native_dir(tmp_path / "good", stamp=real, bundled=None), frozen=False)
    fake = {name: "0" * 64 for name in analysis.NATIVE_MODULES}
    assert not analysis.stamp_matches(_native_dir(tmp_path / "fake", stamp=fake, bundled=fake), frozen=False)
    assert analysis.FROZEN is False


def test_version_reports_the_analyser_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["version", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["analyser_native"] is analysis.NATIVE
    from app import review

    assert record["review_native"] is review.NATIVE
    assert record["frozen"] is False
    assert record["learned_model"] is True


def test_the_desktop_entry_starts_the_window_from_the_path() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(package.desktop_entry())
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "aizuchi run" and entry["TryExec"] == "aizuchi"
    assert entry["Icon"] == "aizuchi" and entry["Terminal"] == "false"
    assert entry["Name[ja]"] == "相槌"
    assert entry["Categories"].endswith(";") and "Email" in entry["Categories"].split(";")
    assert package.desktop_entry().endswith("\n")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_the_entry(tmp_path: Path) -> None:
    entry = tmp_path / "aizuchi.desktop"
    entry.write_text(package.desktop_entry(), encoding="utf-8")
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout


def test_the_wrapper_and_the_control_file() -> None:
    wrapper = package.wrapper_script()
    assert wrapper.startswith("#!/bin/sh\n") and 'exec /opt/aizuchi/aizuchi "$@"' in wrapper
    control = package.control_file("0.1.0", "amd64", ["libc6", "libxcb1"], 1234)
    lines = control.rstrip("\n").split("\n")
    fields = dict(line.split(": ", 1) for line in lines if not line.startswith(" "))
    assert fields["Package"] == "aizuchi" and fields["Version"] == "0.1.0" and fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "1234"
    assert fields["Depends"].startswith("libc6, libxcb1, ") and "fonts-ipaexfont-gothic |" in fields["Depends"]
    assert all(line and (re.match(r"^[A-Z][A-Za-z-]+: \S", line) or line.startswith(" ")) for line in lines)
    assert control.endswith("\n")


def test_the_icon_is_an_svg() -> None:
    root = ElementTree.parse(package.ICON).getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 256 256"


def test_the_spec_has_no_linux_only_paths_and_reads_the_module_list() -> None:
    code = "\n".join(line for line in SPEC.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("#"))
    for linux_only in ("/usr/", "/opt/", "/lib/", ".so\"", "x86_64", "linux"):
        assert linux_only not in code
    ast.parse(code)
    # The spec reads each package's NATIVE_MODULES with ast, without importing the app: the same walk finds them.
    from app.review import compiled as review_compiled

    for compiled_package, listed_in in ((analysis, "analysis/__init__.py"), (review_compiled, "review/compiled.py")):
        tree = ast.parse((ROOT / "app" / listed_in).read_text(encoding="utf-8"))
        found = next(ast.literal_eval(node.value) for node in tree.body
                     if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "NATIVE_MODULES")
        assert found == compiled_package.NATIVE_MODULES


def test_packaging_is_not_part_of_make_test() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = next(line for line in makefile.splitlines() if line.startswith("test:"))
    assert "package" not in test_rule
