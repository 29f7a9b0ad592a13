from __future__ import annotations

import json
from pathlib import Path

from app.settings import LANGUAGE, load_settings


def test_settings_round_trip_and_atomic_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = load_settings(path)
    assert settings.language == ""
    settings.set(LANGUAGE, "en")
    settings.allow_remote_images("News@Shop.example.jp ")
    reloaded = load_settings(path)
    assert reloaded.language == "en"
    assert reloaded.remote_images_allowed("news@shop.example.jp")
    assert not reloaded.remote_images_allowed("other@example.jp")
    assert not list(tmp_path.glob("*.tmp"))


def test_wrong_types_in_a_hand_edited_file_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": 3, "remote_image_senders": "x"}), encoding="utf-8")
    settings = load_settings(path)
    assert settings.language == ""
    assert not settings.remote_images_allowed("x")


def test_broken_settings_file_is_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path).language == ""
