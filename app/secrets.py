"""Secrets in the OS keyring: mail passwords, OAuth tokens, the team database password.

The only module that touches `keyring` (docs/ARCHITECTURE.md §9). When the system offers no secure
keyring (no Secret Service running, or only keyring's plaintext/"fail" backends), `keyring_status()`
says so, the UI shows it, and the secret is kept in memory for this session only rather than written
in clear. It sits below app.sources (a Gmail or Microsoft source reads its sign-in here) and
app.customers (the team database password); `app.accounts` re-exports it under the old names.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail

KEYRING_SERVICE = "Aizuchi"


# -- mail passwords and tokens --------------------------------------------------------------------------

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
    return isinstance(keyring.get_keyring(), fail.Keyring)


def forget_session_passwords() -> None:
    """Tests: start from what the keyring holds."""
    with _session_lock:
        _session_passwords.clear()
        _session_secrets.clear()
