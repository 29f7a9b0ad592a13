"""Team mode set up from the window: which PostgreSQL server holds the shared memory.

`TeamServer` is what the agent types (host, port, database, user); its `url()`
goes into settings with no password in it, and the password goes to the keyring
under `sql.secret_name(url)`, where `sql.make_engine` looks for it. `check()`
connects once with the typed password (never saved by it) and says what went
wrong as a `TeamProblem` for the UI to word.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from app.customers.sql import SECRET_SERVICE, secret_name

DEFAULT_PORT = 5432


class TeamProblem(StrEnum):
    NONE = "none"
    WRONG_PASSWORD = "wrong_password"  # or an unknown user: the server does not say which
    UNKNOWN_HOST = "unknown_host"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    NO_DATABASE = "no_database"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class TeamServer:
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> str:
        """The setting's value (no password), or with `password` for a one-off connection."""
        url = URL.create("postgresql+psycopg", username=self.user, password=password, host=self.host,
                         port=self.port, database=self.database)
        return url.render_as_string(hide_password=False)


@dataclass(frozen=True, slots=True)
class TeamCheck:
    problem: TeamProblem
    detail: str = ""  # the server's own words, for support

    @property
    def ok(self) -> bool:
        return self.problem is TeamProblem.NONE


def server_of(url: str) -> TeamServer | None:
    """The server a `memory_database_url` setting names, or None for the local memory."""
    if not url:
        return None
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return None
    return TeamServer(parsed.host or "", parsed.port or DEFAULT_PORT, parsed.database or "", parsed.username or "")


def _problem(message: str) -> TeamProblem:
    lowered = message.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered or (
            "role" in lowered and "does not exist" in lowered):
        return TeamProblem.WRONG_PASSWORD
    if "database" in lowered and "does not exist" in lowered:
        return TeamProblem.NO_DATABASE
    if "could not translate host name" in lowered or "name or service not known" in lowered:
        return TeamProblem.UNKNOWN_HOST
    if "connection refused" in lowered:
        return TeamProblem.REFUSED
    if "timeout" in lowered or "timed out" in lowered:
        return TeamProblem.TIMEOUT
    return TeamProblem.OTHER


def check(server: TeamServer, password: str, timeout: int = 5) -> TeamCheck:
    """Connect once and ask for nothing: can the memory live there?"""
    engine = create_engine(server.url(password), connect_args={"connect_timeout": timeout})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        message = str(getattr(error, "orig", None) or error)
        return TeamCheck(_problem(message), message.strip().splitlines()[0] if message.strip() else "")
    finally:
        engine.dispose()
    return TeamCheck(TeamProblem.NONE)


def save_password(server: TeamServer, password: str) -> bool:
    """The password where `sql.make_engine` finds it: the keyring, never the settings. False when
    no keyring could keep it (it then lasts until Aizuchi closes)."""
    from app.secrets import delete_secret, set_secret

    name = secret_name(server.url())
    if password:
        return set_secret(SECRET_SERVICE, name, password)
    delete_secret(SECRET_SERVICE, name)
    return True
