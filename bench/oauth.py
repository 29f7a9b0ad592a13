"""Gmail and Microsoft 365 sync figures for `make bench`: 10,000 mails from each local server.

Each fake (`tests/fake_gmail.py`, `tests/fake_graph.py`) runs in its own process
(so the server's Python does not share the client's GIL), holding 10,000
Japanese customer mails (≈25 MB, generated in well under a second). In this
process, the real client code signs in through the browser flow (the test
browser) and `AccountSession.sync()` stores every header and body in a fresh
SQLite store. The figure is the sync's wall time per 1,000 messages:

- Gmail: list pages of 500 ids, `format=metadata` and `format=raw` in batch
  requests of 50 (`gmail_sync_s_per_1k`);
- Graph: the folder's delta query in pages of 500, then `/$value` per message,
  four at a time (`graph_sync_s_per_1k`).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COUNT = 10_000
KINDS = (("gmail", "gmail_sync_s_per_1k"), ("graph", "graph_sync_s_per_1k"))

Result = dict[str, dict[str, Any]]


def serve(kind: str, cert_dir: str, count: int) -> None:
    """The server process: fill the fake, say where it is, serve until stdin closes."""
    sys.path.insert(0, str(ROOT))
    from app.sources.oauth import AccountKind
    from tests.providers import Harness
    from tests.servers import Certs, japanese_mail

    directory = Path(cert_dir)
    certs = Certs(directory / "ca.pem", directory / "cert.pem", directory / "key.pem")
    harness = Harness.start(AccountKind(kind), certs)
    harness.add_many([japanese_mail(index, body_lines=30) for index in range(count)])
    print(f"READY {harness.fake.base}", flush=True)
    sys.stdin.read()
    harness.stop()


def _sync_once(kind: str, certs: Any, count: int) -> float:
    from app.accounts import add_account
    from app.session import AccountSession
    from app.sources.connection import AccountConfig
    from app.sources.oauth import AccountKind, GoogleClient, MicrosoftClient, Providers
    from app.store.db import open_database
    from app.store.mail import MailStore
    from tests.fake_api import FetchBrowser, install_browser, uninstall_browser

    server = subprocess.Popen(
        [sys.executable, str(Path(__file__)), "serve", kind, str(certs.ca_path.parent), str(count)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    browser = FetchBrowser(str(certs.ca_path))
    install_browser(browser)
    try:
        assert server.stdout is not None
        line = server.stdout.readline().split()
        if not line or line[0] != "READY":
            raise RuntimeError(f"the {kind} server did not start")
        base = line[1]
        ca = str(certs.ca_path)
        providers = Providers(
            GoogleClient("aizuchi-test-client", "bench", auth_uri=base + "/o/oauth2/auth", token_uri=base + "/token",
                         api_endpoint=base + "/", ca_file=ca),
            MicrosoftClient("aizuchi-test-client", authority=base + "/common", api_endpoint=base + "/v1.0",
                            ca_file=ca),
        )
        if kind == AccountKind.GMAIL:
            from app.sources.gmail_auth import sign_in as google

            signed = google(providers.google, timeout=30)
            email, secret = signed.email, signed.token_json
        else:
            from app.sources.graph_auth import sign_in as microsoft

            signed_ms = microsoft(providers.microsoft, timeout=30)
            email, secret = signed_ms.email, signed_ms.cache_json
        with tempfile.TemporaryDirectory() as data_dir:
            db = open_database(Path(data_dir) / "mail.sqlite3")
            config = AccountConfig(id="bench", email=email, username=email, imap_host="", smtp_host="",
                                   kind=kind, server_saves_sent=True)
            add_account(MailStore(db), config, secret)
            session = AccountSession(db, config, providers=providers)
            started = time.perf_counter()
            report = session.sync(bodies=True)
            elapsed = time.perf_counter() - started
            if report.bodies < count:
                raise RuntimeError(f"{kind}: {report.bodies} bodies of {count}")
            return elapsed
    finally:
        uninstall_browser(browser)
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=30)


def bench_oauth() -> Result:
    import keyring

    from tests.keyring_backend import MemoryKeyring
    from tests.servers import make_certs

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    results: Result = {}
    try:
        with tempfile.TemporaryDirectory() as cert_dir:
            certs = make_certs(Path(cert_dir))
            for kind, metric in KINDS:
                elapsed = _sync_once(kind, certs, COUNT)
                results[metric] = {"value": round(elapsed / (COUNT / 1000), 2), "unit": "s",
                                   "target": "< 2 (10,000 mails, headers and bodies)"}
    finally:
        keyring.set_keyring(previous)
    return results


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.path.insert(0, str(ROOT))
        print(bench_oauth())
