"""The command line's human output and errors are Japanese, and a file it cannot use is an error (QA run, item 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli

MAIL = (
    "From: 山田 花子 <hanako@example.com>\n"
    "To: shop@example.jp\n"
    "Subject: =?UTF-8?B?6Iad5o6b44GR44Gu5Lqk5o+b?=\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "お世話になっております。山田と申します。\n\n"
    "先週、母の古希のお祝いにと思い、貴店の膝掛けを注文いたしました。\n"
    "ただ、届いた箱が少しつぶれていて、中身が傷んでいないか心配です。\n"
    "お手数ですが、交換していただくことはできますでしょうか。\n"
)


@pytest.fixture
def mail(tmp_path: Path) -> Path:
    path = tmp_path / "mail.eml"
    path.write_text(MAIL, encoding="utf-8")
    return path


def test_suggest_prints_the_situations_japanese_labels(mail: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.snippets import load_pack

    assert cli.main(["suggest", str(mail)]) == 0
    out = capsys.readouterr().out
    pack = load_pack()
    assert "close_celebration" not in out and "ask_order" not in out
    assert f"場面: {pack.situations['close_celebration']}" in out  # 身近な方のお祝いごと
    assert "[自己開示]" in out and "[ご要望・ご質問]" in out
    assert "[disclosure]" not in out and "[request]" not in out


def test_suggest_json_keeps_the_ids(mail: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["suggest", "--json", str(mail)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "close_celebration" in {s["situation"] for s in record["suggestions"]}
    assert {s["highlight"]["kind"] for s in record["suggestions"]} >= {"disclosure", "request"}


def test_analyze_labels_are_japanese_and_json_is_unchanged(mail: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["analyze", str(mail)]) == 0
    out = capsys.readouterr().out
    assert "[自己開示]" in out and "[ご不安]" in out and "[ご要望・ご質問]" in out
    assert "[disclosure]" not in out and "[worry]" not in out
    assert cli.main(["analyze", "--json", str(mail)]) == 0
    kinds = {h["kind"] for h in json.loads(capsys.readouterr().out)["highlights"]}
    assert kinds == {"disclosure", "worry", "request"}


@pytest.mark.parametrize("command", ["analyze", "suggest"])
def test_a_binary_file_is_an_error_said_in_japanese(
    command: str, tmp_path: Path, mail: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "photo.eml"
    binary.write_bytes(b"\xff\xfe\x00g\x00a\x00r\x00b\x00a\x00g\x00e" + bytes(range(256)))
    # The good mail after it is still handled: one bad file loses nothing else.
    assert cli.main([command, str(binary), str(mail)]) == 1
    captured = capsys.readouterr()
    assert f"{binary}: メールでもテキストでもないファイル" in captured.err
    assert f"== {binary}" not in captured.out
    assert f"== {mail}" in captured.out


@pytest.mark.parametrize("command", ["analyze", "suggest", "show"])
def test_a_missing_file_is_said_in_japanese(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([command, str(tmp_path / "none.eml")]) == 1
    err = capsys.readouterr().err
    assert "ファイルが見つかりません" in err
    assert "No such file" not in err and "Errno" not in err


def test_an_unreadable_file_is_said_in_japanese() -> None:
    # Worded directly: these tests may run as root, who reads a file of mode 000 all the same.
    assert cli._file_error(PermissionError(13, "Permission denied")) == "ファイルを読む権限がありません"
    assert "Errno" not in cli._file_error(OSError(5, "Input/output error"))


def test_a_folder_or_bad_text_is_said_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["analyze", str(tmp_path)]) == 1
    assert "フォルダです" in capsys.readouterr().err
    shift_jis = tmp_path / "body.txt"
    shift_jis.write_bytes("交換できますか".encode("shift_jis"))
    assert cli.main(["analyze", str(shift_jis)]) == 1
    assert "UTF-8 のテキストとして読めません" in capsys.readouterr().err
