"""The composer's narrow view of the window (`ui.compose_controller.Reading`), over the controllers."""

from __future__ import annotations

from app.model import CustomerProfile, Insight, Message, ReplyStats
from app.sources.base import MailSource, OutgoingMessage
from ui.controllers.insight import InsightController
from ui.controllers.mailbox import MailboxController
from ui.controllers.memory import MemoryController
from ui.operations.mailbox import OpenedMessage


class ReadingContext:
    def __init__(self, mailbox: MailboxController, insight: InsightController, memory: MemoryController) -> None:
        self._mailbox = mailbox
        self._insight = insight
        self._memory = memory

    @property
    def current(self) -> OpenedMessage | None:
        return self._mailbox.current

    @property
    def insight(self) -> Insight | None:
        return self._insight.current

    @property
    def profile(self) -> CustomerProfile | None:
        return self._memory.panel.profile

    @property
    def source(self) -> MailSource | None:
        return self._mailbox.source

    @property
    def account(self) -> str:
        return self._mailbox.mail_account

    def history(self) -> tuple[ReplyStats, ...]:
        return self._memory.customer_history()

    def remember_reply(self, sent: OutgoingMessage, original: Message | None) -> None:
        self._memory.remember_reply(sent, original)
