"""The team's own tables, beside the customer memory on the team's PostgreSQL server.

Kept apart from the memory's schema (`app.customers.schema`): these are about the
staff at work, not about customers, and a team can wipe them without touching
what the customers told. Created on first use, under the memory's advisory-lock
pattern so two clients starting at once create them once.

- `team_presence`: one row per (client, mail) a client is looking at or answering,
  with a heartbeat; a row whose heartbeat is older than the expiry counts as gone,
  so a client that died leaves no stale lock.
- `team_replies`: every reply a client sent, keyed by its own Message-ID and
  indexed by the Message-ID of the mail it answers (the double-reply guard reads it).
- `team_snippets`: snippets made from sent replies, shared by everyone on the server.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, Text, text
from sqlalchemy.engine import Engine

metadata = MetaData()

presence = Table(
    "team_presence", metadata,
    Column("client_id", String(64), primary_key=True),
    Column("message_id", String(500), primary_key=True),
    Column("staff", String(200), nullable=False, default=""),
    Column("activity", String(10), nullable=False),  # app.team.presence.Activity
    Column("since", DateTime(timezone=True), nullable=False),    # when this activity began
    Column("beat_at", DateTime(timezone=True), nullable=False),  # the last heartbeat
    Index("ix_team_presence_message", "message_id"),
)

replies = Table(
    "team_replies", metadata,
    Column("reply_message_id", String(500), primary_key=True),
    Column("original_message_id", String(500), nullable=False),
    Column("client_id", String(64), nullable=False, default=""),
    Column("staff", String(200), nullable=False, default=""),
    Column("subject", Text, nullable=False, default=""),
    Column("body", Text, nullable=False, default=""),
    Column("sent_at", DateTime(timezone=True), nullable=False),
    Index("ix_team_replies_original", "original_message_id", "sent_at"),
)

snippets = Table(
    "team_snippets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("text", Text, nullable=False),
    Column("situation", String(100), nullable=False, default=""),  # a pack situation key
    Column("kinds", String(100), nullable=False, default=""),      # HighlightKind values, space-separated
    Column("made_by", String(200), nullable=False, default=""),
    Column("made_from", Text, nullable=False, default=""),  # the situation it was written for (subject, topic)
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# pg_advisory_xact_lock key: "aizuchi team tables". Any constant, the same in every client.
_LOCK = 0x61697A7563746D31


def ensure_schema(engine: Engine) -> None:
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        metadata.create_all(connection, checkfirst=True)
