"""Aizuchi killed (SIGKILL) at each step of a send, then started again: never two copies at
the server, never a lost draft; a reply killed after it was recorded as sent is filed in Sent
on the next start and its draft removed (issue 14, point 5)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from imapclient import IMAPClient

from app.mail.compose import outgoing
from app.model import Address, Draft
from app.outbox import Outbox, OutboxState, SendProblem
from app.session import AccountSession
from app.sources.base import MessageRef
from app.store.db import Database
from app.store.drafts import load_draft, save_draft
from app.store.mail import MailStore
from tests.faults.ledger import record
from tests.integration.conftest import account_for
from tests.servers import Certs, Dovecot, SmtpServer, japanese_mail

ROOT = Path(__file__).resolve().parents[2]

# Where the child dies: each patch runs the real step, then SIGKILLs its own process.
KILL_POINTS = {
    "claimed": ("app.store.outbox", "OutboxTable", "claim"),            # sending, nothing sent yet
    "after_250": ("app.sources.smtp", "SmtpSender", "send"),            # the server said 250; not recorded
    "recording_sent": ("app.store.outbox", "OutboxTable", "set_state"), # inside the transaction recording it
    "marked_sent": ("app.outbox", "Outbox", "_sent"),                   # recorded sent; no copy in Sent
    "after_append": ("app.session", "_ImapFiler", "append_sent"),       # copy in Sent; not recorded
    "after_answered": ("app.session", "_ImapFiler", "mark_answered"),   # \\Answered set; not recorded
}

_CHILD = textwrap.dedent("""
    import importlib, os, signal, ssl, sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    module, owner, name = sys.argv[1:4]
    cls = getattr(importlib.import_module(module), owner)
    real = getattr(cls, name)
    def dying(*args, **kwargs):
        result = real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
        return result
    setattr(cls, name, dying)
    from app import instance
    from app.session import AccountSession
    from app.store.db import Database
    from app.store.mail import MailStore
    path = Path({db!r})
    instance.acquire(path.parent)
    db = Database(path)
    ctx = ssl.create_default_context(cafile={ca!r})
    session = AccountSession(db, MailStore(db).account("shop"), "secret", ssl_context=ctx, timeout=20)
    session.process({item})
    print("finished without being killed", flush=True)
""")


def _copies_in_sent(dovecot: Dovecot, message_id: str) -> int:
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        if not client.folder_exists("Sent"):
            return 0
        client.select_folder("Sent")
        return len(client.search(["HEADER", "Message-ID", message_id]))


def _restart(db: Database, session: AccountSession) -> None:
    """What the next start does: recover, sync, retry what may be retried, finish follow-ups."""
    Outbox(db).recover()
    session.sync()
    outbox = session.outbox
    for item in outbox.attention("shop"):
        if item.state is OutboxState.QUEUED or (
            item.state is OutboxState.UNKNOWN and item.problem is not SendProblem.NOT_IN_SENT
        ):
            session.process(item.id)
    for item in outbox.unfinished("shop"):
        session.process(item.id)


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_killed_at_each_send_step_never_twice_never_a_lost_draft(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs, tmp_path: Path, point: str
) -> None:
    dovecot.add_messages("alice", [japanese_mail(0)])
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as client:
        client.login("alice", "secret")
        client.create_folder("Sent")
    config = account_for(dovecot, smtp)
    MailStore(db).save_account(config)
    session = AccountSession(db, config, "secret", ssl_context=certs.client_context(), timeout=5)
    session.sync()
    original: MessageRef = session.store.headers("shop", "INBOX")[0].header.ref
    draft = Draft(message_id="<kill-1@example.jp>", original_id="<customer-0@example.jp>",
                  sender=Address("テスト商店", "alice@example.jp"), to=(Address("", "customer0@example.jp"),),
                  cc=(), subject="Re: 納期", body="佐藤様\n\n明日お届けします。\n",
                  in_reply_to="<customer-0@example.jp>")
    save_draft(db, "shop", draft)
    item = session.outbox.submit("shop", outgoing(draft, datetime.now().astimezone(), original))
    (tmp_path / "ca.pem").write_bytes(certs.ca_path.read_bytes())
    child = subprocess.run(
        [sys.executable, "-c", _CHILD.format(root=str(ROOT), db=str(db.path), ca=str(tmp_path / "ca.pem"),
                                              item=item.id), *KILL_POINTS[point]],
        capture_output=True, text=True, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr

    _restart(db, session)
    after = session.outbox.item(item.id)
    if after.state is OutboxState.UNKNOWN:
        # Killed between the server's 250 and recording it (or before sending): nobody can tell
        # from here; the agent is asked, the draft stays, nothing goes out by itself.
        assert after.problem is SendProblem.NOT_IN_SENT
        assert load_draft(db, "shop", draft.original_id) == draft
        if point == "claimed":  # the agent checks and sends: exactly one copy
            assert session.process(item.id, resend_unknown=True).state is OutboxState.SENT
    copies = len(smtp.handler.with_message_id(item.message_id))
    state = session.outbox.item(item.id)
    lost = int(state.state is not OutboxState.SENT and load_draft(db, "shop", draft.original_id) is None)
    record(f"kill:{point}", copies, lost)
    assert copies == 1
    assert lost == 0
    if state.state is OutboxState.SENT:
        assert _copies_in_sent(dovecot, item.message_id) == 1  # filed in Sent on the next start, once
        assert state.filed_in_sent and state.original_answered
        assert load_draft(db, "shop", draft.original_id) is None  # the stale draft is gone
    session.close()
