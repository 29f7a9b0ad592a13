"""The translation check catches what it promises to: stale, unfinished, wrong placeholders."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_translation_is_complete_and_current() -> None:
    script = _script()
    assert script.problems(script.TS) == []
    assert script.stale(script.TS) == []


def test_check_reports_placeholder_and_unfinished_problems(tmp_path: Path) -> None:
    script = _script()
    ts = tmp_path / "aizuchi_en.ts"
    shutil.copy(script.TS, ts)
    text = ts.read_text(encoding="utf-8")
    text = text.replace("<translation>From: {who}</translation>", "<translation>From: {sender}</translation>")
    text = text.replace("<translation>Subject</translation>", '<translation type="unfinished"></translation>', 1)
    ts.write_text(text, encoding="utf-8")
    found = script.problems(ts)
    assert any("差出人: {who}" in p and "プレースホルダー" in p for p in found), found
    assert any("「件名」" in p and "未完了" in p for p in found), found
    assert len(found) == 2


def test_check_reports_a_string_missing_from_the_ts(tmp_path: Path) -> None:
    script = _script()
    ts = tmp_path / "aizuchi_en.ts"
    text = script.TS.read_text(encoding="utf-8")
    start = text.index("<message>\n        <source>画像を表示</source>")
    end = text.index("</message>", start) + len("</message>")
    ts.write_text(text[:start] + text[end:], encoding="utf-8")
    stale = script.stale(ts)
    assert any("画像を表示" in line for line in stale), stale
