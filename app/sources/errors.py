"""Errors every source raises, named for the user rather than the library.

The UI maps each class to one Japanese sentence and a next step.
"""


class SourceError(Exception):
    """Base class of every error a mail source raises."""


class AuthExpired(SourceError):
    """The password or token was refused; the user must sign in again."""


class NetworkDown(SourceError):
    """The server could not be reached or the connection dropped."""


class ServerRejected(SourceError):
    """The server understood and refused; `reason` is the server's words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotFound(SourceError):
    """The folder or message no longer exists in the source."""


class SendOutcomeUnknown(SourceError):
    """The connection ended after the message was handed over but before the
    server confirmed it: it may or may not have been sent."""
