"""Handing a reply to an SMTP server (SSL/TLS, STARTTLS, AUTH) with smtplib.

Owns the SMTP conversation and, above all, knowing *when* a failure happened,
because that decides whether a retry is safe:

- before the end-of-data marker left us (connect, TLS, AUTH, MAIL, RCPT, or a drop
  while the body was still being written): the server cannot have taken the
  message → `NetworkDown`, `AuthExpired` or `ServerRejected(code)`: retry is safe;
- after the marker was sent but before the server's final reply (a drop, a timeout):
  the server may have queued it → `SendOutcomeUnknown`: the outbox must not resend
  without looking first.

`SmtpSender.find_sent` asks the account's IMAP Sent folder, so an `ImapSmtpSender`
is a full `MailSender`.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Callable

from app.model import AccountConfig, OutgoingMessage, Security
from app.sources.connection import DEFAULT_TIMEOUT, connect_error, tls_context
from app.sources.errors import (
    AuthExpired,
    ConnectFailed,
    ConnectProblem,
    NetworkDown,
    SendOutcomeUnknown,
    ServerRejected,
)

_LINE_END = re.compile(rb"\r\n|\r|\n")
_LEADING_DOT = re.compile(rb"(?m)^\.")


def dot_stuffed(raw: bytes) -> bytes:
    """CRLF line ends, leading dots doubled, and the end-of-data marker (RFC 5321 §4.5.2)."""
    data = _LEADING_DOT.sub(b"..", _LINE_END.sub(b"\r\n", raw))
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def _reply_text(message: bytes | str) -> str:
    return message.decode("utf-8", "replace") if isinstance(message, bytes) else message


class SmtpSender:
    """Sends through the account's SMTP server; `find_sent` is delegated (IMAP Sent)."""

    def __init__(
        self,
        config: AccountConfig,
        password: str,
        find_sent: Callable[[str], bool | None] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.config = config
        self._password = password
        self._find_sent = find_sent
        self._ssl_context = ssl_context
        self._timeout = timeout

    # -- connection --------------------------------------------------------------------
    def _open(self) -> smtplib.SMTP:
        config = self.config
        context = self._ssl_context or tls_context()
        try:
            smtp: smtplib.SMTP
            if config.smtp_security is Security.SSL:
                smtp = smtplib.SMTP_SSL(config.smtp_host, config.smtp_port, timeout=self._timeout, context=context)
            else:
                smtp = smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=self._timeout)
            smtp.ehlo()
            if config.smtp_security is Security.STARTTLS:
                if not smtp.has_extn("starttls"):
                    smtp.close()
                    raise ConnectFailed(ConnectProblem.NO_STARTTLS, config.smtp_host)
                smtp.starttls(context=context)
                smtp.ehlo()
        except ConnectFailed:
            raise
        except smtplib.SMTPResponseException as error:
            raise ServerRejected(_reply_text(error.smtp_error), error.smtp_code) from error
        except (OSError, UnicodeError, smtplib.SMTPException) as error:
            raise connect_error(error) from error
        try:
            if smtp.has_extn("auth"):
                smtp.login(self.config.username, self._password)
        except smtplib.SMTPAuthenticationError as error:
            smtp.close()
            raise AuthExpired(_reply_text(error.smtp_error)) from error
        except smtplib.SMTPResponseException as error:
            smtp.close()
            raise ServerRejected(_reply_text(error.smtp_error), error.smtp_code) from error
        except (OSError, smtplib.SMTPException) as error:
            smtp.close()
            raise connect_error(error) from error
        return smtp

    def check(self) -> None:
        """Connect, secure and log in, then leave: the account dialog's 「接続テスト」."""
        smtp = self._open()
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()

    # -- MailSender ------------------------------------------------------------------------
    def send(self, message: OutgoingMessage) -> None:
        smtp = self._open()
        try:
            self._transaction(smtp, message)
        finally:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()

    def _transaction(self, smtp: smtplib.SMTP, message: OutgoingMessage) -> None:
        try:
            code, reply = smtp.mail(message.envelope_from)
            if code != 250:
                raise ServerRejected(_reply_text(reply), code)
            for recipient in message.recipients:
                code, reply = smtp.rcpt(recipient)
                if code not in (250, 251):
                    # Never send to only some of the recipients: the agent fixes the address first.
                    smtp.rset()
                    raise ServerRejected(f"{recipient}: {_reply_text(reply)}", code)
            code, reply = smtp.docmd("DATA")
            if code != 354:
                raise ServerRejected(_reply_text(reply), code)
        except smtplib.SMTPServerDisconnected as error:
            raise NetworkDown(str(error)) from error
        except (smtplib.SMTPException, OSError) as error:
            if isinstance(error, smtplib.SMTPResponseException):
                raise ServerRejected(_reply_text(error.smtp_error), error.smtp_code) from error
            raise connect_error(error) from error
        try:
            smtp.send(dot_stuffed(message.raw))
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            # The marker is the last bytes written: a failed write never completed it.
            raise NetworkDown(f"connection lost while sending the message: {error}") from error
        try:
            code, reply = smtp.getreply()
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            raise SendOutcomeUnknown(f"no reply after the message was sent: {error}") from error
        if code != 250:
            raise ServerRejected(_reply_text(reply), code)

    def find_sent(self, message_id: str) -> bool | None:
        if self._find_sent is None:
            return None
        return self._find_sent(message_id)
