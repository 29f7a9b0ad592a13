"""Issue 15's "Done when" for snippets: on the party-dress, allergy and birth mails the first
suggestions fit what each sentence is about, and what is inserted reads as a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.mail.parse import parse_message
from app.model import Highlight, HighlightKind
from app.snippets import SnippetPack, load_our_pack
from tests.ui.driver import on
from ui.main_window import MainWindow
from ui.models import Role
from ui.snippet_manager import SnippetManagerDialog


def _open(qtbot: QtBot, win: MainWindow, predicate) -> str:  # type: ignore[no-untyped-def]
    assert win.mailbox.source is not None
    for row in range(win.proxy.rowCount()):
        header = win.proxy.index(row, 0).data(Role.HEADER)
        message = parse_message(win.mailbox.source.fetch(header.ref))
        if predicate(message):
            with qtbot.waitSignal(win.changed, check_params_cb=on(Changes.INSIGHT), timeout=20000):
                win.message_view.selectRow(row)
            with qtbot.waitSignal(win.compose.opened, timeout=10000):
                win.compose.reply_action.trigger()
            return message.body
    raise AssertionError("no such mail in the demo")


def _suggested(win: MainWindow, body: str, kind: HighlightKind, words: str) -> list[str]:
    for index in win.insight_panel.model.highlight_indexes(kind):
        highlight = index.data(Role.HIGHLIGHT)
        if isinstance(highlight, Highlight) and words in body[highlight.start : highlight.end]:
            win.insight_panel.view.setCurrentIndex(index)
            count = win.compose.suggestions.view.count()
            return [f.text for f in (win.compose.suggestions.filled(i) for i in range(count)) if f is not None]
    raise AssertionError(f"no {kind.value} highlight with {words}")


def _reads_as_sentence(text: str) -> bool:
    return text.endswith("。") and "{" not in text and "、、" not in text and "。、" not in text


def test_party_dress_mail_gets_fitting_first_suggestions(qtbot: QtBot, window: MainWindow) -> None:
    body = _open(qtbot, window, lambda m: "ドレス" in m.subject and "パーティー" in m.body)
    holiday = _suggested(window, body, HighlightKind.DISCLOSURE, "連休にパーティー")
    assert "おめでとう" not in holiday[0] and not holiday[0].startswith("連休")
    assert holiday[0] == "パーティーに間に合うよう、心を込めてご用意いたします。"
    wedding = _suggested(window, body, HighlightKind.DISCLOSURE, "友人の結婚")
    assert wedding[0] == "ご友人のご結婚、誠におめでとうございます。"
    assert not any(t.startswith(("結婚、", "ご結婚、")) for t in wedding)
    for words in ("9号", "158cm"):
        sized = _suggested(window, body, HighlightKind.DISCLOSURE, words)
        assert not any("アレルギー" in t or "ラッピング" in t or "贈り物" in t for t in sized), sized
    question = _suggested(window, body, HighlightKind.REQUEST, "連休前に届く")
    assert question[0] == "承知いたしました。連休前にお届けできるよう手配いたします。"
    assert not any("お詫び" in t for t in question)
    # Inserted, it reads as a sentence.
    editor = window.compose.composer.editor
    before = editor.toPlainText()
    window.compose.suggestions.insert(0)
    inserted = editor.toPlainText()
    assert question[0] in inserted and len(inserted) == len(before) + len(question[0])
    assert _reads_as_sentence(question[0])


def test_allergy_and_birth_mail_get_their_own_phrases(qtbot: QtBot, window: MainWindow) -> None:
    body = _open(qtbot, window, lambda m: "娘が生まれました" in m.body)
    birth = _suggested(window, body, HighlightKind.DISCLOSURE, "娘が生まれました")
    assert birth[0] == "お嬢様のご誕生、誠におめでとうございます。"
    allergy = _suggested(window, body, HighlightKind.DISCLOSURE, "卵のアレルギー")
    assert "お嬢様の卵アレルギー" in allergy[0] and _reads_as_sentence(allergy[0])
    assert not any("回復" in t or "生まれる" in t for t in allergy)
    worry = _suggested(window, body, HighlightKind.WORRY, "気がかり")
    assert not any("初めて" in t for t in worry)


def test_first_allergy_mail_offers_health_phrases_not_congratulations(
    qtbot: QtBot, window: MainWindow
) -> None:
    body = _open(qtbot, window, lambda m: "妻が卵アレルギー" in m.body)
    first = _suggested(window, body, HighlightKind.DISCLOSURE, "妻が卵アレルギー")
    assert first[0] == "奥様の卵アレルギーのこと、詳しくお知らせくださりありがとうございます。"
    assert not any("おめでとう" in t for t in first)


def test_snippet_manager_lists_switches_off_and_copies_ours(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from app.snippets import load_pack, load_user_pack

    monkeypatch.setenv("AIZUCHI_DATA_DIR", str(tmp_path))
    ours = load_our_pack()
    dialog = SnippetManagerDialog(ours, SnippetPack({}, ()))
    qtbot.addWidget(dialog)
    assert dialog.builtin.count() == len(ours.snippets) > 100
    first = dialog.builtin.item(0)
    assert first is not None and ours.snippets[0].text in first.text()
    first.setCheckState(Qt.CheckState.Unchecked)
    dialog.builtin.setCurrentRow(1)
    dialog.copy_current()
    assert dialog.list.count() == 1 and dialog.text.toPlainText() == ours.snippets[1].text
    dialog.text.setPlainText("{topic}、心よりお祝い申し上げます。")
    dialog.accept()
    own = load_user_pack(tmp_path / "snippets.toml")
    assert own.disabled == frozenset({ours.snippets[0].id})
    merged = load_pack(user_pack=tmp_path / "snippets.toml")
    assert ours.snippets[0].id not in {s.id for s in merged.snippets}
    assert next(s for s in merged.snippets if s.id == ours.snippets[1].id).text == "{topic}、心よりお祝い申し上げます。"
    # Reopened, the switched-off one stays unchecked.
    again = SnippetManagerDialog(ours, own)
    qtbot.addWidget(again)
    item = again.builtin.item(0)
    assert item is not None and item.checkState() == Qt.CheckState.Unchecked


HURT_MAIL = (
    "Date: Mon, 07 Dec 2026 09:00:00 +0900\n"
    "From: =?UTF-8?B?5bGx5Y+jIOiKsw==?= <kaori@example.com>\n"
    "To: info@example.jp\n"
    "Subject: =?UTF-8?B?5pa96KGT5b6M44Gu55eb44G/44Gr44Gk44GE44Gm?=\n"
    "Message-ID: <hurt-after-treatment@example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=\"UTF-8\"\n"
    "Content-Transfer-Encoding: 8bit\n\n"
    "先週の木曜日に、肩と首のコースを受けた者です。\n"
    "施術のあとから、かえって痛みが強くなってしまいました。\n"
    "夜も首の痛みで何度も目が覚めてしまい、寝不足が続いています。\n"
    "どのような施術をされたのか、ご説明いただけますでしょうか。\n"
    "次回の施術は、キャンセルさせていただきます。\n"
)


def test_a_hurt_report_in_the_composer_gets_apology_not_warmth(
    qtbot: QtBot, demo_copy: Path, request: pytest.FixtureRequest
) -> None:
    # The whole mail reaches the suggestions, so its tone sets the register of every highlight.
    (demo_copy / "cur" / "1799999999.M999P1.aizuchi:2,").write_bytes(HURT_MAIL.encode("utf-8"))
    window: MainWindow = request.getfixturevalue("window")
    body = _open(qtbot, window, lambda m: "かえって痛み" in m.body)
    pain = _suggested(window, body, HighlightKind.DISCLOSURE, "かえって痛み")
    assert "申し訳" in pain[0] and not any("温かい気持ち" in t or "うれしく" in t for t in pain), pain
    sleep = _suggested(window, body, HighlightKind.DISCLOSURE, "寝不足")
    assert "いつも当店をご利用" not in sleep[0] and "申し訳" in sleep[0], sleep
    explain = _suggested(window, body, HighlightKind.REQUEST, "ご説明")
    assert "ご説明いたします" in explain[0] and not explain[0].startswith("かしこまりました")


def test_snippet_manager_filters_ours_and_shows_the_whole_chosen_one(qtbot: QtBot) -> None:
    ours = load_our_pack()
    dialog = SnippetManagerDialog(ours, SnippetPack({}, ()))
    qtbot.addWidget(dialog)
    dialog.filter.setText("お悔やみ")
    shown = [dialog.builtin.item(r) for r in range(dialog.builtin.count())
             if not dialog.builtin.item(r).isHidden()]  # type: ignore[union-attr]
    assert 0 < len(shown) < dialog.builtin.count()
    assert all("お悔やみ" in item.text() for item in shown if item is not None)
    dialog.builtin.setCurrentItem(shown[0])
    assert dialog.preview.text() == shown[0].text()  # type: ignore[union-attr]
    dialog.filter.setText("")
    assert not any(dialog.builtin.item(r).isHidden() for r in range(dialog.builtin.count()))  # type: ignore[union-attr]
