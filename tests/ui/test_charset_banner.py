"""Issue 16 (10): a charset note only when something was really guessed, calm and in plain words."""

from __future__ import annotations

from ui.main_window import MainWindow
from ui.models import Role


def _open(qtbot, win: MainWindow, subject_part: str) -> None:  # type: ignore[no-untyped-def]
    proxy = win.proxy
    row = next(r for r in range(proxy.rowCount()) if subject_part in proxy.index(r, 0).data(Role.HEADER).subject)
    with qtbot.waitSignal(win.message_shown, timeout=20000):
        win.message_view.selectRow(row)


def test_ordinary_japanese_mail_has_no_banner(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    # ISO-2022-JP with NEC characters (①, ㈱, 髙) and Shift_JIS read as CP932: how Japanese mail is written.
    for subject in ("創立記念品", "注文した商品がまだ届きません"):
        _open(qtbot, window, subject)
        assert window.reader.note_banner.isHidden(), window.reader.note_banner.label.text()


def test_a_guessed_charset_is_said_plainly_with_the_codec_in_the_tooltip(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, "カタログ送付のお願い")  # no charset label at all: really guessed
    banner = window.reader.note_banner
    assert not banner.isHidden()
    assert banner.label.text() == "文字化けを防ぐため、文字コードを推定して表示しています"
    assert "cp932" in banner.toolTip()
    assert banner.objectName() == "noteBanner"  # the calm note, not the yellow warning
