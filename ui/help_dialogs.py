"""The Help menu's two message boxes: the keyboard shortcuts and 相槌について."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def show_keys(parent: QWidget) -> None:
    QMessageBox.information(
        parent, _tr("キーボード操作"),
        _tr("Ctrl+F　検索（入力で絞り込み、Enter で本文とお客様の記録も検索）\n"
            "Ctrl+R　返信　／　Ctrl+Shift+R　全員に返信\n"
            "Ctrl+Enter　見直してから送信\n"
            "Ctrl+1〜9　おすすめの定型文を挿入\n"
            "Esc　返信を閉じる（下書きは保存）・検索結果から一覧に戻る\n"
            "Tab　次の欄へ"),
    )


def about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, _tr("相槌について"),
        _tr("相槌 (Aizuchi)\nお客様が話してくださったことを見逃さず、温かく返信するためのアシスタントです。"),
    )
