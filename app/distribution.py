"""OAuth clients a packaged build carries, so a shop owner never meets a client ID.

A distributor (whoever packages Aizuchi for shops) registers one Google desktop
client and one Microsoft public client (docs/oauth.md) and puts their ids in
`resources/oauth_clients.json` before building (`build_spec/aizuchi.spec` bundles
`resources/`):

    {"google_client_id": "….apps.googleusercontent.com",
     "google_client_secret": "…",
     "microsoft_client_id": "…"}

Ids typed under 詳細設定 in the account dialog (the settings) win over these.
A Google desktop client's "secret" is not secret (Google says so), which is why
a build may carry it. No file, or a broken one: nothing is carried.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.paths import RESOURCES

CLIENTS_FILE = RESOURCES / "oauth_clients.json"


@dataclass(frozen=True, slots=True)
class DistributedClients:
    google_client_id: str = ""
    google_client_secret: str = ""
    microsoft_client_id: str = ""


def distributed_clients(path: Path | None = None) -> DistributedClients:
    try:
        data = json.loads((path or CLIENTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return DistributedClients()
    if not isinstance(data, dict):
        return DistributedClients()
    return DistributedClients(
        **{key: str(data.get(key, "")).strip() for key in
           ("google_client_id", "google_client_secret", "microsoft_client_id")}
    )
