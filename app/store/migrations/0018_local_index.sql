-- The index of a local Maildir (issue 18): one row per message of each folder, as its last
-- listing found it, so a second start shows a folder of 100,000 without opening 100,000 files.
-- At each listing the folder's file names (new/ and cur/) are compared with `name`: a key
-- whose name is unchanged is taken from here, a renamed one (moved to cur/, flags changed)
-- keeps its row with the new name, only a new key's file is read. Numbered after the issue.
CREATE TABLE local_index (
    mailbox TEXT NOT NULL,         -- the Maildir's resolved path
    folder_id TEXT NOT NULL,
    msg_key TEXT NOT NULL,
    name TEXT NOT NULL,            -- "new/<file>" or "cur/<file>" at the last listing
    subject TEXT NOT NULL DEFAULT '',
    sender_name TEXT NOT NULL DEFAULT '',
    sender_email TEXT NOT NULL DEFAULT '',
    date TEXT,                     -- ISO 8601 with its offset, or NULL
    size INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (mailbox, folder_id, msg_key)
) WITHOUT ROWID;

-- An mbox file's state when its rows above were taken (its name column holds "R" when the
-- mail client's Status said read): same size and mtime, nothing is read; grown with a
-- "From " line where it ended, only the tail is read; anything else, the whole file again.
CREATE TABLE local_index_files (
    mailbox TEXT NOT NULL,
    folder_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    PRIMARY KEY (mailbox, folder_id)
) WITHOUT ROWID;
