"""A real PostgreSQL for the tests, started from Debian's binaries on 127.0.0.1.

`initdb` and the server refuse to run as root, and CI runs as root: then the
data dir is handed to the `postgres` system user (or `nobody`) and every
command runs through `runuser`. The socket and data live in a temp dir that is
removed at the end; the server is stopped with `pg_ctl stop -m fast`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass


def pg_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    bindir: str
    root: str
    port: int
    user: str | None  # the system user the server runs as, when we are root

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://aizuchi@127.0.0.1:{self.port}/aizuchi"

    def _run(self, *args: str) -> None:
        command = list(args)
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = os.path.join(self.root, "data")
        self._run(os.path.join(self.bindir, "initdb"), "-D", data, "-U", "aizuchi", "-A", "trust",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(os.path.join(self.bindir, "pg_ctl"), "-D", data, "-o", options,
                  "-l", os.path.join(self.root, "log"), "-w", "start")
        self._run(os.path.join(self.bindir, "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                  "-U", "aizuchi", "aizuchi")

    def stop(self) -> None:
        try:
            self._run(os.path.join(self.bindir, "pg_ctl"), "-D", os.path.join(self.root, "data"), "-m", "fast",
                      "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_postgres() -> PostgresServer | None:
    bindir = pg_bin()
    if bindir is None:
        return None
    root = tempfile.mkdtemp(prefix="aizuchi-pg-")
    os.chmod(root, 0o755)
    user = None
    if os.geteuid() == 0:
        for name in ("postgres", "nobody"):
            try:
                entry = pwd.getpwnam(name)
            except KeyError:
                continue
            os.chown(root, entry.pw_uid, entry.pw_gid)
            user = name
            break
    server = PostgresServer(bindir, root, _free_port(), user)
    deadline = time.monotonic() + 5
    while True:
        try:
            server.start()
            return server
        except subprocess.CalledProcessError:
            # The port may have been taken between picking and binding: try another.
            if time.monotonic() > deadline:
                raise
            shutil.rmtree(os.path.join(root, "data"), ignore_errors=True)
            server.port = _free_port()


def fresh_database(base_url: str, name: str) -> str:
    """A new empty database `name` on the test server of `base_url` (dropped first if a run left it)."""
    from sqlalchemy import create_engine, text

    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base_url.rsplit("/", 1)[0] + "/" + name
