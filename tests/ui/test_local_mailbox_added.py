"""A Maildir added in ファイル → メールアカウントを追加 opens at once (QA: it opened only after a restart).

The shop owner who chose 「このパソコンのメールフォルダ」 saw nothing happen; now the window opens it the
way `aizuchi run PATH` does, in place of the demo, and its mail is in the customer records and the
search as the demo's was. Search looks only where the window can open a mail: the demo's mail, no
longer shown, is not found any more.
"""

from __future__ import annotations

import mailbox
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.settings import LOCAL_MAILBOX
from app.sources.base import FolderRole
from tests.ui.driver import Driver
from ui.account_dialog import AccountDialog
from ui.main_window import MainWindow

JST = timezone(timedelta(hours=9))
LOCAL_CHOICE = "このパソコンのメールフォルダ（Maildir / mbox）"


def _mail(number: int, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "山本 花子 <hanako@example.jp>"
    message["To"] = "shop@example.jp"
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime(2026, 11, number, 10, 0, tzinfo=JST))
    message["Message-ID"] = f"<lavender-{number}@example.jp>"
    message.set_content(body)
    return message


def _shop_maildir(root: Path) -> Path:
    """The shop's own Maildir, as another mail program left it: two mails from one customer."""
    path = root / "お店のメール"
    box = mailbox.Maildir(path, create=True)
    box.add(mailbox.MaildirMessage(_mail(2, "ラベンダー石鹸の在庫について", "株式会社ひなた雑貨 御中\n\n"
                                         "母の誕生日にラベンダー石鹸を贈りたいと思っています。\n"
                                         "三個セットの在庫はありますか。\n\n山本 花子\n")))
    box.add(mailbox.MaildirMessage(_mail(5, "ラベンダー石鹸が届きました", "株式会社ひなた雑貨 御中\n\n"
                                         "先日注文したラベンダー石鹸が届きました。母もとても喜んでいます。\n\n"
                                         "山本 花子\n")))
    box.close()
    return path


def _add_local(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    dialog = window.account_control.open_account_dialog()
    assert isinstance(dialog, AccountDialog)
    labels = [dialog.preset_combo.itemText(i) for i in range(dialog.preset_combo.count())]
    dialog.preset_combo.setCurrentIndex(labels.index(LOCAL_CHOICE))
    dialog.local_path.setText(str(path))
    with qtbot.waitSignal(dialog.checked, timeout=10000) as blocker:
        dialog.check_local(str(path))
    assert blocker.args == [True]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()


def test_an_added_maildir_opens_at_once_and_is_in_the_records_and_the_search(
    qtbot: QtBot, memory_window: MainWindow, tmp_path: Path
) -> None:
    win = memory_window
    driver = Driver(qtbot, win)
    own = _shop_maildir(tmp_path)
    demo_folders = [win.folder_model.folder(r).name for r in range(win.folder_model.rowCount())]
    assert win.windowTitle() == "demo — 相槌"  # a copy, named by its folder (the real demo: お試し用のメール)
    assert len(demo_folders) >= 2  # the demo: 受信トレイ and 送信済み

    with driver.waiting_all(Changes.HEADERS, Changes.MEMORY_BUILT, timeout=60000):
        _add_local(qtbot, win, own)

    # Shown now, no restart: its folders, its inbox listed, and kept for the next start.
    assert win.ctx is not None and win.ctx.mailbox_path == own.resolve()
    folders = [win.folder_model.folder(r) for r in range(win.folder_model.rowCount())]
    assert [f.role for f in folders] == [FolderRole.INBOX]
    assert win.mailbox.mail_account == "local" and win.mailbox.current_folder == folders[0]
    assert sorted(h.subject for h in driver.headers()) == ["ラベンダー石鹸が届きました", "ラベンダー石鹸の在庫について"]
    assert win.mailbox.settings.get(LOCAL_MAILBOX) == str(own.resolve())
    assert win.windowTitle() == "お店のメール — 相槌"  # which mailbox is open, once the message is gone

    # Readable, analysed, and its customer counted in the records (both of her mails).
    driver.open("ラベンダー石鹸の在庫について", wait=Changes.PROFILE)
    message = win.reader.message
    assert message is not None and "三個セットの在庫はありますか" in message.body
    assert win.insight.current is not None and win.insight.current.highlights
    driver.open("ラベンダー石鹸が届きました", wait=Changes.PROFILE)
    profile = win.customer_panel.profile
    assert profile is not None and profile.mail_count == 2  # her later mail: both counted

    # Searched like the demo was; the demo's mail, not in the window any more, is not offered.
    driver.search("ラベンダー")
    panel = win.search_panel
    assert panel.model.mail_total == 2
    assert "メールボックス「お店のメール」の全フォルダ" in panel.summary.text()
    assert "準備中" not in panel.summary.text()
    driver.search("ケーキ")  # the demo's birthday-cake mail, and what its made-up customers told
    assert panel.model.mail_total == 0 and panel.model.memory_count == 0

    # A hit opens from the new mailbox.
    driver.search("在庫")
    assert panel.model.mail_total == 1
    row = panel.model.memory_count  # the first mail hit, after the records' hits
    with driver.waiting(Changes.MESSAGE):
        panel.results.activated.emit(panel.model.index(row, 0))
    shown = win.reader.message
    assert shown is not None and shown.subject == "ラベンダー石鹸の在庫について"


def test_the_customer_tabs_mark_goes_with_the_mail_it_was_about(qtbot: QtBot, memory_window: MainWindow) -> None:
    """The ● on 「このお客様について」 stayed after the folder changed, over an empty panel (walkthrough)."""
    win = memory_window
    driver = Driver(qtbot, win)
    column = win.right_column
    column.resize(276, 600)  # tabbed, as at 1024×700: the mark is on the tab
    qtbot.waitUntil(lambda: column.tabbed)
    driver.open("今年もクリスマスケーキの予約", wait=Changes.PROFILE)  # the allergy customer, a year later
    qtbot.waitUntil(lambda: column.tabs.tabText(1).endswith("●"))
    sent = next(r for r in range(win.folder_model.rowCount()) if win.folder_model.folder(r).role is FolderRole.SENT)
    with driver.waiting(Changes.HEADERS):
        win.mailbox.folder_view.setCurrentIndex(win.folder_model.index(sent, 0))
    assert not column.tabs.tabText(1).endswith("●")
    with driver.waiting(Changes.HEADERS):
        win.mailbox.folder_view.setCurrentIndex(win.folder_model.index(0, 0))
    driver.open("今年もクリスマスケーキの予約", wait=Changes.PROFILE)
    qtbot.waitUntil(lambda: column.tabs.tabText(1).endswith("●"))
    with driver.waiting(Changes.MESSAGE):  # another mail opening: not about the customer before
        win.message_view.selectRow(driver.row(lambda h: "店頭受け取り" in h.subject))
    assert not column.tabs.tabText(1).endswith("●")


def test_the_demo_is_called_the_demo(qtbot: QtBot, tmp_path: Path) -> None:
    """A new shop owner's first start: the title and the search name the demo as such, not
    "demo-mailbox" (the folder its copy lives in)."""
    from PySide6.QtCore import QSettings

    from app.demo import prepare_demo_mailbox
    from app.settings import load_settings

    demo = prepare_demo_mailbox(tmp_path / "demo-mailbox")
    win = MainWindow(demo, load_settings(tmp_path / "settings.json"),
                     QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    with Driver(qtbot, win).waiting(Changes.HEADERS):
        win.show()
    assert win.windowTitle() == "お試し用のメール（デモ） — 相槌"
    assert win.mailbox.mailbox_name() == "お試し用のメール（デモ）"
    win.memory.stop_build()
    win.runner.wait_all(5000)
