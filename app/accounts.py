"""Secrets in the OS keyring: the only module that touches `keyring`.

Minimal for now (the customer memory's PostgreSQL password); the account
settings for mail providers grow here. Nothing secret is ever written to
settings or the database. `fallback_only()` tells the UI when keyring found no
real backend (no Secret Service running), so it can say so rather than
silently failing to remember a password.
"""

from __future__ import annotations

import contextlib

SERVICE_PREFIX = "aizuchi"


def _service(service: str) -> str:
    return f"{SERVICE_PREFIX}:{service}"


def get_secret(service: str, name: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        value = keyring.get_password(_service(service), name)
    except KeyringError:
        return None
    return value


def set_secret(service: str, name: str, secret: str) -> None:
    import keyring

    keyring.set_password(_service(service), name, secret)


def delete_secret(service: str, name: str) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(_service(service), name)


def fallback_only() -> bool:
    """True when keyring has no usable backend (secrets could not be kept)."""
    import keyring
    from keyring.backends import fail

    return isinstance(keyring.get_keyring(), fail.Keyring)
