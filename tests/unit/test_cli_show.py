"""`aizuchi show --json` prints one complete JSON object per mail and never loads Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "mail"
FIELDS = {"file", "subject", "from", "date", "body", "attachments", "notes"}


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_show_json_every_golden_file() -> None:
    files = sorted(str(p) for p in CORPUS.glob("*.eml"))
    result = _run("from ui.launcher import main; main()", "show", "--json", *files)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(files)
    records = [json.loads(line) for line in lines]
    for path, record in zip(files, records, strict=True):
        assert set(record) >= FIELDS, record
        assert record["file"] == path
    by_name = {Path(r["file"]).name: r for r in records}
    nec = by_name["02_iso2022jp_nec_ibm.eml"]
    assert nec["subject"] == "①㈱㍻Ⅲ髙﨑のお願い"
    assert nec["from"] == "山田 花子"
    assert nec["date"] == "2024-03-05T10:15:00+09:00"
    assert by_name["16_rfc2047_name_filename.eml"]["attachments"] == ["商品の写真.jpg"]
    assert any(n.startswith("unparseable") for n in by_name["22_binary_junk.eml"]["notes"])


def test_show_never_imports_qt() -> None:
    code = (
        "import sys\n"
        "from app import cli\n"
        "status = cli.main(['show', '--json', *sys.argv[1:]])\n"
        "assert not any(m == 'PySide6' or m.startswith(('PySide6.', 'shiboken6')) for m in sys.modules), 'Qt loaded'\n"
        "sys.exit(status)\n"
    )
    result = _run(code, str(CORPUS / "01_iso2022jp_plain.eml"), str(CORPUS / "17_html_only.eml"))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_show_reports_missing_file_and_goes_on() -> None:
    result = _run("from ui.launcher import main; main()", "show", "--json", "/nonexistent.eml",
                  str(CORPUS / "01_iso2022jp_plain.eml"))
    assert result.returncode == 1
    assert "/nonexistent.eml" in result.stderr
    assert json.loads(result.stdout)["subject"] == "ご注文について"
