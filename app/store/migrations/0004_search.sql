-- Full-text search over mail (issue 8). One row per indexed message in mail_index;
-- mail_fts (trigram) answers queries of 3+ characters, mail_short answers 1–2 characters:
-- the trigram tokenizer cannot match 「配送」 by design, and on SQLite 3.40 LIKE/GLOB against a
-- trigram table silently return nothing for non-ASCII text. mail_short holds each message's
-- character bigrams (and the last character of each run) as unicode61 tokens, so a 2-character
-- query is one exact token and a 1-character query a prefix query.
CREATE TABLE mail_index (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    folder_id TEXT NOT NULL,
    msg_key TEXT NOT NULL,
    message_id TEXT NOT NULL DEFAULT '',
    date TEXT,
    sender TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    grams TEXT NOT NULL DEFAULT '',
    UNIQUE (source, folder_id, msg_key)
);

CREATE VIRTUAL TABLE mail_fts USING fts5(
    subject, sender, body, content='mail_index', content_rowid='id', tokenize='trigram'
);

CREATE VIRTUAL TABLE mail_short USING fts5(
    grams, content='mail_index', content_rowid='id', tokenize='unicode61 remove_diacritics 0', detail='none'
);
