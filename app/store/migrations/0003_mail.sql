-- Real mailboxes (issue 6): accounts, synced folders and messages, and the outbox.
-- Table names carry a mail_ prefix so they never meet another feature's tables.

-- Connection settings of a mail account. No secret: the password is in the OS keyring.
CREATE TABLE mail_accounts (
    id TEXT PRIMARY KEY,                         -- stable; also the keyring user name
    kind TEXT NOT NULL DEFAULT 'imap',           -- imap (gmail / graph later)
    display_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    username TEXT NOT NULL,
    imap_host TEXT NOT NULL DEFAULT '',
    imap_port INTEGER NOT NULL DEFAULT 993,
    imap_security TEXT NOT NULL DEFAULT 'ssl',   -- ssl / starttls / none
    smtp_host TEXT NOT NULL DEFAULT '',
    smtp_port INTEGER NOT NULL DEFAULT 465,
    smtp_security TEXT NOT NULL DEFAULT 'ssl',
    charset TEXT NOT NULL DEFAULT 'utf-8',       -- utf-8 / iso-2022-jp for outgoing mail
    server_saves_sent INTEGER NOT NULL DEFAULT 0,-- the server files a copy in Sent itself (Gmail)
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A folder as last synced. sync_token is the source's opaque SyncState; the IMAP
-- figures are kept in their own columns too, for support and for humans.
CREATE TABLE mail_folders (
    account_id TEXT NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
    folder_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'other',
    position INTEGER NOT NULL DEFAULT 0,
    sync_token TEXT,
    uidvalidity INTEGER,
    uidnext INTEGER,
    highestmodseq INTEGER,
    synced_at TEXT,
    PRIMARY KEY (account_id, folder_id)
);

-- One message of a synced folder. Raw bytes are stored as fetched; parsing is lazy
-- (it is what costs). flags_dirty: a local change (read, answered) not yet pushed.
CREATE TABLE mail_messages (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    folder_id TEXT NOT NULL,
    uid TEXT NOT NULL,
    message_id TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    sender_name TEXT NOT NULL DEFAULT '',
    sender_email TEXT NOT NULL DEFAULT '',
    date TEXT,                                   -- ISO 8601 with the sender's offset
    date_ts REAL,                                -- for sorting
    size INTEGER NOT NULL DEFAULT 0,
    seen INTEGER NOT NULL DEFAULT 0,
    answered INTEGER NOT NULL DEFAULT 0,
    flagged INTEGER NOT NULL DEFAULT 0,
    flags_dirty INTEGER NOT NULL DEFAULT 0,
    body BLOB,
    body_fetched INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, folder_id, uid),
    FOREIGN KEY (account_id, folder_id) REFERENCES mail_folders(account_id, folder_id) ON DELETE CASCADE
);
CREATE INDEX mail_messages_message_id ON mail_messages(account_id, message_id);
CREATE INDEX mail_messages_unfetched ON mail_messages(account_id, folder_id, body_fetched);

-- The outbox: a send is recorded here before it starts. message_id is fixed at the
-- first attempt and unique, so submitting the same reply twice is one item.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    raw BLOB NOT NULL,
    envelope_from TEXT NOT NULL,
    recipients TEXT NOT NULL,                    -- JSON list
    replying_folder TEXT,
    replying_key TEXT,
    thread_hint TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown')),
    reason TEXT NOT NULL DEFAULT '',             -- a SendProblem value
    detail TEXT NOT NULL DEFAULT '',             -- the server's own words
    attempts INTEGER NOT NULL DEFAULT 0,
    filed_in_sent INTEGER NOT NULL DEFAULT 0,
    original_answered INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at TEXT
);
CREATE INDEX outbox_state ON outbox(state);
