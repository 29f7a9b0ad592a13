"""One open mail account: its IMAP source, SMTP sender, synced mailbox and sync engine.

Owns putting the pieces of an account together from its settings and keyring
password, so the CLI, the window and the tests open an account the same way.
Not thread-safe: use one session from one thread (the account's lane).
"""

from __future__ import annotations

import ssl

from app.outbox import Outbox, OutboxItem
from app.sources.base import MessageRef, OutgoingMessage
from app.sources.connection import AccountConfig
from app.sources.delta import Flag
from app.sources.errors import AuthExpired
from app.sources.imap import ImapSource
from app.sources.smtp import SmtpSender
from app.store.db import Database
from app.store.mail import MailStore
from app.sync import ProgressCallback, SyncedMailbox, SyncEngine, SyncReport


class _ImapFiler:
    """After a send: a copy in Sent (unless one is there already) and \\Answered on the original."""

    def __init__(self, session: AccountSession) -> None:
        self._session = session

    def append_sent(self, raw: bytes) -> None:
        from app.mail.headers import read_summary

        source = self._session.source
        sent = source.sent_folder()
        message_id = read_summary(raw).message_id
        # A previous APPEND may have landed before its connection dropped: look first.
        if message_id and source.find_message_id(sent, message_id):
            return
        source.append(sent, raw, (Flag.SEEN,))

    def mark_answered(self, ref: MessageRef) -> None:
        self._session.mailbox.set_flag(ref, Flag.ANSWERED, True)


class AccountSession:
    def __init__(
        self,
        db: Database,
        config: AccountConfig,
        password: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = 20.0,
    ) -> None:
        if password is None:
            from app.accounts import password as keyring_password

            password = keyring_password(config.id)
        if password is None:
            raise AuthExpired("no password saved for this account")
        self.config = config
        self.store = MailStore(db)
        self.outbox = Outbox(db)
        self.source = ImapSource(config, password, ssl_context=ssl_context, timeout=timeout)
        self.sender = SmtpSender(config, password, find_sent=self.source.find_sent, ssl_context=ssl_context,
                                 timeout=timeout)
        self.mailbox = SyncedMailbox(self.store, config.id, self.source)
        self.filer = _ImapFiler(self)

    def sync(self, bodies: bool = True, progress: ProgressCallback | None = None) -> SyncReport:
        return SyncEngine(self.store, self.config.id, self.source, progress).sync(bodies=bodies)

    def send(self, outgoing: OutgoingMessage, resend_unknown: bool = False) -> OutboxItem:
        """Submit and process at once (the composer's one call, run on the account lane)."""
        item = self.outbox.submit(self.config.id, outgoing)
        return self.process(item.id, resend_unknown=resend_unknown)

    def process(self, item_id: int, resend_unknown: bool = False) -> OutboxItem:
        return self.outbox.process(
            item_id, self.sender, self.filer, server_saves_sent=self.config.server_saves_sent,
            resend_unknown=resend_unknown,
        )

    def close(self) -> None:
        self.source.close()
