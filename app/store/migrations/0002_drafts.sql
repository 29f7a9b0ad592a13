-- Reply drafts, one per original message and mailbox: autosaved while the agent types,
-- restored when the reply to that message is opened again (also after a crash).
CREATE TABLE drafts (
    mailbox TEXT NOT NULL,        -- which mailbox or account the original lives in
    original_id TEXT NOT NULL,    -- the original's Message-ID (or a ref key when it has none)
    message_id TEXT NOT NULL,     -- the reply's own Message-ID, fixed at creation
    sender_json TEXT NOT NULL,    -- {"name","email"}
    to_json TEXT NOT NULL,        -- [{"name","email"}, ...]
    cc_json TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    in_reply_to TEXT NOT NULL DEFAULT '',
    references_json TEXT NOT NULL DEFAULT '[]',
    created_at TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (mailbox, original_id)
);
