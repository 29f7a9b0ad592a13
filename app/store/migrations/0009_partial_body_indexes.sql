-- A sync inserts 10,000 rows and then marks 10,000 bodies stored: every index a row is in
-- costs a b-tree write each time. Rows are looked up as "not fetched yet" and "in pack N"
-- only, so each index keeps just those rows: a new row (no pack) skips the pack index,
-- and a stored body leaves the unfetched one instead of moving inside it.
DROP INDEX mail_messages_unfetched;
CREATE INDEX mail_messages_unfetched ON mail_messages(account_id, folder_id) WHERE body_fetched = 0;
DROP INDEX mail_messages_pack;
CREATE INDEX mail_messages_pack ON mail_messages(pack_id) WHERE pack_id IS NOT NULL;
