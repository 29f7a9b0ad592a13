"""The side panel as a new user meets it on a chatty mail and on a 1024×700 screen (QA run, items 1 and 2)."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.model import Highlight, HighlightKind, Insight
from ui.insight_panel import InsightDelegate, InsightPanel
from ui.models import InsightModel, Role


def _chatty_mail() -> tuple[str, Insight]:
    """28 things told about themselves, then two requests, one with a worry linked under it."""
    parts: list[tuple[HighlightKind, str]] = [
        (HighlightKind.DISCLOSURE, f"編み物を始めて{i}年になります。") for i in range(28)
    ]
    parts += [(HighlightKind.REQUEST, "同じ毛糸をもう二玉お願いできますか。"),
              (HighlightKind.WORRY, "色が揃うか心配です。"),
              (HighlightKind.REQUEST, "送料も教えてください。")]
    body = ""
    spans = []
    for kind, text in parts:
        spans.append((kind, len(body), len(body) + len(text)))
        body += text
    worry_index = len(parts) - 2
    highlights = tuple(
        Highlight(kind, start, end, "毛糸", links=(worry_index,) if i == len(parts) - 3 else ())
        for i, (kind, start, end) in enumerate(spans)
    )
    return body, Insight(highlights=highlights)


def test_requests_come_first_then_worries_then_disclosures(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    body, insight = _chatty_mail()
    model = InsightModel()
    model.set_insight(body, insight)
    qtmodeltester.check(model)
    kinds = [model.index(row, 0).data(Role.KIND) for row in range(model.rowCount())]
    assert kinds == [HighlightKind.REQUEST.value, HighlightKind.WORRY.value, HighlightKind.DISCLOSURE.value]
    requests = model.highlight_indexes(HighlightKind.REQUEST)
    assert model.text_of(requests[0].data(Role.HIGHLIGHT)).startswith("同じ毛糸")
    # The worry linked under its request stays there.
    assert "心配" in model.index(0, 0, requests[0]).data()


def test_a_chatty_mails_requests_are_above_the_fold(qtbot: QtBot) -> None:
    body, insight = _chatty_mail()
    panel = InsightPanel()
    qtbot.addWidget(panel)
    panel.resize(370, 560)  # the panel at 1366×768
    panel.show()
    panel.set_insight(body, insight)
    qtbot.waitUntil(lambda: panel.view.visualRect(panel.model.highlight_indexes(HighlightKind.REQUEST)[-1]).isValid())
    viewport = panel.view.viewport().rect()
    for index in panel.model.highlight_indexes(HighlightKind.REQUEST):
        assert viewport.contains(panel.view.visualRect(index)), "a request sits below the fold"


def test_an_item_wraps_to_two_lines_in_a_narrow_panel(qtbot: QtBot) -> None:
    panel = InsightPanel()
    qtbot.addWidget(panel)
    panel.resize(276, 500)  # the panel at 1024×700
    panel.show()
    qtbot.waitExposed(panel)
    delegate = panel.view.itemDelegate()
    assert isinstance(delegate, InsightDelegate)
    metrics = QFontMetrics(panel.view.font())
    option = QStyleOptionViewItem()
    option.initFrom(panel.view)
    option.widget = panel.view  # type: ignore[attr-defined]
    panel.set_insight("あ", Insight(highlights=(Highlight(HighlightKind.REQUEST, 0, 1, "毛糸"),)))
    room = delegate.text_width(option, panel.model.highlight_indexes(HighlightKind.REQUEST)[0])
    # A request one and a third times as wide as the room for it: two lines show all of it.
    request = ""
    while metrics.horizontalAdvance(request) < room * 1.3:
        request += "ご注文の毛糸と同じ色"[len(request) % 10]
    long_one = request + "それから" * 40  # far longer: two lines, the second one elided
    body = request + "。" + long_one
    insight = Insight(highlights=(
        Highlight(HighlightKind.REQUEST, 0, len(request), "毛糸"),
        Highlight(HighlightKind.REQUEST, len(request) + 1, len(body), "毛糸"),
    ))
    panel.set_insight(body, insight)
    first, second = panel.model.highlight_indexes(HighlightKind.REQUEST)
    lines = delegate.text_lines(option, first)
    assert len(lines) == 2 and "".join(lines) == request  # all of it, no hover needed
    cut = delegate.text_lines(option, second)
    assert len(cut) == 2 and cut[-1].endswith("…")
    # The row is tall enough for both lines and the topic.
    qtbot.waitUntil(lambda: panel.view.visualRect(first).height() >= metrics.height() * 3)


def test_both_tabs_show_in_english_at_1024(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    from ui.i18n import Translations
    from ui.right_column import RightColumn

    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    column = RightColumn(InsightPanel(), QLabel("profile"))
    qtbot.addWidget(column)
    try:
        assert translations.apply("en")
        column.resize(276, 600)  # the column at 1024×700: tabbed
        column.show()
        qtbot.waitUntil(lambda: column.tabbed and column.tabs.tabText(0) != "お客様のお話")
        column.set_customer_note(True)
        bar = column.tabs.tabBar()
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        assert needed <= column.width(), f"the tabs need {needed} px of {column.width()}"
        assert not bar.usesScrollButtons()
    finally:
        translations.apply("ja")
