"""Aizuchi's settings: each declared once, typed, saved as JSON in the user data dir.

No secret ever goes here (passwords and tokens live in the OS keyring, through
`app.accounts`). Window geometry is Qt's business (`QSettings`), not ours.
"""

from __future__ import annotations

import copy
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from app.paths import user_data_dir

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    default: T
    type_: type


LANGUAGE: Setting[str] = Setting("language", default="", type_=str)  # "" = follow the locale
REMOTE_IMAGE_SENDERS: Setting[list[str]] = Setting("remote_image_senders", default=[], type_=list)
# Team mode: a PostgreSQL URL without the password (postgresql://agent@db.example:5432/aizuchi);
# "" keeps the customer memory in the local SQLite database. The password lives in the keyring.
MEMORY_DATABASE_URL: Setting[str] = Setting("memory_database_url", default="", type_=str)
# Team mode: the name teammates see beside a mail this agent reads or answers (「佐藤さんが返信を書いています」)
# and on the snippets they make; "" = the OS account name.
TEAM_STAFF_NAME: Setting[str] = Setting("team_staff_name", default="", type_=str)
# Build the customer memory from every folder (but Drafts, Trash, Junk) when a mailbox is opened
# (resumes where it stopped).
MEMORY_AUTO_BUILD: Setting[bool] = Setting("memory_auto_build", default=True, type_=bool)

# Each a dict of app.identity.ShopIdentity fields; empty = the demo shops.
SHOP_IDENTITIES: Setting[list[dict[str, str]]] = Setting("shop_identities", default=[], type_=list)

# Gmail and Microsoft 365 sign-in (docs/oauth.md): each shop registers its own OAuth
# client and enters its id here. Client ids are not secret; the Google desktop
# client's "secret" goes to the keyring all the same (app.accounts).
GOOGLE_CLIENT_ID: Setting[str] = Setting("google_client_id", default="", type_=str)
MICROSOFT_CLIENT_ID: Setting[str] = Setting("microsoft_client_id", default="", type_=str)
# The providers' endpoints. Only changed for a national cloud (login.microsoftonline.us,
# graph.microsoft.us), a single-tenant authority, or the local test servers.
GOOGLE_AUTH_URI: Setting[str] = Setting("google_auth_uri", default="https://accounts.google.com/o/oauth2/auth",
                                        type_=str)
GOOGLE_TOKEN_URI: Setting[str] = Setting("google_token_uri", default="https://oauth2.googleapis.com/token", type_=str)
GMAIL_API_ENDPOINT: Setting[str] = Setting("gmail_api_endpoint", default="https://gmail.googleapis.com/", type_=str)
MICROSOFT_AUTHORITY: Setting[str] = Setting("microsoft_authority",
                                            default="https://login.microsoftonline.com/common", type_=str)
GRAPH_API_ENDPOINT: Setting[str] = Setting("graph_api_endpoint", default="https://graph.microsoft.com/v1.0",
                                           type_=str)
# A private CA in PEM for the providers' HTTPS (a company's TLS-inspecting proxy); "" = the usual trust store.
OAUTH_CA_FILE: Setting[str] = Setting("oauth_ca_file", default="", type_=str)

# Sending (issue 19): every send waits this many seconds with 「送信を取り消す」 (0–30; 0 = at once),
# and each identity's service hours (app.service_hours.ServiceHours.to_dict, keyed by the identity's
# address, "" for every identity without its own; empty = Mon–Fri 9:00–18:00, holidays, 12/29–1/3 closed).
UNDO_SECONDS: Setting[int] = Setting("undo_seconds", default=10, type_=int)
UNDO_SECONDS_MAX = 30
SERVICE_HOURS: Setting[dict[str, Any]] = Setting("service_hours", default={}, type_=dict)

# One's own mail on this computer (a Maildir folder or an mbox file), chosen in the account dialog:
# what `aizuchi run` opens when no PATH is given ("" = the demo mailbox).
LOCAL_MAILBOX: Setting[str] = Setting("local_mailbox", default="", type_=str)

REGISTRY: tuple[Setting[Any], ...] = (
    LANGUAGE, LOCAL_MAILBOX,
    REMOTE_IMAGE_SENDERS, MEMORY_DATABASE_URL, TEAM_STAFF_NAME, MEMORY_AUTO_BUILD, SHOP_IDENTITIES,
    UNDO_SECONDS, SERVICE_HOURS,
    GOOGLE_CLIENT_ID, MICROSOFT_CLIENT_ID, GOOGLE_AUTH_URI, GOOGLE_TOKEN_URI, GMAIL_API_ENDPOINT,
    MICROSOFT_AUTHORITY, GRAPH_API_ENDPOINT, OAUTH_CA_FILE,
)


class Settings:
    """Typed access to the settings file; every change is written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict):
            for setting in REGISTRY:
                value = loaded.get(setting.key)
                if isinstance(value, setting.type_):  # a hand-edited wrong type falls back to default
                    self._values[setting.key] = value

    def get(self, setting: Setting[T]) -> T:
        with self._lock:
            value: T = self._values.get(setting.key, setting.default)
        # Lists are handed out as copies so a caller cannot change the saved value by accident.
        return copy.copy(value)

    def set(self, setting: Setting[T], value: T) -> None:
        with self._lock:
            self._values[setting.key] = value
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp = self.path.with_suffix(".tmp")
            temp.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(temp, self.path)

    # -- conveniences used by the reader -----------------------------------
    @property
    def language(self) -> str:
        return self.get(LANGUAGE)

    def remote_images_allowed(self, sender_email: str) -> bool:
        return sender_email.strip().lower() in self.get(REMOTE_IMAGE_SENDERS)

    @property
    def undo_seconds(self) -> int:
        """The grace period of every send, kept within 0–30 s whatever the file says."""
        return max(0, min(UNDO_SECONDS_MAX, self.get(UNDO_SECONDS)))

    def allow_remote_images(self, sender_email: str) -> None:
        senders = self.get(REMOTE_IMAGE_SENDERS)
        address = sender_email.strip().lower()
        if address and address not in senders:
            self.set(REMOTE_IMAGE_SENDERS, [*senders, address])


def load_settings(path: Path | None = None) -> Settings:
    return Settings(path or user_data_dir() / "settings.json")
