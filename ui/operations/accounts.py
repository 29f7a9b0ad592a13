"""Account operations: test a connection, save an account, open it, sync it.

Each runs on the account's own lane (`mail:<id>`), so one IMAP connection is never
used by two threads; saving runs on the `db` lane. Sending is not here: every reply
goes through `ui.send_service.SendService.send_reply` (the one send path).
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from dataclasses import dataclass

from app.accounts import ConnectionCheck
from app.outbox import Outbox
from app.session import AccountSession
from app.sources.connection import AccountConfig
from app.sources.oauth import AccountKind, Providers
from app.store.db import Database
from app.sync import ProgressCallback, SyncReport
from ui.tasks import DB, TaskFailure, TaskRunner, mail_lane

ErrorCallback = Callable[[TaskFailure], None]


def check_connection(
    runner: TaskRunner, config: AccountConfig, secret: str | None, ssl_context: ssl.SSLContext | None,
    on_done: Callable[[ConnectionCheck], None], on_error: ErrorCallback,
) -> int:
    """`secret` None: the password saved for this account (read on the lane: a keyring may be slow)."""
    from app.accounts import check_connection as check
    from app.accounts import password

    return runner.submit(
        mail_lane(f"check:{config.id}"),
        lambda: check(config, secret if secret is not None else password(config.id) or "", ssl_context=ssl_context),
        on_done, on_error, slot="connection-check",
    )


def save_account(
    runner: TaskRunner, db: Database, config: AccountConfig, secret: str,
    on_done: Callable[[bool], None], on_error: ErrorCallback,
) -> int:
    """Settings to the store, the password to the keyring; True when the keyring took it."""
    from app.accounts import add_account
    from app.store.mail import MailStore

    return runner.submit(DB, lambda: add_account(MailStore(db), config, secret), on_done, on_error)


def update_account(
    runner: TaskRunner, db: Database, config: AccountConfig, secret: str | None,
    on_done: Callable[[bool], None], on_error: ErrorCallback,
) -> int:
    """Changed settings to the store; a new password (None: unchanged) to the keyring."""
    from app.accounts import update_account as update
    from app.store.mail import MailStore

    return runner.submit(DB, lambda: update(MailStore(db), config, secret), on_done, on_error)


def remove_account(
    runner: TaskRunner, db: Database, account_id: str, on_done: Callable[[None], None], on_error: ErrorCallback,
) -> int:
    """The account's settings, synced mail, outbox rows and password go; the server is not touched."""
    from app.accounts import remove_account as remove
    from app.store.mail import MailStore

    return runner.submit(DB, lambda: remove(MailStore(db), account_id), on_done, on_error)


def open_session(
    runner: TaskRunner, db: Database, config: AccountConfig, ssl_context: ssl.SSLContext | None,
    on_done: Callable[[AccountSession], None], on_error: ErrorCallback, providers: Providers | None = None,
    outbox: Outbox | None = None,
) -> int:
    return runner.submit(
        mail_lane(config.id),
        lambda: AccountSession(db, config, ssl_context=ssl_context, providers=providers, outbox=outbox),
        on_done, on_error,
    )


@dataclass(frozen=True, slots=True)
class SignedIn:
    kind: AccountKind
    email: str
    token: str  # for the keyring only


def sign_in(
    runner: TaskRunner, kind: AccountKind, make_providers: Callable[[], Providers],
    on_done: Callable[[SignedIn], None], on_error: ErrorCallback,
) -> int:
    """The provider's browser sign-in; waits for the browser on its own lane (minutes, at worst).
    `make_providers` runs there too: it may read the keyring (the Google client secret)."""

    def run() -> SignedIn:
        providers = make_providers()
        if kind is AccountKind.GMAIL:
            from app.sources.gmail_auth import sign_in as google

            google_result = google(providers.google)
            return SignedIn(kind, google_result.email, google_result.token_json)
        from app.sources.graph_auth import sign_in as microsoft

        microsoft_result = microsoft(providers.microsoft)
        return SignedIn(kind, microsoft_result.email, microsoft_result.cache_json)

    return runner.submit(mail_lane("sign-in"), run, on_done, on_error, slot="sign-in")


def keep_token(
    runner: TaskRunner, account_id: str, token: str, on_done: Callable[[bool], None], on_error: ErrorCallback,
) -> int:
    """A new sign-in of a saved account: the keyring entry is replaced."""
    from app.accounts import store_token

    return runner.submit(DB, lambda: store_token(account_id, token), on_done, on_error)


def sync_account(
    runner: TaskRunner, session: AccountSession, progress: ProgressCallback,
    on_done: Callable[[SyncReport], None], on_error: ErrorCallback,
) -> int:
    """Headers of every folder first (the list fills), then bodies, in the background."""
    return runner.submit(mail_lane(session.config.id), lambda: session.sync(bodies=True, progress=progress),
                         on_done, on_error)
