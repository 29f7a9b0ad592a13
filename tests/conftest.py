"""Shared test setup. UI bits: Qt runs offscreen, nothing touches the user's files.

The environment is set at import time, before any test module loads Qt.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# `pytest` run as a plain command does not put the repo on sys.path (the project
# is not installed in the venv); the tests import `app` and `ui` from the tree.
_REPO = str(Path(__file__).resolve().parent.parent)
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never fetch remote images from a test, whatever a demo mail links to.
os.environ["AIZUCHI_OFFLINE"] = "1"
_scratch = tempfile.mkdtemp(prefix="aizuchi-tests-")
# Settings, the demo copy and QSettings go to a scratch dir, not the real profile.
os.environ.setdefault("AIZUCHI_DATA_DIR", os.path.join(_scratch, "data"))
os.environ["XDG_CONFIG_HOME"] = os.path.join(_scratch, "config")

import keyring  # noqa: E402
import pytest  # noqa: E402

os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.MemoryKeyring"


@pytest.fixture(autouse=True)
def memory_keyring():  # type: ignore[no-untyped-def]
    """Every test gets an empty in-memory keyring; the user's real one is never touched."""
    from app import accounts
    from tests.keyring_backend import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    accounts.forget_session_passwords()
    yield backend
    keyring.set_keyring(previous)
    accounts.forget_session_passwords()


@pytest.fixture(autouse=True)
def send_clock(monkeypatch):  # type: ignore[no-untyped-def]
    """The send path's time is the tests' (issue 19): a window built without a clock runs on a
    weekday at 10:00 in Japan (inside the default service hours, so nothing is scheduled for
    Monday), and sends without the undo grace period unless a test sets one. The clock is
    frozen: a test that wants time to pass moves it (`send_clock.advance`)."""
    from datetime import datetime

    from app import clock, settings
    from app.service_hours import JST

    fake = clock.FakeClock(datetime(2030, 12, 10, 10, 0, tzinfo=JST))  # a Tuesday
    previous = clock.use_default_clock(fake)
    monkeypatch.setattr(settings, "UNDO_SECONDS", settings.Setting("undo_seconds", default=0, type_=int))
    yield fake
    clock.use_default_clock(previous)


@pytest.fixture(scope="session")
def postgres_url():  # type: ignore[no-untyped-def]
    """A real PostgreSQL server on 127.0.0.1 for the whole session (Debian's `postgresql` package)."""
    from tests.postgres import start_postgres

    server = start_postgres()
    if server is None:
        pytest.skip("PostgreSQL binaries not installed (scripts/system-deps.sh installs them)")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def rules_alone():  # type: ignore[no-untyped-def]
    """The analyser's rules without the learned layer: for tests of one rule on one sentence.

    The learned layer weighs whole mails (a lone sentence is both the first and the last);
    what the two do together is measured on the annotated sets (test_analysis_scores.py).
    """
    from app.analysis import learned

    model = learned.load()
    learned.use(None)
    yield
    learned.use(model)


@pytest.fixture(scope="session")
def certs():  # type: ignore[no-untyped-def]
    """One test CA and a 127.0.0.1 certificate for every real server of the run (Dovecot, aiosmtpd, OAuth hosts)."""
    import shutil

    from tests.servers import make_certs

    directory = Path(tempfile.mkdtemp(prefix="aizuchi-certs-"))
    directory.chmod(0o755)  # Dovecot's processes read them as another user
    yield make_certs(directory)
    shutil.rmtree(directory, ignore_errors=True)
