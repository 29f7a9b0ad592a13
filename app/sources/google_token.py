"""A Google sign-in as the keyring keeps it: `Credentials` to and from a small JSON.

The refresh token, the access token and its expiry; the client id and secret come from
settings and the keyring, not from this blob. Used by `GmailSource` (every start) and by
the sign-in (`app.sources.gmail_auth`), which is why it is a module of its own.
"""

from __future__ import annotations

import json
from datetime import datetime

from google.oauth2.credentials import Credentials

from app.sources.errors import AuthExpired
from app.sources.oauth import GMAIL_SCOPES, GoogleClient


def token_json(credentials: object) -> str:
    assert isinstance(credentials, Credentials)
    expiry: datetime | None = credentials.expiry
    return json.dumps({
        "refresh_token": credentials.refresh_token,
        "token": credentials.token,
        "expiry": expiry.isoformat() if expiry else None,
        "scopes": list(credentials.scopes or GMAIL_SCOPES),
    })


def credentials(client: GoogleClient, saved: str) -> object:
    """`google.oauth2.credentials.Credentials` from the keyring's JSON (naive UTC expiry, as google-auth wants)."""
    try:
        data = json.loads(saved)
    except ValueError as error:
        raise AuthExpired("the saved Google token is unreadable") from error
    if not isinstance(data, dict) or not data.get("refresh_token"):
        raise AuthExpired("no Google refresh token saved")
    expiry = datetime.fromisoformat(data["expiry"]) if data.get("expiry") else None
    return Credentials(  # type: ignore[no-untyped-call]
        token=data.get("token"), refresh_token=data["refresh_token"], token_uri=client.token_uri,
        client_id=client.client_id, client_secret=client.client_secret or None,
        scopes=data.get("scopes") or list(GMAIL_SCOPES), expiry=expiry,
    )
