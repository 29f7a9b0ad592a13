"""The memory's tables, as SQLAlchemy Core: one schema for SQLite and PostgreSQL.

The memory has its own schema versioning (`customer_schema`), separate from
`app/store`'s numbered sqlite3 migrations, because the same tables also live on
a team's PostgreSQL server where `app/store` never goes. `ensure_schema()`
creates what is missing and records the version; a later version adds its
steps to `_UPGRADES`.

Nothing is counted in place (no `mail_count = mail_count + 1`): counts are
derived from rows, and every row a mail adds is keyed by its Message-ID, so two
app instances remembering the same customer at once can neither lose an update
nor add a mail twice.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine

from app.customers.sql import insert_ignore

SCHEMA_VERSION = 1

metadata = MetaData()

customer_schema = Table(
    "customer_schema", metadata,
    Column("id", Integer, primary_key=True),  # always 1: one row
    Column("version", Integer, nullable=False),
)

customers = Table(
    "customers", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
)

# One row per address; several addresses may point at one customer (phone + PC).
customer_addresses = Table(
    "customer_addresses", metadata,
    Column("email", String(320), primary_key=True),  # lower-cased
    Column("customer_id", Integer, ForeignKey("customers.id", ondelete="CASCADE"), nullable=False, index=True),
)

# Our own sending addresses, learnt from Sent: mail from them is never a customer's.
own_addresses = Table(
    "customer_own_addresses", metadata,
    Column("email", String(320), primary_key=True),
)

# Every mail the memory has taken in, both ways; the key that makes remembering idempotent.
customer_messages = Table(
    "customer_messages", metadata,
    Column("message_id", String(500), primary_key=True),
    Column("customer_id", Integer, ForeignKey("customers.id", ondelete="CASCADE"), nullable=False),
    Column("direction", String(3), nullable=False),  # "in" (theirs) / "out" (ours)
    Column("date", DateTime(timezone=True)),
    Column("subject", Text, nullable=False, default=""),
    Column("in_reply_to", String(500), nullable=False, default=""),
    Column("context_nouns", Text, nullable=False, default=""),  # space-separated, for reminders
    Index("ix_customer_messages_customer", "customer_id", "date"),
)

disclosures = Table(
    "customer_disclosures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer_id", Integer, ForeignKey("customers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("message_id", String(500), nullable=False),
    Column("position", Integer, nullable=False),  # order within the mail
    Column("date", DateTime(timezone=True)),
    Column("text", Text, nullable=False),
    Column("topic", String(200), nullable=False, default=""),
    Column("nouns", Text, nullable=False, default=""),
    UniqueConstraint("message_id", "position", name="uq_disclosure_place"),
)

requests = Table(
    "customer_requests", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer_id", Integer, ForeignKey("customers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("message_id", String(500), nullable=False),
    Column("position", Integer, nullable=False),
    Column("date", DateTime(timezone=True)),
    Column("text", Text, nullable=False),
    Column("topic", String(200), nullable=False, default=""),
    Column("answered_by", String(500), nullable=False, default=""),  # our reply's Message-ID, "" = not yet
    UniqueConstraint("message_id", "position", name="uq_request_place"),
)

replies = Table(
    "customer_replies", metadata,
    Column("message_id", String(500), primary_key=True),
    Column("customer_id", Integer, ForeignKey("customers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("in_reply_to", String(500), nullable=False, default=""),
    Column("date", DateTime(timezone=True)),
    Column("subject", Text, nullable=False, default=""),
    Column("body", Text, nullable=False, default=""),  # kept to judge requests that arrive later
    Column("length", Integer, nullable=False),
    Column("thanks", Integer, nullable=False, default=0),
    Column("empathy", Integer, nullable=False, default=0),
    Column("cushion", Integer, nullable=False, default=0),
    Column("personal", Integer, nullable=False, default=0),
    Column("folder_id", String(500), nullable=False, default=""),
    Column("msg_key", String(500), nullable=False, default=""),
)

tags = Table(
    "customer_tags", metadata,
    Column("customer_id", Integer, ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True),
    Column("tag", String(100), primary_key=True),
)

# Building from existing mail: one row per message already taken in, so a stopped
# build resumes where it was and a rebuild after "forget this customer" does not relearn.
build_checkpoints = Table(
    "customer_build_checkpoints", metadata,
    Column("source", String(1000), primary_key=True),
    Column("folder_id", String(500), primary_key=True),
    Column("msg_key", String(500), primary_key=True),
)

_UPGRADES: dict[int, Callable[[Connection], None]] = {}


# pg_advisory_xact_lock key: "aizuchi memory schema". Any constant, the same in every client.
_SCHEMA_LOCK = 0x61697A7563686931


def ensure_schema(engine: Engine) -> None:
    """Create the memory's tables if missing and bring them to `SCHEMA_VERSION`, in one
    transaction. On PostgreSQL under an advisory lock: three clients opening a new team
    database at once create it once (without it, one failed with UniqueViolation)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
        metadata.create_all(connection, checkfirst=True)
        row = connection.execute(select(customer_schema.c.version).where(customer_schema.c.id == 1)).first()
        version = row[0] if row is not None else 0
        for number in range(version + 1, SCHEMA_VERSION + 1):
            upgrade = _UPGRADES.get(number)
            if upgrade is not None:
                upgrade(connection)
        if row is None:
            insert_ignore(connection, customer_schema, [{"id": 1, "version": SCHEMA_VERSION}])
        elif version < SCHEMA_VERSION:
            connection.execute(customer_schema.update().values(version=SCHEMA_VERSION))
