"""One wording idiom (issue 17): every member of every worded enum has a sentence, in Japanese and in English."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.model import CueKind, FindingKind, HighlightKind
from app.outbox import DueKind, HoldReason, OutboxItem, OutboxState, RefusalKind, SendProblem
from app.sources.base import Folder, FolderRole
from app.sources.errors import ConnectProblem
from ui import wording
from ui.i18n import Translations
from ui.wording import accounts, outbox
from ui.wording.errors import error_text

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# Each worded enum with the function that words a member (folder roles: all but OTHER, which
# shows the provider's own name).
WORDED: list[tuple[type[Enum], Callable[[Enum], str], set[Enum]]] = [
    (FolderRole, lambda r: wording.folder_label(Folder("x", "x", FolderRole(r))), {FolderRole.OTHER}),
    (HighlightKind, lambda k: wording.kind_label(HighlightKind(k)), set()),
    (HighlightKind, lambda k: wording.kind_hint(HighlightKind(k)), set()),
    (CueKind, lambda k: wording.cue_text(CueKind(k).value), set()),
    (FindingKind, lambda k: wording.finding_label(FindingKind(k)), set()),
    (ConnectProblem, lambda p: accounts.connect_problem(ConnectProblem(p)), set()),
    (OutboxState, lambda s: accounts.outbox_state(OutboxState(s)), set()),
    (SendProblem, lambda p: accounts.send_problem(SendProblem(p)), set()),
    (SendProblem, lambda p: accounts.send_problem(SendProblem(p), oauth=True), set()),
    (RefusalKind, lambda k: accounts.refusal_advice(RefusalKind(k)), set()),
    (DueKind, lambda k: wording.word(outbox.DUE_STATES[DueKind(k)]), set()),
    (HoldReason, lambda r: wording.word(outbox.HOLD_REASONS[HoldReason(r)]), set()),
]


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    translations = Translations(qapp)

    def use(code: str) -> None:
        assert translations.apply(code)

    yield use
    translations.apply("ja")


def _texts() -> list[tuple[str, str]]:
    return [(f"{enum.__name__}.{member.name}", word(member))
            for enum, word, silent in WORDED for member in enum if member not in silent]


def test_every_member_of_every_worded_enum_is_worded_in_japanese_and_english(
    language: Callable[[str], None],
) -> None:
    language("ja")
    japanese = _texts()
    language("en")
    english = _texts()
    for (name, ja), (_, en) in zip(japanese, english, strict=True):
        assert ja and JAPANESE.search(ja), f"{name}: no Japanese sentence ({ja!r})"
        # English may quote a Japanese expression (「Too many させていただく」), never stay Japanese.
        assert en != ja and re.search("[A-Za-z]{2}", en), f"{name}: no English sentence ({en!r})"


def test_errors_are_worded_once_with_the_cure_for_the_kind_of_account(language: Callable[[str], None]) -> None:
    from app.sources.errors import AuthExpired, ServerRejected

    language("ja")
    assert "パスワード" in error_text(AuthExpired("535"))
    assert "ログイン" in error_text(AuthExpired("invalid_grant"), oauth=True)
    assert error_text(ServerRejected("552 too big")).endswith("552 too big")
    language("en")
    assert "552 too big" in error_text(ServerRejected("552 too big"))
    assert not JAPANESE.search(error_text(FileNotFoundError(2, "No such file")))


def test_the_store_refusing_mid_session_is_worded_without_sqlite_s_english(
    language: Callable[[str], None], tmp_path: Any
) -> None:
    """A full disk, a store made read-only or found damaged while the window runs: real SQLite
    errors, said as what happened and what to do — never 「OperationalError」 or SQLite's words."""
    import errno
    import sqlite3

    from app.store.drafts import DraftNotSaved

    path = tmp_path / "s.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.commit()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as refused:
        read_only.execute("INSERT INTO t VALUES (1)")
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database at all" * 100)
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        sqlite3.connect(tmp_path / "junk.sqlite3").execute("SELECT * FROM sqlite_master").fetchall()
    full = sqlite3.OperationalError("database or disk is full")  # as SQLite says it (no errorcode when made here)
    nowhere = DraftNotSaved("database or disk is full; journal: No space left on device",
                            OSError(errno.ENOSPC, "No space left on device"))
    too_long = DraftNotSaved("…", OSError(errno.EFBIG, "draft journal slot too small"))
    language("ja")
    said = {name: error_text(error) for name, error in
            (("read_only", refused.value), ("damaged", damaged.value), ("full", full), ("draft", nowhere),
             ("too_long", too_long))}
    for name, text in said.items():
        assert JAPANESE.search(text) and not re.search(r"[A-Za-z]{4,}", text), (name, text)
    assert "読み取り専用" in said["read_only"] and "壊れている" in said["damaged"]
    assert "空き" in said["full"] and "空き" in said["draft"] and "画面に残っています" in said["draft"]
    assert "長すぎ" in said["too_long"]
    language("en")
    for error in (refused.value, damaged.value, full, nowhere, too_long):
        assert not JAPANESE.search(error_text(error)), error_text(error)


def test_fill_names_its_placeholders_and_survives_a_stray_one() -> None:
    assert wording.fill("「{text}」に一致: {count} 件", text="ドレス", count=2) == "「ドレス」に一致: 2 件"
    assert wording.fill("{unknown} と {text}", text="a") == "{unknown} と a"
    assert wording.fill("{broken", text="a") == "{broken"


def _item(**changes: Any) -> OutboxItem:
    """An outbox item due at Monday 9:00 (a 予約 outside service hours), with `changes`."""
    from app.service_hours import JST

    at = datetime(2026, 12, 7, 9, 0, tzinfo=JST)
    item = OutboxItem(1, "shop", "<r@x>", OutboxState.QUEUED, None, "", 0, "Re: ドレス", ("c@example.jp",), None,
                      False, False, at, None, due_at=at, due_kind=DueKind.HOURS)
    return replace(item, **changes)


def test_the_outbox_words_its_time_and_its_holds_with_every_placeholder_filled(
    language: Callable[[str], None],
) -> None:
    from app.outbox import Hold
    from app.service_hours import JST

    hold = Hold(HoldReason.CUSTOMER_WROTE, "山田花子", "サイズについて", datetime(2026, 12, 7, 8, 12, tzinfo=JST))
    held = _item(state=OutboxState.HELD, hold=hold, due_kind=DueKind.NOW)
    late = _item(state=OutboxState.SENT, sent_at=datetime(2026, 12, 7, 10, 35, tzinfo=JST))
    items = [_item(), held, _item(due_kind=DueKind.UNDO), _item(state=OutboxState.FAILED, due_kind=DueKind.NOW)]
    for code in ("ja", "en"):
        language(code)
        texts = [outbox.state_text(items[0]), outbox.state_text(held), outbox.hold_text(held),
                 outbox.late_text(late), outbox.summary_text(items), outbox.countdown_text(7),
                 outbox.scheduled_text(items[0])]
        for text in texts:
            assert text and "{" not in text, text
        # The time in the UI's language (Japan time either way): no Japanese date in the English UI.
        when = "12月7日(月) 9:00" if code == "ja" else "Mon, Dec 7, 9:00"
        assert when in texts[0] and when in texts[6] and "山田花子" in texts[2] and "サイズについて" in texts[2]
        assert outbox.send_time(datetime(2026, 12, 6, 23, 30, tzinfo=UTC)) == (
            "12月7日(月) 8:30" if code == "ja" else "Mon, Dec 7, 8:30")  # 23:30 UTC is Monday morning in Japan
        assert ("月)" in texts[3]) == (code == "ja")  # the late note's time too
        assert "Re: ドレス" in texts[2] and "7" in texts[5]
        assert ("1時間35分" if code == "ja" else "1 h 35 min") in texts[3]
    assert outbox.summary_text(items).count("1") >= 3  # 予約 1, 保留 1, failed 1 (the undoable one is waiting)
    assert timedelta(minutes=95) == late.late_by
