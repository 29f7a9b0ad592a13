"""Build and check the English translation of the window.

    python scripts/translations.py build   # create the .ts if missing, always compile the .qm
    python scripts/translations.py update  # bring new strings into the .ts (unfinished), compile the .qm
    python scripts/translations.py check   # exit 1 when the .ts is stale, incomplete or wrong

The strings are those of `ui/**/*.py` and of the core's finding sentences
(`app/review/messages.py`, marked with its own `QT_TRANSLATE_NOOP`: the core
never imports Qt, the window translates them).

`check` fails, saying which message, when:
- running `pyside6-lupdate` over those files into a temporary copy of the
  committed `.ts` would change it (a string was added, changed or removed);
- a message is unfinished, or has an empty translation;
- a translation's placeholders (`%1`, `%n`, `{name}`) differ from its source.

Locations are left out of the `.ts` (`-locations none`) so moving code around
does not make the check fail; only the strings themselves matter.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "aizuchi_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{[^{}]*\}")


def _tool(name: str) -> str:
    local = BIN / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} が見つかりません（PySide6 の venv で実行してください）")
    return found


# Core modules whose strings the window translates (lupdate finds their QT_TRANSLATE_NOOP calls).
CORE_SOURCES = ("app/review/messages.py",)


def _sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")) + list(CORE_SOURCES)


def lupdate(ts: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), *_sources(), "-locations", "none", "-no-obsolete",
         "-source-language", "ja_JP", "-target-language", "en_US", "-ts", str(ts)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True, capture_output=True, text=True
    )


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    tree = ET.parse(ts)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source", ""), translation))
    return found


def problems(ts: Path) -> list[str]:
    """What is wrong with the translations in `ts` (empty when all is well)."""
    found = []
    for context, source, translation in _messages(ts):
        where = f"{context}: 「{source}」"
        kind = translation.get("type", "")
        if kind in ("unfinished", "vanished", "obsolete"):
            found.append(f"{where}: 翻訳が未完了です ({kind})")
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        expected = Counter(PLACEHOLDER.findall(source))
        for form in forms:
            if not form.strip():
                found.append(f"{where}: 翻訳が空です")
            elif Counter(PLACEHOLDER.findall(form)) != expected:
                found.append(f"{where}: プレースホルダーが原文と違います → 「{form}」")
    return found


def stale(ts: Path) -> list[str]:
    """Messages lupdate would add or remove: the .ts does not match the code."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts.name
        shutil.copy(ts, copy)
        lupdate(copy)
        if copy.read_bytes() == ts.read_bytes():
            return []
        before = {(c, s) for c, s, _ in _messages(ts)}
        after = {(c, s) for c, s, _ in _messages(copy)}
        changes = [f"{c}: 「{s}」 がコードにあるのに .ts にありません" for c, s in sorted(after - before)]
        changes += [f"{c}: 「{s}」 は .ts にあるのにコードにありません" for c, s in sorted(before - after)]
        return changes or ["lupdate を実行すると .ts が変わります（書式の違い）"]


def build() -> int:
    if not TS.exists():
        TS.parent.mkdir(parents=True, exist_ok=True)
        lupdate(TS)
        print(f"{TS.relative_to(ROOT)} を作成しました。英訳を記入してください。")
    lrelease(TS, QM)
    return 0


def update() -> int:
    """Run lupdate over the committed .ts: new strings arrive unfinished for a translator to fill."""
    lupdate(TS)
    lrelease(TS, QM)
    unfinished = [f"{c}: 「{s}」" for c, s, t in _messages(TS) if t.get("type") == "unfinished"]
    for line in unfinished:
        print(f"未翻訳: {line}")
    return 0


def check() -> int:
    if not TS.exists():
        print(f"{TS.relative_to(ROOT)} がありません（scripts/translations.py build で作成）")
        return 1
    issues = stale(TS) + problems(TS)
    for issue in issues:
        print(issue)
    if issues:
        print(f"翻訳チェック失敗: {len(issues)} 件")
        return 1
    print(f"翻訳チェック OK: {len(_messages(TS))} 件")
    return 0


def main(argv: list[str]) -> int:
    commands = {"build": build, "update": update, "check": check}
    if len(argv) != 2 or argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[argv[1]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
