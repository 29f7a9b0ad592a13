"""Mail accounts: provider presets, the saved settings, passwords in the OS keyring.

The only module that touches `keyring` (ARCHITECTURE.md §9): mail passwords
here, and any other secret (the customer memory's PostgreSQL password) through
`get_secret` / `set_secret`. Settings (host, port,
security, charset) are saved in the store without any secret. When the system
offers no secure keyring (no Secret Service running, or only keyring's
plaintext/"fail" backends), `keyring_status()` says so, the UI shows it, and the
password is kept in memory for this session only rather than written in clear.
"""

from __future__ import annotations

import contextlib
import re
import ssl
import threading
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

import keyring
import keyring.backend
import keyring.errors

from app.model import AccountConfig, Charset, Security
from app.sources.errors import SourceError
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

KEYRING_SERVICE = "Aizuchi"


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


# -- keyring --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class KeyringStatus:
    secure: bool
    backend: str  # the backend's class name, for the settings and for support


# Backends that do not keep a secret safely: "fail" (none found), "null", and the
# plaintext/obfuscated files of keyrings.alt, which keyring picks silently.
_INSECURE = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")

_session_passwords: dict[str, str] = {}
_session_lock = threading.Lock()


def keyring_status() -> KeyringStatus:
    backend = keyring.get_keyring()
    module = type(backend).__module__
    name = f"{module}.{type(backend).__name__}"
    insecure = module.startswith(_INSECURE) or getattr(backend, "priority", 1) <= 0
    # A chainer is as secure as what it chains.
    chained = getattr(backend, "backends", None)
    if chained is not None and module.startswith("keyring.backends.chainer"):
        insecure = not chained or all(type(b).__module__.startswith(_INSECURE) for b in chained)
    return KeyringStatus(secure=not insecure, backend=name)


def store_password(account_id: str, secret: str) -> bool:
    """Save in the keyring; True when saved there, False when kept for this session only."""
    with _session_lock:
        _session_passwords[account_id] = secret
    if not keyring_status().secure:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, account_id, secret)
    except keyring.errors.KeyringError:
        return False
    return True


def password(account_id: str) -> str | None:
    with _session_lock:
        remembered = _session_passwords.get(account_id)
    if remembered is not None:
        return remembered
    if not keyring_status().secure:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, account_id)
    except keyring.errors.KeyringError:
        return None
    if found is not None:
        with _session_lock:
            _session_passwords[account_id] = found
    return found


def delete_password(account_id: str) -> None:
    with _session_lock:
        _session_passwords.pop(account_id, None)
    if keyring_status().secure:
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(KEYRING_SERVICE, account_id)


def store_token(account_id: str, token: str) -> bool:
    """A Gmail/Microsoft account's sign-in (refresh token, MSAL cache) takes the password's place."""
    return store_password(account_id, token)


def token(account_id: str) -> str | None:
    return password(account_id)


# -- other secrets (the customer memory's team database, the Google client secret) ------------

SERVICE_PREFIX = "aizuchi"


def _service(service: str) -> str:
    return f"{SERVICE_PREFIX}:{service}"


_session_secrets: dict[tuple[str, str], str] = {}


def get_secret(service: str, name: str) -> str | None:
    with _session_lock:
        remembered = _session_secrets.get((service, name))
    if remembered is not None:
        return remembered
    try:
        return keyring.get_password(_service(service), name)
    except keyring.errors.KeyringError:
        return None


def set_secret(service: str, name: str, secret: str) -> bool:
    """Save in the keyring; True when saved there, False when kept for this session only (no
    secure keyring, or it refused): the caller tells the user it must be typed again next time."""
    with _session_lock:
        _session_secrets[(service, name)] = secret
    if not keyring_status().secure:
        return False
    try:
        keyring.set_password(_service(service), name, secret)
    except keyring.errors.KeyringError:
        return False
    return True


def delete_secret(service: str, name: str) -> None:
    with _session_lock:
        _session_secrets.pop((service, name), None)
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(_service(service), name)


def fallback_only() -> bool:
    """True when keyring has no usable backend at all (secrets could not be kept)."""
    from keyring.backends import fail

    return isinstance(keyring.get_keyring(), fail.Keyring)


def forget_session_passwords() -> None:
    """Tests: start from what the keyring holds."""
    with _session_lock:
        _session_passwords.clear()
        _session_secrets.clear()


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
    from app.sources.imap import ImapSource
    from app.sources.smtp import SmtpSender

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
