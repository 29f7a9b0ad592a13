"""A finding's sentence follows the interface language: the composer's list and tooltip, the send dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.model import Finding, FindingKind, Severity
from app.review import messages, review_draft
from ui.composer import ComposerPane, FindingRow
from ui.i18n import Translations
from ui.review_dialog import SendReviewDialog
from ui.wording import finding_message

DRAFT = "ご注文の詳細を拝見させていただきます。"
JAPANESE = "二重敬語です。敬語が重なっています。「拝見」は謙譲語なので「させていただく」は不要です。"
ENGLISH = (
    "Double honorific: two honorific forms are stacked. "
    "“拝見” is already humble, so させていただく is not needed."
)


def _finding() -> Finding:
    return next(f for f in review_draft(DRAFT) if f.kind is FindingKind.KEIGO_DOUBLE)


def _row_texts(composer: ComposerPane) -> list[str]:
    view = composer.findings_view
    rows = [view.itemWidget(view.item(i)) for i in range(view.count())]
    return [row.label.text() for row in rows if isinstance(row, FindingRow)]


def _tooltips(composer: ComposerPane) -> list[str]:
    return [s.format.toolTip() for s in composer.editor.extraSelections()]


def test_composer_and_send_dialog_show_findings_in_english(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    finding = _finding()
    assert finding.message == JAPANESE
    composer = ComposerPane()
    qtbot.addWidget(composer)
    composer.editor.setPlainText(DRAFT)
    assert composer.set_findings(DRAFT, [finding])
    assert _row_texts(composer) == [f"二重敬語：{JAPANESE}"]
    assert _tooltips(composer) == [JAPANESE]
    translations = Translations(app)
    try:
        assert translations.apply("en")
        # The composer re-words its rows and underlines when Qt's LanguageChange arrives.
        qtbot.waitUntil(lambda: _row_texts(composer) == [f"Double honorific: {ENGLISH}"], timeout=5000)
        assert _tooltips(composer) == [ENGLISH]
        dialog = SendReviewDialog([finding])
        qtbot.addWidget(dialog)
        assert dialog.list.line(0) == f"Double honorific: {ENGLISH}"
    finally:
        translations.apply("ja")
    qtbot.waitUntil(lambda: _row_texts(composer) == [f"二重敬語：{JAPANESE}"], timeout=5000)
    assert _tooltips(composer) == [JAPANESE]


def test_every_finding_of_a_draft_reads_in_english(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    findings = review_draft("1,000円からお預かりします。確認確認をお願いいたします。{customer}様")
    assert {f.kind for f in findings} >= {FindingKind.KEIGO_BAITO, FindingKind.TYPO, FindingKind.UNFILLED_PLACEHOLDER}
    translations = Translations(app)
    try:
        assert translations.apply("en")
        english = {f.kind: finding_message(f) for f in findings}
    finally:
        translations.apply("ja")
    assert english[FindingKind.KEIGO_BAITO] == "The から in 「〜円からお預かりします」 is not needed."
    assert english[FindingKind.TYPO] == "“確認” appears twice in a row."
    # A value with braces of its own is filled in as text, never read as a placeholder.
    assert english[FindingKind.UNFILLED_PLACEHOLDER] == (
        "“{customer}” has not been filled in. Please replace it before sending."
    )


def test_a_finding_without_template_or_with_a_broken_translation_shows_its_message() -> None:
    plain = Finding(FindingKind.TYPO, Severity.WARNING, 0, 1, "そのままの文")
    assert finding_message(plain) == "そのままの文"
    # Values missing for the template's placeholders: the Japanese sentence, not a crash.
    broken = Finding(FindingKind.TYPO, Severity.WARNING, 0, 1, "元の文", template=messages.TYPO, args=())
    assert finding_message(broken) == "元の文"
