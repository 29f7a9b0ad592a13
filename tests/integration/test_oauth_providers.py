"""Gmail and Microsoft 365 end to end: the real googleapiclient / google-auth / MSAL code against
the local servers in `tests/fake_gmail.py` and `tests/fake_graph.py` (HTTPS on 127.0.0.1).

Every test runs for both providers: sign-in (browser → loopback redirect → code + PKCE),
sync into the store, refresh on 401, back-off on 429/5xx, paging, incremental sync and its
expiry, read state both ways, sending exactly once through the outbox (also when the
connection drops after the server took the message), and a revoked sign-in.
"""

from __future__ import annotations

import pytest

from app.accounts import add_account, token
from app.mail.outgoing import build_message
from app.mail.parse import parse_message
from app.model import Address
from app.outbox import OutboxState, SendProblem
from app.session import AccountSession
from app.sources.base import FolderRole, OutgoingMessage
from app.sources.delta import Flag
from app.sources.errors import AuthExpired, NetworkDown
from app.sources.oauth import AccountKind
from app.sources.rest import Backoff
from app.store.db import Database
from app.store.mail import MailStore
from tests.fake_api import FetchBrowser
from tests.providers import Harness
from tests.servers import japanese_mail


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def _open(provider: Harness, db: Database, sleeps: Sleeps, with_mail: int = 3) -> AccountSession:
    for index in range(with_mail):
        provider.add(japanese_mail(index), read=index == 1)
    email, secret = provider.sign_in()
    config = provider.config(email)
    add_account(MailStore(db), config, secret)
    return AccountSession(db, config, providers=provider.providers(),
                          backoff=Backoff(attempts=4, base=0.5, max_total=10.0, sleep=sleeps))


def _inbox(session: AccountSession) -> str:
    return next(f.id for f in session.store.folders(session.config.id) if f.role is FolderRole.INBOX)


def _reply(session: AccountSession, index: int = 0) -> OutgoingMessage:
    inbox = _inbox(session)
    header = next(h for h in session.store.headers(session.config.id, inbox)
                  if h.message_id.endswith(f"-{index}@example.jp>"))
    original = parse_message(session.mailbox.fetch(header.header.ref))
    return build_message(
        sender=Address("テスト商店", session.config.email), to=[original.sender], subject="Re: " + original.subject,
        body=f"{original.sender.name}様\n\nご連絡ありがとうございます。\n",
        in_reply_to=original.message_id, references=[original.message_id], replying_to=header.header.ref,
    )


def test_sign_in_exchanges_the_code_with_pkce(provider: Harness, browser: FetchBrowser) -> None:
    email, secret = provider.sign_in()
    assert email.startswith("shop@")
    assert provider.fake.oauth.code_exchanges == 1
    assert provider.fake.oauth.pkce_checked == 1  # the verifier matched the S256 challenge
    assert secret and "rt-" in secret               # the refresh token is what the keyring keeps
    assert browser.opened and all(url.startswith(provider.fake.base) for url in browser.opened)
    assert not browser.errors


def test_sync_stores_every_message_and_body(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    report = session.sync()
    assert report.new_headers == 3 and report.bodies == 3
    inbox = _inbox(session)
    rows = {r.message_id: r for r in session.store.headers("shop", inbox)}
    assert rows["<customer-0@example.jp>"].header.subject == "ドレスの納期について（0）"
    assert rows["<customer-0@example.jp>"].header.sender.name == "佐藤 花子"
    assert rows["<customer-1@example.jp>"].header.seen is True
    assert rows["<customer-0@example.jp>"].header.seen is False
    assert all(r.header.size > 0 for r in rows.values())
    message = parse_message(session.mailbox.fetch(rows["<customer-1@example.jp>"].header.ref))
    assert "と申します" in message.body  # the ISO-2022-JP body, through the shared parser
    roles = {f.role for f in session.store.folders("shop")}
    assert {FolderRole.INBOX, FolderRole.SENT, FolderRole.TRASH, FolderRole.JUNK} <= roles


def test_expired_access_token_is_refreshed_silently_and_kept(provider: Harness, db: Database,
                                                             sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    session.sync()
    refreshes = provider.fake.oauth.refreshes
    before = token("shop")
    provider.fake.expire_access_tokens()
    provider.add(japanese_mail(7))
    assert session.sync().new_headers == 1
    assert provider.fake.unauthorized >= 1                 # the server said 401 ...
    assert provider.fake.oauth.refreshes == refreshes + 1  # ... and one refresh cured it
    if provider.kind is AccountKind.GMAIL:
        assert token("shop") != before  # the new access token went to the keyring


def test_throttling_waits_as_told_then_resumes(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    provider.fake.fail(provider.api_path, 429, count=2, retry_after="2")
    provider.fake.fail(provider.api_path, 503, count=1)
    assert session.sync().new_headers == 3
    assert sleeps == [2.0, 2.0, 2.0]  # Retry-After honoured; without one: base * 2 ** (attempt - 1)


def test_throttling_gives_up_within_the_budget(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    provider.fake.fail(provider.api_path, 429, count=50, retry_after="3600")
    with pytest.raises(NetworkDown):
        session.sync()
    assert sum(sleeps) <= 10.0  # capped: never an hour on the account's lane


def test_paging_lists_every_message(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    provider.add_many([japanese_mail(i, body_lines=2) for i in range(1203)])
    session = _open(provider, db, sleeps, with_mail=0)
    session.sync(bodies=False)
    assert session.store.count("shop", _inbox(session)) == 1203
    pages = provider.fake.calls(provider.list_path) + provider.fake.calls("skiptoken")
    assert pages >= 3  # 500 a page


def test_incremental_sync_takes_only_the_changes(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    first = provider.add(japanese_mail(0))
    second = provider.add(japanese_mail(1))
    session = _open(provider, db, sleeps, with_mail=0)
    session.sync()
    listings = provider.fake.calls(provider.list_path)
    provider.add(japanese_mail(2))
    provider.set_read(first, True)
    provider.delete(second)
    report = session.sync()
    assert report.new_headers == 1 and report.bodies == 1 and not report.resets
    assert provider.fake.calls(provider.list_path) == listings  # no full listing again
    assert provider.fake.calls(provider.incremental_path) >= 1
    rows = {r.message_id: r for r in session.store.headers("shop", _inbox(session))}
    assert set(rows) == {"<customer-0@example.jp>", "<customer-2@example.jp>"}
    assert rows["<customer-0@example.jp>"].header.seen is True  # read on the server → read here


def test_expired_history_or_delta_reloads_the_folder(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    session.sync()
    provider.expire_sync_tokens()
    provider.add(japanese_mail(5))
    report = session.sync()
    inbox = _inbox(session)
    assert inbox in report.resets
    assert session.store.count("shop", inbox) == 4
    assert session.sync().resets == []  # the new token works again


def test_sync_cut_in_the_headers_resumes_without_losing_mail(provider: Harness, db: Database,
                                                            sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    session.sync()
    provider.add(japanese_mail(4))
    provider.add(japanese_mail(5))
    # The change list arrives, then every header request fails for good.
    header_path = "format=metadata" if provider.kind is AccountKind.GMAIL else "/batch/gmail/v1"
    if provider.kind is AccountKind.GMAIL:
        provider.fake.fail(header_path, 500, count=100)
    else:
        session.source._headers = {}  # type: ignore[union-attr]
        provider.fake.fail("/v1.0/me/messages/", 500, count=100)
        original = session.source._delta  # type: ignore[union-attr]

        def forgetful(*args: object, **kwargs: object) -> object:
            snapshot = original(*args, **kwargs)  # type: ignore[arg-type]
            session.source._headers = {}  # type: ignore[union-attr]
            return snapshot

        session.source._delta = forgetful  # type: ignore[union-attr,method-assign,assignment]
    with pytest.raises(NetworkDown):
        session.sync()
    provider.fake.faults.clear()
    session.sync()
    assert session.store.count("shop", _inbox(session)) == 5


def test_read_state_goes_up(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    key = provider.add(japanese_mail(0))
    session = _open(provider, db, sleeps, with_mail=0)
    session.sync()
    row = session.store.headers("shop", _inbox(session))[0]
    session.mailbox.mark_read(row.header.ref)
    assert provider.is_read(key)
    session.mailbox.set_flag(row.header.ref, Flag.SEEN, False)
    assert not provider.is_read(key)


def test_reply_goes_out_once_through_the_outbox(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    session.sync()
    reply = _reply(session)
    item = session.send(reply)
    assert item.state is OutboxState.SENT
    assert len(provider.sent) == 1
    assert reply.message_id.encode() in provider.sent[0]
    assert session.store.flags("shop", reply.replying_to) >= {Flag.ANSWERED}  # type: ignore[arg-type]
    if provider.kind is AccountKind.GMAIL:
        original_key = reply.replying_to.key  # type: ignore[union-attr]
        assert provider.gmail.state.sent[0]["threadId"] == provider.gmail.state.messages[original_key].thread_id
    assert session.send(reply).state is OutboxState.SENT  # the same reply again is the same item
    assert len(provider.sent) == 1


def test_drop_mid_send_is_settled_by_looking_in_sent(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    session.sync()
    reply = _reply(session)
    provider.fake.drop_next(provider.send_path)
    item = session.send(reply)
    assert item.state is OutboxState.UNKNOWN and item.problem is SendProblem.OUTCOME_UNKNOWN
    assert len(provider.sent) == 1  # the server had it before the connection dropped
    settled = session.process(item.id)
    assert settled.state is OutboxState.SENT
    assert len(provider.sent) == 1  # never twice: the retry found it in Sent


def test_server_error_on_send_is_never_retried_blindly(provider: Harness, db: Database, sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    session.sync()
    provider.fake.fail(provider.send_path, 500, count=1, method="POST")
    item = session.send(_reply(session))
    assert item.state is OutboxState.UNKNOWN
    assert provider.sent == []
    assert session.process(item.id).problem is SendProblem.NOT_IN_SENT  # looked: not there; the agent decides
    assert session.process(item.id, resend_unknown=True).state is OutboxState.SENT
    assert len(provider.sent) == 1


def test_revoked_sign_in_keeps_the_reply_until_signed_in_again(provider: Harness, db: Database,
                                                               sleeps: Sleeps) -> None:
    session = _open(provider, db, sleeps)
    session.sync()
    reply = _reply(session)
    provider.fake.revoke_refresh_tokens()
    item = session.send(reply)
    assert item.state is OutboxState.FAILED and item.problem is SendProblem.AUTH
    assert provider.sent == []
    with pytest.raises(AuthExpired):
        session.sync()
    # Signing in again replaces the keyring entry; the outbox still holds the reply's bytes.
    _email, secret = provider.sign_in()
    add_account(session.store, session.config, secret)
    again = AccountSession(db, session.config, providers=provider.providers(), backoff=Backoff(sleep=sleeps))
    assert again.process(item.id).state is OutboxState.SENT
    assert len(provider.sent) == 1 and reply.message_id.encode() in provider.sent[0]
