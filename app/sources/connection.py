"""Connecting to a mail server: an account's settings, TLS, and naming what went wrong.

Owns the `AccountConfig` dataclass (no secret in it: the password comes from
`app.accounts`, the keyring), the TLS context every IMAP/SMTP connection uses,
and `connect_error`, which turns the socket and `ssl` exceptions of any library
into our `ConnectFailed` with a precise `ConnectProblem`, so the account dialog
can say "the certificate has expired" rather than "SSL error".
"""

from __future__ import annotations

import errno
import socket
import ssl

# Re-exports (marked `X as X`): these value types live in app.model now; code written against
# this module, including other branches, still imports them from here.
from app.model import AccountConfig as AccountConfig
from app.model import Charset as Charset
from app.model import Security as Security
from app.sources.errors import ConnectFailed, ConnectProblem

DEFAULT_TIMEOUT = 20.0


def tls_context(cafile: str | None = None) -> ssl.SSLContext:
    """The system's trust store (and certificate checks); `cafile` adds a private CA."""
    context = ssl.create_default_context()
    if cafile:
        context.load_verify_locations(cafile)
    return context


def connect_error(error: BaseException) -> ConnectFailed:
    """The `ConnectFailed` a low-level connection error stands for."""
    if isinstance(error, ConnectFailed):
        return error
    # Libraries re-raise their own exception over the socket's (smtplib turns a read
    # timeout into SMTPServerDisconnected): the underlying one says more.
    inner = error.__cause__ or error.__context__
    if inner is not None and isinstance(inner, OSError | UnicodeError):
        return connect_error(inner)
    if isinstance(error, ssl.SSLCertVerificationError):
        message = (error.verify_message or str(error)).lower()
        problem = ConnectProblem.CERT_EXPIRED if "expired" in message else ConnectProblem.CERT_INVALID
        return ConnectFailed(problem, error.verify_message or str(error))
    if isinstance(error, ssl.CertificateError):
        return ConnectFailed(ConnectProblem.CERT_INVALID, str(error))
    if isinstance(error, ssl.SSLError):
        return ConnectFailed(ConnectProblem.TLS_FAILED, str(error))
    if isinstance(error, socket.gaierror | UnicodeError):
        # UnicodeError: the name cannot even be encoded for DNS (a typo like "mail..example.jp").
        return ConnectFailed(ConnectProblem.UNKNOWN_HOST, str(error))
    if isinstance(error, ConnectionRefusedError):
        return ConnectFailed(ConnectProblem.REFUSED, str(error))
    if isinstance(error, TimeoutError | socket.timeout):
        return ConnectFailed(ConnectProblem.TIMEOUT, str(error))
    if isinstance(error, OSError) and error.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH):
        return ConnectFailed(ConnectProblem.REFUSED, str(error))
    return ConnectFailed(ConnectProblem.DROPPED, str(error) or type(error).__name__)
