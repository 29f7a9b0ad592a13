"""`aizuchi review --json`: one JSON object per draft, refs into the mail, and no Qt imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parents[2]


def test_review_json_without_mail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("了解です！\r\n明日送るね😊✨", encoding="utf-8", newline="")
    second.write_text("ご注文ありがとうございます。\nご覧になられましたか。", encoding="utf-8")
    assert cli.main(["review", "--json", str(first), str(second)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["file"] for r in lines] == [str(first), str(second)]
    kinds_a = {f["kind"] for f in lines[0]["findings"]}
    assert "tone_overfamiliar" in kinds_a
    assert not kinds_a & {"unanswered_request", "ignored_disclosure", "unacknowledged_worry"}
    finding = next(f for f in lines[1]["findings"] if f["kind"] == "keigo_double")
    assert set(finding) == {"kind", "severity", "start", "end", "message", "suggestion", "ref"}
    text = second.read_text(encoding="utf-8")
    assert text[finding["start"] : finding["end"]] == "ご覧になられ"
    assert finding["ref"] is None


def test_review_with_mail_refers_to_mail_spans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("app.analysis")
    mail = tmp_path / "mail.txt"
    draft = tmp_path / "draft.txt"
    mail_text = (
        "お世話になっております。\n送料はいくらかかりますか。\n"
        "また、まとめ買いの割引はありますか。\nよろしくお願いいたします。"
    )
    mail.write_text(mail_text, encoding="utf-8")
    draft.write_text("お問い合わせありがとうございます。\n送料は全国一律550円でございます。", encoding="utf-8")
    assert cli.main(["review", "--json", "--message", str(mail), str(draft)]) == 0
    record = json.loads(capsys.readouterr().out)
    missing = [f for f in record["findings"] if f["kind"] == "unanswered_request"]
    assert len(missing) == 1
    ref = missing[0]["ref"]
    assert ref["kind"] == "request"
    assert "割引" in mail_text[ref["start"] : ref["end"]]


def test_missing_draft_is_an_error_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["review", "--json", str(tmp_path / "none.txt")]) == 1
    assert "none.txt" in capsys.readouterr().err


def test_review_command_does_not_import_qt(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("ご注文ありがとうございます。", encoding="utf-8")
    code = (
        "import sys; from app import cli; cli.main(['review', '--json', sys.argv[1]]);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
