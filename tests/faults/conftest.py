"""The standing fault suite (issue 14): real Dovecot, aiosmtpd and PostgreSQL on 127.0.0.1,
killed processes, damaged stores and hostile mail. The servers are the integration tests' own; the test CA
is tests/conftest.py's."""

from __future__ import annotations

from tests.integration.conftest import db, dovecot, smtp
from tests.ui.conftest import demo_copy, dress_subject, window

__all__ = ["db", "demo_copy", "dovecot", "dress_subject", "smtp", "window"]
