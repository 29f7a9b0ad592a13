"""Point 2: one Aizuchi per data dir. A second window, a second `aizuchi sync`, and an
instance recovering another's `sending` item: none of them may send anything twice."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from app import instance
from app.mail.outgoing import build_message
from app.model import Address
from app.outbox import Outbox, OutboxState
from app.store.db import Database
from app.store.mail import MailStore
from tests.faults.ledger import record
from tests.integration.conftest import account_for
from tests.servers import Certs, Dovecot, SmtpServer

ROOT = Path(__file__).resolve().parents[2]
AIZUCHI = ROOT / ".venv" / "bin" / "aizuchi"


def _hold_lock(data_dir: Path) -> subprocess.Popen[str]:
    """Another process that has the data dir (as a running Aizuchi would)."""
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from app import instance
        instance.acquire(Path({str(data_dir)!r}))
        print("held", flush=True)
        time.sleep(120)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             start_new_session=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def _kill(child: subprocess.Popen[str]) -> None:
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(10)


def test_the_lock_is_the_kernels_and_goes_with_the_process(tmp_path: Path) -> None:
    child = _hold_lock(tmp_path)
    try:
        try:
            instance.acquire(tmp_path)
        except instance.AlreadyRunning as running:
            assert running.pid == child.pid
            assert "すでに起動" in running.japanese()
        else:
            raise AssertionError("a second process took the lock")
    finally:
        _kill(child)
    instance.acquire(tmp_path)  # a killed holder leaves a file that locks nothing
    assert instance.holds(tmp_path)
    instance.release(tmp_path)


def test_recovery_never_takes_an_item_another_running_instance_is_sending(
    db: Database, dovecot: Dovecot, smtp: SmtpServer, certs: Certs, tmp_path: Path
) -> None:
    """The deterministic replay of the report: instance A is in the middle of DATA; instance B
    starts, recovers "interrupted" sends, and the agent there asks to resend. One copy only."""
    config = account_for(dovecot, smtp)
    MailStore(db).save_account(config)
    reply = build_message(sender=Address("テスト商店", "alice@example.jp"),
                          to=[Address("", "customer0@example.jp")], subject="Re: 納期", body="佐藤様\n\n明日です。\n")
    outbox = Outbox(db)
    item = outbox.submit("shop", reply)
    release = threading.Event()
    reached = threading.Event()
    original = smtp.handler.handle_DATA

    async def slow_data(server: object, session: object, envelope: object) -> str:
        reached.set()
        while not release.is_set():
            await asyncio.sleep(0.05)
        return await original(server, session, envelope)

    smtp.handler.handle_DATA = slow_data  # type: ignore[method-assign]
    (tmp_path / "ca.pem").write_bytes(certs.ca_path.read_bytes())
    script = textwrap.dedent(f"""
        import ssl, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from app import instance
        from app.store.db import Database
        from app.session import AccountSession
        from app.store.mail import MailStore
        path = Path({str(db.path)!r})
        instance.acquire(path.parent)
        db = Database(path)
        config = MailStore(db).account("shop")
        ctx = ssl.create_default_context(cafile={str(tmp_path / "ca.pem")!r})
        print(AccountSession(db, config, "secret", ssl_context=ctx, timeout=60).process({item.id}).state, flush=True)
    """)
    first = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        assert reached.wait(30), "instance A never reached DATA"
        # Instance B starts on the same data dir while A waits for the server's reply.
        assert Outbox(db).recover() == []
        assert outbox.item(item.id).state is OutboxState.SENDING
        from app.session import AccountSession

        second = AccountSession(db, config, "secret", ssl_context=certs.client_context(), timeout=5)
        assert second.process(item.id, resend_unknown=True).state is OutboxState.SENDING
        second.close()
        release.set()
        out, _ = first.communicate(timeout=30)
    finally:
        release.set()
        if first.poll() is None:
            _kill(first)  # type: ignore[arg-type]
    assert out.strip() == "sent"
    record("two-instances-replay", len(smtp.handler.with_message_id(reply.message_id)))
    assert len(smtp.handler.with_message_id(reply.message_id)) == 1
    assert outbox.item(item.id).state is OutboxState.SENT


def test_sync_from_the_command_line_refuses_a_data_dir_in_use(tmp_path: Path) -> None:
    child = _hold_lock(tmp_path)
    try:
        result = subprocess.run([str(AIZUCHI), "sync", "shop"], capture_output=True, text=True, timeout=60,
                                env={**os.environ, "AIZUCHI_DATA_DIR": str(tmp_path)})
    finally:
        _kill(child)
    record("second-sync")
    assert result.returncode == 1
    assert "すでに起動" in result.stderr and "Traceback" not in result.stderr


def test_a_second_window_on_one_data_dir_brings_the_first_forward(tmp_path: Path) -> None:
    env = {**os.environ, "AIZUCHI_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("AIZUCHI_EXIT_WHEN_READY", None)
    first = subprocess.Popen([str(AIZUCHI), "run"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while instance.holder(tmp_path / "data") != first.pid:
            assert time.monotonic() < deadline and first.poll() is None, "the first window never started"
            time.sleep(0.2)
        for _ in range(30):  # until the first window listens (it does once shown)
            second = subprocess.run([str(AIZUCHI), "run"], capture_output=True, text=True, timeout=60, env=env)
            assert second.returncode == 1 and "すでに起動" in second.stderr, second.stderr
            assert "Traceback" not in second.stderr
            if "前面に出しました" in second.stderr:
                break
            time.sleep(0.5)
        else:
            raise AssertionError("the first window was never brought forward")
        assert first.poll() is None  # the first one is still there
    finally:
        os.killpg(first.pid, signal.SIGTERM)
        try:
            out, _ = first.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(first.pid, signal.SIGKILL)
            out, _ = first.communicate(timeout=10)
    record("second-window")
    assert "AIZUCHI_BROUGHT_FORWARD" in out


def test_three_instances_started_at_once_one_gets_the_data_dir(tmp_path: Path) -> None:
    start_at = time.time() + 1.5
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from app import instance
        time.sleep(max(0.0, {start_at!r} - time.time()))
        try:
            instance.acquire(Path({str(tmp_path)!r}))
        except instance.AlreadyRunning:
            print("refused", flush=True)
        else:
            print("got", flush=True)
            time.sleep(2)
    """)
    children = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
                for _ in range(3)]
    outcomes = sorted(child.communicate(timeout=60)[0].strip() for child in children)
    record("three-instances", outcomes.count("got"))
    assert outcomes == ["got", "refused", "refused"]
