-- Facts about the database itself (which Aizuchi created it), for support and future migrations.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
