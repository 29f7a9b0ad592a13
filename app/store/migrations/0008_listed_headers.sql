-- A synced row may keep its Subject and From as the server sent them (encoded words,
-- ISO-2022-JP): they are decoded when the row is shown (app.sources.base.Header.listed),
-- so a sync of 10,000 mails does not decode what nobody may look at. subject,
-- sender_name and sender_email stay '' for such a row; a row with both raw columns
-- NULL holds its decoded values there, as before.
ALTER TABLE mail_messages ADD COLUMN raw_subject BLOB;
ALTER TABLE mail_messages ADD COLUMN raw_sender BLOB;
