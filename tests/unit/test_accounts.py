from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app import accounts
from app.accounts import PRESETS, PresetId, fill_host, keyring_status, new_account_id, preset
from app.mail.outgoing import build_message, unencodable
from app.model import Address
from app.sources.connection import AccountConfig, Charset, Security
from app.store.db import open_database
from app.store.mail import MailStore
from tests.keyring_backend import MemoryKeyring


def _config() -> AccountConfig:
    return AccountConfig("shop-example-jp", "shop@example.jp", "shop@example.jp", "sv1.xserver.jp",
                         "sv1.xserver.jp")


def test_password_goes_to_the_keyring_and_nowhere_else(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    store = MailStore(db)
    assert accounts.add_account(store, _config(), "とても秘密のpass") is True
    assert memory_keyring.secrets == {("Aizuchi", "shop-example-jp"): "とても秘密のpass"}
    db.close()
    assert "とても秘密のpass".encode() not in (tmp_path / "a.sqlite3").read_bytes()
    accounts.forget_session_passwords()
    assert accounts.password("shop-example-jp") == "とても秘密のpass"
    assert store.accounts() == [_config()]
    accounts.remove_account(store, "shop-example-jp")
    assert memory_keyring.secrets == {}
    assert store.accounts() == []


def test_no_secure_keyring_is_reported_and_the_password_kept_for_the_session_only() -> None:
    keyring.set_keyring(fail.Keyring())
    status = keyring_status()
    assert status.secure is False and "fail" in status.backend
    assert accounts.store_password("a", "pw") is False
    assert accounts.password("a") == "pw"  # this session still works
    accounts.forget_session_passwords()
    assert accounts.password("a") is None


def test_memory_backend_counts_as_secure() -> None:
    assert keyring_status().secure is True


def test_presets_cover_the_rental_servers_and_app_password_providers() -> None:
    names = {p.name for p in PRESETS}
    assert {"エックスサーバー", "さくらのレンタルサーバ", "ロリポップ!", "ConoHa WING", "お名前.com", "Gmail",
            "iCloud メール", "Yahoo!メール"} <= names
    xserver = preset(PresetId.XSERVER)
    assert xserver is not None and fill_host(xserver.imap_host, "12345") == "sv12345.xserver.jp"
    assert fill_host("sv{}.xserver.jp", "123") == "sv123.xserver.jp"
    gmail = preset(PresetId.GMAIL)
    assert gmail is not None and gmail.app_password and gmail.server_saves_sent
    assert all(p.imap_security in (Security.SSL, Security.STARTTLS) for p in PRESETS)


def test_account_ids_are_readable_and_unique() -> None:
    assert new_account_id("Shop@Example.jp", set()) == "shop-example-jp"
    assert new_account_id("shop@example.jp", {"shop-example-jp"}) == "shop-example-jp-2"


def test_iso_2022_jp_flags_what_it_cannot_carry() -> None:
    found = unencodable("お届けは①番の倉庫から、髙橋がｶﾀｶﾅで😀", Charset.ISO2022JP)
    assert [u.char for u in found] == ["①", "髙", "ｶ", "ﾀ", "ｶ", "ﾅ", "😀"]
    assert unencodable("①髙😀", Charset.UTF8) == []
    with pytest.raises(ValueError, match="①"):
        build_message(sender=Address("店", "shop@example.jp"), to=[Address("", "c@example.jp")], subject="件名",
                      body="①をご確認ください", charset=Charset.ISO2022JP)


def test_built_message_round_trips_through_our_parser() -> None:
    from app.mail.parse import parse_message

    for charset in Charset:
        out = build_message(sender=Address("テスト商店", "shop@example.jp"), to=[Address("佐藤 花子", "h@example.jp")],
                            subject="Re: ドレスの納期", body="佐藤様\nありがとうございます。\n", charset=charset,
                            in_reply_to="<a@example.jp>", references=["<a@example.jp>"])
        message = parse_message(out.raw)
        assert message.subject == "Re: ドレスの納期"
        assert message.sender == Address("テスト商店", "shop@example.jp")
        assert "ありがとうございます" in message.body
        assert message.in_reply_to == "<a@example.jp>"
        assert out.message_id.endswith("@example.jp>") and out.recipients == ("h@example.jp",)
        assert json.dumps(out.recipients)
