"""Team mode beyond the shared customer memory: presence, the double-reply guard, shared snippets.

Everything here lives on the team's PostgreSQL server (the `memory_database_url`
setting); with the memory on the local SQLite file there is no team and none of
it runs.
"""

from datetime import timedelta
from enum import StrEnum
from typing import Final

# Kept here, not in `room`: the window reads them at start, and `room` brings SQLAlchemy and the
# memory's modules (about 180 ms measured with -X importtime) that only team mode needs.
DEFAULT_EXPIRY: Final = timedelta(seconds=30)
BEAT_SECONDS: Final = 3.0  # how often the window beats: others see a change within this (plus their own beat)


def is_team_url(url: str) -> bool:
    """The memory's database URL names a PostgreSQL server (``postgresql://``, ``postgresql+psycopg://``)."""
    return url.partition(":")[0].partition("+")[0] == "postgresql"


class Activity(StrEnum):
    VIEWING = "viewing"  # the mail is open in the reader
    WRITING = "writing"  # a reply to it is open in the composer
