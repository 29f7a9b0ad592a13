"""The package's own smoke test, run by `make package` after scripts/package.py.

It tries what a shop owner gets, not the build folder: the archive is unpacked into a fresh
temporary folder (so resources and the dictionary must be found wherever it lands) and run there.

- `aizuchi version --json`: the compiled analyser and review are in use (`analyser_native`, `review_native`) in a
  frozen build;
  the learned model, Qt's platform plugins (offscreen and the desktop one) and the translations are inside.
- `aizuchi show --json` and `aizuchi analyze --json` on a few demo mails print exactly what the venv prints.
- The window starts offscreen on the demo mailbox and reports ready (AIZUCHI_EXIT_WHEN_READY=1, as in
  bench/run.py), with HOME pointed at an empty folder: the data dir must appear under it. On Linux with
  xvfb-run, once more on a real X screen (xcb).
- Start times (median of 3, packaged and venv runs alternating, in this run), unpacked and package sizes.
- The .deb (when built): its paths and its payload's `aizuchi version`.

Exit 1 on any failure, or when the packaged start is over 1.5 × the venv's.
Usage: python scripts/package_smoke.py   (the venv's Python; `make package` runs it)
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.package import archive_path, deb_path, executable, version  # noqa: E402

MAX_RATIO = 1.5
RUNS = 3
VENV_COMMAND = [sys.executable, "-c", "from ui.launcher import main; main()"]
PLATFORM_PLUGINS = {"linux": ("offscreen", "xcb"), "win32": ("offscreen", "windows"), "darwin": ("offscreen", "cocoa")}


class SmokeFailure(Exception):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)
    print(f"  ok  {what}", flush=True)


def demo_mails(count: int = 6) -> list[str]:
    demo = ROOT / "resources" / "demo"
    mails = sorted(p for p in demo.rglob("*") if p.is_file() and p.parent.name in ("cur", "new")
                   and not p.name.startswith("."))
    step = max(1, len(mails) // count)
    return [str(p) for p in mails[::step][:count]]


def clean_env(home: Path) -> dict[str, str]:
    """The user's environment with HOME (and the Windows profile) in `home` and no data-dir overrides."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("AIZUCHI_DATA_DIR", "AIZUCHI_EXIT_WHEN_READY", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                        "XDG_CACHE_HOME", "XDG_STATE_HOME", "AIZUCHI_PURE_PYTHON", "PYTHONPATH")}
    env["HOME"] = str(home)
    if os.name == "nt":
        env["USERPROFILE"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONUTF8"] = "1"  # the venv prints as the package does (its spec sets UTF-8 mode)
    return env


def unpack(archive: Path, into: Path) -> Path:
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(into)
    else:
        with tarfile.open(archive) as tarred:
            tarred.extractall(into, filter="tar")
    return into / "aizuchi"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run(command: list[str], env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Runs in HOME, so a packaged run cannot lean on the source tree being the current folder."""
    return subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout,
                          cwd=env["HOME"])


def start_once(command: list[str], env: dict[str, str]) -> float:
    env = dict(env, AIZUCHI_EXIT_WHEN_READY="1")
    started = time.perf_counter()
    process = run([*command, "run"], env)
    elapsed = time.perf_counter() - started
    if process.returncode != 0 or "AIZUCHI_READY" not in process.stdout:
        raise SmokeFailure(f"{command[0]} run did not report ready (exit {process.returncode}): "
                           f"{process.stderr[-1500:]}")
    return elapsed


def expected_data_dir(env: dict[str, str]) -> Path:
    """Where platformdirs puts the per-user data dir under this environment (asked of the venv)."""
    out = run([sys.executable, "-c",
               "import platformdirs; print(platformdirs.user_data_dir('Aizuchi', appauthor=False))"], env)
    return Path(out.stdout.strip())


def check_inside(app: Path) -> None:
    internal = app / "_internal"
    check((internal / "resources" / "analysis" / "sentence_model.json").is_file(), "the learned model is inside")
    check(any(internal.glob("sudachidict_core/resources/system*.dic")), "the Sudachi dictionary is inside")
    check((internal / "resources" / "translations" / "aizuchi_en.qm").is_file(), "our translations are inside")
    check(any(internal.rglob("qtbase_ja.qm")), "Qt's own translations are inside")
    plugins = [p.name for p in internal.rglob("platforms/*") if p.is_file()]
    for name in PLATFORM_PLUGINS.get(sys.platform, ("offscreen",)):
        check(any(name in plugin for plugin in plugins), f"Qt platform plugin '{name}' is inside")


def check_same_output(app_command: list[str], env: dict[str, str]) -> None:
    mails = demo_mails()
    for sub in ("show", "analyze"):
        packaged = run([*app_command, sub, "--json", *mails], env)
        venv = run([*VENV_COMMAND, sub, "--json", *mails], env)
        check(packaged.returncode == 0 and venv.returncode == 0,
              f"`aizuchi {sub} --json` ran in both (exit {packaged.returncode}, {venv.returncode})"
              + (f": {packaged.stderr[-800:]}" if packaged.returncode else ""))
        lines = packaged.stdout.strip().splitlines()
        check(len(lines) == len(mails) and packaged.stdout == venv.stdout,
              f"`aizuchi {sub} --json` on {len(mails)} demo mails: packaged output == venv output")


def check_deb(deb: Path, workdir: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    paths = {line.split()[5] for line in listing.splitlines() if len(line.split()) >= 6}
    for needed in ("./usr/bin/aizuchi", "./usr/share/applications/aizuchi.desktop",
                   "./usr/share/icons/hicolor/scalable/apps/aizuchi.svg", "./opt/aizuchi/aizuchi"):
        check(needed in paths, f".deb carries {needed}")
    payload = workdir / "deb"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(payload)], check=True)
    control_dir = workdir / "deb-control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control_dir)], check=True)
    check(sorted(p.name for p in control_dir.iterdir()) == ["control"], ".deb has no maintainer scripts")
    out = run([str(payload / "opt" / "aizuchi" / "aizuchi"), "version", "--json"], clean_env(workdir))
    record = json.loads(out.stdout) if out.returncode == 0 and out.stdout.strip() else {}
    check(record.get("analyser_native") is True and record.get("review_native") is True
          and record.get("frozen") is True, ".deb payload runs with the compiled analyser and review")


def main() -> int:
    ver = version()
    archive = archive_path(ver)
    if not archive.exists():
        print(f"package_smoke: no {archive}; run `make package`", file=sys.stderr)
        return 1
    deb = deb_path(ver) if shutil.which("dpkg-deb") else None
    print(f"package smoke test: {archive.name}" + (f" and {deb.name}" if deb else ""))
    with tempfile.TemporaryDirectory(prefix="aizuchi-smoke-") as tmp:
        work = Path(tmp)
        try:
            app = unpack(archive, work / "unpacked")
            exe = executable(app)
            check(exe.is_file(), f"unpacked to a fresh folder ({app})")
            check_inside(app)

            home_cli = work / "home-cli"
            home_cli.mkdir()
            env = clean_env(home_cli)
            out = run([str(exe), "version", "--json"], env)
            record = json.loads(out.stdout) if out.returncode == 0 and out.stdout.strip() else {}
            check(record.get("frozen") is True and record.get("analyser_native") is True
                  and record.get("review_native") is True,
                  "packaged `aizuchi version --json`: frozen, analyser_native and review_native true")
            check(Path(record.get("resources", "")).resolve().is_relative_to(app.resolve()),
                  "resources are found inside the unpacked folder")
            check_same_output([str(exe)], env)

            home_packaged, home_venv = work / "home-packaged", work / "home-venv"
            home_packaged.mkdir()
            home_venv.mkdir()
            packaged_env, venv_env = clean_env(home_packaged), clean_env(home_venv)
            packaged_times, venv_times = [], []
            for _ in range(RUNS):
                packaged_times.append(start_once([str(exe)], packaged_env))
                venv_times.append(start_once(VENV_COMMAND, venv_env))
            check(True, f"packaged window started offscreen on the demo mailbox and reported ready ({RUNS}×)")
            data_dir = expected_data_dir(packaged_env)
            check(data_dir.is_dir() and any(data_dir.iterdir()), f"data dir created: {data_dir}")
            if os.name != "nt":
                check(data_dir.resolve().is_relative_to(home_packaged.resolve()),
                      "the data dir is under the user's own folder (HOME)")
            if sys.platform.startswith("linux") and shutil.which("xvfb-run"):
                xcb_env = dict(packaged_env, QT_QPA_PLATFORM="xcb")
                elapsed = start_once(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", str(exe)], xcb_env)
                check(True, f"packaged window started on an X screen (xcb, Xvfb) and reported ready ({elapsed:.2f} s)")
            if deb is not None:
                check(deb.exists(), f"{deb.name} was built")
                check_deb(deb, work)

            packaged_start, venv_start = statistics.median(packaged_times), statistics.median(venv_times)
            ratio = packaged_start / venv_start
            print()
            print(f"  start to ready, packaged             {packaged_start:6.2f} s  (runs: "
                  + ", ".join(f"{t:.2f}" for t in packaged_times) + ")")
            print(f"  start to ready, venv                 {venv_start:6.2f} s  (runs: "
                  + ", ".join(f"{t:.2f}" for t in venv_times) + ")")
            print(f"  ratio packaged / venv                {ratio:6.2f}   (limit {MAX_RATIO})")
            print(f"  unpacked size                        {folder_size(app) / 2**20:6.1f} MiB")
            print(f"  {archive.name:<36} {archive.stat().st_size / 2**20:6.1f} MiB")
            if deb is not None:
                print(f"  {deb.name:<36} {deb.stat().st_size / 2**20:6.1f} MiB")
            check(ratio <= MAX_RATIO, f"packaged start within {MAX_RATIO}× the venv's")
        except (SmokeFailure, subprocess.SubprocessError, OSError, ValueError) as failure:
            print(f"  FAIL {failure}", flush=True)
            return 1
    print("package smoke test: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
