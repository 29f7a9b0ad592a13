"""The one wording of errors: a sentence and a next step for each error a task raises.

Mail sources, accounts, the store and files raise typed errors (app.sources.errors,
OSError); the status bar, the account dialog, the accounts tree and the composer
all word them here. `oauth`: a Gmail/Microsoft 365 account, where the cure is
signing in again, not a password. `connected_before`: the account has synced with
these settings before, so a server that does not answer now is down or unreachable,
not set up wrong — the settings advice is for an account that never connected.
"""

from __future__ import annotations

import errno
import sqlite3

from PySide6.QtCore import QCoreApplication

from app.sources.errors import (
    AuthExpired,
    ConnectFailed,
    ConnectProblem,
    NetworkDown,
    NoSavedSecret,
    NotFound,
    ReadOnlyMailbox,
    ServerRejected,
)
from app.store.drafts import DraftNotSaved
from ui.wording import fill
from ui.wording.accounts import connect_problem


def os_reason(error: OSError) -> str:
    """Why a file could not be read or written, with what to do, in the user's language."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return QCoreApplication.translate("Wording", "書き込みや読み取りの権限がありません。フォルダの権限を確認してください")  # noqa: E501
    if error.errno == errno.EROFS:
        return QCoreApplication.translate("Wording", "読み取り専用のディスクです")
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return QCoreApplication.translate("Wording", "ディスクの空きが足りません。不要なファイルを削除してください")
    if error.errno == errno.EIO:
        return QCoreApplication.translate("Wording", "ディスクの読み書きでエラーが起きました。ディスクの状態を確認してください")  # noqa: E501
    if error.errno == errno.ENOENT:
        return QCoreApplication.translate("Wording", "見つかりません。ほかのプログラムで移動された可能性があります")
    return fill(QCoreApplication.translate("Wording", "システムのエラー: {detail}"), detail=error.strerror or str(error))  # noqa: E501


def store_reason(error: sqlite3.Error) -> str:
    """The local store refused a read or write while the window runs (a full disk, a folder made
    read-only, damage found late): what happened and what to do, never SQLite's own English."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if primary == sqlite3.SQLITE_FULL or (primary is None and "full" in text):
        return QCoreApplication.translate("Wording", "ディスクの空きがないため、相槌のデータに書き込めませんでした。不要なファイルを削除して空きを作ってください。")  # noqa: E501
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN) or (
            primary is None and ("readonly" in text or "read-only" in text)):
        return QCoreApplication.translate("Wording", "相槌のデータフォルダに書き込めませんでした（読み取り専用か、書き込みの権限がありません）。フォルダの権限を確認してください。")  # noqa: E501
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
            primary is None and ("malformed" in text or "not a database" in text)):
        return QCoreApplication.translate("Wording", "相槌のデータファイルが壊れている可能性があります。相槌を終了して起動し直すと、確認して対処方法をご案内します。")  # noqa: E501
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or (primary is None and "locked" in text):
        return QCoreApplication.translate("Wording", "相槌のデータがほかの処理で使用中でした。しばらくしてからもう一度お試しください。")  # noqa: E501
    if primary == sqlite3.SQLITE_IOERR:
        return QCoreApplication.translate("Wording", "ディスクの読み書きでエラーが起きたため、相槌のデータを読み書きできませんでした。ディスクの状態と空き容量を確認してください。")  # noqa: E501
    return QCoreApplication.translate("Wording", "相槌のデータを読み書きできませんでした。相槌を終了して、起動し直してください。")  # noqa: E501


def draft_not_saved(error: DraftNotSaved) -> str:
    """Neither the store nor the journal beside it took the draft: why, and that the text is still on screen."""
    cause = error.journal_error
    if cause is not None and cause.errno == errno.EFBIG:
        reason = QCoreApplication.translate("Wording", "データに書き込めず、下書きが長すぎて予備の保存先にも入りきりません")  # noqa: E501
    elif cause is not None:
        reason = os_reason(cause)
    else:
        reason = QCoreApplication.translate("Wording", "データにも予備の保存先にも書き込めません")
    return fill(QCoreApplication.translate("Wording", "下書きを保存できませんでした（{reason}）。書いた文はこの画面に残っています。相槌を閉じずに、原因を取り除いてください。"),  # noqa: E501
                reason=reason)


# Problems of the server's certificate are the server's to fix but worth naming as they are.
_CERTIFICATE = (ConnectProblem.CERT_INVALID, ConnectProblem.CERT_EXPIRED, ConnectProblem.NO_STARTTLS,
                ConnectProblem.TLS_FAILED)


def server_not_answering(error: BaseException) -> bool:
    """A connection that failed for want of an answer (refused, timed out, unknown host, dropped)."""
    if isinstance(error, ConnectFailed):
        return error.problem not in _CERTIFICATE
    return isinstance(error, NetworkDown)


def error_text(error: BaseException, oauth: bool = False, connected_before: bool = False) -> str:
    if connected_before and server_not_answering(error):
        return QCoreApplication.translate("Wording", "メールサーバーが応答していません（サーバーかネットワークの一時的な問題と思われます）。以前はこの設定で接続できていたので、設定を変える必要はありません。相槌が数分おきに自動で接続し直します。")  # noqa: E501
    if isinstance(error, NoSavedSecret) and oauth:
        return QCoreApplication.translate("Wording", "ログイン情報が保存されていません（前回、安全な保管庫に保存できなかった可能性があります）。もう一度ログインしてください。")  # noqa: E501
    if isinstance(error, NoSavedSecret):
        return QCoreApplication.translate("Wording", "パスワードが保存されていません（前回、安全な保管庫に保存できなかった可能性があります）。アカウント設定でパスワードをもう一度入力してください。")  # noqa: E501
    if isinstance(error, AuthExpired) and oauth:
        return QCoreApplication.translate("Wording", "ログインの有効期限が切れたか、取り消されました。もう一度ログインしてください。")  # noqa: E501
    if isinstance(error, AuthExpired):
        return QCoreApplication.translate("Wording", "ユーザー名またはパスワードが正しくありません。アプリパスワードが必要なサービスではアプリパスワードを入力してください。")  # noqa: E501
    if isinstance(error, ConnectFailed):
        return connect_problem(error.problem)
    if isinstance(error, NetworkDown):
        return QCoreApplication.translate(
            "Wording", "サーバーに接続できません。ネットワークを確認して、しばらくしてから再度お試しください。")
    if isinstance(error, ServerRejected):
        return fill(QCoreApplication.translate("Wording", "サーバーが要求を拒否しました: {reason}"), reason=error.reason)  # noqa: E501
    if isinstance(error, NotFound):
        return QCoreApplication.translate(
            "Wording", "メールまたはフォルダが見つかりません。ほかのプログラムで移動された可能性があります。")
    if isinstance(error, ReadOnlyMailbox):
        return fill(QCoreApplication.translate("Wording", "メールフォルダ「{path}」に書き込めません（読み取り専用）。フォルダの権限を確認してください。"),  # noqa: E501
                    path=error.path)
    if isinstance(error, DraftNotSaved):
        return draft_not_saved(error)
    if isinstance(error, sqlite3.Error):
        return store_reason(error)
    if isinstance(error, OSError):
        # The system's own words are English ("Permission denied"): say it in the user's language,
        # name the file, and what to look at.
        reason = os_reason(error)
        if error.filename:
            return fill(QCoreApplication.translate("Wording", "ファイル「{path}」を読み書きできませんでした（{reason}）。"),  # noqa: E501
                        path=str(error.filename), reason=reason)
        return fill(QCoreApplication.translate("Wording", "ファイルを読み書きできませんでした（{reason}）。"), reason=reason)  # noqa: E501
    return fill(QCoreApplication.translate("Wording", "予期しないエラーが発生しました: {name}"), name=type(error).__name__)  # noqa: E501
