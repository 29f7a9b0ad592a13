"""One wording idiom (issue 17): every member of every worded enum has a sentence, in Japanese and in English."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import Enum

import pytest
from PySide6.QtWidgets import QApplication

from app.model import CueKind, FindingKind, HighlightKind
from app.outbox import OutboxState, SendProblem
from app.sources.base import Folder, FolderRole
from app.sources.errors import ConnectProblem
from ui import wording
from ui.i18n import Translations
from ui.wording import accounts
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


def test_fill_names_its_placeholders_and_survives_a_stray_one() -> None:
    assert wording.fill("「{text}」に一致: {count} 件", text="ドレス", count=2) == "「ドレス」に一致: 2 件"
    assert wording.fill("{unknown} と {text}", text="a") == "{unknown} と a"
    assert wording.fill("{broken", text="a") == "{broken"
