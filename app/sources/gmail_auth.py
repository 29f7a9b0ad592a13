"""Signing in to Google: the desktop OAuth flow and the token kept in the keyring.

Owns `sign_in` — google-auth-oauthlib's `InstalledAppFlow.run_local_server`: the
system browser opens Google's consent page, Google redirects to a one-shot
server on 127.0.0.1 (RFC 8252 loopback redirect) with the code, and the code is
exchanged with a PKCE verifier (the library generates it) — and turning the
resulting `Credentials` into the small JSON the keyring keeps (refresh token,
access token and its expiry; the client id and secret come from settings and
the keyring, not from this blob) and back.

The browser is whatever `webbrowser` picks, so tests register a browser of
their own that follows the redirect without a screen; the app has no test hook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from app.sources.errors import AuthExpired, NetworkDown, SourceError
from app.sources.oauth import GMAIL_SCOPES, GoogleClient

SIGN_IN_TIMEOUT = 300.0
_SUCCESS_PAGE = "相槌へのログインが完了しました。このタブを閉じて、相槌に戻ってください。"


@dataclass(frozen=True, slots=True)
class GoogleSignIn:
    email: str
    token_json: str  # for the keyring (app.accounts.store_password)


def client_config(client: GoogleClient) -> dict[str, dict[str, object]]:
    return {
        "installed": {
            "client_id": client.client_id,
            "client_secret": client.client_secret,
            "auth_uri": client.auth_uri,
            "token_uri": client.token_uri,
            "redirect_uris": ["http://127.0.0.1"],
        }
    }


def token_json(credentials: object) -> str:
    from google.oauth2.credentials import Credentials

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
    from google.oauth2.credentials import Credentials

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


def sign_in(client: GoogleClient, timeout: float = SIGN_IN_TIMEOUT) -> GoogleSignIn:
    """Run the browser sign-in; returns the address signed in and the token to keep.

    Blocks until the browser comes back (or `timeout`): run it on a background lane.
    """
    from google_auth_oauthlib.flow import InstalledAppFlow
    from oauthlib.oauth2.rfc6749.errors import OAuth2Error
    from requests import RequestException

    from app.sources.gmail import GmailSource

    flow = InstalledAppFlow.from_client_config(client_config(client), scopes=list(GMAIL_SCOPES))
    if client.ca_file:
        flow.oauth2session.verify = client.ca_file
        flow.oauth2session.trust_env = False
    try:
        creds = flow.run_local_server(
            host="127.0.0.1", port=0, open_browser=True, authorization_prompt_message="",
            success_message=_SUCCESS_PAGE, timeout_seconds=int(timeout),
            # Google returns no refresh token on a second consent unless asked again.
            access_type="offline", prompt="consent",
        )
    except OAuth2Error as error:
        raise AuthExpired(f"{error.error}: {error.description or ''}") from error
    except RequestException as error:
        raise NetworkDown(str(error)) from error
    except AttributeError as error:  # run_local_server's way of saying the browser never came back
        raise AuthExpired(f"sign-in timed out: {error}") from error
    saved = token_json(creds)
    source = GmailSource(client, saved)
    try:
        email = source.profile_email()
    except SourceError:
        raise
    return GoogleSignIn(email=email, token_json=source.token_json())
