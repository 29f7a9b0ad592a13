-- The message list of a folder (issue 16): one row per listed message of any source (the local
-- Maildir or mbox, a synced account), so the 差出人・件名 filter and the column sorts run over the
-- whole folder in SQL, not over the rows the view happened to load. Numbered after the issue so
-- parallel branches adding 0010… do not collide. Refilled from the source on every listing
-- (only what changed is written).
CREATE TABLE mail_list (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,                -- "local:/path/to/Maildir" or a mail account id
    folder_id TEXT NOT NULL,
    msg_key TEXT NOT NULL,
    sender_sort TEXT NOT NULL DEFAULT '', -- the sender as shown, case-folded
    subject_sort TEXT NOT NULL DEFAULT '',
    needle TEXT NOT NULL DEFAULT '',     -- NFKC, lower case: "name email subject", for the filter
    date_ts REAL,
    UNIQUE (source, folder_id, msg_key)
);
CREATE INDEX mail_list_date ON mail_list(source, folder_id, date_ts);
CREATE INDEX mail_list_sender ON mail_list(source, folder_id, sender_sort);
CREATE INDEX mail_list_subject ON mail_list(source, folder_id, subject_sort);
