"""Real servers for the integration tests: Dovecot (plain, STARTTLS, IMAPS) and aiosmtpd."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sources.connection import AccountConfig, Security
from app.store.db import Database, open_database
from tests.fake_api import FetchBrowser, install_browser, uninstall_browser
from tests.providers import KINDS, Harness
from tests.servers import DOVECOT, Certs, Dovecot, SmtpServer


def _dovecot(certs: Certs | None, condstore: bool = True) -> Iterator[Dovecot]:
    if not DOVECOT.exists():
        pytest.fail("Dovecot is missing: `make test` installs dovecot-imapd (scripts/system-deps.sh)")
    server = Dovecot(certs=certs, condstore=condstore)
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def dovecot(certs: Certs) -> Iterator[Dovecot]:
    yield from _dovecot(certs)


@pytest.fixture
def smtp(certs: Certs) -> Iterator[SmtpServer]:
    server = SmtpServer(certs=certs)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_database(tmp_path / "aizuchi.sqlite3")


def account_for(dovecot: Dovecot, smtp: SmtpServer | None = None, security: Security = Security.NONE,
                account_id: str = "shop") -> AccountConfig:
    """Alice's account on the test servers (IMAP plain unless asked; SMTP with STARTTLS)."""
    return AccountConfig(
        id=account_id, email="alice@example.jp", username="alice", display_name="テスト商店",
        imap_host="127.0.0.1", imap_port=dovecot.tls_port if security is Security.SSL else dovecot.port,
        imap_security=security,
        smtp_host="127.0.0.1", smtp_port=smtp.port if smtp else 1, smtp_security=Security.STARTTLS,
    )


@pytest.fixture
def browser(certs: Certs) -> Iterator[FetchBrowser]:
    """The system browser replaced by one that follows the OAuth redirects itself (tests/fake_api.py)."""
    fetcher = FetchBrowser(str(certs.ca_path))
    install_browser(fetcher)
    yield fetcher
    uninstall_browser(fetcher)


@pytest.fixture(params=KINDS, ids=lambda k: k.value)
def provider(request: pytest.FixtureRequest, certs: Certs, browser: FetchBrowser) -> Iterator[Harness]:
    """Gmail's and Microsoft Graph's real client libraries against the local HTTP server, one test each."""
    harness = Harness.start(request.param, certs)
    yield harness
    harness.stop()
