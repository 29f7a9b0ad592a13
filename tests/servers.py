"""Real mail servers on 127.0.0.1 for tests and `make bench`: Debian's Dovecot and aiosmtpd.

Dovecot runs in the foreground from a temporary config in a
`mkdtemp` directory (mode 755, or its auth process cannot read the passwd file),
mail owned by `nobody` when we are root (Dovecot refuses uid 0), stopped with
`killpg` on its process group. Mail is preloaded by writing Maildir files
directly (10,000 in well under a second). The SMTP server records every message
it accepted and can misbehave on purpose: close the connection after DATA
without replying, answer 421 or 554.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

DOVECOT = Path("/usr/sbin/dovecot")
_file_numbers = itertools.count()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    # Generous: a passing start costs nothing more, and a loaded machine (the suite beside other work) can take
    # over ten seconds to bring Dovecot up.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"nothing answers on port {port}")


@dataclass
class Certs:
    """A private CA (trustme) and a server certificate for 127.0.0.1 in PEM files."""

    ca_path: Path
    cert_path: Path
    key_path: Path
    ca: Any = None

    def client_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        context.load_verify_locations(str(self.ca_path))
        return context

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(self.cert_path), str(self.key_path))
        return context


def make_certs(directory: Path, expired: bool = False) -> Certs:
    import trustme

    ca = trustme.CA()
    if expired:
        now = datetime.now(UTC)
        leaf = ca.issue_cert("127.0.0.1", not_before=now - timedelta(days=60), not_after=now - timedelta(days=1))
    else:
        leaf = ca.issue_cert("127.0.0.1", "localhost")
    directory.mkdir(parents=True, exist_ok=True)
    prefix = "expired-" if expired else ""
    certs = Certs(directory / f"{prefix}ca.pem", directory / f"{prefix}cert.pem", directory / f"{prefix}key.pem", ca)
    ca.cert_pem.write_to_path(str(certs.ca_path))
    leaf.private_key_and_cert_chain_pem.write_to_path(str(certs.cert_path))
    leaf.private_key_pem.write_to_path(str(certs.key_path))
    for path in (certs.cert_path, certs.key_path, certs.ca_path):
        path.chmod(0o644)
    return certs


@dataclass
class Dovecot:
    """One Dovecot with users, plain IMAP on `port` and IMAPS on `tls_port`."""

    users: dict[str, str] = field(default_factory=lambda: {"alice": "secret"})
    certs: Certs | None = None
    condstore: bool = True
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="aizuchi-dovecot-")))
    port: int = 0
    tls_port: int = 0
    process: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        self.root.chmod(0o755)
        self.port = self.port or free_port()
        self.tls_port = self.tls_port or free_port()
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            self.uid, self.gid = nobody.pw_uid, nobody.pw_gid
            internal, login = "dovecot", "dovenull"
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
            internal = login = pwd.getpwuid(os.getuid()).pw_name
        (self.root / "passwd").write_text("".join(f"{u}:{{PLAIN}}{p}\n" for u, p in self.users.items()))
        (self.root / "passwd").chmod(0o644)
        for user in self.users:
            self.maildir(user)
        ssl_lines = (
            f"ssl = yes\nssl_cert = <{self.certs.cert_path}\nssl_key = <{self.certs.key_path}\n"
            if self.certs else "ssl = no\n"
        )
        # Without CONDSTORE in the capability list, clients must fall back to a plain scan.
        capability = "" if self.condstore else (
            "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT LITERAL+ UIDPLUS "
            "SPECIAL-USE NAMESPACE UNSELECT MOVE\n"
        )
        imaps = f"  inet_listener imaps {{\n    port = {self.tls_port}\n  }}\n" if self.certs else ""
        (self.root / "dovecot.conf").write_text(
            f"base_dir = {self.root}/run\nstate_dir = {self.root}/state\n"
            f"log_path = {self.root}/dovecot.log\ninfo_log_path = {self.root}/dovecot.log\n"
            "protocols = imap\nlisten = 127.0.0.1\n" + ssl_lines +
            "disable_plaintext_auth = no\nauth_mechanisms = plain login\n"
            f"passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN {self.root}/passwd\n}}\n"
            f"userdb {{\n  driver = static\n  args = uid={self.uid} gid={self.gid} home={self.root}/home/%u\n}}\n"
            "mail_location = maildir:~/Maildir\nfirst_valid_uid = 0\nfirst_valid_gid = 0\n"
            f"default_internal_user = {internal}\ndefault_login_user = {login}\n" + capability +
            "namespace inbox {\n  inbox = yes\n  separator = /\n"
            "  mailbox Sent {\n    special_use = \\Sent\n  }\n}\n"
            "service imap-login {\n  chroot =\n"
            f"  inet_listener imap {{\n    port = {self.port}\n  }}\n" + imaps + "}\n"
            "service anvil {\n  chroot =\n}\n"
        )

    def maildir(self, user: str, folder: str = "") -> Path:
        """A user's Maildir (or a Maildir++ sub-folder, named in modified UTF-7 as Dovecot does)."""
        import imapclient.imap_utf7

        base = self.root / "home" / user / "Maildir"
        path = base / ("." + imapclient.imap_utf7.encode(folder).decode("ascii").replace("/", ".")) if folder else base
        for sub in ("cur", "new", "tmp"):
            (path / sub).mkdir(parents=True, exist_ok=True)
        self._own(self.root / "home")
        return path

    def _own(self, top: Path) -> None:
        if os.geteuid() != 0:
            return
        for directory, _dirs, files in os.walk(top):
            os.chown(directory, self.uid, self.gid)
            for name in files:
                os.chown(os.path.join(directory, name), self.uid, self.gid)

    def add_messages(self, user: str, raws: list[bytes], folder: str = "", seen: bool = False) -> None:
        """Write mail files straight into the Maildir (what a delivery agent does)."""
        path = self.maildir(user, folder)
        stamp = int(time.time())
        target = path / ("cur" if seen else "new")
        for raw in raws:
            name = f"{stamp}.M{next(_file_numbers)}P{os.getpid()}.aizuchi-test" + (":2,S" if seen else "")
            (target / name).write_bytes(raw if b"\r\n" in raw else raw.replace(b"\n", b"\r\n"))
        self._own(path)

    def start(self) -> None:
        if not DOVECOT.exists():
            raise RuntimeError("Dovecot is not installed (apt-get install dovecot-imapd)")
        self.process = subprocess.Popen(
            [str(DOVECOT), "-F", "-c", str(self.root / "dovecot.conf")],
            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        try:
            wait_for_port(self.port)
        except RuntimeError:
            log_file = self.root / "dovecot.log"
            log = log_file.read_text(errors="replace") if log_file.exists() else ""
            self.stop()
            raise RuntimeError(f"Dovecot did not start:\n{log[-2000:]}") from None

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(2)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)
        if process.stderr is not None:
            process.stderr.close()

    def kill(self) -> None:
        """The network gone at once: every Dovecot process killed, connections cut."""
        process, self.process = self.process, None
        if process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)
            if process.stderr is not None:
                process.stderr.close()

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


# -- SMTP -------------------------------------------------------------------------------------

@dataclass
class SmtpBehaviour:
    """How the test server answers DATA: normally, or one of the faults."""

    drop_after_data: bool = False    # read the whole message, then close without a reply
    keep_dropped: bool = False       # ...but keep it (it was queued before the crash)
    reply: str = "250 OK"            # e.g. "421 4.3.2 Service not available", "554 5.7.1 Rejected"
    deliver_to: Path | None = None   # also file each accepted message in this Maildir (like Gmail's Sent)
    refuse: dict[str, str] = field(default_factory=dict)  # RCPT address → its refusal, "550 5.1.1 …"


class RecordingHandler:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.behaviour = SmtpBehaviour()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        refusal = self.behaviour.refuse.get(address.lower())
        if refusal is not None:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        behaviour = self.behaviour
        content = envelope.original_content or envelope.content
        if behaviour.drop_after_data:
            if behaviour.keep_dropped:
                self._keep(envelope, content)
            server.transport.close()
            # aiosmtpd writes its reply to the closed transport: nothing reaches the client.
            return "250 OK (never seen)"
        if behaviour.reply.startswith("250"):
            self._keep(envelope, content)
        return behaviour.reply

    def _keep(self, envelope: Any, content: bytes) -> None:
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), bytes(content)))
        target = self.behaviour.deliver_to
        if target is not None:
            name = f"{time.time():.6f}.M{len(self.messages)}P{os.getpid()}.smtp:2,S"
            (target / "cur" / name).write_bytes(bytes(content))
            if os.geteuid() == 0:
                nobody = pwd.getpwnam("nobody")
                os.chown(target / "cur" / name, nobody.pw_uid, nobody.pw_gid)

    def with_message_id(self, message_id: str) -> list[bytes]:
        needle = f"Message-ID: {message_id}".lower().encode()
        with self.lock:
            return [m for _, _, m in self.messages if needle in m.lower()]


class SmtpServer:
    """aiosmtpd on 127.0.0.1 with AUTH (PLAIN/LOGIN), and STARTTLS required when certs are given."""

    def __init__(self, users: dict[str, str] | None = None, certs: Certs | None = None,
                 require_auth: bool = True) -> None:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        self.users = users if users is not None else {"alice": "secret"}
        self.handler = RecordingHandler()
        self.port = free_port()

        def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
            if isinstance(data, LoginPassword):
                user, password = data.login.decode(), data.password.decode()
                return AuthResult(success=self.users.get(user) == password, handled=False)
            return AuthResult(success=False, handled=False)

        kwargs: dict[str, Any] = {
            "hostname": "127.0.0.1", "port": self.port, "authenticator": authenticate,
            "auth_required": require_auth, "auth_require_tls": certs is not None,
            "data_size_limit": 64 * 1024 * 1024,
        }
        if certs is not None:
            kwargs["tls_context"] = certs.server_context()
            kwargs["require_starttls"] = True
        self.controller = Controller(self.handler, **kwargs)

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        with contextlib.suppress(AssertionError, RuntimeError):  # already stopped
            self.controller.stop()

    def limit_size(self, limit: int) -> None:
        """aiosmtpd's own limit on DATA for the connections made from now on: a larger message
        gets its "552 Error: Too much mail data"."""
        self.controller.SMTP_kwargs["data_size_limit"] = limit

    @property
    def messages(self) -> list[tuple[str, list[str], bytes]]:
        return self.handler.messages

# -- mail to preload ------------------------------------------------------------------------------

_NAMES = ("佐藤 花子", "鈴木 一郎", "高橋 美咲", "田中 健太", "伊藤 由美", "渡辺 翔", "山本 さくら", "中村 大輔")
_TOPICS = ("ドレスの納期について", "ケーキのアレルギー表示", "再入荷のご予定", "ギフト包装のお願い",
           "サイズ交換について", "配送日の変更", "領収書の発行", "初めての注文です")
_LINES = (
    "いつもお世話になっております。",
    "来月、娘の結婚式があり、それに間に合うかどうか心配しております。",
    "妻に卵アレルギーがあるため、原材料を教えていただけますでしょうか。",
    "以前購入したものがとても良かったので、また注文したいと思っています。",
    "お忙しいところ恐れ入りますが、ご確認のほどよろしくお願いいたします。",
    "もし難しいようでしたら、別の方法でも構いません。",
)


def japanese_mail(index: int, body_lines: int = 12, subject: str | None = None,
                  message_id: str | None = None) -> bytes:
    """A realistic customer mail: encoded Japanese headers, an ISO-2022-JP or UTF-8 body."""
    from email.header import Header as EmailHeader

    name = _NAMES[index % len(_NAMES)]
    subject = subject if subject is not None else f"{_TOPICS[index % len(_TOPICS)]}（{index}）"
    lines = [f"{name.split()[0]}と申します。"] + [_LINES[(index + n) % len(_LINES)] for n in range(body_lines)]
    body = "\r\n".join(lines) + "\r\n"
    utf8 = index % 2 == 0
    day = 1 + index % 28
    head = (
        f"From: {EmailHeader(name, 'utf-8').encode()} <customer{index}@example.jp>\r\n"
        "To: shop@example.jp\r\n"
        f"Subject: {EmailHeader(subject, 'utf-8' if utf8 else 'iso-2022-jp').encode()}\r\n"
        f"Date: Mon, {day} Dec 2025 {index % 24:02d}:{index % 60:02d}:00 +0900\r\n"
        f"Message-ID: {message_id or f'<customer-{index}@example.jp>'}\r\n"
        "MIME-Version: 1.0\r\n"
    )
    if utf8:
        return (head + 'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
                ).encode("ascii") + body.encode("utf-8")
    return (head + 'Content-Type: text/plain; charset="iso-2022-jp"\r\nContent-Transfer-Encoding: 7bit\r\n\r\n'
            ).encode("ascii") + body.encode("iso2022_jp")
