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
from dataclasses import dataclass, replace
from enum import StrEnum

from app.sources.errors import ConnectFailed, ConnectProblem

DEFAULT_TIMEOUT = 20.0


class Security(StrEnum):
    SSL = "ssl"            # TLS from the first byte (IMAPS 993, SMTPS 465)
    STARTTLS = "starttls"  # plain, then upgraded (IMAP 143, submission 587)
    NONE = "none"          # loopback tests only; the dialog does not offer it


class Charset(StrEnum):
    UTF8 = "utf-8"
    ISO2022JP = "iso-2022-jp"


@dataclass(frozen=True, slots=True)
class AccountConfig:
    id: str
    email: str
    username: str
    imap_host: str
    smtp_host: str
    imap_port: int = 993
    imap_security: Security = Security.SSL
    smtp_port: int = 465
    smtp_security: Security = Security.SSL
    display_name: str = ""
    charset: Charset = Charset.UTF8
    server_saves_sent: bool = False  # Gmail files a copy in Sent by itself
    kind: str = "imap"

    def label(self) -> str:
        return self.display_name or self.email

    def with_id(self, account_id: str) -> AccountConfig:
        return replace(self, id=account_id)


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
