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

from dataclasses import dataclass

from google_auth_oauthlib.flow import InstalledAppFlow
from oauthlib.oauth2.rfc6749.errors import OAuth2Error
from requests import RequestException

from app.sources.errors import AuthExpired, NetworkDown, SourceError
from app.sources.gmail import GmailSource

# Re-exports: the token's JSON lives in app.sources.google_token, which GmailSource uses
# without importing the sign-in (so gmail and gmail_auth no longer import each other).
from app.sources.google_token import credentials as credentials
from app.sources.google_token import token_json as token_json
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


def sign_in(client: GoogleClient, timeout: float = SIGN_IN_TIMEOUT) -> GoogleSignIn:
    """Run the browser sign-in; returns the address signed in and the token to keep.

    Blocks until the browser comes back (or `timeout`): run it on a background lane.
    """
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
