"""Team mode settings: the URL in settings, the password only in the keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from app import accounts
from app.customers.sql import SECRET_SERVICE, make_engine, secret_name
from app.settings import MEMORY_DATABASE_URL, load_settings


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    old = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(old)


def test_password_comes_from_the_keyring_not_settings(ring: MemoryKeyring, tmp_path: Path) -> None:
    url = "postgresql://agent@db.example:5433/team"
    settings = load_settings(tmp_path / "settings.json")
    settings.set(MEMORY_DATABASE_URL, url)
    accounts.set_secret(SECRET_SERVICE, secret_name(url), "s3cret")
    assert "s3cret" not in (tmp_path / "settings.json").read_text(encoding="utf-8")
    engine = make_engine(load_settings(tmp_path / "settings.json").get(MEMORY_DATABASE_URL))
    assert engine.url.password == "s3cret" and engine.url.drivername == "postgresql+psycopg"
    accounts.delete_secret(SECRET_SERVICE, secret_name(url))
    assert make_engine(url).url.password is None
    assert not accounts.fallback_only()
