"""Signing in to Microsoft 365 with MSAL: interactive sign-in, silent refresh, the cache in the keyring.

Owns the MSAL `PublicClientApplication` of one account and its
`SerializableTokenCache`. `sign_in` opens the system browser on the
authority's authorise page; MSAL listens on a `http://localhost` port for the
redirect and redeems the code with PKCE. `MicrosoftAuth.token()` returns an
access token from the cache, refreshed silently when it has expired (or when
Graph answered 401: `force=True`); a refresh token that was revoked or has
expired (`invalid_grant`, `interaction_required`) becomes `AuthExpired`, and
the app asks the agent to sign in again.

What goes to the keyring is the serialised cache without its access tokens:
those live an hour and cost one silent refresh to get again, and leaving them
out keeps the entry small (Windows' credential store caps a secret's size).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msal
import requests

from app.sources.errors import AuthExpired, NetworkDown
from app.sources.oauth import GRAPH_SCOPES, MicrosoftClient
from app.sources.rest import http_session

SIGN_IN_TIMEOUT = 300
_SUCCESS_PAGE = "<p>相槌へのログインが完了しました。このタブを閉じて、相槌に戻ってください。</p>"
_FAILURE_PAGE = "<p>ログインできませんでした: $error</p><p>$error_description</p>"
# MSAL errors that only a new interactive sign-in can cure.
_SIGN_IN_AGAIN = {"invalid_grant", "interaction_required", "consent_required", "login_required", "invalid_client"}


@dataclass(frozen=True, slots=True)
class MicrosoftSignIn:
    email: str
    cache_json: str  # for the keyring (app.accounts.store_password)


def _without_access_tokens(serialized: str) -> str:
    data = json.loads(serialized)
    data.pop("AccessToken", None)
    return json.dumps(data)


class MicrosoftAuth:
    """MSAL for one account. Not thread-safe: the account's lane only."""

    def __init__(
        self,
        client: MicrosoftClient,
        cache_json: str | None = None,
        on_cache: Callable[[str], None] | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.client = client
        self.cache = msal.SerializableTokenCache()
        if cache_json:
            try:
                self.cache.deserialize(cache_json)
            except ValueError as error:
                raise AuthExpired("the saved Microsoft sign-in is unreadable") from error
        self._on_cache = on_cache
        self._session = session or http_session(client.ca_file)
        try:
            self.app: Any = msal.PublicClientApplication(
                client.client_id, authority=client.authority, token_cache=self.cache,
                http_client=self._session, instance_discovery=False,
            )
        except (requests.RequestException, OSError) as error:  # the authority's metadata is fetched here
            raise NetworkDown(str(error)) from error
        except ValueError as error:  # a malformed authority, or metadata without endpoints
            raise AuthExpired(str(error)) from error

    def serialized(self) -> str:
        return _without_access_tokens(self.cache.serialize())

    def _save(self) -> None:
        if self.cache.has_state_changed:
            self.cache.has_state_changed = False
            if self._on_cache is not None:
                self._on_cache(self.serialized())

    def account_email(self) -> str:
        accounts = self.app.get_accounts()
        return str(accounts[0].get("username", "")) if accounts else ""

    def token(self, force: bool = False) -> str:
        """An access token for Graph: from the cache, or refreshed without the agent."""
        accounts = self.app.get_accounts()
        if not accounts:
            raise AuthExpired("not signed in to Microsoft")
        try:
            result = self.app.acquire_token_silent_with_error(list(GRAPH_SCOPES), account=accounts[0],
                                                              force_refresh=force)
        except (requests.RequestException, OSError) as error:
            raise NetworkDown(str(error)) from error
        self._save()
        if not result:
            raise AuthExpired("no usable token in the cache")
        if "access_token" not in result:
            code = str(result.get("error", ""))
            detail = f"{code}: {result.get('error_description', '')}"
            if code in _SIGN_IN_AGAIN or "AADSTS70008" in detail or "AADSTS50173" in detail:
                raise AuthExpired(detail)
            raise NetworkDown(detail)
        return str(result["access_token"])


def sign_in(client: MicrosoftClient, timeout: int = SIGN_IN_TIMEOUT) -> MicrosoftSignIn:
    """The browser sign-in; blocks until the browser comes back (run it on a background lane)."""
    auth = MicrosoftAuth(client)
    try:
        result = auth.app.acquire_token_interactive(
            list(GRAPH_SCOPES), prompt="select_account", timeout=timeout,
            success_template=_SUCCESS_PAGE, error_template=_FAILURE_PAGE,
        )
    except (requests.RequestException, OSError) as error:
        raise NetworkDown(str(error)) from error
    except RuntimeError as error:  # MSAL: no browser could be opened
        raise AuthExpired(str(error)) from error
    if not result or "access_token" not in result:
        code = (result or {}).get("error", "no answer")
        raise AuthExpired(f"{code}: {(result or {}).get('error_description', '')}")
    claims = result.get("id_token_claims") or {}
    email = str(claims.get("preferred_username") or claims.get("email") or auth.account_email())
    return MicrosoftSignIn(email=email, cache_json=auth.serialized())
