"""How the window words connection failures and outbox states, in one Japanese sentence each.

The core names what happened (`ConnectProblem`, `OutboxState`, `SendProblem`);
the agent reads what it means and what to do next.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.outbox import OutboxState, SendProblem
from app.sources.errors import AuthExpired, ConnectFailed, ConnectProblem, NetworkDown, NoSavedSecret, ServerRejected


def connect_problem(problem: ConnectProblem) -> str:
    if problem is ConnectProblem.UNKNOWN_HOST:
        return QCoreApplication.translate("AccountWording", "サーバー名が見つかりません。サーバー名の綴りを確認してください。")  # noqa: E501
    if problem is ConnectProblem.REFUSED:
        return QCoreApplication.translate("AccountWording", "サーバーが接続を拒否しました。ポート番号と接続の保護（SSL/TLS・STARTTLS）を確認してください。")  # noqa: E501
    if problem is ConnectProblem.TIMEOUT:
        return QCoreApplication.translate("AccountWording", "サーバーから応答がありません（タイムアウト）。ネットワークとポート番号を確認してください。")  # noqa: E501
    if problem is ConnectProblem.CERT_EXPIRED:
        return QCoreApplication.translate("AccountWording", "サーバーの証明書の有効期限が切れています。サーバーの管理者（レンタルサーバー会社）にお問い合わせください。")  # noqa: E501
    if problem is ConnectProblem.CERT_INVALID:
        return QCoreApplication.translate("AccountWording", "サーバーの証明書を確認できません。サーバー名が証明書と一致しているか確認してください。")  # noqa: E501
    if problem is ConnectProblem.NO_STARTTLS:
        return QCoreApplication.translate("AccountWording", "サーバーが STARTTLS に対応していません。接続の保護を「SSL/TLS」にしてお試しください。")  # noqa: E501
    if problem is ConnectProblem.TLS_FAILED:
        return QCoreApplication.translate("AccountWording", "暗号化された接続を確立できませんでした。ポート番号と接続の保護の組み合わせを確認してください。")  # noqa: E501
    return QCoreApplication.translate("AccountWording", "接続が途中で切れました。しばらくしてから再度お試しください。")


def source_error(error: BaseException, oauth: bool = False) -> str:
    """`oauth`: a Gmail/Microsoft 365 account, where the cure is signing in again, not a password."""
    if isinstance(error, NoSavedSecret) and oauth:
        return QCoreApplication.translate("AccountWording", "ログイン情報が保存されていません（前回、安全な保管庫に保存できなかった可能性があります）。もう一度ログインしてください。")  # noqa: E501
    if isinstance(error, NoSavedSecret):
        return QCoreApplication.translate("AccountWording", "パスワードが保存されていません（前回、安全な保管庫に保存できなかった可能性があります）。アカウント設定でパスワードをもう一度入力してください。")  # noqa: E501
    if isinstance(error, AuthExpired) and oauth:
        return QCoreApplication.translate("AccountWording", "ログインの有効期限が切れたか、取り消されました。もう一度ログインしてください。")  # noqa: E501
    if isinstance(error, AuthExpired):
        return QCoreApplication.translate("AccountWording", "ユーザー名またはパスワードが正しくありません。アプリパスワードが必要なサービスではアプリパスワードを入力してください。")  # noqa: E501
    if isinstance(error, ConnectFailed):
        return connect_problem(error.problem)
    if isinstance(error, NetworkDown):
        return QCoreApplication.translate("AccountWording", "サーバーに接続できません。ネットワークを確認してください。")  # noqa: E501
    if isinstance(error, ServerRejected):
        return QCoreApplication.translate("AccountWording", "サーバーが拒否しました: %1").replace("%1", error.reason)
    return QCoreApplication.translate("AccountWording", "予期しないエラー: %1").replace("%1", type(error).__name__)


def outbox_state(state: OutboxState) -> str:
    if state is OutboxState.QUEUED:
        return QCoreApplication.translate("AccountWording", "送信待ち")
    if state is OutboxState.SENDING:
        return QCoreApplication.translate("AccountWording", "送信中")
    if state is OutboxState.SENT:
        return QCoreApplication.translate("AccountWording", "送信済み")
    if state is OutboxState.FAILED:
        return QCoreApplication.translate("AccountWording", "送信失敗")
    if state is OutboxState.RETIRED:
        return QCoreApplication.translate("AccountWording", "取り消し済み")
    if state is OutboxState.HELD:
        return QCoreApplication.translate("AccountWording", "保留")
    return QCoreApplication.translate("AccountWording", "送信状態不明")


def send_problem(problem: SendProblem | None, oauth: bool = False) -> str:
    if problem is None:
        return ""
    if problem is SendProblem.NETWORK:
        return QCoreApplication.translate("AccountWording", "サーバーに接続できませんでした。メールは送られていません。接続が戻ったら再試行してください。")  # noqa: E501
    if problem is SendProblem.TEMPORARY:
        return QCoreApplication.translate("AccountWording", "サーバーが一時的に受け付けませんでした。メールは送られていません。しばらくしてから再試行してください。")  # noqa: E501
    if problem is SendProblem.REJECTED:
        return QCoreApplication.translate("AccountWording", "サーバーが送信を拒否しました。宛先や内容を確認してください。")  # noqa: E501
    if problem is SendProblem.AUTH and oauth:
        return QCoreApplication.translate("AccountWording", "ログインの有効期限が切れました。もう一度ログインすると送信します。返信は保存されています。")  # noqa: E501
    if problem is SendProblem.AUTH:
        return QCoreApplication.translate("AccountWording", "パスワードが受け付けられませんでした。アカウント設定を確認してください。")  # noqa: E501
    if problem is SendProblem.OUTCOME_UNKNOWN:
        return QCoreApplication.translate("AccountWording", "送信中に接続が切れたため、届いたかどうか分かりません。送信済みフォルダを確認してから判断します。")  # noqa: E501
    if problem is SendProblem.INTERRUPTED:
        return QCoreApplication.translate("AccountWording", "送信の途中で相槌が終了しました。送信済みフォルダを確認してから判断します。")  # noqa: E501
    if problem is SendProblem.CANNOT_CHECK:
        return QCoreApplication.translate("AccountWording", "送信済みフォルダを確認できませんでした。接続が戻ったら「再確認」してください。")  # noqa: E501
    if problem is SendProblem.NOT_IN_SENT:
        return QCoreApplication.translate("AccountWording", "送信済みフォルダに見つかりません。お客様に届いている可能性もあります。再送するかどうか選んでください。")  # noqa: E501
    if problem is SendProblem.CANCELLED:
        return QCoreApplication.translate("AccountWording", "送信を取り消しました。下書きは残っています。")
    if problem in (SendProblem.REPLACED, SendProblem.EDITED):
        return QCoreApplication.translate("AccountWording", "下書きが書き直されたため、この古い版は送信しません。")
    return QCoreApplication.translate("AccountWording", "予期しない理由で送信が止まりました。再確認してください。")
