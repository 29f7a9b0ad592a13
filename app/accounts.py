"""Mail accounts: provider presets, the saved settings, the connection check.

Passwords and tokens are kept by `app.secrets` (the only module that touches
`keyring`, docs/ARCHITECTURE.md §9), re-exported here under their old names. Settings (host, port,
security, charset) are saved in the store without any secret.
"""

from __future__ import annotations

import re
import ssl
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from app.model import AccountConfig, Charset, Security

# Re-exports: the keyring moved to app.secrets (below app.sources, which keeps OAuth tokens in it);
# the window and the tests still ask app.accounts.
from app.secrets import KEYRING_SERVICE as KEYRING_SERVICE
from app.secrets import KeyringStatus as KeyringStatus
from app.secrets import delete_password as delete_password
from app.secrets import delete_secret as delete_secret
from app.secrets import fallback_only as fallback_only
from app.secrets import forget_session_passwords as forget_session_passwords
from app.secrets import get_secret as get_secret
from app.secrets import keyring_status as keyring_status
from app.secrets import password as password
from app.secrets import set_secret as set_secret
from app.secrets import store_password as store_password
from app.secrets import store_token as store_token
from app.secrets import token as token
from app.sources.errors import SourceError
from app.sources.imap import ImapSource
from app.sources.smtp import SmtpSender
from app.store.mail import MailStore
from app.store.outbox import OutboxTable

__all__ = [
    "PRESETS",
    "AccountConfig",
    "Charset",
    "ConnectionCheck",
    "KeyringStatus",
    "Preset",
    "Security",
    "check_connection",
    "delete_password",
    "delete_secret",
    "fallback_only",
    "get_secret",
    "keyring_status",
    "new_account_id",
    "password",
    "set_secret",
    "store_password",
    "store_token",
    "token",
]



class PresetId(StrEnum):
    XSERVER = "xserver"
    SAKURA = "sakura"
    LOLIPOP = "lolipop"
    CONOHA = "conoha"
    ONAMAE = "onamae"
    GMAIL = "gmail"
    ICLOUD = "icloud"
    YAHOO_JP = "yahoo_jp"
    MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class Preset:
    """Server settings a provider documents. `{}` in a host is what the user fills
    (their server number or initial domain); `app_password` means the provider
    wants an app password rather than the sign-in password."""

    id: PresetId
    name: str  # the provider's own name, shown as is
    imap_host: str
    imap_port: int
    imap_security: Security
    smtp_host: str
    smtp_port: int
    smtp_security: Security
    host_hint: str = ""
    app_password: bool = False
    server_saves_sent: bool = False
    username_is_local_part: bool = False


PRESETS: tuple[Preset, ...] = (
    Preset(PresetId.XSERVER, "エックスサーバー", "sv{}.xserver.jp", 993, Security.SSL,
           "sv{}.xserver.jp", 465, Security.SSL, host_hint="12345"),
    Preset(PresetId.SAKURA, "さくらのレンタルサーバ", "{}.sakura.ne.jp", 993, Security.SSL,
           "{}.sakura.ne.jp", 587, Security.STARTTLS, host_hint="example"),
    Preset(PresetId.LOLIPOP, "ロリポップ!", "imap.lolipop.jp", 993, Security.SSL,
           "smtp.lolipop.jp", 465, Security.SSL),
    Preset(PresetId.CONOHA, "ConoHa WING", "mail{}.conoha.ne.jp", 993, Security.SSL,
           "mail{}.conoha.ne.jp", 465, Security.SSL, host_hint="1234"),
    Preset(PresetId.ONAMAE, "お名前.com", "mail{}.onamae.ne.jp", 993, Security.SSL,
           "mail{}.onamae.ne.jp", 465, Security.SSL, host_hint="12"),
    Preset(PresetId.GMAIL, "Gmail", "imap.gmail.com", 993, Security.SSL,
           "smtp.gmail.com", 465, Security.SSL, app_password=True, server_saves_sent=True),
    Preset(PresetId.ICLOUD, "iCloud メール", "imap.mail.me.com", 993, Security.SSL,
           "smtp.mail.me.com", 587, Security.STARTTLS, app_password=True),
    Preset(PresetId.YAHOO_JP, "Yahoo!メール", "imap.mail.yahoo.co.jp", 993, Security.SSL,
           "smtp.mail.yahoo.co.jp", 465, Security.SSL, app_password=True),
)


def preset(preset_id: PresetId) -> Preset | None:
    return next((p for p in PRESETS if p.id is preset_id), None)


def fill_host(template: str, value: str) -> str:
    return template.replace("{}", value.strip()) if "{}" in template else template


def new_account_id(email: str, taken: set[str]) -> str:
    """A readable, stable id from the address (`shop-example-jp`), unique among `taken`."""
    base = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKC", email).lower()).strip("-") or "account"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# -- accounts -----------------------------------------------------------------------------

def add_account(store: MailStore, config: AccountConfig, secret: str) -> bool:
    """Save the settings and the password; returns `store_password`'s answer."""
    store.save_account(config)
    return store_password(config.id, secret)


def update_account(store: MailStore, config: AccountConfig, secret: str | None) -> bool:
    """Save changed settings of an existing account; `secret` None keeps the stored password.
    Returns `store_password`'s answer (True when nothing had to be stored)."""
    store.save_account(config)
    return True if secret is None else store_password(config.id, secret)


def remove_account(store: MailStore, account_id: str) -> None:
    """The account's settings, its synced mail and outbox rows here, and its password or sign-in.
    Nothing on the server is touched."""
    store.delete_account(account_id)
    OutboxTable(store.db).forget_account(account_id)
    delete_password(account_id)


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """The 「接続テスト」 result per server: None when it worked, else the error."""

    imap: SourceError | None
    smtp: SourceError | None

    @property
    def ok(self) -> bool:
        return self.imap is None and self.smtp is None


def check_connection(
    config: AccountConfig, secret: str, ssl_context: ssl.SSLContext | None = None, timeout: float = 10.0
) -> ConnectionCheck:
    """Connect and log in to IMAP and SMTP; never raises a `SourceError`."""
    imap_error: SourceError | None = None
    smtp_error: SourceError | None = None
    source = ImapSource(config, secret, ssl_context=ssl_context, timeout=timeout)
    try:
        source.connect()
    except SourceError as error:
        imap_error = error
    finally:
        source.close()
    try:
        SmtpSender(config, secret, ssl_context=ssl_context, timeout=timeout).check()
    except SourceError as error:
        smtp_error = error
    return ConnectionCheck(imap_error, smtp_error)
