"""A mail that repeats one sentence hundreds of times (a pasted log, a contact form sent in a loop)
does not flood the side panel: identical highlighted sentences are one row with their count, which
shows the first place; the other highlights keep their own rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.analysis import analyze
from app.model import HighlightKind
from ui.insight_panel import InsightPanel
from ui.models import InsightModel, Role

REPEATED = "このドレスの在庫はまだありますでしょうか"
TIMES = 600


def _looping_mail() -> str:
    return ("いつもお世話になっております。\n"
            + f"{REPEATED}。\n" * TIMES
            + "それと、配送日も教えていただけますか。\n母が足を悪くしており、受け取りが心配です。\n")


def test_identical_highlights_are_one_row_with_their_count(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    body = _looping_mail()
    insight = analyze(body)
    same = [h for h in insight.highlights if REPEATED in body[h.start:h.end]]
    assert len(same) == TIMES  # the analyser hears the question each time: the panel must cope
    panel = InsightPanel()
    qtbot.addWidget(panel)
    panel.resize(370, 560)
    panel.show()
    panel.set_insight(body, insight)
    qtmodeltester.check(panel.model)
    requests = panel.model.highlight_indexes(HighlightKind.REQUEST)
    assert len(requests) <= 3, [i.data() for i in requests]
    grouped = [i for i in requests if REPEATED in i.data()]
    assert len(grouped) == 1
    row = grouped[0]
    assert row.data(Role.REPEATS) == len(same)
    assert f"同じ文が {len(same):,} 回" in row.data(Role.TOPIC)
    assert f"{len(same):,} 回あります" in row.data(Qt.ItemDataRole.ToolTipRole)
    # The other request has its own row, visible without scrolling past hundreds of copies.
    other = next(i for i in requests if "配送日" in i.data())
    qtbot.waitUntil(lambda: panel.view.visualRect(other).isValid())
    assert panel.view.viewport().rect().contains(panel.view.visualRect(other))
    # The row jumps to the first place the sentence occurs.
    first = min(range(len(insight.highlights)),
                key=lambda i: (REPEATED not in body[insight.highlights[i].start:insight.highlights[i].end],
                               insight.highlights[i].start))
    with qtbot.waitSignal(panel.highlight_activated) as activated:
        panel.view.clicked.emit(row)
    assert activated.args == [first]


def test_sentences_that_differ_keep_their_own_rows() -> None:
    from app.model import Highlight, Insight

    body = "在庫はありますか？在庫はありますか？ 在庫は ありますか？色違いはありますか？"
    spans = [(0, 9), (9, 18), (19, 29), (29, 39)]
    model = InsightModel()
    model.set_insight(body, Insight(highlights=tuple(Highlight(HighlightKind.REQUEST, a, b, "") for a, b in spans)))
    rows = model.highlight_indexes(HighlightKind.REQUEST)
    # Only the same words count as the same sentence; spacing inside differs → its own row.
    assert [r.data(Role.REPEATS) for r in rows] == [2, 1, 1]
    assert rows[0].data(Role.HIGHLIGHT_INDEX) == 0 and rows[0].data(Role.TOPIC) == "同じ文が 2 回"
