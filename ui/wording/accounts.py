"""How the window words connection failures and outbox states: one table per enum, one sentence each.

The core names what happened (`ConnectProblem`, `OutboxState`, `SendProblem`);
the agent reads what it means and what to do next. Each table holds the Japanese
sentences marked for lupdate (`QT_TRANSLATE_NOOP`); `word` translates one when it
is shown, so a language switch re-words at once. tests/ui/test_wording.py checks
that every member is worded, in Japanese and in English.
"""

from __future__ import annotations

from app.outbox import OutboxState, RefusalKind, SendProblem
from app.sources.errors import ConnectProblem
from ui.wording import QT_TRANSLATE_NOOP, word

CONNECT_PROBLEMS: dict[ConnectProblem, str] = {
    ConnectProblem.UNKNOWN_HOST: QT_TRANSLATE_NOOP(
        "Wording", "サーバー名が見つかりません。サーバー名の綴りを確認してください。"),
    ConnectProblem.REFUSED: QT_TRANSLATE_NOOP(
        "Wording", "サーバーが接続を拒否しました。ポート番号と接続の保護（SSL/TLS・STARTTLS）を確認してください。"),
    ConnectProblem.TIMEOUT: QT_TRANSLATE_NOOP(
        "Wording", "サーバーから応答がありません（タイムアウト）。ネットワークとポート番号を確認してください。"),
    ConnectProblem.CERT_EXPIRED: QT_TRANSLATE_NOOP(
        "Wording", "サーバーの証明書の有効期限が切れています。サーバーの管理者（レンタルサーバー会社）にお問い合わせください。"),  # noqa: E501
    ConnectProblem.CERT_INVALID: QT_TRANSLATE_NOOP(
        "Wording", "サーバーの証明書を確認できません。サーバー名が証明書と一致しているか確認してください。"),
    ConnectProblem.NO_STARTTLS: QT_TRANSLATE_NOOP(
        "Wording", "サーバーが STARTTLS に対応していません。接続の保護を「SSL/TLS」にしてお試しください。"),
    ConnectProblem.TLS_FAILED: QT_TRANSLATE_NOOP(
        "Wording", "暗号化された接続を確立できませんでした。ポート番号と接続の保護の組み合わせを確認してください。"),
    ConnectProblem.DROPPED: QT_TRANSLATE_NOOP(
        "Wording", "接続が途中で切れました。しばらくしてから再度お試しください。"),
}

OUTBOX_STATES: dict[OutboxState, str] = {
    OutboxState.QUEUED: QT_TRANSLATE_NOOP("Wording", "送信待ち"),
    OutboxState.SENDING: QT_TRANSLATE_NOOP("Wording", "送信中"),
    OutboxState.SENT: QT_TRANSLATE_NOOP("Wording", "送信済み"),
    OutboxState.FAILED: QT_TRANSLATE_NOOP("Wording", "送信失敗"),
    OutboxState.UNKNOWN: QT_TRANSLATE_NOOP("Wording", "送信状態不明"),
    OutboxState.RETIRED: QT_TRANSLATE_NOOP("Wording", "取り消し済み"),
    OutboxState.HELD: QT_TRANSLATE_NOOP("Wording", "保留"),  # why: ui.wording.outbox.HOLD_REASONS
}

SEND_PROBLEMS: dict[SendProblem, str] = {
    SendProblem.NETWORK: QT_TRANSLATE_NOOP(
        "Wording", "サーバーに接続できませんでした。メールは送られていません。接続が戻ったら再試行してください。"),
    SendProblem.TEMPORARY: QT_TRANSLATE_NOOP(
        "Wording", "サーバーが一時的に受け付けませんでした。メールは送られていません。しばらくしてから再試行してください。"),  # noqa: E501
    SendProblem.REJECTED: QT_TRANSLATE_NOOP(
        "Wording", "メールサーバーが受け取りを断りました。メールは送られていません。下書きは残っています。"),
    SendProblem.AUTH: QT_TRANSLATE_NOOP("Wording", "パスワードが受け付けられませんでした。アカウント設定を確認してください。"),  # noqa: E501
    SendProblem.OUTCOME_UNKNOWN: QT_TRANSLATE_NOOP(
        "Wording", "送信中に接続が切れたため、届いたかどうか分かりません。送信済みフォルダを確認してから判断します。"),
    SendProblem.INTERRUPTED: QT_TRANSLATE_NOOP(
        "Wording", "送信の途中で相槌が終了しました。送信済みフォルダを確認してから判断します。"),
    SendProblem.CANNOT_CHECK: QT_TRANSLATE_NOOP(
        "Wording", "送信済みフォルダを確認できませんでした。接続が戻ったら「再確認」してください。"),
    SendProblem.NOT_IN_SENT: QT_TRANSLATE_NOOP(
        "Wording", "送信済みフォルダに見つかりません。お客様に届いている可能性もあります。再送するかどうか選んでください。"),  # noqa: E501
    SendProblem.UNEXPECTED: QT_TRANSLATE_NOOP("Wording", "予期しない理由で送信が止まりました。再確認してください。"),
    SendProblem.READ_ONLY: QT_TRANSLATE_NOOP(
        "Wording", "送信していません。このパソコンのメールフォルダが読み取り専用のため、返信を保存できませんでした。返信は送信トレイに残っています。フォルダに書き込めるようにしてから再試行してください。"),  # noqa: E501
    SendProblem.REPLACED: QT_TRANSLATE_NOOP("Wording", "下書きが書き直されたため、この古い版は送信しません。"),
    SendProblem.EDITED: QT_TRANSLATE_NOOP("Wording", "下書きが書き直されたため、この古い版は送信しません。"),
    SendProblem.CANCELLED: QT_TRANSLATE_NOOP("Wording", "送信を取り消しました。下書きは残っています。"),
}
# A Google/Microsoft account: the cure is signing in again, not a password.
SEND_PROBLEMS_OAUTH: dict[SendProblem, str] = {
    SendProblem.AUTH: QT_TRANSLATE_NOOP(
        "Wording", "ログインの有効期限が切れました。もう一度ログインすると送信します。返信は保存されています。"),
}


# What to do after a refusal (ui.refused_dialog), by what the server refused.
REFUSAL_ADVICE: dict[RefusalKind, str] = {
    RefusalKind.ADDRESS: QT_TRANSLATE_NOOP(
        "Wording", "宛先のメールアドレスに誤りがないか確かめ、直してからもう一度送信してください。"),
    RefusalKind.SIZE: QT_TRANSLATE_NOOP(
        "Wording", "メールが大きすぎます。添付ファイルを小さくするか減らしてから、もう一度送信してください。"),
    RefusalKind.OTHER: QT_TRANSLATE_NOOP(
        "Wording", "宛先と内容を確かめてからもう一度送信してください。同じように断られるときは、"
                   "サーバーの返答をメールサーバーの管理者（プロバイダ）に伝えて問い合わせてください。"),
}


def refusal_advice(kind: RefusalKind) -> str:
    return word(REFUSAL_ADVICE[kind])


def connect_problem(problem: ConnectProblem) -> str:
    return word(CONNECT_PROBLEMS[problem])


def outbox_state(state: OutboxState) -> str:
    return word(OUTBOX_STATES[state])


def send_problem(problem: SendProblem | None, oauth: bool = False) -> str:
    if problem is None:
        return ""
    return word((SEND_PROBLEMS_OAUTH if oauth else {}).get(problem) or SEND_PROBLEMS[problem])
