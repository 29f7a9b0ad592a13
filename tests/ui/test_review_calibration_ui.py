"""Issue 15's "Done when" for the live review: an empty draft shows one "not written yet" state,
a curt reply gets the tone finding with a cushioned rewrite, and the warm reply to the
party-dress mail is not told it ignored the party."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.model import FindingKind
from tests.ui.driver import Driver
from ui.main_window import MainWindow

WARM = (
    "ご友人のご結婚、誠におめでとうございます。お祝いの席でお召しいただけるとのこと、スタッフ一同うれしく思っております。"
    "初めての通販で当店を選んでくださり、ありがとうございます。"
    "普段9号をお召しで身長158cmでしたら、こちらのドレスは膝が隠れるくらいの丈でございます。"
    "連休に間に合うか、ご心配のことと存じます。本日ご注文いただければ連休前にお届けできますので、どうぞご安心ください。"
    "久しぶりに皆様でお集まりになる当日が、素敵な一日になりますように。"
)




def test_empty_draft_then_curt_then_warm(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply()
    composer = window.compose.composer
    qtbot.waitUntil(lambda: bool(composer.findings), timeout=10000)
    assert [f.kind for f in composer.findings] == [FindingKind.NOT_WRITTEN]
    assert composer.findings_view.count() == 1
    assert composer.findings_title.text() == "見直し：まだ本文が書かれていません"

    start = composer.editor.textCursor().position()
    Driver(qtbot, window).type_draft("在庫はありません。")
    tone = [f for f in composer.findings if f.kind is FindingKind.TONE_COLD]
    assert len(tone) == 1, composer.findings
    assert tone[0].suggestion == "大変申し訳ございませんが、あいにく在庫はございません。"
    assert FindingKind.NOT_WRITTEN not in {f.kind for f in composer.findings}

    cursor = composer.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("在庫はありません。"), cursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    composer.editor.setTextCursor(cursor)
    Driver(qtbot, window).type_draft(WARM)
    kinds = {f.kind for f in composer.findings}
    assert FindingKind.IGNORED_DISCLOSURE not in kinds, composer.findings
    assert FindingKind.TONE_COLD not in kinds and FindingKind.UNACKNOWLEDGED_WORRY not in kinds
