"""Issue 16 (10): a charset note only when something was really guessed, calm and in plain words."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.context import Changes
from tests.ui.driver import Driver
from ui.main_window import MainWindow


def test_ordinary_japanese_mail_has_no_banner(qtbot: QtBot, window: MainWindow) -> None:
    # ISO-2022-JP with NEC characters (①, ㈱, 髙) and Shift_JIS read as CP932: how Japanese mail is written.
    for subject in ("創立記念品", "注文した商品がまだ届きません"):
        Driver(qtbot, window).open(subject, Changes.MESSAGE)
        assert window.reader.note_banner.isHidden(), window.reader.note_banner.label.text()


def test_a_guessed_charset_is_said_plainly_with_the_codec_in_the_tooltip(qtbot: QtBot, window: MainWindow) -> None:
    Driver(qtbot, window).open("カタログ送付のお願い", Changes.MESSAGE)  # no charset label at all: really guessed
    banner = window.reader.note_banner
    assert not banner.isHidden()
    assert banner.label.text() == "文字化けを防ぐため、文字コードを推定して表示しています"
    assert "cp932" in banner.toolTip()
    assert banner.objectName() == "noteBanner"  # the calm note, not the yellow warning
