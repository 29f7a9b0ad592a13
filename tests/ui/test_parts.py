"""Window parts that need no mailbox: offsets, language choice, display check, task runner."""

from __future__ import annotations

import threading
from datetime import datetime

from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from app.model import Address, Highlight, HighlightKind, Insight
from app.sources.base import Header, MessageRef
from ui.i18n import language_for
from ui.main import has_display
from ui.models import InsightModel, MessageListModel, Role, elide, format_date
from ui.tasks import ANALYSIS, TaskRunner
from ui.textmap import OffsetMap


def test_offset_map_counts_utf16_and_merged_crlf() -> None:
    body = "ab\r\ncd😀ef\nx"
    mapping = OffsetMap(body)
    # "e" is body index 7; before it Qt sees a, b, \n, c, d and a surrogate pair.
    assert mapping.to_doc(body.index("e")) == 7
    assert mapping.to_doc(body.index("c")) == 3
    assert mapping.to_body(7) == body.index("e")
    plain = "こんにちは"
    assert OffsetMap(plain).to_doc(3) == 3


def test_language_choice() -> None:
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    japanese = QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
    assert language_for(None, "", japanese) == "ja"
    assert language_for(None, "", english) == "en"
    assert language_for(None, "ja", english) == "ja"
    assert language_for("en_US", "ja", japanese) == "en"
    assert language_for("fr", "", japanese) == "ja"  # unsupported: fall through to the locale


def test_display_detection() -> None:
    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not has_display({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert has_display({}, "win32")


def test_run_app_without_display_prints_one_japanese_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from ui import main

    monkeypatch.setattr(main, "has_display", lambda: False)
    assert main.run_app(None, None) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "xvfb-run -a make run" in out[0] and "ディスプレイ" in out[0]


def test_stale_results_are_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    got: list[str] = []

    def slow() -> str:
        release.wait(10)
        return "old"

    runner.submit(ANALYSIS, slow, got.append, slot="reader")
    runner.submit(ANALYSIS, lambda: "new", got.append, slot="reader")
    qtbot.waitUntil(lambda: got == ["new"], timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: runner.running == 0, timeout=5000)
    assert got == ["new"]


def test_failures_reach_the_error_callback(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("broken")

    runner.submit("mail:x", boom, None, lambda failure: errors.append(failure.error))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_callbacks_run_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[bool, bool]] = []
    gui = threading.current_thread()
    runner.submit(
        ANALYSIS, lambda: threading.current_thread() is gui,
        lambda worker_was_gui: seen.append((worker_was_gui, threading.current_thread() is gui)),
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(False, True)]


def test_insight_model_links_worry_under_request(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    body = "娘の結婚式があります。サイズ交換はできますか。間に合うか心配です。"
    worry = Highlight(HighlightKind.WORRY, body.index("間に合う"), len(body), "納期", links=(1,))
    request = Highlight(HighlightKind.REQUEST, body.index("サイズ"), body.index("間に合う"), "交換", links=(2,))
    disclosure = Highlight(HighlightKind.DISCLOSURE, 0, body.index("サイズ"), "結婚式")
    model = InsightModel()
    model.set_insight(body, Insight(highlights=(disclosure, request, worry)))
    qtmodeltester.check(model)
    requests = model.highlight_indexes(HighlightKind.REQUEST)
    assert len(requests) == 1
    child = model.index(0, 0, requests[0])
    assert child.data(Role.HIGHLIGHT_INDEX) == 2
    assert model.parent(child) == requests[0]
    assert "心配" in child.data()


def test_message_model_batches_and_bold(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = MessageListModel()
    model.BATCH = 3
    headers = [
        Header(
            MessageRef("", str(i)), f"件名{i}", Address("", f"a{i}@ex.jp"), datetime(2026, 1, i + 1), i % 2 == 0, 9
        )
        for i in range(7)
    ]
    model.set_headers(headers)
    assert model.rowCount() == 3 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 7
    assert model.index(1, 1).data(Qt.ItemDataRole.FontRole).bold()  # FontRole on an unread row
    model.set_seen(MessageRef("", "1"))
    assert model.index(1, 1).data(Qt.ItemDataRole.FontRole) is None
    assert model.unread_count() == 2


def test_small_formatting_helpers() -> None:
    assert elide("あ" * 100, 10) == "あ" * 9 + "…"
    assert elide("改行\nも  空白も", 40) == "改行 も 空白も"
    now = datetime(2026, 5, 1, 18, 0)
    assert format_date(datetime(2026, 5, 1, 9, 5), now) == "09:05"
    assert format_date(datetime(2025, 12, 31, 9, 5), now) == "2025/12/31 09:05"


def test_parse_notes_are_worded_briefly() -> None:
    """Issue 16 (10): plain words in the banner, codec names only in its tooltip, and nothing
    at all for ordinary Japanese mail (Shift_JIS read as CP932, JIS with NEC characters)."""
    from app.model import NoteKind, ParseNote
    from ui.wording import note_detail, note_text

    plain = "文字化けを防ぐため、文字コードを推定して表示しています"
    mislabelled = ParseNote(NoteKind.CHARSET_MISLABELLED, "part 1: declared=shift_jis used=cp932")
    assert note_text(mislabelled) == plain
    assert note_detail(mislabelled) == "文字コード: shift_jis → cp932"
    guessed = ParseNote(NoteKind.CHARSET_GUESSED, "declared=none used=cp932")
    assert note_text(guessed) == plain and note_detail(guessed) == "文字コード: cp932"
    for superset in (ParseNote(NoteKind.CHARSET_SUPERSET, "body: declared=shift_jis used=cp932"),
                     ParseNote(NoteKind.CHARSET_SUPERSET, "body: declared=iso-2022-jp used=cp50220")):
        assert note_text(superset) is None
    for note in (mislabelled, guessed, ParseNote(NoteKind.DECODE_REPLACED, "declared=utf-8 used=utf-8")):
        text = note_text(note) or ""
        assert not any(name in text.lower() for name in ("cp932", "cp50220", "shift_jis", "utf-8", "iso-2022"))
    assert note_text(ParseNote(NoteKind.HEADER_REPAIRED, "subject: broken encoded word")) == (
        "件名または差出人の表記が壊れていたため、修復して表示しています"
    )
    assert note_text(ParseNote(NoteKind.REMOTE_IMAGES_BLOCKED, "1")) is None


def test_installed_pyside_does_not_drop_references_to_none_and_true() -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None per void call and to True
    per emit, until the interpreter aborts; pyproject pins a release without that bug."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(500):
        probe.setObjectName("x")
        probe.ping.emit()
    assert sys.getrefcount(None) >= none_before - 5
    assert sys.getrefcount(True) >= true_before - 5


def test_reader_shows_cid_images_of_the_mail_itself(qtbot: QtBot) -> None:
    from pathlib import Path

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from app.mail.parse import parse_message
    from ui.reader import ReaderView

    raw = (Path(__file__).resolve().parents[1] / "data" / "mail" / "34_html_cid_image.eml").read_bytes()
    message = parse_message(raw)
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_message(message)
    image = reader.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("cid:photo1@example.jp"))
    assert isinstance(image, QImage) and (image.width(), image.height()) == (1, 1)
    assert image.pixelColor(0, 0).alpha() > 0  # the mail's own pixel, not the transparent placeholder
    # An unknown cid stays blank (never a fetch, never a broken-image icon).
    other = reader.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("cid:nope@example.jp"))
    assert isinstance(other, QImage) and other.width() == 1
    assert 'src="cid:photo1@example.jp"' in (message.html or "")


def test_reader_shows_where_a_contact_form_mail_is_answered(qtbot: QtBot) -> None:
    from datetime import datetime

    from app.model import Address, Message
    from ui.reader import ReaderView

    reader = ReaderView()
    qtbot.addWidget(reader)
    form = Message(subject="お問い合わせ", sender=Address("お問い合わせフォーム", "no-reply@form.example.jp"),
                   date=datetime(2025, 11, 12, 9, 0), body="お名前：山田 花子",
                   reply_to=(Address("山田 花子", "hanako@example.com"),))
    reader.show_message(form)
    assert "返信先: 山田 花子 <hanako@example.com>" in reader.sender_label.text()
    plain = Message(subject="件名", sender=Address("佐藤", "sato@example.com"), date=None, body="本文",
                    reply_to=(Address("", "sato@example.com"),))
    reader.show_message(plain)
    assert "返信先" not in reader.sender_label.text()  # Reply-To the sender itself says nothing new
