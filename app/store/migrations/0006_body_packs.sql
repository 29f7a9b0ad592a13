-- Message bodies leave SQLite (issue 6 follow-up): each stored batch of raw mails is
-- one pack file beside the database (app/store/packs.py), and a message row says
-- where its bytes are. In WAL mode every BLOB was written twice (WAL, then the
-- checkpoint) with fsyncs per checkpoint; a pack is written once and fsynced once
-- before the rows that point into it commit. Bodies synced before this migration
-- stay in mail_messages.body and are still read from there.
CREATE TABLE mail_packs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,        -- never reused: a reader never meets a new pack under an old id
    account_id TEXT NOT NULL,
    name TEXT NOT NULL UNIQUE,                   -- file name under the account's pack directory
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX mail_packs_account ON mail_packs(account_id);

ALTER TABLE mail_messages ADD COLUMN pack_id INTEGER REFERENCES mail_packs(id);
ALTER TABLE mail_messages ADD COLUMN body_offset INTEGER;
ALTER TABLE mail_messages ADD COLUMN body_length INTEGER;
CREATE INDEX mail_messages_pack ON mail_messages(pack_id);
