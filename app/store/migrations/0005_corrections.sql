-- The agent's corrections of the analyser, per mail: highlights dismissed and words marked.
-- mail_key is the Message-ID, or "sha256:<hex>" of the raw bytes when the mail has none.
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    mail_key TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('dismiss', 'add')),
    kind TEXT NOT NULL CHECK (kind IN ('disclosure', 'request', 'worry')),
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
    text TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (mail_key, action, kind, start_offset, end_offset)
);
CREATE INDEX corrections_by_mail ON corrections (mail_key);
