"""The local database: schema, numbered migrations and the one writer.

Nothing outside `app/store/` (and `app/customers/`'s own database layer) writes SQL.
"""

from app.store.db import Database, open_database

__all__ = ["Database", "open_database"]
