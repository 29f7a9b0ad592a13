"""Where the OAuth providers are and which client the shop registered with them.

Owns the two small records the Gmail and Graph modules are built from —
`GoogleClient` (client id and secret, the authorisation and token endpoints,
the Gmail API endpoint) and `MicrosoftClient` (client id, authority, the Graph
endpoint) — and reading them from the settings (`app.settings`) plus the
keyring (the Google desktop client's secret, through `app.accounts`).

Account kinds are named here too, as the store keeps them in `mail_accounts.kind`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.distribution import distributed_clients
from app.secrets import get_secret, set_secret
from app.settings import (
    GMAIL_API_ENDPOINT,
    GOOGLE_AUTH_URI,
    GOOGLE_CLIENT_ID,
    GOOGLE_TOKEN_URI,
    GRAPH_API_ENDPOINT,
    MICROSOFT_AUTHORITY,
    MICROSOFT_CLIENT_ID,
    OAUTH_CA_FILE,
    Settings,
)

GOOGLE_SECRET_SERVICE = "google-oauth-client"  # keyring: (aizuchi:google-oauth-client, client id) → secret


class AccountKind(StrEnum):
    IMAP = "imap"
    GMAIL = "gmail"
    GRAPH = "graph"


# Read, label changes and sending; nothing wider (no deletion, no settings).
GMAIL_SCOPES = ("https://www.googleapis.com/auth/gmail.modify",)
# MSAL adds openid/profile/offline_access itself; they must not be listed here.
GRAPH_SCOPES = ("https://graph.microsoft.com/Mail.ReadWrite", "https://graph.microsoft.com/Mail.Send",
                "https://graph.microsoft.com/User.Read")


@dataclass(frozen=True, slots=True)
class GoogleClient:
    client_id: str
    client_secret: str
    auth_uri: str = "https://accounts.google.com/o/oauth2/auth"
    token_uri: str = "https://oauth2.googleapis.com/token"
    api_endpoint: str = "https://gmail.googleapis.com/"
    ca_file: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.client_id)


@dataclass(frozen=True, slots=True)
class MicrosoftClient:
    client_id: str
    authority: str = "https://login.microsoftonline.com/common"
    api_endpoint: str = "https://graph.microsoft.com/v1.0"
    ca_file: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.client_id)


@dataclass(frozen=True, slots=True)
class Providers:
    google: GoogleClient
    microsoft: MicrosoftClient


def providers_from_settings(settings: Settings) -> Providers:
    ca_file = settings.get(OAUTH_CA_FILE)
    carried = distributed_clients()  # a packaged build's own clients, when the settings name none
    google_id = settings.get(GOOGLE_CLIENT_ID).strip()
    google_secret = (get_secret(GOOGLE_SECRET_SERVICE, google_id) or "") if google_id else ""
    if not google_id:
        google_id, google_secret = carried.google_client_id, carried.google_client_secret
    return Providers(
        google=GoogleClient(
            client_id=google_id,
            client_secret=google_secret,
            auth_uri=settings.get(GOOGLE_AUTH_URI), token_uri=settings.get(GOOGLE_TOKEN_URI),
            api_endpoint=settings.get(GMAIL_API_ENDPOINT), ca_file=ca_file,
        ),
        microsoft=MicrosoftClient(
            client_id=settings.get(MICROSOFT_CLIENT_ID).strip() or carried.microsoft_client_id,
            authority=settings.get(MICROSOFT_AUTHORITY),
            api_endpoint=settings.get(GRAPH_API_ENDPOINT), ca_file=ca_file,
        ),
    )


def save_client_ids(settings: Settings, google_id: str, google_secret: str, microsoft_id: str) -> None:
    """The dialog's client fields: ids to the settings, the Google secret to the keyring."""
    settings.set(GOOGLE_CLIENT_ID, google_id.strip())
    settings.set(MICROSOFT_CLIENT_ID, microsoft_id.strip())
    if google_id.strip() and google_secret:
        set_secret(GOOGLE_SECRET_SERVICE, google_id.strip(), google_secret)
