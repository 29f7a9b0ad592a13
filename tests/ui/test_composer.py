"""The composer on the party-dress mail: IME typing, snippets from the panel, live review, send."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.mail.parse import parse_message
from app.model import FindingKind, HighlightKind
from tests.ui.driver import Driver, ime_commit
from ui.main_window import MainWindow


def _kinds(win: MainWindow) -> set[FindingKind]:
    return {f.kind for f in win.compose.composer.findings}


def _sent_files(mailbox: Path) -> list[Path]:
    return [p for sub in ("cur", "new") for p in (mailbox / ".Sent" / sub).glob("*") if not p.name.startswith(".")]


def _dress_file(mailbox: Path, subject: str) -> Path:
    return next(p for p in (mailbox / "cur").glob("*") if parse_message(p.read_bytes()).subject == subject)


def _select_highlight(win: MainWindow, kind: HighlightKind) -> None:
    index = win.insight_panel.model.highlight_indexes(kind)[0]
    win.insight_panel.view.setCurrentIndex(index)


@pytest.fixture
def japan_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A computer on Japan time: the quote line's time as the mail says it (test_reader_quote_time: another zone)."""
    monkeypatch.setenv("TZ", "JST-9")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_reply_opens_beside_the_mail_with_greeting_quote_and_threading(
    japan_time: None, qtbot: QtBot, window: MainWindow, dress_subject: str
) -> None:
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply()
    composer = window.compose.composer
    assert composer.isVisible() and window.reader.isVisible()
    text = composer.text()
    assert text.startswith("小野寺 さやか様\n")
    assert "ドレスショップ ルミエール" in text and "担当：三浦 晴香" in text
    assert "2025年11月12日(水) 21:37 小野寺 さやか <sayaka.onodera@example.com>:" in text
    assert "> 実は、今度の連休にパーティーで着たいと思っています。" in text
    draft = composer.current_draft()
    assert draft is not None
    assert draft.subject == "Re: " + dress_subject
    assert draft.in_reply_to == "<20251112.dress01@example.com>"
    assert draft.references == ("<20251112.dress01@example.com>",)
    assert draft.sender.email == "shop@lumiere.example.jp"
    # The cursor waits on the empty line after the shop's greeting.
    cursor = composer.editor.textCursor()
    assert text[: cursor.position()].endswith("担当の三浦と申します。\n\n")


def test_ime_commit_reaches_the_editor(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply()
    editor = window.compose.composer.editor
    before = editor.toPlainText()
    position = editor.textCursor().position()
    ime_commit(editor, "ご連絡ありがとうございます。")
    after = editor.toPlainText()
    assert after == before[:position] + "ご連絡ありがとうございます。" + before[position:]


def test_cold_reply_is_flagged_and_warm_reply_with_snippet_is_not(
    qtbot: QtBot, window: MainWindow, dress_subject: str, demo_copy: Path
) -> None:
    """The issue's "Done when": cold → ignored_disclosure + dialog; warm with a panel snippet → none."""
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply()
    compose = window.compose
    composer = compose.composer
    start = composer.editor.textCursor().position()
    sent_before = set(_sent_files(demo_copy))

    Driver(qtbot, window).type_draft("在庫はございます。15日に届きます。")
    assert FindingKind.IGNORED_DISCLOSURE in _kinds(window)
    disclosure = next(f for f in composer.findings if f.kind is FindingKind.IGNORED_DISCLOSURE)
    assert disclosure.ref is not None and disclosure.ref.kind is HighlightKind.DISCLOSURE

    # On send, the review dialog lists what is left; going back keeps the draft.
    with qtbot.waitSignal(compose.send_checked, timeout=10000):
        composer.send_button.click()
    dialog = compose.review_dialog
    assert dialog is not None and dialog.isVisible()
    listed = [dialog.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dialog.list.count())]
    # Every finding once (the many ignored disclosures behind one folded entry).
    assert sorted(map(repr, (f for f in listed if f != "folded"))) == sorted(map(repr, composer.findings))
    assert composer.findings
    dialog.back_button.click()
    assert compose.review_dialog is None and compose.composing
    assert set(_sent_files(demo_copy)) == sent_before

    # Rewrite warmly: the worry's empathy snippet from the panel, plus acknowledgement.
    cursor = composer.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("在庫はございます。15日に届きます。"), QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    composer.editor.setTextCursor(cursor)
    _select_highlight(window, HighlightKind.WORRY)
    suggestions = compose.suggestions
    # The worry is about arriving before the holiday: the first suggestion speaks to that, filled.
    assert suggestions.suggestions and suggestions.suggestions[0].situation == "worry_delivery"
    item = suggestions.view.item(0)  # 「連休に間に合うか、ご心配のことと存じます。」: nothing left to fill
    snippet_text = suggestions.filled(0).text
    assert snippet_text == "連休に間に合うか、ご心配のことと存じます。"
    assert not suggestions.filled(0).unfilled
    rect = suggestions.view.visualItemRect(item)
    with qtbot.waitSignal(compose.review_shown, timeout=10000):
        qtbot.mouseClick(suggestions.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert snippet_text in composer.text()
    Driver(qtbot, window).type_draft(
        "ご友人のご結婚、誠におめでとうございます。連休のお祝いのパーティーでお召しいただけるとのこと、大変光栄です。"
        "初めての通販とのこと、当店を選んでいただき嬉しく思います。"
        "久しぶりに皆さまで集まられるとのこと、おしゃれを楽しんでいただけるよう心を込めてお届けします。"
        "身長158cmでしたら、膝が隠れるくらいの丈になります。"
        "連休前に届くよう、ご注文をいただきましたら優先して手配いたしますので、どうぞご安心ください。"
        "難しい場合は、お手数をおかけしないよう、すぐにお知らせいたします。",
    )
    assert FindingKind.IGNORED_DISCLOSURE not in _kinds(window), composer.findings
    assert not composer.findings, composer.findings

    # No findings: no dialog, sent at once into Sent, the original flagged answered.
    original = _dress_file(demo_copy, dress_subject)
    original.rename(original.with_name(original.name.split(":2,")[0] + ":2,S"))  # the demo had it answered
    with qtbot.waitSignal(compose.sent, timeout=10000):
        composer.send_button.click()
    assert compose.review_dialog is None
    sent = set(_sent_files(demo_copy)) - sent_before
    draft_id = None
    matches = []
    for path in sent:
        message = parse_message(path.read_bytes())
        if message.in_reply_to == "<20251112.dress01@example.com>" and snippet_text in message.body:
            matches.append(path)
            draft_id = message.message_id
    assert len(matches) == 1 and matches[0].name.endswith(":2,S")
    assert draft_id
    flags = _dress_file(demo_copy, dress_subject).name.split(":2,")[1]
    assert "R" in flags and "S" in flags
    assert not compose.composing


def test_unfilled_placeholder_is_selected_and_blocks_sending(
    qtbot: QtBot, window: MainWindow, dress_subject: str, demo_copy: Path
) -> None:
    Driver(qtbot, window).open(dress_subject)
    sent_before = set(_sent_files(demo_copy))
    Driver(qtbot, window).reply()
    compose = window.compose
    _select_highlight(window, HighlightKind.REQUEST)
    pack = compose.suggestions.suggestions
    index = next(i for i, s in enumerate(pack) if "{product}" in s.text or "{date}" in s.text)
    with qtbot.waitSignal(compose.review_shown, timeout=10000):
        compose._insert_suggestion(index)
    editor = compose.composer.editor
    assert editor.textCursor().selectedText() in ("{product}", "{date}")
    assert FindingKind.UNFILLED_PLACEHOLDER in _kinds(window)
    with qtbot.waitSignal(compose.send_checked, timeout=10000):
        compose.composer.send_button.click()
    dialog = compose.review_dialog
    assert dialog is not None and dialog.blocked and not dialog.send_button.isEnabled()
    dialog.accept()  # even a forced accept does not send
    assert dialog.isVisible()
    dialog.reject()
    assert set(_sent_files(demo_copy)) == sent_before


def test_clicking_a_finding_selects_it_and_a_fix_applies(
    qtbot: QtBot, window: MainWindow, dress_subject: str
) -> None:
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply()
    composer = window.compose.composer
    Driver(qtbot, window).type_draft("ご注文を拝見させていただきます。")
    finding = next(f for f in composer.findings if f.kind is FindingKind.KEIGO_DOUBLE)
    row = next(r for r in range(composer.findings_view.count())
               if composer.findings_view.item(r).data(Qt.ItemDataRole.UserRole) == finding)
    item = composer.findings_view.item(row)
    composer.findings_view.itemClicked.emit(item)
    assert composer.editor.textCursor().selectedText() == composer.text()[finding.start : finding.end]
    assert finding.suggestion
    widget = composer.findings_view.itemWidget(item)
    with qtbot.waitSignal(window.compose.review_shown, timeout=10000):
        widget.fix.click()
    assert finding.suggestion in composer.text()
    assert FindingKind.KEIGO_DOUBLE not in _kinds(window)


def test_ctrl_number_inserts_the_selected_highlights_suggestion(
    qtbot: QtBot, window: MainWindow, dress_subject: str
) -> None:
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply()
    compose = window.compose
    _select_highlight(window, HighlightKind.DISCLOSURE)
    first = compose.suggestions.filled(0)
    assert first is not None
    qtbot.keyClick(compose.composer.editor, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert first.text in compose.composer.text()
    second = compose.suggestions.filled(1)
    assert second is not None
    qtbot.keyClick(compose.composer.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert first.text + second.text in compose.composer.text()  # several snippets combine


def test_closing_keeps_the_draft_and_reply_restores_it(
    qtbot: QtBot, window: MainWindow, dress_subject: str
) -> None:
    Driver(qtbot, window).open(dress_subject)
    Driver(qtbot, window).reply()
    compose = window.compose
    Driver(qtbot, window).type_draft("下書きのテストです。")
    message_id = compose.composer.current_draft().message_id  # type: ignore[union-attr]
    with qtbot.waitSignal(compose.draft_saved, timeout=10000):
        compose.composer.close_button.click()
    assert not compose.composing and not compose.composer.isVisible()
    Driver(qtbot, window).reply()
    assert "下書きのテストです。" in compose.composer.text()
    assert compose.composer.current_draft().message_id == message_id  # type: ignore[union-attr]


def test_recipients_can_be_edited_and_a_bad_address_stops_sending(
    qtbot: QtBot, window: MainWindow, dress_subject: str, demo_copy: Path
) -> None:
    Driver(qtbot, window).open(dress_subject)
    sent_before = set(_sent_files(demo_copy))
    Driver(qtbot, window).reply()
    compose = window.compose
    composer = compose.composer
    assert composer.to_edit.text() == "小野寺 さやか <sayaka.onodera@example.com>"
    composer.cc_edit.setText("tencho@lumiere.example.jp、")
    ime_commit(composer.cc_edit, "店長 <manager@lumiere.example.jp>")
    composer.to_edit.setText("小野寺 さやか <sayaka.onodera@example>")  # a typo: no domain
    composer.send_button.click()
    assert "sayaka.onodera@example" in composer.status.text()
    assert compose.review_dialog is None and composer.send_button.isEnabled()
    assert set(_sent_files(demo_copy)) == sent_before

    composer.to_edit.setText("小野寺 さやか <sayaka.onodera@example.com>")
    draft = composer.current_draft()
    assert draft is not None
    assert [a.email for a in draft.cc] == ["tencho@lumiere.example.jp", "manager@lumiere.example.jp"]
    with qtbot.waitSignal(compose.sent, timeout=20000):
        composer.send_button.click()
        qtbot.waitUntil(lambda: compose.review_dialog is not None or not compose.composing, timeout=20000)
        if compose.review_dialog is not None:  # a bare reply has findings: send anyway
            compose.review_dialog.accept()
    (path,) = set(_sent_files(demo_copy)) - sent_before
    message = parse_message(path.read_bytes())
    assert [a.email for a in message.to] == ["sayaka.onodera@example.com"]
    assert [(a.name, a.email) for a in message.cc] == [("", "tencho@lumiere.example.jp"),
                                                       ("店長", "manager@lumiere.example.jp")]
