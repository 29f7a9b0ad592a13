"""Issue 16 (5): a packaged build may carry its own OAuth clients; the settings still win."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import distribution
from app.settings import GOOGLE_CLIENT_ID, MICROSOFT_CLIENT_ID, load_settings
from app.sources.oauth import providers_from_settings


def test_no_file_carries_nothing(tmp_path: Path) -> None:
    assert distribution.distributed_clients(tmp_path / "none.json") == distribution.DistributedClients()
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert distribution.distributed_clients(tmp_path / "bad.json") == distribution.DistributedClients()


def test_carried_clients_are_used_until_the_settings_name_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    carried = tmp_path / "oauth_clients.json"
    carried.write_text(json.dumps({"google_client_id": "g.apps.googleusercontent.com", "google_client_secret": "s",
                                   "microsoft_client_id": "m-id"}), encoding="utf-8")
    monkeypatch.setattr(distribution, "CLIENTS_FILE", carried)
    settings = load_settings(tmp_path / "settings.json")
    providers = providers_from_settings(settings)
    assert providers.google.client_id == "g.apps.googleusercontent.com" and providers.google.client_secret == "s"
    assert providers.microsoft.client_id == "m-id"
    settings.set(GOOGLE_CLIENT_ID, "own.apps.googleusercontent.com")
    settings.set(MICROSOFT_CLIENT_ID, "own-id")
    providers = providers_from_settings(settings)
    assert providers.google.client_id == "own.apps.googleusercontent.com"
    assert providers.microsoft.client_id == "own-id"
