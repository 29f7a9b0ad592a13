-- Issue 19: when a reply may leave, and why one is held. Numbered after the issue.
-- due_at: not before this moment (UTC, ISO 8601 with Z); NULL = at once. due_kind says why it
-- waits: 'undo' (the grace period after 送信, 「送信を取り消す」), 'hours' (the next opening of the
-- shop's service hours), 'chosen' (a time the agent set). checked_since: a customer mail dated
-- after it holds the reply (the customer wrote again). hold_*: why a held item is held.
-- A new state 'held' (never sent until the agent opens it again); SQLite cannot change a CHECK,
-- so the table is rebuilt, as in 0014.
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
        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown', 'retired', 'held')),
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    filed_in_sent INTEGER NOT NULL DEFAULT 0,
    original_answered INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at TEXT,
    draft_key TEXT NOT NULL DEFAULT '',
    replaced_by TEXT NOT NULL DEFAULT '',
    due_at TEXT,
    due_kind TEXT NOT NULL DEFAULT '',
    checked_since TEXT,
    hold_reason TEXT NOT NULL DEFAULT '',
    hold_detail TEXT NOT NULL DEFAULT ''
);
INSERT INTO outbox_new(id, account_id, message_id, raw, envelope_from, recipients, replying_folder, replying_key,
    thread_hint, state, reason, detail, attempts, filed_in_sent, original_answered, created_at, updated_at, sent_at,
    draft_key, replaced_by)
SELECT id, account_id, message_id, raw, envelope_from, recipients, replying_folder, replying_key,
    thread_hint, state, reason, detail, attempts, filed_in_sent, original_answered, created_at, updated_at, sent_at,
    draft_key, replaced_by
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_state ON outbox(state);
CREATE INDEX outbox_replaced_by ON outbox(replaced_by) WHERE replaced_by != '';
CREATE INDEX outbox_due ON outbox(due_at) WHERE state = 'queued';
