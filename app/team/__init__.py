"""Team mode beyond the shared customer memory: presence, the double-reply guard, shared snippets.

Everything here lives on the team's PostgreSQL server (the `memory_database_url`
setting); with the memory on the local SQLite file there is no team and none of
it runs.
"""
