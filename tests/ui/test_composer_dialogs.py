"""The snippet manager and the 署名とあいさつ dialog: what they save is what the composer uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.identity import DEMO_IDENTITIES, identities_from_setting
from app.model import HighlightKind
from app.settings import SHOP_IDENTITIES, load_settings
from app.snippets import SnippetPack, load_our_pack, load_pack, load_user_pack
from ui.signature_dialog import SignatureDialog
from ui.snippet_manager import SnippetManagerDialog


def _commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_snippet_manager_adds_edits_and_deletes_own_snippets(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AIZUCHI_DATA_DIR", str(tmp_path))
    dialog = SnippetManagerDialog(load_our_pack(), SnippetPack({}, ()))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0
    dialog.add_snippet()
    _commit(dialog.text, "{topic}のこと、いつも気にかけております。")
    dialog.kinds[HighlightKind.DISCLOSURE].setChecked(True)
    dialog.situation.setCurrentIndex(dialog.situation.findData("regular"))
    dialog.add_snippet()
    _commit(dialog.text, "消す予定の定型文です。")
    dialog.delete_current()
    dialog.accept()
    own = load_user_pack(tmp_path / "snippets.toml")
    assert [(s.text, s.situation, s.kinds) for s in own.snippets] == [
        ("{topic}のこと、いつも気にかけております。", "regular", (HighlightKind.DISCLOSURE,))
    ]
    merged = load_pack(user_pack=tmp_path / "snippets.toml")
    assert merged.snippets[-1].text == "{topic}のこと、いつも気にかけております。"


def test_snippet_manager_refuses_an_unknown_placeholder(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AIZUCHI_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("ui.snippet_manager.QMessageBox.warning", lambda *args: None)
    dialog = SnippetManagerDialog(load_our_pack(), SnippetPack({}, ()))
    qtbot.addWidget(dialog)
    dialog.add_snippet()
    _commit(dialog.text, "{name}様")
    dialog.accept()
    assert not (tmp_path / "snippets.toml").exists()


def test_signature_dialog_saves_identities(qtbot: QtBot, tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "settings.json")
    dialog = SignatureDialog(settings, "order@komugi.example.jp")
    qtbot.addWidget(dialog)
    assert dialog.email.text() == "order@komugi.example.jp"
    dialog.signature.setPlainText("洋菓子工房 こむぎ\n小林")
    dialog.accept()
    saved = identities_from_setting(load_settings(tmp_path / "settings.json").get(SHOP_IDENTITIES))
    assert len(saved) == len(DEMO_IDENTITIES)
    komugi = next(i for i in saved if i.email == "order@komugi.example.jp")
    assert komugi.signature == "洋菓子工房 こむぎ\n小林"
    assert saved[0] == DEMO_IDENTITIES[0]
