"""The composer and the review findings as a new shop owner meets them (a QA run at 1366×768 and 1024×700):
what blocks sending comes first and the many 「触れていないお話」 fold into one entry; findings wrap to
the list's width; a status never squeezes the buttons; 定型文の管理 and 署名とあいさつ are in the window's
menu; 送信を取り消す shows the agent's words; a restored-draft note does not outlive its reply; the
snippet manager says why its form is greyed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import ui.composer as composer_module
from app.clock import FakeClock
from app.context import Changes
from app.model import Finding, FindingKind, Severity
from app.service_hours import JST
from app.settings import UNDO_SECONDS, load_settings
from app.snippets import SnippetPack, load_our_pack
from tests.ui.driver import Driver, on
from ui.composer import ComposerPane, FindingRow
from ui.main_window import MainWindow
from ui.review_dialog import SendReviewDialog
from ui.signature_dialog import SignatureDialog
from ui.snippet_manager import SnippetManagerDialog

DRAFT = "了解です。ご苦労様です。在庫はあります。{product}を送ります"
LONG = ("お客様が教えてくださった「先月お送りいただいたメリノウールの細糸で編んだショールは、"
        "おかげさまで無事に編み上がりまして」に触れていません。")


def _finding(kind: FindingKind, severity: Severity, message: str, start: int = 0, end: int = 0,
             suggestion: str = "") -> Finding:
    return Finding(kind, severity, start, end, message, suggestion)


def _chatty_findings(disclosures: int) -> list[Finding]:
    """The QA run's order: draft order, the one that blocks sending fourth, behind the manners."""
    return [
        _finding(FindingKind.BUSINESS_MANNER, Severity.WARNING, "「了解です」は避けたい言い回しです。", 0, 5,
                 "承知しました"),
        _finding(FindingKind.TONE_OVERFAMILIAR, Severity.WARNING, "なれなれしい表現があります。"),
        _finding(FindingKind.BUSINESS_MANNER, Severity.WARNING, "「ご苦労様です」は避けたい言い回しです。", 5, 12,
                 "お疲れ様です"),
        _finding(FindingKind.UNFILLED_PLACEHOLDER, Severity.ERROR, "「{product}」が埋められていません。", 20, 29),
        *(_finding(FindingKind.IGNORED_DISCLOSURE, Severity.WARNING, f"お話その{n}に触れていません。")
          for n in range(disclosures)),
        _finding(FindingKind.LONG_SENTENCE, Severity.INFO, "一文が長めです。", 0, 5),
    ]


def _listed(composer: ComposerPane) -> list[Finding | str]:
    view = composer.findings_view
    return [view.item(r).data(Qt.ItemDataRole.UserRole) for r in range(view.count())]


def _composer(qtbot: QtBot, width: int, height: int = 600) -> ComposerPane:
    composer = ComposerPane()
    qtbot.addWidget(composer)
    composer.resize(width, height)
    composer.show()
    qtbot.waitExposed(composer)
    composer.editor.setPlainText(DRAFT)
    return composer


# -- 1. what blocks sending first; the many 「触れていないお話」 folded -------------------------------------
def test_blocking_first_and_many_ignored_disclosures_fold_into_one_entry(qtbot: QtBot) -> None:
    composer = _composer(qtbot, 500)
    findings = _chatty_findings(27)
    assert composer.set_findings(DRAFT, findings)
    listed = _listed(composer)
    kinds = [f.kind if isinstance(f, Finding) else f for f in listed]
    # Blocking, then the warnings (the folded entry after the specific ones), then information.
    assert kinds[:5] == [FindingKind.UNFILLED_PLACEHOLDER, FindingKind.BUSINESS_MANNER,
                         FindingKind.TONE_OVERFAMILIAR, FindingKind.BUSINESS_MANNER, "folded"]
    assert kinds[-1] is FindingKind.LONG_SENTENCE
    assert kinds.count(FindingKind.IGNORED_DISCLOSURE) == 27
    view = composer.findings_view
    folded_rows = [r for r in range(view.count()) if view.item(r).data(Qt.ItemDataRole.UserRole) == "folded"]
    assert len(folded_rows) == 1
    entry = view.itemWidget(view.item(folded_rows[0]))
    assert isinstance(entry, composer_module.FoldedRow) and "触れていないお話が 27 件あります" in entry.label.text()
    disclosures = [r for r in range(view.count()) if kinds[r] is FindingKind.IGNORED_DISCLOSURE]
    assert all(view.item(r).isHidden() for r in disclosures)
    # The header says what there is to look at: five, and the folded ones apart.
    assert composer.findings_title.text() == "見直し：5 件の気になる点（ほかに触れていないお話 27 件）"
    assert composer.findings == findings  # the review's findings are not changed, only shown in order
    # A click on the entry opens the list; another closes it.
    view.itemClicked.emit(view.item(folded_rows[0]))
    assert composer.folded_open and not any(view.item(r).isHidden() for r in disclosures)
    # The live review refills the list after each pause in typing: an opened list stays open.
    assert composer.set_findings(DRAFT, findings)
    assert composer.folded_open and not any(view.item(r).isHidden() for r in disclosures)
    view.itemClicked.emit(view.item(folded_rows[0]))
    assert all(view.item(r).isHidden() for r in disclosures)
    # What 「戻って直す」 selects: the one that blocks sending.
    first = composer.arranged.first
    assert first is not None and first.kind is FindingKind.UNFILLED_PLACEHOLDER


def test_three_ignored_disclosures_stay_one_by_one(qtbot: QtBot) -> None:
    composer = _composer(qtbot, 500)
    assert composer.set_findings(DRAFT, _chatty_findings(3))
    listed = _listed(composer)
    assert "folded" not in listed and len(listed) == 8
    assert composer.findings_title.text() == "見直し：8 件の気になる点"


def test_send_dialog_lists_blocking_first_and_folds_the_disclosures(qtbot: QtBot) -> None:
    dialog = SendReviewDialog(_chatty_findings(27))
    qtbot.addWidget(dialog)
    items = [dialog.list.item(r) for r in range(dialog.list.count())]
    first = items[0].data(Qt.ItemDataRole.UserRole)
    assert isinstance(first, Finding) and first.kind is FindingKind.UNFILLED_PLACEHOLDER
    assert dialog.blocked and not dialog.send_button.isEnabled()
    folded = dialog.folded_item
    assert folded is not None
    assert "触れていないお話が 27 件あります" in dialog.list.line(dialog.list.row(folded))
    hidden = [i for i in items if i.isHidden()]
    assert len(hidden) == 27
    assert all(i.data(Qt.ItemDataRole.UserRole).kind is FindingKind.IGNORED_DISCLOSURE for i in hidden)
    visible = [r for r, i in enumerate(items) if not i.isHidden()]
    assert len(visible) == 6  # the blocking one, three warnings, the entry, information
    assert dialog.list.line(0).startswith("未記入の差し込み：")
    # No fix buttons here: the draft is not beside the dialog.
    assert not dialog.findChildren(QPushButton, "fixButton")
    dialog.list.itemClicked.emit(folded)
    assert dialog.folded_open and not any(i.isHidden() for i in items)
    assert dialog.intro.text() == "この返信には、まだ 5 件の気になる点があります（ほかに、触れていないお話が 27 件）。"


# -- 2. the findings list wraps; the fix button shows its words -----------------------------------------
@pytest.mark.parametrize("width", [400, 560])
def test_findings_wrap_without_horizontal_scrolling_and_the_fix_button_fits(qtbot: QtBot, width: int) -> None:
    composer = _composer(qtbot, width)
    findings = [
        _finding(FindingKind.BUSINESS_MANNER, Severity.WARNING,
                 "「了解です」はお客様へのメールでは避けたい言い回しです。「承知しました」とします。", 0, 5,
                 "承知しました"),
        _finding(FindingKind.IGNORED_DISCLOSURE, Severity.WARNING, LONG),
    ]
    assert composer.set_findings(DRAFT, findings)
    view = composer.findings_view
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    QApplication.processEvents()
    assert view.horizontalScrollBar().maximum() == 0
    viewport = view.viewport().width()
    for r in range(view.count()):
        row = view.itemWidget(view.item(r))
        assert isinstance(row, FindingRow)
        assert view.visualItemRect(view.item(r)).width() <= viewport
        assert row.label.width() <= viewport
        # Tall enough for the wrapped sentence (not cut to one line).
        needed = row.label.heightForWidth(row.label.width())
        assert row.label.height() >= needed > row.label.fontMetrics().height()
    fix = view.itemWidget(view.item(0)).fix  # type: ignore[union-attr]
    assert fix is not None and fix.text() == "「承知しました」に直す"
    assert fix.width() >= fix.sizeHint().width()
    assert fix.mapTo(view.viewport(), fix.rect().topRight()).x() <= viewport


def test_a_long_fix_is_shortened_on_its_button_and_whole_in_its_tooltip(qtbot: QtBot) -> None:
    long_fix = "ご注文いただいた商品は明日の午前中に発送いたします"
    row = FindingRow(_finding(FindingKind.REDUNDANT, Severity.INFO, "重複しています。", 0, 3, long_fix))
    qtbot.addWidget(row)
    assert row.fix is not None
    assert row.fix.toolTip() == f"「{long_fix}」に直す"
    assert len(row.fix.text()) < len(row.fix.toolTip()) and row.fix.text().endswith("…」に直す")


# -- 3. a status never squeezes the buttons ------------------------------------------------------------
def _buttons(composer: ComposerPane) -> list[QPushButton]:
    return [composer.snippets_button, composer.signature_button, composer.close_button, composer.send_button]


@pytest.mark.parametrize("width", [380, 480])
def test_a_long_status_moves_to_its_own_line_and_the_buttons_keep_their_words(qtbot: QtBot, width: int) -> None:
    composer = _composer(qtbot, width)
    composer.show_status("送信を取り消しました。下書きを編集できます。")
    QApplication.processEvents()
    for button in _buttons(composer):
        assert button.width() >= button.sizeHint().width(), button.text()
    assert composer.status_on_own_line
    assert composer.snippets_button.toolTip() == "定型文の管理…"
    assert composer.snippets_button.text() == ("定型文…" if width < 400 else "定型文の管理…")
    status = composer.status
    assert status.width() >= min(status.sizeHint().width(), composer.width() - 20)
    assert status.geometry().bottom() < composer.send_button.geometry().top()


def test_a_short_status_sits_beside_the_buttons_when_it_fits(qtbot: QtBot) -> None:
    composer = _composer(qtbot, 900)
    composer.show_status("下書きを保存しました 10:00")
    QApplication.processEvents()
    assert not composer.status_on_own_line
    assert composer.status.width() >= composer.status.fontMetrics().horizontalAdvance(composer.status.text())
    for button in _buttons(composer):
        assert button.width() >= button.sizeHint().width()
    composer.resize(380, 600)
    QApplication.processEvents()
    assert composer.status_on_own_line  # narrowed: it moves rather than squeeze
    composer.show_status("")
    assert not composer.status_on_own_line


# -- 4. 定型文の管理 and 署名とあいさつ from the window's menu ------------------------------------------
def _opens(qtbot: QtBot, trigger: object, expected: type[QWidget]) -> None:
    seen: list[QWidget | None] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        seen.append(modal)
        if modal is not None:
            modal.close()

    QTimer.singleShot(200, look)
    trigger()  # type: ignore[operator]
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert isinstance(seen[0], expected)


def test_snippets_and_signatures_are_in_the_file_menu_without_a_reply_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    actions = window.file_menu.actions()
    compose = window.compose
    assert compose.snippets_action in actions and compose.signatures_action in actions
    assert compose.snippets_action.text() == "定型文の管理(&T)…"
    assert compose.signatures_action.text() == "署名とあいさつ(&G)…"
    assert not compose.composing
    _opens(qtbot, compose.snippets_action.trigger, SnippetManagerDialog)
    _opens(qtbot, compose.signatures_action.trigger, SignatureDialog)
    assert not compose.composing


# -- 5. after 送信を取り消す the agent's words are in view ------------------------------------------------
@pytest.fixture
def timed(qtbot: QtBot, demo_copy: Path, tmp_path: Path) -> Iterator[tuple[MainWindow, FakeClock]]:
    clock = FakeClock(datetime(2026, 12, 8, 10, 0, tzinfo=JST))
    settings = load_settings(tmp_path / "settings.json")
    settings.set(UNDO_SECONDS, 10)
    win = MainWindow(demo_copy, settings, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                     db_path=tmp_path / "store.sqlite3", clock=clock)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.HEADERS), timeout=10000):
        win.show()
    yield win, clock
    win.memory.stop_build()
    win.runner.wait_all(5000)


def test_undo_shows_the_caret_at_the_agents_words_not_the_quote(
    qtbot: QtBot, timed: tuple[MainWindow, FakeClock], dress_subject: str
) -> None:
    win, clock = timed
    drive = Driver(qtbot, win)
    drive.open(dress_subject, wait=Changes.MESSAGE)
    drive.reply(wait_review=False)
    composer = win.compose.composer
    # The test screen is 800×600, and the window now stays inside it (beside the composer it used to
    # grow past it): the side panel gives the composer room, as an agent would drag it.
    win.main_splitter.setSizes([0, 10_000, 130])
    typed = "ご注文の件、承知いたしました。明日発送いたします。"
    composer.editor.textCursor().insertText(typed)
    body = composer.text()
    item = drive.submit()
    assert item.undoable and not win.compose.composing
    clock.advance(timedelta(seconds=3))
    with qtbot.waitSignal(win.compose.undone, timeout=10000):
        win.outbox.toast.button.click()
    assert composer.text() == body
    editor = composer.editor
    assert editor.textCursor().position() == body.index(typed) + len(typed)
    # Shown from the top, the caret (and the typed words) in view, not scrolled down to the quote.
    qtbot.waitUntil(lambda: editor.verticalScrollBar().value() == 0, timeout=3000)
    assert editor.viewport().rect().contains(editor.cursorRect())


# -- 6. a restored-draft note goes when another reply opens ---------------------------------------------
def test_the_restored_draft_note_is_gone_when_another_reply_opens(
    qtbot: QtBot, window: MainWindow, dress_subject: str
) -> None:
    drive = Driver(qtbot, window)
    compose = window.compose
    drive.open(dress_subject)
    drive.reply()
    drive.type_draft("お問い合わせありがとうございます。")
    with qtbot.waitSignal(compose.draft_saved, timeout=10000):
        compose.close()
    drive.reply()  # the saved draft comes back
    restored = "保存してあった下書きを開きました"
    assert window.statusBar().currentMessage() == restored
    compose.close()
    other = next(h.subject for h in drive.headers() if h.subject != dress_subject and "卵" in h.subject)
    drive.open(other)
    drive.reply()
    assert compose.composing and "卵" in compose.composer.subject_edit.text()
    assert window.statusBar().currentMessage() != restored


def test_another_message_in_the_status_bar_is_left_alone(qtbot: QtBot, window: MainWindow, dress_subject: str) -> None:
    drive = Driver(qtbot, window)
    compose = window.compose
    drive.open(dress_subject)
    drive.reply()
    drive.type_draft("お問い合わせありがとうございます。")
    with qtbot.waitSignal(compose.draft_saved, timeout=10000):
        compose.close()
    drive.reply()
    window.status.say("返信を送信しました", 8000)  # said since: not the note's to clear
    compose.close()
    assert window.statusBar().currentMessage() == "返信を送信しました"


# -- 7. the snippet manager says why its form is greyed ----------------------------------------------------
def test_choosing_a_built_in_snippet_says_how_to_edit_it(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AIZUCHI_DATA_DIR", str(tmp_path))
    dialog = SnippetManagerDialog(load_our_pack(), SnippetPack({}, ()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.text.isEnabled()
    dialog.builtin.setCurrentRow(0)
    note = dialog.form_note
    assert note.isVisible()
    assert note.text() == "標準の定型文は「コピーして編集」で当店の定型文にしてから編集できます。"
    dialog.copy_button.click()
    assert dialog.text.isEnabled() and dialog.text.toPlainText() == dialog.ours[0].text
    assert not note.isVisible()  # the copy is in the form, ready to edit
    dialog.builtin.setCurrentRow(1)
    assert note.isVisible() and "コピーして編集" in note.text()
