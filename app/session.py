"""One open mail account: its source, sender, synced mailbox and sync engine.

Owns putting the pieces of an account together from its settings and keyring
secret, so the CLI, the window and the tests open an account the same way:
IMAP + SMTP with a password, or Gmail / Microsoft 365 with the sign-in kept in
the keyring (the source sends too; the server files the copy in Sent). A token
refreshed on the way goes back to the keyring.
Not thread-safe: use one session from one thread (the account's lane).
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING

from app.accounts import password as keyring_password
from app.accounts import store_token
from app.mail.headers import read_summary
from app.model import AccountConfig, Flag, MessageRef, OutgoingMessage
from app.outbox import Outbox, OutboxItem, SentFiler
from app.settings import load_settings
from app.sources.base import MailSender
from app.sources.errors import NoSavedSecret
from app.sources.imap import ImapSource
from app.sources.oauth import AccountKind, Providers, providers_from_settings
from app.sources.rest import Backoff
from app.sources.smtp import SmtpSender
from app.store.db import Database
from app.store.mail import MailStore
from app.sync import ProgressCallback, SyncedMailbox, SyncEngine, SyncReport

if TYPE_CHECKING:
    from app.sources.gmail import GmailSource
    from app.sources.graph import GraphSource


class _ImapFiler:
    """After a send: a copy in Sent (unless one is there already) and \\Answered on the original."""

    def __init__(self, session: AccountSession) -> None:
        self._session = session

    def append_sent(self, raw: bytes) -> None:
        source = self._session.source
        assert isinstance(source, ImapSource)
        sent = source.sent_folder()
        message_id = read_summary(raw).message_id
        # A previous APPEND may have landed before its connection dropped: look first.
        if message_id and source.find_message_id(sent, message_id):
            return
        source.append(sent, raw, (Flag.SEEN,))

    def mark_answered(self, ref: MessageRef) -> None:
        self._session.mailbox.set_flag(ref, Flag.ANSWERED, True)


class _ApiFiler:
    """Gmail and Graph file the sent copy themselves and have no "answered" flag to set:
    the original is marked answered here, in the store."""

    def __init__(self, session: AccountSession) -> None:
        self._session = session

    def append_sent(self, raw: bytes) -> None:
        return None

    def mark_answered(self, ref: MessageRef) -> None:
        self._session.store.set_flag(self._session.config.id, ref, Flag.ANSWERED, True, pushed=True)


class AccountSession:
    source: ImapSource | GmailSource | GraphSource
    sender: MailSender
    filer: SentFiler

    def __init__(
        self,
        db: Database,
        config: AccountConfig,
        password: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = 20.0,
        providers: Providers | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        if password is None:
            password = keyring_password(config.id)
        if password is None:
            raise NoSavedSecret("no password saved for this account")
        self.config = config
        self.store = MailStore(db)
        self.outbox = Outbox(db)
        if config.kind in (AccountKind.GMAIL, AccountKind.GRAPH):
            if providers is None:
                providers = providers_from_settings(load_settings())

            def keep(token: str) -> None:
                store_token(config.id, token)

            api: GmailSource | GraphSource
            # Imported here on purpose: Google's and Microsoft's client libraries cost 40–140 ms to
            # import (`python -X importtime`), and the window opens its sessions at start; an IMAP
            # account never loads them.
            if config.kind == AccountKind.GMAIL:
                from app.sources.gmail import GmailSource

                api = GmailSource(providers.google, password, on_token=keep, backoff=backoff, timeout=timeout)
            else:
                from app.sources.graph import GraphSource

                api = GraphSource(providers.microsoft, password, on_token=keep, backoff=backoff, timeout=timeout)
            self.source = api
            self.sender = api
            self.filer = _ApiFiler(self)
        else:
            imap = ImapSource(config, password, ssl_context=ssl_context, timeout=timeout)
            self.source = imap
            self.sender = SmtpSender(config, password, find_sent=imap.find_sent, ssl_context=ssl_context,
                                     timeout=timeout)
            self.filer = _ImapFiler(self)
        self.mailbox = SyncedMailbox(self.store, config.id, self.source)

    @property
    def can_idle(self) -> bool:
        return isinstance(self.source, ImapSource)

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
