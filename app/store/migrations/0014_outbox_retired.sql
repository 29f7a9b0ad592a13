-- Issue 14: a reply edited after a failed send is a new outgoing item; the old one is
-- `retired` (never sent). SQLite cannot change a CHECK, so the table is rebuilt.
-- draft_key: what the draft looked like when it was submitted (saving a different draft
-- retires a waiting item); replaced_by: the Message-ID of the item that took its place.
CREATE TABLE outbox_new (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    raw BLOB NOT NULL,
    envelope_from TEXT NOT NULL,
    recipients TEXT NOT NULL,
    replying_folder TEXT,
    replying_key TEXT,
    thread_hint TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown', 'retired')),
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    filed_in_sent INTEGER NOT NULL DEFAULT 0,
    original_answered INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at TEXT,
    draft_key TEXT NOT NULL DEFAULT '',
    replaced_by TEXT NOT NULL DEFAULT ''
);
INSERT INTO outbox_new(id, account_id, message_id, raw, envelope_from, recipients, replying_folder, replying_key,
    thread_hint, state, reason, detail, attempts, filed_in_sent, original_answered, created_at, updated_at, sent_at)
SELECT id, account_id, message_id, raw, envelope_from, recipients, replying_folder, replying_key,
    thread_hint, state, reason, detail, attempts, filed_in_sent, original_answered, created_at, updated_at, sent_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_state ON outbox(state);
CREATE INDEX outbox_replaced_by ON outbox(replaced_by) WHERE replaced_by != '';
