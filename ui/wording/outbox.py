"""What the outbox says about time and holds (issue 19): 予約, the undo countdown, why a reply is held,
and that a 予約 went late.

The same idiom as the rest of `ui.wording`: one table per enum (`DUE_STATES` for
`DueKind`, `HOLD_REASONS` for `HoldReason`; the plain states and send problems are
in `ui.wording.accounts`), Japanese sentences with named `{placeholders}` marked
for lupdate under "Wording", filled by `fill` when shown. tests/ui/test_wording.py
checks every member in Japanese and in English. The times are `send_time` (「12月8日(月) 9:00」,
in English "Mon, Dec 8, 9:00"; Japan time either way: the shop's hours are Japanese hours).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.outbox import DueKind, HoldReason, OutboxItem, OutboxState
from app.service_hours import JST
from ui.wording import QT_TRANSLATE_NOOP, fill, word
from ui.wording.accounts import outbox_state

# A send time (a 予約, a held mail's date, the next opening offered in the composer), in Japan time:
# the day as a QLocale date pattern with the locale whose day and month names it uses, then the time.
# Japanese 「12月8日(月) 9:00」; the English translation gives "Mon, Dec 8, 9:00".
SEND_DAY = QT_TRANSLATE_NOOP("Wording", "M月d日(ddd)")
SEND_LOCALE = QT_TRANSLATE_NOOP("Wording", "ja_JP")
SEND_TIME = QT_TRANSLATE_NOOP("Wording", "{day} {time}")


def send_time(at: datetime) -> str:
    """「12月8日(月) 9:00」 (English: "Mon, Dec 8, 9:00"), in Japan time."""
    local = at.astimezone(JST)
    day = QLocale(word(SEND_LOCALE)).toString(QDate(local.year, local.month, local.day), word(SEND_DAY))
    return fill(word(SEND_TIME), day=day, time=f"{local.hour}:{local.minute:02d}")


def _when(at: datetime | None) -> str:
    return send_time(at) if at is not None else ""


# A waiting (queued) item, by why it waits; {when} is its time.
DUE_STATES: dict[DueKind, str] = {
    DueKind.NOW: QT_TRANSLATE_NOOP("Wording", "送信待ち"),
    DueKind.UNDO: QT_TRANSLATE_NOOP("Wording", "送信待ち（取り消し可能）"),
    DueKind.HOURS: QT_TRANSLATE_NOOP("Wording", "予約 {when}"),
    DueKind.CHOSEN: QT_TRANSLATE_NOOP("Wording", "予約 {when}"),
}

# Why a send guard held a reply, and what to do: {sender} wrote or answered, {when} and {subject}
# name that mail, {reply} is the held reply's subject.
HOLD_REASONS: dict[HoldReason, str] = {
    HoldReason.CUSTOMER_WROTE: QT_TRANSLATE_NOOP("Wording", "{sender}さんから新しいメール（{when}「{subject}」）が届いたため、返信「{reply}」を送らずに保留しました。開いて、新しいメールに合わせて見直してください。"),  # noqa: E501
    HoldReason.TEAMMATE_REPLIED: QT_TRANSLATE_NOOP("Wording", "{sender}さんが同じメールに返信済みです（{when}「{subject}」）。二重の返信にならないよう、返信「{reply}」を保留しました。内容を確かめてから判断してください。"),  # noqa: E501
}


def state_text(item: OutboxItem) -> str:
    """The state column: 「予約 12月8日(月) 9:00」, 「送信待ち（取り消し可能）」, 「保留」…"""
    if item.state is not OutboxState.QUEUED or (item.due_at is None and item.due_kind is not DueKind.NOW):
        return outbox_state(item.state)
    when = _when(item.due_at)
    # Tried and failed in its grace period: waiting to be tried again, no longer to be taken back.
    kind = DueKind.NOW if item.due_kind is DueKind.UNDO and not item.undoable else item.due_kind
    return fill(word(DUE_STATES[kind]), when=when)


def hold_text(item: OutboxItem) -> str:
    """Why a held reply is held, and what to do, in plain words."""
    hold = item.hold
    if hold is None:
        return ""
    return fill(word(HOLD_REASONS[hold.reason]), sender=hold.sender, subject=hold.subject, reply=item.subject,
                when=_when(hold.at))


def late_text(item: OutboxItem) -> str:
    """A reply that went out after its time (Aizuchi was closed at its 予約 or in its grace period)."""
    minutes = int((item.late_by or timedelta()).total_seconds() // 60)
    if minutes >= 60:
        span = fill(QCoreApplication.translate("Wording", "{hours}時間{minutes}分"),
                    hours=minutes // 60, minutes=minutes % 60)
    else:
        span = fill(QCoreApplication.translate("Wording", "{minutes}分"), minutes=minutes)
    return fill(QCoreApplication.translate("Wording", "返信「{reply}」は、送信予定の {due} に相槌が起動していなかったため、{late}遅れて送信しました。"),  # noqa: E501
                reply=item.subject, due=_when(item.due_at), late=span)


def summary_text(items: list[OutboxItem]) -> str:
    """The status bar's outbox button: 「送信待ち 1 / 予約 2 / 送信失敗 0 / 送信状態不明 0」."""
    waiting = sum(1 for i in items if i.state in (OutboxState.QUEUED, OutboxState.SENDING) and not i.scheduled)
    scheduled = sum(1 for i in items if i.scheduled)
    held = sum(1 for i in items if i.state is OutboxState.HELD)
    failed = sum(1 for i in items if i.state is OutboxState.FAILED)
    unknown = sum(1 for i in items if i.state is OutboxState.UNKNOWN)
    parts = [fill(QCoreApplication.translate("Wording", "送信待ち {count}"), count=waiting)]
    if scheduled:
        parts.append(fill(QCoreApplication.translate("Wording", "予約 {count}"), count=scheduled))
    if held:
        parts.append(fill(QCoreApplication.translate("Wording", "保留 {count}"), count=held))
    parts.append(fill(QCoreApplication.translate("Wording", "送信失敗 {count}"), count=failed))
    parts.append(fill(QCoreApplication.translate("Wording", "送信状態不明 {count}"), count=unknown))
    return " / ".join(parts)


def countdown_text(seconds: int) -> str:
    """The undo toast: 「返信を送信します（あと 8 秒）」."""
    return fill(QCoreApplication.translate("Wording", "返信を送信します（あと {seconds} 秒）"), seconds=max(0, seconds))


def scheduled_text(item: OutboxItem) -> str:
    """The status bar once a 予約 is made."""
    return fill(QCoreApplication.translate("Wording", "返信を {when} に送信するよう予約しました（送信トレイで変更・取り消しできます）"),  # noqa: E501
                when=_when(item.due_at))
