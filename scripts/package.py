"""`make package`: the desktop build a shop owner installs, made from build_spec/aizuchi.spec.

1. PyInstaller builds the one-folder app into `dist/aizuchi/` (the executable `aizuchi` and `_internal/`).
2. The folder is archived as `dist/aizuchi-VERSION-PLATFORM-ARCH.tar.gz` (a `.zip` on Windows).
3. On Debian (dpkg-deb on the PATH) it is also packed as `dist/aizuchi_VERSION_ARCH.deb` with dpkg-deb:
   the folder under /opt/aizuchi, `aizuchi` on the PATH (/usr/bin/aizuchi, a two-line wrapper),
   a desktop entry and an icon. No maintainer scripts: nothing runs and nothing is fetched at install;
   dpkg's own triggers refresh the menu and icon caches. `Depends` lists the Debian packages that
   provide the system libraries the bundled ones link to (found with ldd and `dpkg -S` here),
   plus a Japanese font.

Then `make package` runs scripts/package_smoke.py on what was built.
Usage: python scripts/package.py [--skip-build]   (--skip-build: archive an existing dist/aizuchi/)
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
FOLDER = DIST / "aizuchi"
ICON = ROOT / "resources" / "icons" / "aizuchi.svg"
INSTALL_DIR = "/opt/aizuchi"

# A Japanese font is what keeps every label from being a row of boxes; Debian has several.
JAPANESE_FONTS = "fonts-ipaexfont-gothic | fonts-noto-cjk | fonts-ipafont-gothic | fonts-vlgothic"
RECOMMENDS = "fonts-noto-color-emoji"  # customers write emoji (🌷🙏)


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("package: no __version__ in app/__init__.py")
    return found.group(1)


def platform_tag() -> str:
    """linux-x86_64, macos-arm64, windows-amd64: names the archive."""
    system = {"Darwin": "macos"}.get(platform.system(), platform.system().lower())
    return f"{system}-{platform.machine().lower()}"


def executable(folder: Path) -> Path:
    return folder / ("aizuchi.exe" if os.name == "nt" else "aizuchi")


def archive_path(ver: str | None = None) -> Path:
    suffix = ".zip" if os.name == "nt" else ".tar.gz"
    return DIST / f"aizuchi-{ver or version()}-{platform_tag()}{suffix}"


def deb_architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def deb_path(ver: str | None = None, arch: str | None = None) -> Path:
    return DIST / f"aizuchi_{ver or version()}_{arch or deb_architecture()}.deb"


def desktop_entry() -> str:
    """The menu entry (freedesktop.org Desktop Entry; desktop-file-validate passes it)."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=Aizuchi",
        "Name[ja]=相槌",
        "GenericName=Reply assistant for Japanese customer mail",
        "GenericName[ja]=お客様メールの返信アシスタント",
        "Comment=Read customer mail and write warm, complete replies",
        "Comment[ja]=お客様のメールを読み、心のこもった漏れのない返信を書く",
        "Exec=aizuchi run",
        "TryExec=aizuchi",
        "Icon=aizuchi",
        "Terminal=false",
        "Categories=Office;Email;",
        "Keywords=mail;reply;Japanese;customer;メール;返信;",
        "StartupWMClass=aizuchi",
        "",
    ])


def wrapper_script() -> str:
    """/usr/bin/aizuchi: runs the installed folder's executable with the same arguments."""
    return f'#!/bin/sh\nexec {INSTALL_DIR}/aizuchi "$@"\n'


def control_file(ver: str, arch: str, depends: list[str], installed_kib: int) -> str:
    return "\n".join([
        "Package: aizuchi",
        f"Version: {ver}",
        f"Architecture: {arch}",
        "Maintainer: Aizuchi <aizuchi@localhost>",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join([*depends, JAPANESE_FONTS])}",
        f"Recommends: {RECOMMENDS}",
        "Section: mail",
        "Priority: optional",
        "Description: 相槌 — a desktop reply assistant for Japanese customer mail",
        " Aizuchi reads a customer's mail, shows what they told, asked and worried",
        " about, and helps write a reply that answers all of it. Everything it needs",
        " (Python, Qt, the Sudachi dictionary, the compiled analyser) is inside",
        f" {INSTALL_DIR}; the demo mailbox opens on first start.",
        "",
    ])


def build_folder() -> None:
    shutil.rmtree(FOLDER, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "build_spec" / "aizuchi.spec")], check=True, cwd=ROOT)
    if not executable(FOLDER).exists():
        raise SystemExit(f"package: PyInstaller left no {executable(FOLDER)}")


def build_archive(ver: str) -> Path:
    out = archive_path(ver)
    out.unlink(missing_ok=True)
    if out.suffix == ".zip":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(FOLDER.rglob("*")):
                archive.write(path, path.relative_to(DIST))
    else:
        with tarfile.open(out, "w:gz", compresslevel=6) as archive:
            archive.add(FOLDER, arcname="aizuchi")
    return out


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries(folder: Path) -> tuple[set[str], set[str]]:
    """The libraries outside the folder that its binaries link to, and the sonames nothing here provides."""
    outside: set[str] = set()
    missing: set[str] = set()
    for binary in _elf_files(folder):
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            line = line.strip()
            if "=> not found" in line:
                missing.add(line.split()[0])
            elif "=>" in line:
                target = line.split("=>", 1)[1].split("(")[0].strip()
                if target and not Path(target).resolve().is_relative_to(folder.resolve()):
                    outside.add(target)
    return outside, missing


def owning_packages(paths: set[str]) -> list[str]:
    """The Debian packages that own these files (merged /usr: each path also tried with and without /usr)."""
    packages: set[str] = set()
    for path in sorted(paths):
        candidates = [path, str(Path(path).resolve())]
        candidates += [c.removeprefix("/usr") if c.startswith("/usr/") else "/usr" + c for c in list(candidates)]
        for candidate in candidates:
            out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if out.returncode == 0:
                packages.add(out.stdout.split(":", 1)[0].split(",")[0].strip())
                break
        else:
            print(f"package: no Debian package owns {path}; left out of Depends", file=sys.stderr)
    return sorted(packages)


def _normalise_modes(tree: Path) -> None:
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        executable_bit = path.is_dir() or bool(mode & stat.S_IXUSR)
        path.chmod(0o755 if executable_bit else 0o644)


def build_deb(ver: str) -> Path:
    arch = deb_architecture()
    staging = BUILD / "deb" / f"aizuchi_{ver}_{arch}"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(FOLDER, staging / INSTALL_DIR.lstrip("/"), symlinks=True)
    (staging / "usr" / "bin").mkdir(parents=True)
    (staging / "usr" / "bin" / "aizuchi").write_text(wrapper_script(), encoding="utf-8")
    (staging / "usr" / "bin" / "aizuchi").chmod(0o755)
    applications = staging / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / "aizuchi.desktop").write_text(desktop_entry(), encoding="utf-8")
    icons = staging / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copyfile(ICON, icons / "aizuchi.svg")
    _normalise_modes(staging)

    outside, missing = system_libraries(FOLDER)
    if missing:
        print(f"package: not found here (optional plugins only): {', '.join(sorted(missing))}", file=sys.stderr)
    depends = owning_packages(outside)
    installed_kib = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    (staging / "DEBIAN").mkdir()
    (staging / "DEBIAN" / "control").write_text(control_file(ver, arch, depends, installed_kib), encoding="utf-8")
    _normalise_modes(staging / "DEBIAN")

    out = deb_path(ver, arch)
    out.unlink(missing_ok=True)
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(staging), str(out)], check=True)
    return out


def main() -> int:
    ver = version()
    if "--skip-build" not in sys.argv:
        print("package: building the one-folder app with PyInstaller…", file=sys.stderr)
        build_folder()
    outputs = [build_archive(ver)]
    if sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        outputs.append(build_deb(ver))
    for out in outputs:
        print(f"package: {out.relative_to(ROOT)} ({out.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
