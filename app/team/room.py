"""Who on the team is looking at or answering which mail, and what they sent (team mode only).

`TeamRoom` is one client's handle on the team's PostgreSQL server. The window
calls `beat(viewing, writing)` every few seconds on a worker lane: in one
transaction it says which mail this client shows and which one it writes a reply
to (rows keyed by the mail's Message-ID, stamped with the server's clock), and
reads back every other client's live rows. A row whose heartbeat is older than
`expiry` is not live: a client that crashed, lost its network or was killed
stops beating and is gone from everyone's view within the expiry, with no lock
to clear by hand. Rows long dead are deleted by whoever beats next.

The server's `now()` is the only clock used for presence, so two PCs whose clocks
disagree still agree on who is live.

`record_reply` keeps every reply a client sent (by the Message-ID of the mail it
answers); `teammate_replied_since` reads it, in the composer before a reply is
submitted and, through `TeammateReplied` (an outbox `SendGuard`), for a reply that
waits in the outbox (a 予約, the undo window) when it comes due.
"""

from __future__ import annotations

import getpass
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Engine

from app.customers.sql import make_engine, retried
from app.outbox import Hold, HoldReason, OutboxItem
from app.team import BEAT_SECONDS as BEAT_SECONDS
from app.team import DEFAULT_EXPIRY as DEFAULT_EXPIRY
from app.team import Activity as Activity
from app.team import is_team_url as is_team_url
from app.team import schema as s


@dataclass(frozen=True, slots=True)
class Presence:
    """Another client on a mail: who, doing what, since when (server time)."""

    message_id: str
    staff: str
    activity: Activity
    since: datetime
    client_id: str


@dataclass(frozen=True, slots=True)
class TeamReply:
    """A reply someone on the team sent, as the guard shows it."""

    reply_message_id: str
    original_message_id: str
    staff: str
    subject: str
    body: str
    sent_at: datetime
    client_id: str


def default_staff_name() -> str:
    """The name shown to teammates when the agent has not given one (the OS account name)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


class TeamRoom:
    def __init__(self, engine: Engine, staff: str, client_id: str | None = None,
                 expiry: timedelta = DEFAULT_EXPIRY) -> None:
        if engine.dialect.name != "postgresql":
            raise ValueError("team presence needs the team's PostgreSQL server")
        self.engine = engine
        self.staff = staff
        self.client_id = client_id or uuid.uuid4().hex
        self.expiry = expiry
        s.ensure_schema(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- presence ---------------------------------------------------------------
    @retried
    def beat(self, viewing: str = "", writing: str = "") -> list[Presence]:
        """Say what this client is on (Message-IDs, "" for nothing) and read everyone else's live rows."""
        wanted = {mid: activity for mid, activity in ((viewing, Activity.VIEWING), (writing, Activity.WRITING)) if mid}
        if viewing and viewing == writing:
            wanted[viewing] = Activity.WRITING  # writing says more than viewing
        table = s.presence
        with self.engine.begin() as connection:
            mine = table.c.client_id == self.client_id
            if wanted:
                connection.execute(delete(table).where(and_(mine, table.c.message_id.not_in(list(wanted)))))
                for message_id, activity in wanted.items():
                    statement = pg_insert(table).values(
                        client_id=self.client_id, message_id=message_id, staff=self.staff,
                        activity=activity.value, since=func.now(), beat_at=func.now(),
                    )
                    excluded = statement.excluded
                    connection.execute(statement.on_conflict_do_update(
                        index_elements=[table.c.client_id, table.c.message_id],
                        set_={
                            "beat_at": excluded.beat_at, "staff": excluded.staff, "activity": excluded.activity,
                            # Writing since when it began, not since this beat.
                            "since": case((table.c.activity == excluded.activity, table.c.since),
                                          else_=excluded.since),
                        },
                    ))
            else:
                connection.execute(delete(table).where(mine))
            # Rows of clients long dead: nobody reads them any more.
            connection.execute(delete(table).where(table.c.beat_at < func.now() - self.expiry * 10))
            rows = connection.execute(
                select(table).where(and_(table.c.client_id != self.client_id,
                                         table.c.beat_at >= func.now() - self.expiry))
                .order_by(table.c.message_id, table.c.since)
            ).all()
        return [Presence(r.message_id, r.staff, Activity(r.activity), r.since, r.client_id) for r in rows]

    def present(self) -> list[Presence]:
        """Everyone else's live rows, without saying anything about this client."""
        table = s.presence
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(table).where(and_(table.c.client_id != self.client_id,
                                         table.c.beat_at >= func.now() - self.expiry))
                .order_by(table.c.message_id, table.c.since)
            ).all()
        return [Presence(r.message_id, r.staff, Activity(r.activity), r.since, r.client_id) for r in rows]

    @retried
    def leave(self) -> None:
        """This client is closing: its rows go at once (a crash leaves them to expire)."""
        with self.engine.begin() as connection:
            connection.execute(delete(s.presence).where(s.presence.c.client_id == self.client_id))

    # -- replies ----------------------------------------------------------------------
    @retried
    def record_reply(self, original_message_id: str, reply_message_id: str, subject: str, body: str) -> None:
        """A reply this client sent; idempotent by the reply's Message-ID."""
        if not original_message_id or not reply_message_id:
            return
        with self.engine.begin() as connection:
            connection.execute(pg_insert(s.replies).values(
                reply_message_id=reply_message_id, original_message_id=original_message_id,
                client_id=self.client_id, staff=self.staff, subject=subject, body=body, sent_at=func.now(),
            ).on_conflict_do_nothing())

    def replies_to(self, original_message_id: str) -> list[TeamReply]:
        table = s.replies
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(table).where(table.c.original_message_id == original_message_id).order_by(table.c.sent_at)
            ).all()
        return [TeamReply(r.reply_message_id, r.original_message_id, r.staff, r.subject, r.body, r.sent_at,
                          r.client_id) for r in rows]

    def replied(self, message_ids: Sequence[str]) -> set[str]:
        """Which of these mails someone on the team has answered (any client)."""
        if not message_ids:
            return set()
        table = s.replies
        with self.engine.connect() as connection:
            return {r[0] for r in connection.execute(
                select(table.c.original_message_id).where(table.c.original_message_id.in_(list(message_ids)))
                .distinct()
            )}


def teammate_replied_since(room: TeamRoom, original_message_id: str, since: datetime | None) -> TeamReply | None:
    """The send guard: a reply to the same mail another client sent after `since` (the moment this
    reply was started; None = ever), the latest one; None when there is none.

    `since` is this PC's clock and `sent_at` the server's: offices keep their clocks in step (NTP), and
    a few seconds either way only matter for two replies sent within those seconds of each other.
    """
    if not original_message_id:
        return None
    theirs = [r for r in room.replies_to(original_message_id) if r.client_id != room.client_id]
    if since is not None:
        theirs = [r for r in theirs if r.sent_at >= since]
    return theirs[-1] if theirs else None


class TeammateReplied:
    """The outbox's team-mode `SendGuard`: a waiting reply (a 予約, or one in its undo window) is
    held when a teammate's reply to the same mail (its In-Reply-To) was recorded after the item was
    submitted, or after the agent last released it (`checked_since`): the composer's check only saw
    the replies sent before 送信. Runs where the outbox runs its guards (the sending worker, and
    `check_waiting` after new mail), never on the GUI thread. A server that cannot be reached raises,
    which the outbox logs and lets the mail go: team mode must not stop a shop's mail."""

    def __init__(self, room: TeamRoom) -> None:
        self.room = room

    def __call__(self, item: OutboxItem) -> Hold | None:
        if not item.in_reply_to:
            return None
        reply = teammate_replied_since(self.room, item.in_reply_to, item.checked_since or item.created_at)
        if reply is None:
            return None
        return Hold(HoldReason.TEAMMATE_REPLIED, reply.staff, reply.subject, reply.sent_at,
                    message_id=reply.reply_message_id)


def open_room(url: str, staff: str, expiry: timedelta = DEFAULT_EXPIRY, client_id: str | None = None) -> TeamRoom:
    """The room on the team's server at `url` (a `memory_database_url`; the password from the keyring)."""
    return TeamRoom(make_engine(url), staff or default_staff_name(), client_id, expiry)


# -- the team's snippets ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TeamSnippet:
    id: int
    text: str
    situation: str
    kinds: tuple[str, ...]  # HighlightKind values
    made_by: str
    made_from: str


def add_team_snippet(engine: Engine, text: str, situation: str, kinds: Sequence[str], made_by: str,
                     made_from: str) -> int:
    """Share a snippet with the team; its id."""
    s.ensure_schema(engine)
    with engine.begin() as connection:
        row = connection.execute(s.snippets.insert().values(
            text=text, situation=situation, kinds=" ".join(kinds), made_by=made_by, made_from=made_from,
            created_at=func.now(),
        ).returning(s.snippets.c.id)).one()
    return int(row[0])


def team_snippets(engine: Engine) -> list[TeamSnippet]:
    s.ensure_schema(engine)
    with engine.connect() as connection:
        rows = connection.execute(select(s.snippets).order_by(s.snippets.c.id)).all()
    return [TeamSnippet(int(r.id), r.text, r.situation, tuple(k for k in r.kinds.split(" ") if k), r.made_by,
                        r.made_from) for r in rows]
