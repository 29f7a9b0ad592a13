"""One handle on either local provider (Gmail or Microsoft 365) for the tests and the bench.

`Harness` hides the differences the tests do not care about — where the send
endpoint is, how a message is marked read on the server, what the sync token
is called — so one test body runs against both fakes.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.sources.connection import AccountConfig
from app.sources.oauth import AccountKind, GoogleClient, MicrosoftClient, Providers
from tests.fake_api import FakeApiServer
from tests.fake_gmail import FakeGmail
from tests.fake_graph import FakeGraph
from tests.servers import Certs

KINDS = (AccountKind.GMAIL, AccountKind.GRAPH)


@dataclass
class Harness:
    kind: AccountKind
    fake: FakeApiServer
    certs: Certs

    @classmethod
    def start(cls, kind: AccountKind, certs: Certs) -> Harness:
        fake: FakeApiServer = FakeGmail(certs) if kind is AccountKind.GMAIL else FakeGraph(certs)
        fake.start()
        return cls(kind, fake, certs)

    def stop(self) -> None:
        self.fake.stop()

    # -- configuration ------------------------------------------------------------------
    @property
    def gmail(self) -> FakeGmail:
        assert isinstance(self.fake, FakeGmail)
        return self.fake

    @property
    def graph(self) -> FakeGraph:
        assert isinstance(self.fake, FakeGraph)
        return self.fake

    def providers(self) -> Providers:
        ca = str(self.certs.ca_path)
        google = GoogleClient("aizuchi-test-client", "not-really-secret", auth_uri=self.fake.base + "/o/oauth2/auth",
                              token_uri=self.fake.base + "/token", api_endpoint=self.fake.base + "/", ca_file=ca)
        microsoft = MicrosoftClient("aizuchi-test-client", authority=self.fake.base + "/common",
                                    api_endpoint=self.fake.base + "/v1.0", ca_file=ca)
        return Providers(google, microsoft)

    def settings_values(self) -> dict[str, str]:
        """What a shop would enter, pointed at this fake (see app.settings)."""
        base = self.fake.base
        return {
            "google_client_id": "aizuchi-test-client", "microsoft_client_id": "aizuchi-test-client",
            "google_auth_uri": base + "/o/oauth2/auth", "google_token_uri": base + "/token",
            "gmail_api_endpoint": base + "/", "microsoft_authority": base + "/common",
            "graph_api_endpoint": base + "/v1.0", "oauth_ca_file": str(self.certs.ca_path),
        }

    def sign_in(self) -> tuple[str, str]:
        """(address, token for the keyring) through the real browser flow (the test browser)."""
        if self.kind is AccountKind.GMAIL:
            from app.sources.gmail_auth import sign_in as google_sign_in

            google = google_sign_in(self.providers().google, timeout=20)
            return google.email, google.token_json
        from app.sources.graph_auth import sign_in as microsoft_sign_in

        microsoft = microsoft_sign_in(self.providers().microsoft, timeout=20)
        return microsoft.email, microsoft.cache_json

    def config(self, email: str, account_id: str = "shop") -> AccountConfig:
        return AccountConfig(id=account_id, email=email, username=email, imap_host="", smtp_host="",
                             kind=self.kind.value, server_saves_sent=True)

    # -- the mailbox on the server --------------------------------------------------------
    def add(self, raw: bytes, read: bool = False, folder: str = "inbox") -> str:
        if isinstance(self.fake, FakeGmail):
            labels = {"inbox": "INBOX", "sent": "SENT"}[folder]
            return self.fake.add(raw, (labels,) if read else (labels, "UNREAD"))
        return self.fake.add(raw, {"inbox": "inbox", "sent": "sentitems"}[folder], is_read=read)

    def add_many(self, raws: list[bytes]) -> None:
        self.fake.add_many(raws)  # type: ignore[attr-defined]

    def set_read(self, key: str, read: bool) -> None:
        if isinstance(self.fake, FakeGmail):
            self.fake.relabel(key, remove=("UNREAD",)) if read else self.fake.relabel(key, add=("UNREAD",))
        else:
            self.graph.set_read(key, read)

    def is_read(self, key: str) -> bool:
        if isinstance(self.fake, FakeGmail):
            return "UNREAD" not in self.fake.labels_of(key)
        return self.graph.state.messages[key].is_read

    def delete(self, key: str) -> None:
        self.fake.delete(key)  # type: ignore[attr-defined]

    def expire_sync_tokens(self) -> None:
        if isinstance(self.fake, FakeGmail):
            self.fake.expire_history()
        else:
            self.graph.expire_deltas()

    @property
    def sent(self) -> list[bytes]:
        if isinstance(self.fake, FakeGmail):
            return [s["raw"] for s in self.fake.state.sent]
        return list(self.graph.state.sent)

    @property
    def send_path(self) -> str:
        return "messages/send" if self.kind is AccountKind.GMAIL else "/sendMail"

    @property
    def list_path(self) -> str:
        """The request that lists a whole folder (what an incremental sync must not repeat)."""
        return "/gmail/v1/users/me/messages?" if self.kind is AccountKind.GMAIL else "/messages/delta?%24select"

    @property
    def incremental_path(self) -> str:
        return "/history?" if self.kind is AccountKind.GMAIL else "deltatoken"

    @property
    def api_path(self) -> str:
        """A path every sync requests, for fault injection."""
        return "/gmail/v1/users/me/labels" if self.kind is AccountKind.GMAIL else "/v1.0/me/mailFolders?"
