-- Pack files are no longer fsynced (issue 6, imapperf2): synced bodies are a cache
-- of the server's mail, so after a power cut a body may be missing or zero-filled
-- in its pack. Each row keeps the CRC-32 of its body; a read that does not match
-- marks the mail as not synced and the next sync fetches it again. NULL: stored
-- before this migration, in an fsynced pack (or as a BLOB); only its length is checked.
ALTER TABLE mail_messages ADD COLUMN body_crc INTEGER;
