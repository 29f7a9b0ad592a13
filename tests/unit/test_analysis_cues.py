"""Each highlight says why: the cue it matched, in `Highlight.cue` and `analyze --json`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.analysis import analyze
from app.model import CueKind, HighlightKind, cue_parts
from bench.eval_sets import analysis_set

D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY


def _cues(body: str) -> dict[tuple[HighlightKind, str], tuple[CueKind | None, str]]:
    return {(h.kind, body[h.start : h.end]): cue_parts(h.cue) for h in analyze(body).highlights}


@pytest.mark.parametrize(
    ("body", "kind", "cue", "words"),
    [
        ("日曜日の配達は可能でしょうか。", R, CueKind.QUESTION, "でしょうか"),
        ("サイズをMに変更してください。", R, CueKind.PLEASE, "てください"),
        ("ラッピングしていただけると助かります。", R, CueKind.BENEFACTIVE, "いただけると助かります"),
        ("送料がいくらになるか知りたいです。", R, CueKind.WANT, "知りたい"),
        ("同じ色で再送をお願いします。", R, CueKind.ONEGAI, "お願いします"),
        ("ギフト用の箱があればありがたいです。", R, CueKind.CONDITIONAL, "ばありがたいです"),
        ("届くのが遅れないか心配です。", W, CueKind.WORRY_WORD, "心配"),
        ("入らなかったらどうしようと思っています。", W, CueKind.DOUSHIYOU, "どうしよう"),
        ("妻に卵アレルギーがあります。", D, CueKind.FAMILY, "妻"),
        ("来月出産予定です。", D, CueKind.LIFE, "出産"),
    ],
)
def test_cue_names_the_rule_and_the_words(body: str, kind: HighlightKind, cue: CueKind, words: str) -> None:
    found = [c for (k, _), c in _cues(body).items() if k is kind]
    assert found, f"no {kind} in {body}"
    assert found[0] == (cue, words)


def test_every_highlight_of_the_own_cases_has_a_cue() -> None:
    own = analysis_set("own_macro_f1")
    for line in own.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        for h in analyze(json.loads(line)["text"]).highlights:
            kind, words = cue_parts(h.cue)
            assert kind is not None and kind is not CueKind.MANUAL, h
            assert words, h


def test_cue_parts_of_nothing_and_of_nonsense() -> None:
    assert cue_parts("") == (None, "")
    assert cue_parts("no-such-kind:x") == (None, "")
    assert cue_parts("manual:") == (CueKind.MANUAL, "")


def test_cli_json_carries_the_cue(tmp_path: Path) -> None:
    mail = tmp_path / "m.txt"
    mail.write_text("来週の連休に旅行するので、それまでに届きますか？", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "app.cli", "analyze", "--json", str(mail)],
                         capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2])
    record = json.loads(out.stdout)
    cues = {h["kind"]: h["cue"] for h in record["highlights"]}
    assert cues["request"].startswith("question:")
    assert cues["disclosure"].split(":")[0] in {c.value for c in CueKind}
