"""One sentence and a next step for each error a task raises (a source, the store, a file)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.sources.errors import AuthExpired, NetworkDown, NotFound, ServerRejected


def error_text(error: BaseException) -> str:
    if isinstance(error, AuthExpired):
        return QCoreApplication.translate(
            "MainWindow", "サインインの有効期限が切れました。アカウント設定からもう一度サインインしてください。")
    if isinstance(error, NetworkDown):
        return QCoreApplication.translate(
            "MainWindow", "サーバーに接続できません。ネットワークを確認して、しばらくしてから再度お試しください。")
    if isinstance(error, ServerRejected):
        return QCoreApplication.translate("MainWindow", "サーバーが要求を拒否しました: %1").replace("%1", error.reason)
    if isinstance(error, NotFound):
        return QCoreApplication.translate(
            "MainWindow", "メールまたはフォルダが見つかりません。ほかのプログラムで移動された可能性があります。")
    if isinstance(error, OSError):
        return QCoreApplication.translate("MainWindow", "ファイルを読み書きできませんでした: %1").replace(
            "%1", error.strerror or str(error))
    return QCoreApplication.translate("MainWindow", "予期しないエラーが発生しました: %1").replace(
        "%1", type(error).__name__)
