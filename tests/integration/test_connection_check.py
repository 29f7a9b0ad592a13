"""「接続テスト」 against real servers: each failure is named precisely for the dialog."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.accounts import check_connection
from app.sources.connection import Security, connect_error
from app.sources.errors import AuthExpired, ConnectFailed, ConnectProblem
from tests.integration.conftest import _dovecot, account_for
from tests.servers import Certs, Dovecot, SmtpServer, free_port, make_certs


def _problem(error: object) -> ConnectProblem | None:
    return error.problem if isinstance(error, ConnectFailed) else None


def test_everything_right_over_imaps_and_starttls(dovecot: Dovecot, smtp: SmtpServer, certs: Certs) -> None:
    config = account_for(dovecot, smtp, security=Security.SSL)
    result = check_connection(config, "secret", ssl_context=certs.client_context())
    assert result.ok, result
    starttls = replace(config, imap_port=dovecot.port, imap_security=Security.STARTTLS)
    assert check_connection(starttls, "secret", ssl_context=certs.client_context()).ok


def test_wrong_password(dovecot: Dovecot, smtp: SmtpServer, certs: Certs) -> None:
    result = check_connection(account_for(dovecot, smtp), "nope", ssl_context=certs.client_context())
    assert isinstance(result.imap, AuthExpired)
    assert isinstance(result.smtp, AuthExpired)


def test_refused_and_unknown_host(certs: Certs) -> None:
    port = free_port()  # nothing listens there
    from app.sources.connection import AccountConfig

    config = AccountConfig("x", "a@example.jp", "a", "127.0.0.1", "127.0.0.1", imap_port=port, smtp_port=port,
                           imap_security=Security.NONE, smtp_security=Security.STARTTLS)
    result = check_connection(config, "pw", ssl_context=certs.client_context())
    assert _problem(result.imap) is ConnectProblem.REFUSED
    assert _problem(result.smtp) is ConnectProblem.REFUSED
    typo = replace(config, imap_host="mail..example.jp", smtp_host="mail..example.jp")
    result = check_connection(typo, "pw", ssl_context=certs.client_context())
    assert _problem(result.imap) is ConnectProblem.UNKNOWN_HOST
    assert _problem(connect_error(socket.gaierror(-2, "Name or service not known"))) is ConnectProblem.UNKNOWN_HOST


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A server that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    listener.close()


def test_timeout(silent_port: int, certs: Certs) -> None:
    from app.sources.connection import AccountConfig

    config = AccountConfig("x", "a@example.jp", "a", "127.0.0.1", "127.0.0.1", imap_port=silent_port,
                           smtp_port=silent_port, imap_security=Security.NONE, smtp_security=Security.STARTTLS)
    result = check_connection(config, "pw", ssl_context=certs.client_context(), timeout=0.5)
    assert _problem(result.imap) is ConnectProblem.TIMEOUT
    assert _problem(result.smtp) is ConnectProblem.TIMEOUT


def test_expired_and_untrusted_certificates(certs: Certs, tmp_path: Path) -> None:
    expired = make_certs(tmp_path / "expired", expired=True)
    for server_certs, client_ca, problem in (
        (expired, expired, ConnectProblem.CERT_EXPIRED),
        (certs, make_certs(tmp_path / "other"), ConnectProblem.CERT_INVALID),  # signed by a CA we do not trust
    ):
        for dovecot in _dovecot(server_certs):
            smtp = SmtpServer(certs=server_certs)
            smtp.start()
            try:
                config = account_for(dovecot, smtp, security=Security.SSL)
                result = check_connection(config, "secret", ssl_context=client_ca.client_context())
                assert _problem(result.imap) is problem, result
                assert _problem(result.smtp) is problem, result
            finally:
                smtp.stop()


def test_starttls_not_offered(certs: Certs) -> None:
    for dovecot in _dovecot(None):  # ssl = no: no STARTTLS in the capabilities
        smtp = SmtpServer(certs=None, require_auth=False)
        smtp.start()
        try:
            config = replace(account_for(dovecot, smtp), imap_security=Security.STARTTLS)
            result = check_connection(config, "secret", ssl_context=certs.client_context())
            assert _problem(result.imap) is ConnectProblem.NO_STARTTLS
            assert _problem(result.smtp) is ConnectProblem.NO_STARTTLS
        finally:
            smtp.stop()
