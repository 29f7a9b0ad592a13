"""署名とあいさつ for a new shop owner: after adding their own account (real Dovecot and aiosmtpd)
the dialog shows that account only, never the demo shops, and an empty signature says how to fill
it in; the demo shops appear only while the demo mailbox is all the shop uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.demo import prepare_demo_mailbox
from app.identity import DEMO_IDENTITIES, ShopIdentity, identities_to_edit
from app.model import Address
from app.settings import SHOP_IDENTITIES, load_settings
from app.store.db import open_database
from tests.ui.test_account_flow import _add_account, servers, window  # noqa: F401
from ui.main_window import MainWindow
from ui.signature_dialog import SignatureDialog

DEMO_WORDS = ("ルミエール", "三浦", "03-5555-0123", "こむぎ", "いとへん")


def _shown(qtbot: QtBot, trigger: object) -> dict[str, object]:
    """What the modal 署名とあいさつ shows when it opens (then it is cancelled)."""
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignatureDialog):
            seen["choices"] = [dialog.choice.itemText(i) for i in range(dialog.choice.count())]
            seen["texts"] = (dialog.name.text(), dialog.email.text(), dialog.greeting.toPlainText(),
                             dialog.signature.toPlainText())
            seen["placeholder"] = dialog.signature.placeholderText()
            seen["greeting_placeholder"] = dialog.greeting.placeholderText()
            dialog.reject()
        elif isinstance(dialog, QWidget):
            dialog.close()
            seen["other"] = type(dialog).__name__

    QTimer.singleShot(300, look)
    trigger()  # type: ignore[operator]
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen


def test_a_new_owner_with_their_own_account_sees_only_it(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, servers,  # noqa: F811
) -> None:
    dovecot, smtp = servers
    _add_account(qtbot, window, dovecot, smtp)
    seen = _shown(qtbot, window.compose.signatures_action.trigger)
    assert "other" not in seen
    choices = seen["choices"]
    assert isinstance(choices, list) and len(choices) == 1 and "alice@example.jp" in choices[0]
    shown = " ".join(map(str, [*choices, *seen["texts"]]))  # type: ignore[misc]
    for words in DEMO_WORDS:
        assert words not in shown, words
    _name, email, greeting, signature = seen["texts"]  # type: ignore[misc]
    assert email == "alice@example.jp" and greeting == "" and signature == ""
    # The empty signature says what goes there, as an example in the shop's own terms.
    placeholder = str(seen["placeholder"])
    assert placeholder.startswith("例") and "お店の名前" in placeholder and "TEL" in placeholder
    assert "ルミエール" not in placeholder and "例" in str(seen["greeting_placeholder"])


def test_the_demo_shops_only_while_the_demo_mailbox_is_all_the_shop_uses(qtbot: QtBot, tmp_path: Path) -> None:
    demo = prepare_demo_mailbox(tmp_path / "demo-mailbox")
    win = MainWindow(demo, load_settings(tmp_path / "settings.json"),
                     QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                     db=open_database(tmp_path / "mail.sqlite3"))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.mailbox.mailbox_opened, timeout=10000):
        win.show()
    assert win.mailbox.demo_in_use()
    seen = _shown(qtbot, win.compose.signatures_action.trigger)
    assert len(seen["choices"]) == len(DEMO_IDENTITIES)  # type: ignore[arg-type]
    win.runner.wait_all(5000)


def test_a_shops_own_folder_without_an_account_gets_an_empty_identity_to_fill(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow,  # noqa: F811
) -> None:
    assert not window.mailbox.demo_in_use()  # a plain copy of mail, not the demo's marked copy
    seen = _shown(qtbot, window.compose.signatures_action.trigger)
    assert seen["choices"] == ["（新しい差出人）"] and seen["texts"] == ("", "", "", "")


def test_saving_keeps_the_owners_identity_and_no_demo_shop(qtbot: QtBot, tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "settings.json")
    dialog = SignatureDialog(settings, "", own=[Address("ひなた雑貨", "shop@hinata.example.jp")],
                             demo_in_use=True)
    qtbot.addWidget(dialog)
    assert dialog.choice.count() == 1 and dialog.email.text() == "shop@hinata.example.jp"
    dialog.signature.setPlainText("ひなた雑貨\n店主 日向")
    dialog.accept()
    saved = load_settings(tmp_path / "settings.json").get(SHOP_IDENTITIES)
    assert saved == [ShopIdentity("ひなた雑貨", "shop@hinata.example.jp", "", "ひなた雑貨\n店主 日向").to_dict()]


def test_what_the_dialog_is_given_to_edit() -> None:
    own = [Address("ひなた雑貨", "shop@hinata.example.jp")]
    saved_demo = [i.to_dict() for i in DEMO_IDENTITIES]
    edited = [DEMO_IDENTITIES[0].to_dict() | {"signature": "うちの署名"}]
    assert identities_to_edit([], own, demo_in_use=True) == [ShopIdentity("ひなた雑貨", "shop@hinata.example.jp",
                                                                           "", "")]
    assert identities_to_edit([], (), demo_in_use=True) == list(DEMO_IDENTITIES)
    assert identities_to_edit([], (), demo_in_use=False) == [ShopIdentity("", "", "", "")]
    # Unedited demo shops saved while trying the demo leave once the shop has its own account…
    assert [i.email for i in identities_to_edit(saved_demo, own, True)] == ["shop@hinata.example.jp"]
    # …but what the owner edited stays (it is theirs now), with their account beside it.
    assert [i.signature for i in identities_to_edit(edited, own, False)] == ["うちの署名", ""]
