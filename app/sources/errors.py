"""Errors every source raises, named for the user rather than the library.

The UI maps each class to one Japanese sentence and a next step.
"""

from enum import StrEnum


class SourceError(Exception):
    """Base class of every error a mail source raises."""


class AuthExpired(SourceError):
    """The password or token was refused; the user must sign in again."""


class NoSavedSecret(AuthExpired):
    """No password or sign-in saved for the account (the keyring could not keep it, or lost
    it): not a refused password, and worded so (issue 14)."""


class NetworkDown(SourceError):
    """The server could not be reached or the connection dropped."""


class ServerRejected(SourceError):
    """The server understood and refused; `reason` is the server's words."""

    def __init__(self, reason: str, code: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code  # the server's reply code when it gave one (SMTP 421, 554…)

    @property
    def temporary(self) -> bool:
        """A 4xx reply: the server asks to try again later."""
        return 400 <= self.code < 500


class NotFound(SourceError):
    """The folder or message no longer exists in the source."""


class ReadOnlyMailbox(SourceError):
    """A local mailbox folder cannot be written (permissions, a read-only disk): nothing was
    written to it. `path` is the folder that refused."""

    def __init__(self, path: str, detail: str = "") -> None:
        super().__init__(f"{path}: {detail}" if detail else path)
        self.path = path
        self.detail = detail


class SendOutcomeUnknown(SourceError):
    """The connection ended after the message was handed over but before the
    server confirmed it: it may or may not have been sent."""


class ConnectProblem(StrEnum):
    """Why a connection could not be made; the account dialog words each one."""

    UNKNOWN_HOST = "unknown_host"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    CERT_INVALID = "cert_invalid"
    CERT_EXPIRED = "cert_expired"
    NO_STARTTLS = "no_starttls"
    TLS_FAILED = "tls_failed"
    DROPPED = "dropped"


class ConnectFailed(NetworkDown):
    """A `NetworkDown` whose cause is known precisely (for the 「接続テスト」 message)."""

    def __init__(self, problem: ConnectProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail
