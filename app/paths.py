"""Where Aizuchi's files live: bundled resources and the per-user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Aizuchi"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEMO_MAILDIR = RESOURCES / "demo"
TRANSLATIONS = RESOURCES / "translations"


def user_data_dir(create: bool = True) -> Path:
    """The per-user data dir; `AIZUCHI_DATA_DIR` overrides it (tests, portable use)."""
    override = os.environ.get("AIZUCHI_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
