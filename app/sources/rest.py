"""Talking to a provider's REST API (Gmail, Microsoft Graph): back-off and naming failures.

Owns what the two OAuth providers share:

- `Backoff`: how long to wait after a 429 or a 5xx. The server's `Retry-After`
  (seconds or an HTTP date) is honoured; without one the wait doubles from
  `base`. Every wait is capped, and so is the total: a throttled sync gives up
  with `NetworkDown` rather than hang the account's lane for an hour.
- `status_error`: an HTTP status that will not get better by waiting becomes
  `AuthExpired` (401/403 after the token was refreshed), `NotFound` (404/410) or
  `ServerRejected` (the rest, with the server's own words).
- `transport_error`: a `requests` exception becomes `NetworkDown`, or
  `SendOutcomeUnknown` when the request may have reached the server (only asked
  for sends, where it matters: the outbox looks in Sent before sending again).
- `http_session`: the `requests.Session` both providers use (a private CA for
  tests and company proxies, and `trust_env` off then, because `REQUESTS_CA_BUNDLE`
  would silently replace that CA).
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import requests

from app.sources.errors import AuthExpired, NetworkDown, NotFound, SendOutcomeUnknown, ServerRejected, SourceError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_TIMEOUT = 30.0


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds from now: a number, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass
class Backoff:
    """Bounded waiting between attempts of one call. `sleep` is replaceable for tests."""

    attempts: int = 6          # tries in all, the first included
    base: float = 1.0          # first wait without Retry-After; doubles each time
    max_delay: float = 60.0    # no single wait is longer, whatever the server asks
    max_total: float = 180.0   # the whole call gives up after waiting this long
    sleep: Callable[[float], None] = field(default=time.sleep)
    waited: float = 0.0        # in total, for this call so far (reset by `fresh`)

    def fresh(self) -> Backoff:
        return Backoff(self.attempts, self.base, self.max_delay, self.max_total, self.sleep)

    def wait(self, attempt: int, retry_after: str | None) -> bool:
        """Sleep before attempt `attempt + 1`; False when the budget is spent (give up)."""
        if attempt >= self.attempts:
            return False
        asked = retry_after_seconds(retry_after)
        delay = asked if asked is not None else self.base * (2 ** (attempt - 1))
        delay = min(delay, self.max_delay)
        if self.waited + delay > self.max_total:
            return False
        self.sleep(delay)
        self.waited += delay
        return True


class Gone(NotFound):
    """HTTP 410: a sync token (Graph deltaLink) the server no longer knows: start over."""


def status_error(status: int, reason: str) -> SourceError:
    """The error a final (not retried) HTTP status stands for."""
    if status in (401, 403) and ("auth" in reason.lower() or status == 401):
        return AuthExpired(f"{status} {reason}")
    if status == 410:
        return Gone(f"{status} {reason}")
    if status == 404:
        return NotFound(f"{status} {reason}")
    if status in RETRY_STATUSES:
        # Still throttled or failing after every retry: the service is down for now.
        return NetworkDown(f"{status} {reason}")
    return ServerRejected(reason or str(status), status)


def transport_error(error: BaseException, sending: bool = False) -> SourceError:
    """A `requests` failure named for the user. `sending`: the request carried a message."""
    if isinstance(error, SourceError):
        return error
    if isinstance(error, requests.exceptions.ConnectTimeout | requests.exceptions.SSLError):
        return NetworkDown(str(error))
    if isinstance(error, requests.exceptions.ConnectionError):
        inner = str(error)
        # "Connection refused" / name resolution: nothing reached the server.
        if "NewConnectionError" in inner or "NameResolutionError" in inner or "Failed to resolve" in inner:
            return NetworkDown(inner)
        if sending:
            return SendOutcomeUnknown(f"connection lost after the message was sent: {inner}")
        return NetworkDown(inner)
    if isinstance(error, requests.exceptions.Timeout):
        if sending:
            return SendOutcomeUnknown(f"no answer after the message was sent: {error}")
        return NetworkDown(str(error))
    if isinstance(error, OSError):
        return SendOutcomeUnknown(str(error)) if sending else NetworkDown(str(error))
    return NetworkDown(f"{type(error).__name__}: {error}")


def http_session(ca_file: str = "") -> requests.Session:
    session = requests.Session()
    if ca_file:
        session.verify = ca_file
        # Otherwise REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE from the environment win over `verify`.
        session.trust_env = False
    return session
