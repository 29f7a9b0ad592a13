"""Replying in the shop's own Maildir before 署名とあいさつ is filled in: from the address the customer
wrote to, with nothing of a demo shop's, and a draft taken up again opens at the agent's words."""

from __future__ import annotations

import mailbox
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.context import Changes
from tests.ui.driver import Driver, ime_commit
from ui.main_window import MainWindow

SHOP = timezone(timedelta(hours=9))
TYPED = "お問い合わせありがとうございます。三個セットの在庫がございます。"


def _own_maildir(root: Path) -> Path:
    path = root / "ひなた雑貨"
    box = mailbox.Maildir(path, create=True)
    message = EmailMessage()
    message["From"] = "山本 花子 <hanako@example.jp>"
    message["To"] = "ひなた雑貨 <info@hinata.example.jp>"
    message["Subject"] = "ラベンダー石鹸の在庫について"
    message["Date"] = format_datetime(datetime(2026, 11, 2, 10, 0, tzinfo=SHOP))
    message["Message-ID"] = "<lavender-own@example.jp>"
    message.set_content("ひなた雑貨 御中\n\n三個セットの在庫はありますか。\n\n山本 花子\n")
    box.add(mailbox.MaildirMessage(message))
    box.close()
    return path


def test_an_unsigned_reply_in_the_own_maildir_reopens_at_the_agents_words(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Taken up again (a closed draft, an undo, a failed send), an unsigned reply put the caret at the
    end of the body, under the quote: the view showed the customer's quoted mail as if the agent's
    words were gone (walkthrough, SMTP down)."""
    driver = Driver(qtbot, window)
    with driver.waiting(Changes.HEADERS):
        assert window.open_local_mailbox(_own_maildir(tmp_path))
    driver.open("ラベンダー石鹸の在庫について", wait=Changes.MESSAGE)
    driver.reply(wait_review=False)
    composer = window.compose.composer
    draft = composer.current_draft()
    assert draft is not None
    assert draft.sender.email == "info@hinata.example.jp"  # the address the customer wrote to
    assert "ルミエール" not in draft.body and "三浦" not in draft.body
    ime_commit(composer.editor, TYPED)
    window.compose.close()
    assert not window.compose.composing
    window.runner.wait_all(5000)

    driver.reply(wait_review=False)
    body = composer.editor.toPlainText()
    assert TYPED in body and "> 三個セットの在庫はありますか。" in body
    assert composer.editor.textCursor().position() == body.index(TYPED) + len(TYPED)
