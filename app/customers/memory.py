"""The customer memory: who each customer is, what they told us, how we answered.

`Memory` is the one object the rest of Aizuchi talks to: the sync and send
paths call `remember_incoming` / `remember_reply` as mail arrives and leaves,
the build (`app.customers.build`) calls the same for existing mail, the panel
asks `profile_for(message)`, the review gets `history(customer)`, and privacy
asks `export_customer` / `delete_customer`. Every write is one transaction and
keyed by Message-ID, so remembering twice is harmless and two instances
writing the same customer lose nothing. The build writes hundreds of mails and
their checkpoints in one transaction (`remember_built`) with a few statements per
table; when the database refuses one mail, the batch is written again with each
mail under its own savepoint, so that mail only is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DataError, IntegrityError

import app.customers.schema as s
from app.analysis import analyze
from app.customers.learn import IncomingFacts, answers, learn_incoming, mail_nouns, reminders, reply_pool
from app.customers.phrases import summary
from app.customers.sql import RaceLost, insert_ignore, inserted_keys, retried, transient
from app.mail.parse import parse_message
from app.model import (
    Customer,
    CustomerProfile,
    CustomerRequest,
    Disclosure,
    Insight,
    Message,
    MessageRef,
    OutgoingMessage,
    PastReply,
    ReplyStats,
)
from app.review.measure import measure_reply


@dataclass(frozen=True, slots=True)
class Prepared:
    """One mail made ready to write, its analysis done outside any transaction (`Memory.prepare`)."""

    message: Message
    ref: MessageRef | None
    facts: IncomingFacts | None = None  # a customer's mail
    stats: ReplyStats | None = None     # one of our replies
    parents: tuple[str, ...] = ()       # the reply's candidate originals, nearest first
    pool: frozenset[str] | None = None  # the reply's forms and families (`learn.reply_pool`), when computed ahead


@dataclass(frozen=True, slots=True)
class MemoryHit:
    """A search hit in the memory: what was said, by whom, when."""

    customer_id: int
    customer_name: str
    kind: str                 # "disclosure" / "request" / "note"
    text: str
    date: datetime | None
    message_id: str


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:  # undated-zone mail: read as UTC rather than guess
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _address(email: str) -> str:
    return email.strip().lower()


# Machines, not customers: notices from payment and delivery services.
_MACHINE = re.compile(r"^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|bounce[s]?|notifications?)([+.-]|@)")


def _is_machine(email: str) -> bool:
    return bool(_MACHINE.match(email))


def _split(words: str) -> frozenset[str]:
    return frozenset(w for w in words.split(" ") if w)


def _join(words: frozenset[str]) -> str:
    return " ".join(sorted(w.replace(" ", "\u00a0") for w in words))


def _chunks(values: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    """`values` a few hundred at a time: an IN list stays far below any database's parameter limit."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


MAX_QUERY_CHARS = 1_000


def _like(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Memory:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        s.ensure_schema(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            yield connection

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        # A plain BEGIN for reads: only writers need SQLite's write lock up front.
        with self.engine.connect().execution_options(memory_read=True) as connection:
            yield connection

    # -- who is who ---------------------------------------------------------------
    def _own(self, connection: Connection) -> set[str]:
        return {row[0] for row in connection.execute(select(s.own_addresses.c.email))}

    def add_own_address(self, email: str) -> None:
        self.add_own_addresses([email])

    @retried
    def add_own_addresses(self, emails: Iterable[str]) -> None:
        """The shop's addresses, in one transaction (the build learns every sender of Sent at once)."""
        rows = [{"email": e} for e in sorted({_address(email) for email in emails} - {""})]
        if not rows:
            return
        with self._write() as connection:
            insert_ignore(connection, s.own_addresses, rows)

    def _ensure_customer(self, connection: Connection, email: str, name: str) -> int:
        found = connection.execute(
            select(s.customer_addresses.c.customer_id, s.customers.c.name)
            .join(s.customers, s.customers.c.id == s.customer_addresses.c.customer_id)
            .where(s.customer_addresses.c.email == email)
        ).first()
        if found is not None:
            customer_id = int(found[0])
            if name and not found[1]:  # named at last: the name is kept from then on
                connection.execute(
                    update(s.customers).where(and_(s.customers.c.id == customer_id, s.customers.c.name == ""))
                    .values(name=name)
                )
            return customer_id
        created = connection.execute(s.customers.insert().values(name=name, note=""))
        primary_key = created.inserted_primary_key
        assert primary_key is not None
        customer_id = int(primary_key[0])
        if insert_ignore(connection, s.customer_addresses, [{"email": email, "customer_id": customer_id}]) == 0:
            # Another instance created this customer meanwhile: use theirs, drop ours.
            connection.execute(delete(s.customers).where(s.customers.c.id == customer_id))
            theirs = connection.execute(
                select(s.customer_addresses.c.customer_id).where(s.customer_addresses.c.email == email)
            ).first()
            if theirs is None:  # ...and deleted it again before we could read it: start over
                raise RaceLost(email)
            return int(theirs[0])
        return customer_id

    def _customer_of(self, connection: Connection, message: Message, own: set[str]) -> tuple[str, str, str]:
        """(direction, email, name) of the customer a mail is with; email "" when there is none."""
        sender = _address(message.sender.email)
        if sender and sender not in own:
            # A contact form sends as itself and names the customer in Reply-To.
            for address in message.reply_to:
                email = _address(address.email)
                if email and email not in own and not _is_machine(email):
                    return "in", email, address.name
            return ("in", sender, message.sender.name) if not _is_machine(sender) else ("in", "", "")
        for address in (*message.to, *message.cc):
            email = _address(address.email)
            if email and email not in own and not _is_machine(email):
                return "out", email, address.name
        return "in", "", ""

    # -- learning -------------------------------------------------------------------
    @retried
    def remember_incoming(
        self, message: Message, ref: MessageRef | None = None, insight: Insight | None = None
    ) -> bool:
        """Take in a customer's mail (idempotent by Message-ID); True when it was new."""
        if not message.message_id:
            return False
        prepared = self.prepare(message, ref, sent=False, insight=insight)
        with self._write() as connection:
            return self._incoming_in(connection, prepared, self._own(connection))

    @staticmethod
    def prepare(
        message: Message, ref: MessageRef | None, sent: bool, insight: Insight | None = None, ahead: bool = False,
    ) -> Prepared:
        """The analysis a write needs, done before (and outside) its transaction.

        `ahead`: also what the write would otherwise work out per request (a reply's key pool),
        for the build, whose workers have the cores to spare and whose writer has not."""
        if sent:
            parents = tuple(p for p in (message.in_reply_to, *reversed(message.references)) if p)
            pool = reply_pool(message.body) if ahead and parents else None
            return Prepared(message, ref, stats=measure_reply(message.body, message.date), parents=parents, pool=pool)
        if insight is None:
            insight = analyze(message.body)
        return Prepared(message, ref, facts=learn_incoming(message, insight))

    def _incoming_in(self, connection: Connection, prepared: Prepared, own: set[str]) -> bool:
        message, facts = prepared.message, prepared.facts
        assert facts is not None
        if not message.message_id:
            return False
        date = _utc(message.date)
        direction, email, name = self._customer_of(connection, message, own)
        if not email or direction != "in":
            return False
        customer_id = self._ensure_customer(connection, email, name)
        new = insert_ignore(connection, s.customer_messages, [{
            "message_id": message.message_id, "customer_id": customer_id, "direction": "in",
            "date": date, "subject": message.subject, "in_reply_to": message.in_reply_to,
            "context_nouns": _join(facts.context_nouns),
        }])
        if not new:
            return False
        insert_ignore(connection, s.disclosures, [
            {"customer_id": customer_id, "message_id": message.message_id, "position": i, "date": date,
             "text": d.text, "topic": d.topic, "nouns": _join(d.nouns)}
            for i, d in enumerate(facts.disclosures)
        ])
        # A reply of ours may have been remembered before this mail (out-of-order build).
        ours = connection.execute(
            select(s.replies.c.message_id, s.replies.c.body).where(
                and_(s.replies.c.customer_id == customer_id, s.replies.c.in_reply_to == message.message_id)
            )
        ).all()
        rows = []
        for i, r in enumerate(facts.requests):
            answered_by = next((row[0] for row in ours if answers(r.text, row[1])), "")
            rows.append({"customer_id": customer_id, "message_id": message.message_id, "position": i,
                         "date": date, "text": r.text, "topic": r.topic, "answered_by": answered_by})
        insert_ignore(connection, s.requests, rows)
        return True

    @retried
    def remember_reply(
        self,
        outgoing: OutgoingMessage | Message,
        original: Message | None = None,
        ref: MessageRef | None = None,
    ) -> bool:
        """Take in one of our replies (idempotent by Message-ID); True when it was new.

        `outgoing` is what the send path has (raw bytes) or a parsed mail from Sent.
        The original is found by In-Reply-To / References when not given.
        """
        message = parse_message(outgoing.raw) if isinstance(outgoing, OutgoingMessage) else outgoing
        if not message.message_id:
            return False
        prepared = self.prepare(message, ref, sent=True)
        if original is not None and original.message_id:
            prepared = Prepared(message, ref, stats=prepared.stats, parents=(original.message_id, *prepared.parents))
        with self._write() as connection:
            return self._reply_in(connection, prepared, self._own(connection))

    def _reply_in(self, connection: Connection, prepared: Prepared, own: set[str]) -> bool:
        """Write one reply; `own` (the shop's addresses) learns its sender."""
        message, stats, parents, ref = prepared.message, prepared.stats, prepared.parents, prepared.ref
        assert stats is not None
        if not message.message_id:
            return False
        sender = _address(message.sender.email)
        if sender and sender not in own:
            insert_ignore(connection, s.own_addresses, [{"email": sender}])
            own.add(sender)
        _direction, email, name = self._customer_of(connection, message, own)
        if not email:
            return False
        customer_id = self._ensure_customer(connection, email, name)
        new = insert_ignore(connection, s.customer_messages, [{
            "message_id": message.message_id, "customer_id": customer_id, "direction": "out",
            "date": _utc(message.date), "subject": message.subject, "in_reply_to": message.in_reply_to,
            "context_nouns": "",
        }])
        if not new:
            return False
        parent = parents[0] if parents else ""
        connection.execute(s.replies.insert().values(
            message_id=message.message_id, customer_id=customer_id, in_reply_to=parent,
            date=_utc(message.date), subject=message.subject, body=message.body, length=stats.length,
            thanks=stats.thanks, empathy=stats.empathy, cushion=stats.cushion, personal=stats.personal,
            folder_id=ref.folder_id if ref else "", msg_key=ref.key if ref else "",
        ))
        if parent:
            open_requests = connection.execute(
                select(s.requests.c.id, s.requests.c.text).where(
                    and_(s.requests.c.message_id == parent, s.requests.c.answered_by == "")
                )
            ).all()
            for request_id, text in open_requests:
                if answers(text, prepared.pool if prepared.pool is not None else message.body):
                    connection.execute(
                        update(s.requests).where(s.requests.c.id == request_id)
                        .values(answered_by=message.message_id)
                    )
        return True

    # -- reading --------------------------------------------------------------------
    def _customer(self, connection: Connection, customer_id: int) -> Customer | None:
        row = connection.execute(select(s.customers).where(s.customers.c.id == customer_id)).first()
        if row is None:
            return None
        addresses = tuple(r[0] for r in connection.execute(
            select(s.customer_addresses.c.email).where(s.customer_addresses.c.customer_id == customer_id)
            .order_by(s.customer_addresses.c.email)
        ))
        tags = tuple(r[0] for r in connection.execute(
            select(s.tags.c.tag).where(s.tags.c.customer_id == customer_id).order_by(s.tags.c.tag)
        ))
        return Customer(int(row.id), row.name, addresses, row.note, tags)

    def customer(self, customer_id: int) -> Customer | None:
        with self._read() as connection:
            return self._customer(connection, customer_id)

    def customer_id_for(self, email: str) -> int | None:
        with self._read() as connection:
            found = connection.execute(
                select(s.customer_addresses.c.customer_id).where(s.customer_addresses.c.email == _address(email))
            ).first()
        return int(found[0]) if found is not None else None

    def customers(self) -> list[Customer]:
        with self._read() as connection:
            ids = [int(r[0]) for r in connection.execute(select(s.customers.c.id).order_by(s.customers.c.id))]
            return [c for c in (self._customer(connection, i) for i in ids) if c is not None]

    def _disclosures(self, connection: Connection, customer_id: int) -> list[tuple[Disclosure, frozenset[str]]]:
        rows = connection.execute(
            select(s.disclosures).where(s.disclosures.c.customer_id == customer_id)
            .order_by(s.disclosures.c.date, s.disclosures.c.message_id, s.disclosures.c.position)
        ).all()
        return [
            (Disclosure(int(r.id), _utc(r.date), r.text, r.topic, summary(r.text, r.topic), r.message_id),
             _split(r.nouns))
            for r in rows
        ]

    def _requests(self, connection: Connection, customer_id: int) -> list[CustomerRequest]:
        rows = connection.execute(
            select(s.requests).where(s.requests.c.customer_id == customer_id)
            .order_by(s.requests.c.date, s.requests.c.message_id, s.requests.c.position)
        ).all()
        return [CustomerRequest(int(r.id), _utc(r.date), r.text, r.topic, r.message_id, bool(r.answered_by))
                for r in rows]

    def _replies(self, connection: Connection, customer_id: int) -> list[PastReply]:
        rows = connection.execute(
            select(s.replies).where(s.replies.c.customer_id == customer_id)
            .order_by(s.replies.c.date, s.replies.c.message_id)
        ).all()
        return [
            PastReply(r.message_id, r.subject,
                      ReplyStats(_utc(r.date), r.length, r.thanks, r.empathy, r.cushion, r.personal),
                      r.folder_id, r.msg_key)
            for r in rows
        ]

    def history(self, customer_id: int) -> tuple[ReplyStats, ...]:
        """Our replies to this customer, oldest first: what the review's consistency checks compare with."""
        with self._read() as connection:
            return tuple(r.stats for r in self._replies(connection, customer_id))

    def history_for(self, email: str) -> tuple[ReplyStats, ...]:
        customer_id = self.customer_id_for(email)
        return self.history(customer_id) if customer_id is not None else ()

    def profile_for(self, message: Message, insight: Insight | None = None) -> CustomerProfile | None:
        """What 「このお客様について」 shows beside this mail; None when it is with nobody (no address)."""
        date = _utc(message.date)

        def before(item_date: datetime | None, message_id: str) -> bool:
            if message_id == message.message_id:
                return False
            return date is None or item_date is None or item_date < date

        with self._read() as connection:
            _direction, email, name = self._customer_of(connection, message, self._own(connection))
            if not email:
                return None
            found = connection.execute(
                select(s.customer_addresses.c.customer_id).where(s.customer_addresses.c.email == email)
            ).first()
            customer = self._customer(connection, int(found[0])) if found is not None else None
            if customer is None:
                return CustomerProfile(Customer(0, name, (email,)), 1, date, (), (), ())
            incoming = connection.execute(
                select(s.customer_messages.c.message_id, s.customer_messages.c.date,
                       s.customer_messages.c.context_nouns)
                .where(and_(s.customer_messages.c.customer_id == customer.id, s.customer_messages.c.direction == "in"))
            ).all()
            earlier = [r for r in incoming if before(_utc(r.date), r.message_id)]
            dates = [d for d in (_utc(r.date) for r in earlier) if d is not None]
            context = {r.message_id: _split(r.context_nouns) for r in incoming}
            told = [(d, n) for d, n in self._disclosures(connection, customer.id) if before(d.date, d.message_id)]
            asked = [r for r in self._requests(connection, customer.id) if before(r.date, r.message_id)]
            every_reply = self._replies(connection, customer.id)
            ours = [r for r in every_reply if before(r.stats.date, r.message_id)]
        today = mail_nouns(message, insight)
        related = reminders(today, ((d, n, context.get(d.message_id, frozenset())) for d, n in told))
        since = min([*dates, *([date] if date else [])], default=None)
        return CustomerProfile(
            customer, len(earlier) + 1, since, tuple(d for d, _ in told), tuple(asked), tuple(ours), related,
            tuple(r.stats for r in every_reply),
        )

    # -- the agent's own notes ------------------------------------------------------
    @retried
    def set_note(self, customer_id: int, note: str) -> None:
        with self._write() as connection:
            connection.execute(update(s.customers).where(s.customers.c.id == customer_id).values(note=note))

    @retried
    def add_tag(self, customer_id: int, tag: str) -> None:
        with self._write() as connection:
            insert_ignore(connection, s.tags, [{"customer_id": customer_id, "tag": tag.strip()}])

    @retried
    def remove_tag(self, customer_id: int, tag: str) -> None:
        with self._write() as connection:
            connection.execute(delete(s.tags).where(and_(s.tags.c.customer_id == customer_id, s.tags.c.tag == tag)))

    @retried
    def merge(self, keep: int, other: int) -> None:
        """Make `other` (e.g. the same person's phone address) part of `keep`, with all it remembers."""
        if keep == other:
            return
        with self._write() as connection:
            for table in (s.customer_addresses, s.customer_messages, s.disclosures, s.requests, s.replies):
                connection.execute(update(table).where(table.c.customer_id == other).values(customer_id=keep))
            tags = [r[0] for r in connection.execute(select(s.tags.c.tag).where(s.tags.c.customer_id == other))]
            insert_ignore(connection, s.tags, [{"customer_id": keep, "tag": t} for t in tags])
            notes = connection.execute(
                select(s.customers.c.id, s.customers.c.note).where(s.customers.c.id.in_((keep, other)))
            ).all()
            by_id = {int(r[0]): r[1] for r in notes}
            merged_note = "\n".join(n for n in (by_id.get(keep, ""), by_id.get(other, "")) if n)
            connection.execute(update(s.customers).where(s.customers.c.id == keep).values(note=merged_note))
            connection.execute(delete(s.tags).where(s.tags.c.customer_id == other))
            connection.execute(delete(s.customers).where(s.customers.c.id == other))

    # -- privacy --------------------------------------------------------------------
    def export_customer(self, customer_id: int) -> dict[str, Any]:
        """Everything the memory holds about one customer, as JSON-ready data."""

        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        with self._read() as connection:
            customer = self._customer(connection, customer_id)
            if customer is None:
                raise KeyError(customer_id)
            told = self._disclosures(connection, customer_id)
            asked = self._requests(connection, customer_id)
            ours = self._replies(connection, customer_id)
            mails = connection.execute(
                select(s.customer_messages).where(s.customer_messages.c.customer_id == customer_id)
                .order_by(s.customer_messages.c.date)
            ).all()
        return {
            "customer": {"id": customer.id, "name": customer.name, "addresses": list(customer.addresses),
                         "note": customer.note, "tags": list(customer.tags)},
            "messages": [{"message_id": m.message_id, "direction": m.direction, "date": iso(_utc(m.date)),
                          "subject": m.subject} for m in mails],
            "disclosures": [{"date": iso(d.date), "text": d.text, "topic": d.topic, "summary": d.summary,
                             "message_id": d.message_id} for d, _ in told],
            "requests": [{"date": iso(r.date), "text": r.text, "topic": r.topic, "answered": r.answered,
                          "message_id": r.message_id} for r in asked],
            "replies": [{"date": iso(r.stats.date), "subject": r.subject, "message_id": r.message_id,
                         "length": r.stats.length, "warmth": r.stats.warmth, "thanks": r.stats.thanks,
                         "empathy": r.stats.empathy, "cushion": r.stats.cushion, "personal": r.stats.personal}
                        for r in ours],
        }

    @retried
    def delete_customer(self, customer_id: int) -> None:
        """Forget a customer and everything derived from their mail; the mail itself stays.

        Build checkpoints stay too, so rebuilding does not quietly learn them again
        from old mail; a new mail from them starts a new record.
        """
        with self._write() as connection:
            for table in (s.disclosures, s.requests, s.replies, s.customer_messages, s.tags, s.customer_addresses):
                connection.execute(delete(table).where(table.c.customer_id == customer_id))
            connection.execute(delete(s.customers).where(s.customers.c.id == customer_id))

    # -- search ---------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[MemoryHit]:
        """What customers told or asked, and our notes, containing `query` (any length, substring)."""
        query = query.replace("\x00", "").strip()  # a NUL would match everything (SQLite) or fail (PostgreSQL)
        if not query:
            return []
        if len(query) > MAX_QUERY_CHARS:
            # SQLite refuses LIKE patterns past 50,000 bytes: look for the beginning, then keep
            # only what holds the whole query.
            found = self.search(query[:MAX_QUERY_CHARS], limit * 4)
            wanted = query.casefold()
            return [h for h in found if wanted in h.text.casefold()][:limit]
        pattern = _like(query)
        hits: list[MemoryHit] = []
        with self._read() as connection:
            names = {int(r[0]): r[1] for r in connection.execute(select(s.customers.c.id, s.customers.c.name))}
            for kind, table in (("disclosure", s.disclosures), ("request", s.requests)):
                rows = connection.execute(
                    select(table.c.customer_id, table.c.text, table.c.date, table.c.message_id)
                    .where(or_(table.c.text.ilike(pattern, escape="\\"), table.c.topic.ilike(pattern, escape="\\")))
                    .order_by(table.c.date.desc()).limit(limit)
                ).all()
                hits += [MemoryHit(int(r[0]), names.get(int(r[0]), ""), kind, r[1], _utc(r[2]), r[3]) for r in rows]
            noted = connection.execute(
                select(s.customers.c.id, s.customers.c.name, s.customers.c.note)
                .where(or_(s.customers.c.note.ilike(pattern, escape="\\"),
                           s.customers.c.name.ilike(pattern, escape="\\")))
                .limit(limit)
            ).all()
            hits += [MemoryHit(int(r[0]), r[1], "note", r[2] or r[1], None, "") for r in noted]
        return hits[:limit]

    # -- building from existing mail ------------------------------------------------
    def built_keys(self, source: str, folder_id: str) -> set[str]:
        with self._read() as connection:
            return {r[0] for r in connection.execute(
                select(s.build_checkpoints.c.msg_key).where(
                    and_(s.build_checkpoints.c.source == source, s.build_checkpoints.c.folder_id == folder_id)
                )
            )}

    @retried
    def forget_built(self, source: str) -> None:
        """A mailbox or account removed: its checkpoints go, so adding it again takes its mail in
        again (the search index is emptied of it beside this). What customers told stays."""
        with self._write() as connection:
            connection.execute(delete(s.build_checkpoints).where(s.build_checkpoints.c.source == source))

    @retried
    def mark_built(self, source: str, folder_id: str, keys: Sequence[str]) -> None:
        with self._write() as connection:
            insert_ignore(connection, s.build_checkpoints,
                          [{"source": source, "folder_id": folder_id, "msg_key": k} for k in keys])

    @retried
    def remember_built(self, source: str, batch: Sequence[Prepared], done: Sequence[tuple[str, str]]) -> int:
        """The build's write: a batch of mails and the checkpoints of `done` (folder id, key), one transaction.

        Written whole first; when the database refuses one mail's data, the transaction is
        rolled back and the batch written again with each mail under its own savepoint, so
        that mail is skipped (and counted, returned) without losing the others. Savepoints
        for every mail cost the writer, the build's one busy process, a fifth of its time.
        A crash before the commit loses the batch and its checkpoints together, so the
        next build does it again.
        """
        try:
            return self._write_built(source, batch, done, savepoints=False)
        except (DataError, IntegrityError) as error:
            if transient(error):  # another client's write meanwhile: the whole batch again
                raise
        return self._write_built(source, batch, done, savepoints=True)

    def _write_built(self, source: str, batch: Sequence[Prepared], done: Sequence[tuple[str, str]],
                     savepoints: bool) -> int:
        skipped = 0
        with self._write() as connection:
            own = self._own(connection)
            if not savepoints:
                self._batch_in(connection, batch, own)
                batch = ()
            for prepared in batch:  # the fallback: each mail under its own savepoint
                try:
                    with connection.begin_nested():
                        self._built_in(connection, prepared, own)
                except (DataError, IntegrityError) as error:
                    if transient(error):  # another client's write meanwhile: the whole batch again
                        raise
                    skipped += 1
            insert_ignore(connection, s.build_checkpoints,
                          [{"source": source, "folder_id": folder_id, "msg_key": key} for folder_id, key in done])
        return skipped

    def _batch_in(self, connection: Connection, batch: Sequence[Prepared], own: set[str]) -> None:
        """A batch written with a few statements per table, not a handful per mail.

        The same rows as `_incoming_in` / `_reply_in` one mail after the other: who each
        mail is with is worked out in order (a reply's sender becomes ours for the mails
        after it), customers are created in order of first appearance, a request is
        answered by a reply met earlier (in the memory or the batch) or later in the batch,
        and a Message-ID already remembered (or met earlier in the batch) is skipped."""
        plans: list[tuple[Prepared, str, str]] = []  # (mail, customer's email, name)
        new_own: list[dict[str, Any]] = []
        for prepared in batch:
            message = prepared.message
            if not message.message_id:
                continue
            if prepared.stats is not None:
                sender = _address(message.sender.email)
                if sender and sender not in own:
                    new_own.append({"email": sender})
                    own.add(sender)
                _direction, email, name = self._customer_of(connection, message, own)
            else:
                direction, email, name = self._customer_of(connection, message, own)
                email = email if direction == "in" else ""
            if email:
                plans.append((prepared, email, name))
        insert_ignore(connection, s.own_addresses, new_own)
        if not plans:
            return
        # Customers: those known in one query, the new ones created together (`_create_customers`).
        known: dict[str, tuple[int, str]] = {}
        for emails in _chunks(sorted({email for _p, email, _n in plans})):
            known.update((r[0], (int(r[1]), r[2])) for r in connection.execute(
                select(s.customer_addresses.c.email, s.customer_addresses.c.customer_id, s.customers.c.name)
                .join(s.customers, s.customers.c.id == s.customer_addresses.c.customer_id)
                .where(s.customer_addresses.c.email.in_(emails))
            ))
        self._create_customers(connection, plans, known)
        customer_of: list[int] = []
        for _prepared, email, name in plans:
            customer_id, known_name = known[email]
            if name and not known_name:  # named at last: the name is kept from then on
                connection.execute(
                    update(s.customers).where(and_(s.customers.c.id == customer_id, s.customers.c.name == ""))
                    .values(name=name)
                )
                known[email] = (customer_id, name)
            customer_of.append(customer_id)
        # Which mails are new: not remembered yet, first of their Message-ID in the batch.
        seen: set[str] = set()
        for ids in _chunks(sorted({p.message.message_id for p, _e, _n in plans})):
            seen.update(r[0] for r in connection.execute(
                select(s.customer_messages.c.message_id).where(s.customer_messages.c.message_id.in_(ids))))
        new: list[tuple[Prepared, int]] = []
        for (prepared, _email, _name), customer_id in zip(plans, customer_of, strict=True):
            if prepared.message.message_id not in seen:
                seen.add(prepared.message.message_id)
                new.append((prepared, customer_id))
        if not new:
            return
        incoming_ids = [p.message.message_id for p, _c in new if p.stats is None]
        parents = sorted({p.parents[0] for p, _c in new if p.stats is not None and p.parents})
        # Our replies already remembered to this batch's incoming mails, and the open requests
        # of the mails this batch's replies answer.
        ours: dict[tuple[int, str], list[tuple[str, str]]] = {}
        for ids in _chunks(incoming_ids):
            for mid, customer_id, in_reply_to, body in connection.execute(
                select(s.replies.c.message_id, s.replies.c.customer_id, s.replies.c.in_reply_to, s.replies.c.body)
                .where(s.replies.c.in_reply_to.in_(ids))
            ):
                ours.setdefault((int(customer_id), in_reply_to), []).append((mid, body))
        open_requests: dict[str, list[dict[str, Any]]] = {}
        for ids in _chunks(parents):
            for request_id, mid, text in connection.execute(
                select(s.requests.c.id, s.requests.c.message_id, s.requests.c.text)
                .where(and_(s.requests.c.message_id.in_(ids), s.requests.c.answered_by == ""))
            ):
                open_requests.setdefault(mid, []).append({"rid": int(request_id), "text": text, "answered_by": ""})
        message_rows: list[dict[str, Any]] = []
        disclosure_rows: list[dict[str, Any]] = []
        request_rows: list[dict[str, Any]] = []
        reply_rows: list[dict[str, Any]] = []
        for prepared, customer_id in new:
            message, ref = prepared.message, prepared.ref
            date = _utc(message.date)
            if prepared.stats is None:
                facts = prepared.facts
                assert facts is not None
                message_rows.append({
                    "message_id": message.message_id, "customer_id": customer_id, "direction": "in",
                    "date": date, "subject": message.subject, "in_reply_to": message.in_reply_to,
                    "context_nouns": _join(facts.context_nouns)})
                disclosure_rows += [
                    {"customer_id": customer_id, "message_id": message.message_id, "position": i, "date": date,
                     "text": d.text, "topic": d.topic, "nouns": _join(d.nouns)}
                    for i, d in enumerate(facts.disclosures)]
                answering = ours.get((customer_id, message.message_id), [])
                rows = [{"customer_id": customer_id, "message_id": message.message_id, "position": i,
                         "date": date, "text": r.text, "topic": r.topic,
                         "answered_by": next((mid for mid, body in answering if answers(r.text, body)), "")}
                        for i, r in enumerate(facts.requests)]
                request_rows += rows
                # Not yet answered: a reply later in this batch may answer them.
                open_requests.setdefault(message.message_id, []).extend(r for r in rows if not r["answered_by"])
                continue
            stats = prepared.stats
            parent = prepared.parents[0] if prepared.parents else ""
            message_rows.append({
                "message_id": message.message_id, "customer_id": customer_id, "direction": "out",
                "date": date, "subject": message.subject, "in_reply_to": message.in_reply_to,
                "context_nouns": ""})
            reply_rows.append({
                "message_id": message.message_id, "customer_id": customer_id, "in_reply_to": parent,
                "date": date, "subject": message.subject, "body": message.body, "length": stats.length,
                "thanks": stats.thanks, "empathy": stats.empathy, "cushion": stats.cushion,
                "personal": stats.personal, "folder_id": ref.folder_id if ref else "",
                "msg_key": ref.key if ref else ""})
            ours.setdefault((customer_id, parent), []).append((message.message_id, message.body))
            if parent:
                said = prepared.pool if prepared.pool is not None else message.body
                for request in open_requests.get(parent, []):
                    if not request["answered_by"] and answers(request["text"], said):
                        request["answered_by"] = message.message_id
        insert_ignore(connection, s.customer_messages, message_rows)
        insert_ignore(connection, s.disclosures, disclosure_rows)
        insert_ignore(connection, s.requests, request_rows)
        if reply_rows:
            connection.execute(s.replies.insert(), reply_rows)
        # Requests remembered before this batch ("rid": their id) that one of its replies answers.
        answered = [{"rid": r["rid"], "by": r["answered_by"]} for rs in open_requests.values() for r in rs
                    if "rid" in r and r["answered_by"]]
        if answered:
            connection.execute(
                update(s.requests)
                .where(and_(s.requests.c.id == bindparam("rid"), s.requests.c.answered_by == ""))
                .values(answered_by=bindparam("by")),
                answered,
            )

    def _create_customers(self, connection: Connection, plans: Sequence[tuple[Prepared, str, str]],
                          known: dict[str, tuple[int, str]]) -> None:
        """The customers `known` lacks, created in order of first appearance (named by their first mail)."""
        fresh: dict[str, str] = {}
        for _prepared, email, name in plans:
            if email not in known:
                fresh.setdefault(email, name)
        if not fresh:
            return
        created = connection.execute(
            insert(s.customers).returning(s.customers.c.id, sort_by_parameter_order=True),
            [{"name": name, "note": ""} for name in fresh.values()],
        ).all()
        ids = {email: int(row[0]) for email, row in zip(fresh, created, strict=True)}
        taken = inserted_keys(connection, s.customer_addresses,
                              [{"email": email, "customer_id": ids[email]} for email in fresh], "email")
        for email, name in fresh.items():
            if email in taken:
                known[email] = (ids[email], name)
                continue
            # Another instance created this customer meanwhile: use theirs, drop ours.
            connection.execute(delete(s.customers).where(s.customers.c.id == ids[email]))
            theirs = connection.execute(
                select(s.customer_addresses.c.customer_id, s.customers.c.name)
                .join(s.customers, s.customers.c.id == s.customer_addresses.c.customer_id)
                .where(s.customer_addresses.c.email == email)
            ).first()
            if theirs is None:  # ...and deleted it again before we could read it: start over
                raise RaceLost(email)
            known[email] = (int(theirs[0]), theirs[1])

    def _built_in(self, connection: Connection, prepared: Prepared, own: set[str]) -> None:
        if prepared.stats is not None:
            self._reply_in(connection, prepared, own)
        else:
            self._incoming_in(connection, prepared, own)

    def counts(self) -> dict[str, int]:
        """How much the memory holds (for the status bar and tests)."""
        with self._read() as connection:
            return {
                name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in (("customers", s.customers), ("disclosures", s.disclosures),
                                    ("requests", s.requests), ("replies", s.replies))
            }
