"""What the outbox says about time and holds (issue 19): 予約, the undo countdown, why a reply is held,
and that a 予約 went late. Sentences in Japanese; English through Qt's translation (context "OutboxWording").
Each sentence is one literal (lupdate reads literals only), hence the long lines."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from app.outbox import HoldReason, OutboxItem, OutboxState
from app.service_hours import when_ja
from ui.account_wording import outbox_state


def state_text(item: OutboxItem) -> str:
    """The state column: 「予約 12月8日(月) 9:00」, 「送信待ち（取り消し可能）」, 「保留」…"""
    if item.scheduled and item.due_at is not None:
        return QCoreApplication.translate("OutboxWording", "予約 {when}").format(when=when_ja(item.due_at))
    if item.undoable:
        return QCoreApplication.translate("OutboxWording", "送信待ち（取り消し可能）")
    return outbox_state(item.state)


def hold_text(item: OutboxItem) -> str:
    """Why a held reply is held, and what to do, in plain words."""
    hold = item.hold
    if hold is None:
        return ""
    when = when_ja(hold.at) if hold.at is not None else ""
    if hold.reason is HoldReason.CUSTOMER_WROTE:
        return QCoreApplication.translate("OutboxWording", "{sender}さんから新しいメール（{when}「{subject}」）が届いたため、返信「{reply}」を送らずに保留しました。開いて、新しいメールに合わせて見直してください。").format(  # noqa: E501
            sender=hold.sender, when=when, subject=hold.subject, reply=item.subject)
    return QCoreApplication.translate("OutboxWording", "{sender}さんが同じメールに返信済みです（{when}「{subject}」）。二重の返信にならないよう、返信「{reply}」を保留しました。内容を確かめてから判断してください。").format(  # noqa: E501
        sender=hold.sender, when=when, subject=hold.subject, reply=item.subject)


def late_text(item: OutboxItem) -> str:
    """A reply that went out after its time (Aizuchi was closed at its 予約 or in its grace period)."""
    minutes = int((item.late_by or timedelta()).total_seconds() // 60)
    if minutes >= 60:
        span = QCoreApplication.translate("OutboxWording", "{hours}時間{minutes}分").format(
            hours=minutes // 60, minutes=minutes % 60)
    else:
        span = QCoreApplication.translate("OutboxWording", "{minutes}分").format(minutes=minutes)
    due = when_ja(item.due_at) if item.due_at is not None else ""
    return QCoreApplication.translate("OutboxWording", "返信「{reply}」は、送信予定の {due} に相槌が起動していなかったため、{late}遅れて送信しました。").format(  # noqa: E501
        reply=item.subject, due=due, late=span)


def summary_text(items: list[OutboxItem]) -> str:
    """The status bar's outbox button."""
    waiting = sum(1 for i in items if i.state in (OutboxState.QUEUED, OutboxState.SENDING) and not i.scheduled)
    scheduled = sum(1 for i in items if i.scheduled)
    held = sum(1 for i in items if i.state is OutboxState.HELD)
    failed = sum(1 for i in items if i.state is OutboxState.FAILED)
    unknown = sum(1 for i in items if i.state is OutboxState.UNKNOWN)
    parts = [QCoreApplication.translate("OutboxWording", "送信待ち {n}").format(n=waiting)]
    if scheduled:
        parts.append(QCoreApplication.translate("OutboxWording", "予約 {n}").format(n=scheduled))
    if held:
        parts.append(QCoreApplication.translate("OutboxWording", "保留 {n}").format(n=held))
    parts.append(QCoreApplication.translate("OutboxWording", "送信失敗 {n}").format(n=failed))
    parts.append(QCoreApplication.translate("OutboxWording", "送信状態不明 {n}").format(n=unknown))
    return " / ".join(parts)


def countdown_text(seconds: int) -> str:
    return QCoreApplication.translate("OutboxWording", "返信を送信します（あと {n} 秒）").format(n=max(0, seconds))


def scheduled_text(item: OutboxItem) -> str:
    due = when_ja(item.due_at) if item.due_at is not None else ""
    return QCoreApplication.translate("OutboxWording", "返信を {when} に送信するよう予約しました（送信トレイで変更・取り消しできます）").format(when=due)  # noqa: E501
